"""Type an incident: category, GTD attack types, ACLED event type and stage of execution.

The decision reads the trigger kinds the detector found, the weapons the weapon filler
found, the groups involved and a few cue phrases in the incident's sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import AttackType, Category, GroupRef, Status, Weapon
from ..nlp import analyse
from . import detect as k

# GTD attack types a trigger kind implies, most specific first.
_ATTACK_TYPE_BY_KIND: dict[str, AttackType] = {
    k.ASSASSINATION: "assassination", k.HIJACKING: "hijacking", k.HOSTAGE: "hostage_taking_barricade",
    k.KIDNAPPING: "hostage_taking_kidnapping", k.BOMBING: "bombing", k.AIRSTRIKE: "bombing",
    k.SHELLING: "bombing", k.ARSON: "facility_infrastructure_attack", k.SHOOTING: "armed_assault",
    k.STABBING: "armed_assault", k.MASSACRE: "armed_assault", k.CLASH: "armed_assault",
    k.RAMMING: "unarmed_assault", k.BEATING: "unarmed_assault", k.ROBBERY: "armed_assault",
}
_PRECEDENCE: list[AttackType] = [
    "assassination", "hijacking", "hostage_taking_barricade", "hostage_taking_kidnapping", "bombing",
    "facility_infrastructure_attack", "armed_assault", "unarmed_assault",
]
_ATTACK_TYPE_BY_WEAPON: dict[str, AttackType] = {
    "explosives": "bombing", "firearms": "armed_assault", "melee": "armed_assault",
    "incendiary": "facility_infrastructure_attack", "sabotage_equipment": "facility_infrastructure_attack",
    "vehicle": "unarmed_assault",
}

_TERROR_WORDS = re.compile(r"\b(narco-?)?terror(ism|ist|ists)?\b|\bjihadi(st|sts)?\b|\bextremis(t|ts|m)\b|\bsuicide bomb", re.I)
# Armed actors that fight the state or for a cause: violence by them is political, not ordinary crime.
_INSURGENTS = re.compile(
    r"\b(guerrill?as?|rebels?|insurgents?|insurgency|subversives?|subversion|militants?|urban commandos?|death squads?|"
    r"paramilitar(y|ies)|militias?|militiam[ae]n|separatists?|leftists?|rightists?|(liberation|revolutionary) "
    r"(front|army|movement|forces))\b", re.I)
# People attacked for their public role: killing or seizing them is political violence.
_POLITICAL_ROLES = re.compile(
    r"\b(mayors?|judges?|magistrates?|prosecutors?|ministers?|governors?|senators?|congressm[ae]n|deputies|"
    r"lawmakers?|legislators?|candidates?|politicians?|diplomats?|ambassadors?|consuls?|(party|union|political|"
    r"opposition|peasant|labor|labour|student) (leaders?|members?|officials?)|councill?ors?|government officials?|journalists?)\b",
    re.I)
_POLITICAL = re.compile(
    r"\b(protest(ers|ors|s)?|demonstrat(ors|ion|ions)|riot(s|ers|ing)?|election|campaign(er)?|candidate|"
    r"politician|mayor|lawmaker|legislator|senator|congressman|mp|minister|party (office|worker|member|leader)|"
    r"opposition|activist|sectarian|communal)\b", re.I)
_PROTEST = re.compile(r"\b(protest(ers|ors|s)?|demonstrat(ors|ion|ions)|riot(s|ers|ing)?|marchers|crowds?)\b", re.I)
_MILITARY = re.compile(
    r"\b(troops|soldiers|army|military|armed forces|air force|battalion|regiment|frontline|front line|"
    r"insurgents|rebels|guerrillas|militia|militias|airstrikes?|air strikes?|drone strikes?|shelling|artillery)\b", re.I)
_STATE_FORCES = re.compile(r"\b(troops|soldiers|army|military|armed forces|air force|security forces)\b", re.I)
_SUICIDE_BOMB = re.compile(r"(?<!fake )(?<!hoax )(?<!imitation )\bsuicide (bomb\w*|attack\w*|vest|car)|\bblew (himself|herself|themselves) up\b", re.I)
_DRONE = re.compile(r"\b(air ?strikes?|drone strikes?|drone attacks?|warplanes?|helicopter gunships?|bombed from the air|air raids?)\b", re.I)
# Bombing by an air force, an army or its aircraft ("the air force bombed the area", "bombings by the army", "the army,
# was bombing", "the army carried out a bomb attack", "the air force yesterday bombed", "planes kept bombing", "the
# army has used its helicopters to bomb"), or of
# populated areas as a whole ("bombings against densely populated areas"): bombs dropped from the air, an air
# strike, not a charge someone placed (armies and air forces drop bombs; insurgents and gangs place them). The
# forces must do the bombing: a noun compound names a bombing of them or about them ("the army bombing suspect",
# "the aircraft bombing case").
_FORCES = r"(?:air force|army|armed forces|military|troops|planes?|aircraft|helicopters?|warplanes?|bombers)"
_BOMB_WORD = r"(?:bomb(?:ed|ing|ings)|strafed|strafing)"
_NOT_THE_DOERS = r"(?!\s+(?:attacks?|by|was|were)\b)"
_AERIAL_BOMBING = re.compile(
    rf"\b{_FORCES},?\s+(?:(?:has|have|had|was|were|is|are|been|also|again|then|\w+ly)\s+){{1,3}}{_BOMB_WORD}\b{_NOT_THE_DOERS}"
    rf"|\b{_FORCES}\s+(?:(?:has|have|had)\s+)?(?:carried out|launched|conducted)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:bomb(?:ing)?\s+(?:attacks?|raids?)|bombings?|air raids?)\b"
    rf"|\b{_FORCES}\s+(?:bombed|strafed)\b{_NOT_THE_DOERS}"
    rf"|\b{_FORCES},?\s+\"?(?:last night|yesterday|today|this morning|tonight)\s+(?:bombed|strafed)\b{_NOT_THE_DOERS}"
    rf"|\b{_FORCES}\s+(?:continues|continued|keeps|kept)\s+(?:to\s+bomb|bombing)\b"
    rf"|\b{_FORCES}\s+(?:has|have|had)\s+used\s+(?:[\w-]+\s+){{0,5}}?to\s+bomb\b"
    rf"|\b{_FORCES}'s?\s+{_BOMB_WORD}\b{_NOT_THE_DOERS}"
    rf"|\b{_BOMB_WORD}\s+(?:\w+\s+){{0,3}}?by\s+(?:the\s+)?(?:[\w-]+\s+)?{_FORCES}\b", re.I)
# The forces as the object of another's act, not the ones bombing: "rebels fighting the army yesterday bombed a
# bridge", "guerrillas opposed to the military kept bombing the line".
_FORCES_AS_OBJECT = re.compile(r"\b(?:\w+ing|against|with|to|on|at|from)\s+(?:(?:the|its|their|government)\s+)?$", re.I)
_FORCES_FIRST = re.compile(_FORCES, re.I)
# "The air force bombing residential areas", "air force bombings killed ...": the forces do the bombing unless the
# parse reads the bombing word as a modifier of a noun after it ("the army bombing suspect").
_FORCES_BOMBING = re.compile(rf"\b{_FORCES}\s+(?P<bombing>bombing|bombings|strafing)\b{_NOT_THE_DOERS}", re.I)
_POPULATED_AREA_BOMBING = re.compile(
    rf"\b{_BOMB_WORD}\s+(?:of|on|against|in)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:populated areas|civilian population)\b",
    re.I)
# A bomb someone put in place: "placed", "planted", or a charge that is always placed (_PLANTED_CHARGE).
_PLACED = re.compile(r"\b(placed|planted)\b", re.I)
_SHELLS = re.compile(r"\b(shell(s|ed|ing)?|mortars?|artillery|rockets?|missiles?|howitzers?)\b", re.I)
_REMOTE = re.compile(r"\b(ieds?|improvised explosive|roadside bombs?|landmines?|mines?|car bombs?|bombs?|explosives?)\b", re.I)
_GRENADE = re.compile(r"\bgrenades?\b", re.I)
_ROBBERY = re.compile(r"\b(rob(bed|bery|beries|bers?)?|hold-?up|heist|extort(ion|ed)?|ransom)\b", re.I)
_MOB = re.compile(r"\b(mob|lynch(ed|ing)?|vigilantes?)\b", re.I)
_ACCIDENTAL = re.compile(r"\b(accident(al|ally)?|crash(ed)?|collision|collided|derail(ed|ment)|capsized|stampede|"
                         r"gas (leak|explosion|cylinder)|boiler|short circuit|by mistake)\b", re.I)
# A charge someone placed: a derailment or crash it caused is an attack, not an accident.
_PLANTED_CHARGE = re.compile(r"\b(dynamite|land ?mines?|explosive charges?|car bombs?|ieds?|improvised explosive)\b", re.I)
_SELF_HARM = re.compile(r"\b(took (his|her|their) own li(fe|ves)|killed (himself|herself)|suicide)\b", re.I)

_STATUS_CUES: list[tuple[Status, re.Pattern[str]]] = [
    ("foiled", re.compile(r"\b(foil(ed|s)?|thwart(ed|s)?|defus(ed|es)|disarm(ed|s) (the|a) (bomb|device)|"
                          r"prevent(ed)? (an|the|a) (attack|bombing)|intercepted|before (it|they) could)\b", re.I)),
    ("attempted", re.compile(r"\b(tried to|attempt(ed|s)? to|attempted|failed to (detonate|explode|go off)|"
                             r"did not (explode|detonate|go off)|failed (attack|bombing)|attempted (murder|attack|bombing))\b", re.I)),
    ("plotted", re.compile(r"\b(plott(ed|ing)|plan(ned|ning) (to|an|a)|conspir(ed|acy|ing) to|plot to|preparing (an|a) attack)\b", re.I)),
    ("threatened", re.compile(r"\b(threaten(ed|s|ing)? to|bomb threat|threats? (of|to))\b", re.I)),
]


@dataclass
class Typing:
    category: Category
    attack_types: list[AttackType]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    status: Status


def _types_of(kinds: list[str]) -> list[AttackType]:
    found = {_ATTACK_TYPE_BY_KIND[kind] for kind in kinds if kind in _ATTACK_TYPE_BY_KIND}
    if not found and k.KILLING in kinds:
        found.add("armed_assault")  # a killing with nothing more specific: GTD's default
    return [t for t in _PRECEDENCE if t in found]


def attack_types_of(lede_kinds: list[str], kinds: list[str], weapons: list[Weapon]) -> list[AttackType]:
    """GTD attack types, most specific first; ["unknown"] when none.

    What the incident's first violent sentence says comes first ("gunmen attacked a post" is an
    armed assault even when a later sentence mentions a grenade); the rest follow.
    """
    weapon_types = [_ATTACK_TYPE_BY_WEAPON[w.type] for w in weapons if w.type in _ATTACK_TYPE_BY_WEAPON]
    ordered = _types_of(lede_kinds)
    ordered += [t for t in _types_of(kinds) if t not in ordered]
    ordered += [t for t in _PRECEDENCE if t in weapon_types and t not in ordered]
    if "armed_assault" in ordered and "unarmed_assault" in ordered:
        ordered.remove("unarmed_assault")
    return ordered or ["unknown"]


def status_of(lede: str) -> Status:
    """Stage of execution from cue phrases next to a violent word in the incident's first sentence.

    Only the lede counts and only near a trigger: "the gunman tried to flee" says nothing of the attack.
    """
    for status, cue in _STATUS_CUES:
        for match in cue.finditer(lede):
            window = lede[max(0, match.start() - 25):match.end() + 30].lower()
            if any(word in k.TRIGGERS and word not in k.WEAK_WORDS for word in re.findall(r"[\w-]+", window)):
                return status
    return "carried_out"


def category_of(kinds: set[str], text: str, groups: list[GroupRef], terrorist_groups: set[str]) -> Category:
    """The codebook category: who acted and why, as far as the words and groups tell."""
    violent = kinds - {k.ACCIDENT, k.SUICIDE, k.PLOT}
    harmless_kinds = {k.KILLING, k.ACCIDENT, k.BOMBING, k.ARSON}
    if (not violent and k.ACCIDENT in kinds) or (
            _ACCIDENTAL.search(text) and kinds <= harmless_kinds and not _TERROR_WORDS.search(text) and not groups
            and not _PLANTED_CHARGE.search(text)):
        return "accident"
    others_harmed = re.search(r"\b(victims?|wounded|injured|gunm[ae]n|attack(er|ers)?)\b", text, re.I)
    if (not violent and k.SUICIDE in kinds) or (
            _SELF_HARM.search(text) and violent <= {k.KILLING, k.SHOOTING} and not others_harmed):
        return "self_harm"
    if any(g.name in terrorist_groups for g in groups) or _TERROR_WORDS.search(text):
        return "terrorism"
    if kinds & {k.AIRSTRIKE, k.SHELLING} or (k.CLASH in kinds and _MILITARY.search(text)):
        return "armed_conflict"
    if groups and _MILITARY.search(text):
        return "armed_conflict"
    if k.RIOT in kinds or (k.CLASH in kinds and _PROTEST.search(text)) or (
            k.ASSASSINATION in kinds and _POLITICAL.search(text)):
        return "political_violence"
    if violent and (_INSURGENTS.search(text) or (k.BOMBING in kinds and not _ROBBERY.search(text))):
        return "terrorism"  # GTD: insurgents' attacks and bombings without a criminal motive
    if violent & {k.ASSASSINATION, k.KILLING, k.KIDNAPPING, k.SHOOTING} and _official_harmed(text):
        return "political_violence"
    return "crime" if violent else "unknown"


_SPEAKING_AFTER = re.compile(r"\W*(?:\w+\s+){0,2}?(?:said|say|says|told|announced|charged|alleged|allege|"
                             r"stated|added|confirmed|declined|reported)\b", re.I)
_SPEAKING_BEFORE = re.compile(r"\b(?:according to|told|said)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)


def _official_harmed(text: str) -> bool:
    """An official named as one of the people the violence was about, not as a source of the
    report: "prosecutors said" or "according to the mayor" makes no political killing."""
    for match in _POLITICAL_ROLES.finditer(text):
        if _SPEAKING_AFTER.match(text, match.end()) or _SPEAKING_BEFORE.search(text, 0, match.start()):
            continue
        return True
    return False


def _sentence_around(words: str, start: int, end: int) -> str:
    """The sentence of words[start:end], cut at full stops."""
    sentence_end = words.find(". ", end)
    return words[words.rfind(". ", 0, start) + 1:sentence_end if sentence_end >= 0 else len(words)]


def _forces_bombing(words: str) -> bool:
    """Forces named right before a bombing word the parse does not read as a modifier of the noun after it: "the
    air force bombing residential areas", not "the army bombing suspect" or "the aircraft bombing case"."""
    for match in _FORCES_BOMBING.finditer(words):
        sentence_start = words.rfind(". ", 0, match.start()) + 1
        offset = match.start("bombing") - sentence_start
        if any(token.idx == offset and token.dep_ not in ("compound", "amod")
               for token in analyse(_sentence_around(words, match.start(), match.end()))):
            return True
    return False


