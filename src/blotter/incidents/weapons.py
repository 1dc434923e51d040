"""Which weapons, in GTD's vocabulary. Entry point: ``fill_weapons(frame) -> list[Weapon]``.

Weapons are the instruments the report names (``data/weapons.json``): "rifles", "a car bomb",
"dynamite". Words for what happened ("shot", "explosion", "set fire") name no instrument and
give no weapon; the attack type says how the attack was made. Ramming is the exception
("drove into"): the vehicle is the weapon and the verb is what names its use. A weapon called
fake, replica or imitation is GTD's ``fake_weapons``; weapons seized or listed in an arsenal
were not used and are left out. One weapon per (type, subtype): the first
mention names it, and a type with a specific subtype drops its generic entry ("a gun" once "a
rifle" is known).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..models import Evidence, Weapon, WeaponType
from .frame import IncidentFrame
from .lexicon import Lexicon

# Weapons seized, found in a cache or listed in an arsenal were not used in the attack.
_SEIZED_BEFORE_RE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|captur\w*|arsenals?|caches?|stockpiles?|stole|stolen|haul|smuggl\w*|shipments?|"
    r"display\w*|handed\s+over|turned\s+in|quantities|inventory|consisted\s+of|recovered)\b(?:[^.;]|\.(?=\d|$))*$",
    re.IGNORECASE)  # a point in ".45-caliber" ends no clause
# The rest of a list the weapon opens may stand before the verb ("an AK-47 rifle, six mines and wire
# for making bombs were seized"), but no new clause ("a rifle, which police said was found"). No "^":
# the pattern is matched from the weapon's end (``match(text, pos)``), where "^" never matches.
_SEIZED_AFTER_RE = re.compile(r"(?:(?!\b(?:who|which|that|when|where|while|after|before|as)\b)[^.;]){0,120}?"
                              r"\b(?:were|was|had\s+been|have\s+been)\s+(?:seized|confiscated|captured|"
                              r"found|recovered|stolen)\b", re.IGNORECASE)
# "opened fire with rifles", "armed with a knife": the cue belongs in the evidence.
_CUE_BEFORE_RE = re.compile(
    r"(?:opened\s+fire|armed|attacked\s+\w+|fired|shot\s+\w+)\s+with\s+(?:an?\s+|the\s+|his\s+|their\s+|her\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Lexicon[tuple[WeaponType, str | None]], re.Pattern[str]]:
    """The weapon lexicon and the fake-weapon cue, compiled once."""
    raw = json.loads(resources.files("blotter").joinpath("data/weapons.json").read_text(encoding="utf-8"))
    lexicon = Lexicon([(pattern, (kind, subtype)) for pattern, kind, subtype in raw["entries"]])
    return lexicon, re.compile(r"\b(?:" + raw["fake_cues"] + r")\s+$", re.IGNORECASE)


def find_weapon_spans(text: str, start: int, end: int) -> list[tuple[int, int, WeaponType, str | None]]:
    """Weapon mentions in ``text[start:end]`` as (start, end, type, subtype); longest match wins overlaps."""
    lexicon, fake = _lexicon()
    spans: list[tuple[int, int, WeaponType, str | None]] = []
    for match in lexicon.find(text, start, end):
        kind, subtype = match.label
        cue = fake.search(text[max(start, match.start - 30):match.start])
        if cue:  # "a fake suicide vest": the cue is part of what names it
            spans.append((match.start - len(cue.group(0)), match.end, "fake_weapons", subtype or kind))
        else:
            spans.append((match.start, match.end, kind, subtype))
    return spans


# "bomb squad", "bomb threat": the word names a unit or a warning, not an instrument used.
_NOT_AN_INSTRUMENT_AFTER_RE = re.compile(r"[ -](?:squads?|disposal|threats?|scares?|experts?|technicians?|"
                                         r"units?|sniffing|detectors?|proof|shelters?|stations?)\b", re.IGNORECASE)
# A weapon word that only qualifies the deed ("a dynamite attack", "bomb explosions", "rifle fire"): a later
# mention of that weapon named outright ("the powerful bomb") names it.
_NAMES_THE_DEED_AFTER_RE = re.compile(r"[ -](?:attacks?|explosions?|blasts?|fire|bursts?)\b", re.IGNORECASE)
# "riot policemen armed with rifles": the weapons of the forces who answered the attack.
_FORCES_ARMED_RE = re.compile(r"\b(?:police(?:men)?|officers|troops|soldiers|guards|agents|security forces)\s+"
                              r"(?:[\w-]+\s+){0,2}(?:armed with|carrying|equipped with)\s+(?:[^\s.;,]+\s+){0,3}$",
                              re.IGNORECASE)


def _not_the_attackers(text: str, sentence_start: int, start: int, end: int) -> bool:
    """A weapon word that names a unit or a warning, or the weapons of the security forces."""
    return bool(_NOT_AN_INSTRUMENT_AFTER_RE.match(text, end)
                or _FORCES_ARMED_RE.search(text, max(sentence_start, start - 120), start))


def _seized(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> bool:
    """True for a weapon the sentence says was seized, stolen or listed ("troops seized six rifles")."""
    return bool(_SEIZED_BEFORE_RE.search(text, max(sentence_start, start - 150), start)
                or _SEIZED_AFTER_RE.match(text, end, sentence_end))


def fill_weapons(frame: IncidentFrame) -> list[Weapon]:
    """The weapons named in the frame's sentences, one per (type, subtype), in order of mention."""
    text = frame.text
    weapons: dict[tuple[str, str | None], Weapon] = {}
    loose: set[tuple[str, str | None]] = set()  # named only in passing: "a bomb attack", "rifle fire"
    for sentence in frame.sentences:
        for start, end, kind, subtype in find_weapon_spans(text, sentence.start_char, sentence.end_char):
            key = (kind, subtype)
            if (key in weapons and key not in loose) or _seized(text, sentence.start_char, sentence.end_char,
                                                                 start, end) or (
                    _not_the_attackers(text, sentence.start_char, start, end)):
                continue
            in_passing = bool(_NAMES_THE_DEED_AFTER_RE.match(text, end))
            if key in weapons and in_passing:
                continue
            cue = _CUE_BEFORE_RE.search(text[max(sentence.start_char, start - 40):start])
            evidence_start = start - len(cue.group(0)) if cue else start
            weapons[key] = Weapon(mention=text[start:end], type=kind, subtype=subtype,
                                  evidence=[Evidence.of(text, evidence_start, end)])
            (loose.add if in_passing else loose.discard)(key)
    # A specific weapon named only with the deed ("a dynamite attack") does not stand for the generic one
    # named outright ("two explosive devices were thrown"): both stay.
    specific_types = {kind for kind, subtype in weapons if subtype is not None and (kind, subtype) not in loose}
    kept = [w for (kind, subtype), w in weapons.items() if subtype is not None or kind not in specific_types]
    return [w for w in kept if w.subtype is not None or not any(
        o is not w and head_word(o.mention) == head_word(w.mention) for o in kept)]


def head_word(mention: str) -> str:
    """The noun a weapon's name ends in, singular: "an incendiary bomb" and "the bombs" are both "bomb"."""
    word = mention.lower().split()[-1] if mention.split() else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
