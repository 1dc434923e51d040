"""Incident detection, grouping and typing on short reports written for these tests."""

from __future__ import annotations

import pytest

from blotter.incidents import find_incidents
from blotter.incidents.relevance import relevance
from blotter.models import Article, Incident
from blotter.nlp import analyse
from blotter.places import find_places


def incidents_of(text: str, published: str | None = "2024-03-04T18:10:00+00:00") -> list[Incident]:
    article = Article(id="t", text=text, published=published)
    return find_incidents(analyse(text), article, [])


BRIDGE = (
    "A man who was jailed in 2012 for terrorism offences stabbed two people to death on Westbridge on Friday "
    "before he was shot dead by armed police. "
    "The attacker, 28-year-old Omar Hadley, was wearing a fake suicide vest. "
    "Islamic State said in a statement on its Amaq news agency on Saturday that Hadley was one of its fighters. "
    "Police said they believed he acted alone. "
    "In 2012 Hadley was convicted of plotting to bomb a city stock exchange."
)


def test_primary_incident_first_and_old_conviction_kept_apart() -> None:
    found = incidents_of(BRIDGE)
    assert [i.is_primary for i in found] == [True, False]
    main, old = found
    assert main.id == "t-i1" and old.id == "t-i2"
    assert main.category == "terrorism"
    assert main.attack_types[0] == "armed_assault"
    assert main.status == "carried_out"
    assert not any("convicted of plotting" in e.quote for e in main.evidence)
    assert old.status == "plotted" and old.confidence < main.confidence
    assert any("convicted of plotting" in e.quote for e in old.evidence)


def test_every_evidence_quote_is_cut_from_the_text() -> None:
    for incident in incidents_of(BRIDGE):
        for evidence in incident.evidence:
            assert BRIDGE[evidence.start:evidence.end] == evidence.quote
        assert incident.summary.endswith(".")


def test_report_without_violence_has_no_incident() -> None:
    text = ("The city council approved its budget on Tuesday after a long debate. "
            "The mayor said the new library would open in the spring.")
    assert incidents_of(text) == []


@pytest.mark.parametrize("text", [
    "The senator killed the bill in committee on Monday, aides said.",
    "The young singer shot to fame after her second album.",
    "The sequel bombed at the box office despite strong reviews.",
    "The striker shot at goal twice before the break but the keeper saved both.",
    "Rovers beat United 3-1 in a tense match on Saturday.",
])
def test_metaphors_and_sport_are_not_incidents(text: str) -> None:
    assert incidents_of(text) == []


def test_attempted_attack() -> None:
    text = ("A man tried to detonate a homemade bomb on a crowded train in Lyon on Sunday, "
            "but the device failed to explode, police said.")
    (incident,) = incidents_of(text)
    assert incident.status == "attempted"
    assert incident.attack_types[0] == "bombing"


def test_foiled_attack() -> None:
    text = ("Police foiled a plan to attack a concert in Vienna on Tuesday and arrested three suspects "
            "who had stockpiled explosives, officials said.")
    (incident,) = incidents_of(text)
    assert incident.status == "foiled"
    assert [p.fate for p in incident.perpetrators] == ["arrested"]


def test_all_caps_wire_text() -> None:
    text = ("LIMA, 3 JUN 89 -- SHINING PATH GUERRILLAS TODAY DYNAMITED A POWER PYLON IN THE OUTSKIRTS OF LIMA, "
            "LEAVING SEVERAL DISTRICTS WITHOUT ELECTRICITY. POLICE SAID NOBODY WAS HURT.")
    (incident,) = incidents_of(text, published=None)
    assert incident.category == "terrorism"
    assert incident.attack_types[0] == "bombing"
    assert [g.name for g in incident.groups] == ["Shining Path"]
    assert incident.perpetrators[0].mention == "SHINING PATH GUERRILLAS"


def test_air_strike_is_armed_conflict() -> None:
    text = "An air strike on a rebel-held village killed nine fighters on Monday, the army said."
    (incident,) = incidents_of(text)
    assert incident.category == "armed_conflict"
    assert (incident.acled_event_type, incident.acled_sub_event_type) == ("Explosions/Remote violence",
                                                                          "Air/drone strike")


@pytest.mark.parametrize("text", [
    "The air force bombed a village near the river on Sunday, killing four peasants, residents said.",
    "Four peasants died in the indiscriminate bombings by the air force in the north of the country.",
])
def test_bombing_by_forces_is_an_air_strike(text: str) -> None:
    incident = incidents_of(text)[0]
    assert incident.acled_sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", [
    "Guerrillas carried out bombings against the civilian population in the capital, killing five people.",
    "The army bombing suspect was arrested at the border on Sunday. The bomb killed two people in a market in March.",
    "A judge reopened the aircraft bombing case, in which a bomb killed 270 people.",
])
def test_placed_bombs_and_noun_compounds_are_no_air_strike(text: str) -> None:
    assert incidents_of(text)[0].acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "Army planes bombed the hills on Sunday, killing four peasants.",
    "The army's bombing of the hills killed four peasants.",
    "Air force bombings killed four peasants in the hills on Sunday.",
    "The air force bombing residential areas killed four peasants on Sunday.",
    "Four peasants were killed on Sunday in the bombings against the civilian population.",
    "Four peasants died when the government, the army, was bombing the hills on Sunday.",
    "The army carried out a heavy bomb attack on the hills on Sunday, killing four peasants.",
    "The air force yesterday bombed the hills, killing four peasants.",
    "Villagers fled as the air force kept bombing the hills, where four peasants were killed on Sunday.",
    "The army has used six helicopters to bomb the hills, killing four peasants on Sunday.",
])
def test_forces_bombing_and_bombing_of_populated_areas_stay_air_strikes(text: str) -> None:
    assert incidents_of(text)[0].acled_sub_event_type == "Air/drone strike"


def test_bombing_by_rebels_is_no_air_strike() -> None:
    text = "The army reported that rebels bombed a bridge near the river on Sunday, killing four peasants."
    incident = incidents_of(text)[0]
    assert incident.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "Rebels fighting the army yesterday bombed a power station in the north, killing two guards, officials said.",
    "Guerrillas at war with the army kept bombing the pipeline on Sunday, killing two workers.",
    "Insurgents opposed to the military continued to bomb rail lines on Sunday, killing a train driver, police said.",
])
def test_bombing_by_those_fighting_the_forces_is_no_air_strike(text: str) -> None:
    assert incidents_of(text)[0].acled_sub_event_type == "Remote explosive/landmine/IED"


