"""Scorers on tiny gold we write ourselves: perfect predictions score 1, empty ones 0, wrong ones in between."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest

from blotter.eval import article, dedup, geo, gva, gvdb, muc4, quotes, wikievents
from blotter.eval.metrics import names_match, normalize_filler
from blotter.models import (Article, Casualties, Count, DocumentRecord, Evidence, GroupRef, Incident, IncidentDate, Location,
                            Perpetrator, Place, Quote, Target, Victim, Weapon)

# --------------------------------------------------------------------------- helpers


def record(doc_id: str, text: str = "", incidents: list[Incident] | None = None, **fields) -> DocumentRecord:
    return DocumentRecord(id=doc_id, text=text, incidents=incidents or [], **fields)


def incident(**fields) -> Incident:
    return Incident(id="d1-i1", is_primary=True, **fields)


def count(n: int | None) -> Count:
    return Count(best=n, low=n)


# --------------------------------------------------------------------------- metric helpers


def test_fillers_are_normalised_like_gtt():
    assert normalize_filler("The  Armed Men ") == "armed men"
    assert normalize_filler("an embassy") == "embassy"


def test_names_match_by_token_containment():
    assert names_match("Juan Perez", "Perez")
    assert names_match("Perez", "Juan Carlos Perez")
    assert not names_match("Juan Perez", "Maria Lopez")


# --------------------------------------------------------------------------- muc4

MUC_TEXT = "urban guerrillas of the fmln bombed the embassy with dynamite, killing guard jose lopez and a driver."


def muc_gold() -> list[muc4.MucDocument]:
    template = muc4.Template("bombing", {
        "PerpInd": [frozenset({"urban guerrillas", "guerrillas"})],
        "PerpOrg": [frozenset({"fmln"})],
        "Target": [frozenset({"embassy"})],
        "Victim": [frozenset({"jose lopez", "guard jose lopez"})],
        "Weapon": [frozenset({"dynamite"})],
    })
    return [muc4.MucDocument("d1", MUC_TEXT, [template]), muc4.MucDocument("d2", "nothing happened.", [])]


def muc_record(attack_types: list[str], perpetrator: str, target: str, category: str = "terrorism") -> DocumentRecord:
    found = incident(category=category, attack_types=attack_types,
                     perpetrators=[Perpetrator(mention=perpetrator)],
                     groups=[GroupRef(name="Farabundo Marti National Liberation Front", mention="fmln", relation="perpetrator")],
                     targets=[Target(mention=target, type="government_diplomatic")],
                     victims=[Victim(mention="guard jose lopez", name="jose lopez", status="killed"),
                              Victim(mention="a driver", status="killed")],
                     weapons=[Weapon(mention="dynamite", type="explosives")])
    return record("d1", MUC_TEXT, [found])


def test_muc4_perfect_empty_and_wrong():
    gold = muc_gold()
    perfect = muc4.score(gold, [muc_record(["bombing"], "urban guerrillas", "the embassy"), record("d2")])
    assert perfect.headline == 1.0
    assert perfect.rows["incident types"]["f1"] == 1.0
    assert perfect.rows["type set exact (per doc)"]["accuracy"] == 1.0
    assert muc4.score(gold, [None, None]).headline == 0.0
    wrong = muc4.score(gold, [muc_record(["bombing"], "soldiers", "the car"), record("d2")])
    assert 0.0 < wrong.headline < 1.0
    assert wrong.rows["PerpInd"]["f1"] == 0.0 and wrong.rows["Weapon"]["f1"] == 1.0


def test_muc4_victims_are_the_named_ones():
    """GTT's MUC-4 Victim fillers are identified people: an unnamed victim is no filler."""
    (template,) = muc4.predicted_templates(muc_record(["bombing"], "urban guerrillas", "the embassy"))
    assert [filler for filler in template.roles["Victim"]] and all(
        "driver" not in " ".join(map(str, filler)) for filler in template.roles["Victim"])




def test_muc4_wrong_incident_type_is_not_aligned():
    result = muc4.score(muc_gold(), [muc_record(["armed_assault"], "urban guerrillas", "the embassy"), record("d2")])
    assert result.headline == 0.0
    assert result.rows["incident types"]["f1"] == 0.0


def test_muc4_accidents_do_not_count_but_violence_without_a_political_cue_does():
    accident = muc_record(["bombing"], "urban guerrillas", "the embassy", category="accident")
    assert muc4.predicted_templates(accident) == []
    crime = muc_record(["hostage_taking_kidnapping"], "unidentified assailants", "the car", category="crime")
    assert [t.incident_type for t in muc4.predicted_templates(crime)] == ["kidnapping"]


def test_muc4_gunmen_who_also_threw_a_grenade_made_an_attack():
    shooting = incident(category="terrorism", attack_types=["armed_assault", "bombing"],
                        weapons=[Weapon(mention="rifles", type="firearms"), Weapon(mention="grenade", type="explosives",
                                                                                  subtype="grenade")])
    assert muc4.muc_incident_type(shooting) == "attack"
    grenade = shooting.model_copy(update={"attack_types": ["bombing", "armed_assault"]})
    assert muc4.muc_incident_type(grenade) == "bombing"


def test_muc4_an_assault_whose_lede_names_only_a_device_is_a_bombing():
    told = "Gunmen killed four clerks with dynamite at the post office of Port Avalon. Guards fired rifles."
    dynamite = Weapon(mention="dynamite", type="explosives", subtype="dynamite",
                      evidence=[Evidence.of(told, told.index("dynamite"), told.index("dynamite") + 8)])
    rifles = Weapon(mention="rifles", type="firearms", evidence=[Evidence.of(told, told.index("rifles"), len(told) - 1)])
    lede = Evidence.of(told, 0, told.index(" Guards"))
    device_led = incident(category="terrorism", attack_types=["armed_assault", "bombing"], weapons=[dynamite, rifles],
                          evidence=[lede])
    rifles_too = device_led.model_copy(update={"evidence": [Evidence.of(told, 0, len(told))]})
    assert [muc4.muc_incident_type(i) for i in (device_led, rifles_too)] == ["bombing", "attack"]


def test_muc4_a_lede_naming_a_gun_and_no_explosive_tells_an_attack():
    told = "A band armed with rifles and petrol bombs tried to seize a farm near Port Avalon. A bomb went off later."
    lede = Evidence.of(told, 0, told.index(" A bomb"))
    weapons = [Weapon(mention=mention, type=kind, evidence=[Evidence.of(told, told.index(mention),
                                                                        told.index(mention) + len(mention))])
               for mention, kind in (("rifles", "firearms"), ("petrol bombs", "incendiary"), ("A bomb", "explosives"))]
    raid = incident(category="terrorism", attack_types=["facility_infrastructure_attack", "armed_assault"],
                    weapons=weapons, evidence=[lede])
    blast_first = raid.model_copy(update={"attack_types": ["bombing", "armed_assault"]})
    assert [muc4.muc_incident_type(i) for i in (raid, blast_first)] == ["attack", "attack"]


def test_muc4_armed_men_who_set_a_building_on_fire_did_an_arson():
    told = "Rebels armed with rifles burned down the court building in Port Avalon on Monday."
    gun = told.index("rifles")
    burning = incident(category="terrorism", attack_types=["facility_infrastructure_attack", "armed_assault"],
                       weapons=[Weapon(mention="rifles", type="firearms", evidence=[Evidence.of(told, gun, gun + 6)])],
                       evidence=[Evidence.of(told, 0, len(told))])
    assert muc4.muc_incident_type(burning) == "arson"


def test_muc4_men_with_rifles_who_seized_someone_did_a_kidnapping():
    told = "Men with rifles seized a judge outside his home in Port Avalon and drove him away on Monday."
    gun = told.index("rifles")
    seizure = incident(category="terrorism", attack_types=["hostage_taking_kidnapping"],
                       weapons=[Weapon(mention="rifles", type="firearms", evidence=[Evidence.of(told, gun, gun + 6)])],
                       evidence=[Evidence.of(told, 0, len(told))])
    assert muc4.muc_incident_type(seizure) == "kidnapping"


def test_muc4_a_kidnapping_stays_a_kidnapping_when_a_bomb_is_named():
    seized = incident(category="terrorism", attack_types=["hostage_taking_kidnapping", "bombing"],
                      weapons=[Weapon(mention="dynamite", type="explosives", subtype="dynamite")])
    assert muc4.muc_incident_type(seized) == "kidnapping"
    at_gunpoint = incident(category="terrorism", attack_types=["armed_assault", "hostage_taking_kidnapping"],
                           weapons=[Weapon(mention="rifles", type="firearms")])
    assert muc4.muc_incident_type(at_gunpoint) == "kidnapping"
    siege = seized.model_copy(update={"attack_types": ["hostage_taking_barricade", "bombing"]})
    assert muc4.muc_incident_type(siege) == "attack"


def test_muc4_a_kidnapping_that_ends_in_murder_is_a_kidnapping():
    # MUC-4 types the incident by the seizure: people taken and then killed were kidnapped.
    taken_then_killed = incident(category="terrorism", attack_types=["assassination", "hostage_taking_kidnapping"])
    assert muc4.muc_incident_type(taken_then_killed) == "kidnapping"


