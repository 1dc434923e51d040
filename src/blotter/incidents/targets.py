"""What was attacked, in GTD's target types. Entry point: ``fill_targets(frame) -> list[Target]``.

Target words come from ``data/targets.json``. A word counts only in an attacked role, read from
the parse: the object of an attack verb ("stormed a market"), its passive subject ("a church was
bombed", "two soldiers were killed"), or the object of a place preposition on an attack word
("a blast at a mosque", "an attack on a police station"). So "police said" and "taken to a
hospital" name no target. One target per type, first mention first; the mention is the word's
noun phrase ("a livestock market").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..models import Evidence, Target, TargetType
from .frame import IncidentFrame
from .lexicon import Lexicon

ATTACK_VERBS = frozenset(
    "attack storm bomb target raid hit shoot kill ambush torch burn blow fire stab kidnap abduct assault rob "
    "ram damage destroy explode detonate loot overrun strike injure wound murder behead hijack seize open "
    "throw hurl plant besiege massacre invade blast shell gun slay execute set harm hurt kill dynamite "
    "firebomb burglarize vandalize sabotage capture".split()
)
ATTACK_NOUNS = frozenset(
    "attack explosion blast bombing shooting raid ambush assault fire arson stabbing massacre siege robbery "
    "hijacking kidnapping strike grenade bomb gunfire killing murder shelling sabotage".split()
)
# Verbs that harm people: their victims are targets only when nothing else of their type was attacked.
HARM_VERBS = frozenset("kill injure wound murder slay execute harm hurt shoot stab".split())
PLACE_PREPOSITIONS = frozenset("at on near outside inside into against in targeting of upon toward towards through".split())
_CLIMB_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "poss"})


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon[TargetType]:
    """The target lexicon, compiled once."""
    raw = json.loads(resources.files("blotter").joinpath("data/targets.json").read_text(encoding="utf-8"))
    return Lexicon([(pattern, kind) for pattern, kind in raw["entries"]])


def _attacked_role(token: Token) -> str | None:
    """'attacked' when the parse makes this noun what was attacked, 'harmed' for a person hurt, else None."""
    for _ in range(4):
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            break
        token = token.head
    head = token.head
    if token.dep_ in {"dobj", "obj", "nsubjpass"} and head.lemma_.lower() in ATTACK_VERBS:
        return "harmed" if head.lemma_.lower() in HARM_VERBS else "attacked"
    if token.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        governor = head.head.lemma_.lower()
        if governor in ATTACK_VERBS or governor in ATTACK_NOUNS:
            return "attacked"
    return None


def _noun_phrase(chunks: list[Span], token: Token) -> Span:
    """The noun chunk that holds ``token``, or the token alone."""
    for chunk in chunks:
        if chunk.start <= token.i < chunk.end:
            return chunk
    return token.doc[token.i:token.i + 1]


def fill_targets(frame: IncidentFrame) -> list[Target]:
    """The things and people attacked in the frame's sentences, one per GTD target type."""
    text = frame.text
    attacked: dict[str, Target] = {}
    harmed: dict[str, Target] = {}
    for sentence in frame.sentences:
        chunks: list[Span] | None = None
        for match in _lexicon().find(text, sentence.start_char, sentence.end_char):
            start, end, kind = match.start, match.end, match.label
            words = frame.doc.char_span(start, end, alignment_mode="expand")
            role = _attacked_role(words.root) if words is not None else None
            targets = attacked if role == "attacked" else harmed if role == "harmed" else None
            if targets is None or kind in targets:
                continue
            chunks = list(sentence.noun_chunks) if chunks is None else chunks
            phrase = _noun_phrase(chunks, words.root)
            phrase_start, phrase_end = min(phrase.start_char, start), max(phrase.end_char, end)
            targets[kind] = Target(mention=text[phrase_start:phrase_end], type=kind,
                                   evidence=[Evidence.of(text, phrase_start, phrase_end)])
    return list(attacked.values()) + [t for kind, t in harmed.items() if kind not in attacked]
