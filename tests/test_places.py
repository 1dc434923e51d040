"""Places: finding place names in reports we wrote, resolving namesakes, locating incidents."""

from __future__ import annotations


import pytest

from blotter.geo import load_gazetteer
from blotter.models import Article
from blotter.nlp import analyse
from blotter.incidents.frame import IncidentFrame
from blotter.places import find_places, locate


def places_of(text: str, dateline: str | None = None):
    article = Article(id="t", text=text, dateline=dateline)
    return find_places(analyse(text), article)


def by_mention(places):
    return {p.mention.lower(): p for p in places}


def assert_offsets_match(text: str, places) -> None:
    for place in places:
        assert text[place.start:place.end] == place.mention


def test_gazetteer_knows_countries_states_cities():
    # How fast it loads is the benchmark's business (models warm-up), not a test's.
    load_gazetteer.cache_clear()
    gazetteer = load_gazetteer()
    assert {e.feature for e in gazetteer.lookup("Texas")} == {"admin1"}
    assert any(e.feature == "country" and e.country_code == "NG" for e in gazetteer.lookup("Nigeria"))
    assert any(e.feature == "admin1" and e.admin1 == "Kaduna" for e in gazetteer.lookup("Kaduna"))


def test_namesakes_follow_the_area_named_after_a_comma():
    text = "A man was shot in Paris, Texas, on Friday. A second victim died in Springfield, Ill., later."
    places = by_mention(places_of(text))
    assert places["paris"].country_code == "US" and places["paris"].admin1 == "Texas"
    assert places["springfield"].admin1 == "Illinois"
    assert places["texas"].feature == "admin1"


def test_namesakes_follow_the_country_named_nearby_and_the_dateline():
    places = by_mention(places_of("A bomb went off in Hyderabad, Pakistan, killing four."))
    assert places["hyderabad"].country_code == "PK"
    plain = by_mention(places_of("Gunmen opened fire in Hyderabad on Tuesday.", dateline="KARACHI, Pakistan"))
    assert plain["hyderabad"].country_code == "PK"
    assert by_mention(places_of("Gunmen opened fire in Hyderabad on Tuesday."))["hyderabad"].country_code == "IN"


def test_state_word_makes_an_admin1_and_bare_name_a_city():
    text = "Gunmen attacked a cattle market near Kaduna, the police in Kaduna state said."
    places = places_of(text)
    assert [(p.mention, p.feature) for p in places] == [("Kaduna", "city"), ("Kaduna state", "admin1")]
    assert all(p.country_code == "NG" for p in places)
    assert_offsets_match(text, places)


def test_landmark_resolves_to_its_city_point():
    text = "Two people were stabbed on London Bridge on Friday evening."
    place = by_mention(places_of(text))["london bridge"]
    assert place.feature == "landmark" and place.country_code == "GB"
    assert abs(place.lat - 51.5) < 0.1


def test_all_caps_wire_copy():
    text = "GUERRILLAS ATTACKED A POLICE POST IN USULUTAN DEPARTMENT, EL SALVADOR, REPORTS FROM LIMA, PERU, SAID."
    places = by_mention(places_of(text))
    assert places["usulutan department"].feature == "admin1"
    assert places["el salvador"].country_code == "SV"
    assert places["lima"].country_code == "PE"
    assert "police" not in places
    assert_offsets_match(text, places.values())


def test_lower_case_text():
    text = "three people were stabbed near london bridge in london, england, on saturday."
    places = places_of(text)
    assert {p.mention for p in places} >= {"london bridge", "london", "england"}
    assert_offsets_match(text, places)


def test_common_words_are_not_places_and_demonyms_are_their_country():
    text = "Reading the statement, the Afghan and Nigerian envoys said the weather was nice in March."
    places = places_of(text)
    assert [(p.mention, p.name, p.feature, p.country_code) for p in places] == [
        ("Afghan", "Afghanistan", "country", "AF"), ("Nigerian", "Nigeria", "country", "NG")]


def test_all_caps_dateline_month_is_not_a_place_and_the_capital_phrase_is_the_capital():
    text = ("KABUL, 3 MAR 24 (WIRE) -- A SUICIDE BOMBER KILLED SIX PEOPLE AT A BUS STATION IN THE AFGHAN "
            "CAPITAL ON SUNDAY, OFFICIALS SAID.")
    places = places_of(text, dateline="KABUL")
    assert all(p.country_code == "AF" for p in places)
    assert "MAR" not in {p.mention for p in places}
    capital = by_mention(places)["afghan capital"]
    assert (capital.name, capital.feature) == ("Kabul", "city")
    location = locate(frame_of(text, sentence_count=1, dateline="KABUL"))
    assert (location.name, location.country_code) == ("Kabul", "AF")


def test_names_are_written_the_way_english_readers_write_them():
    text = "Police in Cologne and Munich raised security after threats; officials in Kyiv and Sao Paulo agreed."
    names = {p.mention: p.name for p in places_of(text)}
    assert names == {"Cologne": "Cologne", "Munich": "Munich", "Kyiv": "Kyiv", "Sao Paulo": "Sao Paulo"}
    assert by_mention(places_of("A fire broke out in Köln on Monday."))["köln"].name == "Koln"


def test_us_county_is_an_admin2():
    place = by_mention(places_of("Deputies in Broward County, Florida, arrested a man on Friday."))["broward county"]
    assert (place.feature, place.admin1, place.country_code) == ("admin2", "Florida", "US")


def test_text_without_places():
    assert places_of("Nobody was hurt when the old shed collapsed during the storm.") == []


def frame_of(text: str, sentence_count: int | None = None, dateline: str | None = None,
             url: str | None = None) -> IncidentFrame:
    article = Article(id="t", text=text, dateline=dateline, url=url)
    doc = analyse(text)
    sentences = list(doc.sents)[:sentence_count] if sentence_count is not None else []
    return IncidentFrame(doc=doc, article=article, sentences=sentences, places=find_places(doc, article))


def test_locate_prefers_the_specific_place_of_the_incident_sentence():
    text = ("Gunmen killed five traders at a cattle market on the outskirts of Kaduna, Nigeria, on Sunday. "
            "The attack was condemned in Abuja.")
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.precision, location.country) == ("Kaduna", "city", "Nigeria")
    assert location.evidence[0].quote.endswith("on the outskirts of Kaduna")
    assert text[location.evidence[0].start:location.evidence[0].end] == location.evidence[0].quote


def test_locate_landmark_is_exact_at_its_city():
    location = locate(frame_of("Two people were stabbed on London Bridge on Friday evening.", sentence_count=1))
    assert (location.mention, location.name, location.precision) == ("London Bridge", "London", "exact")
    assert location.country_code == "GB"


def test_locate_state_and_fallbacks():
    state = locate(frame_of("Bandits abducted ten farmers in Zamfara state on Monday.", sentence_count=1))
    assert (state.name, state.precision) == ("Zamfara", "admin1")
    text = "Police said the suspect fled. Officials in Lagos later confirmed the arrest. Lagos was calm."
    fallback = locate(frame_of(text))
    assert fallback.name == "Lagos" and fallback.evidence[0].quote == "Lagos"


