"""What was attacked, in GTD's target types. Entry point: ``fill_targets(frame) -> list[Target]``.

Targets are the things and institutions attacked: buildings, vehicles, power lines, an embassy.
People harmed are victims (``victims.py``), not targets. Target words come from
``data/targets.json`` and count only in an attacked role, read from the parse: the object of an
attack verb ("stormed a market"), its passive subject ("a church was bombed"), or the object of
a place preposition on an attack word ("a blast at a mosque", "a bomb exploded in front of the
bank"). So "police said" and "taken to a hospital" name no target.

The mention is written the way a coder writes it: the head noun with its compound, adjective
and possessive modifiers and its "of" complements ("residence of the governor"), without
articles, numbers or relative clauses. A mention inside another ("embassy", "embassy building")
is the same target; the first mention names it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..models import Evidence, Target, TargetType
from ..nlp import doc_text
from .frame import IncidentFrame
from .lexicon import Lexicon
from .weapons import find_weapon_spans

ATTACK_VERBS = frozenset(
    "attack storm bomb target raid hit shoot ambush torch burn blow fire stab assault rob ram damage destroy "
    "explode detonate loot overrun strike hijack seize throw hurl plant place besiege invade blast shell dynamite "
    "firebomb burglarize vandalize sabotage machinegun machine-gun strafe riddle occupy set demolish wreck "
    "level raze smash break assail shake derail".split()
)
ATTACK_NOUNS = frozenset(
    "attack attacks explosion explosions blast bombing bombings shooting raid ambush assault fire arson massacre "
    "siege robbery hijacking strike grenade bomb bombs gunfire shelling sabotage dynamite charge device "
    "devices damage".split()
)
PLACE_PREPOSITIONS = frozenset("at on near outside inside into against in targeting of upon toward towards through "
                               "to under underneath beneath between".split())
# Nouns that only locate the target: "in front of the bank", "at the entrance to the embassy".
_LOCATING_NOUNS = frozenset("front vicinity entrance entrances door doors gate gates facade side outskirts "
                            "premises area parking garage wall walls floor floors roof lobby window windows corner "
                            "shelves basement basements interior courtyard top".split())
# Verbs that only say an attack happened: "the explosion took place in front of the monastery".
_HAPPENED_VERBS = frozenset("occur happen take".split())
# Places an attack happened at name what it hit; "in" or "on" a place only say where ("on the highway").
_HAPPENED_AT = frozenset("at inside outside near against between".split())
# Verbs that damage things: what a damaged part belongs to was attacked ("damaged the shelves of a store").
_DAMAGE_VERBS = frozenset("damage destroy burn hit shake blow wreck raze level bomb dynamite torch shatter".split())
_CONJUNCTS = frozenset({"conj", "appos"})
# Areas and roads are attacked as the object of the attack ("bombed the neighborhood", "an attack on the
# village", "dynamited the highway"); after "in", "on" or "near" they place it ("detonated on the highway").
_AREA_NOUNS = frozenset("neighborhood neighbourhood village highway".split())
_TARGET_WORDS = frozenset("target targets objective objectives".split())
_AIMED_PREPOSITIONS = frozenset({"at", "against"})
_WHERE_PREPOSITIONS = frozenset("on in near along inside outside".split())
_WEAPON_WORDS = frozenset("bomb bombs charge charges device devices explosive explosives grenade grenades fire".split())
_LEFT_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct"})
_LEADING_WORDS = frozenset({"det", "predet", "nummod", "quantmod"})
# A thing said to have been damaged right after it is named, whatever the parse made of the clause
# ("two vehicles were destroyed and an office of the ministry was heavily damaged"): its own passive.
_DAMAGED_AFTER_RE = re.compile(
    r"\s*(?:,\s*(?:which|that)\s+)?(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:also\s+)?(?:\w+ly\s+)?"
    r"(?:damaged|destroyed|dynamited|bombed|burned|burnt|torched|gutted|razed|sabotaged|machinegunned|blown\s+up|"
    r"set\s+(?:on\s+fire|ablaze))\b", re.IGNORECASE)
_NAME_ARTICLES = frozenset("la el los las".split())
_QUANTIFIERS = frozenset("several many some all numerous various few both each every".split())


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon[TargetType]:
    """The target lexicon, compiled once."""
    raw = json.loads(resources.files("blotter").joinpath("data/targets.json").read_text(encoding="utf-8"))
    return Lexicon([(pattern, kind) for pattern, kind in raw["entries"]])


def find_target_spans(text: str) -> list[tuple[int, int]]:
    """Where the target lexicon names a thing in ``text`` ("residence", "police station")."""
    return [(m.start, m.end) for m in _lexicon().find(text, 0, len(text))]


def _is_attack_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return False  # "fighting broke out between ...": it began, nothing was broken
    return lemma in ATTACK_VERBS or lemma in ATTACK_NOUNS or token.lower_ in ATTACK_NOUNS


def _named_target(token: Token) -> bool:
    """A copula that names the target: "the town hall was the target of the attack", "the target was the plant"."""
    verb = token.head
    if verb.lemma_ != "be" or token.dep_ not in ("nsubj", "attr"):
        return False
    other = next((c for c in verb.children if c.dep_ in ("nsubj", "attr") and c.i != token.i), None)
    return other is not None and other.lemma_.lower() in _TARGET_WORDS


def _located_by_verb(head: Token, governor: Token, token: Token) -> bool:
    """A place phrase on a verb that already has a thing attacked as its object tells where, not what:
    "burned three vehicles on the highway". A weapon as the object leaves it the target: "placed a bomb in the bank"."""
    if governor.pos_ != "VERB" or head.lower_ not in _WHERE_PREPOSITIONS:
        return False
    objects = [c for c in governor.children if c.dep_ in ("dobj", "obj") and c.i != token.i]
    return any(not _is_weapon(c, whole_phrase=True) for c in objects)


def _is_weapon(token: Token, whole_phrase: bool = False) -> bool:
    """The word names a weapon, or (``whole_phrase``) the phrase it heads names one somewhere."""
    start, end = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)) if whole_phrase \
        else (token.idx, token.idx + len(token))
    return token.lemma_.lower() in _WEAPON_WORDS or bool(find_weapon_spans(doc_text(token.doc), start, end))


def _aimed(governor: Token) -> bool:
    """What an "at" or "against" phrase hangs on aims a weapon: "used explosives against the town hall", or,
    the parse hanging the phrase on the wrong noun, "threw two devices from a car at the warehouse"."""
    if governor.pos_ == "VERB":
        return any(c.dep_ in ("dobj", "obj") and _is_weapon(c) for c in governor.children)
    if governor.dep_ == "pobj" and governor.head.dep_ == "agent":
        return _attack_done(governor.head.head)  # "the device was left by a young man at the bank"
    return governor.dep_ == "pobj" and governor.head.dep_ == "prep" and _is_attack_word(governor.head.head)


def _attack_done(verb: Token) -> bool:
    """A passive verb that tells an attack was done: an attack verb ("was placed"), or one whose subject
    or antecedent is the attack ("the attack that was perpetrated", "the bomb was left")."""
    if _is_attack_word(verb):
        return True
    subject = verb.head if verb.dep_ == "relcl" else next(
        (c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and (_is_attack_word(subject) or _is_weapon(subject))


def _happened(verb: Token) -> bool:
    """A verb that tells an attack happened ("the explosion occurred", "the attack took place")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _HAPPENED_VERBS or (
            lemma == "take" and not any(c.lower_ == "place" for c in verb.children)):
        return False
    return any(c.dep_ == "nsubj" and _is_attack_word(c) for c in verb.children)


