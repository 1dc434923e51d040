"""Who did it: perpetrators, the armed groups involved and claims of responsibility.

Groups are recognised from a curated table of canonical names and aliases
(``data/groups.json``) and from "a group calling itself X". Perpetrators are the people the
report names as acting (the subject of a violent verb, "by gunmen", "the attacker") with
what the text says of them: age, gender, nationality, group and fate. Nothing is guessed:
an unnamed attacker keeps ``name`` null and the report's own words as ``mention``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..models import Claim, Dispute, Evidence, Fate, Gender, GroupRef, GroupRelation, Perpetrator
from .dates import resolve_date_expression
from .detect import TRIGGERS, phrase_triggers, seizers
from .frame import IncidentFrame


@dataclass(frozen=True)
class GroupTable:
    """The compiled alias table: one pattern for aliases in any case, one for exact-case ones."""

    by_first_word: dict[str, list[str]]  # lower-cased aliases by their first word, longest first
    exact_case: re.Pattern[str] | None
    canonical: dict[str, str]  # lower-cased alias -> canonical name
    terrorist: frozenset[str]  # canonical names of groups reported as terrorist


_WORD = re.compile(r"[\w-]+")  # hyphens inside: "al-Qaeda" is one word, "ISIS-linked" is not "ISIS"


def _alternation(aliases: list[str]) -> str:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return r"(?<![\w-])(" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])"


@lru_cache(maxsize=1)
def group_table() -> GroupTable:
    """Load data/groups.json once."""
    raw = json.loads(resources.files("blotter").joinpath("data/groups.json").read_text(encoding="utf-8"))
    canonical: dict[str, str] = {}
    exact: list[str] = []
    terrorist = set()
    for group in raw["groups"]:
        for alias in group["aliases"]:
            canonical[alias.lower()] = group["name"]
        for alias in group.get("exact_case", []):
            canonical[alias.lower()] = group["name"]
            exact.append(alias)
        if group["terrorist"]:
            terrorist.add(group["name"])
    by_first_word: dict[str, list[str]] = {}
    for alias in sorted({a.lower() for g in raw["groups"] for a in g["aliases"]}, key=len, reverse=True):
        by_first_word.setdefault(_WORD.match(alias).group(), []).append(alias)
    return GroupTable(
        by_first_word=by_first_word,
        exact_case=re.compile(_alternation(exact)) if exact else None,
        canonical=canonical,
        terrorist=frozenset(terrorist),
    )


_UPPER = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=16)
def _is_mixed_case(text: str) -> bool:
    """True for ordinarily cased copy; all-caps wire text and lower-cased corpora are not."""
    sample = text[:3000]
    letters = len(_LETTER.findall(sample))
    return bool(letters) and 0.01 < len(_UPPER.findall(sample)) / letters < 0.5


# --------------------------------------------------------------------------- cues

_CLAIM = re.compile(
    r"\bclaim(ed|s|ing)? (responsibility|credit)|\b(took|taken|takes|accepted|admitted|assumed) (full )?responsibility"
    r"|(?<!\bno )\bresponsibility for\b|\b(said|says|stated|announced|claimed)\b[^.;]{0,80}?\b(it|they) (had )?(carried out|was behind"
    r"|were behind|staged|conducted|executed|perpetrated|attacked)|\bclaimed (the|an|a|that|it) (?!li(fe|ves)\b)"
    # the group's own word that it did a deed ("members said they were responsible for the bombing"), not a
    # third party's blame ("the colonel said ... that they were responsible for the deaths") or a duty
    r"|\b(said|says|stated|announced|claimed) (that )?(it|they) (was|were|are|is) responsible for (the |this |that |these "
    r"|those |its |their |an? )?([\w-]+ ){0,2}?(attacks?|actions?|operations?|bombings?|killings?|assassinations?"
    r"|kidnappings?|abductions?|murders?|massacres?|ambush(es)?|explosions?|blasts?|raids?|sabotage|shootings?"
    r"|executions?|dynamiting)\b"
    r"|\b(was|were) (one of )?(its|their) (fighters|soldiers|members|martyrs)\b", re.IGNORECASE)
_DENIAL = re.compile(r"\bden(ied|ies|y|ying)\b|\breject(ed|s)? (any )?(responsibility|involvement)|\bhad nothing to do with"
                     r"|\b(bears?|bore|has|have|had|shares?) no responsibility\b|\b(is|are|was|were) not responsible\b",
                     re.IGNORECASE)
_BLAME = re.compile(r"\bblam(ed|es|ing)\b|\baccus(ed|es|ing)\b|\battributed (it |the \w+ )?to\b|\bheld (\w+ )?responsible", re.IGNORECASE)
_SUSPECT = re.compile(
    r"\bsuspect(ed|s)?\b|\bbelieved to (be|have)\b|\bprobabl[ey]\b|\blikely\b|\bmay have\b|\bpossibl[ey]\b|\ballegedly\b"
    r"|\blinked to\b|\bties to\b|\binspired by\b|\bsympathi[sz]ers?\b|\bpledged allegiance", re.IGNORECASE)
_NOT_INVOLVED = re.compile(r"\bcondemn(ed|s|ing)?\b|\b(talks|negotiations|ceasefire|peace) (with|process)\b", re.IGNORECASE)
_CALLING_ITSELF = re.compile(
    r"\b(?i:a|an|the)\s+(?:\w+\s+)?(?i:group|organi[sz]ation|faction|cell|movement|outfit|front|militia)\s+"
    r"(?i:calling itself|that calls itself|called|known as|named)\s+(?P<name>(?:the\s+)?[\"“']?(?:[A-Z0-9][\w'’-]*\.?)"
    r"(?:\s+(?:of|for|the|and|de|del|la|al|[A-Z0-9][\w'’-]*))*[\"”']?)")
_CALLING_ITSELF_LOWER = re.compile(
    r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:group|organi[sz]ation|faction|cell|movement)\s+(?:calling itself|that calls itself)"
    r"\s+(?P<name>[^,.;:()]{3,60}?)(?=\s+(?:said|claimed|has|had|which|who|that|in|on|today|tonight|yesterday|"
    r"(?:this|last) (?:morning|afternoon|evening|night|week))\b|[,.;:(])", re.IGNORECASE)

_CHANNELS: list[tuple[str | None, re.Pattern[str]]] = [
    (None, re.compile(r"\b(Amaq|A'maq|Nashir|Al-Naba|al-Furqan|Shahada|al-Kataib|Umar Media|Al-Andalus)\b", re.IGNORECASE)),
    ("video", re.compile(r"\bvideo\b", re.IGNORECASE)),
    ("social media", re.compile(r"\b(telegram|twitter|facebook|social media|online post|posted online|tweet(ed)?|X\.com|website)\b", re.IGNORECASE)),
    ("phone call", re.compile(r"\b(phone call|telephone(d)?|called (a|the) (newspaper|radio|station|news)|by phone)\b", re.IGNORECASE)),
    ("communique", re.compile(r"\bcommuniqu[eé]s?\b", re.IGNORECASE)),
    ("letter", re.compile(r"\bletter\b", re.IGNORECASE)),
    ("statement", re.compile(r"\b(statement|announcement|declaration)\b", re.IGNORECASE)),
]
_DISPUTE = re.compile(
    r"\bnot (yet )?(been )?(independently )?(verified|confirmed|authenticated)|\bcould not (\w+ )?(verify|confirm|authenticate)"
    r"|\bunverified\b|\bacted alone\b|\bno (evidence|indication|sign|proof)\b|\bno (known |direct )?(links?|connection|ties)\b"
    r"|\b(doubt(ed|s)?|dismiss(ed|es)|skeptical|sceptical|questioned) (the |that |this |its )?(claim|authenticity)"
    r"|\bopportunistic\b", re.IGNORECASE)

# --------------------------------------------------------------------------- perpetrator words

PERPETRATOR_NOUNS = {
    "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "militant", "militants", "terrorist",
    "terrorists", "guerrilla", "guerrillas", "guerilla", "guerillas", "rebel", "rebels", "insurgent", "insurgents", "bomber", "bombers",
    "shooter", "shooters", "killer", "killers", "murderer", "murderers", "kidnapper", "kidnappers", "abductor",
    "abductors", "hijacker", "hijackers", "robber", "robbers", "arsonist", "arsonists", "suspect", "suspects",
    "perpetrator", "perpetrators", "assassin", "assassins", "sniper", "snipers", "jihadist", "jihadists",
    "extremist", "extremists", "narcoterrorists", "narcoterrorist", "commandos", "commando", "sappers", "hitmen",
    "hitman", "paramilitaries", "rioters", "bandits", "bandit", "thugs", "raiders", "insurgent", "terrorist",
    "slayer", "slayers", "outlaw", "outlaws", "subversive", "subversives", "commandoes",
}
# People words that are perpetrators only as the doer of a violent verb ("two men shot", "troops fired").
AGENT_NOUNS = {
    "man", "men", "woman", "women", "youth", "youths", "teenager", "teenagers", "boy", "boys", "individuals",
    "individual", "persons", "person", "soldiers", "soldier", "troops", "members", "member", "mob",
    "squad", "squads", "group", "groups", "gang", "gangs", "students", "someone", "driver", "fighters",
    "militiamen", "unit", "units", "column", "patrol", "agents", "criminals", "traffickers",
    "columns", "patrols", "personnel", "colonel", "colonels", "lieutenant", "lieutenants", "sergeant", "sergeants",
}
# Organisations of the state that act as a body ("the army", "the armed forces", "the air force").
_OFFICER_NOUNS = {"officers", "officer", "troopers", "servicemen", "personnel", "commanders", "colonel", "captain",
                  "lieutenant", "sergeant", "sergeants", "battalion", "brigade"}
_FORCE_NOUNS = {"army", "military", "forces", "force", "navy", "guard", "regime"}
_MENACING = {"unidentified", "armed", "masked", "hooded", "unknown", "uniformed", "heavily-armed", "gun-toting"}
_ACCUSED_CUES = {"involved", "responsible", "suspected", "accused", "charged", "convicted", "blamed", "arrested",
                 "detained", "implicated", "guilty", "sentenced", "wanted"}
_ACCUSED_LINKS = {"in", "for", "of", "with"}
_NEGATIONS = {"not", "n't", "never", "no"}
_NOT_PERPETRATORS = {"police", "officers", "officer", "policemen", "policeman", "authorities", "it", "which", "that",
                     "who", "explosion", "blast", "bomb", "fire", "device", "attack", "attacks", "shooting"}
_MALE = {"man", "men", "boy", "boys", "gunman", "hitman", "he", "his", "him", "father", "son", "husband", "brother"}
_FEMALE = {"woman", "women", "girl", "girls", "she", "her", "mother", "daughter", "wife", "sister"}
_PEOPLE_POS = {"NOUN", "PROPN", "PRON", "NUM"}
_PART_NOUNS = {"members", "member", "units", "unit", "column", "columns", "patrol", "patrols", "squad", "squads", "cell",
               "commando", "commandos", "militants", "fighters", "group", "groups", "band", "gang"}
_ARMED_PEOPLE = PERPETRATOR_NOUNS | AGENT_NOUNS | _OFFICER_NOUNS  # built once: asked per token
_ALIAS_AFTER = re.compile(r"(?:\s+(?:alias|aka|a\.k\.a\.))?$", re.IGNORECASE)
_MENTION_DEPS = {"compound", "amod", "nummod", "nmod", "quantmod"}

_FATE_VERBS: dict[str, Fate] = {
    "arrest": "arrested", "arrested": "arrested", "detain": "arrested", "detained": "arrested",
    "apprehend": "arrested", "apprehended": "arrested", "capture": "arrested", "captured": "arrested",
    "nab": "arrested", "nabbed": "arrested", "custody": "arrested", "charged": "arrested",
    "flee": "at_large", "fled": "at_large", "escape": "at_large", "escaped": "at_large",
    "surrender": "surrendered", "surrendered": "surrendered", "die": "died", "died": "died",
    "injure": "injured", "injured": "injured", "wound": "injured", "wounded": "injured",
    "kill": "killed", "killed": "killed", "neutralise": "killed", "neutralised": "killed", "neutralize": "killed",
    "neutralized": "killed",
}
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they)\s+(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?$", re.IGNORECASE)
# Security forces killing a pronoun's referent: "... before armed officers shot him dead". The pronoun
# ties the phrase to the perpetrator it follows, however far into the sentence it comes.
_KILLED_BY_FORCES = re.compile(r"\b(?:police|(?:armed )?officers|troops|soldiers|security forces) "
                               r"(?:shot (?:him|her|them) dead|(?:shot and )?killed (?:him|her|them))\b", re.I)
_FATE_PHRASES: list[tuple[Fate, re.Pattern[str]]] = [
    ("killed", re.compile(r"\b(shot dead|killed|gunned down|neutrali[sz]ed) by (armed )?(police|officers|security|troops|soldiers)", re.I)),

    ("died", re.compile(r"\b(blew (himself|herself|themselves) up|killed (himself|herself|themselves)|died)\b", re.I)),
    ("surrendered", re.compile(r"\b(turned (himself|herself|themselves) in|gave (himself|herself|themselves) up|surrendered)\b", re.I)),
    ("at_large", re.compile(r"\b(on the run|at large|fled|escaped|got away|remains? (at large|unidentified))\b", re.I)),
    ("arrested", re.compile(r"\b(arrested|detained|in custody|apprehended|captured|taken into custody|held by police)\b", re.I)),
    ("injured", re.compile(r"\b(was|were) (injured|wounded|shot)\b", re.I)),
]


# --------------------------------------------------------------------------- groups


def _sentence_text(frame: IncidentFrame, sentence: Span) -> str:
    return frame.text[sentence.start_char:sentence.end_char]


def sentence_evidence(frame: IncidentFrame, sentence: Span) -> Evidence:
    """The whole sentence as evidence, without the whitespace that trails it."""
    text = _sentence_text(frame, sentence)
    return Evidence.of(frame.text, sentence.start_char, sentence.end_char - (len(text) - len(text.rstrip())))


def _relation(sentence_text: str, violent: bool) -> GroupRelation | None:
    if _CLAIM.search(sentence_text):
        return "claimed"
    if _DENIAL.search(sentence_text):
        return "denied"
    if _BLAME.search(sentence_text):
        return "blamed"
    if _SUSPECT.search(sentence_text):
        return "suspected"
    if _NOT_INVOLVED.search(sentence_text) or not violent:
        return None  # a group named only as background ("the FMLN, which has fought since 1980") is no party
    return "perpetrator"


_RELATION_RANK: dict[GroupRelation, int] = {"claimed": 0, "perpetrator": 1, "denied": 2, "blamed": 3, "suspected": 4,
                                             "mentioned": 5}


# Prepositions whose object the deed or the talk is aimed at or done for, never its doer: "arms for the front",
# "an offensive against the rebels", "pressure on the army", "a message to the guerrillas".
_AIMED_AT = frozenset("for against on to toward towards over".split())
# Verbs that tie the deed or its people to the group they govern, or tell what others say it did: "attributed the
# murder to the front", "a column belonging to the front", "linked him to the cartel", "claim the front did it".
_TYING_VERBS = frozenset("belong link tie connect relate attribute ascribe blame accuse implicate hold claim".split())


def _acted_upon(frame: IncidentFrame, start: int, end: int) -> bool:
    """True when the sentence names the group only as what is acted upon or spoken of, neither doing nor held to
    account: the object of a verb ("to wipe out the front"), or of a preposition aimed at it ("arms for the front",
    "an offensive against the rebels"), unless that verb blames ("blamed the bombing on the front")."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.head is not head and (
            (head.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj") and head.head.pos_ in ("NOUN", "PROPN"))
            or (head.dep_ == "pobj" and head.head.lower_ in ("of", "from") and head.head.head.lower_ in _FIGHTER_NOUNS)):
        head = head.head.head if head.dep_ == "pobj" else head.head  # "members of the front", "front guerrillas"
    if _doer(head) or _accused(head) or _pursued(head):
        return False
    verb = head.head
    if head.dep_ == "dobj":
        return verb.lemma_.lower() not in _TYING_VERBS | _SPEAKING_VERBS
    governor = verb.head
    while governor.pos_ == "ADP" and governor.dep_ in ("conj", "prep") and governor.head is not governor:
        governor = governor.head  # "attributed to the front and not to the party"
    holder = governor.head if governor.dep_ in ("amod", "acl", "relcl") else governor
    if _doer(holder):
        return False  # the doers' own side: "fighters for the front killed", "rebels loyal to it", "men who worked for it"
    return head.dep_ == "pobj" and verb.lower_ in _AIMED_AT and governor.lemma_.lower() not in _TYING_VERBS