def test_locate_ignores_demonyms_unless_nothing_else_is_named():
    text = "Russian troops shelled a school in Kharkiv on Monday, killing four."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.country_code, location.precision) == ("Kharkiv", "UA", "city")
    only_demonym = locate(frame_of("Russian troops shelled a school on Monday, killing four.", sentence_count=1))
    assert (only_demonym.name, only_demonym.precision) == ("Russia", "country")


def test_locate_without_any_place_is_unknown():
    location = locate(frame_of("A man was stabbed after an argument, police said.", sentence_count=1))
    assert location.precision == "unknown" and location.name is None and location.evidence == []


def test_a_repeated_name_is_one_place_and_its_qualifier_holds_for_every_mention():
    text = ("Police in Allendale, N.J., closed two roads on Friday. Later, Allendale residents gathered "
            "outside the school, and Allendale officials thanked them.")
    places = places_of(text)
    allendales = [p for p in places if p.mention == "Allendale"]
    assert len(allendales) == 3 and {p.admin1 for p in allendales} == {"New Jersey"}
    assert (by_mention(places)["n.j."].name, by_mention(places)["n.j."].feature) == ("New Jersey", "admin1")


def test_a_state_named_in_the_report_decides_its_towns_namesakes():
    text = "Students returned to class in Parkland on Monday. Florida lawmakers debated new gun rules."
    assert by_mention(places_of(text))["parkland"].admin1 == "Florida"


def test_washington_in_government_news_is_the_capital():
    text = "Officials in Washington said the White House would respond to the attack within days."
    places = by_mention(places_of(text))
    assert (places["washington"].feature, places["washington"].country_code) == ("city", "US")
    assert abs(places["washington"].lat - 38.9) < 0.2
    assert places["white house"].feature == "landmark"


def test_town_names_inside_longer_names_are_not_places():
    text = "Visitors toured Marigny Plantation and the Riverdale Lukoil station on Sunday."
    assert {p.mention for p in places_of(text)} & {"Marigny", "Riverdale"} == set()


def test_saint_and_st_are_one_name():
    gazetteer = load_gazetteer()
    assert any(e.admin1 == "Minnesota" for e in gazetteer.lookup("St. Paul"))
    assert any(e.admin1 == "Minnesota" for e in gazetteer.lookup("Saint Paul"))


def test_a_surname_of_a_named_person_and_a_short_acronym_are_not_places():
    text = ("Li Chen, a teacher, was hurt in the blast in Kunming. Chen said the APC office nearby "
            "was empty, and he later travelled to Beijing.")
    mentions = {p.mention for p in places_of(text)}
    assert {"Kunming", "Beijing"} <= mentions
    assert not mentions & {"Chen", "APC"}


def test_arabic_article_and_transliterated_names():
    places = by_mention(places_of("Clashes were reported in Qamishli and in Douma on Saturday."))
    assert places["qamishli"].country_code == "SY" and places["qamishli"].name == "Qamishli"
    assert places["douma"].country_code == "SY"


def test_a_state_that_holds_the_reports_city_beats_a_foreign_namesake():
    places = by_mention(places_of("Atlanta police said the suspect fled Georgia on Sunday."))
    assert (places["georgia"].feature, places["georgia"].country_code) == ("admin1", "US")
    new_york = by_mention(places_of("Police in Buffalo and Albany joined officers in New York on Monday."))
    assert new_york["new york"].feature == "city"


def test_all_caps_dateline_in_a_mixed_case_report():
    text = "ST. LOUIS (AP) — A man was shot on Friday near a gas station, police said."
    place = places_of(text)[0]
    assert (place.mention, place.name, place.admin1) == ("ST. LOUIS", "St. Louis", "Missouri")


def test_a_neighbourhood_of_a_big_city_named_in_the_report_is_located_in_that_city():
    text = "A man was shot in Kensington on Sunday night. Philadelphia police said he was in stable condition."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.mention, location.name, location.admin1) == ("Kensington", "Philadelphia", "Pennsylvania")
    assert location.evidence[0].quote.endswith("Kensington")


def test_a_bare_compass_word_is_a_quarter_of_the_city_the_page_address_names():
    text = "Two men were shot Tuesday night in Southwest, police said. Both are expected to survive."
    location = locate(frame_of(text, 1, url="https://www.chicagonews.example/news/2-shot/"))
    assert (location.mention, location.name, location.admin1, location.precision) == \
        ("Southwest", "Chicago", "Illinois", "city")
    assert location.evidence[0].quote == "in Southwest"
    # without an address naming a city, the word places nothing
    assert locate(frame_of(text, 1)).name != "Chicago"


def test_a_neighbourhood_put_in_another_state_is_in_the_big_city_the_page_address_names():
    text = "A girl was shot inside a home in Kensington on Saturday, police said."
    location = locate(frame_of(text, 1, url="https://www.tvphiladelphia.example/news/local/girl-shot/"))
    assert (location.mention, location.name, location.admin1) == ("Kensington", "Philadelphia", "Pennsylvania")
    assert location.evidence[0].quote.endswith("in Kensington")
    # the town's own state after it, or a namesake near the outlet's city, keeps the town
    text = "A man was shot in Kensington, N.Y., on Friday, police said."
    assert locate(frame_of(text, 1, url="https://www.tvphiladelphia.example/news/man-shot/")).name == "Kensington"
    text = "A man was shot at a bar in Pasadena on Friday, police said."
    assert locate(frame_of(text, 1, url="https://www.nbclosangeles.example/news/man-shot/")).name == "Pasadena"


def test_a_suburb_with_its_own_police_stays_itself():
    text = "A man was shot in West Allis on Monday. West Allis police said a Milwaukee man was arrested."
    assert locate(frame_of(text, sentence_count=1)).name == "West Allis"


def test_a_towns_own_police_names_the_town_the_tagger_calls_a_person():
    text = "Two men were arrested Tuesday after a boy was shot in the leg, according to Kingsport Police."
    assert by_mention(places_of(text))["kingsport"].admin1 == "Tennessee"
    assert "metro" not in by_mention(places_of("A woman was wounded on Friday, according to Metro Police."))


def test_a_town_named_like_an_english_word_is_named_by_its_police_department():
    text = "A woman was wounded at a party on Friday, according to the Normal Police Department."
    assert by_mention(places_of(text))["normal"].admin1 == "Illinois"
    assert places_of("A woman was wounded on Friday, according to the City Police Department.") == []


def test_an_exclamation_names_no_village_abroad():
    text = '"Oh my God," a neighbour screamed as the car sped off in Denver.'
    assert by_mention(places_of(text)).keys() == {"denver"}


def test_a_county_abbreviated_in_a_capitals_dateline_is_the_county():
    text = "WARREN CO., Ohio -- A man was shot near a barn on Friday, deputies said."
    place = by_mention(places_of(text))["warren co."]
    assert (place.feature, place.admin1) == ("admin2", "Ohio")


def test_a_small_town_that_is_also_a_first_name_needs_a_preposition():
    text = "Tyler told reporters his brother was shot in Memphis on Friday."
    assert locate(frame_of(text, sentence_count=1)).name == "Memphis"


def test_a_county_naming_an_office_does_not_beat_the_town_of_the_scene():
    text = "A Jefferson County Sheriff's deputy shot a man outside a store in Aurora, Colorado, on Monday."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1) == ("Aurora", "Colorado")


def test_a_numbered_street_is_not_a_town():
    places = places_of("Three people were shot near 23rd Street in Oakland on Friday.")
    assert "Street" not in {p.mention for p in places}