def _populated_area_air_raid(words: str) -> bool:
    """Bombing of populated areas, told in a sentence naming no insurgents, terrorists or placed charge: an
    air raid ("bombings against the civilian population"); guerrillas' bombings are charges they placed."""
    for match in _POPULATED_AREA_BOMBING.finditer(words):
        sentence = _sentence_around(words, match.start(), match.end())
        if not (k.INSURGENTS.search(sentence) or _PLANTED_CHARGE.search(sentence) or _PLACED.search(sentence)):
            return True
    return False


def _aerial_bombing(words: str) -> bool:
    """Whether the words tell of bombs dropped by the forces, the forces doing the bombing."""
    return any(not (_FORCES_FIRST.match(match.group()) and _FORCES_AS_OBJECT.search(words, 0, match.start()))
               for match in _AERIAL_BOMBING.finditer(words))


def _explosion_sub_event(words: str) -> str | None:
    """ACLED's sub-event for explosions the words name, most telling first; None when they name none."""
    if _SUICIDE_BOMB.search(words):
        return "Suicide bomb"
    if _DRONE.search(words) or _aerial_bombing(words) or _populated_area_air_raid(words) \
            or _forces_bombing(words):
        return "Air/drone strike"
    if _SHELLS.search(words):
        return "Shelling/artillery/missile attack"
    if _GRENADE.search(words):
        return "Grenade"
    if _REMOTE.search(words):
        return "Remote explosive/landmine/IED"
    return None