def _is_target(frame: IncidentFrame, start: int, end: int) -> bool:
    """True when the group is what was attacked ("troops attacked FMLN positions")."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "amod", "poss", "nmod", "appos") and head.head != head:
        head = head.head
    through_person = False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        head, through_person = head.head.head, True
    if through_person:
        while head.dep_ in ("compound", "amod", "nmod", "appos") and head.head != head:
            head = head.head
        # "the murder of X, spokesman of the MIR": the group is the victim's, not the killer's
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in TRIGGERS:
            return True
    # "five members of the farc were killed", "two fmln rebels were wounded": the group's people suffered it
    if (head.dep_ in ("nsubjpass", "nsubj:pass") and head.head.lower_ in TRIGGERS
            and (through_person or head.lower_ in _ARMED_PEOPLE)):
        return True
    if head.dep_ in ("dobj", "obj") and head.head.lower_ in TRIGGERS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in ("against", "on") and head.head.head.lower_ in TRIGGERS


# What a group does when it speaks, decides or negotiates rather than acts: "the FMLN said", "the FMLN
# decided to suspend the dialogue", "talks between the government and the FMLN", "FMLN spokesmen".
_SPEAKING_VERBS = frozenset("say tell call report announce state add insist decide make propose demand warn ask agree "
                            "blame accuse attribute describe denounce "
                            "suspend reject accept express issue send explain indicate confirm note urge offer hope "
                            "want consider believe coincide have".split())
_SPEAKING_NOUNS = frozenset("decision decisions proposal proposals offer spokesman spokesmen spokesperson leader "
                            "leaders leadership communique statement statements delegation delegates negotiators "
                            "representatives radio station broadcast".split())
_FIGHTER_NOUNS = PERPETRATOR_NOUNS | AGENT_NOUNS | _PART_NOUNS  # a group's own people: 'FMLN guerrillas'
_UNNAMED_FIGHTERS = _FIGHTER_NOUNS | {"they", "it", "we"}
_TALKS_NOUNS = frozenset("dialogue talks meeting meetings negotiations negotiation contacts agreement accord truce "
                         "ceasefire cease-fire".split())


# The group's name, its letters in brackets if given (or the letters closing them), then one who speaks for it:
# "the front (FMLN) spokesman". Narrower than _SPEAKING_NOUNS on purpose: "FMLN leaders" may have ordered the deed.
_SPEAKER_AFTER = re.compile(r"(?:\s*\([^()]{1,20}\)|\))?\s+(?:spokesm[ae]n|spokesperson|spokeswoman|communique|"
                            r"statement|delegation|delegates|negotiators|representatives|radio station)\b",
                            re.IGNORECASE)


def speaker_follows(frame: IncidentFrame, end: int) -> bool:
    """True when one who speaks for the group follows its name ("an FMLN (...) spokesman said"), unless that
    speaker is the object of the sentence's verb ("officials blamed the FMLN representatives"): then the group
    is the one spoken of."""
    match = _SPEAKER_AFTER.match(frame.text, end)
    if match is None:
        return False
    span = frame.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    return span is None or span[-1].dep_ != "dobj"


def _only_speaks(frame: IncidentFrame, start: int, end: int) -> bool:
    """True when the sentence names the group as speaking, deciding or negotiating, not as acting: the
    subject of "said" or "decided", a party to talks, or the owner of a decision or a spokesman."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.lower_ in _UNNAMED_FIGHTERS and _doer(t) for t in span.sent):
        return False  # "the FMLN reports that urban commando units attacked", "said they had abducted": it acted
    if speaker_follows(frame, end):
        return True  # "an FMLN (...) spokesman", however the parser hangs the name with its letters in brackets
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj") and head.head is not head \
            and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        if head.lower_ in _SPEAKING_NOUNS:
            return True
        if head.lower_ in _FIGHTER_NOUNS:
            break  # "FMLN guerrillas": its people, who act unless the clause has them speak ("FMLN rebels said")
    verb = head.head
    if head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _SPEAKING_VERBS:
        return not (_is_violent_verb(verb) or _violent_conjunct(verb))
    return head.dep_ == "pobj" and verb.lower_ in ("between", "with") and verb.head.lower_ in _TALKS_NOUNS


# Fighting between two sides: "clashes between the army and the FMLN", "troops fought the rebels".
_CLASH_WORDS = frozenset("clash clashes clashed clashing fight fighting fought battle battles battling combat combats "
                         "confront confronted confrontation confrontations skirmish skirmishes skirmished battled".split())


# A side named after "clashes between", either one: the parser often loses the pair when a long name carries its
# letters in brackets ("clashes between the <front's full name> (<letters>) and police units"). The pair ends where
# the clause does: in "after clashes between farmers and police, guerrillas bombed a bridge" or "clashes between
# farmers and police went on as guerrillas bombed a bridge" the guerrillas are no side.
_SIDES_OF_CLASH_BEFORE = re.compile(r"\b(?:clash(?:es|ed)?|fighting|fought|battles?|combat|confrontations?|skirmish(?:es)?)"
                                    r"(?:\s+[\w-]+){0,4}\s+between\b(?:(?!\b(?:who|which|that|where|when|as|while|after"
                                    r"|before|until|since|because)\b)[^.;,]){0,150}$",
                                    re.IGNORECASE)


