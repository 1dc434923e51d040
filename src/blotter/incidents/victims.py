"""Who was harmed. Entry point: ``fill_victims(frame) -> list[Victim]``.

Victims are the people the casualty phrases count ("Two traders and a police officer were
killed" gives two victims, "Two traders" and "a police officer"), plus people kidnapped, missing
or unharmed, and names given later ("identified as John Smith, 34"). Perpetrators and bare
pronouns are left out: a pronoun names nobody new.
"""

from __future__ import annotations

import re

from ..models import Evidence, Gender, Victim, VictimStatus
from .casualties import AUX_PATTERN, LIST_PATTERN, find_casualty_mentions, split_groups
from .frame import IncidentFrame

OTHER_FATE_RE = re.compile(
    r"(?<![\w-])" + LIST_PATTERN + AUX_PATTERN + r"\s+(?P<fate>kidnapped|abducted|taken\s+hostage|held\s+hostage|"
    r"missing|unhurt|unharmed|uninjured|unscathed|escaped\s+unhurt|escaped\s+unharmed)\b"
    r"|\b(?:kidnapped|abducted|kidnapping|abducting)\s+" + LIST_PATTERN.replace("?P<list>", "?P<object>"),
    re.IGNORECASE,
)
_OTHER_FATE_WORD_RE = re.compile(r"kidnap|abduct|hostage|missing|unhurt|unharmed|uninjured|unscathed", re.IGNORECASE)
IDENTIFIED_RE = re.compile(
    r"\bidentified\s+(?:\w+\s+){0,3}?as\s+(?P<name>(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,3}))(?:,\s+(?P<age>\d{1,3})\b)?",
    re.IGNORECASE,
)
_NAME_AND_AGE_RE = re.compile(r"^(?P<name>(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+)(?:,\s+(?P<age>\d{1,3}),?)?$")
_AGE_RE = re.compile(r"\b(?P<age>\d{1,3})[- ]years?[- ]old\b", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"^(?:he|she|him|her|himself|herself|themselves)$", re.IGNORECASE)
_MALE_RE = re.compile(r"\b(?:man|men|boys?|father|son|brother|husband|Mr\.?|he|his|him|gentleman|male|policeman)\b", re.IGNORECASE)
_FEMALE_RE = re.compile(r"\b(?:woman|women|girls?|mother|daughter|sister|wife|Mrs\.?|Ms\.?|Miss|she|her|lady|female|policewoman)\b", re.IGNORECASE)
_FATES: dict[str, VictimStatus] = {
    "kidnapped": "kidnapped", "abducted": "kidnapped", "taken hostage": "kidnapped", "held hostage": "kidnapped",
    "missing": "missing",
}


def _gender(words: str) -> Gender | None:
    male, female = bool(_MALE_RE.search(words)), bool(_FEMALE_RE.search(words))
    return "male" if male and not female else "female" if female and not male else None


def _victim(text: str, start: int, end: int, status: VictimStatus, evidence: tuple[int, int]) -> Victim | None:
    """One victim from a group span: a name with its age, or a description ("a 23-year-old man")."""
    words = text[start:end]
    if _PRONOUN_RE.match(words):
        return None
    named = _NAME_AND_AGE_RE.match(words)
    if named:
        name = named.group("name")
        return Victim(name=name, mention=name, status=status, age=int(named.group("age")) if named.group("age") else None,
                      gender=None, evidence=[Evidence.of(text, *evidence)])
    age = _AGE_RE.search(words)
    return Victim(mention=words, status=status, age=int(age.group("age")) if age else None, gender=_gender(words),
                  evidence=[Evidence.of(text, *evidence)])


def _whole_phrase(frame: IncidentFrame, start: int, end: int) -> tuple[int, int]:
    """A bare figure ("kidnapped three") widened to its noun phrase ("three aid workers")."""
    if " " in frame.text[start:end].strip():
        return start, end
    words = frame.doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return start, end
    for chunk in words.sent.noun_chunks:
        if chunk.start <= words.root.i < chunk.end and chunk.end_char > end:
            return start, chunk.end_char
    return start, end


def _fate(words: str) -> VictimStatus:
    words = " ".join(words.lower().split())
    return next((status for cue, status in _FATES.items() if cue in words), "unharmed")