def test_a_city_glued_to_the_title_of_a_scraped_page_is_found():
    text = "Man hurt in shooting | 6abc.comPhiladelphia police said a man was shot in Kensington on Sunday."
    places = places_of(text)
    assert_offsets_match(text, places)
    assert "Philadelphia" in {p.mention for p in places}
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1) == ("Philadelphia", "Pennsylvania")
    assert "6abc" not in location.evidence[0].quote
    assert "PowerPoint" not in {p.mention for p in places_of("He showed a PowerPoint to the council.")}


def test_a_glued_capitals_dateline_locates_the_report():
    text = "Relatives plead for tips in bakery killing | news5.comAKRON, Ohio -- A man was shot dead in a robbery on Monday."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.mention, location.name, location.admin1) == ("AKRON", "Akron", "Ohio")


def test_a_small_towns_dateline_glued_to_the_page_header_locates_the_report():
    text = ("Ex-player arrested after gun incident | Fox 59GREENWOOD, Ind. (May 2, 2016) -- A man fired a gun "
            "at a home in Brownsburg on Friday, police said.")
    assert locate(frame_of(text, sentence_count=1)).name == "Greenwood"
    text = "Teen charged in shooting | News | WCIVFLORENCE, S.C. (WCIV) -- A man was shot dead in Effingham on Monday."
    assert "FLORENCE" in {p.mention for p in places_of(text)}
    text = "Two hurt at motel | WKXANORTH CHARLESTON, S.C. (WKXA) -- Three people were hurt at a motel on Monday."
    assert locate(frame_of(text, sentence_count=1)).name == "North Charleston"
    assert "WASHINGTON" in {p.mention for p in places_of("Senate vote | WASHINGTON (AP) -- The Senate voted on Monday.")}
    assert {p.mention for p in places_of("The 1990s wave | 59GREENWOOD fans said the police came.")} == set()


def test_a_victims_home_town_is_not_the_scene_and_a_town_after_at_a_is():
    text = "A 27-year-old man from Harvey was shot dead on Friday in Gretna, police said."
    assert locate(frame_of(text, sentence_count=1)).name == "Gretna"
    text = "A man killed his ex-wife at a Schererville business on Saturday, Indiana police said."
    assert locate(frame_of(text, sentence_count=1)).name == "Schererville"
    text = "Jane Roe, 31, of Salem was shot in the arm on Friday, police said."
    assert locate(frame_of(text, sentence_count=1)).name == "Salem"  # the only town: still the best guess


def test_a_county_abbreviated_co_is_the_county():
    places = by_mention(places_of("Deputies are investigating a Franklin Co. shooting, Ohio officials said."))
    assert (places["franklin co."].feature, places["franklin co."].name) == ("admin2", "Franklin County")


def test_a_county_is_its_most_populous_namesake():
    text = "The Harris County Sheriff's Office said a deputy was sent to the Harris County jail."
    county = by_mention(places_of(text))["harris county"]
    assert (county.feature, county.admin1) == ("admin2", "Texas")


def test_streets_are_not_towns():
    places = places_of("A man was shot in the 6300 block of Sierra Blanca. Another was hurt on New Castle Ave. "
                       "and a third near 48th and Hampton in Milwaukee.")
    assert {p.mention for p in places} == {"Milwaukee"}


def test_a_state_abbreviation_after_a_town_is_the_state():
    places = by_mention(places_of("OVERLAND, MO (KMOV) -- A man was shot in Overland on Tuesday."))
    assert (places["mo"].feature, places["mo"].name) == ("admin1", "Missouri")
    assert places["overland"].admin1 == "Missouri"


def test_a_place_in_an_outlets_or_buildings_name_is_a_place_but_not_the_scene():
    text = "A man was shot on Friday, the Washington Post reported. He was taken to Mercy Hospital in Baltimore."
    assert "Washington" in {p.mention for p in places_of(text)}
    assert locate(frame_of(text, sentence_count=1)).name == "Baltimore"
    assert "Russian" in {p.mention for p in places_of("Several Russian news outlets reported the arrest.")}


def test_a_speaker_is_not_a_place_and_a_suburb_is_a_town():
    text = "An officer was shot in the suburb of Holladay near Salt Lake City, Zala said."
    places = places_of(text)
    assert "Zala" not in {p.mention for p in places}
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1) == ("Holladay", "Utah")


def test_a_state_does_not_vouch_for_its_own_city_and_hamlets_do_not_beat_big_namesakes():
    assert by_mention(places_of("She studied at a college in Oklahoma before moving."))["oklahoma"].feature == "admin1"
    places = by_mention(places_of("Ohio State beat Louisville on Saturday. Louisville fans left early."))
    assert places["louisville"].admin1 == "Kentucky"


def test_a_dateline_town_next_to_a_big_city_stays_itself():
    text = "BROWN DEER, Wis. -- A man was shot on Monday, police said. Milwaukee police helped."
    location = locate(frame_of(text, sentence_count=1))
    assert location.name == "Brown Deer"


def test_a_neighbourhood_dateline_without_a_state_is_in_the_city_the_page_address_names():
    text = "ROGERS PARK — A woman was wounded by gunfire late on Friday, police said. She is expected to recover."
    location = locate(frame_of(text, sentence_count=1, url="https://www.citynews.example.com/chicago/2016/woman-hurt"))
    assert (location.mention, location.name, location.admin1) == ("ROGERS PARK", "Chicago", "Illinois")
    text = "BROWN DEER, Wis. -- A man was shot on Monday, police said."
    assert locate(frame_of(text, sentence_count=1, url="https://www.milwaukeenews.example.com/story/1")).name == "Brown Deer"


def test_the_page_address_is_not_read_when_the_report_names_the_big_city(monkeypatch):
    import blotter.places as places_module
    read: list[str | None] = []
    monkeypatch.setattr(places_module, "_address_city", lambda url: read.append(url))
    text = "A man was shot in Kensington on Monday, Philadelphia police said."
    locate(frame_of(text, sentence_count=1, url="https://www.citynews.example.com/chicago/2016/man-hurt"))
    assert read == []


def test_a_big_citys_police_at_a_sentence_start_name_the_city():
    places = places_of("Albuquerque police arrested two brothers after a fight outside a bar.")
    assert [(p.mention, p.admin1) for p in places] == [("Albuquerque", "New Mexico")]


def test_a_court_named_after_its_county_is_no_scene():
    text = ("A man who shot his son at home was sentenced on Friday in Lafayette, Indiana. "
            "Hamilton Superior Court Judge Ann Lee told him the shooting was no accident.")
    frame = frame_of(text)
    frame.sentences = list(frame.doc.sents)[1:]
    assert locate(frame).name == "Lafayette"


def test_a_county_gives_way_to_a_hamlet_the_gazetteer_lacks_in_the_incident_sentence():
    text = "Wake County deputies said a girl was hurt by a stray pellet on a farm in Quillby before noon."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1, location.precision) == ("Quillby", "North Carolina", "city")
    assert location.evidence[0].quote == "in Quillby"
    text = "Wake County deputies said a man was shot in a home near Elm and Bowles on Sunday."
    assert locate(frame_of(text, sentence_count=1)).name == "Wake County"
    text = "Wake County deputies said a boy was shot Sunday in Houston Park, police said."
    assert locate(frame_of(text, sentence_count=1)).name == "Wake County"
    text = "Wake County deputies said a boy was shot Sunday on a farm near Zenobia Highway 30."
    assert locate(frame_of(text, sentence_count=1)).name == "Wake County"