def _not_done(verb: Token) -> bool:
    """An attack verb denied: "would not attack polling stations". A threat stays: "will destroy power lines"
    names a target as a threatened attack does."""
    return any(c.dep_ == "neg" for c in verb.children)


def _attacked(token: Token) -> bool:
    """True when the parse makes this noun what was attacked."""
    while token.dep_ in _CONJUNCTS and token.head is not token:
        token = token.head
    if _named_target(token):
        return True
    located = False  # passed through "in front of", "the basement of"
    for _ in range(3):
        head = token.head
        if token.dep_ in {"dobj", "obj", "nsubjpass"}:
            return (head.lemma_.lower() in ATTACK_VERBS and not _not_done(head)) or (
                head.lemma_.lower() == "set" and any(c.lower_ in ("fire", "ablaze") for c in head.subtree))
        if token.dep_ != "pobj" or head.lower_ not in PLACE_PREPOSITIONS or (
                token.lemma_.lower() in _AREA_NOUNS and head.lower_ in _WHERE_PREPOSITIONS | {"at", "around", "across"}):
            return False  # "a bomb exploded in the San Ramon neighborhood": where, not what
        if head.lower_ == "through" and any(t.lemma_.lower() in ("claim", "responsibility") for t in token.sent):
            return False  # "claimed the attack through its news agency": the channel of a claim
        while head.dep_ == "conj" and head.head.dep_ == "prep":  # "damage to the embassy and to nearby houses"
            head = head.head
        governor = head.head
        if _happened(governor) and (located or head.lower_ in _HAPPENED_AT):
            return True
        if _located_by_verb(head, governor, token):
            return False
        if _is_attack_word(governor) or (governor.lower_ == "fire" and governor.dep_ == "dobj"):
            return True
        if head.lower_ in _AIMED_PREPOSITIONS and _aimed(governor):
            return True
        damaged_part = head.lower_ == "of" and governor.dep_ in ("dobj", "nsubjpass") and (
            governor.head.lemma_.lower() in _DAMAGE_VERBS)
        if damaged_part:
            return True
        if governor.lower_ not in _LOCATING_NOUNS:
            return False
        token = governor
        located = True
    return False