def test_muc4_a_recalled_earlier_event_is_no_template():
    recalled = Incident(id="d1-i2", is_primary=False, category="terrorism", attack_types=["bombing"], confidence=0.5,
                        weapons=[Weapon(mention="bomb", type="explosives")])
    reported = recalled.model_copy(update={"confidence": 0.8})
    assert muc4.predicted_templates(record("d", "", [recalled])) == []
    assert len(muc4.predicted_templates(record("d", "", [reported]))) == 1


def test_muc4_type_mapping():
    arson = incident(category="terrorism", attack_types=["facility_infrastructure_attack"],
                     weapons=[Weapon(mention="gasoline", type="incendiary")])
    kidnap = incident(category="political_violence", attack_types=["hostage_taking_kidnapping"])
    robbery = incident(category="terrorism", attack_types=["armed_assault"], summary="Rebels robbed a bank.")
    assert [muc4.muc_incident_type(i) for i in (arson, kidnap, robbery)] == ["arson", "kidnapping", "robbery"]
    told = "Rebels looted the union offices and burned the party headquarters."
    looted = incident(category="terrorism", attack_types=["armed_assault"], summary="An attack.",
                      evidence=[Evidence.of(told, 0, len(told))])
    burned = incident(category="terrorism", attack_types=["facility_infrastructure_attack"], summary="An attack.",
                      evidence=[Evidence.of("They burned the party headquarters.", 0, 35)])
    assert [muc4.muc_incident_type(i) for i in (looted, burned)] == ["robbery", "arson"]


