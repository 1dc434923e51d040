"""Which weapons, in GTD's vocabulary. Entry point: ``fill_weapons(frame) -> list[Weapon]``.

Weapon words come from ``data/weapons.json``; verbs that imply a weapon ("opened fire", "stabbed",
"set fire") count too, with the verb phrase as mention. A weapon called fake, replica or
imitation is GTD's ``fake_weapons``. One weapon per (type, subtype): the first mention names it,
and a type with a specific subtype drops its generic entry ("shot" once "a rifle" is known).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..models import Evidence, Weapon, WeaponType
from .frame import IncidentFrame

# "opened fire with rifles", "armed with a knife": the cue belongs in the evidence.
_CUE_BEFORE_RE = re.compile(
    r"(?:opened\s+fire|armed|attacked\s+\w+|fired|shot\s+\w+)\s+with\s+(?:an?\s+|the\s+|his\s+|their\s+|her\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[list[tuple[re.Pattern[str], WeaponType, str | None]], re.Pattern[str]]:
    """The weapon patterns and the fake-weapon cue, compiled once."""
    raw = json.loads(resources.files("blotter").joinpath("data/weapons.json").read_text(encoding="utf-8"))
    entries = [(re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.IGNORECASE), kind, subtype)
               for pattern, kind, subtype in raw["entries"]]
    fake = re.compile(r"\b(?:" + raw["fake_cues"] + r")\s+$", re.IGNORECASE)
    return entries, fake


def find_weapon_spans(text: str, start: int, end: int) -> list[tuple[int, int, WeaponType, str | None]]:
    """Weapon mentions in ``text[start:end]`` as (start, end, type, subtype); longest match wins overlaps."""
    entries, fake = _lexicon()
    found: list[tuple[int, int, WeaponType, str | None]] = []
    for pattern, kind, subtype in entries:
        for match in pattern.finditer(text, start, end):
            found.append((match.start(), match.end(), kind, subtype))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, WeaponType, str | None]] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            continue
        cue = fake.search(text[max(start, span[0] - 30):span[0]])
        if cue:  # "a fake suicide vest": the cue is part of what names it
            span = (span[0] - len(cue.group(0)), span[1], "fake_weapons", span[3] or span[2])
        kept.append(span)
    return kept


def fill_weapons(frame: IncidentFrame) -> list[Weapon]:
    """The weapons named in the frame's sentences, one per (type, subtype), in order of mention."""
    text = frame.text
    weapons: dict[tuple[str, str | None], Weapon] = {}
    for sentence in frame.sentences:
        for start, end, kind, subtype in find_weapon_spans(text, sentence.start_char, sentence.end_char):
            if (kind, subtype) in weapons:
                continue
            cue = _CUE_BEFORE_RE.search(text[max(sentence.start_char, start - 40):start])
            evidence_start = start - len(cue.group(0)) if cue else start
            weapons[(kind, subtype)] = Weapon(mention=text[start:end], type=kind, subtype=subtype,
                                              evidence=[Evidence.of(text, evidence_start, end)])
    specific_types = {kind for kind, subtype in weapons if subtype is not None}
    return [w for (kind, subtype), w in weapons.items() if subtype is not None or kind not in specific_types]