def in_clash(frame: IncidentFrame, start: int, end: int) -> bool:
    """True when the sentence names the group as one side of a clash, whoever started it: the subject of "clashed"
    or "fought", or a side "between" or "with" which fighting took place (MUC-4's rule 1b: fighting between
    armed forces is war, and naming a side of it says nothing of who attacked)."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return _clash_side(span.root) or bool(_SIDES_OF_CLASH_BEFORE.search(frame.text, span.sent.start_char, start))


def _clash_side(head: Token) -> bool:
    """True for a noun naming one side of a clash ("the rebels and the army clashed", "fighting with guerrillas")."""
    while head.head is not head and (
            (head.dep_ in ("compound", "amod", "nmod", "poss", "appos", "conj") and head.head.pos_ in ("NOUN", "PROPN"))
            or (head.dep_ == "pobj" and head.head.lower_ in ("of", "from") and head.head.head.lower_ in _FIGHTER_NOUNS)):
        head = head.head.head if head.dep_ == "pobj" else head.head  # "terrorists from the FMLN", "FMLN guerrillas"
    verb = head.head
    if head.dep_ in ("nsubj", "dobj") and verb.lower_ in _CLASH_WORDS:
        return True
    return head.dep_ == "pobj" and verb.lower_ in ("between", "with") and verb.head.lower_ in _CLASH_WORDS


@lru_cache(maxsize=4)
def _document_group_mentions(text: str) -> tuple[tuple[str, int, int], ...]:
    """(canonical name, start, end) of every group the document names; computed once per document."""
    table = group_table()
    mixed_case = _is_mixed_case(text)
    found: list[tuple[str, int, int]] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters ("İ") lower-case to two characters: keep offsets aligned
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for word in _WORD.finditer(lowered):
        for alias in table.by_first_word.get(word.group(), ()):
            end = word.start() + len(alias)
            if lowered.startswith(alias, word.start()) and (end == len(lowered) or not _WORD.match(lowered[end])):
                found.append((table.canonical[alias], word.start(), end))
                break
    if table.exact_case is not None and mixed_case:
        for match in table.exact_case.finditer(text):
            found.append((table.canonical[match.group(1).lower()], match.start(1), match.end(1)))
    for match in (_CALLING_ITSELF if mixed_case else _CALLING_ITSELF_LOWER).finditer(text):
        mention = re.sub(r"\s+(?:of|for|the|and|de|del|la|al)$", "", match.group("name")).strip("\"“”' ")
        start = match.start("name") + match.group("name").index(mention)
        name = re.sub(r"^the\s+", "", mention, flags=re.IGNORECASE)
        found.append((table.canonical.get(name.lower(), name), start, start + len(mention)))
    found.sort(key=lambda g: (g[1], -(g[2] - g[1])))
    kept: list[tuple[str, int, int]] = []
    for group in found:
        if not kept or group[1] >= kept[-1][2]:
            kept.append(group)
    return tuple(kept)


def group_mentions(frame: IncidentFrame, sentence: Span) -> list[tuple[str, int, int]]:
    """(canonical name, start, end) of every group named in one sentence."""
    return [g for g in _document_group_mentions(frame.text)
            if sentence.start_char <= g[1] and g[2] <= sentence.end_char]


def _acting_body(token: Token) -> bool:
    """True for a force that acted itself ("the army shelled") or through its people ("army troops fired",
    "soldiers of the army killed", "officers of the armed forces accused of the murder", "the soldiers of the
    army who murdered the priests")."""
    if _doer(token) or _accused(token) or _owned_deed(token):
        return True
    people = token.head if token.dep_ == "compound" else token.head.head if (
        token.dep_ == "pobj" and token.head.lower_ == "of") else None
    return people is not None and people.lower_ in _ARMED_PEOPLE and (
        _doer(people) or _accused(people) or _pursued(people) or _relative_doer(people))


def _fighters_kind(force: Token) -> bool:
    """"Rebel forces", "guerrilla forces": what kind of fighters acted, not an organisation's name (the
    perpetrator rules read such people; MUC-4's coders never file them as a group)."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ in PERPETRATOR_NOUNS for c in force.lefts)


def _state_forces(frame: IncidentFrame, sentence: Span) -> list[tuple[str, int, int]]:
    """Armies, air forces and security forces that carried out the violence ("the army bombed the village")."""
    found = []
    named = [(start, end) for _, start, end in group_mentions(frame, sentence)]
    for token in sentence:
        if token.lower_ in _FORCE_NOUNS and _acting_body(token) and not any(s <= token.idx < e for s, e in named) \
                and not _fighters_kind(token):
            start, end = _mention_span(token)
            words = frame.text[start:end]
            if words.lower() in ("forces", "force"):
                continue  # "our forces", "FMLN forces": a bare "forces" names no body (the group beside it does)
            found.append((" ".join(w.capitalize() if w.islower() else w for w in words.split()), start, end))
    return found


def find_groups(frame: IncidentFrame, violent_sentences: set[int]) -> list[GroupRef]:
    """The groups involved in the incident, one per canonical name, with the strongest relation."""
    best: dict[str, GroupRef] = {}
    for sentence in frame.sentences:
        text = _sentence_text(frame, sentence)
        for name, start, end in group_mentions(frame, sentence) + _state_forces(frame, sentence):
            relation = _relation(text, sentence.start in violent_sentences)
            if relation is None or (relation == "perpetrator" and (
                    _is_target(frame, start, end) or in_clash(frame, start, end))):
                continue
            # the one who blames or suspects speaks of the deed ("the FMLN blamed the army"): the blame
            # or suspicion the sentence tells is of another
            if relation in ("perpetrator", "blamed", "suspected") and _only_speaks(frame, start, end):
                continue
            if relation not in ("denied", "claimed") and _acted_upon(frame, start, end):
                relation = "mentioned"  # still a party to the incident's story (its category), but no actor in it
            evidence = Evidence.of(frame.text, start, end)
            known = best.get(name)
            if known is None:
                best[name] = GroupRef(name=name, mention=frame.text[start:end], relation=relation, evidence=[evidence])
            else:
                known.evidence.append(evidence)
                if _RELATION_RANK[relation] < _RELATION_RANK[known.relation]:
                    known.relation = relation
    return list(best.values())


# Armed actors named only by what they are ("the rebels also burned three buses"): in a report that
# names the group behind its main attack, they are that group's people.
_UNNAMED_ARMED_ACTORS = re.compile(r"\b(guerrillas?|rebels?|terrorists?|subversives?|insurgents?|militants?|"
                                   r"urban commandos?|commandos?)\b", re.IGNORECASE)


def inherited_groups(main_groups: list[GroupRef], sentences_text: str) -> list[GroupRef]:
    """The groups a later incident takes over from the report's main incident: the ones that acted or
    claimed it, when the later incident's words name its actors only as "the guerrillas" or "the rebels"."""
    if not _UNNAMED_ARMED_ACTORS.search(sentences_text):
        return []
    return [g.model_copy(deep=True) for g in main_groups if g.relation in ("perpetrator", "claimed")]


# --------------------------------------------------------------------------- claims


def _claim_day(sentence_text: str, published: datetime | None) -> str | None:
    """The day a claim was made ("in a video on Monday"), resolved like incident dates; None unless known to the day."""
    resolved = resolve_date_expression(sentence_text, published)
    if resolved is None:
        return None
    start, end, precision = resolved
    return start.isoformat() if precision == "day" and start == end else None


def _channel(sentence_text: str) -> str | None:
    for label, pattern in _CHANNELS:
        match = pattern.search(sentence_text)
        if match:
            return label or match.group(1)
    return None


def _statement(sentence_text: str) -> str | None:
    quoted = re.search(r"[\"“]([^\"”]{8,400})[\"”]", sentence_text)
    return quoted.group(1).strip() if quoted else None


def _dispute(frame: IncidentFrame, sentence: Span) -> Dispute | None:
    """Who doubts the claim and what they say, from a sentence such as "Police said they had not verified it"."""
    text = _sentence_text(frame, sentence)
    if not _DISPUTE.search(text):
        return None
    root = sentence.root
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")]
    who = "unattributed"  # "the claim could not be verified": nobody named, nobody invented
    if subjects and subjects[0].pos_ != "PRON":
        subject = subjects[0]
        who = frame.text[subject.left_edge.idx:subject.right_edge.idx + len(subject.right_edge.text)]
    clause = next((t for t in root.children if t.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        words = [t for t in clause.subtree
                 if not (t.head == clause and t.dep_ in ("nsubj", "mark") and t.pos_ in ("PRON", "SCONJ"))]
        view = frame.text[words[0].idx:words[-1].idx + len(words[-1].text)] if words else text
    else:
        view = text.strip()
    return Dispute(who=who, view=view.strip(), evidence=[sentence_evidence(frame, sentence)])


def find_claims(frame: IncidentFrame, groups: list[GroupRef]) -> list[Claim]:
    """Claims and denials of responsibility, with channel, date, statement and disputes that follow."""
    claims: list[Claim] = []
    disputes: list[Dispute] = []
    for sentence in frame.sentences:
        text = _sentence_text(frame, sentence)
        claimed, denied = _CLAIM.search(text), _DENIAL.search(text)
        if claims:
            dispute = _dispute(frame, sentence)
            if dispute is not None:
                disputes.append(dispute)
        if not (claimed or denied):
            continue
        claimants = [name for name, _, _ in group_mentions(frame, sentence)]
        if not claimants and _is_mixed_case(frame.text):
            claimants = [e.text for e in sentence.ents if e.label_ == "ORG"][:1]
        if not claimants:
            continue
        for claimant in dict.fromkeys(claimants):
            claims.append(Claim(
                claimant=claimant, status="claimed" if claimed else "denied", channel=_channel(text),
                date=_claim_day(text, frame.published), statement=_statement(text),
                evidence=[sentence_evidence(frame, sentence)],
            ))
        for claimant in claimants:
            if not any(g.name == claimant for g in groups):
                mention = next((e for e in sentence.ents if e.text == claimant), None)
                if mention is not None:
                    groups.append(GroupRef(name=claimant, mention=claimant, relation="claimed" if claimed else "denied",
                                           evidence=[Evidence.of(frame.text, mention.start_char, mention.end_char)]))
    for claim in claims:
        if claim.status == "claimed":
            claim.disputed_by = list(disputes)
    return claims


# --------------------------------------------------------------------------- perpetrators


def _mention_span(head: Token) -> tuple[int, int]:
    """The shortest span naming a person: the head noun with its numerals, adjectives and compounds, no article.

    A collective head keeps what it is part of: "members of the FMLN", not "members".
    """
    left = head
    for token in reversed(head.doc[head.left_edge.i:head.i]):
        modifies_adjective = token.dep_ == "advmod" and token.head is not head  # "heavily armed men"
        if token.dep_ not in _MENTION_DEPS and token.text != "-" and not modifies_adjective:
            break
        left = token
    while left.i < head.i and (not left.text[0].isalnum() or left.lower_ in ("so", "called")):
        left = left.nbor(1)  # "so-called hired assassins" is named by "hired assassins"
    while left.i > 0 and not left.nbor(-1).whitespace_ and left.nbor(-1).lower_ not in ("so", "-called") and (
            left.text == "-" or left.nbor(-1).text == "-" or (left.i > 1 and left.nbor(-1).nbor(-1).text == "-")):
        left = left.nbor(-1)  # "24-year-old man", not "old man"
    right = head
    if head.lower_ in _PART_NOUNS:
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whole is not None:
            right = _phrase_end(whole)
            deed = next((t for t in head.doc[head.i + 1:right.i + 1] if t.tag_.startswith("VB") and t.lower_ in TRIGGERS),
                        None)
            if deed is not None:  # a parse that hangs the deed inside the phrase: "commandos of the X front machinegunned"
                right = deed.nbor(-1)
                while right.i > head.i and (right.is_punct or right.pos_ == "DET"):
                    right = right.nbor(-1)
    return left.idx, right.idx + len(right.text)


# Participles by which a report tells unnamed attackers apart by their clothes: "men wearing military uniforms", "men
# dressed in civilian clothes". MUC-4's coders keep the phrase as the attackers' description (the vehicle they rode,
# "two men riding a motorcycle", they keep as often as they leave out: 1 and 1 on train 500-1000).
_DRESS_PARTICIPLES = frozenset({"wearing", "dressed"})


def _dress_end(head: Token) -> int:
    """End (character offset) of what the attackers wore, told right after their noun ("men wearing
    military uniforms", "men in uniform"); 0 when nothing is told."""
    for child in head.rights:
        if child.i != head.i + 1:
            break  # only right after the noun, not a phrase further on ("..., wearing masks")
        worn = child.dep_ == "acl" and child.lower_ in _DRESS_PARTICIPLES and any(
            c.dep_ in ("dobj", "prep") for c in child.children)
        uniform = child.dep_ == "prep" and child.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() == "uniform" for g in child.children)
        if worn or uniform:
            end = _worn_end(child)
            return end.idx + len(end.text)
    return 0


def _worn_end(token: Token) -> Token:
    """Last word of what was worn: ``_phrase_end``, but stopping before another person or deed joined on
    ("a man wearing a hoodie and a woman in a dress", "men wearing uniforms and carrying rifles");
    a plain list of clothes goes on ("wearing masks and gloves")."""
    end = token
    rights = list(token.rights)
    for index, child in enumerate(rights):
        if child.text in (",", ";") or child.dep_ == "parataxis" or child.tag_ == "VBD":
            break
        if child.dep_ == "cc":
            joined = next((c for c in rights[index + 1:] if c.dep_ == "conj"), None)
            if joined is not None and (joined.pos_ in ("VERB", "AUX") or any(c.dep_ == "det" for c in joined.children)):
                break
        if child.dep_ == "conj" and (child.pos_ in ("VERB", "AUX") or any(c.dep_ == "det" for c in child.children)):
            break
        end = _worn_end(child)
    return end


def _phrase_end(token: Token) -> Token:
    """Last word of a noun phrase up to a comma: "group of armed men wearing uniforms", not
    "group of armed men, who made him walk with them"."""
    end = token
    for child in token.rights:
        if child.text in (",", ";") or child.dep_ == "parataxis" or child.tag_ == "VBD":
            break  # a finite verb hung on the phrase by the parse is the clause's own ("front machinegunned")
        end = _phrase_end(child)
    return end


def _entity_of(token: Token) -> Span | None:
    """The PERSON entity the token belongs to, if any."""
    if token.ent_type_ != "PERSON":
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _pursued_name(token: Token) -> Span | None:
    """A proper name the law pursues even when the tagger took it for an organisation ("police arrested Marcus Bell")."""
    if token.pos_ != "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or not _pursued(token):
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound":
        start -= 1
    return token.doc[start:token.i + 1] if start < token.i else None


def full_name_span(frame: IncidentFrame, short: str) -> tuple[int, int] | None:
    """Where the report gives the whole name of someone it later calls by a shorter one ("Bothel" -> "Carlos
    Bothel", "Maza Marquez" -> "Miguel Maza Marquez")."""
    wanted = short.lower().split()
    if not wanted:
        return None
    for entity in frame.doc.ents:
        words = entity.text.lower().split()
        if entity.label_ == "PERSON" and len(words) > len(wanted) and words[-len(wanted):] == wanted:
            return entity.start_char, entity.end_char
    return None


def _appositive_name(token: Token) -> Span | None:
    """The PERSON named beside a perpetrator noun: "the attacker, Usman Khan" or "Khan, the gunman"."""
    related = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos":
        related.append(token.head)
    for other in related:
        entity = _entity_of(other)
        if entity is not None:
            return entity
    return None


# Verbs of attack the detector does not count as incident triggers but whose doer attacked:
# "riddled with bullets by three young men", "the mob looted and razed the office".
_ATTACKING_VERBS = frozenset("riddle strafe machinegun machine-gun raze demolish loot vandalize assail besiege "
                             "overrun wreck smash".split())


def _is_violent_verb(token: Token) -> bool:
    return token.lower_ in TRIGGERS or token.lemma_.lower() in TRIGGERS or (
        token.pos_ == "VERB" and token.lemma_.lower() in _ATTACKING_VERBS) or any(
        c.dep_ == "prt" and f"{token.lower_} {c.lower_}" in TRIGGERS for c in token.children) or any(
        c.lower_ == "fire" and token.lemma_.lower() in ("open", "set") for c in token.children)


# With verbs of starting or waging: "drug traffickers began a series of attacks", "the rebels unleashed a wave of bombings".
_DOING_VERBS = frozenset("carry perpetrate commit stage mount launch conduct begin start unleash wage resume".split())
# Their past forms too: the lemmatiser reads "staged" as "stag".
_DOING_FORMS = frozenset("carried perpetrated committed staged mounted launched conducted began begun started unleashed "
                         "waged resumed".split())
_BLAMING_VERBS = frozenset("attribute blame".split())
# Verbs of placing whose object, an explosive, makes their subject a bomber: "two men planted the bomb".
_PLACING_VERBS = frozenset("plant place leave hurl throw toss set".split())
_EXPLOSIVE_WORDS = frozenset("bomb bombs explosive explosives device devices charge charges dynamite grenade grenades "
                             "mine mines car-bomb package".split())


def _series_of_deeds(noun: Token) -> bool:
    """A run of violent deeds named by its measure: "a series of attacks", "a wave of bombings"."""
    return noun.lemma_.lower() in _SERIES_NOUNS and any(
        p.lower_ == "of" and any(o.dep_ == "pobj" and _is_violent_verb(o) for o in p.children) for p in noun.children)


_SERIES_NOUNS = frozenset("series wave campaign spate string rash number".split())


def _deed_done(verb: Token) -> bool:
    """A verb of doing whose object is a violent deed or a bomb: "the attack was carried out by", "rebels
    committed the murder", "the bomb was planted by two men"."""
    lemma = verb.lemma_.lower()
    if lemma in _DOING_VERBS or verb.lower_ in _DOING_FORMS:
        return any(c.dep_ in ("nsubjpass", "dobj") and (_is_violent_verb(c) or _series_of_deeds(c)) for c in verb.children)
    return lemma in _PLACING_VERBS and any(
        c.dep_ in ("nsubjpass", "dobj") and (c.lower_ in _EXPLOSIVE_WORDS or any(  # "set off 5 kg of dynamite"
            p.lower_ == "of" and any(o.lower_ in _EXPLOSIVE_WORDS for o in p.children) for p in c.children))
        for c in verb.children)


def _violent_conjunct(verb: Token) -> bool:
    """A later active verb of the same subject tells the violence: "a column arrived in the village and shot 16
    peasants" (not "walked into the station and was shot", where the subject suffered it)."""
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ != "VBN"
               and not any(g.dep_ in ("nsubj", "nsubjpass", "auxpass") for g in c.children)
               and (_is_violent_verb(c) or _deed_done(c)) for c in verb.children)


def _doer(token: Token) -> bool:
    """True when the token is the one who does a violent verb (its subject or its "by" agent), or the one
    a violent deed is attributed to ("attributed the attack to guerrillas", "blamed the bombing on rebels")."""
    if token.dep_ in ("nsubj",) and (_is_violent_verb(token.head) or _deed_done(token.head)):
        return True
    if token.dep_ == "nsubj" and token.ent_type_ != "PERSON" and _violent_conjunct(token.head):
        return True  # a name doing so is the name rules' (``_SHOOTER_ACT_RE``), which keep the sentence as evidence
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and (
            _is_violent_verb(token.head.head) or _deed_done(token.head.head)):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "on") and token.head.head.lemma_.lower() in _BLAMING_VERBS \
            and any(c.dep_ in ("dobj", "nsubjpass") and _is_violent_verb(c) for c in token.head.head.children):
        return True
    if token.dep_ == "conj":
        return _doer(token.head)
    return token.dep_ == "appos" and _doer(token.head)