def test_kidnapping_is_an_abduction() -> None:
    text = "Gunmen abducted 14 pupils from a boarding school in the north of the country overnight."
    (incident,) = incidents_of(text)
    assert incident.attack_types[0] == "hostage_taking_kidnapping"
    assert incident.acled_sub_event_type == "Abduction/forced disappearance"


def test_road_crash_is_an_accident() -> None:
    text = "Four people were killed when a bus collided with a lorry on the coast road on Sunday night."
    (incident,) = incidents_of(text)
    assert incident.category == "accident"
    assert incident.acled_event_type is None


def test_derailment_by_a_planted_charge_is_no_accident() -> None:
    text = ("A freight train was derailed before dawn after hitting a dynamite charge placed on the tracks. "
            "The driver died in the explosion.")
    incident = incidents_of(text)[0]
    assert incident.category != "accident"
    assert "bombing" in incident.attack_types


def test_separate_attack_elsewhere_is_its_own_incident() -> None:
    text = ("Gunmen shot dead two farmers in Abaji on Monday, residents said. "
            "In a separate attack, bandits burned houses in a village near Kafanchan.")
    found = incidents_of(text)
    assert len(found) == 2
    assert found[0].is_primary and not found[1].is_primary
    assert found[1].attack_types[0] == "facility_infrastructure_attack"


@pytest.mark.parametrize("second", [
    "In another guerrilla action, rebels burned two buses on the highway to the dam.",
    "The army also reported today that rebels burned two buses on the highway to the dam.",
    "It has also been reported that rebels burned two buses on the highway to the dam.",
])
def test_an_act_the_report_adds_with_whose_act_or_when_it_was_told_is_its_own_incident(second: str) -> None:
    text = "Gunmen shot dead two farmers near Riverton on Monday, residents said. " + second
    found = incidents_of(text)
    assert len(found) == 2
    assert "buses" in found[1].evidence[0].quote


def test_acts_listed_with_a_day_each_between_semicolons_are_incidents_of_their_own() -> None:
    text = ("Gunmen shot dead a judge in Riverton on 1 July, police said. "
            "Judge Ana Rolle was murdered on 3 May; magistrate Tom Vance was shot dead on 9 June.")
    found = incidents_of(text)
    assert len(found) == 3
    assert "Vance" in found[2].evidence[0].quote and "Vance" not in found[1].evidence[0].quote


def test_one_act_told_with_its_day_and_a_semicolon_stays_one_incident() -> None:
    text = "Gunmen shot dead a judge in Riverton on 3 May; her driver was wounded."
    assert len(incidents_of(text)) == 1


def test_the_second_act_of_a_list_is_its_own_incident() -> None:
    text = ("Rebels set off two bombs in Riverton overnight, police said. "
            "The explosions damaged a bank and shattered windows nearby. "
            "The second bomb exploded an hour later outside the electricity company office.")
    found = incidents_of(text)
    assert len(found) == 2
    assert "second bomb" in found[1].evidence[0].quote


def test_in_addition_after_a_lone_lede_goes_on_telling_it() -> None:
    text = ("Rebels bombed a bank in Riverton overnight, police said. "
            "In addition, the rebels attacked a patrol sent to the bank.")
    assert len(incidents_of(text)) == 1


def test_an_act_done_also_to_something_else_is_its_own_incident() -> None:
    text = ("Rebels bombed a bank in Riverton overnight, police said. "
            "The blast shattered the windows of the bank. "
            "Two power pylons were also blown up on the road to the dam.")
    found = incidents_of(text)
    assert len(found) == 2
    assert "pylons" in found[1].evidence[0].quote


@pytest.mark.parametrize("text", [
    ("A man shot his wife in their home in Riverton on Friday, police said. She was shot twice in the chest and "
     "died at the scene. Additionally, when their son went upstairs to see what happened, the man shot him too."),
    ("Two men were shot outside a bar in Riverton early Sunday. One was shot in the leg and the other in the arm. "
     "In addition, a woman was punched and kicked during the fight, police said."),
])
def test_an_added_sentence_that_ties_back_to_the_act_stays_in_it(text: str) -> None:
    assert len(incidents_of(text)) == 1


def test_a_victim_also_killed_stays_in_the_same_act() -> None:
    text = ("Gunmen shot dead a judge in her car in Riverton on Monday, police said. "
            "The bullets hit the car twenty times. "
            "Her driver was also killed.")
    assert len(incidents_of(text)) == 1


def test_two_kinds_of_act_in_one_sentence_are_two_incidents_each_with_its_own_clause() -> None:
    text = "Rebels killed a farmer in the village of Tambo on Monday and burned a tank truck on the highway."
    found = incidents_of(text)
    assert len(found) == 2
    first, second = found
    assert "tank truck" not in first.evidence[0].quote and [v.mention for v in first.victims] == ["a farmer"]
    assert second.evidence[0].quote.startswith("burned a tank truck")
    assert [t.mention for t in second.targets] == ["tank truck"] and not second.victims


@pytest.mark.parametrize("text", [
    "Two engineers were abducted and killed by gunmen in Riverton on Friday.",
    "A bomb exploded outside the bank in Riverton and killed two guards.",
    "Two men robbed a cashier in Riverton on Monday and shot him in the hip, officers said.",
    "A man shot three of his relatives at their farm near Riverton on Monday and then burned their bodies.",
])
def test_one_act_told_with_two_verbs_stays_one_incident(text: str) -> None:
    assert len(incidents_of(text)) == 1


def incidents_with_places(text: str) -> list[Incident]:
    """Incidents as the pipeline finds them, with the places stage's resolved places."""
    article = Article(id="t", text=text, published="2024-03-05T09:00:00+00:00")
    doc = analyse(text)
    return find_incidents(doc, article, find_places(doc, article))


def test_headline_without_a_place_keeps_the_scene_in_the_main_incident() -> None:
    text = ("Man shot and killed outside apartment complex. "
            "AURORA, Colo. - A 34-year-old man was shot and killed outside an apartment complex in Aurora "
            "on Tuesday night, police said. He died at the scene.")
    found = incidents_with_places(text)
    assert len(found) == 1
    assert found[0].casualties.killed.best == 1