def test_a_county_keeps_a_capitalised_trade_or_a_later_sentence_name_as_no_town():
    text = "Wake County deputies said a man who was shot at a home on Monday had worked in Accounting for years."
    assert locate(frame_of(text, sentence_count=1)).name == "Wake County"
    text = ("Wake County deputies said a man was shot and killed at a home on Monday. "
            "A neighbor said the victim had lived in Quillby.")
    frame = frame_of(text, sentence_count=2)
    shot = next(t.i for t in frame.doc if t.text == "shot")
    frame.trigger = frame.doc[shot:shot + 1]
    assert locate(frame).name == "Wake County"


def test_a_big_city_named_apart_from_the_scene_does_not_absorb_a_suburb():
    for text in ("A man was shot in Oak Park on Sunday, in the Chicago suburbs.",
                 "A man was shot in Oak Park on Sunday, nine miles west of Chicago.",
                 "A cyclist was shot in Hamtramck on Monday. He was flown to a medical center in Detroit.",
                 "A cyclist was shot in Hamtramck on Monday. Hamtramck firefighters and Detroit police came."):
        assert locate(frame_of(text, sentence_count=1)).name in ("Oak Park", "Hamtramck"), text


def test_the_hospital_town_is_not_the_scene():
    text = "A boy was shot in Fitchburg on Sunday and taken to HealthAlliance Hospital in Leominster, police said."
    assert locate(frame_of(text, sentence_count=1)).name == "Fitchburg"


def test_a_side_of_town_is_not_a_hamlet_of_that_name():
    text = "Two men were shot on the North Side on Friday, Chicago police said. Another man was hurt in Midtown."
    assert {p.mention for p in places_of(text)} == {"Chicago"}
    assert locate(frame_of(text, sentence_count=1)).name == "Chicago"


def test_a_city_beside_a_big_city_or_across_a_state_line_stays_itself():
    text = "A man was shot in Highland Heights on Sunday. Cincinnati police assisted Kentucky troopers."
    assert locate(frame_of(text, sentence_count=1)).name == "Highland Heights"


def test_streets_and_buildings_are_placed_in_their_town_but_never_locate_an_incident():
    text = ("A fire broke out on Maple Street in Dayton on Monday. Dayton police said the blaze reached "
            "the Linden Public Library. A woman was taken to Mercy General Hospital in Columbus.")
    places = by_mention(places_of(text))
    dayton, columbus = places["dayton"], places["columbus"]
    street, library = places["maple street"], places["linden public library"]
    assert street.feature == "landmark" and (street.lat, street.lon) == (dayton.lat, dayton.lon)
    assert (library.lat, library.lon) == (dayton.lat, dayton.lon)
    assert (places["mercy general hospital"].lat, places["mercy general hospital"].lon) == (columbus.lat, columbus.lon)
    assert_offsets_match(text, places.values())
    article = Article(id="t", text=text)
    doc = analyse(text)
    frame = IncidentFrame(doc=doc, article=article, sentences=list(doc.sents)[:1], is_primary=True,
                          places=find_places(doc, article))
    assert locate(frame).name == "Dayton"


def test_no_street_is_placed_without_a_town_to_put_it_in():
    assert not [p for p in places_of("Residents of Maple Street complained about the noise.") if p.feature == "landmark"]


def test_a_county_gives_way_to_the_town_inside_it_the_report_names():
    text = ("A man was shot dead on Friday night, the third killing in Franklin County this month. "
            "Columbus police are investigating.")
    location = locate(frame_of(text, 1))
    assert location.name == "Columbus" and location.precision == "city" and location.admin1 == "Ohio"
    alone = locate(frame_of("A man was shot dead on Friday night in Franklin County, Ohio.", 1))
    assert alone.precision == "admin2"


def test_a_county_gives_way_to_a_namesake_inside_it_of_a_town_resolved_elsewhere():
    # 'Dallas' alone is the big city in Texas, but near a Georgia county it is the small town inside it.
    text = "A man was shot in Paulding County, Ga., on Sunday. Deputies found him on a road near Dallas."
    location = locate(frame_of(text, 1))
    assert (location.name, location.admin1, location.precision) == ("Dallas", "Georgia", "city")
    assert location.lat is not None and abs(location.lat - 33.92) < 0.3


def test_a_side_of_a_big_city_is_that_city():
    text = "A man was shot on the Near North Side on Sunday, Chicago police said."
    assert locate(frame_of(text, 1)).name == "Chicago"


def test_a_one_word_person_guess_of_the_tagger_is_still_a_place():
    assert "almelo" in by_mention(places_of("The ferry stops in Hilversum and Almelo on weekdays."))
    assert "oahu" in by_mention(places_of("Prices on Oahu rose again."))
    # a word of someone's full name stays that person
    assert "almelo" not in by_mention(places_of("Tom Almelo is a farmer. Almelo said he would run."))


def test_a_dotted_state_after_an_unknown_town_or_in_brackets_is_a_place_and_a_qualifier():
    places = places_of("CAMP MURRAY, Wash. - The team trained here.")
    assert [(p.mention, p.admin1) for p in places] == [("Wash.", "Washington")]
    county = by_mention(places_of("The Walker County (Ga.) Sheriff's Office asked for help."))
    assert county["walker county"].admin1 == "Georgia" and county["ga."].feature == "admin1"
    text = "HANNIBAL, Mo. - A man was shot on Friday night in Hannibal."
    assert locate(frame_of(text, 1)).name == "Hannibal"


def test_a_building_takes_the_town_before_its_possessive_and_the_home_town_is_the_main_states():
    text = ("Residents of Fairfax, Vienna and Centreville, Va., shop in Gainesville. Norbury and Norbury "
            "again. The Linden Public Library is nearby, and Dayton's Mercy General Hospital too.")
    places = by_mention(places_of(text))
    assert places["linden public library"].admin1 == "Virginia"
    assert places["mercy general hospital"].admin1 == "Ohio"


def test_a_town_that_names_a_local_body_is_still_named():
    places = by_mention(places_of("The Allendale Woman's Club met in the school hall on Monday."))
    assert places["allendale"].country_code == "US"


def test_an_english_county_after_a_comma_narrows_the_town_and_a_capital_may_speak():
    places = by_mention(places_of("The next round is at Croft, Yorkshire, in June."))
    assert places["croft"].country_code == "GB"
    assert "beijing" in by_mention(places_of("Stocks slid after Beijing said it would respond."))


def test_a_compass_word_narrows_an_area_or_a_big_city_but_not_a_continent():
    wales = by_mention(places_of("A body was discovered on a cliff trail in West Wales, Britain."))["west wales"]
    assert (wales.name, wales.feature) == ("Wales", "admin1")
    assert by_mention(places_of("He moved to West Philadelphia."))["west philadelphia"].name == "Philadelphia"
    north_africa = by_mention(places_of("Trade with North Africa grew."))["north africa"]
    assert north_africa.name == "North Africa"  # a region of its own, not the whole continent