# Verbs and adjectives by which a report ties people to a deed: "involved in", "implicated in", "blamed for".
_TIED_TO_DEED = frozenset("involve implicate participate responsible".split())
_HOLDING_VERBS = frozenset("blame implicate accuse hold".split())
_OWNING_VERBS = frozenset("accept assume take claim admit acknowledge".split())
_DEED_NOUNS = frozenset("crime crimes death deaths act acts action actions".split())


def _names_deed(preposition: Token) -> bool:
    """A preposition whose object names a violent deed ("in the massacre", "for the death of"), or stands for
    the one the sentence tells ("the bombing, for which the rebels are held responsible"), or whose gerund does
    one ("accused the army of murdering", "of perpetrating the attack")."""
    return any((o.dep_ == "pobj" and (_is_violent_verb(o) or o.lower_ in _DEED_NOUNS or o.tag_ == "WDT"))
               or (o.dep_ == "pcomp" and (_is_violent_verb(o) or _deed_done(o)))
               for o in preposition.children)


_AUTHOR_NOUNS = frozenset("ones one authors author perpetrators perpetrator masterminds mastermind".split())


def _is_author(be: Token) -> bool:
    """A "be" that makes its subject the deed's author: "soldiers were the ones who murdered the priests", "the
    rebels were the perpetrators of the massacre", "the communists were behind the bombing"."""
    for child in be.children:
        if child.dep_ == "attr" and child.lower_ in _AUTHOR_NOUNS and any(
                (c.dep_ == "relcl" and _is_violent_verb(c)) or (c.dep_ == "prep" and c.lower_ == "of" and _names_deed(c))
                for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "behind" and (_names_deed(child) or any(
                _names_deed(p) for o in child.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep")):
            return True
    return False


def _held_to_account(token: Token) -> bool:
    """True for people a clause ties to a deed, wherever they stand in a list: "a colonel, two lieutenants and
    two soldiers were involved in the massacre", "blamed the guerrillas for the murder", "implicated four
    officers in the killing", "the rebels are held responsible for the attack"."""
    chain = _list_chain(token)
    token = chain[-1]
    verb = token.head
    lemma = verb.lemma_.lower()
    deed = [c for t in [verb, *chain] for c in t.children  # "blamed the FMLN (...) guerrillas for the murder"
            if c.dep_ == "prep" and c.lower_ in ("in", "for", "of") and _names_deed(c)]
    deed += [p for c in verb.children if c.dep_ in ("acomp", "oprd") and c.lower_ == "responsible"
             for p in c.children if p.dep_ == "prep" and p.lower_ == "for" and _names_deed(p)]
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "the guerrillas were not involved in the massacre": cleared, not held to account
    if token.dep_ == "nsubj" and lemma == "be" and _is_author(verb):
        return True
    if token.dep_ == "nsubj" and verb.lower_ == "responsible" and verb.head.lemma_.lower() == "hold":
        return True  # "the raid, for which they hold the police responsible"
    if not deed:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and (lemma in _TIED_TO_DEED or lemma == "be" or (
            lemma == "hold" and token.dep_ == "nsubjpass")):
        return lemma != "be" or any(c.lower_ == "responsible" for c in verb.children)
    return token.dep_ == "dobj" and lemma in _HOLDING_VERBS


def _owned_deed(token: Token) -> bool:
    """True for the subject of "accepted responsibility for the deaths": a force owning what its men did
    (a group claiming an attack is the claim rules')."""
    verb = token.head
    owned = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "responsibility"]
    return token.dep_ == "nsubj" and verb.lemma_.lower() in _OWNING_VERBS and bool(owned) and any(
        c.dep_ == "prep" and c.lower_ == "for" and _names_deed(c) for t in (verb, *owned) for c in t.children)


def _accused(token: Token) -> bool:
    """True for people the report holds to account: "soldiers involved in the murder", "men accused of killing"."""
    if _held_to_account(token):
        return True
    after = token.doc[token.i + 1:min(len(token.doc), token.i + 12)]
    words = [t.lower_ for t in after]
    for index, word in enumerate(words[:6]):
        if word in _ACCUSED_CUES and index + 1 < len(words) and words[index + 1] in _ACCUSED_LINKS:
            # "the rebels are not responsible for the murder" clears them
            return not _NEGATIONS & set(words[:index]) and any(w in TRIGGERS for w in words[index + 2:index + 8])
    return False


# Verbs of the law's pursuit: their object (or passive subject) is the one held to account.
_PURSUIT_VERBS = frozenset("arrest charge detain apprehend indict book jail convict sentence extradite capture nab "
                           "prosecute".split())
_SEARCH_VERBS = frozenset("search look hunt".split())
# Their nouns: "the arrest of 45 soldiers for killing the priests".
_PURSUIT_NOUNS = frozenset("arrest arrests detention capture trial prosecution indictment conviction extradition".split())
_OWNING_UP_VERBS = frozenset("surrender confess admit plead".split())


# Armed bodies whose seizing of someone is no arrest: "X was captured by army troops" tells an abduction.
_SEIZING_FORCES = frozenset("troops soldiers army military battalion battalions brigade brigades detachment "
                            "detachments guardsmen patrol patrols guerrillas rebels insurgents militiamen "
                            "paramilitaries commandos column columns".split())


def _seized_by_forces(verb: Token) -> bool:
    """True when the one who seized is an armed body, not the law: the "by" agent of a passive or the
    subject ("captured by Atonal battalion troops", "soldiers detained two peasants")."""
    return any(s.lower_ in _SEIZING_FORCES for s in seizers(verb))


def _pursued(token: Token) -> bool:
    """True for a person the law pursues over the incident: "police arrested X", "X was charged",
    "searching for X", "X turned himself in", "the man who shot him is X". Not one armed men seized."""
    if _held_by_law(token) or _owned_up(token):
        return True
    token = _listed_head(token)
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in _SEARCH_VERBS:
        return True
    if token.dep_ == "attr" and verb.lemma_.lower() == "be":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and any(c.dep_ == "relcl" and _is_violent_verb(c) for c in subject.children)
    return False


def _listed_head(token: Token) -> Token:
    """The first of a list or apposition the token belongs to, whose place in the clause the list shares."""
    return _list_chain(token)[-1]


def _list_chain(token: Token) -> list[Token]:
    """The token and the list or apposition members above it, up to the first, which stands in the clause."""
    chain = [token]
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
        chain.append(token)
    return chain


def _held_by_law(token: Token) -> bool:
    """True for a person arrested or charged ("police arrested X", "X was charged", "the arrest of two
    officers for killing six priests"): the only pursuit that makes the law's own people perpetrators."""
    chain = _list_chain(token)
    token = chain[-1]
    verb = token.head
    lemma = verb.lemma_.lower()
    if token.dep_ in ("dobj", "nsubjpass") and lemma in _PURSUIT_VERBS:
        return not _seized_by_forces(verb)
    if token.dep_ == "nsubjpass" and (  # "X was taken into custody and charged with murder"
            any(c.dep_ == "conj" and c.lemma_.lower() in _PURSUIT_VERBS for c in verb.children)
            or (lemma == "take" and any(g.lower_ == "custody" for c in verb.children if c.dep_ == "prep" for g in c.children))):
        return True
    if token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ in _PURSUIT_NOUNS:
        # the deed may hang on any of the listed people: "the arrest of 12 guards and 3 captains for killing ..."
        pursuit = verb.head
        listed = [pursuit, *chain] + [c for c in token.conjuncts]
        return any(c.dep_ == "prep" and c.lower_ in ("for", "in") and (_names_deed(c) or any(
            g.dep_ == "pcomp" and _is_violent_verb(g) for g in c.children)) for t in listed for c in t.children)
    return False


def _owned_up(token: Token) -> bool:
    """True for the subject of a confession or surrender ("X confessed", "X turned himself in"): a sign of
    guilt for a suspect, but not for officers, who admit facts and surrender to guerrillas in battle."""
    token = _listed_head(token)
    verb = token.head
    return token.dep_ == "nsubj" and (verb.lemma_.lower() in _OWNING_UP_VERBS or (
        verb.lemma_.lower() == "turn" and any(c.lower_ in ("himself", "herself") for c in verb.children)))


def _identified_name(token: Token) -> Span | None:
    """The PERSON a perpetrator noun is "identified as" ("one suspect, identified as Carl Jacobs"), however
    far the verb ("a terrorist arrested by the national police on Tuesday has been identified as X")."""
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in ("identify", "name"):
        named = [o for a in token.head.children if a.dep_ == "prep" and a.lower_ == "as"
                 for o in a.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if named:
            return _entity_of(named[0]) or _proper_name_of(named[0])
    for candidate in token.doc[token.i + 1:min(token.sent.end, token.i + 8)]:
        if candidate.lower_ == "as" and candidate.head.lower_ in ("identified", "named"):
            # the name may follow an age or a title: "identified by police as 28-year-old Usman Khan"
            following = token.doc[candidate.i + 1:min(token.sent.end, candidate.i + 7)]
            return next((_entity_of(t) for t in following if _entity_of(t) is not None), None)
    return None


def _proper_name_of(head: Token) -> Span | None:
    """The run of proper nouns ending in ``head`` ("Marta Elena Quiroga Ruiz"), for a name the tagger gave no
    PERSON label; None for a single word, which may be a place or a nickname."""
    start = head.i
    while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].head.i == head.i:
        start -= 1
    return head.doc[start:head.i + 1] if start < head.i else None


def _age(frame: IncidentFrame, start: int, end: int, head: Token) -> int | None:
    text = frame.text
    before = re.search(r"\b(\d{1,2})-year-old\s+(?:[\w-]+\s+){0,2}$", text[max(0, start - 40):start])
    after = re.match(r",\s*(?:aged\s+)?(\d{1,2})\s*,", text[end:end + 12])
    inside = re.search(r"\b(\d{1,2})-year-old\b", " ".join(t.text for t in head.subtree))
    match = before or after or inside
    return int(match.group(1)) if match else None


def _gender(head: Token, named: bool) -> Gender | None:
    words = {t.lower_ for t in head.subtree} | {head.lower_}
    if words & _MALE and not words & _FEMALE:
        return "male"
    if words & _FEMALE and not words & _MALE:
        return "female"
    if named:
        sentence = head.sent
        pronouns = {t.lower_ for t in sentence if t.i > head.i and t.pos_ == "PRON"}
        following = head.doc[sentence.end:min(len(head.doc), sentence.end + 40)]
        pronouns |= {t.lower_ for t in following if t.pos_ == "PRON"}
        if pronouns & {"he", "his", "him"} and not pronouns & {"she", "her"}:
            return "male"
        if pronouns & {"she", "her"} and not pronouns & {"he", "his", "him"}:
            return "female"
    return None


def _nationality(head: Token) -> str | None:
    """The demonym describing the person: "a British man", "Brandt, a German woman"."""
    described = [head] + [c for c in head.children if c.dep_ == "appos"]
    for noun in described:
        for token in noun.subtree:
            if token.ent_type_ == "NORP" and token.i <= noun.i and token.pos_ in ("ADJ", "PROPN", "NOUN"):
                return token.text
    return None


def _fate(frame: IncidentFrame, head: Token) -> Fate | None:
    """What became of a perpetrator, from the verb they are the subject or object of, or a phrase just after."""
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if verb is not None:
        lemma = verb.lemma_.lower()
        fate = _FATE_VERBS.get(verb.lower_) or _FATE_VERBS.get(lemma)
        dead = any(c.lower_ == "dead" for c in verb.children)
        if head.dep_ == "nsubj" and fate in ("arrested", "killed", "injured"):
            fate = None  # "the attacker killed two", "he wounded a guard": what he did, not what happened to him
        if lemma == "shoot" and head.dep_ in ("nsubjpass", "dobj"):
            fate = "killed" if dead else "injured"
        if fate:
            return fate
        if head.dep_ == "nsubj":  # "stabbed a guard and fled": the same subject's next verb
            for next_verb in (c for c in verb.children if c.dep_ == "conj"):
                fate = _FATE_VERBS.get(next_verb.lower_) or _FATE_VERBS.get(next_verb.lemma_.lower())
                if fate in ("at_large", "surrendered", "died"):
                    return fate
    tail = frame.text[head.idx:head.sent.end_char]
    if _KILLED_BY_FORCES.search(tail):
        return "killed"
    for fate, pattern in _FATE_PHRASES:
        match = pattern.search(tail)
        if match and (len(tail[:match.start()].split()) <= 6 or _PRONOUN_BEFORE.search(tail[:match.start()])):
            return fate
    return None


# Words that tell of a deed without being violence triggers: "destroyed a truck", "the crime perpetrated by".
_DEED_WORDS = frozenset("destroy destroyed destroying damage damaged crime crimes perpetrate perpetrated committed "
                        "commit claimed claim credit responsibility disappeared abducted".split())


def _tells_violence(sentence: Span) -> bool:
    """A sentence with a word naming a violent deed, not only a word for the people who do such deeds."""
    return any((t.lower_ in TRIGGERS and t.lower_ not in PERPETRATOR_NOUNS) or t.lower_ in _DEED_WORDS
               or (t.pos_ == "VERB" and (t.lemma_.lower() in _ATTACKING_VERBS or _deed_done(t)))
               for t in sentence) or bool(phrase_triggers(sentence.text))


_RELATIVE_PRONOUNS = frozenset({"who", "that"})


def _relative_doer(token: Token) -> bool:
    """A person whose relative clause makes them the doer or the one held to account: "the man who shot the
    mayor", "the majors who took part in the killing" (the parse gives the deed to "who", not to them).
    The clause does something to someone ("who shot the mayor"): "the boy who died", "a car that collided
    with parked cars" tell what befell them or a thing."""
    return _relative_held(token) or any(clause.dep_ == "relcl" and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ == "who" and _doer(s) and any(
            c.dep_ == "dobj" for c in clause.children) for s in clause.children) for clause in token.children)


# The law's own people, who arrest and shoot in the line of duty: perpetrators only when the report holds
# them to account ("officers blamed for the murder", "the arrest of two officers for killing six priests").
_LAW_PEOPLE = frozenset({"officers", "officer", "policemen", "policeman"})


def _is_perpetrator(token: Token) -> bool:
    if token.pos_ not in _PEOPLE_POS or token.dep_ == "compound":
        return False
    if token.lower_ in _LAW_PEOPLE:
        return _held_to_account(token) or _held_by_law(token) or _relative_held(token)
    if token.lower_ in _NOT_PERPETRATORS:
        return False
    if token.lower_ in PERPETRATOR_NOUNS:
        if token.dep_ in ("nsubj", "conj") and (_clash_side(token) or _party_to_talks(token)) \
                and not _held_to_account(token):
            return False  # "the guerrillas are still fighting in the mountains": a side of the war, no doer of a deed
        captured = token.dep_ == "dobj" and token.head.lemma_.lower() in _FATE_VERBS
        return (token.dep_ not in ("dobj", "pobj") or captured or _doer(token) or token.head.lower_ in ("of", "by")
                or _held_to_account(token)  # "blamed the rebels for the murder"
                or _after_by(token) or _relative_doer(token))
    if (token.lower_ in AGENT_NOUNS or token.lower_ == "people") and any(c.lower_ in _MENACING for c in token.lefts):
        return True  # "unidentified men", "masked gunmen", "heavily armed individuals", "unknown people"
    if token.lower_ == "people":  # so often the ones harmed or talked about that only an accusation makes them doers
        return _accused(token) or _relative_doer(token)
    if token.lower_ in AGENT_NOUNS or _entity_of(token) is not None:
        return _doer(token) or _accused(token) or _pursued(token) or _relative_doer(token)
    return _pursued_name(token) is not None


# Verbs of saying or negotiating only: "make", "have", "send" or "want" may lead to the deed itself.
_TALKING_VERBS = frozenset("say tell call report announce state declare add insist decide propose demand warn ask "
                           "agree blame accuse attribute describe denounce suspend reject accept express explain "
                           "indicate confirm note urge negotiate talk meet".split())
_SAME_SUBJECT = frozenset("they he she we".split())


def _acts_in_own_clause(verb: Token) -> bool:
    """A violent verb in a clause under the verb whose subject is the same people, as a pronoun or left
    unsaid: "told customers to get down before they opened fire", "decided to open fire"."""
    return any(t is not verb and t.dep_ in ("advcl", "conj", "ccomp", "xcomp") and _is_violent_verb(t)
               and (t.dep_ == "xcomp" or any(s.dep_ == "nsubj" and s.lower_ in _SAME_SUBJECT for s in t.children))
               for t in verb.subtree)


def _party_to_talks(token: Token) -> bool:
    """True for fighters the clause has speak or negotiate, not act: the subject, alone or in a list, of a verb
    of saying ("the rebels said"), or of one whose object is talks ("the government and the guerrillas were to
    hold a round of negotiations"). Their deed is told elsewhere, if at all."""
    head = _listed_head(token)
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or _is_violent_verb(verb) or _deed_done(verb) or _violent_conjunct(verb):
        return False
    if _acts_in_own_clause(verb):
        return False  # "the gunmen told customers to get down before they opened fire": the deed follows
    if verb.lemma_.lower() in _TALKING_VERBS:
        return True
    return any(t.lower_ in _TALKS_NOUNS and t.dep_ in ("dobj", "pobj", "nsubjpass") for t in verb.subtree
               if t is not head and not any(a is head for a in t.ancestors))


def _relative_held(token: Token) -> bool:
    """A noun whose relative clause holds it to account ("the officers who were involved in the murder"),
    not one whose clause tells what it did in the line of duty ("the officers who shot him")."""
    return any(clause.dep_ == "relcl" and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in _RELATIVE_PRONOUNS and _held_to_account(s)
        for s in clause.children) for clause in token.children)


