"""Places: finding place names in reports we wrote, resolving namesakes, locating incidents."""

from __future__ import annotations

import time

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


def test_gazetteer_loads_fast_and_knows_countries_states_cities():
    load_gazetteer.cache_clear()
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    assert time.perf_counter() - started < 1.0  # about 0.2 s on an idle machine
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


def test_common_words_and_demonyms_are_not_places():
    text = "Reading the statement, the Afghan and Nigerian envoys said the weather was nice in March."
    assert places_of(text) == []


def test_text_without_places():
    assert places_of("Nobody was hurt when the old shed collapsed during the storm.") == []


def frame_of(text: str, sentence_count: int | None = None, dateline: str | None = None) -> IncidentFrame:
    article = Article(id="t", text=text, dateline=dateline)
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


def test_locate_without_any_place_is_unknown():
    location = locate(frame_of("A man was stabbed after an argument, police said.", sentence_count=1))
    assert location.precision == "unknown" and location.name is None and location.evidence == []