def test_regions_and_demonyms_a_news_report_names():
    places = by_mention(places_of("Arab leaders met as a Siberian chill hit. Fighting in Nagorno-Karabakh "
                                  "and the tribal areas of FATA went on, and in D.C., lawmakers met."))
    assert places["arab"].name == "Arabian Peninsula"
    assert places["siberian"].name == "Siberia"
    assert places["nagorno-karabakh"].country_code == "AZ"
    assert places["fata"].country_code == "PK"
    assert places["d.c."].admin1 == "District of Columbia"


def test_a_city_that_speaks_or_is_mislabelled_is_still_named():
    places = by_mention(places_of("After the game, Liverpool said it regretted the attack on the team coach."))
    assert places["liverpool"].country_code == "GB"
    places = by_mention(places_of("Cooperation between NATO and Tunis grew. Europe added more ships."))
    assert places["tunis"].country_code == "TN"
    assert places["europe"].feature == "region"
    assert by_mention(places_of("Nations in the U.S.-led coalition met in Iraq."))["u.s."].country_code == "US"
    places = by_mention(places_of("Burton Albion beat Bolton Wanderers in the English Football League."))
    assert {"burton", "bolton"} <= set(places)
    assert "zala" not in by_mention(places_of("The vote was close, Zala said."))


def test_a_british_road_is_placed_at_its_town_only_in_a_british_report():
    places = by_mention(places_of("A cyclist was hurt on the A120 at Coggeshall, Essex. The A120 reopened later."))
    assert places["a120"].feature == "landmark" and places["a120"].country_code == "GB"
    assert "m16" not in by_mention(places_of("Police in Dayton, Ohio, found the M16 in a car in Dayton."))


def test_famous_sites_resolve_to_their_city():
    places = by_mention(places_of("The couple will marry at Windsor Castle in May; fans flew in through Schiphol."))
    assert places["windsor castle"].country_code == "GB" and places["schiphol"].country_code == "NL"


def test_a_village_known_only_far_away_is_placed_at_the_home_town_of_the_report():
    text = ("Dayton police said a man was shot near Stonewall Plaza on Monday. Dayton officers found him on "
            "the steps of the Stonewall, a bar in Dayton, Ohio.")
    places = places_of(text)
    stonewall = [p for p in places if p.mention == "Stonewall"]
    dayton = by_mention(places)["dayton"]
    assert stonewall and all((p.lat, p.lon, p.admin1) == (dayton.lat, dayton.lon, "Ohio") for p in stonewall)


def test_a_foreign_namesake_does_not_locate_a_report_set_in_one_country():
    text = ("SYRACUSE, N.Y. - A fight at Mama Nancy's diner ended in gunfire on Sunday, Syracuse police said. "
            "Onondaga County deputies joined the chase.")
    assert locate(frame_of(text, 1)).country_code == "US"


def test_a_name_listed_with_states_is_a_state():
    places = by_mention(places_of("Tourists arrive from northern states such as Oregon or Washington, "
                                  "drawn by low prices."))
    assert (places["washington"].feature, places["washington"].admin1) == ("admin1", "Washington")
    place = by_mention(places_of("He flew to Washington, D.C. on Monday."))["washington"]
    assert place.admin1 == "District of Columbia"


def test_a_continental_adjective_names_the_continent():
    place = by_mention(places_of("Talks on the North American Free Trade Agreement went on."))["north american"]
    assert place.name == "North America"


def test_the_gulf_and_state_abbreviations():
    places = by_mention(places_of("Saudi Arabia cut trade ties with another US partner in the Gulf, Qatar."))
    assert places["gulf"].name == "Persian Gulf"
    places = by_mention(places_of("Oil spilled in the Gulf of Mexico near Gulf Shores, Alabama."))
    assert places["gulf of mexico"].name == "Gulf of Mexico"
    places = by_mention(places_of("Rangers from NSW met walkers who had come from NJ."))
    assert places["nsw"].admin1 == "New South Wales" and places["nj"].admin1 == "New Jersey"


def test_georgia_beside_other_states_is_the_state_unless_the_country_is_in_view():
    places = by_mention(places_of("The team joined the Georgia National Guard after trips to Alaska, Hawaii and Florida."))
    assert (places["georgia"].feature, places["georgia"].country_code) == ("admin1", "US")
    places = by_mention(places_of("Russia and Georgia fought in 2008 near Tbilisi; Texas and Ohio sent aid."))
    assert places["georgia"].country_code == "GE"


def test_a_city_inside_the_name_of_a_chamber_is_named():
    places = by_mention(places_of("A deal was signed between Abuja Chamber of Commerce and a local bank."))
    assert places["abuja"].country_code == "NG"


def test_major_rivers_are_places_at_their_mouths():
    places = by_mention(places_of("The states disagree on the Cauvery Management Board. Flooding hit the "
                                  "Mekong Delta as boats sailed up the Danube."))
    assert places["cauvery"].country_code == "IN" and places["cauvery"].feature == "region"
    assert places["mekong delta"].name == "Mekong"
    assert places["danube"].feature == "region"


def test_a_first_name_in_a_school_name_is_no_town():
    places = by_mention(places_of("A boy was arrested after a shooting at Ben Franklin High School in Philadelphia."))
    assert "ben" not in places  # a person's name in a school's name is no Iranian town


def test_rooms_of_the_white_house_are_in_washington():
    places = by_mention(places_of("In the West Wing, aides worried. They met in the Oval Office on Monday."))
    assert places["west wing"].admin1 == "District of Columbia"
    assert places["oval office"].feature == "landmark"


def test_a_small_place_name_hyphened_to_a_surname_is_no_place():
    places = by_mention(places_of("Congressman Mario Diaz-Balart spoke in Miami. Cohen and Macy-O'Toole are deckhands."))
    assert "diaz" not in places and "macy" not in places and "miami" in places
    places = by_mention(places_of("Flights from Dallas-Fort Worth resumed."))
    assert {"dallas", "fort worth"} <= set(places)


@pytest.mark.parametrize("dateline", ["LIMA, 3 MAR 90 (AFP)", "LIMA (PERU), 3 MAR 90 (RADIO CONTINENTAL NETWORK)"])
def test_a_wire_report_filed_abroad_is_placed_where_it_happened(dateline):
    from blotter import extract_text

    text = (f"{dateline} -- [TEXT] GUERRILLAS BLEW UP A POWER PYLON IN MEDELLIN, COLOMBIA, LAST NIGHT, "
            "COLOMBIAN POLICE SAID.\n\n   THE BLAST LEFT PART OF MEDELLIN WITHOUT LIGHT FOR SIX HOURS.")
    record = extract_text(text)
    assert record.published == "1990-03-03"
    [incident] = record.incidents
    assert (incident.location.name, incident.location.country) == ("Medellin", "Colombia")
    assert incident.date.start == "1990-03-02", "last night, counted from the filing date"


def test_a_dateline_abroad_stays_the_place_when_the_report_names_no_other():
    from blotter import extract_text

    record = extract_text("LIMA, 3 MAR 90 (AFP) -- [TEXT] A CAR BOMB EXPLODED OUTSIDE A BANK LAST NIGHT, KILLING TWO GUARDS.")
    assert [i.location.name for i in record.incidents] == ["Lima"]


