"""Stage 6a, quotes: direct and reported speech with its speaker.

Entry point: ``find_quotes(doc) -> list[Quote]``.

- Direct quotes are the words between double quotation marks (straight, curly or typewriter
  ``...''). The cue verb and speaker come from the words after the closing mark (``"...," he
  said``), before the opening one (``Hassan said: "..."``) or a dash signature (``"..." ― Ana
  Ruiz``); a quote without any that follows another one closely (``"We will find them," he
  said. "They will pay."``) continues it. Short quoted words without a cue are scare quotes.
- Reported speech is what a speech or belief verb governs (``Police said the attacker acted
  alone``, ``officials believe that ...``, ``the group vowed to strike again``, ``the ministry
  denied the report``), what a report noun states (``the claim that ...``), or the clause an
  ``according to`` phrase qualifies.
- A pronoun speaker (``he said``) is resolved to the last named person of matching gender,
  among earlier speakers first; its mention becomes the antecedent's (RECORD.md example).

Offsets and texts are cut from ``doc._.article_text`` (the Doc may be truecased, see nlp.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import numpy
from spacy.tokens import Doc, Span, Token

from .models import Quote
from .nlp import doc_text, first_name_gender

SPEECH_VERBS = frozenset(
    """say tell add claim warn state announce report confirm deny explain note insist argue write
    tweet post acknowledge admit allege declare reply respond ask suggest predict stress reveal
    comment testify recall describe assert maintain conclude estimate believe think know
    caution vow promise threaten contend complain agree emphasize emphasise indicate show
    """.split()
)
# Verbs that introduce a direct quote; belief verbs ("you know", "I think") near a quote do not.
DIRECT_CUE_VERBS = (SPEECH_VERBS - {"know", "think", "believe", "show", "indicate", "agree", "estimate", "conclude"}) | {
    "demand", "observe", "boast", "quip", "counter", "retort", "exclaim", "shout", "yell", "scream", "chant", "plead",
    "joke", "concede", "continue", "muse", "recount", "read"}
# Verbs whose clausal complement is reported speech or belief even without "that".
REPORTING_VERBS = (SPEECH_VERBS - {"know", "describe", "comment", "recall", "post"}) | frozenset(
    """learn question wonder hear read feel suspect fear hope doubt worry assume expect find realize
    realise recognize understand decide reckon joke boast concede urge signal hint demand propose
    recommend""".split()
)
# Verbs with a that-clause that is not something said or believed.
NOT_REPORTING = frozenset("be become seem appear mean ensure make assume forget panic start remain".split())
# Verbs whose "to" complement reports an intention or demand: "vowed to retaliate".
INTENTION_VERBS = frozenset(
    """promise pledge vow threaten plan intend want seek urge demand call hope expect refuse offer agree decline ask prefer
    tell order instruct encourage advise warn remind invite beg implore press persuade convince""".split()
)
# Speech acts whose object or prepositional object states what was said: "denied the report",
# "called for calm", "complained about the delays".
STANCE_VERBS = frozenset(
    """announce report confirm deny claim reveal discuss mention cite criticize criticise praise blame
    condemn question dispute reject support endorse oppose welcome describe defend demand propose
    predict acknowledge admit doubt fear promise pledge vow threaten dismiss slam blast view consider
    recommend accept suggest explain highlight emphasize emphasise stress tout back favor
    favour insist complain speak talk comment call warn express voice repeat decry denounce applaud
    hail lament argue outline detail note accuse disclose want prefer vote mock ridicule deride rebuke chide
    scold lambaste laud champion echo reiterate downplay embrace thank congratulate""".split()
)
# Verbs that take a stance through one preposition of their own: "referred to the report",
# "railed against the deal", "took a swipe at the mayor".
PHRASAL_STANCE_VERBS = {
    **dict.fromkeys("refer point".split(), "to"), **dict.fromkeys("focus reflect".split(), "on"),
    **dict.fromkeys("swipe balk".split(), "at"), **dict.fromkeys("advocate vouch apologize apologise".split(), "for"),
    "rail": "against",
}
# Nouns of a stance and the preposition naming what it is on: "her support for the levy",
# "his criticism of the police", "calls for calm". Not "attack on" (in this news an attack is
# rarely words) nor "endorsement of" (of whom gives it as often as of whom it backs).
STANCE_NOUNS = {
    **dict.fromkeys("support praise call demand plea appeal proposal".split(), ("for",)),
    **dict.fromkeys("criticism defense defence condemnation denial announcement".split(), ("of",)),
    **dict.fromkeys("opposition objection".split(), ("to",)),
    **dict.fromkeys("concern complaint".split(), ("about", "over")),
}
SPEAKER_PREPOSITIONS = frozenset({"of", "at", "for", "in", "from"})
STANCE_PREPOSITIONS = frozenset({"about", "of", "for", "on", "against"})
REPORT_NOUNS = frozenset(
    """claim report allegation statement announcement belief warning assertion suggestion fear
    argument view notion accusation assurance promise threat rumor rumour evidence""".split()
)
# What a pronoun speaker refers to: a man, a woman, or a group or organisation ("it added").
PRONOUN_REFERENT = {"he": "male", "she": "female", "they": "group", "it": "group"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Passive verbs whose subject is the one speaking: "was quoted as saying", "was heard telling".
HEARD_SAYING = frozenset("quote hear overhear record film catch".split())
# A verb without its own subject that takes the subject of the verb above it.
INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "acomp"})  # acomp: "are likely to say"
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
MIN_DIRECT_WORDS = 4  # shorter quoted words are scare quotes or titles unless a cue introduces them
CONTINUATION_GAP = 250  # characters between two quotes for the second to continue the first
LEAD_WINDOW = 160  # characters before an opening mark searched for the verb introducing it
PRONOUN_LOOKBACK = 1500  # characters to look back for a pronoun's antecedent
ADJACENT_TOKENS = 3  # words between a short quote and its cue ("called the senator a")
POSSESSIVE_BEFORE = re.compile(r"['’]s\s*(?:``|[\"“])$")
MAX_TITLE_WORDS = 6
TITLE_SMALL_WORDS = frozenset("a an the and or of with for in on at to by from is are as vs".split())
NESTED_SLACK = 2  # a quoted phrase may end a mark or stop after the reported clause that holds it

MARKUP = re.compile(r"<[a-zA-Z/][^<>\n]{0,300}>")  # tags left in text: <tweet author="...">
CLAUSE_STOP = re.compile(r"[\"“”.!?\n]")
# A full stop after these ends a title or an initial, not a sentence: Mr. Sen. Gov. U.S. D-Wis.
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Rev|Prof|Pres|Atty)"
                          r"|\b[A-Z]|-[A-Z][a-z]{1,4}|\b[A-Z][a-z]?\.[A-Z])$")
# "PENCE: Well, ...", '"WALLACE: Let's start ...': a transcript turn and who speaks it.
SPEAKER_LABEL = re.compile(r"\s*(?P<mark>``|[\"“])?\s*(?P<name>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s+(?=\S)")
NOT_SPEAKER_LABELS = frozenset(
    "UPDATE UPDATED WATCH VIDEO PHOTOS PHOTO BREAKING CORRECTION NOTE EDITOR'S NOTE RELATED READ MORE ALSO READ "
    "SOURCE SOURCES CREDIT WARNING ADVERTISEMENT EXCLUSIVE LIVE Q A CLARIFICATION BYLINE EMAIL DEVELOPING ANALYSIS "
    "OPINION COMMENTARY TIMELINE TRANSCRIPT TAGS TOPICS FOLLOW CONTACT SUBSCRIBE SHARE".split()
) | {"EDITOR'S NOTE", "READ MORE", "ALSO READ"}
LABEL_MAX = 40  # characters from an opening mark to the end of the speaker's label in it
# "Police: Gunman knew the victims", "Sen. Ana Ruiz on the Budget: We Will Not Cut": a headline
# or line that opens with who says it, in capitalised words, and a colon.
NAMED_LABEL = re.compile(r"\s*(?P<name>[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|[a-z]{1,3})){0,8}):\s+(?=\S)")
# Who a headline label may name without a name of its own: "Police: ...", "Poll: ...".
LABEL_SOURCES = frozenset(
    """police officials official authorities witnesses witness sheriff prosecutors investigators poll report
    study survey newspaper coroner family""".split()
)
# Common nouns for people who may hold a view: "residents voiced concern about ...".
PEOPLE_NOUN = re.compile(
    r"(?:resident|neighbou?r|parent|famil(?:y|ie)|relative|friend|student|teacher|worker|employee|member|leader|"
    r"activist|advocate|lawmaker|legislator|politician|mayor|governor|senator|president|minister|chief|pastor|"
    r"union|group|council|church|community|committee|organi[sz]ation|agency|department|government|administration|"
    r"critic|supporter|protester|official|expert|lawyer|attorney|spokes(?:man|woman|person)|victim|citizen|"
    r"voter|owner|people|m[ae]n|wom[ae]n)s?"
)
# Imperatives that open a notice to the reader: "Police: Call 555-0100 with any information".
CALL_TO_ACTION = frozenset("call contact visit email e-mail text click dial submit donate".split())
CONTACT_DETAILS = re.compile(r"\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}|\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
# What may stand between a reported clause and quoted words that carry it on.
QUOTE_JOIN = re.compile(r"[\s,;:—–-]*(?:(?:and|or|but|then|that|as|of|is|was|are|were|to|be|a|an|the)\s+)*"
                        r"(?:``|[\"“”])\s*")
QUOTE_MARKS = re.compile(r"``|''|[\"“”]")  # `` and '' are the typewriter marks of some wire copy
OPENING_MARKS = ("“", "``")
DASH_SIGNATURE = re.compile(r"\s*(?:''|[\"”])\s*[―—–]\s*([^\n,(\"“”]{2,80}?)\s*(?:[\n,(]|$)")
CLOSING_MARK = re.compile(r"\s*(?:''|[\"”])")


@dataclass
class Speaker:
    """Who said it: the name and the full span naming them, both cut from the article text."""

    name: str | None
    mention: str | None
    start: int
    gender: str | None = None
    person: bool = False


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quotation in the document, direct and reported, in text order."""
    text: str = doc._.article_text
    names = [ent for ent in doc.ents if ent.label_ in NAME_LABELS]
    quoted = quoted_spans(text)
    long_quotes = [(start, end) for start, end in quoted if len(text[start:end].split()) >= MIN_DIRECT_WORDS]
    found: list[tuple[Quote, Speaker | None]] = []
    for cue_token, content_start, content_end, speaker_token in _reported(doc, text, long_quotes):
        speaker = _speaker(doc, text, names, speaker_token) if speaker_token is not None else None
        cue_end = cue_token.nbor().idx + 2 if cue_token.lower_ == "according" else cue_token.idx + len(cue_token)
        cue = text[cue_token.idx : cue_end]
        content_end = _through_quotes(text, content_end, quoted)
        found.append((_quote(text, content_start, content_end, cue, speaker, direct=False), speaker))
    labelled = _transcript_turns(text, quoted, names)
    for start, end, speaker in labelled:
        found.append((_quote(text, start, end, None, speaker, direct=True), speaker))
    quoted = [(start, end) for start, end in quoted if not any(s - LABEL_MAX <= start <= s for s, _, _ in labelled)]
    for start, end in quoted:
        short = len(text[start:end].split()) < MIN_DIRECT_WORDS
        if len(text[start:end].split()) <= MAX_TITLE_WORDS and _names_a_title(text, start, end):
            continue
        attributed = _attribute_direct(doc, text, names, start, end)
        if attributed is None:
            attributed = _continued(found, start)
        if attributed is None and short:
            continue
        cue, speaker = attributed if attributed else (None, None)
        found.append((_quote(text, start, end, cue, speaker, direct=True), speaker))
    found = _outermost(found)
    people = [ent for ent in names if ent.label_ == "PERSON"]
    return [_full_name(_resolve_pronoun(quote, speaker, found, names, text), people, text) for quote, speaker in found]