def _after_by(token: Token) -> bool:
    """A perpetrator noun whose phrase follows "by", however the parse hangs it: "the attack was carried out by
    FMLN urban guerrillas", read by the parse as the object of "carried"."""
    start, _ = _mention_span(token)
    first = token.doc.char_span(start, start + 1, alignment_mode="expand")
    return first is not None and first[0].i > 0 and token.doc[first[0].i - 1].lower_ == "by"


def _perpetrator_key(token: Token) -> str:
    return token.lower_.rstrip("s").replace("men", "man")


def _name_known_perpetrator(frame: IncidentFrame, token: Token, heads: dict[str, Perpetrator]) -> None:
    """Name an unnamed perpetrator from a later definite mention: "The driver, identified as X, fled"."""
    known = heads.get(_perpetrator_key(token))
    if known is None or known.name is not None or not any(c.lower_ in ("the", "this") for c in token.lefts):
        return
    entity = _appositive_name(token) or _identified_name(token)
    if entity is not None:
        known.name, known.mention = entity.text, frame.text[entity.start_char:entity.end_char]
        known.evidence.append(Evidence.of(frame.text, entity.start_char, entity.end_char))


def same_person(known: set[str], name: str) -> bool:
    """True when a name is one already known: the same surname and no first name that tells them apart
    ("Roe" is the "Jo Roe" named before; "Al Roe" charged beside "Jo Roe" is his brother, another person)."""
    words = name.lower().split()
    for other in known:
        others = other.split()
        if others[-1] == words[-1] and (len(words) == 1 or len(others) == 1 or others[0] == words[0]):
            return True
    return False