def test_places_in_the_same_region_are_one_scene() -> None:
    text = ("A woman was shot dead in Aurora, Colorado, on Monday night. "
            "Denver police said the gunman was shot and wounded by an officer.")
    found = incidents_with_places(text)
    assert len(found) == 1
    assert found[0].casualties.killed.best == 1


def test_attacker_trying_to_flee_does_not_make_the_attack_attempted() -> None:
    text = "A gunman shot a shopkeeper dead in Riverton on Monday and tried to flee, but he was arrested nearby."
    (incident,) = incidents_of(text)
    assert incident.status == "carried_out"
    assert incident.perpetrators[0].fate == "arrested"


def test_summary_is_one_sentence_from_the_fields() -> None:
    (incident,) = incidents_of("Two gunmen shot a shopkeeper in the market on Monday.")
    assert incident.summary.startswith("Two gunmen ")
    assert incident.summary.count(".") == 1


@pytest.mark.parametrize("text", [
    "Two ministers clashed over the budget at Tuesday's cabinet meeting.",
    "Criminals hacked into the council's email accounts last week.",
    "The band travelled to Lisbon for a photo shoot on Friday.",
    "Campaigners called for tighter rules on guns after a long debate.",
])
def test_everyday_uses_of_violent_words_are_not_incidents(text: str) -> None:
    assert incidents_of(text) == []


def test_street_clash_with_police_is_an_incident() -> None:
    (incident,) = incidents_of("Protesters clashed with police outside parliament on Saturday.")
    assert incident.category == "political_violence"
    assert (incident.acled_event_type, incident.acled_sub_event_type) == ("Riots", "Violent demonstration")


def test_warnings_and_denials_are_not_incidents() -> None:
    assert incidents_of("Officials warned that militants could attack polling stations during the vote.") == []
    assert incidents_of("The minister said the army will not shell residential areas.") == []


def test_court_case_reports_the_old_attack_as_primary() -> None:
    text = ("A court in Lyon on Monday jailed a man for life over a 2016 knife attack on a tram that killed two "
            "passengers. He was convicted in 2018 of murder.")
    found = incidents_of(text)
    assert found[0].is_primary
    assert found[0].attack_types[0] == "armed_assault"
    assert any("knife attack" in e.quote for e in found[0].evidence)


def test_the_lede_names_the_explosive() -> None:
    text = ("A roadside bomb killed three soldiers on a desert road on Tuesday. "
            "The area has seen repeated air strikes in recent months.")
    (incident,) = incidents_of(text)
    assert incident.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "The minister said a state of emergency was one way to control the terrorist actions in the provinces.",
    "The commission must bring the officers responsible for political murders to trial, the party said.",
    "The rebels must understand that placing bombs and murdering mayors closes the road to dialogue, the president said. "
    "He said the guerrillas should lay down their rifles and join the talks.",
])
def test_talk_about_violence_is_not_an_incident(text: str) -> None:
    assert incidents_of(text) == []


@pytest.mark.parametrize("text", [
    "The leaflet said the group would place bombs near the air base to avenge the arrests.",
    "The party urged the army to attack the rebel camps in the north.",
])
def test_intended_violence_is_not_an_incident(text: str) -> None:
    assert incidents_of(text) == []


def test_one_sentence_report_of_a_dated_attack_is_an_incident() -> None:
    (incident,) = incidents_of("Guerrillas attacked a power station near the capital on Sunday.")
    assert incident.date.start == "2024-03-03"


def test_place_inside_a_name_does_not_start_another_incident() -> None:
    text = ("A man was shot dead in Aurora, Colorado, on Monday night. "
            "Officers found Cyril Hart, 35, shot in the back inside a house on Dartmouth Drive.")
    assert len(incidents_with_places(text)) == 1


def test_headline_incident_when_the_body_lost_the_story() -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    article = Article(id="t", text=text, title="Three men killed, 6 wounded in overnight shooting at a bar",
                      published="2024-03-05T09:00:00+00:00")
    (incident,) = find_incidents(analyse(text), article, [])
    assert (incident.casualties.killed.best, incident.casualties.injured.best) == (3, 6)
    assert incident.evidence[0].field == "title" and incident.confidence < 0.5


def test_headline_roundup_total_is_not_one_incidents_toll() -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    article = Article(id="t", text=text, title="Three men killed, 6 wounded in overnight shootings",
                      published="2024-03-05T09:00:00+00:00")
    incidents = find_incidents(analyse(text), article, [])
    assert all(i.casualties.killed.best is None and i.casualties.injured.best is None for i in incidents)


def test_headline_incident_takes_the_town_the_headline_names_on_the_page() -> None:
    text = "Dayton news, weather and sports. Sign in to keep reading about Dayton."
    article = Article(id="t", text=text, title="Man shot outside a Dayton bar")
    (incident,) = find_incidents(analyse(text), article, find_places(analyse(text), article))
    assert incident.location.name == "Dayton"
    other = Article(id="t", text=text, title="Man shot outside a bar")  # named twice only: a guess
    (incident,) = find_incidents(analyse(text), other, find_places(analyse(text), other))
    assert incident.location.name is None


def test_a_headline_neighbourhood_put_in_another_state_is_in_the_city_of_the_page_address() -> None:
    text = "Police said the boy was hurt while two children played with a gun in an apartment on Tuesday."
    article = Article(id="t", text=text, title="Boy, 8, shot in Lawndale apartment",
                      url="https://www.chicagodaily.example/news/local/boy-shot")
    (incident,) = find_incidents(analyse(text), article, find_places(analyse(text), article))
    assert (incident.location.mention, incident.location.name, incident.location.admin1) == \
        ("Lawndale", "Chicago", "Illinois")
    assert incident.location.evidence[0].field == "title" and incident.location.evidence[0].quote == "Lawndale"


