"""The trained role-filler model: it finds who attacked what with what in political incidents,
leaves crime reports to the rules, and every filler it adds quotes the report exactly."""

from __future__ import annotations

import json
import time
from importlib import resources

import pytest

import blotter.incidents as incidents_stage
from blotter import clean, nlp, places
from blotter.incidents import roles
from blotter.models import Evidence, InputDocument, Weapon

BOMBING = ("Guerrillas of the Popular Liberation Army blew up a power station near the town of El Carmen "
           "last night, leaving the region without electricity. The rebels used dynamite, the army said. "
           "Army spokesman Colonel Julio Mendez said the guerrillas fled toward the mountains.")
SHOOTING = ("A man was shot and killed outside a convenience store on Main Street late Saturday, police said. "
            "Officers arrested a 24-year-old suspect on Sunday. The victim was identified as John Miller, 31.")


def _frames(text: str) -> list[tuple[object, object]]:
    """(frame, incident) for every political incident, as the pipeline hands them to the model."""
    article = clean.clean(InputDocument(id="t", text=text))
    doc = nlp.analyse(article.text)
    seen = []

    def record(frame, incident):
        seen.append((frame, incident))
        return incident

    incidents_stage.find_incidents(doc, article, places.find_places(doc, article), refine=record)
    return seen