def test_muc4_bombing_needs_a_placed_explosive():
    """MUC-4 calls a mortar or rocket attack an attack; GTD's "bombing" type covers both. An explosion
    the lede tells of with no weapon named ("an explosion damaged the consulate") is a bombing; one
    from the air is not."""
    shelled = incident(category="armed_conflict", attack_types=["bombing"],
                       weapons=[Weapon(mention="mortars", type="explosives", subtype="mortar")])
    dynamited = incident(category="terrorism", attack_types=["armed_assault", "bombing"],
                         weapons=[Weapon(mention="dynamite", type="explosives", subtype="dynamite")])
    unnamed = incident(category="terrorism", attack_types=["bombing"])
    from_the_air = incident(category="armed_conflict", attack_types=["bombing"],
                            acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike")
    later_blast = incident(category="terrorism", attack_types=["armed_assault", "bombing"])
    assert [muc4.muc_incident_type(i) for i in (shelled, dynamited, unnamed, from_the_air, later_blast)] == [
        "attack", "bombing", "bombing", "attack", "attack"]


def test_muc4_among_fire_from_afar_only_a_planted_device_makes_a_bombing():
    """Shelling or an air raid with grenades or bombs of no kind named is an attack (thrown or dropped in the
    exchange of fire); dynamite or a car bomb beside the mortar fire still makes a bombing."""
    grenades = incident(category="armed_conflict", attack_types=["bombing", "armed_assault"],
                        weapons=[Weapon(mention="mortars", type="explosives", subtype="mortar"),
                                 Weapon(mention="grenades", type="explosives", subtype="grenade")])
    air_raid = incident(category="armed_conflict", attack_types=["bombing"], acled_sub_event_type="Air/drone strike",
                        weapons=[Weapon(mention="heavy bombs", type="explosives")])
    dynamite = grenades.model_copy(update={"weapons": grenades.weapons + [
        Weapon(mention="dynamite", type="explosives", subtype="dynamite")]})
    thrown = incident(category="terrorism", attack_types=["bombing"],
                      weapons=[Weapon(mention="grenade", type="explosives", subtype="grenade")])
    assert [muc4.muc_incident_type(i) for i in (grenades, air_raid, dynamite, thrown)] == [
        "attack", "attack", "bombing", "bombing"]


def test_muc4_a_killing_told_first_beside_unnamed_bombings_is_an_attack():
    murder = "Six priests were murdered at dawn, while the bombings of the capital went on."
    blast = "An explosion shook the capital at dawn, and six priests were murdered."
    told = [incident(category="terrorism", attack_types=["bombing", "assassination"],
                     evidence=[Evidence.of(lede, 0, len(lede))]) for lede in (murder, blast)]
    assert [muc4.muc_incident_type(i) for i in told] == ["attack", "bombing"]


def test_muc4_explosions_told_with_fighting_and_no_device_named_are_an_attack():
    fighting = "Explosions rang out during clashes overnight in the northern suburbs of Port Avalon."
    blast = "An explosion damaged the town hall of Port Avalon overnight."
    told = [incident(category="terrorism", attack_types=["bombing", "armed_assault"],
                     evidence=[Evidence.of(lede, 0, len(lede))]) for lede in (fighting, blast)]
    charge = told[0].model_copy(update={"weapons": [Weapon(mention="dynamite", type="explosives", subtype="dynamite")]})
    assert [muc4.muc_incident_type(i) for i in (*told, charge)] == ["attack", "bombing", "bombing"]


def test_muc4_kidnapping_is_what_the_lede_tells():
    later_hostage = incident(category="terrorism", attack_types=["assassination", "hostage_taking_barricade"])
    kidnapped = incident(category="terrorism", attack_types=["hostage_taking_kidnapping", "armed_assault"])
    assert [muc4.muc_incident_type(i) for i in (later_hostage, kidnapped)] == ["attack", "kidnapping"]


def test_muc4_hostages_named_only_after_the_lede_make_no_kidnapping():
    """A hostage-taking comes first among the types when the lede names no act more specific; it is a kidnapping
    only when the lede itself tells of hostages."""
    attacked = "The Tamarind battalion was attacked near the party offices in Lomaverde."
    held = "Rebels are holding ten hostages inside the Lomaverde town hall."
    besieged = "Rebels have kept the town of Lomaverde under siege for a week."
    told = [incident(category="terrorism", attack_types=["hostage_taking_barricade", "armed_assault"],
                     evidence=[Evidence.of(lede, 0, len(lede))]) for lede in (attacked, held, besieged)]
    assert [muc4.muc_incident_type(i) for i in told] == ["attack", "kidnapping", "attack"]


def test_muc4_attack_on_military_targets_only_is_guerrilla_warfare():
    """MUC-4 leaves out attacks on military or police forces alone; a civilian target brings the incident
    back in, with the civilian target as its filler (the army patrol is the guerrilla-warfare part)."""
    patrol = Target(mention="army patrol", type="military")
    bus = Target(mention="bus", type="transportation")
    combat = incident(category="armed_conflict", attack_types=["armed_assault"], targets=[patrol])
    mixed = incident(category="armed_conflict", attack_types=["armed_assault"], targets=[patrol, bus])
    assert muc4.predicted_templates(record("d", "", [combat])) == []
    (template,) = muc4.predicted_templates(record("d", "", [mixed]))
    assert template.roles["Target"] == [frozenset({"bus"})]


def test_muc4_a_target_is_named_without_which_one_or_what_it_looked_like():
    """"The second gas station", "a modest home": the coders name the thing, not its order or its look."""
    targets = [Target(mention="second gas station", type="business"),
               Target(mention="modest home", type="private_citizens_property"),
               Target(mention="small arms depot", type="business")]  # "small arms" are weapons: no look
    raid = incident(category="terrorism", attack_types=["bombing"], targets=targets,
                    weapons=[Weapon(mention="dynamite", type="explosives")])
    (template,) = muc4.predicted_templates(record("d", "", [raid]))
    assert template.roles["Target"] == [frozenset({"gas station"}), frozenset({"home"}),
                                         frozenset({"small arms depot"})]


def test_muc4_a_capitalised_describing_word_is_part_of_a_name_and_kept():
    """"Main Street bridge", "Big Bear Lake lodge": a capital makes the word part of a name, not a look."""
    targets = [Target(mention="Main Street bridge", type="transportation"),
               Target(mention="Big Bear Lake lodge", type="business")]
    raid = incident(category="terrorism", attack_types=["bombing"], targets=targets,
                    weapons=[Weapon(mention="dynamite", type="explosives")])
    (template,) = muc4.predicted_templates(record("d", "", [raid]))
    assert [sorted(f) for f in template.roles["Target"]] == [["main street bridge"], ["big bear lake lodge"]]


def test_muc4_police_station_beside_a_bank_is_no_target_filler():
    """Rule 1b covers police forces as it does the army: police stations hit in the same raid as a bank are
    the guerrilla-warfare part, so only the bank fills Target."""
    station = Target(mention="police station", type="police")
    post = Target(mention="police post", type="police")
    bank = Target(mention="bank", type="business")
    raid = incident(category="terrorism", attack_types=["bombing"], targets=[station, post, bank],
                    weapons=[Weapon(mention="dynamite", type="explosives")])
    (template,) = muc4.predicted_templates(record("d", "", [raid]))
    assert template.roles["Target"] == [frozenset({"bank"})]


def test_muc4_killing_policemen_only_is_guerrilla_warfare_killing_peasants_is_not():
    policemen = incident(category="terrorism", attack_types=["bombing"], weapons=[Weapon(mention="dynamite", type="explosives")],
                         victims=[Victim(mention="seven policemen", status="killed")])
    peasants = policemen.model_copy(update={"victims": [Victim(mention="four peasants", status="killed")]})
    assert muc4.predicted_templates(record("d", "", [policemen])) == []
    assert len(muc4.predicted_templates(record("d", "", [peasants]))) == 1


def test_muc4_denying_groups_and_ammunition_are_no_fillers():
    found = incident(category="terrorism", attack_types=["armed_assault"],
                     groups=[GroupRef(name="FMLN", mention="fmln", relation="denied")],
                     weapons=[Weapon(mention="rifles", type="firearms"), Weapon(mention="bullets", type="firearms")])
    (template,) = muc4.predicted_templates(record("d", "", [found]))
    assert template.roles["PerpOrg"] == [] and template.roles["Weapon"] == [frozenset({"rifles"})]


def test_muc4_hedged_perpetrator_also_stands_without_the_hedge():
    (filler,) = muc4._fillers(["alleged urban guerrillas", None])
    assert filler == frozenset({"alleged urban guerrillas", "urban guerrillas"})


def test_muc4_target_is_scored_by_its_fullest_name():
    embassy = incident(category="terrorism", attack_types=["bombing"],
                       targets=[Target(mention="the Costa Rican embassy", type="government_diplomatic"),
                                Target(mention="U.S. consulate", type="government_diplomatic")])
    (template,) = muc4.predicted_templates(record("d", "", [embassy]))
    assert template.roles["Target"] == [frozenset({"costa rican embassy"}), frozenset({"u.s. consulate"})]






def test_muc4_perpetrators_are_scored_by_their_kind_without_their_group():
    found = incident(category="terrorism", attack_types=["armed_assault"],
                     perpetrators=[Perpetrator(mention="FMLN guerrillas")],
                     groups=[GroupRef(name="Farabundo Marti National Liberation Front", mention="FMLN",
                                      relation="perpetrator")])
    (template,) = muc4.predicted_templates(record("d", "", [found]))
    assert template.roles["PerpInd"] == [frozenset({"guerrillas"})]






def test_muc4_members_keep_the_group_they_belong_to():
    """"Members" alone names no one: the coders write "shining path members"."""
    found = incident(category="terrorism", attack_types=["armed_assault"],
                     perpetrators=[Perpetrator(mention="Shining Path members")],
                     groups=[GroupRef(name="Shining Path", mention="Shining Path", relation="suspected")])
    text = "Shining Path members shot two farmers. The members fled."
    (template,) = muc4.predicted_templates(record("d", text, [found]))
    assert template.roles["PerpInd"] == [frozenset({"shining path members"})]


def test_muc4_guerrillas_rebels_and_terrorists_of_one_incident_are_one_entity():
    found = incident(category="terrorism", attack_types=["armed_assault"], perpetrators=[
        Perpetrator(mention="two men"), Perpetrator(mention="leftist guerrillas"), Perpetrator(mention="the rebels"),
        Perpetrator(mention="terrorists")])
    (template,) = muc4.predicted_templates(record("d", "", [found]))
    assert template.roles["PerpInd"] == [frozenset({"two men"}), frozenset({"rebels"})]


def test_muc4_unnamed_attackers_described_in_turn_are_one_entity():
    found = incident(category="terrorism", attack_types=["armed_assault"], perpetrators=[
        Perpetrator(mention="unknown persons"), Perpetrator(mention="a group of heavily armed men"),
        Perpetrator(mention="heavily armed men"), Perpetrator(mention="Pedro Soto", name="Pedro Soto")])
    text = "Unknown persons shot the mayor. A group of heavily armed men fled. The heavily armed men escaped."
    (template,) = muc4.predicted_templates(record("d", text, [found]))
    assert template.roles["PerpInd"] == [frozenset({"heavily armed men"}), frozenset({"pedro soto"})]


def test_muc4_the_forces_men_named_in_turn_are_one_entity():
    found = incident(category="terrorism", attack_types=["armed_assault"], perpetrators=[
        Perpetrator(mention="six soldiers"), Perpetrator(mention="members of the army"),
        Perpetrator(mention="two gunmen")])
    text = "Six soldiers shot the teacher. Members of the army were blamed. Two gunmen fled."
    (template,) = muc4.predicted_templates(record("d", text, [found]))
    assert template.roles["PerpInd"] == [frozenset({"six soldiers"}), frozenset({"two gunmen"})]


def test_muc4_a_bombing_lists_its_devices_not_firearms():
    found = incident(category="terrorism", attack_types=["bombing"], weapons=[
        Weapon(mention="a car bomb", type="explosives", subtype="vehicle-borne IED"),
        Weapon(mention="rifles", type="firearms", subtype="rifle")])
    (template,) = muc4.predicted_templates(record("d", "A car bomb exploded at the bank. Guards fired rifles.", [found]))
    assert (template.incident_type, template.roles["Weapon"]) == ("bombing", [frozenset({"car bomb"})])


def test_muc4_a_kidnapping_has_no_target_or_instrument_and_an_arson_no_instrument():
    """MUC-4's task definition leaves those slots empty for those types."""
    taken = incident(category="terrorism", attack_types=["hostage_taking_kidnapping"],
                     targets=[Target(mention="his car", type="private_citizens_property")],
                     weapons=[Weapon(mention="rifles", type="firearms", subtype="rifle")],
                     victims=[Victim(mention="Jose Rivas", name="Jose Rivas")])
    (template,) = muc4.predicted_templates(record("d", "Gunmen with rifles seized Jose Rivas from his car.", [taken]))
    assert template.incident_type == "kidnapping"
    assert (template.roles["Target"], template.roles["Weapon"]) == ([], [])
    assert template.roles["Victim"] == [frozenset({"jose rivas"})]
    burned = incident(category="terrorism", attack_types=["facility_infrastructure_attack"],
                      targets=[Target(mention="a bus", type="transportation")],
                      weapons=[Weapon(mention="gasoline", type="incendiary")], summary="Rebels set fire to a bus.")
    (template,) = muc4.predicted_templates(record("d", "Rebels set fire to a bus with gasoline.", [burned]))
    assert (template.incident_type, template.roles["Target"], template.roles["Weapon"]) == (
        "arson", [frozenset({"bus"})], [])


def test_muc4_an_attack_on_named_people_has_no_target():
    """Where they were shot is the scene; an attack on a thing, with no one named, keeps its target."""
    shot = incident(category="terrorism", attack_types=["armed_assault"],
                    targets=[Target(mention="his car", type="private_citizens_property")],
                    victims=[Victim(mention="Jose Rivas", name="Jose Rivas")])
    (template,) = muc4.predicted_templates(record("d", "Gunmen shot Jose Rivas in his car.", [shot]))
    assert (template.incident_type, template.roles["Target"]) == ("attack", [])
    raided = incident(category="terrorism", attack_types=["armed_assault"],
                      targets=[Target(mention="the town hall", type="government_general")])
    (template,) = muc4.predicted_templates(record("d", "Rebels attacked the town hall.", [raided]))
    assert template.roles["Target"] == [frozenset({"town hall"})]


def test_muc4_army_and_armed_forces_of_one_incident_are_one_entity():
    found = incident(category="armed_conflict", attack_types=["armed_assault"], groups=[
        GroupRef(name="Salvadoran Army", mention="the Salvadoran army", relation="blamed"),
        GroupRef(name="armed forces", mention="armed forces", relation="blamed"),
        GroupRef(name="National Liberation Army", mention="National Liberation Army", relation="blamed")])
    (template,) = muc4.predicted_templates(record("d", "", [found]))
    assert template.roles["PerpOrg"] == [frozenset({"armed forces"}), frozenset({"national liberation army"})]




def test_muc4_each_gold_entity_matched_once():
    gold = [frozenset({"guerrillas"})]
    assert muc4.match_role(gold, [frozenset({"guerrillas"}), frozenset({"guerrillas"})]) == 1


def test_muc4_alternative_strings_cannot_buy_a_match():
    """GTT's rule: every string given for a predicted entity must be a mention of the gold entity."""
    gold = [frozenset({"guerrillas", "urban guerrillas"})]
    assert muc4.match_role(gold, [frozenset({"guerrillas", "fmln guerrillas"})]) == 0
    assert muc4.match_role(gold, [frozenset({"guerrillas", "urban guerrillas"})]) == 1
    assert muc4.one_name(frozenset({"fmln guerrillas", "guerrillas"}), "PerpInd") == frozenset({"guerrillas"})
    assert muc4.one_name(frozenset({"costa rican embassy", "embassy"}), "Target") == frozenset({"costa rican embassy"})


def test_muc4_one_name_is_a_name_the_report_writes():
    """A group's canonical short name the report never writes cannot be a gold mention."""
    told = lambda text: f" {muc4.gtt_normalize(text)} "  # noqa: E731
    spelled_out = told("The People's Front of Judea claimed the bombing.")
    front = frozenset({"pfj", "people's front of judea"})
    assert muc4.one_name(front, "PerpOrg", spelled_out) == frozenset({"people's front of judea"})
    assert muc4.one_name(front, "PerpOrg", told("The PFJ claimed it.")) == frozenset({"pfj"})
    assert muc4.one_name(front, "PerpOrg") == frozenset({"pfj"})


def test_muc4_attackers_are_named_by_the_word_the_report_keeps_to():
    """Guerrillas called so twice and rebels once are named "guerrillas", though "rebels" is shorter."""
    told = f" {muc4.gtt_normalize('The guerrillas attacked the town. The rebels fled. The guerrillas came back.')} "
    side = frozenset({"guerrillas", "rebels"})
    assert muc4.one_name(side, "PerpInd", told) == frozenset({"guerrillas"})
    assert muc4.one_name(side, "PerpInd") == frozenset({"rebels"})


def test_muc4_strings_normalised_as_gtt_does():
    assert muc4.gtt_normalize("The FMLN's  urban guerrillas, a band") == "fmlns urban guerrillas band"
    assert muc4.filler_matches(frozenset({"the u.s. embassy"}), frozenset({"us embassy"}))


def test_muc4_type_fits_a_gold_type_that_names_two():
    gold = [muc4.Template("bombing / attack", {**{r: [] for r in muc4.ROLES}, "Weapon": [frozenset({"bomb"})]})]
    predicted = [muc4.Template("bombing", {**{r: [] for r in muc4.ROLES}, "Weapon": [frozenset({"bomb"})]})]
    assert muc4.align(gold, predicted) == [(0, 0)]


def test_muc4_loader_reads_a_repeated_template_once(tmp_path: Path):
    template = {"incident_type": "attack", "PerpInd": [[["The gunmen", 0]]], "PerpOrg": [], "Target": [],
                "Victim": [], "Weapon": []}
    other = {**template, "Victim": [[["Jo Roe", 40]]]}
    line = {"docid": "X-1", "doctext": "text", "templates": [template, other, dict(template)]}
    (tmp_path / "dev.json").write_text(json.dumps(line) + "\n")
    [document] = muc4.load(tmp_path, "dev", None)
    assert len(document.templates) == 2


def test_muc4_loader_reads_gtt_lines(tmp_path: Path):
    line = {"docid": "X-1", "doctext": "text", "templates": [
        {"incident_type": "attack", "PerpInd": [[["The gunmen", 0]]], "PerpOrg": [], "Target": [], "Victim": [], "Weapon": []}]}
    (tmp_path / "dev.json").write_text(json.dumps(line) + "\n")
    [document] = muc4.load(tmp_path, "dev", None)
    assert document.templates[0].roles["PerpInd"] == [frozenset({"gunmen"})]


def test_muc4_offset_takes_a_stretch_of_messages_in_file_order(tmp_path: Path):
    lines = [{"docid": f"X-{n}", "doctext": "text", "templates": []} for n in range(6)]
    (tmp_path / "train.json").write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert [d.docid for d in muc4.load_range(tmp_path, "train", 2, 3)] == ["X-2", "X-3", "X-4"]
    assert [d.docid for d in muc4.load_range(tmp_path, "train", 4, None)] == ["X-4", "X-5"]


# --------------------------------------------------------------------------- gvdb / gva


def gvdb_gold() -> list[gvdb.GvdbArticle]:
    return [gvdb.GvdbArticle("1", "http://news.example.com/2016/03/05/man-shot/", "A report.", killed=2, injured=1, city="Springfield", state="IL - Illinois",
                             date="2016-03-04", shooter_names=["John Doe"], victim_names=["Ann Roe", "Bob Poe"])]


def gvdb_record(killed: int, injured: int, city: str, day: str, shooter: str) -> DocumentRecord:
    found = incident(category="crime",
                     casualties=Casualties(killed=count(killed), injured=count(injured)),
                     location=Location(name=city, admin1="Illinois"),
                     date=IncidentDate(start=day, end=day, precision="day"),
                     perpetrators=[Perpetrator(mention=shooter, name=shooter)],
                     victims=[Victim(mention="Ann Roe", name="Ann Roe"), Victim(mention="Roe's friend Bob Poe", name="Bob Poe")])
    return record("gvdb-1", "A report.", [found])


def test_gvdb_perfect_empty_and_wrong():
    gold = gvdb_gold()
    perfect = gvdb.score(gold, [gvdb_record(2, 1, "springfield", "2016-03-04", "Doe")])
    assert all(row["f1"] == 1.0 for row in perfect.rows.values())
    assert perfect.rows["killed"]["accuracy"] == 1.0
    empty = gvdb.score(gold, [None])
    assert all(row["f1"] == 0.0 for row in empty.rows.values())
    wrong = gvdb.score(gold * 2, [gvdb_record(2, 3, "Chicago", "2016-03-05", "Jim Smith"), None])
    assert wrong.rows["killed"]["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert wrong.rows["injured"]["f1"] == 0.0
    assert wrong.rows["city"]["f1"] == 0.0 and wrong.rows["state"]["f1"] == pytest.approx(2 / 3, abs=1e-3)


def test_gvdb_date_row_for_reports_whose_address_gives_a_day():
    undated = dataclasses.replace(gvdb_gold()[0], url="http://news.example.com/man-shot/")
    result = gvdb.score([gvdb_gold()[0], undated], [gvdb_record(2, 1, "Springfield", "2016-03-04", "Doe"), None])
    assert result.rows["date"]["gold"] == 2 and result.rows["date"]["tp"] == 1
    assert result.rows["date (address gives a day)"]["gold"] == 1
    assert result.rows["date (address gives a day)"]["f1"] == 1.0


def test_gvdb_gold_counts_from_victim_status():
    annotation = {"victim-section": [{"victim-was": ["killed", "hospitalized"]}, {"victim-was": ["hospitalized"]},
                                     {"victim-was": ["injured"]}, {"victim-was": []}],
                  "shooter-section": [{"name": {"value": "Jo Bloggs"}}], "date-and-time": {"city": {"value": ""}}}
    gold = gvdb.parse_annotation("9", None, "text", annotation)
    assert (gold.killed, gold.injured, gold.city, gold.shooter_names) == (1, 2, None, ["Jo Bloggs"])


def test_gva_loader_and_scores(tmp_path: Path):
    (tmp_path / "incidents.jsonl").write_text(json.dumps(
        {"incident_uri": "7", "date": "April 10, 2017", "city_or_county": "Fort Worth", "num_killed": 1, "num_injured": 2}) + "\n")
    (tmp_path / "articles.jsonl").write_text(json.dumps(
        {"incident_uri": "7", "id": "a1", "uri": "u", "dct": "2017-04-11", "title": "Man shot", "content": "Body."}) + "\n")
    articles = gva.load(tmp_path, "dev", None)
    assert gva.to_input(articles[0]).text == "Man shot\n\nBody." and articles[0].date == "2017-04-10"
    good = incident(casualties=Casualties(killed=count(1), injured=count(2)), location=Location(name="Fort Worth"),
                    date=IncidentDate(start="2017-04-10", end="2017-04-10", precision="day"))
    assert gva.score(articles, [record("a1", incidents=[good])]).headline == 1.0
    assert gva.score(articles, [None]).headline == 0.0
    half = good.model_copy(update={"casualties": Casualties(killed=count(1), injured=count(5))})
    result = gva.score(articles * 2, [record("a1", incidents=[half]), None])
    assert result.rows["killed"]["f1"] == pytest.approx(2 / 3, abs=1e-3) and result.rows["injured"]["f1"] == 0.0


def test_gva_input_carries_the_pages_own_address_not_the_archive_copys():
    archived = "http://web.archive.org/web/20151030223013/http://news.example.com/2015/10/29/man-shot/"
    assert gva.original_url(archived) == "http://news.example.com/2015/10/29/man-shot/"
    assert gva.original_url("http://news.example.com/a") == "http://news.example.com/a"
    assert gva.original_url(None) is None


def test_every_kth_is_deterministic_spread():
    assert gva.every_kth(list(range(10)), 3) == [0, 3, 6]


# --------------------------------------------------------------------------- dedup

TRUTH = [["a", "b", "c"], ["d", "e"], ["f"]]


def test_dedup_perfect_empty_and_wrong():
    perfect = dedup.score_clusterings(TRUTH, TRUTH)
    assert perfect.rows["pairwise"]["f1"] == 1.0 and perfect.headline == 1.0
    nothing_merged = dedup.score_clusterings([], TRUTH)
    assert nothing_merged.rows["pairwise"]["f1"] == 0.0
    assert nothing_merged.rows["b-cubed"]["precision"] == 1.0 and nothing_merged.headline < 1.0
    wrong = dedup.score_clusterings([["a", "b"], ["c", "d", "e", "f"]], TRUTH)
    assert 0.0 < wrong.rows["pairwise"]["f1"] < 1.0 and 0.0 < wrong.headline < 1.0


def test_dedup_counts_pairs():
    pairs = dedup.pairwise([["a", "b", "c", "d", "e", "f"]], TRUTH)
    assert (pairs.true_positives, pairs.predicted, pairs.gold) == (4, 15, 4)


def test_dedup_all_in_one_cluster_bcubed():
    precision, recall, _ = dedup.bcubed([["a", "b", "c", "d", "e", "f"]], TRUTH)
    assert recall == 1.0 and precision == pytest.approx((3 * 3 + 2 * 2 + 1) / 36)


# --------------------------------------------------------------------------- article (WCXB)


def wcxb_page(tmp_path: Path) -> list[article.WcxbPage]:
    (tmp_path / "dev" / "ground-truth").mkdir(parents=True)
    (tmp_path / "dev" / "html").mkdir(parents=True)
    truth = {"url": "https://example.com/x", "ground_truth": {
        "title": "Storm hits the coast", "author": "Jane Roe", "publish_date": "2025-01-02",
        "main_content": "The storm hit the coast on Tuesday night and flooded the harbour.",
        "with": ["flooded the harbour"], "without": ["Subscribe now"]}}
    (tmp_path / "dev" / "ground-truth" / "0001.json").write_text(json.dumps(truth))
    with gzip.open(tmp_path / "dev" / "html" / "0001.html.gz", "wt") as html:
        html.write("<html><body><p>page</p></body></html>")
    return article.load(tmp_path, "dev", None)


def test_article_and_gvdb_offsets_take_halves_in_file_order(tmp_path: Path):
    wcxb_page(tmp_path)
    truth = (tmp_path / "dev" / "ground-truth" / "0001.json").read_text()
    (tmp_path / "dev" / "ground-truth" / "0002.json").write_text(truth)
    assert [p.id for p in article.DATASET.load_range(tmp_path, "dev", 1, None)] == ["wcxb-0002"]
    assert [p.id for p in article.DATASET.load_range(tmp_path, "dev", 0, 1)] == ["wcxb-0001"]
    rows = ["Article id\tArticle url\tFull text\tJson"] + [f"a{n}\t\tText {n}.\t{{}}" for n in range(3)]
    (tmp_path / "dev.tsv").write_text("\n".join(rows) + "\n")
    assert [a.id for a in gvdb.DATASET.load_range(tmp_path, "dev", 1, 1)] == ["a1"]
    assert [a.id for a in gvdb.DATASET.load_range(tmp_path, "dev", 2, None)] == ["a2"]


def test_article_perfect_empty_and_wrong(tmp_path: Path):
    pages = wcxb_page(tmp_path)
    assert article.to_input(pages[0]).html.startswith("<html>")
    perfect = Article(id="x", title="Storm hits the coast", authors=["Jane Roe"], published="2025-01-02T10:00:00+00:00",
                      text="The storm hit the coast on Tuesday night and flooded the harbour.")
    result = article.score(pages, [perfect])
    assert result.headline == 1.0
    assert all(row.get("accuracy", 1.0) == 1.0 for row in result.rows.values())
    empty = article.score(pages, [None])
    assert empty.headline == 0.0 and all(row.get("accuracy", 0.0) == 0.0 for row in empty.rows.values())
    cluttered = Article(id="x", title="Storm hits the coast | News", authors=[], published="2025-01-03",
                        text="Subscribe now. The storm hit the coast on Tuesday night.")
    wrong = article.score(pages, [cluttered])
    assert 0.0 < wrong.headline < 1.0
    assert wrong.rows["must-exclude absent"]["accuracy"] == 0.0 and wrong.rows["title (exact)"]["accuracy"] == 0.0


def test_curly_and_straight_quotes_match_but_case_still_counts_in_titles():
    assert article.same_form("the harbour\u2019s wall") == article.same_form("The  harbour's wall")
    assert article.same_form("Storm Hits", fold_case=False) != article.same_form("STORM HITS", fold_case=False)


def test_a_byline_listing_the_same_authors_in_another_style_matches():
    assert article.same_author("Jane Roe, Li Chen, and Omar Diaz", ["Jane Roe", "Li Chen", "Omar Diaz"])
    assert article.same_author("Jane Roe & Li Chen", ["Li Chen", "Jane Roe"])
    assert not article.same_author("Jane Roe, Li Chen, and Omar Diaz", ["Jane Roe", "Li Chen"])


def test_body_f1_counts_repeats():
    assert article.body_f1("one two three four", "one two three four one two three four") < 1.0


# --------------------------------------------------------------------------- geo

GEO_TEXT = "Protests spread from Paris to Lyon and Nice."


def geo_gold() -> list[geo.GeoArticle]:
    return [geo.GeoArticle("g1", None, GEO_TEXT, [geo.Toponym(21, 26, 48.85, 2.35), geo.Toponym(30, 34, 45.76, 4.83),
                                                   geo.Toponym(39, 43, None, None)])]


def place(start: int, end: int, lat: float, lon: float) -> Place:
    return Place(mention=GEO_TEXT[start:end], start=start, end=end, name=GEO_TEXT[start:end], feature="city", lat=lat, lon=lon)


def test_geo_perfect_empty_and_wrong():
    perfect = geo.score(geo_gold(), [record("g1", GEO_TEXT, places=[place(21, 26, 48.86, 2.34), place(30, 34, 45.75, 4.85)])])
    assert perfect.headline == 1.0 and perfect.rows["found F1"]["f1"] == 1.0
    empty = geo.score(geo_gold(), [None])
    assert empty.headline == 0.0 and empty.rows["found F1"]["f1"] == 0.0
    # Lyon put in Lyons, Colorado; "Protests" taken for a place.
    wrong = geo.score(geo_gold(), [record("g1", GEO_TEXT, places=[place(21, 26, 48.86, 2.34), place(30, 34, 40.22, -105.27),
                                                                   place(0, 8, 0.0, 0.0)])])
    assert wrong.headline == 0.5 and 0.0 < wrong.rows["found F1"]["f1"] < 1.0


def test_geo_loader_reads_gwn_xml(tmp_path: Path):
    (tmp_path / "GWN.xml").write_text(
        "<articles><article file='3'><link>u</link><text>In Paris.</text><toponyms><toponym>"
        "<start>3</start><end>8</end><latitude>48.85</latitude><longitude>2.35</longitude></toponym>"
        "</toponyms></article></articles>")
    [loaded] = geo.load(tmp_path, "dev", None)
    assert loaded.toponyms == [geo.Toponym(3, 8, 48.85, 2.35)] and loaded.text == "In Paris."


def test_geovirus_loader_moves_its_one_based_offsets_onto_the_name(tmp_path: Path):
    (tmp_path / "GeoVirus.xml").write_text(
        "<articles><article><source>u</source><text>Flu in Lyon and Nice.</text><locations>"
        "<location><name>Lyon</name><start>8</start><end>12</end><lat>45.76</lat><lon>4.83</lon></location>"
        "<location><name>Nice</name><start>16</start><end>20</end><lat>43.7</lat><lon>7.27</lon></location>"
        "</locations></article></articles>")
    [loaded] = geo.load(tmp_path, "geovirus", None)
    assert [loaded.text[t.start:t.end] for t in loaded.toponyms] == ["Lyon", "Nice"]
    assert loaded.toponyms[0] == geo.Toponym(7, 11, 45.76, 4.83)
    assert loaded.toponyms[1] == geo.Toponym(16, 20, 43.7, 7.27)  # already on the name: taken as written


def test_geo_rows_split_towns_from_countries():
    country = Place(mention="Paris", start=21, end=26, name="France", feature="country", lat=46.0, lon=2.0)
    result = geo.score(geo_gold(), [record("g1", GEO_TEXT, places=[country, place(30, 34, 45.75, 4.85)])])
    assert result.rows["  found as a town, county or landmark"]["accuracy"] == 1.0
    assert result.rows["  found as a country, region or state"]["accuracy"] == 0.0


def test_geo_distance():
    assert geo.distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=5)


# --------------------------------------------------------------------------- quotes

QUOTE_TEXT = 'The mayor said "we will rebuild." Critics replied that the plan was late.'


def quote_gold(tmp_path: Path) -> list[quotes.PolnearArticle]:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "story.txt").write_text(QUOTE_TEXT)
    ann = ("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 16 31\twe will rebuild\n"
           "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
           "T5\tSource 34 41\tCritics\nT6\tCue 42 49\treplied\nT7\tContent 50 60;61 72\tthat the plan was late\n"
           "T8\tAttribution 42 49\treplied\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n")
    (tmp_path / "dev" / "attributions" / "story_ab12.ann").write_text(ann)
    (tmp_path / "dev" / "attributions" / "story_ff00.ann").write_text("")
    return quotes.load(tmp_path, "dev", None)