def test_a_dateline_town_the_gazetteer_lacks_still_names_the_city():
    text = ("TINYBROOK, Mo. (KXYZ) - Two people were hurt in a shooting late Monday, police said. "
            "The victims were standing outside a house when a car drove by.")
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1, location.precision) == ("Tinybrook", "Missouri", "city")
    assert location.lat is None and location.evidence[0].quote == "TINYBROOK, Mo."


def test_streets_named_like_towns_are_not_the_scene():
    crossing = locate(frame_of("A man was shot at Concord and Market streets in Wilmington on Sunday.", sentence_count=1))
    assert crossing.name == "Wilmington"
    court = locate(frame_of("A man was shot in a home invasion on South Taft Court in Lakewood, Colo., on Sunday.",
                            sentence_count=1))
    assert (court.name, court.admin1) == ("Lakewood", "Colorado")


def test_a_town_the_scene_is_measured_from_is_the_place():
    text = ("A teen has been charged with murder in connection to the Jan. 9 shooting south of Heavener. "
            "According to court records, the teen was charged by the LeFlore County District Attorney's Office.")
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1) == ("Heavener", "Oklahoma")


def test_towns_in_a_stations_tagline_are_its_market_not_the_scene():
    text = ("Deputy hurt in chase - KXAM Rochester, Austin, Albert Lea News, Weather and Sports\n"
            "A deputy and a suspect were both shot Thursday on Interstate 75 in Cobb County, Georgia.")
    location = locate(frame_of(text))
    assert (location.name, location.admin1) == ("Cobb County", "Georgia")


def test_a_towns_people_make_it_a_supported_town():
    text = ("A Sandusky man was sentenced for shooting his nephew, police said. "
            "The boy was taken to Rainbow Children's Hospital in Cleveland.")
    assert locate(frame_of(text, sentence_count=2)).name == "Sandusky"


def test_where_someone_went_afterwards_is_not_the_scene():
    text = ("Police say the suspect may be headed to Richmond. "
            "He went to the Norlina, N.C., home of his ex-wife and shot her.")
    assert locate(frame_of(text, sentence_count=2)).name == "Norlina"


def test_a_building_named_after_a_town_is_not_the_town():
    text = ("Nine people were wounded outside an apartment block called Tyler House. "
            "Police have not found the gunmen.")
    assert locate(frame_of(text, sentence_count=2)).name is None


def test_the_town_a_suspect_was_arrested_in_is_not_the_scene():
    text = ("DAYTON, Ohio -- Federal agents arrested the suspect near Atlanta on Tuesday. "
            "A man was shot dead outside a bar in Dayton last week, police said.")
    assert locate(frame_of(text, sentence_count=1)).name == "Dayton"
    text = ("A man sought in a series of holdups was taken into custody late Monday in Erie, Pennsylvania. "
            "Cleveland police said he was shot during a robbery in Cleveland.")
    assert locate(frame_of(text, sentence_count=1)).name == "Cleveland"
    text = "A man arrested for a robbery in Yonkers has been linked to the shooting of a girl, police said."
    assert locate(frame_of(text, sentence_count=1)).name == "Yonkers"  # the robbery's town, not an arrest's


def test_a_home_town_after_a_name_or_both_is_where_people_live():
    text = "The hunter and his father, both from La Crosse, were charged after a man was shot in Rusk County."
    assert locate(frame_of(text, sentence_count=1)).name == "Rusk County"
    text = "Jordan Weeks, from Red Wing, was shot while hunting in Rusk County, Wisconsin, deputies said."
    assert locate(frame_of(text, sentence_count=1)).name == "Rusk County"


def test_a_cross_street_named_like_a_town_is_no_scene():
    places = {p.mention for p in places_of("Officers found the man on Somerset Street and Lee in Philadelphia.")}
    assert "Lee" not in places and "Philadelphia" in places
    places = {p.mention for p in places_of("It happened near Beale and Fond du Lac in Milwaukee, police said.")}
    assert "Fond du Lac" not in places and "Milwaukee" in places
    text = "A hunter was shot on B Road near Delia, Kansas, on Saturday."
    assert locate(frame_of(text, sentence_count=1)).name == "Delia"  # 'Road near' a town: still the town


def test_a_police_force_or_form_label_named_like_a_foreign_town_is_no_place():
    assert places_of("Metro police say a mother took her three children to her aunt's house.") == []
    assert places_of("{* socialRegistration_displayName *} By clicking Sign in, you accept our terms.") == []


def test_a_possessive_whose_apostrophe_became_a_question_mark_still_names_the_town():
    places = places_of("Woman wounded on Milwaukee?s south side, officers said.")
    assert [(p.mention, p.name) for p in places] == [("Milwaukee", "Milwaukee")]
    places = places_of("Police said Philadelphia&#39;s fourth shooting of the day happened at noon.")
    assert [(p.mention, p.name) for p in places] == [("Philadelphia", "Philadelphia")]


def test_a_police_force_named_like_a_town_is_that_force_all_through_the_report():
    text = ("Metro Police were alerted at 5 p.m. to a boy with a gunshot wound. Metro's Youth Services "
            "division found that the boy lives at the house, according to a Metro statement.")
    assert "Metro" not in {p.mention for p in places_of(text)}
    assert "Mobile" in {p.mention for p in places_of("Mobile police said the man was shot in Mobile on Friday.")}


def test_a_suspects_surname_after_in_addition_to_is_the_suspect():
    text = ("Police believe Kayla Dixon took part and have sought a warrant to arrest her. "
            "In addition to Dixon, police also suspect two men of taking part.")
    assert "Dixon" not in {p.mention for p in places_of(text)}


def test_a_big_city_of_another_country_does_not_absorb_a_town():
    text = ("Maria Lopez, a 7-year-old Latina, was shot and killed Monday at her home on Cedar Avenue in Wilmington, "
            "Los Angeles police said.")
    location = locate(frame_of(text, 1))
    assert location.country_code == "US" and location.admin1 == "California"


def test_a_town_in_a_tip_line_is_not_the_town_inside_the_county():
    text = ("A man was shot and killed Sunday during a home invasion in Jefferson County, Colorado, deputies said. "
            "Anyone with information is asked to call Metro Denver Crime Stoppers.")
    location = locate(frame_of(text, 1))
    assert location.name != "Denver"
    assert location.precision == "admin2" and location.admin1 == "Colorado"


def test_a_city_named_for_its_suburbs_gives_way_to_the_town_of_the_scene():
    text = ("Two men were shot at a party in a quiet Seattle suburb on Saturday. The shooting happened at a home "
            "in Mukilteo, Washington, police said.")
    location = locate(frame_of(text, 1))
    assert (location.name, location.admin1) == ("Mukilteo", "Washington")


def test_a_village_of_a_state_the_report_names_is_not_moved_to_the_dateline_town():
    text = ("Federal agents arrested a man in Detroit on Monday for a shooting at a party in western Tennessee. "
            "A brawl started at the fairground in Brownsville late Friday, Tennessee officials said. "
            "Detroit police helped with the arrest.")
    places = by_mention(places_of(text, dateline="DETROIT (AP)"))
    assert (places["brownsville"].feature, places["brownsville"].admin1) == ("city", "Tennessee")