def _through_quotes(text: str, end: int, quoted: list[tuple[int, int]]) -> int:
    """Where a reported clause ends when the parse stopped it just before the quoted words that
    finish it (``he knows that "Marta will always be the best"``, ``called him "a liar" and
    "a fraud"``): at the end of those words."""
    for start, quote_end in quoted:
        if start > end and QUOTE_JOIN.fullmatch(text, end, start):
            end = quote_end
    return end


def _outermost(found: list[tuple[Quote, Speaker | None]]) -> list[tuple[Quote, Speaker | None]]:
    """The quotes in text order, minus those inside another: a quoted phrase within a reported
    clause (``said Clinton's team acted to "keep the details under wraps"``) or a clause reported
    within a longer one is part of that one statement, not a second one."""
    ordered = sorted(found, key=lambda item: (item[0].start, -item[0].end))
    kept: list[tuple[Quote, Speaker | None]] = []
    reach = -1
    for item in ordered:
        quote = item[0]
        if quote.end <= reach + NESTED_SLACK:
            continue
        kept.append(item)
        reach = max(reach, quote.end)
    return kept


# --------------------------------------------------------------------------- direct quotes


def _continued(found: list[tuple[Quote, Speaker | None]], start: int) -> tuple[str | None, Speaker | None] | None:
    """The cue and speaker of the quote just before ``start``, when this one continues it."""
    before = [(quote, speaker) for quote, speaker in found if start - CONTINUATION_GAP <= quote.end <= start]
    if not before:
        return None
    quote, speaker = max(before, key=lambda item: item[0].end)
    return quote.cue, speaker


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of double quotation marks, marks excluded.

    A quote left open at the end of a paragraph ends there: news style reopens it in the next.
    """
    spans: list[tuple[int, int]] = []
    scanned = MARKUP.sub(lambda tag: " " * len(tag.group()), text)  # attribute values are not quotes
    for paragraph in re.finditer(r"[^\n]+", scanned):
        open_at: int | None = None
        nested = 0  # curly quotes inside a curly quote: “... calls it “hell” ...”
        for mark in QUOTE_MARKS.finditer(paragraph.group()):
            at = paragraph.start() + mark.start()
            if open_at is None:
                open_at = at + len(mark.group())
            elif mark.group() in OPENING_MARKS:
                nested += 1
            elif nested and mark.group() == "”":
                nested -= 1
            else:
                spans.append((open_at, at))
                open_at = None
        if open_at is not None:
            spans.append((open_at, paragraph.end()))
    return [_strip(text, start, end) for start, end in spans if text[start:end].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _transcript_turns(text: str, quoted: list[tuple[int, int]], names: list[Span]) -> list[tuple[int, int, Speaker]]:
    """Turns of a transcript: a paragraph, or a quoted one, opening with its speaker's name in
    capitals and a colon (``PENCE: Well, look ...``), and headlines or lines that open with their
    source (``Police: Gunman knew the victims``). The words after the colon are the quote."""
    turns = []
    opening = {start for start, _ in quoted}
    for paragraph in re.finditer(r"[^\n]+", text):
        label = SPEAKER_LABEL.match(text, paragraph.start(), paragraph.end())
        if label is None or label.group("name").upper() in NOT_SPEAKER_LABELS:
            speaker = _named_label(text, paragraph.start(), paragraph.end(), names)
            if speaker is None:
                continue
            label_end = speaker[1]
            speaker = speaker[0]
        elif label.group("mark") and label.start("name") not in opening:
            continue
        else:
            label_end = label.end()
            speaker = Speaker(label.group("name"), label.group("name"), label.start("name"))
        start, end = _strip(text, label_end, paragraph.end())
        while end > start and text[end - 1] in "\"“”'":
            end -= 1
        if end - start > 10:
            turns.append((start, end, speaker))
    return turns


def _named_label(text: str, start: int, end: int, names: list[Span]) -> tuple[Speaker, int] | None:
    """The speaker a line opens with and where its label ends: ``Sen. Ana Ruiz: ...`` names a
    person or organisation, ``Police: ...`` a source; ``Update: ...`` or ``Photo: ...`` none."""
    label = NAMED_LABEL.match(text, start, end)
    if label is None:
        return None
    words = label.group("name").split()
    if not words[-1][0].isupper() or {words[0].upper(), words[-1].upper()} & NOT_SPEAKER_LABELS or len(
        text[label.end() : end].split()
    ) < 3 or _calls_to_action(text[label.end() : end]):
        return None
    label_start, label_end = label.span("name")
    inside = [ent for ent in names if label_start <= ent.start_char and ent.end_char <= label_end
              and ent.label_ in ("PERSON", "ORG")]
    mention = label.group("name")
    if inside:
        entity = min(inside, key=lambda ent: (ent.label_ != "PERSON", ent.start_char))
        name = text[entity.start_char : entity.end_char]
        person = entity.label_ == "PERSON"
        gender = first_name_gender(name.split()[0]) if person else None
        return Speaker(name, mention, label_start, gender, person), label.end()
    if words[-1].lower() in LABEL_SOURCES:
        return Speaker(mention, mention, label_start), label.end()
    return None


def _calls_to_action(line: str) -> bool:
    """Words after a label that ask the reader to act (``Call 555-0100 with information``) or
    are mostly a phone number or web address: a notice, not something the source said."""
    first = re.match(r"[A-Za-z]+", line)
    if first is not None and first.group().lower() in CALL_TO_ACTION:
        return True
    return len(CONTACT_DETAILS.sub("", line).strip()) < len(line.strip()) / 2


def _opens_sentence(text: str, start: int) -> bool:
    """True when the quote (its mark at ``start - 1``) begins a sentence or paragraph, as speech
    does; a few quoted words inside a sentence are a phrase the writer borrows."""
    before = text[: max(start - 1, 0)].rstrip(" `'\"“")
    return not before or before[-1] in ".!?:\n\"”"


def _names_a_title(text: str, start: int, end: int) -> bool:
    """Quoted words that name a show, book or film: after a possessive (``MSNBC's "Morning Joe"``)
    or capitalised like a title (``"Meet the Press"``, ``"Orange Is the New Black"``)."""
    if POSSESSIVE_BEFORE.search(text, max(0, start - 4), start):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    if not 2 <= len(words) <= MAX_TITLE_WORDS or text[start:end].isupper():
        return False
    return all(word[0].isupper() or word.lower() in TITLE_SMALL_WORDS for word in words) and words[0][0].isupper()


def _attribute_direct(
    doc: Doc, text: str, names: list[Span], start: int, end: int, adjacent: bool = False
) -> tuple[str | None, Speaker | None] | None:
    """The cue and speaker of the quote at text[start:end], from the words around its marks.

    ``adjacent``: only a cue next to the marks counts (``called it "a disgrace"``, ``"Never," he
    said``); a few quoted words further from the verb are a name or a phrase held at a distance."""
    cue = _cue_after(doc, text, end) or _cue_before(doc, text, start)
    if cue is not None and adjacent and not _next_to(doc, cue, start, end):
        cue = None
    if cue is None:
        return _dash_signature(doc, text, names, end) or _colon_lead(doc, text, names, start)
    subject = _subject_of(cue)
    return text[cue.idx : cue.idx + len(cue)], _speaker(doc, text, names, subject) if subject is not None else None


def _next_to(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """At most ADJACENT_TOKENS words between the cue and the quotation marks."""
    if cue.idx >= end:
        between = doc.char_span(end, cue.idx, alignment_mode="expand")
    else:
        between = doc.char_span(cue.idx + len(cue), start, alignment_mode="expand")
    words = [t for t in between if not t.is_punct and not t.is_space] if between is not None else []
    return len(words) <= ADJACENT_TOKENS


def _dash_signature(doc: Doc, text: str, names: list[Span], quote_end: int) -> tuple[None, Speaker] | None:
    """A speaker signed after a dash: ``"..." ― Maria Lopez``; there is no cue word."""
    signature = DASH_SIGNATURE.match(text, quote_end)
    if signature is None:
        return None
    start, end = signature.span(1)
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    entity = _name_in(span, names, span.root)
    name = text[entity.start_char : entity.end_char] if entity is not None else text[start:end]
    person = entity is not None and entity.label_ == "PERSON"
    return None, Speaker(name, text[start:end], start, first_name_gender(name.split()[0]) if person else None, person)


def _colon_lead(doc: Doc, text: str, names: list[Span], quote_start: int) -> tuple[str, Speaker] | None:
    """The clause that a colon ends just before the quote, even at the end of the paragraph above:
    ``Breitbart News responded:``, ``Cruz continued:``, ``the mayor released a statement:``.
    Its verb, a speech verb or one whose object is a statement, is the cue and its subject the
    speaker; ``found a note in the car:`` says nothing, and ``it`` (``Wait, it gets better:``) is none."""
    window_start = max(0, quote_start - LEAD_WINDOW)
    lead = text[window_start:quote_start].rstrip().rstrip("`\"“").rstrip()
    if not lead.endswith(":"):
        return None
    colon_at = window_start + len(lead) - 1
    colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
    if colon is None or colon[0].i == colon[0].sent.start:
        return None
    verb = _verb_before(colon[0])
    if verb is None or not _introduces_speech(verb):
        return None
    subject = _subject_of(verb)
    if subject is None or subject.lower_ in ("it", "this", "that", "there"):
        return None
    return text[verb.idx : verb.idx + len(verb)], _speaker(doc, text, names, subject)


def _verb_before(colon: Token) -> Token | None:
    """The verb of the clause a colon ends, in its sentence before it; the parse often hangs the
    colon on a word of the quote after it, or on the object (``released a statement:``)."""
    word = colon.head if colon.sent.start <= colon.head.i < colon.i else colon.nbor(-1)
    for _ in range(4):
        if word.pos_ in ("VERB", "AUX"):
            return word
        if word.head is word or not colon.sent.start <= word.head.i < colon.i:
            return None
        word = word.head
    return None


def _introduces_speech(verb: Token) -> bool:
    """A verb of saying (``responded:``, ``called them on it:``) or one whose object is a
    statement (``released a statement:``)."""
    if verb.lemma_ in DIRECT_CUE_VERBS or verb.lemma_ in SPEECH_VERBS or verb.lemma_ in STANCE_VERBS:
        return True
    return any(child.dep_ == "dobj" and child.lemma_ in REPORT_NOUNS for child in verb.children)


def _cue_after(doc: Doc, text: str, quote_end: int) -> Token | None:
    """A speech verb in the few words after the closing mark, before the sentence ends."""
    closing = CLOSING_MARK.match(text, quote_end)
    after = closing.end() if closing else quote_end
    window_end = _clause_end(text, after, after + 120)
    if window_end == after:
        return None
    span = doc.char_span(after, window_end, alignment_mode="expand")
    return next((t for t in span if _is_direct_cue(t)), None) if span else None


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the words from ``start`` stop: a quotation mark, a line break or a sentence end, but
    not the full stop of a title or initial (``Sen. Gwen Moore (D-Wis.) said``)."""
    for stop in CLAUSE_STOP.finditer(text, start, min(limit, len(text))):
        if stop.group() != "." or not ABBREVIATION.search(text, max(0, stop.start() - 8), stop.start()):
            return stop.start()
    return min(limit, len(text))


def _cue_before(doc: Doc, text: str, quote_start: int) -> Token | None:
    """A speech verb introducing the quote in its sentence: ``Hassan said: "..."``, ``called it "..."``."""
    window_end = max(quote_start - 1, 0)
    lead_start = max(window_end - LEAD_WINDOW, 0)
    for stop in CLAUSE_STOP.finditer(text, lead_start, window_end):
        if stop.group() != "." or not ABBREVIATION.search(text, max(0, stop.start() - 8), stop.start()):
            lead_start = stop.end()
    span = doc.char_span(lead_start, window_end, alignment_mode="contract")
    if span is None:
        return None
    return next((t for t in reversed(span) if _is_direct_cue(t)), None)


def _is_direct_cue(token: Token) -> bool:
    """A verb that introduces quoted words: "said", "added", "demanded", or "put it" (``as the
    memo put it, "..."``)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.lemma_ in DIRECT_CUE_VERBS or (
        token.lemma_ == "put" and any(child.lower_ == "it" and child.dep_ == "dobj" for child in token.children)
    )


# --------------------------------------------------------------------------- reported speech


def _reported(doc: Doc, text: str, direct: list[tuple[int, int]]) -> list[tuple[Token, int, int, Token | None]]:
    """(cue, content start, content end, speaker token) for each reported clause outside direct quotes."""

    def quoted_share(start: int, end: int) -> float:
        inside = sum(max(0, min(end, d_end) - max(start, d_start)) for d_start, d_end in direct if d_start < end)
        return inside / max(end - start, 1)

    found: list[tuple[Token, int, int, Token | None]] = []
    for cue, reported in _candidate_reports(doc):
        if reported is None or quoted_share(cue.idx, cue.idx + 1) > 0:
            continue
        if reported[2] is None and cue.dep_ == "acl":
            cue, reported = _speech_verb_above(cue, reported)
        start, end = _within_paragraph(text, cue.idx, *reported[:2])
        while end > start and text[end - 1] in ".,;:":
            end -= 1
        if _says_something(doc, start, end) and quoted_share(start, end) <= 0.5:
            found.append((cue, start, end, reported[2]))
    return _split_coordinated(text, found)


def _says_something(doc: Doc, start: int, end: int) -> bool:
    """Whether a reported span holds a statement: a clause of a few words, or the name a stance is
    taken on (``endorsed Ruiz``), not a bare ``so``, ``that`` or ``the plan``, which says too little."""
    if end - start > 10:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ == "PROPN" and t.ent_type_ not in TIME_ENTITIES for t in span
    )


def _within_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """The part of text[start:end] in the paragraph holding ``at``: a parse that runs a clause
    over a line break has joined a headline or the next paragraph to it."""
    paragraph_start = text.rfind("\n", 0, at) + 1
    paragraph_end = text.find("\n", at)
    start = max(start, paragraph_start)
    end = min(end, paragraph_end) if paragraph_end >= 0 else end
    return _strip(text, start, max(start, end))


def _split_coordinated(
    text: str, found: list[tuple[Token, int, int, Token | None]]
) -> list[tuple[Token, int, int, Token | None]]:
    """A clause that runs on into a second statement of the same speaker ends where that one
    begins: ``said the review would start soon and warned against hackers`` is two statements,
    ``... the air was bad, adding that ...`` too. The second cue has no subject of its own."""
    result = []
    for cue, start, end, speaker in found:
        for other, other_start, other_end, _ in found:
            if not (start < other.idx < end and other_end >= end - NESTED_SLACK and other_start > other.idx):
                continue
            if other.lemma_ not in DIRECT_CUE_VERBS or other.dep_ not in ("conj", "advcl") or any(
                child.dep_ in SUBJECT_DEPS for child in other.children
            ):
                continue
            cut = other.idx
            lead = other.i - 1
            while lead >= 0 and other.doc[lead].idx >= start and (
                other.doc[lead].is_punct or other.doc[lead].dep_ in ("cc", "advmod", "aux", "neg")
            ):
                cut = other.doc[lead].idx
                lead -= 1
            if len(text[start:cut].split()) >= 3:
                end = _strip(text, start, cut)[1]
        result.append((cue, start, end, speaker))
    return result


def _speech_verb_above(
    word: Token, reported: tuple[int, int, Token | None]
) -> tuple[Token, tuple[int, int, Token | None]]:
    """For a subjectless participle (``said in a video posted online that ...``) the speech verb above it."""
    governor = word
    for _ in range(3):
        governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_ in SPEECH_VERBS:
            return governor, (reported[0], reported[1], _subject_of(governor))
    return word, reported


def _candidate_reports(doc: Doc) -> Iterator[tuple[Token, tuple[int, int, Token | None] | None]]:
    """(cue, what it reports) for every complement clause and ``according to`` in the Doc.

    The Doc's arrays pick out the few candidate tokens, so the Python work stays per clause.
    """
    dependencies = doc.to_array("DEP")
    lower_forms = doc.to_array("LOWER")
    complement_ids = [doc.vocab.strings[label] for label in ("ccomp", "xcomp", "acl", "dobj", "prep", "advcl")]
    cue_indices = {int(doc[int(i)].head.i) for i in numpy.flatnonzero(numpy.isin(dependencies, complement_ids))}
    cue_indices.update(int(i) for i in numpy.flatnonzero(lower_forms == doc.vocab.strings["according"]))
    asides = {int(i) for i in numpy.flatnonzero(dependencies == doc.vocab.strings["parataxis"])}
    cue_indices.update(asides)
    for index in sorted(cue_indices):
        token = doc[index]
        if index in asides and token.lemma_ in DIRECT_CUE_VERBS and not any(c.dep_ == "ccomp" for c in token.children):
            yield from ((token, part) for part in _around_aside(token))
        elif token.lower_ == "according":
            if index + 1 < len(doc) and doc[index + 1].lower_ == "to":
                yield token, _according_to(doc, token)
        elif token.pos_ in ("VERB", "AUX", "NOUN"):
            yield token, _complement(token)


def _around_aside(verb: Token) -> list[tuple[int, int, Token | None]]:
    """``The attack, police said, was planned for weeks``: the sentence the aside interrupts is
    what was said, in its two parts (the first only when it is more than a word or two)."""
    clause = verb.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i == verb.i:
        return []
    subject = _subject_of(verb)
    doc = verb.doc
    before = [t for t in doc[clause.left_edge.i : verb.left_edge.i] if not t.is_punct]
    after = [t for t in doc[verb.right_edge.i + 1 : clause.right_edge.i + 1] if not t.is_space]
    while after and after[-1].is_punct:
        after.pop()
    while after and after[0].is_punct:
        after.pop(0)
    parts = []
    holds_subject = any(t.dep_ in SUBJECT_DEPS and t.head.i == clause.i for t in before)
    if len(before) >= 3 and after and holds_subject:  # not an opening phrase: "On Tuesday, he said, ..."
        parts.append((before[0].idx, before[-1].idx + len(before[-1]), subject))
    if after:
        parts.append((after[0].idx, after[-1].idx + len(after[-1]), subject))
    return parts


def _complement(word: Token) -> tuple[int, int, Token | None] | None:
    """What a speech, belief or intention word reports, as character offsets, and who reports it.

    ``said (that) X``, ``believes that X`` (any verb with a that-clause), ``vowed to X``,
    ``the claim that X``.
    """
    if word.pos_ == "NOUN":
        if word.lemma_ in REPORT_NOUNS:
            clause = next((c for c in word.children if c.dep_ in ("acl", "ccomp") and _marked_by_that(c)), None)
        elif word.lemma_ in STANCE_NOUNS:
            clause = _object_of_preposition(word, STANCE_NOUNS[word.lemma_])
        else:
            return None
        subject = next((c for c in word.children if c.dep_ == "poss"), None) or _maker_of(word)
        if clause is not None and word.lemma_ in STANCE_NOUNS and subject is not None and not _can_hold_views(subject):
            return None  # "a fundraising page raised money in support for", "the shooting came amid concern about"
    else:
        clause = _own_clause(word)
        if clause is not None and word.lemma_ not in REPORTING_VERBS and (
            not _marked_by_that(clause) or word.lemma_ in NOT_REPORTING
        ):
            clause = None  # "the problem is that ...", "it was unclear whether ...", "to ensure that ..."
        if clause is None and word.lemma_ in SPEECH_VERBS:
            clause = _gerund_clause(word)
        if clause is None and word.lemma_ in INTENTION_VERBS:
            clause = next((c for c in word.children if c.dep_ == "xcomp" or _marked_by_for(c)), None)
        if clause is None and (word.lemma_ in STANCE_VERBS or word.lemma_ in PHRASAL_STANCE_VERBS):
            clause = _stated_object(word)
        subject = _subject_of(word)
    if clause is None:
        return None
    tokens = [t for t in clause.subtree if t.dep_ != "mark" or t.head != clause]
    if clause.dep_ == "xcomp":  # "asked the families to stay indoors": who is asked belongs to it
        asked = [c for c in word.children if c.dep_ == "dobj" and word.i < c.i < clause.i]
        tokens = list(asked[0].subtree) + tokens if asked else tokens
    last = tokens[-1]
    if clause.dep_ == "ccomp" and clause.i < word.i:  # "A, but B, the source added": both are said
        before = [c for c in _clauses_in_paragraph(word) if c.i < word.i]
        last = max([last] + [c.right_edge for c in before], key=lambda t: t.i)
    if clause.dep_ == "dobj":  # "called the senator a liar", "described it as a disgrace"
        predicates = [c for c in word.children if c.i > clause.i and _predicates_object(c)]
        last = max([last] + [c.right_edge for c in predicates], key=lambda t: t.i)
    return tokens[0].idx, last.idx + len(last), subject


def _own_clause(verb: Token) -> Token | None:
    """The clause a verb reports: its complement after it (``He said B``), else one before it
    (``A, the source added``). A parse that hangs the sentence before it (``A: He said B``) on
    the verb as well is not what it says."""
    clauses = _clauses_in_paragraph(verb)
    after = [c for c in clauses if c.i > verb.i]
    return (after or clauses or [None])[0]


def _clauses_in_paragraph(verb: Token) -> list[Token]:
    """The verb's complement clauses in its own paragraph: a parse can hang the quote of the
    paragraph above on it."""
    text = doc_text(verb.doc)
    return [c for c in verb.children if c.dep_ == "ccomp" and "\n" not in text[
        min(c.left_edge.idx, verb.idx) : max(c.right_edge.idx, verb.idx)]]


def _maker_of(noun: Token) -> Token | None:
    """Who made the statement a report noun names: the subject of the verb it is the object of
    (``repeated accusations that ...``, ``said in a statement that ...``)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return _subject_of(verb) if verb.pos_ in ("VERB", "AUX") and verb is not noun else None


def _can_hold_views(holder: Token) -> bool:
    """Whether the holder of a stance noun is someone who can take a stance: a possessive
    (``his support``), a person, organisation or people by name, a pronoun for one, or a noun for
    people (``residents``, ``police``); not a thing or an event (``the shooting came amid concern``)."""
    if holder.dep_ == "poss" or holder.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if holder.pos_ == "PRON":
        return holder.lower_ != "it"
    return holder.lemma_ in LABEL_SOURCES or PEOPLE_NOUN.fullmatch(holder.lower_) is not None


def _predicates_object(child: Token) -> bool:
    """What a speech verb says of its object: ``called him [a liar]``, ``described it [as a disgrace]``."""
    return child.dep_ in ("oprd", "xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ == "as")


def _stated_object(verb: Token) -> Token | None:
    """The noun phrase a stance verb states: its object, else the object of ``about``/``for``...,
    but not a time (``criticized the plan on Saturday``, ``on Friday endorsed Ruiz``)."""
    phrasal = PHRASAL_STANCE_VERBS.get(verb.lemma_)
    if phrasal is not None:  # "pointed to the figures": only its own preposition, never an object
        objects = []
        prepositions = {phrasal}
    else:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ not in ("PRON", "NUM")]
        prepositions = STANCE_PREPOSITIONS
    for preposition in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions):
        objects += [c for c in preposition.children if c.dep_ in ("pobj", "pcomp") and c.pos_ != "PRON"]
    return next((c for c in objects if c.ent_type_ not in TIME_ENTITIES), None)