# Craft that blow up carry the bomb, never are it: "an airliner exploded in midair" tells the plane attacked.
_CRAFT = frozenset({"airports_aircraft", "maritime"})
# What follows the craft's name when it exploded: "the plane blew up", "the Boeing 727 that exploded in midair".
_BLEW_UP_AFTER_RE = re.compile(r"(?:\s+\d+)?\s*(?:,\s*)?(?:(?:that|which)\s+)?(?:blew\s+up|exploded|disintegrated)\b",
                               re.IGNORECASE)


def _blew_up(head: Token) -> bool:
    """True when the words right after the craft's name say it exploded (parses of such lists go astray:
    "hit by these attacks and an Avianca plane blew up in midair")."""
    end = _phrase(head)[1]
    doc = head.doc
    return _BLEW_UP_AFTER_RE.match(doc_text(doc), doc[end - 1].idx + len(doc[end - 1])) is not None


def _damaged_after(head: Token) -> bool:
    """True when the words right after the noun's phrase say it was damaged ("... was heavily damaged")."""
    end = _phrase(head)[1]
    doc = head.doc
    if end >= len(doc) or doc[end - 1].sent != head.sent:
        return False
    return _DAMAGED_AFTER_RE.match(doc_text(doc), doc[end - 1].idx + len(doc[end - 1])) is not None


def _article_of_a_name(token: Token) -> bool:
    """A Spanish article that begins a proper name ("La Rebaja drugstores", "El Espectador offices") is part of it."""
    return token.lower_ in _NAME_ARTICLES and token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN"