def test_a_surname_that_is_also_a_foreign_province_is_the_person():
    text = ("Police in Yonkers are looking for Miguel Maldonado, 42, after four people were shot on Sunday. "
            "Maldonado is wanted for assault, police said.")
    mentions = {p.mention for p in places_of(text)}
    assert "Yonkers" in mentions and "Maldonado" not in mentions
    # a US state stays a place even when someone in the report bears its name
    assert "Washington" in {p.mention for p in places_of(
        "Officer Denzel Washington was hurt. Washington lawmakers met in Olympia on Monday.")}


def test_a_long_list_of_towns_is_an_outlets_area_not_the_scene():
    text = ("Local news for Dyersville, Epworth, Peosta, Cascade, Farley and Asbury\n\n"
            "A toddler was shot and hurt on Friday, Waterloo police said.")
    location = locate(frame_of(text, 1))
    assert (location.name, location.admin1) == ("Waterloo", "Iowa")


def test_a_dateline_city_is_not_the_scene_when_the_report_puts_it_in_a_part_of_a_state():
    text = ("DETROIT (AP) - A man accused of wounding six people at a party in western Tennessee was arrested on "
            "Monday. The shooting broke out at a club in Brownsville, Tennessee officials said.")
    location = locate(frame_of(text, 2))
    assert location.admin1 == "Tennessee" and location.name != "Detroit"
    text = ("PITTSBURGH (AP) - Police in western Pennsylvania say four men were shot in a Pittsburgh neighborhood "
            "on Saturday night.")
    assert locate(frame_of(text, 1)).name == "Pittsburgh"


def test_an_arrest_by_initialled_agents_is_still_an_arrest():
    text = ("A man was shot and wounded outside a bar on Friday, Toledo police said. The suspect was arrested "
            "Monday by U.S. Marshals in Detroit.")
    assert locate(frame_of(text, 2)).name == "Toledo"


def test_a_car_make_that_is_also_a_town_is_the_car():
    text = ("The gunman fled Gary in a red 2015 Toyota Corolla, and a witness saw a dark Lexus or Toyota model "
            "nearby. Lincoln police later found a 2004 Lincoln Town Car in Pontiac, Mich.")
    mentions = [p.mention for p in places_of(text)]
    assert "Toyota" not in mentions
    assert mentions.count("Lincoln") == 1 and "Pontiac" in mentions and "Gary" in mentions
    # a weekday or a month after the town, or a year before it, does not make it a car
    later = [p.mention for p in places_of("A man was shot in Lincoln Saturday night. In 2019 Pontiac recorded 40 shootings.")]
    assert later == ["Lincoln", "Pontiac"]


def test_a_name_in_quotation_marks_and_common_words_are_not_places():
    text = ('A police dog, K-9 "Turbo", tracked the suspects into the woods near Dayton. The Commonwealth\'s '
            "Attorney filed Drug and Weapons charges against a Latina woman.")
    mentions = {p.mention for p in places_of(text)}
    assert "Dayton" in mentions
    assert not mentions & {"Turbo", "Commonwealth", "Drug", "Latina"}



def test_a_new_york_report_is_placed_in_the_borough_it_names():
    text = "NEW YORK (AP) -- A teenager was shot dead on a stairwell of an apartment block in the Bronx on Tuesday."
    location = locate(frame_of(text, sentence_count=1, dateline="NEW YORK"))
    assert (location.name, location.admin1) == ("Bronx", "New York")


def test_new_york_city_gives_way_to_the_only_borough_the_report_names():
    text = "Two men were shot in New York City late Friday. They were hit on a street corner in Queens."
    assert locate(frame_of(text, sentence_count=1)).name == "Queens"


def test_new_york_without_a_borough_stays_the_city():
    text = "NEW YORK (AP) -- A man was shot dead in a subway station on Tuesday, New York police said."
    assert locate(frame_of(text, sentence_count=1, dateline="NEW YORK")).name in ("New York", "New York City")


def test_a_borough_that_names_someone_or_an_office_is_no_scene():
    for text in ("NEW YORK (AP) -- A man was shot dead in a subway station on Sunday. The suspect was "
                 "arrested at his Brooklyn home.",
                 "NEW YORK (AP) -- A man was shot dead in a subway station on Sunday. The Queens district "
                 "attorney said charges were filed.",
                 "NEW YORK (AP) -- A Brooklyn man was shot dead in a subway station on Sunday."):
        location = locate(frame_of(text, sentence_count=1, dateline="NEW YORK"))
        assert location.name in ("New York", "New York City"), text


def test_a_city_named_as_suburban_is_no_scene_when_the_report_names_the_suburb():
    text = ("A gunman shot two women at an apartment in suburban Phoenix on Sunday. "
            "Mesa police said the suspect fled in a pickup truck.")
    assert locate(frame_of(text, sentence_count=2)).name == "Mesa"


def test_towns_of_hospitals_in_the_plural_or_of_a_hospital_stay_are_no_scene():
    text = ("A woman and her son were flown to hospitals in Billings after a shooting on Sunday night. "
            "The sheriff said the shooting happened at a residence in Wibaux.")
    assert locate(frame_of(text, sentence_count=2)).name == "Wibaux"
    text = ("Two men shot at a house party are hospitalized in Jackson. "
            "The shooting happened at a house in Hazlehurst early Saturday, the sheriff said.")
    assert locate(frame_of(text, sentence_count=2)).name == "Hazlehurst"


def test_a_town_with_saint_abbreviated_after_its_first_word_is_found():
    text = "A 9-year-old girl was hurt by a stray bullet at a picnic in Bay St. Louis on Wednesday."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.name, location.admin1) == ("Bay Saint Louis", "Mississippi")


def test_a_small_town_beyond_a_big_citys_own_parts_stays_itself():
    text = ("A 9-month-old girl was shot during a home invasion in Stone Mountain on Sunday. "
            "Her parents drove her to a hospital in Atlanta.")
    assert locate(frame_of(text, sentence_count=1)).name == "Stone Mountain"
    text = "A man was shot in Rogers Park on Sunday night. Chicago police said he was in stable condition."
    assert locate(frame_of(text, sentence_count=1)).name == "Chicago"


def test_a_real_town_of_a_neighbouring_state_is_not_moved_to_the_city_the_page_address_names():
    from blotter.places import title_town
    text = "Three people were wounded late Friday in Shreveport, officers said."
    assert locate(frame_of(text, 1, url="https://www.dallasdaily.example/news/crime/three-hurt/")).name == "Shreveport"
    text = "A teenager was shot on Friday evening in Lake Charles, officers said."
    assert locate(frame_of(text, 1, url="https://www.houstondaily.example/news/teen-shot/")).name == "Lake Charles"
    text = "A cashier was shot during a robbery on Friday in Atlantic City, officers said."
    assert locate(frame_of(text, 1, url="https://www.tvphiladelphia.example/news/cashier-shot/")).name == "Atlantic City"
    article = Article(id="t", text="Officers were called to the scene.", title="Three hurt in Shreveport gunfire",
                      url="https://www.dallasdaily.example/news/crime/three-hurt/")
    assert title_town(article).name == "Shreveport"


def test_a_compass_word_of_a_world_report_is_not_the_outlets_city():
    text = "Armed men killed nine farmers in the Southwest on Friday, a district chief said."
    location = locate(frame_of(text, 1, url="https://www.seattledaily.example/nation-world/farmers-killed/"))
    assert location.name != "Seattle"
    text = "A man was shot in the Southwest on Friday, officers said. He had arrived from Cameroon a week earlier."
    assert locate(frame_of(text, 1, url="https://www.seattledaily.example/local/man-shot/")).name != "Seattle"