def test_model_file_loads_and_is_small():
    path = resources.files("blotter.data").joinpath("roles.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["roles"] == list(roles.ROLES)
    assert len(raw["bias"]) == len(roles.ROLES)
    assert all(len(row) == len(roles.ROLES) for row in list(raw["weights"].values())[:50])
    roles_and_drops = set(roles.ROLES[1:]) | {"drop_" + r for r in roles.ROLES[1:]}
    assert "PerpOrg" in raw["thresholds"] and set(raw["thresholds"]) <= roles_and_drops
    assert len(path.read_bytes()) < 1_100_000


def test_guerrilla_bombing_finds_the_station_and_the_group():
    (frame, incident), *_ = _frames(BOMBING)
    scored = roles._scored(frame, incident)
    top = {BOMBING[c.start:c.end].lower(): max(roles.ROLES, key=p.get) for c, p in scored}
    assert top["power station"] == "Target"
    assert top["popular liberation army"] == "PerpOrg"
    assert top["dynamite"] == "Weapon"
    assert top["army spokesman colonel julio mendez"] == "none"
    found = {(role, BOMBING[c.start:c.end].lower()) for role, c, _ in roles.role_fillers(frame, scored)}
    assert ("PerpOrg", "popular liberation army") in found
    assert ("PerpInd", "guerrillas") in found
    assert not any("spokesman" in phrase or "mendez" in phrase for _, phrase in found)


def test_adds_what_the_rules_missed_quoting_the_report_exactly():
    (frame, incident), *_ = _frames(BOMBING)
    refined = roles.refine_roles(frame, incident.model_copy(update={"groups": []}))
    assert [g.mention for g in refined.groups] == ["Popular Liberation Army"]
    for value in [*refined.targets, *refined.groups, *refined.perpetrators, *refined.weapons, *refined.victims]:
        for evidence in value.evidence:
            assert BOMBING[evidence.start:evidence.end] == evidence.quote
    assert refined.groups[0].evidence[0].quote == "Popular Liberation Army"


def test_candidates_describe_the_attachment():
    (frame, incident), *_ = _frames(BOMBING)
    station = [c for c in roles.candidates(frame, incident) if BOMBING[c.start:c.end].lower() == "power station"]
    assert station and "dep_gov=dobj:blow" in station[0].features


def test_crime_reports_are_left_to_the_rules(monkeypatch):
    called = []
    monkeypatch.setattr(incidents_stage, "refine_roles", lambda frame, incident: called.append(1) or incident)
    article = clean.clean(InputDocument(id="s", text=SHOOTING))
    doc = nlp.analyse(article.text)
    found = incidents_stage.find_incidents(doc, article, places.find_places(doc, article))
    assert found and not called


def test_cheap_enough_per_incident():
    (frame, incident), *_ = _frames(BOMBING * 3)
    start = time.perf_counter()
    for _ in range(10):
        roles.refine_roles(frame, incident)
    assert (time.perf_counter() - start) / 10 < 0.05


@pytest.mark.parametrize("text", ["Nothing happened here.", "The minister spoke about the budget."])
def test_reports_without_incidents_are_untouched(text):
    assert _frames(text) == []


def test_a_group_already_named_is_not_added_again_under_its_acronym():
    text = ("Guerrillas of the Popular Liberation Army (EPL) blew up a power station near the town of El Carmen "
            "last night. The EPL said in a communique that it carried out the attack.")
    (frame, incident), *_ = _frames(text)
    refined = roles.refine_roles(frame, incident)
    added = [g for g in refined.groups if g not in incident.groups]
    assert not any(g.mention == "EPL" for g in added)
    start = text.index("(EPL)") + 1
    candidate = roles.Candidate(start, start + 3, 0, "tok", ())
    assert roles._same_group(frame, candidate, "epl", {"popular liberation army"})
    assert not roles._same_group(frame, candidate, "epl", {"farc"})


def test_a_group_known_by_the_acronym_after_its_name_is_not_added_again():
    text = "The Secret Anticommunist Army (ESA) bombed the home of a journalist last night."
    (frame, _), *_ = _frames(text)
    start = text.index("Secret")
    full_name = roles.Candidate(start, start + len("Secret Anticommunist Army"), 0, "tok", ())
    assert roles._same_group(frame, full_name, "secret anticommunist army", {"esa"})
    assert not roles._same_group(frame, full_name, "secret anticommunist army", {"farc"})


def test_the_named_attacker_is_never_added_as_a_victim():
    from blotter.models import Perpetrator

    attacker = [Perpetrator(name="Omar Hadley", mention="Omar Hadley")]
    assert roles._named_perpetrator("hadley", attacker)
    assert not roles._named_perpetrator("maria lopez", attacker)
    assert not roles._named_perpetrator("hadley", [Perpetrator(mention="gunmen")])


def test_a_group_named_only_for_talks_or_a_condemnation_is_not_added():
    text = ("Guerrillas blew up a power station near the town of El Carmen last night. "
            "The government said it remains open to peace talks with the Popular Liberation Army.")
    (frame, incident), *_ = _frames(text)

    def candidate(phrase):
        start = text.index(phrase)
        head = next(t.i for t in frame.doc if t.idx >= start + len(phrase) - len(phrase.split()[-1]))
        return roles.Candidate(start, start + len(phrase), head, "tok", ())

    assert not roles._acts_violently(frame, candidate("Popular Liberation Army"))
    assert roles._acts_violently(frame, candidate("Guerrillas"))
    refined = roles.refine_roles(frame, incident)
    assert not any("Popular Liberation Army" in g.mention for g in refined.groups if g.relation == "suspected")


def test_a_group_named_as_a_side_of_a_clash_is_not_added():
    text = ("Guerrillas blew up a power station near the town of El Carmen last night. Clashes between the "
            "Popular Liberation Army (EPL) and army troops went on in the hills.")
    (frame, incident), *_ = _frames(text)
    start = text.index("Popular Liberation Army")
    head = next(t.i for t in frame.doc if t.idx >= start + len("Popular Liberation "))
    assert not roles._acts_violently(frame, roles.Candidate(start, start + len("Popular Liberation Army"), head,
                                                            "tok", ()))


def test_no_piece_of_a_filler_the_rules_already_gave_is_added():
    (frame, incident), *_ = _frames(BOMBING)
    assert ("Weapon", "dynamite") in {(role, BOMBING[c.start:c.end])
                                      for role, c, _ in roles.role_fillers(frame, roles._scored(frame, incident))}
    # A rule weapon whose words hold the model's 'dynamite', as 'incendiary bomb' holds 'bomb'.
    start, end = BOMBING.index("used dynamite"), BOMBING.index("dynamite") + len("dynamite")
    wider = Weapon(mention=BOMBING[start:end], type="explosives", evidence=[Evidence.of(BOMBING, start, end)])
    refined = roles.refine_roles(frame, incident.model_copy(update={"weapons": [wider]}))
    assert [w.mention for w in refined.weapons] == ["used dynamite"]


def test_a_rule_weapon_is_named_more_fully_by_the_model_but_never_twice():
    text = BOMBING.replace("used dynamite", "used 5 kg of dynamite")
    (frame, _), *_ = _frames(text)
    start = text.index("dynamite")
    rule = [Weapon(mention="dynamite", type="explosives", evidence=[Evidence.of(text, start, start + len("dynamite"))])]
    fuller = roles.Candidate(text.index("5 kg"), start + len("dynamite"), 0, "of", ())
    assert roles._same_weapon_named(frame, fuller, rule)
    assert [w.mention for w in rule] == ["5 kg of dynamite"]
    station = text.index("power station")
    assert not roles._same_weapon_named(frame, roles.Candidate(station, station + len("power station"), 0, "left", ()), rule)


def test_the_noun_a_named_attacker_was_given_to_is_not_added_as_another():
    text = ("A bomb exploded at the bus station in San Salvador on Monday, wounding four people. "
            "A terrorist arrested by the national police on Tuesday has been identified as Marta Elena Quiroga Ruiz.")
    (frame, incident), *_ = _frames(text)
    start = text.index("terrorist")
    head = next(t.i for t in frame.doc if t.idx == start)
    terrorist = roles.Candidate(start, start + len("terrorist"), head, "tok", ())
    assert roles._named_by_the_rules(frame, terrorist, incident.perpetrators)
    assert not roles._named_by_the_rules(frame, terrorist, [])


def test_a_different_weapon_with_the_same_head_noun_is_not_the_rules_weapon():
    text = BOMBING.replace("The rebels used dynamite", "The rebels used a car bomb and a package bomb")
    (frame, _), *_ = _frames(text)
    car = text.index("car bomb")
    rule = [Weapon(mention="car bomb", type="explosives", evidence=[Evidence.of(text, car, car + len("car bomb"))])]
    package = text.index("package bomb")
    assert not roles._same_weapon_named(frame, roles.Candidate(package, package + len("package bomb"), 0, "of", ()), rule)
    assert [w.mention for w in rule] == ["car bomb"]
    bomb = car + len("car ")
    assert roles._same_weapon_named(frame, roles.Candidate(bomb, bomb + len("bomb"), 0, "of", ()), rule)
    plural = car + len("car ")
    assert roles._same_weapon_named(frame, roles.Candidate(car, plural + len("bomb"), 0, "of", ()),
                                    [Weapon(mention="bombs", type="explosives", evidence=rule[0].evidence)])