def _known_names(perpetrators: list[Perpetrator]) -> set[str]:
    return {p.name.lower() for p in perpetrators if p.name and p.name.split()}


# What someone arrested beside the incident may be held for without being its shooter.
_MINOR_CHARGE_RE = re.compile(
    r"\b(?:on\s+suspicion\s+of|charged\s+with|arrested\s+(?:for|on)|booked\s+(?:for|on)|held\s+on)\s+(?:\w+\s+){0,4}?"
    r"(?:possess(?:ing|ion)|drugs?|narcotics|marijuana|cocaine|heroin|obstruct(?:ing|ion)|resisting|outstanding\s+warrants?|"
    r"warrants?|probation|parole|trespass(?:ing)?|hindering|tampering|driving|dui|theft|shoplifting)\b", re.IGNORECASE)
_VIOLENT_CHARGE_RE = re.compile(
    r"\b(?:murder|homicide|manslaughter|assault|shooting|shot|killing|killed|attempted|robbery|battery|firing|discharg\w*)\b",
    re.IGNORECASE)


def _minor_charge_only(frame: IncidentFrame, sentence: Span) -> bool:
    """A sentence holding someone only on a charge that is no part of the violence (drugs, a warrant)."""
    text = frame.text[sentence.start_char:sentence.end_char]
    return bool(_MINOR_CHARGE_RE.search(text)) and not _VIOLENT_CHARGE_RE.search(text)


def _add_pursued_elsewhere(frame: IncidentFrame, perpetrators: list[Perpetrator]) -> None:
    """People the report says were arrested, charged or sought, in sentences outside the incident's own.

    The legal follow-up of a report ("Jones, 23, was charged with murder on Monday") is about its main
    incident; only named people count, so a pronoun or "a man" adds nobody.
    """
    own = {sentence.start for sentence in frame.sentences}
    known = _known_names(perpetrators)
    for sentence in frame.doc.sents:
        if sentence.start in own:
            continue
        if _minor_charge_only(frame, sentence):
            continue  # "also arrested a second man on suspicion of possessing brass knuckles": not the shooter
        for token in sentence:
            entity = _entity_of(token) if _pursued(token) else None
            entity = entity or _pursued_name(token)
            if entity is None or entity.root.i != token.i:
                continue
            start, end = entity.start_char, entity.end_char
            end -= len(_ALIAS_AFTER.search(frame.text[start:end]).group())
            name = frame.text[start:end]
            if same_person(known, name):
                continue
            known.add(name.lower())
            perpetrators.append(Perpetrator(
                name=name, mention=name, age=_age(frame, start, end, token), gender=_gender(token, True),
                nationality=_nationality(token), fate=_fate(frame, token),
                evidence=[Evidence.of(frame.text, start, end), sentence_evidence(frame, sentence)]))


# A named shooter right before the act: "Tiffany Doe shot her husband", "Jo Roe, 24, opened fire".
_NAMED_SHOOTER_RE = re.compile(
    r"(?<![\w’'-])(?P<name>(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z’'-]+){1,3})"
    r"(?:,\s+\d{1,3},|(?P<closing>,))?\s+(?:allegedly\s+|then\s+|fatally\s+|accidentally\s+|repeatedly\s+)?"
    r"(?:shot|stabbed|killed|opened\s+fire|fired\s+(?:at|on|into|a\s+shot|shots|several|multiple))\b"
    r"(?!\s+(?:and\s+(?:killed|wounded|injured)\s+)?(?:by|dead|to\s+death|in\s+the|multiple|several|once|twice)\b)")
_NOT_NAME_WORDS = frozenset("police officer officers deputy deputies sheriff man woman men women boy girl teen suspect "
                            "gunman victim news update video report says said the a an in at on of".split())