def _object_of_preposition(noun: Token, prepositions: tuple[str, ...]) -> Token | None:
    """What a stance noun is on: the object of its preposition (``support [for the levy]``)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.pos_ != "PRON"), None)
    return None


def _gerund_clause(verb: Token) -> Token | None:
    """``He said legalizing it would create jobs``: the parser takes the gerund subject of the
    clause said for the verb's own complement; the clause is what was said all the same."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i
                 and any(t.dep_ == "ccomp" for t in c.children)), None)


def _marked_by_for(clause: Token) -> bool:
    """``called for all parties to stand down``: the wish is a clause opened by ``for``."""
    return clause.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ == "for" for child in clause.children)


def _marked_by_that(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in ("that", "whether") for child in clause.children)


def _according_to(doc: Doc, according: Token) -> tuple[int, int, Token | None] | None:
    """``according to X``: the rest of the sentence is what X says; X is the speaker."""
    to = doc[according.i + 1]
    source = next((child for child in to.children if child.dep_ == "pobj"), None)
    phrase_end = max((t.i for t in to.subtree), default=to.i) + 1
    sentence = according.sent
    before = doc[sentence.start : according.i]
    after = doc[phrase_end : sentence.end]
    content = after if len(after) > len(before) else before
    content_tokens = [t for t in content if not t.is_punct] or list(content)
    if not content_tokens:
        return None
    return content_tokens[0].idx, content[-1].idx + len(content[-1]), source