def test_a_town_only_the_headline_names_locates_the_incident_with_the_headline_as_evidence() -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    article = Article(id="t", text=text, title="Two men killed in overnight shooting in Wichita - KXYZ News")
    (incident,) = find_incidents(analyse(text), article, find_places(analyse(text), article))
    assert (incident.location.name, incident.location.admin1) == ("Wichita", "Kansas")
    assert incident.location.evidence[0].field == "title" and incident.location.evidence[0].quote == "Wichita"
    street = Article(id="t", text=text, title="Two men killed in overnight shooting on Broadway")
    (incident,) = find_incidents(analyse(text), street, find_places(analyse(text), street))
    assert incident.location.name is None
    body = "Two men were shot dead early Sunday outside a bar, police said."
    named = Article(id="t", text=body, title="Jacksonville police: two men shot dead in New Town")
    (incident,) = find_incidents(analyse(body), named, find_places(analyse(body), named))
    assert incident.location.name == "Jacksonville"


def test_a_headline_town_told_as_someones_home_gives_way_to_the_scene_town() -> None:
    body = "A jury on Friday found a man not guilty of murder in the death of a neighbour last year."
    article = Article(id="t", text=body, title="Dayton man acquitted in fatal Xenia shooting")
    (incident,) = find_incidents(analyse(body), article, find_places(analyse(body), article))
    assert (incident.location.name, incident.location.admin1) == ("Xenia", "Ohio")


def test_headline_about_violence_in_general_is_no_incident() -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    article = Article(id="t", text=text, title="Why shootings rise in summer")
    assert find_incidents(analyse(text), article, []) == []


@pytest.mark.parametrize("title", [
    "Harbour festival shooting shakes the waterfront",
    "Witnesses describe scene of shooting at a packing plant",
])
def test_headline_naming_one_event_or_a_person_harmed_is_a_weak_incident(title: str) -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    (incident,) = find_incidents(analyse(text), Article(id="t", text=text, title=title), [])
    assert incident.evidence[0].field == "title" and incident.confidence <= 0.3
    assert incident.casualties.killed.best is None  # no figure the headline does not give


def test_headline_person_in_critical_condition_is_one_hurt() -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    title = "Toddler in critical condition after being shot at home"
    (incident,) = find_incidents(analyse(text), Article(id="t", text=text, title=title), [])
    assert incident.evidence[0].field == "title" and incident.confidence == 0.4
    assert incident.casualties.injured.best == 1 and incident.casualties.killed.best is None


@pytest.mark.parametrize("title", ["Lawmakers debate shooting range rules", "Police chief says stabbings are down"])
def test_headline_about_rules_or_trends_is_no_incident(title: str) -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    assert find_incidents(analyse(text), Article(id="t", text=text, title=title), []) == []


def test_charge_for_this_attack_is_not_a_past_event() -> None:
    text = ("A 36-year-old man has been charged with attempted robbery after being shot outside a bakery on Tuesday. "
            "Police say he was shot in the leg by an employee.")
    found = incidents_of(text)
    assert len(found) == 1 and found[0].is_primary
    assert found[0].casualties.injured.best == 1


def test_named_attacker_shot_dead_by_police_counts_as_a_dead_perpetrator():
    from blotter.pipeline import extract_text

    record = extract_text(
        "Two people were stabbed to death on a bridge in Leeds on Friday. The attacker, identified by police as "
        "31-year-old Daniel Morrow, was chased by passers-by before armed officers shot him dead.",
        published="2024-06-08")
    main = record.incidents[0]
    (morrow,) = [p for p in main.perpetrators if p.name == "Daniel Morrow"]
    assert morrow.age == 31 and morrow.fate == "killed"
    assert main.casualties.killed.best == 2, "the attacker is not counted among the victims"
    assert main.casualties.perpetrators_killed.best == 1


def test_all_capitals_wire_copy_is_counted():
    from blotter.pipeline import extract_text

    record = extract_text("AT LEAST 9 PEOPLE WERE KILLED AND DOZENS WOUNDED WHEN A BOMB EXPLODED AT A BUS STATION "
                          "IN KANO ON TUESDAY, POLICE SAID.", published="2024-02-01")
    counts = record.incidents[0].casualties
    assert (counts.killed.low, counts.killed.high) == (9, None)
    assert counts.injured.best == 24


def test_setting_a_building_alight_is_arson():
    from blotter.pipeline import extract_text

    record = extract_text("Someone poured petrol on the door of a church in Derby overnight and set it alight, "
                          "police said on Sunday. No one was hurt.", published="2024-03-10")
    (incident,) = record.incidents
    assert "facility_infrastructure_attack" in incident.attack_types
    assert incident.casualties.injured.best == 0


@pytest.mark.parametrize("later", [
    "The shooting happened shortly after midnight in the 1900 block of Elm Street.",
    "The injured woman was treated at a clinic and has since gone home.",
    "Names have been released in the Friday night shooting in Dayton.",
    "Bryce Odell, 24, was previously charged with murder for the shooting that left Tom Reyes dead.",
])
def test_later_details_of_the_same_shooting_stay_in_one_incident(later: str) -> None:
    text = ("A man was shot dead and a woman was wounded outside a bar in Dayton, Ohio, on Friday night. " + later)
    found = incidents_with_places(text)
    assert len(found) == 1
    assert (found[0].casualties.killed.best, found[0].casualties.injured.best) == (1, 1)


@pytest.mark.parametrize("later", [
    "According to the Montgomery County coroner, Tom Reyes, 31, was found shot inside the home.",
    "Then the robbers pulled out a pistol and in Spanish shouted at him to shoot.",
])
def test_an_institution_or_a_language_is_no_new_scene(later: str) -> None:
    text = "A man was shot dead in a home in Dayton, Ohio, on Friday night. " + later
    assert len(incidents_with_places(text)) == 1


def test_a_release_from_prison_is_still_a_past_event() -> None:
    text = ("A man was shot dead outside a bar in Dayton, Ohio, on Friday night. "
            "The suspect had been released from prison after serving a sentence for a stabbing.")
    found = incidents_with_places(text)
    assert len(found) == 2 and found[1].casualties.killed.best is None


def test_a_gunshot_wound_is_a_shooting() -> None:
    text = "A 19-year-old woman found dead in her apartment on Sunday died of a single gunshot wound, police said."
    (incident,) = incidents_of(text)
    assert incident.casualties.killed.best == 1


def test_a_second_victim_at_a_street_corner_is_the_same_shooting() -> None:
    text = ("Two men were shot on Sunday night in Wilmington, Delaware. "
            "A second victim was found a few blocks away at Concord and Market streets, shot in the arm.")
    assert len(incidents_with_places(text)) == 1