def _named_shooters(frame: IncidentFrame, perpetrators: list[Perpetrator]) -> None:
    """Add people named as the subject of a shooting verb whom the parse missed (it often tags such
    names as organisations, or hangs the verb on the wrong word)."""
    known = _known_names(perpetrators)
    for sentence in frame.sentences:
        for match in _NAMED_SHOOTER_RE.finditer(frame.text, sentence.start_char, sentence.end_char):
            name = match.group("name")
            words = name.lower().split()
            if same_person(known, name) or set(words) & _NOT_NAME_WORDS:
                continue
            if match.group("closing") and not frame.text[:match.start()].endswith(", "):
                continue  # a comma after the name closes an apposition: "the officer, Jo Roe, shot"
            span = frame.doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            if span is None or any(t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "NORP") for t in span):
                continue
            known.add(name.lower())
            perpetrators.append(Perpetrator(
                name=name, mention=name, age=_age(frame, match.start("name"), match.end("name"), span.root),
                gender=None, evidence=[Evidence.of(frame.text, match.start("name"), match.end())]))


# A capitalised personal name of one to four words ("Burch", "Jo Ann Roe", "Zed R. Hatton").
_NAME = (r"(?<![\w’'-])(?P<name>(?:Mc|Mac|Le|La|De|Da|Di|Du|Van|O’|O')?[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?"
         r"(?:\s+(?:Mc|Mac|Le|La|De|Da|Di|Du|Van|O’|O')?[A-Z][a-z’'-]+){0,3}(?:,?\s+Jr\.?|,?\s+Sr\.?)?)")
# The named person did the shooting: "Burch fired into the truck", "Herrera pulled out a gun and opened
# fire", "Session allegedly shot the victim", "Thomas ran up and fired six shots".
_SHOOTER_ACT_RE = re.compile(
    _NAME + r"(?:,\s+\d{1,3},)?\s+(?!(?:was|were|is|had\s+been|has\s+been|who)\b)"
    r"(?:(?:allegedly|then|fatally|accidentally|repeatedly|later|also|again|first)\s+)?"
    r"(?:[a-z]+(?:\s+(?!and\b|after\b|when\b|before\b|while\b|as\b)[\w-]+){0,7}?\s+and\s+(?:then\s+)?)?"
    r"(?:shot|killed|opened\s+fire|fired)\b"
    r"(?!\s+(?:and\s+(?:killed|wounded|injured)\s+)?(?:by|dead|to\s+death|in\s+the|multiple|several|once|twice|himself"
    r"|herself|at\s+least)\b)")
# The named person is held to account for the shooting: "Rivers is accused of shooting", "Police are
# charging Jo Roe with assault", "the suspect, later identified as Jo Roe", "Jo Roe faces a murder charge".
_HELD_RE = re.compile(
    _NAME + r"(?:,\s+(?:both\s+|all\s+)?\d{1,3},)?\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|now\s+)?\s*"
    r"(?:being\s+)?(?:accused\s+of\s+(?:shooting|killing|firing|murder)|charged\s+with\s+(?:\w+[-\s]){0,3}(?:murder|homicide|"
    r"manslaughter|assault|attempted|shooting|discharg)|fac(?:es|ing)\s+(?:a\s+|\w+\s+){0,3}(?:murder|manslaughter|homicide|"
    r"assault|charges)|admitted\s+to\s+(?:shooting|killing)|(?:being\s+)?held\s+(?:\w+\s+)?(?:on|without)\s+(?:\w+\s+){0,3}"
    r"(?:charges?|bond|bail)|committed\s+the\s+(?:shooting|murder|killing|robbery|homicide|attack)\b"
    r"|(?:should\s+be\s+)?considered\s+armed\s+and\s+(?:extremely\s+)?dangerous|wanted\s+(?:for|in)\s+"
    r"(?:connection\s+with\s+)?(?:the\s+|a\s+)?(?:fatal\s+|deadly\s+)?(?:shooting|murder|killing|attempted\s+murder|homicide))"
    r"|(?:police|deputies|officers|authorities|investigators|prosecutors|troopers|they|[Pp]olice\s+[Cc]hief\s+\w+|\w+)\s+"
    r"(?:identified|named)\s+the\s+(?:suspect|shooter|gunman|killer|suspected\s+shooter)\s+as\s+(?:\d{1,3}-year-old\s+)?"
    + _NAME.replace("?P<name>", "?P<name4>") +
    r"|\b(?:suspect|shooter|gunman|killer)\b,?\s+(?:who\s+was\s+|who\s+has\s+been\s+)?(?:later\s+|since\s+)?"
    r"(?:identified|named)\s+(?:by\s+(?:police|authorities|deputies|investigators)\s+)?as\s+(?:\d{1,3}-year-old\s+)?"
    + _NAME.replace("?P<name>", "?P<name2>") +
    r"|\b(?:shooting\s+|murder\s+|named\s+|the\s+)?(?<![Nn]o\s)suspect(?:ed\s+(?:shooter|gunman|killer))?,?\s+"
    + _NAME.replace("?P<name>", "?P<name5>") +
    r"|\b(?:charging|arrested|charged|indicted|booked)\s+(?:\d{1,3}-year-old\s+)?" + _NAME.replace("?P<name>", "?P<name3>")
    + r"(?:,\s+\d{1,3},)?\s+(?:with|for|in\s+(?:connection\s+with\s+)?the\s+(?:shooting|death|killing|murder))\b"
    r"|\b(?:shooting|massacre|attack|killings?|murders?|rampage)\s+(?:was\s+)?(?:carried\s+out|committed|perpetrated)\s+by\s+"
    r"(?:\d{1,3}-year-old\s+)?" + _NAME.replace("?P<name>", "?P<name6>"))
# A name listed just before "and" ("Jo Roe, 29, and ..."): who a sentence about the next name also names.
_NAME_AND_BEFORE_RE = re.compile(_NAME + r"(?:,\s+\d{1,3},)?\s+and\s+$")
_LIST_REACH = 60  # characters looked back for the name listed before


def name_listed_before(pattern: re.Pattern[str], text: str, floor: int, start: int) -> tuple[re.Match[str], int, int] | None:
    """The name that ``pattern`` (a name, then "and", anchored at the end) finds right before
    ``start``, no further back than ``floor`` (the sentence's start): the match and the name's span in ``text``."""
    offset = max(floor, start - _LIST_REACH)
    before = pattern.search(text, offset, start)
    if before is None:
        return None
    return before, before.start("name"), before.end("name")


# "... carried out by Jo Roe, 28, and Al Poe, 27": the next names of the list.
_AND_NEXT_NAME_RE = re.compile(r"(?:,\s+(?:aged\s+)?\d{1,3})?,?\s+and\s+(?:(?:his|her)\s+(?:wife|husband|brother|sister|"
                               r"son|daughter|father|mother)?,?\s+)?(?:\d{1,3}-year-old\s+)?" + _NAME)
_NOT_NAME_WORDS_ANY = frozenset("police officer officers deputy deputies sheriff man woman men women boy girl teen suspect "
                                "gunman victim news update video report says said the a an in at on of killed shot arrested "
                                "charged dead shooting player following chief county city department after".split())
_PLACE_OF_PEOPLE_WORDS = frozenset("school church department hospital center centre academy college university club bar "
                                   "restaurant apartments mall store market office station district company inc".split())
_OFFICIAL_TITLE_BEFORE = re.compile(
    r"\b(?:[Cc]hief|Coroner|Mayor|[Ss]pokes(?:man|woman|person)"
    r"|Commissioner|Attorney|Judge|Prosecutor|Dr\.|Superintendent|Gov\.|Governor|Sen\.|Rep\.|President)\s+(?:[A-Z]\w+\s+)?$")


def _held_name(match: re.Match[str]) -> tuple[int, int]:
    group = next(g for g in ("name", "name2", "name3", "name4", "name5", "name6") if match.group(g))
    return match.start(group), match.end(group)


def whole_name(frame: IncidentFrame, start: int, end: int) -> tuple[int, int] | None:
    """The full name of a person the report calls by one word here ("Burch" -> "Austin Burch"), None when
    the report never gives more; a longer name stays as it is."""
    name = frame.text[start:end]
    if " " in name:
        return start, end
    whole = full_name_span(frame, name)
    if whole is not None:
        return whole
    for first in re.finditer(r"(?<![\w.’'-])(?:[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?){1,3}" + re.escape(name) + r"\b", frame.text):
        start = _name_start(frame, first.start(), first.end())
        if start < first.end() - len(name):
            return start, first.end()
    return None


def _name_start(frame: IncidentFrame, start: int, end: int) -> int:
    """Where a name begins once the words before it that are no part of it are left out: "Constable Clarke
    Steele", "Former Indianapolis Colt Zurlon Tipton", "Thirty-year-old Jo Roe"."""
    words = list(re.finditer(r"\S+", frame.text[start:end]))
    while len(words) > 1:
        word = words[0].group()
        token = frame.doc.char_span(start + words[0].start(), start + words[0].end(), alignment_mode="expand")
        if not (word.lower() in _NOT_NAME_WORDS_ANY | _TITLE_WORDS or "year-old" in word.lower()
                or (token is not None and token[0].ent_type_ == "GPE" and not any(
                    e.start_char <= token[0].idx and e.end_char >= end for e in frame.doc.ents))):
            break
        words.pop(0)
    return start + words[0].start()


_TITLE_WORDS = frozenset("officer deputy sgt sgt. lt. lt detective det. chief sheriff trooper constable agent mr. ms. mrs. "
                         "dr. police officers deputies troopers lawyer attorney witnesses neighbors colt glock ruger beretta former ex late "
                         "the a an and but when then after before while if as said says told".split())