# --------------------------------------------------------------------------- speakers


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject (the nearest, if the parse gives two); for ``and added`` the first verb's,
    for ``began by saying`` or ``was held in contempt for refusing to`` the governing verb's; for
    ``was quoted as saying`` or ``was heard telling`` the one quoted or heard."""
    climbed = False
    for _ in range(6):
        subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
        subject = min(subjects, key=lambda child: abs(child.i - verb.i)) if subjects else None
        if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head  # "Harry Reid, who argued ..."
        if subject is not None and subject.dep_ == "nsubjpass" and climbed and verb.lemma_ in HEARD_SAYING:
            return subject
        if subject is not None and subject.dep_ == "nsubjpass":  # "he was accused (by prosecutors) of ..."
            agent = next((child for child in verb.children if child.dep_ == "agent"), None)
            return next((child for child in agent.children if child.dep_ == "pobj"), None) if agent else None
        if subject is not None or verb.dep_ not in INHERITS_SUBJECT or verb.head is verb:
            return subject
        verb = verb.head
        climbed = True
        if verb.pos_ == "ADP" and verb.dep_ == "prep" and verb.head is not verb:
            verb = verb.head  # "by saying", "for refusing"
    return None


def _speaker(doc: Doc, text: str, names: list[Span], head: Token) -> Speaker:
    """The speaker named by the noun phrase headed by ``head``: its name and its full mention."""
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat") and child.i == right + 1:
            right = child.i
        elif child.dep_ == "appos":  # "The governor, John Okafor, said"
            right = child.right_edge.i
        elif child.dep_ == "prep" and child.i == right + 1 and child.lower_ in SPEAKER_PREPOSITIONS:
            right = child.right_edge.i  # "officials at the ministry", "the Bureau of Prisons"
        elif child.dep_ == "acl" and child.i == right + 1:
            right = child.right_edge.i  # "a group calling itself the Forest Riders"
    while left < right and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    line_break = text.rfind("\n", doc[left].idx, head.idx)
    while left < head.i and doc[left].idx <= line_break:  # a subject never spans a headline above it
        left += 1
    phrase = doc[left : right + 1]
    start, end = phrase.start_char, phrase.end_char
    mention = text[start:end]
    if head.pos_ == "PRON":
        return Speaker(None, mention, start, PRONOUN_REFERENT.get(head.lower_))
    entity = _name_in(phrase, names, head)
    if entity is None:
        return Speaker(mention, mention, start)
    name = text[entity.start_char : entity.end_char]
    if entity.label_ != "PERSON":
        return Speaker(name, mention, start)
    return Speaker(name, mention, start, first_name_gender(name.split()[0]), person=True)


def _name_in(phrase: Span, names: list[Span], head: Token) -> Span | None:
    """The named entity the phrase is about: the one holding its head or apposition, else its last
    person, else its last organisation ("a group calling itself the Forest Riders")."""
    entities = [ent for ent in names if phrase.start <= ent.start and ent.end <= phrase.end]
    heads = {head.i} | {child.i for child in head.children if child.dep_ == "appos"}
    holding_head = [ent for ent in entities if any(ent.start <= i < ent.end for i in heads)]
    people = [ent for ent in entities if ent.label_ == "PERSON"]
    organisations = [ent for ent in entities if ent.label_ == "ORG"]
    return (holding_head or people or organisations or [None])[-1]


def _resolve_pronoun(
    quote: Quote, speaker: Speaker | None, found: list[tuple[Quote, Speaker | None]], names: list[Span], text: str
) -> Quote:
    """Replace a pronoun speaker by its antecedent: ``he said`` by the last earlier named person of
    that gender, ``it added`` by the last earlier organisation that spoke."""
    if speaker is None or speaker.name is not None or speaker.gender is None:
        return quote
    window = range(speaker.start - PRONOUN_LOOKBACK, speaker.start)
    if speaker.gender == "group":
        groups = [other for _, other in found if other and other.name and not other.person and other.start in window]
        if not groups:
            return quote
        antecedent = max(groups, key=lambda candidate: candidate.start)
        return quote.model_copy(update={"speaker": antecedent.name, "speaker_mention": antecedent.mention})
    earlier_speakers = [other for _, other in found if other is not None and other.person and other.start in window]
    mentioned_people = [
        Speaker(text[ent.start_char : ent.end_char], text[ent.start_char : ent.end_char], ent.start_char,
                first_name_gender(ent.text.split()[0]), person=True)
        for ent in names
        if ent.label_ == "PERSON" and ent.start_char in window
    ]
    for candidates in (earlier_speakers, mentioned_people):
        matching = [candidate for candidate in candidates if candidate.gender == speaker.gender]
        matching = matching or [candidate for candidate in candidates if candidate.gender is None]
        if matching:
            antecedent = max(matching, key=lambda candidate: candidate.start)
            return quote.model_copy(update={"speaker": antecedent.name, "speaker_mention": antecedent.mention})
    return quote


def _full_name(quote: Quote, people: list[Span], text: str) -> Quote:
    """A speaker named by surname alone ("Basu told reporters") takes the full name the report
    gave earlier ("Assistant Commissioner Neil Basu"); the mention stays the words used."""
    name = quote.speaker
    if not name or " " in name or not name[:1].isupper():
        return quote
    earlier = [text[ent.start_char:ent.end_char] for ent in people if ent.end_char <= quote.start]
    full = [candidate for candidate in earlier if " " in candidate and candidate.split()[-1] == name]
    if not full or len(set(full)) > 1:
        return quote  # never named in full, or two people share the surname: leave it as said
    return quote.model_copy(update={"speaker": full[-1]})


def _quote(text: str, start: int, end: int, cue: str | None, speaker: Speaker | None, direct: bool) -> Quote:
    return Quote(
        speaker=speaker.name if speaker else None,
        speaker_mention=speaker.mention if speaker else None,
        cue=cue,
        text=text[start:end],
        direct=direct,
        start=start,
        end=end,
    )