def fill_victims(frame: IncidentFrame) -> list[Victim]:
    """Every named or described victim in the frame's sentences, with what happened to them."""
    text = frame.text
    victims: list[Victim] = []
    for sentence in frame.sentences:
        start, end = sentence.start_char, sentence.end_char
        for mention in find_casualty_mentions(text, start, end):
            if mention.perpetrator:
                continue
            for group in mention.groups:
                group = _whole_phrase(frame, *group)
                evidence = group if len(mention.groups) > 1 else (min(mention.start, group[0]), max(mention.end, group[1]))
                victim = _victim(text, *group, mention.harm, evidence)
                if victim:
                    victims.append(victim)
        other_fates = OTHER_FATE_RE.finditer(text, start, end) if _OTHER_FATE_WORD_RE.search(text, start, end) else ()
        for match in other_fates:
            list_start, list_end = (match.span("list") if match.group("list") else match.span("object"))
            status = _fate(match.group("fate") or "kidnapped")
            for group in split_groups(text, list_start, list_end):
                group = _whole_phrase(frame, *group)
                victim = _victim(text, *group, status, (min(match.start(), group[0]), max(match.end(), group[1])))
                if victim:
                    victims.append(victim)
        for match in IDENTIFIED_RE.finditer(text, start, end):
            _attach_name(victims, text, match)
    return _deduplicated(victims + _named_victims(frame))


def _attach_name(victims: list[Victim], text: str, match: re.Match[str]) -> None:
    """Give "identified as John Smith, 34" to the one unnamed single victim, or add the person."""
    name, age = match.group("name"), int(match.group("age")) if match.group("age") else None
    evidence = Evidence.of(text, match.start("name"), match.end("age") if match.group("age") else match.end("name"))
    unnamed = [v for v in victims if v.name is None and re.match(r"(?:an?|the|one)\b", v.mention, re.IGNORECASE)]
    if len(unnamed) == 1:
        unnamed[0].name, unnamed[0].mention = name, name
        unnamed[0].age = unnamed[0].age or age
        unnamed[0].evidence.append(evidence)
    elif not any(v.name == name for v in victims):
        victims.append(Victim(name=name, mention=name, age=age, evidence=[evidence]))


# What a verb or noun does to the person it governs.
_VERB_STATUS: dict[str, VictimStatus] = {
    "kill": "killed", "murder": "killed", "assassinate": "killed", "slay": "killed", "execute": "killed",
    "behead": "killed", "wound": "injured", "injure": "injured", "hurt": "injured", "shoot": "injured",
    "stab": "injured", "kidnap": "kidnapped", "abduct": "kidnapped", "attack": "unknown", "target": "unknown",
}
_NOUN_STATUS: dict[str, VictimStatus] = {
    "murder": "killed", "assassination": "killed", "killing": "killed", "death": "killed",
    "kidnapping": "kidnapped", "abduction": "kidnapped", "attack": "unknown",
}


def _named_victims(frame: IncidentFrame) -> list[Victim]:
    """PERSON names the parse puts on the receiving end of a harm verb or noun ("the murder of X")."""
    text = frame.text
    victims = []
    for sentence in frame.sentences:
        for entity in sentence.ents:
            if entity.label_ != "PERSON":
                continue
            token = entity.root
            while token.dep_ in {"conj", "appos", "compound"} and token.head is not token:
                token = token.head
            head = token.head
            status: VictimStatus | None = None
            if token.dep_ in {"nsubjpass", "dobj"}:
                status = _VERB_STATUS.get(head.lemma_.lower())
            elif token.dep_ == "pobj" and head.lower_ in {"of", "on", "against"}:
                status = _NOUN_STATUS.get(head.head.lemma_.lower())
            if status is not None:
                name = text[entity.start_char:entity.end_char]
                victims.append(Victim(name=name, mention=name, status=status,
                                      evidence=[Evidence.of(text, entity.start_char, entity.end_char)]))
    return victims


_STATUS_RANK = {"killed": 0, "kidnapped": 1, "injured": 2, "missing": 3, "unharmed": 4, "unknown": 5}


def _deduplicated(victims: list[Victim]) -> list[Victim]:
    """One victim per mention, keeping the gravest status ("shot", then "died": killed)."""
    kept: dict[str, Victim] = {}
    for victim in victims:
        key = (victim.name or victim.mention).lower()
        if key not in kept or _STATUS_RANK[victim.status] < _STATUS_RANK[kept[key].status]:
            kept[key] = victim
    return list(kept.values())