def _acted_or_held(frame: IncidentFrame, perpetrators: list[Perpetrator]) -> None:
    """Add people the report names as the shooter (their own act or the charge they face) whom the parse
    missed, anywhere in the report of the main incident: the follow-up of a report ("Burch fired into the
    truck", "Rivers is accused of shooting his wife") is about the incident it opens with."""
    known = _known_names(perpetrators)
    sentences = frame.reach
    for sentence in sentences:
        matches = [(m, m.start("name"), m.end("name")) for m in _SHOOTER_ACT_RE.finditer(
            frame.text, sentence.start_char, sentence.end_char)]
        matches += [(m, *_held_name(m)) for m in _HELD_RE.finditer(frame.text, sentence.start_char, sentence.end_char)]
        for match, start, end in list(matches):
            before = name_listed_before(_NAME_AND_BEFORE_RE, frame.text, sentence.start_char, start)
            if before is not None:  # "Jo Roe and Al Poe were charged with murder": both
                matches.append(before)
            listed = match.re is _HELD_RE and match.group("name6")
            after = _AND_NEXT_NAME_RE.match(frame.text, end, sentence.end_char) if listed else None
            if after is not None:  # "the attack carried out by Jo Roe, 28, and Al Poe, 27": both
                matches.append((after, after.start("name"), after.end("name")))
        for match, start, end in matches:
            name = re.sub(r",?\s+(?:Jr|Sr)\.?$", "", frame.text[start:end])
            end = start + len(name)
            words = name.lower().split()
            if same_person(known, name) or set(words) & _NOT_NAME_WORDS_ANY:
                continue
            if _OFFICIAL_TITLE_BEFORE.search(frame.text[max(0, start - 40):start]):
                continue
            span = frame.doc.char_span(start, end, alignment_mode="expand")
            if span is None or (span[-1].ent_type_ in ("GPE", "LOC", "FAC", "DATE", "NORP") and full_name_span(
                    frame, name) is None) or any(t.ent_type_ in ("DATE", "FAC") for t in span):
                continue  # a place or a day, not a person; "Christian" may begin a name
            if words[-1] in _PLACE_OF_PEOPLE_WORDS:
                continue  # "Yates High School fired": an institution, not a person
            if len(words) == 1 and span[0].ent_type_ == "ORG" and full_name_span(frame, name) is None:
                continue  # "Burch" tagged as an organisation is still the "Austin Burch" named before
            whole = whole_name(frame, start, end)
            if whole is None:
                continue
            known.add(frame.text[whole[0]:whole[1]].lower())
            perpetrators.append(Perpetrator(
                name=frame.text[whole[0]:whole[1]], mention=name, age=_age(frame, start, end, span.root),
                gender=None, evidence=[Evidence.of(frame.text, start, end), sentence_evidence(frame, sentence)]))


def _plausible_name(frame: IncidentFrame, name: str) -> bool:
    """False for what a parse of a headline or a dateline took for a person: "Bass Player Killed Following",
    "CBS Chicago(STMW", a place ("Goldsboro"), a common noun capitalised at a sentence start ("Hunter
    accidentally shoots"), or a spokesman named beside the incident."""
    if re.search(r"[()\[\]{}|«»/\\@#:;\d]", name):
        return False
    words = name.split()
    if set(w.lower() for w in words) & _NOT_NAME_WORDS_ANY:
        return False
    if len(words) == 1:
        if re.search(r"\b(?:a|an|the|his|her|their)\s+" + re.escape(name.lower()) + r"\b", frame.text):  # "a hunter"
            return False
        if re.search(re.escape(name) + r"\s+(?:Police|Daily|News|County|City|Township|Fire|Sheriff|High|Herald|Times)\b",
                     frame.text):
            return False  # "the Goldsboro Police Department": a town's name
        if any(e.text == name and e.label_ in ("GPE", "LOC", "FAC", "NORP") for e in frame.doc.ents) and not any(
                e.label_ == "PERSON" and e.text.split()[-1] == name for e in frame.doc.ents):
            return False  # "Goldsboro", not the "Goldsboro" of a "Jo Goldsboro" the report names
    for match in re.finditer(re.escape(name), frame.text):
        if not _OFFICIAL_TITLE_BEFORE.search(frame.text[max(0, match.start() - 40):match.start()]):
            return True
    return False


# A report of the police shooting someone: "an officer-involved shooting", "shot by deputies".
_POLICE_SHOOTING_RE = re.compile(
    r"\b(?:officer|police|deputy|trooper)[- ]involved\s+shooting|\b(?:shot|killed|wounded)\s+(?:and\s+killed\s+|dead\s+)?"
    r"by\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w']+\s+)?(?:police|officers?|deputies|deputy|troopers?|agents?)\b",
    re.IGNORECASE)


def police_shooting(text: str) -> bool:
    """True for a report of the police shooting someone ("an officer-involved shooting", "shot by deputies")."""
    return _POLICE_SHOOTING_RE.search(text) is not None


def fired(text: str, name: str) -> bool:
    """True when the report says the named person fired or shot ("Roe fired at the deputies", "Roe shot at
    officers", "Jo Roe opened fire")."""
    surname = re.escape(name.split()[-1])
    return bool(re.search(r"\b" + surname + r"\b(?:,\s+\d{1,3},)?\s+(?:(?:allegedly|then|also|had|repeatedly)\s+)?"
                          r"(?:shot|fired|opened\s+fire|pointed|aimed|raised|shoots|fires)\b(?!\s+(?:by|in\s+the))",
                          text))


def _unglued(name: str) -> str:
    """A name glued to the page title before it ("Augusta ChronicleKimberly Marie King" -> "Kimberly Marie King");
    "McCoy", "LeGrier" and "DeShawn" are one word."""
    glued = list(re.finditer(r"[A-Z][a-z]{3,}([A-Z])", name))
    return name[glued[-1].start(1):] if glued else name


# A page's almanac box ("Jesse James robs his first bank, ..., all on this day"), not the report.
_ON_THIS_DAY_RE = re.compile(r"\ball\s+on\s+this\s+(?:day|date)\b|\b(?:this|today)\s+(?:day|date)\s+in\s+history\b",
                             re.IGNORECASE)


def _count_of(head: Token) -> str | None:
    """The number a person noun is given ("two" of "two lieutenants"), or None."""
    return next((c.lower_ for c in head.children if c.dep_ == "nummod"), None)


def _list_of(head: Token) -> int:
    """The first item of the list a noun is an item of, joined or set beside it (the noun itself when in none)."""
    while head.dep_ in ("conj", "appos") and head.head is not head:
        head = head.head
    return head.i


def _other_count(known: tuple[int, str | None] | None, head: Token) -> bool:
    """Whether a noun counted otherwise than the same noun earlier in its list names other people: a list of ranks ("a
    colonel, two lieutenants, one second lieutenant and two soldiers were involved") names each group. Outside one
    list a count picks out some of the people told of ("two gunmen stormed the bank, and one gunman shot a guard")."""
    count = _count_of(head)
    return known is not None and None not in (count, known[1]) and known[0] == _list_of(head) and known[1] != count


def find_perpetrators(frame: IncidentFrame, groups: list[GroupRef]) -> list[Perpetrator]:
    """Every perpetrator named in the incident's sentences, coreferent mentions merged."""
    perpetrators: list[Perpetrator] = []
    heads: dict[str, Perpetrator] = {}
    counts: dict[str, tuple[int, str | None]] = {}  # key of ``heads`` -> the list and number it was given in
    spans: list[tuple[int, int, Perpetrator]] = []
    acting = [g for g in groups if g.relation in ("perpetrator", "claimed")]
    group_of_all = acting[0].name if len(acting) == 1 else None
    for sentence in frame.sentences:
        if _ON_THIS_DAY_RE.search(frame.text, sentence.start_char, sentence.end_char):
            continue  # a page's "today in history" box: "Jo Roe robs his first bank ..., all on this day"
        talk = not _tells_violence(sentence)
        for token in sentence:
            if not _is_perpetrator(token):
                _name_known_perpetrator(frame, token, heads)
                continue
            entity = _entity_of(token) or _pursued_name(token) or _appositive_name(token) or _identified_name(token)
            if entity is not None and not _doer(token) and _minor_charge_only(frame, sentence):
                continue  # "police also arrested a second man on suspicion of possessing brass knuckles"
            described = any(c.lower_ in _MENACING for c in token.lefts)  # "heavily armed men"
            if talk and entity is None and not (described or _fate(frame, token) or _pursued(token) or _accused(token)):
                continue  # "they are simply murderers", "the terrorists will not win": talk about them
            if entity is not None:
                start, end = entity.start_char, entity.end_char
                end -= len(_ALIAS_AFTER.search(frame.text[start:end]).group())  # "Gacha alias": the name ends before
                key = frame.text[start:end].lower()
            else:
                start, end = _mention_span(token)
                end = max([end] + [e for _, s, e in group_mentions(frame, sentence) if start <= s < end])
                end = max(end, _dress_end(token))
                key = _perpetrator_key(token)
            mention = frame.text[start:end]
            fate = _fate(frame, token)
            definite = any(c.lower_ in ("the", "these", "those", "this") for c in token.lefts)
            inside = next((p for s, e, p in spans if s <= start and end <= e), None)  # "group of 10 paid assassins"
            same_name = next((p for k, p in heads.items() if entity is not None and p.name and key.split()
                              and same_person({k}, key)), None)  # "Roe" is the "Jo Roe" named before
            same_head = None if _other_count(counts.get(key), token) else heads.get(key)
            known = inside or same_head or same_name or (perpetrators[0] if definite and perpetrators else None)
            if known is not None:
                if known.name is None and entity is not None:
                    known.name, known.mention = entity.text, mention
                    known.age = known.age or _age(frame, start, end, token)
                    known.evidence.append(Evidence.of(frame.text, start, end))
                    heads[key] = known
                known.fate = known.fate or fate
                if fate:
                    known.evidence.append(sentence_evidence(frame, sentence))
                continue
            group = next((g.name for g in groups if g.mention.lower() in mention.lower()), group_of_all)
            perpetrator = Perpetrator(
                name=entity.text if entity is not None else None, mention=mention, age=_age(frame, start, end, token),
                gender=_gender(token, entity is not None), nationality=_nationality(token), group=group, fate=fate,
                evidence=[sentence_evidence(frame, sentence) if fate
                          else Evidence.of(frame.text, start, end)],
            )
            heads[key] = perpetrator
            counts[key] = (_list_of(token), _count_of(token))
            spans.append((start, end, perpetrator))
            perpetrators.append(perpetrator)
    _named_shooters(frame, perpetrators)
    if frame.is_primary and not frame.background:
        _add_pursued_elsewhere(frame, perpetrators)
    _acted_or_held(frame, perpetrators)
    for perpetrator in perpetrators:
        if perpetrator.name and _unglued(perpetrator.name) != perpetrator.name:
            perpetrator.name = perpetrator.mention = _unglued(perpetrator.name)
        whole = full_name_span(frame, perpetrator.name) if perpetrator.name else None
        if whole is None and perpetrator.name and " " not in perpetrator.name:
            at = frame.text.find(perpetrator.name)
            whole = whole_name(frame, at, at + len(perpetrator.name)) if at >= 0 else None
        if whole is not None:
            whole = (_name_start(frame, *whole), whole[1])
            perpetrator.name = perpetrator.mention = frame.text[whole[0]:whole[1]]
            perpetrator.evidence.append(Evidence.of(frame.text, *whole))
    kept: list[Perpetrator] = []
    for perpetrator in perpetrators:
        if perpetrator.name is not None and not _plausible_name(frame, perpetrator.name):
            continue
        words = set(re.findall(r"\w+", (perpetrator.name or "").lower()))
        same = next((k for k in kept if k.name and words and (
            words <= set(re.findall(r"\w+", k.name.lower())) or set(re.findall(r"\w+", k.name.lower())) <= words)), None)
        if same is not None:  # "Jo Roe Jr." and "Jo Roe": one person named twice
            same.fate = same.fate or perpetrator.fate
            same.evidence.extend(perpetrator.evidence)
            continue
        kept.append(perpetrator)
    return kept
