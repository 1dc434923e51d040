"""How the crime-news scorers compare a gold city with ours: like with like."""

from blotter.eval.common import same_place


def test_gva_names_with_an_alternative_in_brackets_match_either_name():
    assert same_place("Pittsburgh (Wilkinsburg)", "Wilkinsburg")
    assert same_place("Pittsburgh (Wilkinsburg)", "Pittsburgh")
    assert not same_place("Pittsburgh (Wilkinsburg)", "Erie")


def test_spelling_case_and_saint_abbreviations_do_not_matter():
    assert same_place("St. George", "Saint George")
    assert same_place("Mc Kees Rocks", "McKees Rocks")
    assert same_place("MILWAUKEE", "Milwaukee")


def test_a_county_matches_with_or_without_the_word():
    assert same_place("Rankin (county)", "Rankin County")
    assert same_place("Harris County", "Harris")
    assert not same_place("Houston", "Harris County")


def test_gvdb_unclear_state_is_no_gold_state():
    from blotter.eval.gvdb import known_state, same_state
    assert known_state("Unclear") is None
    assert known_state("IL - Illinois") == "IL - Illinois"
    assert same_state("IL - Illinois", "Illinois") and same_state("IL - Illinois", "IL")


def test_gvdb_state_typed_as_an_abbreviation_matches_the_state():
    from blotter.eval.gvdb import same_state
    assert same_state("La.", "Louisiana") and same_state("Calif", "California") and same_state("SC", "South Carolina")
    assert same_state("Mo", "Missouri") and same_state("Wis.", "WI")
    assert not same_state("LA", "Missouri") and not same_state("VA", "West Virginia")
    assert not same_state("Ohio", "California")


def test_geo_places_after_a_line_the_cleaner_dropped_still_meet_their_toponyms():
    from blotter.eval import geo
    from blotter.models import DocumentRecord, Place

    given = "Fire in Toronto.\nBy A. Writer, The Press.\nToronto police came."
    cleaned = "Fire in Toronto.\nToronto police came."
    gold = [geo.GeoArticle("g", None, given, [geo.Toponym(8, 15, 43.7, -79.4), geo.Toponym(42, 49, 43.7, -79.4)])]
    places = [Place(mention="Toronto", start=s, end=s + 7, name="Toronto", feature="city", lat=43.65, lon=-79.38)
              for s in (8, 17)]
    record = DocumentRecord(id="g", text=cleaned, places=places)
    assert geo.score(gold, [record]).headline == 1.0


def test_a_place_known_only_to_its_state_gives_no_city():
    from blotter.eval.common import predicted_city
    from blotter.models import Incident, Location
    assert predicted_city(Incident(id="i1", location=Location(name="Florida", admin1="Florida", precision="admin1"))) is None
    assert predicted_city(Incident(id="i1", location=Location(name="Tampa", admin1="Florida", precision="city"))) == "Tampa"


def test_gvdb_gold_city_pasted_with_page_text_is_its_last_line():
    from blotter.eval.gvdb import _gold_city
    assert _gold_city("publication date: 3/4/2015Man hurt in crash | News\nSPRINGFIELD") == "SPRINGFIELD"
    assert _gold_city("2015Denver") == "Denver" and _gold_city("Salem.") == "Salem"
    assert _gold_city("St. Paul") == "St. Paul" and _gold_city("  ") is None
    assert _gold_city("Two hurt in armed robberyMARIETTA") == "MARIETTA" and _gold_city("McALLEN") == "McALLEN"


def test_gvdb_unclear_state_counts_neither_way():
    from blotter.eval.gvdb import unclear_state
    assert unclear_state("Unclear") and unclear_state(" unclear ")
    assert not unclear_state(None) and not unclear_state("WI - Wisconsin")


def test_a_gold_city_section_is_matched_by_its_city_but_a_compass_town_is_its_own_town():
    assert same_place("southwest Houston", "Houston") and same_place("West Philadelphia", "Philadelphia")
    assert same_place("New Orleans East", "New Orleans") and same_place("SW Houston", "Houston")
    assert not same_place("West Philadelphia", "Philadelphia", sections=False)
    # Real towns whose names start with a compass word are different places from the city.
    assert not same_place("West Palm Beach", "Palm Beach") and not same_place("South Houston", "Houston")
    assert not same_place("North Charleston", "Charleston") and not same_place("East Orange", "Orange")
    assert not same_place("southwest Houston", "Dallas")