def test_a_county_keeps_a_town_of_another_state_or_a_home_town():
    text = ("A man was shot dead on Friday in Harris County, deputies said. "
            "His parents had moved from Pasadena, California, in 2019.")
    location = locate(frame_of(text, 1))
    assert (location.name, location.precision) == ("Harris County", "admin2")
    text = "A man was shot dead on Friday in Harris County, deputies said. His parents had moved from Pasadena in 2019."
    location = locate(frame_of(text, 1))
    assert (location.name, location.precision) == ("Harris County", "admin2")


def test_a_short_word_the_gazetteer_puts_abroad_does_not_unmake_the_outlets_quarter():
    text = "Ben was shot in Southwest on Friday night, officers said. He is expected to recover."
    location = locate(frame_of(text, 1, url="https://www.chicagonews.example/news/man-shot/"))
    assert (location.mention, location.name) == ("Southwest", "Chicago")


def test_the_district_of_columbia_is_the_city_of_washington():
    text = "A man was shot in D.C. late Monday night, police said. Officers found him with a wound to the leg."
    location = locate(frame_of(text, 1))
    assert (location.name, location.admin1, location.precision) == ("Washington", "District of Columbia", "city")


def test_shot_in_a_title_case_line_is_no_town():
    from blotter.places import COMMON_WORDS
    assert {"shot", "son", "court"} <= COMMON_WORDS  # words a Title Case subheading capitalises


def test_a_person_named_after_an_age_is_no_town_whatever_the_tagger_calls_him():
    text = ("A Mesa man died of a gunshot wound on Saturday. "
            "Officers say 31-year-old Austin Dale Marlow was booked on Monday. Marlow's lawyer declined to comment.")
    mentions = {p.mention for p in places_of(text)}
    assert "Mesa" in mentions and "Marlow" not in mentions and "Austin" not in mentions
    text = "A 23-year-old Glendale Heights man was shot on Friday."
    assert "Glendale Heights" in {p.mention for p in places_of(text)}


def test_a_family_named_by_its_surname_is_no_town():
    text = ("An intruder wounded himself with his own pistol on Ember Court, said Dana Fisher. "
            "The Fishers' two children were asleep upstairs.")
    assert "Fishers" not in {p.mention for p in places_of(text)}


def test_a_town_named_where_a_health_system_treated_the_victim_is_no_scene():
    text = ("A boy was shot at a home just north of Benton on Saturday, deputies said. "
            "He was taken to Ardmoor Health in Shreveport, where he died.")
    assert locate(frame_of(text, 2)).name == "Benton"


def test_of_a_state_and_a_town_that_score_alike_the_town_is_the_scene():
    text = ("Two students were wounded near a Tennessee college on Friday night, "
            "and Clarksville police were searching for the shooter.")
    assert locate(frame_of(text, 1)).name == "Clarksville"


def test_a_building_named_after_someone_who_bears_a_towns_name_is_no_scene():
    text = ("Two students were wounded by gunfire late on Friday, and Clarksville police were still searching for "
            "the man who fired. Officers were called to a dorm near Austin Whitcomb State University.")
    assert locate(frame_of(text, 2)).name == "Clarksville"


def test_a_county_gives_way_to_a_hamlet_a_later_sentence_says_it_happened_in():
    text = ("Wake County deputies said a girl was shot by her cousin with a hunting rifle on Tuesday. "
            "They said it occurred by a farm pond in Quillby shortly before noon.")
    frame = frame_of(text, sentence_count=2)
    shot = next(t.i for t in frame.doc if t.text == "shot")
    frame.trigger = frame.doc[shot:shot + 1]
    location = locate(frame)
    assert (location.name, location.admin1, location.precision) == ("Quillby", "North Carolina", "city")


def test_a_headline_town_beats_a_town_the_body_names_only_as_where_victims_were_treated():
    text = ("A man opened fire on his relatives at a birthday party, killing one and wounding two, the chief said. "
            "Both wounded cousins are hospitalized in Jackson.")
    frame = frame_of(text, sentence_count=2)
    frame.article = Article(id="t", text=text, title="Party gunfire in Brookhaven leaves one dead")
    location = locate(frame)
    assert (location.name, location.admin1) == ("Brookhaven", "Mississippi")


def test_a_person_identified_by_name_is_no_town_whatever_the_tagger_calls_him():
    text = ("Tucson police identified the boy killed in the Friday shooting as Teo Rodriguez. "
            "Police said Rodriguez found the pistol in a truck.")
    mentions = {p.mention for p in places_of(text)}
    assert "Tucson" in mentions and "Rodriguez" not in mentions


def test_a_section_of_the_city_is_the_scene_when_no_known_town_is_named():
    text = "Officers found a wounded man on Friday in the city's Brantmoor section. He was hit twice in the back."
    location = locate(frame_of(text, 2))
    assert (location.name, location.precision, location.lat) == ("Brantmoor", "city", None)
    assert location.evidence[0].quote == "the city's Brantmoor section"


@pytest.mark.parametrize("text, town", [
    ("Officers said a teenager was shot near Fresno State University on Saturday night.", "Fresno"),
    ("A man was shot in a parking lot near Macon City Hall on Friday, officers said.", "Macon"),
    ("A man was found shot outside the Lansing Public Library on Friday.", "Lansing"),
])
def test_a_building_the_towns_own_name_begins_is_in_that_town(text: str, town: str):
    # only a given name and a surname ('Austin Whitcomb State University') name a person, not the town
    assert locate(frame_of(text, 1)).name == town


def test_a_town_named_like_the_plural_of_a_persons_surname_is_still_a_town():
    text = "A man was shot in a Fishers neighborhood on Friday, Sgt. Ann Fisher said."
    assert "Fishers" in {p.mention for p in places_of(text)}


def test_a_county_keeps_its_place_when_a_later_sentence_tells_where_another_act_happened():
    text = ("Wake County deputies said a man was shot on Tuesday on a farm. "
            "A similar shooting occurred in Quillby last year.")
    frame = frame_of(text, sentence_count=2)
    shot = next(t.i for t in frame.doc if t.text == "shot")
    frame.trigger = frame.doc[shot:shot + 1]
    location = locate(frame)
    assert (location.name, location.precision) == ("Wake County", "admin2")


def test_a_police_units_section_is_no_section_of_the_city():
    text = "A man was found wounded on Friday, detectives from the city's Major Crimes section said. He was hit twice."
    assert locate(frame_of(text, 2)).precision == "unknown"


def test_a_compass_initial_before_a_big_city_is_that_city_not_a_persons_initial():
    # spaCy reads 'E. Houston' as a person ('E.' an initial); after 'in' it is the east of Houston.
    text = "Gas station clerk dies after holdup in E. Houston. Police said a customer was wounded on Monday."
    location = locate(frame_of(text, sentence_count=1))
    assert (location.mention, location.name, location.precision) == ("E. Houston", "Houston", "city")
    assert_offsets_match(text, places_of(text))


def test_an_ordinal_street_is_no_town_even_where_geonames_lists_a_hamlet_by_that_name():
    location = locate(frame_of("Two men were shot on Second Street in Dayton, police said.", sentence_count=1))
    assert (location.name, location.precision) == ("Dayton", "city")