def _phrase(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the head's name: modifiers on the left, "of" complements on the right."""
    start = head.i
    for child in sorted((c for c in head.lefts), key=lambda c: -c.i):
        if child.right_edge.i != start - 1:
            break
        if (child.dep_ not in _LEFT_MODIFIERS and not _article_of_a_name(child)) or (
                child.dep_ == "poss" and child.pos_ == "PRON"):
            break
        if child.dep_ == "punct" and child.text not in ('"', "'", "“", "”"):
            break
        start = child.left_edge.i
    end = head.i + 1
    if end < len(head.doc) and head.doc[end].dep_ == "nummod" and head.doc[end].head.i == head.i:
        end += 1  # "Boeing 727", "bus 45": the number is part of the name
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    complement = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if complement is not None:
        last = max((c for c in complement.children if c.dep_ == "conj"), key=lambda c: c.i, default=complement)
        end = _phrase(last)[1]  # "embassies of China and Russia"
    doc = head.doc
    while start < head.i and not _article_of_a_name(doc[start]) and (
            doc[start].dep_ in _LEADING_WORDS or doc[start].lower_ in _QUANTIFIERS or (
            not doc[start].text[0].isalnum() and doc[start].text not in ('"', "“"))):
        start += 1  # "the attorney general's car" is named by "attorney general's car"
    quotes_inside = sum(doc[i].text in ('"', "“", "”") for i in range(start, end))
    if quotes_inside % 2 and start > 0 and doc[start - 1].text in ('"', "“"):
        start -= 1  # '"santo tomas" farm': keep both quotation marks
    return start, end


def _same_thing(mention: str, known: str) -> bool:
    """"embassy" and "the embassy building" or "embassies of X" are one target, and so are "the north pipeline" and
    "the north oil pipeline": the same noun, all the words of one in the other, the other's own words lower case as
    written (a capital makes them a name of its own: "Central Bank", "Central Farmers Bank"). Two residences are two.
    Both as written; compared in lower case."""
    mention_key, known_key = mention.lower(), known.lower()
    if mention_key == known_key or mention_key in known_key or known_key in mention_key:
        return True
    shorter, longer = sorted((mention.split(), known.split()), key=len)
    shorter_words = {word.lower() for word in shorter}
    return len(shorter) > 1 and shorter[-1].lower() == longer[-1].lower() \
        and shorter_words <= {word.lower() for word in longer} \
        and not any(word[:1].isupper() for word in longer if word.lower() not in shorter_words)


def fill_targets(frame: IncidentFrame) -> list[Target]:
    """The things attacked in the frame's sentences, in order of mention."""
    text = frame.text
    targets: dict[str, Target] = {}
    heads: set[int] = set()
    for sentence in frame.sentences:
        weapons = None  # found only for a sentence with a thing in it
        for match in _lexicon().find(text, sentence.start_char, sentence.end_char):
            words = frame.doc.char_span(match.start, match.end, alignment_mode="expand")
            if words is None:
                continue
            if weapons is None:
                weapons = [(start, end) for start, end, _, _ in find_weapon_spans(text, sentence.start_char,
                                                                                  sentence.end_char)]
            if any(start <= match.start and match.end <= end for start, end in weapons):
                continue  # "detonated a car bomb": the car is the weapon, not what was hit
            head = words.root
            if head.dep_ in ("compound", "amod", "poss") or not (
                    _attacked(head) or _damaged_after(head) or (match.label in _CRAFT and _blew_up(head))):
                continue  # "church leaders", "bank employees": the thing names whose people they are
            if head.dep_ == "appos" and head.head.i in heads and head.head.tag_ in ("NN", "NNP") and not any(
                    c.dep_ == "conj" for c in head.children):
                continue  # "the Cano Limon pipeline, the country's main pipeline": one target named twice (not a list)
            heads.add(head.i)
            if targets and any(c.lower_ == "same" for c in head.lefts):
                continue  # "a second device placed in the same establishment": a target already named
            start, end = _phrase(head)
            doc = frame.doc
            phrase_start, phrase_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            key = text[phrase_start:phrase_end].lower()
            if any(_same_thing(text[phrase_start:phrase_end], known.mention) for known in targets.values()):
                continue
            targets[key] = Target(mention=text[phrase_start:phrase_end], type=match.label,
                                  evidence=[Evidence.of(text, phrase_start, phrase_end)])
    return list(targets.values())