@pytest.mark.parametrize("later", [
    "A second man was shot in the hip and taken to Mercy Medical Center in Canton.",
    "Her brother, who lives in Las Vegas, Nevada, said she was visiting family when she was shot.",
])
def test_the_hospital_or_a_relative_s_home_town_is_no_new_scene(later: str) -> None:
    text = "A woman was shot dead outside a store in Chicago, Illinois, on Friday night. " + later
    assert len(incidents_with_places(text)) == 1


def test_a_neighbourhood_after_a_street_address_is_no_new_scene() -> None:
    text = ("Two men were shot overnight in New Orleans, Louisiana, police said. "
            "One of them was shot and killed in the 4200 block of Garden Drive in Algiers.")
    found = incidents_with_places(text)
    assert len(found) == 1


def test_victim_named_where_the_report_tells_the_wound() -> None:
    text = ("A man was shot while walking home early Sunday, deputies said. About 4 a.m., deputies came to County "
            "Hospital, where Darnell Voss, 31, was being treated for a gunshot wound in his foot. No arrests were made.")
    (incident,) = incidents_of(text)
    victims = [(v.name, v.status, v.age) for v in incident.victims if v.name]
    assert victims == [("Darnell Voss", "injured", 31)]


def test_a_victim_named_twice_is_one_victim() -> None:
    text = ("Kara Ellison, 24, was shot and killed outside her apartment on Monday night, police said. "
            "Kara Ellison was a nursing student. Friends said Kara Ellison was shot while carrying groceries.")
    (incident,) = incidents_of(text)
    assert [v.name for v in incident.victims if v.name] == ["Kara Ellison"]


@pytest.mark.parametrize("text, names", [
    ("Two teenagers were shot near a school on Friday. 17-year-old Rashad Tillman and 16-year-old Omar Fenwick "
     "were two of the victims, police said.", ["Omar Fenwick", "Rashad Tillman"]),
    ("A man was shot dead outside a bar on Friday. The homicide victim is Gerald Pruitt, police said.",
     ["Gerald Pruitt"]),
    ("Police arrested a man on Monday in the shooting death of Wendell Ash, who was found on a sidewalk with "
     "wounds to his chest on Sunday.", ["Wendell Ash"]),
])
def test_victim_named_as_such(text: str, names: list[str]) -> None:
    incident = incidents_of(text)[0]
    assert sorted(v.name for v in incident.victims if v.name) == names


def test_victim_shot_in_the_head_named_but_not_the_spokeswoman() -> None:
    text = ("Two men were shot outside a house on Birch Road on Sunday. Police spokeswoman Dana Pruett says the "
            "first man was shot in the arm. Owen Castell, 23, was sitting in a parked car when he was shot in the head.")
    incident = incidents_of(text)[0]
    names = [v.name for v in incident.victims if v.name]
    assert "Owen Castell" in names and "Dana Pruett" not in names


def test_a_bombing_and_a_later_kidnapping_are_two_incidents() -> None:
    """A report telling of two kinds of act gives one incident each, typed as told."""
    text = ("Rebels set off a bomb outside the electricity company's offices in Puerto Nuevo on Monday night, "
            "destroying two transformers. "
            "The rebels also kidnapped two engineers of the company and took them away in a truck.")
    found = incidents_of(text)
    assert len(found) == 2
    bombing, kidnapping = found
    assert bombing.attack_types[0] == "bombing"
    assert kidnapping.attack_types[0] == "hostage_taking_kidnapping"
    assert not any("kidnapped" in e.quote for e in bombing.evidence)


def test_details_of_the_same_bombing_stay_in_one_incident_and_another_bomb_is_another() -> None:
    text = ("A bomb exploded outside a bank in Puerto Nuevo on Monday, wounding three guards. "
            "The blast destroyed the bank's windows, police said. "
            "Another bomb was found and defused in the same street.")
    found = incidents_of(text)
    assert len(found) == 2 and found[0].attack_types[0] == "bombing"
    assert any("The blast destroyed" in e.quote for e in found[0].evidence)
    assert any("Another bomb" in e.quote for e in found[1].evidence)


def test_a_state_of_siege_is_no_hostage_taking() -> None:
    text = ("Gunmen shot dead a judge in Puerto Nuevo on Monday. "
            "The government said the state of siege would remain in force in the capital.")
    found = incidents_of(text)
    assert len(found) == 1
    assert "hostage_taking_barricade" not in found[0].attack_types


def test_rebels_burning_vehicles_after_a_bombing_is_an_arson_of_its_own() -> None:
    text = ("Rebels set off a bomb at the power station in Puerto Nuevo on Monday night, cutting power to the town. "
            "The rebels burned four buses on the coastal highway.")
    found = incidents_of(text)
    assert [i.attack_types[0] for i in found] == ["bombing", "facility_infrastructure_attack"]