def test_quotes_loader_uses_first_annotator(tmp_path: Path):
    [loaded] = quote_gold(tmp_path)
    assert len(loaded.attributions) == 2 and loaded.attributions[1].content == [(50, 60), (61, 72)]


def test_quotes_perfect_empty_and_wrong(tmp_path: Path):
    gold = quote_gold(tmp_path)
    found = [Quote(speaker="mayor", speaker_mention="The mayor", text="we will rebuild", start=16, end=31),
             Quote(speaker_mention="Critics", text="the plan was late", direct=False, start=55, end=72)]
    perfect = quotes.score(gold, [record("q", QUOTE_TEXT, quotes=found)])
    assert perfect.headline == 1.0 and perfect.rows["speaker (matched quotes)"]["accuracy"] == 1.0
    empty = quotes.score(gold, [None])
    assert empty.headline == 0.0 and empty.rows["speaker (matched quotes)"]["accuracy"] == 0.0
    wrong = quotes.score(gold, [record("q", QUOTE_TEXT, quotes=[found[0].model_copy(update={"speaker_mention": "Critics"})])])
    assert 0.0 < wrong.headline < 1.0 and wrong.rows["speaker (matched quotes)"]["accuracy"] == 0.0


def test_muc4_alignment_maximises_matched_fillers():
    def template(perpetrator: str) -> muc4.Template:
        return muc4.Template("attack", {role: [frozenset({perpetrator})] if role == "PerpInd" else [] for role in muc4.ROLES})

    gold = [template("soldiers"), template("rebels")]
    predicted = [template("rebels"), template("soldiers"), template("police")]
    assert muc4.align(gold, predicted) == [(0, 1), (1, 0)]
    many = [template(f"group {i}") for i in range(12)]
    assert muc4.align(many, list(reversed(many)))[0] == (0, 11)