def acled_of(category: Category, kinds: set[str], attack_types: list[AttackType], lede: str,
             text: str) -> tuple[str | None, str | None]:
    """ACLED event and sub-event type; (None, None) for accidents, suicides and unknowns.

    The lede names the weapon of the event itself; later sentences may recall other strikes.
    """
    if category in ("accident", "self_harm", "unknown"):
        return None, None
    if k.RIOT in kinds or (k.CLASH in kinds and _PROTEST.search(text)):
        return "Riots", "Mob violence" if _MOB.search(text) else "Violent demonstration"
    if "bombing" in attack_types or k.AIRSTRIKE in kinds:
        sub_event = _explosion_sub_event(lede) or _explosion_sub_event(text) or "Remote explosive/landmine/IED"
        return "Explosions/Remote violence", sub_event
    if "hostage_taking_kidnapping" in attack_types:
        return "Violence against civilians", "Abduction/forced disappearance"
    if k.CLASH in kinds and (category == "armed_conflict" or _STATE_FORCES.search(text)):
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def classify(lede: str, lede_kinds: list[str], kinds: list[str], text: str, weapons: list[Weapon], groups: list[GroupRef],
             terrorist_groups: set[str], background: bool = False) -> Typing:
    """Type one incident from its trigger kinds (the lede's apart), sentences' text, weapons and groups.

    A background mention ("the same market was attacked in 2021") is typed only as far as
    its own words go: no default "crime" for it.
    """
    kind_set = set(kinds)
    category = category_of(kind_set, text, groups, terrorist_groups)
    if background and category == "crime":
        category = "unknown"
    types = attack_types_of(lede_kinds, kinds, weapons) if category not in ("accident", "self_harm") else ["unknown"]
    event_type, sub_event_type = acled_of(category, kind_set, types, lede, text)
    return Typing(category, types, event_type, sub_event_type, status_of(lede))