def test_a_victim_identified_as_a_towns_resident_is_named_not_the_town() -> None:
    text = ("A man was found shot dead on a farm road near Alder Creek on Friday. "
            "Police said the man is identified as 18-year-old Alder Creek resident, Tomas Ruvalcaba.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert [v.name for v in incident.victims if v.name] == ["Tomas Ruvalcaba"]


def test_a_victim_called_by_surname_is_the_victim_not_her_brother_quoted() -> None:
    text = ("A woman was shot and killed in her home on Birch Lane early Saturday. "
            "Police said 55-year-old Nora Pell was struck by a stray bullet. "
            "Her brother, Wade Pell, said the family was heartbroken. "
            "Pell was pronounced dead at Mercy Hospital.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert [v.name for v in incident.victims if v.name] == ["Nora Pell"]


def test_a_victim_found_and_determined_to_have_been_shot_is_named() -> None:
    text = ("Two men were shot near a gas station on Coyote Lane on Sunday night. "
            "Deputies found Dario Pettis, 27, and determined he had been shot twice in the torso.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert "Dario Pettis" in [v.name for v in incident.victims]


def test_the_man_identified_after_a_long_description_is_the_victim() -> None:
    text = ("A shooting at a home early Friday left one man dead. "
            "Police identified the man who was shot on March 15, in the 700 block of Birch Hollow Road, "
            "as Lyle Fenner of Allen.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert [v.name for v in incident.victims if v.name] == ["Lyle Fenner"]


def test_a_shot_dog_and_a_shop_are_not_named_victims() -> None:
    text = ("Rex, a German shepherd, suffered two gunshot wounds during a break-in at a home on Norwood Avenue "
            "on Wednesday. A man was found in front of Harbor Optical with gunshot wounds to his leg.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert not [v.name for v in incident.victims if v.name]


def test_a_sibling_killed_years_before_is_not_a_victim_of_this_shooting() -> None:
    text = ("A man named Ronald Pike, 33, was fatally shot early Saturday in a van on Oak Street. "
            "His brother Jerald was shot and killed at age 21 on June 14, 2001.")
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2013-01-27T10:00:00+00:00"), [])[0]
    assert [v.name for v in incident.victims if v.name] == ["Ronald Pike"]


def test_a_report_about_an_old_case_keeps_its_victim() -> None:
    text = "Ronald Pike, 33, was shot and killed on July 26, 2000, and the case is still unsolved, police said."
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2013-01-27T10:00:00+00:00"), [])[0]
    assert [v.name for v in incident.victims if v.name] == ["Ronald Pike"]


def test_family_of_victim_names_the_victim_with_his_nickname() -> None:
    text = ("A man was shot and killed outside an event center in North Spokane on Monday morning. "
            "Family members of victim Eduardo \"Eddy\" Varela believe he did nothing to provoke the attack.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert [v.name for v in incident.victims if v.name] == ['Eduardo "Eddy" Varela']


def test_a_victim_advocate_is_no_victim() -> None:
    text = ("A woman was shot in the arm on Elm Street on Friday. "
            "She spoke with victim advocate Jana Morrow at the hospital.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert not [v.name for v in incident.victims if v.name]


def test_a_couple_sharing_a_surname_are_two_victims() -> None:
    text = ("Two people were shot at a home on Cedar Lane on Tuesday night. "
            "Police said Ana Duval, 38, was the woman killed. "
            "Leo Duval, 40, was being treated for a bullet wound to the leg.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert {"Ana Duval", "Leo Duval"} <= {v.name for v in incident.victims}


def test_attack_told_with_another_day_is_an_incident_of_its_own() -> None:
    text = ("Rebels attacked a police post in Puerto Nuevo today, wounding two officers. "
            "The wounded officers were taken to the town hospital. "
            "On 2 March rebels attacked the town hall with rifles and burned its archive.")
    found = incidents_of(text)
    assert len(found) == 2
    assert any("On 2 March" in e.quote for e in found[1].evidence)


def test_a_day_that_dates_the_same_attack_keeps_it_one_incident() -> None:
    text = ("Rebels attacked a police post in Puerto Nuevo, an army spokesman said today. "
            "Two officers were wounded when rebels fired on the post on 2 March.")
    assert len(incidents_of(text)) == 1


def test_a_later_attack_the_report_only_foresees_is_no_incident() -> None:
    text = ("Guerrillas dynamited a power pylon near Puerto Nuevo on Monday, cutting power to the town. "
            "In another development, the army said rebels could attack the garrison in San Ramon with mortars.")
    found = incidents_of(text)
    assert len(found) == 1 and found[0].is_primary


def test_a_similar_attack_is_an_incident_of_its_own() -> None:
    text = ("Rebels ambushed a bus on the coastal highway near Puerto Nuevo on Monday, killing three passengers. "
            "A similar attack on a truck left two drivers dead.")
    assert len(incidents_of(text)) == 2


def test_an_earlier_shooting_it_is_compared_with_is_not_the_main_incident() -> None:
    incidents = incidents_of("A man shot and killed his neighbour in Akron on Sunday, police said. The killing comes "
                             "two months after a gunman killed 12 people at a school in another state.")
    primary = next(i for i in incidents if i.is_primary)
    assert primary.casualties.killed.best == 1


def test_an_attacker_described_by_age_and_then_named_is_one_person() -> None:
    text = ("A 41-year-old man has been charged with murder after a shooting outside a diner in Elmwood that left "
            "one man dead and a woman wounded, police said Monday. Owen Carver, 41, was arrested Sunday. Police said "
            "Carver opened fire after an argument. Pete Lowry, 30, died at the scene.")
    incident = incidents_of(text)[0]
    assert [(p.name, p.age) for p in incident.perpetrators] == [("Owen Carver", 41)]
    assert len(incident.perpetrators[0].evidence) == 2  # the description's sentence goes with the name
    # The summary's "killed" names the dead, not the wounded woman.
    assert incident.summary.startswith("Owen Carver killed Pete Lowry")


def test_no_one_hurt_is_no_victim_and_no_injuring_zero() -> None:
    text = ("A man set fire to the door of a church in Millbrook early Sunday, police said. No one was injured. "
            "Firefighters put out the blaze within minutes.")
    incident = incidents_of(text)[0]
    assert incident.victims == []
    assert "injuring 0" not in incident.summary and "no one hurt" in incident.summary


@pytest.mark.parametrize("text", [
    "Shots were fired into a house on Elm Street in Dayton, Ohio, early Sunday. Nobody was hurt, police said.",
    "Police in Dayton, Ohio, said a man fired several shots at a passing car late Saturday.",
])
def test_shots_fired_is_a_shooting(text: str) -> None:
    (incident,) = incidents_with_places(text)
    assert incident.category == "crime" and incident.location.name == "Dayton"


@pytest.mark.parametrize("text", [
    "Police said no shots were fired during the standoff, which ended peacefully.",
    "The deputies didn't open fire during the standoff, which ended peacefully.",
])
def test_shots_denied_are_no_incident(text: str) -> None:
    assert incidents_of(text) == []


def test_a_gun_going_off_is_an_accidental_shooting() -> None:
    (incident,) = incidents_of("A woman was taken to hospital on Tuesday after a handgun she was cleaning "
                               "accidentally discharged, striking her in the thigh.")
    assert incident.category == "accident"


def test_one_sentence_crime_set_in_a_town_is_an_incident() -> None:
    (incident,) = incidents_with_places("Police are investigating a shooting in Dayton, Ohio.")
    assert incident.location.name == "Dayton"


def test_one_sentence_body_under_a_headline_telling_the_event_is_an_incident() -> None:
    text = "That led to gunshots being fired from more than one person, an officer wrote."
    article = Article(id="t", text=text, title="Teens' house party turned into shootout, police say")
    assert len(find_incidents(analyse(text), article, [])) == 1


def test_shooting_headline_beside_a_sports_word_is_an_incident() -> None:
    text = "Sign in to keep reading. Subscribers get unlimited access to every story."
    article = Article(id="t", text=text, title="5 people shot after youth football game")
    (incident,) = find_incidents(analyse(text), article, [])
    assert incident.casualties.injured.best == 5


def test_in_addition_to_the_victim_adds_someone_to_the_same_shooting() -> None:
    text = ("A teenager was shot and killed on a porch on Monday night. Officers arrived after reports of shots fired. "
            "In addition to the teenager they found another boy who had been shot in his foot.")
    assert len(incidents_of(text)) == 1


@pytest.mark.parametrize("text", ["Police in Dayton said no one has been shot after a fight broke out at a bar on Monday.",
                                  "Nobody was shot in the brawl in Dayton on Monday, police said."])
def test_a_shooting_denied_by_its_subject_is_no_incident(text):
    from blotter.pipeline import extract_text

    assert extract_text(text).incidents == []


def test_shots_fired_with_no_one_hurt_stays_an_incident_with_no_one_hurt():
    from blotter.pipeline import extract_text

    [incident] = extract_text("No one was injured when shots were fired at a home in Dayton on Monday.").incidents
    assert incident.casualties.injured.best == 0


def test_other_attacks_the_report_adds_are_an_incident_of_their_own() -> None:
    text = ("A bomb killed the attorney general in San Pedro on Friday. "
            "In addition to the bombing, there were other attacks, in which two journalists were killed.")
    assert len(incidents_of(text)) == 2


def test_the_other_sides_act_in_a_war_report_is_an_incident_of_its_own() -> None:
    text = ("Insurgents attacked the town hall of San Pedro on Sunday and burned its archive. "
            "Journalists drove with white flags after military patrols killed three reporters in the capital.")
    found = incidents_of(text)
    assert len(found) == 2
    assert any("military patrols" in e.quote for e in found[1].evidence)


def test_an_insurgent_group_named_like_an_army_is_not_the_other_side() -> None:
    text = ("The National Liberation Army attacked the town hall of San Pedro on Sunday and burned its archive. "
            "The rebels killed two guards who defended the building.")
    assert len(incidents_of(text)) == 1


def test_these_attacks_point_back_at_the_attacks_told_wherever_the_sentence_is_set() -> None:
    text = ("Bombs went off at the homes of two party leaders in San Pedro last night. "
            "The rebels carried out these attacks from a camp in Puerto Nuevo, the army said.")
    assert len(incidents_of(text)) == 1


def test_an_attack_days_before_the_one_reported_is_an_incident_of_its_own() -> None:
    text = ("A bomb placed on the attorney general's car exploded in San Pedro today, killing him. "
            "The bomb destroyed the car and wounded his driver. "
            "Guerrillas attacked the home of the vice president 5 days ago with explosives.")
    found = incidents_of(text)
    assert len(found) == 2
    assert any("5 days ago" in e.quote for e in found[1].evidence)


def test_a_headline_then_the_story_set_last_week_is_one_incident() -> None:
    text = ("Teen charged in shooting death of Akron man. "
            "A 19-year-old who police say shot and killed a man outside a bar last week has been charged with murder. "
            "Police say he shot the man several times.")
    assert len(incidents_of(text)) == 1


def test_the_same_days_back_as_the_lede_keeps_one_incident() -> None:
    text = ("A man was shot dead outside a bar in Akron last week, police said. "
            "Officers said the man killed last week had been shot twice in the chest.")
    assert len(incidents_of(text)) == 1


def test_an_attack_compared_with_other_attacks_stays_one_incident() -> None:
    text = ("A rocket was fired at the embassy in San Pedro this evening and hit one of its walls. "
            "The rocket did not explode. "
            "As in other attacks of this kind, no group has said it fired the rocket.")
    assert len(incidents_of(text)) == 1


@pytest.mark.parametrize("text", [
    "Unidentified armed men seized two engineers, Pedro Alvarez and Juan Mora, at a farm near Medellin on Sunday.",
    "Jose Ramos was captured at the bus station in Usulutan by army troops on Friday.",
    "Gunmen took away the parish priest, Luis Vega, from his house in Chalatenango on Monday.",
])
def test_people_seized_by_armed_men_or_troops_are_kidnapped(text: str) -> None:
    (incident,) = incidents_of(text)
    assert incident.attack_types[0] == "hostage_taking_kidnapping"
    assert incident.victims and all(v.status == "kidnapped" for v in incident.victims if v.name)


@pytest.mark.parametrize("text", [
    "Police captured the suspect after a short chase in Dayton on Tuesday.",
    "Troops captured five guerrillas near Perquin on Sunday.",
    "Soldiers seized rifles, grenades and civilian clothing at a farm near Perquin on Sunday.",
    "Rebels seized the town of Perquin on Sunday.",
])
def test_arrests_and_seized_things_are_no_kidnapping(text: str) -> None:
    assert not any("hostage_taking_kidnapping" in i.attack_types for i in incidents_of(text))


def test_an_act_told_in_full_in_one_sentence_of_a_talk_is_kept() -> None:
    text = ("The minister said the government is willing to talk with all parties and that the economy will recover "
            "next year. He asked the opposition to support the budget and the new tax law. Asked about the capital, "
            "he said the rebels blew up three electricity pylons with dynamite in Soyapango. He added that the "
            "elections will be held in March as planned.")
    assert relevance(text) < 0.2  # the report as a whole reads as talk
    found = incidents_with_places(text)
    assert found and found[0].attack_types[0] == "bombing"
    assert any("pylons" in t.mention for t in found[0].targets)


def test_an_act_only_recalled_by_a_noun_in_a_talk_stays_talk() -> None:
    text = ("The minister said the government is willing to talk with all parties and that the economy will recover "
            "next year. He asked the opposition to support the budget and the new tax law. He said the cartel was "
            "responsible for the assassination of the senator in Bogota and that the courts would judge it. He added "
            "that the elections will be held in March as planned.")
    assert relevance(text) < 0.2
    assert incidents_with_places(text) == []


def test_a_killer_who_took_a_mothers_children_away_is_no_kidnapper() -> None:
    text = ("A man shot and killed two boys in their home in Gentilly on Friday. "
            "Their mother said: \"He took my children away from me.\"")
    assert not any("hostage_taking_kidnapping" in i.attack_types for i in incidents_of(text))


def test_a_time_back_written_in_words_or_digits_is_one_time() -> None:
    from blotter.incidents.detect import _days_back
    assert _days_back("Five days ago guerrillas killed a guard.") == _days_back("It happened 5 days ago.")
    assert _days_back("two weeks earlier") != _days_back("2 weeks ago")


def test_a_first_mere_mention_is_passed_over_for_the_event_told_after_it() -> None:
    text = ("Powerful explosions shook the capital. On 19 November urban commandos bombed a gas station on "
            "Reforma street, killing two employees, police said.")
    (incident,) = incidents_of(text, published=None)
    assert incident.is_primary
    assert incident.casualties.killed.best == 2


def test_a_headline_town_told_as_someones_home_keeps_its_state() -> None:
    text = "A man was shot and killed Sunday in Mississippi, state authorities said."
    article = Article(id="t", text=text, title="Houston man killed in Mississippi shooting")
    (incident,) = find_incidents(analyse(text), article, find_places(analyse(text), article))
    assert incident.location is None or incident.location.name != "Houston"


def test_a_first_mere_mention_before_only_background_leaves_no_incident() -> None:
    text = "Explosions are a daily fear in the capital, residents say. A bomb killed three soldiers in the city in 2015."
    assert incidents_of(text) == []


def test_a_headline_town_is_read_in_the_state_the_body_names() -> None:
    text = "A gunman who shot five relatives was found dead on Sunday, Mississippi authorities said."
    article = Article(id="t", text=text, title="Gunman in Brookhaven mass killing found dead")
    (incident,) = find_incidents(analyse(text), article, find_places(analyse(text), article))
    assert (incident.location.name, incident.location.admin1) == ("Brookhaven", "Mississippi")
    assert incident.location.evidence[0].field == "title"


def test_a_toll_over_a_span_of_time_is_no_act() -> None:
    """Many harmed counted over months or since a date, in a sentence of its own, is a war's toll, not an incident."""
    toll = "Nearly 1,000 members of the Patriotic Union have been murdered by death squads since the party was founded."
    assert incidents_of(toll, published=None) == []
    days = "Some 300 rebels and soldiers have been killed in the past three days, the army said in San Miguel."
    assert incidents_of(days, published=None) == []
    act = "Guerrillas killed 25 soldiers in an ambush near San Miguel on Monday."
    assert [i.casualties.killed.best for i in incidents_of(act, published=None)] == [25]


def test_a_third_town_after_a_second_is_an_incident_of_its_own() -> None:
    # The second act is told in Huaraz; a sentence opening on Cusco moves on from it too.
    text = ("Rebels bombed a bank in Huancayo on Sunday, police said. "
            "Later that day rebels burned two buses in Huaraz. "
            "In Cusco, rebels burned a market.")
    found = incidents_with_places(text)
    assert len(found) == 3
    assert "Cusco" in found[2].evidence[0].quote and "Cusco" not in found[1].evidence[-1].quote


def test_setting_named_things_on_fire_is_an_arson_of_its_own() -> None:
    text = ("Rebels bombed a bank in Riverton on Monday, police said. "
            "The blast shattered the windows of the bank. "
            "The rebels then set the town hall and two buses on fire.")
    found = incidents_of(text)
    assert len(found) == 2
    assert "town hall" in found[1].evidence[0].quote
    assert found[1].attack_types[0] == "facility_infrastructure_attack"


@pytest.mark.parametrize("text", [
    "Officers set up a cordon while the car was on fire.",
    "The gang did not set the warehouse on fire.",
])
def test_set_is_no_arson_unless_something_is_set_on_fire(text: str) -> None:
    from blotter.incidents.detect import ARSON, phrase_triggers
    assert not [t for t in phrase_triggers(text) if t.kind == ARSON]


@pytest.mark.parametrize("text", [
    "A fire gutted a house on Birch Lane in Fernvale on Tuesday, firefighters said. "
    "Investigators said a portable stove set the drapes on fire.",
    "A barn burned down near Millbrook on Friday, the fire chief said. Lightning set the hay loft on fire.",
    "A fire gutted a flat in Fernvale on Tuesday, firefighters said. The old radio set caught on fire.",
])
def test_things_that_catch_fire_by_accident_are_no_arson(text: str) -> None:
    assert incidents_of(text) == []


def test_a_player_on_fire_is_no_arson() -> None:
    text = ("Two men were shot dead outside a bar in Greendale on Saturday, police said. "
            "Smith set the pace early and came out on fire in the second half.")
    assert [i.attack_types for i in incidents_of(text)] == [["armed_assault"]]


@pytest.mark.parametrize("opening", ["Also today in Cusco,", "Yesterday in Cusco,", "And in Cusco"])
def test_a_sentence_opening_on_another_town_after_also_or_a_day_is_an_incident_of_its_own(opening: str) -> None:
    text = ("Rebels bombed a bank in Huancayo on Sunday, police said. "
            "Later that day rebels burned two buses in Huaraz. "
            f"{opening} a judge was shot dead by gunmen.")
    found = incidents_with_places(text)
    assert len(found) == 3
    assert "judge" in found[2].evidence[0].quote


def test_a_sentence_opening_on_a_time_phrase_does_not_move_to_the_city_it_is_told_from() -> None:
    # "At the same time" opens on no place: the spokesman's city later on is no new scene.
    text = ("Rebels bombed a bank in Huancayo on Sunday, police said. "
            "In Huaraz, rebels burned two buses on Monday. "
            "At the same time, the rebels fired at the drivers, a police spokesman in Lima said.")
    found = incidents_with_places(text)
    assert len(found) == 2
    assert "At the same time" in found[1].evidence[-1].quote


def test_a_place_named_late_in_a_sentence_about_an_act_elsewhere_stays_in_it() -> None:
    text = ("Rebels bombed a bank in Huancayo on Sunday, police said. "
            "Later that day rebels burned two buses in Huaraz. "
            "The rebels fired at the drivers, who were later taken to a clinic in Cusco.")
    found = incidents_with_places(text)
    assert len(found) == 2
    assert "clinic" in found[1].evidence[-1].quote