def test_locate_maps_spans_back_when_clean_dropped_lines_in_between():
    from blotter.eval.common import locate, offset_shift

    original = "Headline here\nBy A. Writer\n\nThe mayor said the road will close.\nShare this\nShe added it would reopen."
    cleaned = "The mayor said the road will close.\n\nShe added it would reopen."
    start = cleaned.index("it would reopen")
    where = locate(original, cleaned, start, start + len("it would reopen"), offset_shift(original, cleaned))
    assert where is not None and original[where[0]:where[1]] == "it would reopen"
    assert locate(original, cleaned, 0, 3, None) == (original.index("The"), original.index("The") + 3)
    assert locate("abc", "xyz", 0, 3, None) is None


def test_gvdb_gold_date_from_the_picker_is_read_as_iso():
    annotation = {"date-and-time": {"date": "2015-8-3"}}
    assert gvdb.parse_annotation("9", None, "text", annotation).date == "2015-08-03"
    assert gvdb.parse_annotation("9", None, "text", {"date-and-time": {"date": ""}}).date is None


def test_quotes_on_the_fragments_of_one_content_are_one_match(tmp_path: Path):
    """A content in fragments comes out as one quote per fragment: not a false positive."""
    gold = quote_gold(tmp_path)
    found = [Quote(speaker="mayor", speaker_mention="The mayor", text="we will rebuild", start=16, end=31),
             Quote(speaker_mention="Critics", text="that the p", direct=False, start=50, end=60),
             Quote(speaker_mention="Critics", text="an was late", direct=False, start=61, end=72)]
    result = quotes.score(gold, [record("q", QUOTE_TEXT, quotes=found)])
    assert result.headline == 1.0
    assert result.rows["quote content, fragment quotes counted"]["predicted"] == 3
    assert result.rows["speaker (matched, source not a pronoun)"]["accuracy"] == 1.0


