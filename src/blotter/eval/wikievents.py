"""WikiEvents (Li, Ji, Han 2021): event arguments in modern bombing, IED and drone-strike news.

A cross-check of the record's roles on news unlike MUC-4's 1980s wire copy and GVDB's US crime.
Blotter reads each document's text only; the gold is KAIROS events with their arguments.

Gold. Every argument of a ``Conflict.Attack.*``, ``Life.Die.*`` or ``Life.Injure.*`` event in the
document, by role, mapped to the record's fields:

- perpetrators: Attacker, Killer, Injurer (a record's perpetrators and groups, but not a group
  that denied the act);
- victims: Victim; targets: Target;
- weapons: Instrument, ExplosiveDevice (a detonation's bomb is its ExplosiveDevice);
- place: Place (one value per incident: the words of its place, alternatively its resolved name,
  region or country, so an incident in "Mosul, Nineveh" matches a gold "Iraq").

An argument is an entity: all mentions in its coreference cluster (``dev.jsonlines``), so "the
minister", "Ortega" and "he" are one gold item. A document counts each entity once per role
however many events name it; the record's values are gathered over all its incidents, and values
sharing a string (the same name in two incidents) count once.

Matching. WikiEvents marks mostly head words ("soldiers", "bomb", "market"), the record whole
phrases ("two off-duty soldiers"), so a predicted value matches a gold entity when, after
lower-casing and dropping a leading "the/a/an" (``normalize_filler``), one of its
strings equals one of the entity's mentions, or their head words agree. The head word is the last
word before any modifier that follows the noun (a comma, bracket, preposition, relative pronoun or
conjunction): "the driver of the bus" -> "driver", "the Army of the North" -> "army".
Each gold entity and each predicted value is used at most once (a maximum matching), and the
counts add up over documents (micro P/R/F1) per role and overall; the headline is the overall F1.
"arguments, any role" repeats the match ignoring roles (argument identification).

Incident detection: a document with a ``Conflict.Attack`` event should get at least one
incident, one without should get none (F1 over documents).

The documents' text field lost its line breaks (a headline runs into the body: "...in the cityPolice
said"); the input puts them back from the dataset's own line split, which holds no gold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..models import DocumentRecord, Incident, InputDocument
from .common import read_jsonl
from .metrics import PRF, normalize_filler, role_rows
from .runner import Dataset, EvalResult

ROLES = ("perpetrators", "victims", "targets", "weapons", "place")
# KAIROS roles of the attack, death and injury events, as the record's fields.
KAIROS_ROLES = {"Attacker": "perpetrators", "Killer": "perpetrators", "Injurer": "perpetrators",
                "Victim": "victims", "Target": "targets", "Instrument": "weapons", "ExplosiveDevice": "weapons",
                "Place": "place"}
ARGUMENT_EVENTS = ("Conflict.Attack.", "Life.Die.", "Life.Injure.")
ATTACK_EVENT = "Conflict.Attack."
# What may follow a noun inside its phrase: the head word stands before the first of these.
_POSTMODIFIER = re.compile(
    r"[,;:(\u2013\u2014]|\s-\s|\b(?:of|in|at|on|near|from|with|by|for|to|into|inside|outside|during|after|before|"
    r"who|whom|whose|which|that|where|when|and|or)\b")
_WORD = re.compile(r"\w[\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def head_word(text: str) -> str | None:
    """The phrase's last word before its first post-modifier, lower-cased, without a possessive.

    A preposition that opens the phrase modifies nothing before it ("at least 11 people").
    """
    lowered = text.lower()
    cut = next((m.start() for m in _POSTMODIFIER.finditer(lowered) if _WORD.search(lowered, 0, m.start())), None)
    words = _WORD.findall(lowered[:cut])
    if not words:
        return None
    return _POSSESSIVE.sub("", words[-1]).rstrip(".") or None


@dataclass(frozen=True)
class Mentions:
    """One entity, gold or predicted: the normalised strings that name it and their head words."""

    texts: frozenset[str]
    heads: frozenset[str]

    @classmethod
    def of(cls, strings: Iterable[str | None]) -> "Mentions":
        texts = frozenset(normalize_filler(s) for s in strings if s and s.strip())
        return cls(texts, frozenset(h for t in texts if (h := head_word(t))))

    def matches(self, other: "Mentions") -> bool:
        return bool(self.texts & other.texts or self.heads & other.heads)


@dataclass(frozen=True)
class WikiDocument:
    doc_id: str
    text: str
    has_attack: bool
    # Per role, the gold entities (each the mentions of one coreference cluster).
    roles: dict[str, list[Mentions]]


def _clusters(path: Path) -> dict[str, list[list[str]]]:
    if not path.is_file():
        return {}
    return {raw["doc_key"]: raw["clusters"] for raw in read_jsonl(path)}


def parse_document(raw: dict, clusters: list[list[str]]) -> WikiDocument:
    """The gold we score from one line of ``dev.jsonl`` and its coreference clusters."""
    mention_text = {m["id"]: m["text"] for m in raw["entity_mentions"]}
    cluster_of = {mention: tuple(cluster) for cluster in clusters for mention in cluster}
    entities: dict[str, dict[tuple[str, ...], Mentions]] = {role: {} for role in ROLES}
    for event in raw["event_mentions"]:
        if not event["event_type"].startswith(ARGUMENT_EVENTS):
            continue
        for argument in event["arguments"]:
            role = KAIROS_ROLES.get(argument["role"])
            if role is None:
                continue
            members = cluster_of.get(argument["entity_id"], (argument["entity_id"],))
            entities[role].setdefault(members, Mentions.of(
                [argument["text"], *(mention_text.get(m) for m in members)]))
    lines = [sentence[1] for sentence in raw.get("sentences", [])]
    text = "\n".join(lines) if "".join(lines) == raw["text"] else raw["text"]
    return WikiDocument(raw["doc_id"], text,
                        any(e["event_type"].startswith(ATTACK_EVENT) for e in raw["event_mentions"]),
                        {role: list(found.values()) for role, found in entities.items()})


def load(folder: Path, split: str, limit: int | None) -> list[WikiDocument]:
    clusters = _clusters(folder / f"{split}.jsonlines")
    return [parse_document(raw, clusters.get(raw["doc_id"], [])) for raw in read_jsonl(folder / f"{split}.jsonl", limit)]


def to_input(document: WikiDocument) -> InputDocument:
    return InputDocument(id=document.doc_id, text=document.text)


def _incident_values(incident: Incident) -> dict[str, list[list[str | None]]]:
    where = incident.location
    return {
        "perpetrators": [[p.mention, p.name] for p in incident.perpetrators]
                        + [[g.mention, g.name] for g in incident.groups if g.relation not in ("denied", "mentioned")],
        "victims": [[v.mention, v.name] for v in incident.victims],
        "targets": [[t.mention] for t in incident.targets],
        "weapons": [[w.mention] for w in incident.weapons],
        "place": [[where.mention, where.name, where.admin1, where.country]] if where.mention or where.name else [],
    }


def predicted_values(record: DocumentRecord | None) -> dict[str, list[Mentions]]:
    """Per role, the record's values over all its incidents; values sharing a string are one."""
    values: dict[str, list[Mentions]] = {role: [] for role in ROLES}
    for incident in record.incidents if record else []:
        for role, alternatives in _incident_values(incident).items():
            for strings in alternatives:
                _add_merged(values[role], Mentions.of(strings))
    return values