def test_quotes_are_found_in_the_original_when_clean_normalised_spaces(tmp_path: Path):
    """The cleaner writes plain single spaces; the quote still lands on its gold content."""
    gold = quote_gold(tmp_path)
    article = quotes.PolnearArticle(gold[0].id, gold[0].text.replace("the plan", "the\u00a0 plan"),
                                    [quotes.Attribution([(50, 73)], [(34, 41)])])
    cleaned = article.text.replace("\u00a0 ", " ")
    found = [Quote(speaker_mention="Critics", text="the plan was late", direct=False,
                   start=cleaned.index("the plan"), end=cleaned.index("the plan") + 17)]
    result = quotes.score([article], [record("q", cleaned, quotes=found)])
    assert result.headline == 1.0 and result.rows["speaker (matched quotes)"]["accuracy"] == 1.0


def test_place_names_compare_without_a_leading_article():
    from blotter.eval.common import same_place
    assert same_place("Bronx", "The Bronx") and same_place("Pittsburgh (Wilkinsburg)", "Wilkinsburg")
    assert not same_place("Bronx", "Brooklyn")


# --------------------------------------------------------------------------- MUC-4 answer keys (date, place)

KEY_FILE = """\
;;; a comment line
0.  MESSAGE: ID                     TST1-MUC3-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 MAR 90
3.  INCIDENT: LOCATION              COLOMBIA: ANTIOQUIA (DEPARTMENT): MEDELLIN (CITY)
4.  INCIDENT: TYPE                  BOMBING

0.  MESSAGE: ID                     TST1-MUC3-0001
1.  MESSAGE: TEMPLATE               2
2.  INCIDENT: DATE                  (01 MAR 90 - 03 MAR 90) / (- 04 MAR 90)
3.  INCIDENT: LOCATION              (PERU: LIMA (CITY)) /
                                    (PERU)
4.  INCIDENT: TYPE                  ATTACK

0.  MESSAGE: ID                     TST1-MUC3-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
"""


def test_muc4_keys_parse_dates_places_and_alternatives():
    from blotter.eval import muc4_keys

    keys = muc4_keys.parse_key(KEY_FILE)
    assert keys["TST1-MUC3-0002"] == [], "a message keyed '*' has no template"
    first, second = keys["TST1-MUC3-0001"]
    assert first.days == {"1990-03-02"} and first.countries == {"colombia"} and first.places == {"antioquia", "medellin"}
    assert second.days == {"1990-03-01", "1990-03-02", "1990-03-03"}, "'- 04 MAR 90' (on or before) gives no day"
    assert second.countries == {"peru"} and second.places == {"lima"}, "a continued line belongs to its slot"
    assert muc4_keys.key_days("- 04 MAR 90") == frozenset()
    assert muc4_keys.key_places("COLOMBIA: PEREIRA (CITY) - BELEN DE UMBRIA (TOWN)")[1] == {"pereira", "belen de umbria"}


def test_muc4_keys_perfect_empty_and_wrong(tmp_path: Path):
    from blotter.eval import muc4_keys

    folder = tmp_path / "raw" / "CORPORA"
    for part, texts, key in (("tst1", "tst1-muc3", "key-tst1.v7"), ("tst2", "tst2-muc4", "key-tst2.v4")):
        (folder / part).mkdir(parents=True)
        (folder / part / texts).write_text("" if part == "tst2" else
                                           "TST1-MUC3-0001\n\n   LIMA, 4 MAR 90 (AFP) -- [TEXT] A BOMB.\n\n"
                                           "TST1-MUC3-0002\n\n   LIMA, 4 MAR 90 (AFP) -- [TEXT] A SPEECH.\n")
        (folder / part / key).write_text("" if part == "tst2" else KEY_FILE)
    messages = muc4_keys.load(tmp_path, "dev", None)
    assert [m.docid for m in messages] == ["TST1-MUC3-0001", "TST1-MUC3-0002"]
    assert muc4_keys.to_input(messages[0]).text.startswith("   LIMA, 4 MAR 90")

    def located(name, country, day, precision="city"):
        return record("TST1-MUC3-0001", incidents=[incident(
            location=Location(name=name, country=country, precision=precision),
            date=IncidentDate(start=day, end=day, precision="day"))])

    perfect = muc4_keys.score(messages, [located("Lima", "Peru", "1990-03-03"), record("TST1-MUC3-0002")])
    assert all(row["f1"] == 1.0 for row in perfect.rows.values()), "any template of the message may be right"
    empty = muc4_keys.score(messages, [None, None])
    assert all(row["f1"] == 0.0 for row in empty.rows.values())
    wrong = muc4_keys.score(messages * 2, [located("Bogota", "Colombia", "1990-03-04"), None,
                                           located("Medellin", "Colombia", "1990-03-02"), None])
    assert wrong.rows["date"]["f1"] == 0.5 and wrong.rows["place"]["f1"] == 0.5, "one of two right"
    assert wrong.rows["country"]["f1"] == 1.0
    assert muc4_keys.score(messages, [located("Colombia", "Colombia", "1990-03-02", "country"), None]) \
        .rows["place"]["predicted"] == 0, "a country is no place below it"


# --------------------------------------------------------------------------- wikievents

WIKI_LINES = ["Car bomb kills two soldiers in Kabul",
              "A car bomb exploded near an army checkpoint in Kabul on Monday, killing two soldiers.",
              "The Taliban said they carried out the attack."]


def wiki_gold(tmp_path: Path) -> list[wikievents.WikiDocument]:
    """One bombing (its KAIROS events, with "they" coreferent with "the Taliban") and one quiet report."""
    mentions = {"T1": "bomb", "T2": "soldiers", "T3": "Kabul", "T4": "bomb", "T5": "checkpoint", "T6": "Kabul",
                "T7": "soldiers", "T8": "Taliban", "T9": "they"}

    def event(kind: str, trigger: str, *arguments: tuple[str, str]) -> dict:
        return {"id": f"E-{trigger}", "event_type": kind, "trigger": {"text": trigger},
                "arguments": [{"entity_id": e, "role": role, "text": mentions[e]} for role, e in arguments]}

    bombing = {"doc_id": "w1", "text": "".join(WIKI_LINES), "sentences": [[[], line] for line in WIKI_LINES],
               "entity_mentions": [{"id": i, "text": t} for i, t in mentions.items()],
               "event_mentions": [
                   event("Life.Die.Unspecified", "kills", ("Victim", "T2"), ("Place", "T3")),
                   event("Conflict.Attack.DetonateExplode", "exploded", ("ExplosiveDevice", "T4"),
                         ("Target", "T5"), ("Place", "T6"), ("Attacker", "T9")),
                   event("Life.Die.Unspecified", "killing", ("Victim", "T7")),
                   event("Contact.Contact.Broadcast", "said", ("Communicator", "T8"))]}
    quiet = {"doc_id": "w2", "text": "The council met on Monday.", "sentences": [[[], "The council met on Monday."]],
             "entity_mentions": [], "event_mentions": []}
    (tmp_path / "dev.jsonl").write_text("".join(json.dumps(d) + "\n" for d in (bombing, quiet)))
    clusters = [["T1", "T4"], ["T2", "T7"], ["T3", "T6"], ["T8", "T9"]]
    (tmp_path / "dev.jsonlines").write_text(json.dumps({"doc_key": "w1", "clusters": clusters}) + "\n")
    return wikievents.load(tmp_path, "dev", None)


def wiki_record(perpetrator: str = "The Taliban", target: str = "an army checkpoint", place: str = "Kabul",
                **fields) -> DocumentRecord:
    found = incident(category="terrorism", attack_types=["bombing"],
                     groups=[GroupRef(name=perpetrator, mention=perpetrator, relation="claimed")],
                     victims=[Victim(mention="two soldiers", status="killed")],
                     targets=[Target(mention=target, type="military")],
                     weapons=[Weapon(mention="A car bomb", type="explosives")],
                     location=Location(mention=place, name=place, country="Afghanistan"), **fields)
    return record("w1", "\n".join(WIKI_LINES), [found])


def test_wikievents_loader_restores_line_breaks_and_gathers_coreferent_mentions(tmp_path: Path):
    bombing, quiet = wiki_gold(tmp_path)
    assert wikievents.to_input(bombing).text == "\n".join(WIKI_LINES)
    assert bombing.has_attack and not quiet.has_attack
    assert {role: len(entities) for role, entities in bombing.roles.items()} == {
        "perpetrators": 1, "victims": 1, "targets": 1, "weapons": 1, "place": 1}
    assert bombing.roles["perpetrators"][0].texts == {"taliban", "they"}  # "said" is no attack: only through "they"


def test_wikievents_perfect_empty_and_wrong(tmp_path: Path):
    gold = wiki_gold(tmp_path)
    perfect = wikievents.score(gold, [wiki_record(), record("w2")])
    assert perfect.headline == 1.0 and all(row["f1"] == 1.0 for row in perfect.rows.values())
    empty = wikievents.score(gold, [None, None])
    assert empty.headline == 0.0 and empty.rows["incident detection (docs)"]["f1"] == 0.0
    wrong = wikievents.score(gold, [wiki_record(perpetrator="police", target="a school", place="Herat"), record("w2")])
    assert 0.0 < wrong.headline < 1.0
    assert wrong.rows["perpetrators"]["f1"] == wrong.rows["targets"]["f1"] == wrong.rows["place"]["f1"] == 0.0
    assert wrong.rows["victims"]["f1"] == wrong.rows["weapons"]["f1"] == 1.0


def test_wikievents_place_in_the_country_the_gold_names_matches():
    """An incident "in Herat" is also in Afghanistan: one place value, either name."""
    (place,) = wikievents.predicted_values(wiki_record(place="Herat"))["place"]
    assert wikievents.matched([wikievents.Mentions.of(["Afghanistan"])], [place]) == 1
    assert wikievents.matched([wikievents.Mentions.of(["Kabul"]), wikievents.Mentions.of(["Afghanistan"])], [place]) == 1


def test_wikievents_an_incident_in_a_report_without_attacks_lowers_detection(tmp_path: Path):
    gold = wiki_gold(tmp_path)
    spurious = wikievents.score(gold, [wiki_record(), record("w2", incidents=[incident(category="crime")])])
    assert spurious.rows["incident detection (docs)"]["precision"] == 0.5
    assert spurious.rows["incident detection (docs)"]["recall"] == 1.0


def test_wikievents_values_match_by_head_word_and_each_gold_entity_once():
    assert wikievents.head_word("the driver of the bus") == "driver"
    assert wikievents.head_word("the Army of the North") == "army"
    assert wikievents.head_word("the group’s commander, who fled") == "commander"
    assert wikievents.head_word("at least 40 people") == "people"
    gold = [wikievents.Mentions.of(["soldiers"])]
    twice = [wikievents.Mentions.of(["two soldiers"]), wikievents.Mentions.of(["the soldiers"])]
    assert wikievents.matched(gold, twice) == 1
    assert wikievents.matched(gold, [wikievents.Mentions.of(["a soldier"])]) == 0


def test_wikievents_denying_or_mentioned_group_is_no_perpetrator_and_a_name_repeated_counts_once(tmp_path: Path):
    gold = wiki_gold(tmp_path)
    denied = wiki_record()
    denied.incidents[0].groups[0].relation = "denied"
    assert wikievents.score(gold, [denied, record("w2")]).rows["perpetrators"]["predicted"] == 0
    mentioned = wiki_record()  # a group named only as acted upon ("an offensive against ...") is no attacker either
    mentioned.incidents[0].groups[0].relation = "mentioned"
    assert wikievents.score(gold, [mentioned, record("w2")]).rows["perpetrators"]["predicted"] == 0
    repeated = wiki_record()
    repeated.incidents.append(repeated.incidents[0].model_copy(update={"id": "d1-i2", "is_primary": False}))
    assert wikievents.score(gold, [repeated, record("w2")]).headline == 1.0


def listed_towns_record(sentence: str) -> DocumentRecord:
    found = incident(category="terrorism", attack_types=["armed_assault"],
                     groups=[GroupRef(name="Shining Path", mention="shining path", relation="perpetrator")],
                     targets=[Target(mention="public buildings", type="government_general")],
                     victims=[Victim(mention="mayor luis rojas", name="luis rojas", status="injured")],
                     evidence=[Evidence.of(sentence, 0, len(sentence))])
    return record("d", sentence, [found])


def test_muc4_an_act_told_in_a_list_of_towns_is_one_template_per_town():
    """MUC-4 fills one template per town an act is told in, each with who did it and to what; a named
    victim was harmed in one of them only."""
    text = "shining path rebels attacked public buildings in villa rica, pozuzo, and oxapampa, in pasco department."
    templates = muc4.predicted_templates(listed_towns_record(text))
    assert [t.incident_type for t in templates] == ["attack"] * 3
    assert all(t.roles["PerpOrg"] == [frozenset({"shining path"})] for t in templates)
    assert all(t.roles["Target"] == [frozenset({"public buildings"})] for t in templates)
    assert [len(t.roles["Victim"]) for t in templates] == [1, 0, 0]


@pytest.mark.parametrize("text", [
    "shining path rebels attacked public buildings in pasco and junin departments.",  # a sweep of regions
    "the police killed in the raid were buried on 3 june in cuzco and ica, respectively.",  # no act there
    "shining path rebels attacked army positions in villa rica, pozuzo, and oxapampa, in pasco department.",
])
def test_muc4_lists_that_are_not_one_act_per_town_give_one_template(text: str) -> None:
    assert len(muc4.predicted_templates(listed_towns_record(text))) == 1


def bombing_with_victim_record(text: str) -> DocumentRecord:
    start = text.index("ana diaz")
    found = incident(category="terrorism", attack_types=["bombing", "armed_assault"],
                     groups=[GroupRef(name="Shining Path", mention="shining path", relation="perpetrator")],
                     targets=[Target(mention="party office", type="government_general")],
                     victims=[Victim(mention="mayor ana diaz", name="ana diaz", status="killed",
                                     evidence=[Evidence.of(text, start, start + len("ana diaz"))])],
                     weapons=[Weapon(mention="rifles", type="firearms"), Weapon(mention="bomb", type="explosives")],
                     evidence=[Evidence.of(text, 0, len(text))])
    return record("d", text, [found])


def test_muc4_a_murder_told_beside_a_bombing_is_an_attack_template_of_its_own():
    """MUC-4 codes a named person gunned down as an attack and the bombing beside it as a bombing, both
    by the same group; a person the bomb killed stays in the bombing."""
    text = ("shining path rebels gunned down mayor ana diaz with rifles on monday. "
            "on tuesday a bomb destroyed the party office.")
    attack, bombing = muc4.predicted_templates(bombing_with_victim_record(text))
    assert (attack.incident_type, bombing.incident_type) == ("attack", "bombing")
    assert attack.roles["Victim"] == [frozenset({"mayor ana diaz"})] and bombing.roles["Victim"] == []
    assert attack.roles["Weapon"] == [frozenset({"rifles"})] and bombing.roles["Weapon"] == [frozenset({"bomb"})]
    assert attack.roles["Target"] == [] and bombing.roles["Target"] == [frozenset({"party office"})]
    assert attack.roles["PerpOrg"] == bombing.roles["PerpOrg"] == [frozenset({"shining path"})]
    killed_by_bomb = "a bomb planted by shining path rebels killed mayor ana diaz and destroyed the party office."
    (only,) = muc4.predicted_templates(bombing_with_victim_record(killed_by_bomb))
    assert only.incident_type == "bombing" and len(only.roles["Victim"]) == 1


def raid_record(text: str) -> DocumentRecord:
    start = text.index("pharmacies")
    found = incident(category="terrorism", attack_types=["armed_assault"],
                     perpetrators=[Perpetrator(mention="guerrillas")],
                     targets=[Target(mention="pharmacies", type="business",
                                     evidence=[Evidence.of(text, start, start + len("pharmacies"))])],
                     victims=[Victim(mention="guard luis paz", name="luis paz", status="killed")],
                     weapons=[Weapon(mention="rifles", type="firearms")],
                     evidence=[Evidence.of(text, 0, len(text))])
    return record("d", text, [found])