def _add_merged(kept: list[Mentions], value: Mentions) -> None:
    if not value.texts:
        return
    for i, other in enumerate(kept):
        if other.texts & value.texts:
            kept[i] = Mentions(other.texts | value.texts, other.heads | value.heads)
            return
    kept.append(value)


def matched(gold: Sequence[Mentions], predicted: Sequence[Mentions]) -> int:
    """The size of a maximum one-to-one matching between predicted values and gold entities."""
    partner: dict[int, int] = {}  # gold index -> predicted index

    def assign(p: int, seen: set[int]) -> bool:
        for g, entity in enumerate(gold):
            if g in seen or not predicted[p].matches(entity):
                continue
            seen.add(g)
            if g not in partner or assign(partner[g], seen):
                partner[g] = p
                return True
        return False

    return sum(assign(p, set()) for p in range(len(predicted)))


def _predicted_any_role(by_role: dict[str, list[Mentions]]) -> list[Mentions]:
    """Every predicted value once, whatever its roles (values sharing a string are one)."""
    merged: list[Mentions] = []
    for role in ROLES:
        for value in by_role[role]:
            _add_merged(merged, value)
    return merged


def _gold_any_role(by_role: dict[str, list[Mentions]]) -> list[Mentions]:
    """Every gold entity once, whatever its roles (one cluster gives equal mentions in every role)."""
    return list(dict.fromkeys(entity for role in ROLES for entity in by_role[role]))


def score(documents: Sequence[WikiDocument], records: Sequence[DocumentRecord | None]) -> EvalResult:
    per_role = {role: PRF() for role in ROLES}
    any_role, detection = PRF(), PRF()
    for document, record in zip(documents, records):
        predicted = predicted_values(record)
        for role in ROLES:
            per_role[role].add(matched(document.roles[role], predicted[role]), len(predicted[role]),
                               len(document.roles[role]))
        gold_entities, predicted_entities = _gold_any_role(document.roles), _predicted_any_role(predicted)
        any_role.add(matched(gold_entities, predicted_entities), len(predicted_entities), len(gold_entities))
        found = bool(record and record.incidents)
        detection.add(int(found and document.has_attack), int(found), int(document.has_attack))
    overall, rows = role_rows(per_role)
    rows["arguments, any role"] = any_role.as_dict()
    rows["incident detection (docs)"] = detection.as_dict()
    return EvalResult("wikievents", "argument F1", overall.f1, rows)


DATASET: Dataset[WikiDocument] = Dataset(
    name="wikievents", folder="wikievents", headline_name="argument F1", default_limit=None,
    load=load, to_input=to_input, score=score,
)