def test_muc4_raiders_who_loot_a_target_also_fill_a_robbery():
    """MUC-4 codes the looting in a raid as a robbery of the things taken, by the same attackers."""
    attack, robbery = muc4.predicted_templates(raid_record(
        "guerrillas armed with rifles killed guard luis paz and robbed two pharmacies."))
    assert (attack.incident_type, robbery.incident_type) == ("attack", "robbery")
    assert robbery.roles["Target"] == [frozenset({"pharmacies"})] and robbery.roles["PerpInd"] == attack.roles["PerpInd"]
    assert robbery.roles["Victim"] == [] and robbery.roles["Weapon"] == []
    (only,) = muc4.predicted_templates(raid_record("guerrillas armed with rifles killed guard luis paz near two pharmacies."))
    assert only.incident_type == "attack"


def test_muc4_raiders_who_burn_a_target_also_fill_an_arson():
    """MUC-4 codes the burning in a raid as an arson of the things burned, by the same attackers."""
    attack, arson = muc4.predicted_templates(raid_record(
        "guerrillas armed with rifles killed guard luis paz and burned two pharmacies."))
    assert (attack.incident_type, arson.incident_type) == ("attack", "arson")
    assert arson.roles["Target"] == [frozenset({"pharmacies"})] and arson.roles["PerpInd"] == attack.roles["PerpInd"]
    assert arson.roles["Victim"] == [] and arson.roles["Weapon"] == []


def test_muc4_perpetrator_names_sharing_a_string_are_one_filler():
    """"fmln terrorists" also stands as "terrorists"; a second mention "the terrorists" names the same people,
    so it joins that filler rather than counting as a second one gold cannot match."""
    attack = incident(category="terrorism", attack_types=["armed_assault"],
                      perpetrators=[Perpetrator(mention="fmln terrorists"), Perpetrator(mention="the terrorists"),
                                    Perpetrator(mention="soldiers")],
                      groups=[GroupRef(name="FMLN", mention="fmln", relation="claimed")])
    (template,) = muc4.predicted_templates(record("d", "", [attack]))
    assert template.roles["PerpInd"] == [frozenset({"terrorists"}), frozenset({"soldiers"})]


def test_muc4_neighborhood_is_where_not_what_was_hit():
    """"rebels attacked the escalon neighborhood, burning houses": the houses fill Target, the neighborhood
    is where it happened; a place named with what stood there ("cars parked in the area") stays."""
    attack = incident(category="terrorism", attack_types=["armed_assault"],
                      targets=[Target(mention="the escalon neighborhood", type="private_citizens_property"),
                               Target(mention="houses", type="private_citizens_property"),
                               Target(mention="cars parked in the area", type="transportation")])
    (template,) = muc4.predicted_templates(record("d", "", [attack]))
    assert template.roles["Target"] == [frozenset({"houses"}), frozenset({"cars parked in the area"})]


def test_muc4_fighting_in_a_neighborhood_is_guerrilla_warfare_unless_civilians_are_harmed():
    """"Guerrillas attacked the escalon neighborhood" names where forces fought, no civilian target (rule 1b);
    the same fight that killed "three peasants", or that burned houses there, stays a terrorist incident."""
    fighting = incident(category="armed_conflict", attack_types=["armed_assault"],
                        perpetrators=[Perpetrator(mention="guerrillas")],
                        targets=[Target(mention="escalon neighborhood", type="private_citizens_property")])
    soldiers_hit = fighting.model_copy(update={"victims": [Victim(mention="two soldiers", status="killed")]})
    peasants_hit = fighting.model_copy(update={"victims": [Victim(mention="three peasants", status="killed")]})
    houses_hit = fighting.model_copy(update={"targets": fighting.targets + [Target(mention="houses",
                                                                                   type="private_citizens_property")]})
    assert muc4.predicted_templates(record("d", "", [fighting])) == []
    assert muc4.predicted_templates(record("d", "", [soldiers_hit])) == []
    assert len(muc4.predicted_templates(record("d", "", [peasants_hit]))) == 1
    assert len(muc4.predicted_templates(record("d", "", [houses_hit]))) == 1


def test_muc4_clash_between_guerrillas_and_troops_is_guerrilla_warfare_unless_civilians_are_harmed():
    """"Guerrillas and troops clashed near the river, leaving 40 people dead" is combat between forces (rule 1b),
    whoever the dead were; the same clash that killed "six peasants" stays a terrorist incident."""
    clash = incident(category="armed_conflict", attack_types=["armed_assault"], acled_sub_event_type="Armed clash",
                     perpetrators=[Perpetrator(mention="guerrillas")],
                     victims=[Victim(mention="40 people", status="killed")])
    peasants_hit = clash.model_copy(update={"victims": [Victim(mention="six peasants", status="killed")]})
    assert muc4.predicted_templates(record("d", "", [clash])) == []
    assert len(muc4.predicted_templates(record("d", "", [peasants_hit]))) == 1


def test_muc4_rockets_fired_by_no_one_named_at_nothing_civilian_are_war_fire():
    """"Rockets and bombs fell on the capital's outskirts" is the war's exchange of fire (rule 1b); the same
    fire with the guerrillas who fired it named, or hitting a market, is an incident MUC-4 codes."""
    fire = incident(category="armed_conflict", attack_types=["bombing"],
                    acled_sub_event_type="Shelling/artillery/missile attack",
                    weapons=[Weapon(mention="rockets", type="explosives", subtype="rocket")])
    fired_by_guerrillas = fire.model_copy(update={"perpetrators": [Perpetrator(mention="guerrillas")]})
    market_hit = fire.model_copy(update={"targets": [Target(mention="market", type="business")]})
    assert muc4.predicted_templates(record("d", "", [fire])) == []
    assert len(muc4.predicted_templates(record("d", "", [fired_by_guerrillas]))) == 1
    assert len(muc4.predicted_templates(record("d", "", [market_hit]))) == 1


def test_muc4_helicopters_shot_at_are_no_target_filler_an_airliner_is():
    """Helicopters and gunships fight the war (the guerrilla-warfare part, rule 1b); an airliner is a civilian
    target MUC-4 names."""
    attack = incident(category="terrorism", attack_types=["armed_assault"],
                      targets=[Target(mention="two helicopters", type="airports_aircraft"),
                               Target(mention="airliner", type="airports_aircraft")],
                      weapons=[Weapon(mention="rifles", type="firearms")])
    (template,) = muc4.predicted_templates(record("d", "", [attack]))
    assert template.roles["Target"] == [frozenset({"airliner"})]


def test_muc4_weapons_the_police_carry_are_no_weapon_filler():
    """"Gunmen threw a bomb at the embassy, which riot policemen armed with rifles surrounded": the bomb is
    the instrument of the act, the policemen's rifles are not."""
    text = "Gunmen threw a bomb at the embassy, which riot policemen armed with rifles surrounded."
    bomb = Weapon(mention="bomb", type="explosives", evidence=[Evidence.of(text, 15, 19)])
    rifles = Weapon(mention="rifles", type="firearms", evidence=[Evidence.of(text, 68, 74)])
    attack = incident(category="terrorism", attack_types=["bombing"], weapons=[bomb, rifles],
                      targets=[Target(mention="embassy", type="government_diplomatic")])
    (template,) = muc4.predicted_templates(record("d", text, [attack]))
    assert template.roles["Weapon"] == [frozenset({"bomb"})]
    # the attackers' own weapons stay, even with the forces named before them
    text = "Two soldiers were killed by guerrillas armed with rifles."
    rifles = Weapon(mention="rifles", type="firearms", evidence=[Evidence.of(text, 50, 56)])
    ambush = incident(category="terrorism", attack_types=["armed_assault"], weapons=[rifles],
                      targets=[Target(mention="bus", type="transportation")])
    (template,) = muc4.predicted_templates(record("d", text, [ambush]))
    assert template.roles["Weapon"] == [frozenset({"rifles"})]


def test_muc4_a_name_bridging_two_fillers_makes_them_one():
    assert muc4._fillers(["fmln"], ["guerrillas"], ["fmln", "guerrillas"]) == [frozenset({"fmln", "guerrillas"})]
    assert muc4._fillers(["fmln"], ["army"]) == [frozenset({"fmln"}), frozenset({"army"})]


@pytest.mark.parametrize(("others", "expected"), [
    (["rosa ortiz ortiz"], [frozenset({"rosa ortiz ortiz"})]),  # the surnames are hers: one person
    (["rosa ortiz ortiz", "juan ortiz ortiz"], [frozenset({"rosa ortiz ortiz"}), frozenset({"ortiz ortiz"}),
                                                frozenset({"juan ortiz ortiz"})]),  # two share them: which one?
])
def test_muc4_a_victim_called_by_surname_is_the_one_victim_of_that_full_name(others: list[str],
                                                                            expected: list[frozenset[str]]) -> None:
    """MUC-4 lists a person once: a kidnapped "ortiz ortiz" is the "rosa ortiz ortiz" the report names, unless
    two victims share the surnames."""
    victims = [Victim(mention=others[0], name=others[0], status="kidnapped"),
               Victim(mention="ortiz ortiz", name="ortiz ortiz", status="kidnapped")]
    victims += [Victim(mention=name, name=name, status="kidnapped") for name in others[1:]]
    found = incident(category="terrorism", attack_types=["hostage_taking_kidnapping"], victims=victims)
    (template,) = muc4.predicted_templates(record("d", "rebels kidnapped rosa ortiz ortiz.", [found]))
    assert template.roles["Victim"] == expected
