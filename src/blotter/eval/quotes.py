"""PolNeAR attributions: are the quotes found, and given to the right speaker?

Gold: each attribution's Content span (possibly in fragments) and its Source span, from the
first annotator's .ann (sorted by name) when an article has two. A predicted quote matches a
gold content it overlaps (one-to-one, in text order). A record's quote is one unbroken span,
so a content in fragments (``"We will rebuild," she said. "All of it."``) comes out as one quote
per fragment: the quotes on its other fragments are part of the match, not false positives
(the row "fragment quotes counted" counts them as predicted, as this scorer first did).
Speaker accuracy is measured over matched quotes whose gold has a Source: correct when an
occurrence of the predicted ``speaker_mention`` overlaps the Source span. A pronoun Source
(``he said``) cannot be checked that way, since records name the person the pronoun stands
for, so a second row counts only the matched quotes whose Source is not a pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..models import DocumentRecord, InputDocument, Quote
from .common import locate, offset_shift, overlaps
from .metrics import PRF, Accuracy
from .runner import Dataset, EvalResult, in_file_order

Span = tuple[int, int]
_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")
PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their who which that".split())


@dataclass(frozen=True)
class Attribution:
    content: list[Span]
    source: list[Span]


@dataclass(frozen=True)
class PolnearArticle:
    id: str
    text: str
    attributions: list[Attribution]


def parse_spans(offsets: str) -> list[Span]:
    """brat "12 30;35 40" -> [(12, 30), (35, 40)]."""
    spans = []
    for fragment in offsets.split(";"):
        start, end = fragment.split()
        spans.append((int(start), int(end)))
    return spans


def parse_ann(ann: str) -> list[Attribution]:
    """The attribution relations of one brat file, each with its Content and Source spans."""
    spans: dict[str, list[Span]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = parse_spans(offsets) if label in ("Content", "Source") else []
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    return [Attribution(spans.get(r["Content"], []), spans.get(r.get("Source", ""), []))
            for r in relations if spans.get(r.get("Content", ""))]


def load(folder: Path, split: str, limit: int | None) -> list[PolnearArticle]:
    first_annotation: dict[str, Path] = {}
    for ann_path in sorted((folder / split / "attributions").glob("*.ann")):
        first_annotation.setdefault(_ANNOTATOR_SUFFIX.sub("", ann_path.stem), ann_path)
    articles = []
    for stem, ann_path in sorted(first_annotation.items()):
        if limit is not None and len(articles) >= limit:
            break
        text_path = folder / split / "text" / f"{stem}.txt"
        if text_path.exists():
            articles.append(PolnearArticle(f"polnear-{stem}", text_path.read_text(encoding="utf-8"),
                                           parse_ann(ann_path.read_text(encoding="utf-8"))))
    return articles


def to_input(article: PolnearArticle) -> InputDocument:
    return InputDocument(id=article.id, text=article.text)


def _touches(start: int, end: int, spans: list[Span]) -> bool:
    return any(overlaps(start, end, s, e) for s, e in spans)


def speaker_correct(original: str, record_text: str, quote: Quote, shift: int | None, source: list[Span]) -> bool:
    """True when some occurrence of the speaker mention (mapped into the original) overlaps the Source."""
    if not quote.speaker_mention:
        return False
    for found in re.finditer(re.escape(quote.speaker_mention), record_text):
        where = _locate(original, record_text, found.start(), found.end(), shift)
        if where is not None and _touches(*where, source):
            return True
    return False


def score(articles: Sequence[PolnearArticle], records: Sequence[DocumentRecord | None]) -> EvalResult:
    content, every_quote, speaker, named_speaker = PRF(), PRF(), Accuracy(), Accuracy()
    for article, record in zip(articles, records):
        if record is None:
            content.add(0, 0, len(article.attributions))
            every_quote.add(0, 0, len(article.attributions))
            continue
        original, cleaned = _as_cleaned(article.text), _as_cleaned(record.text)
        shift = offset_shift(original, cleaned)
        placed = [(q, _locate(original, cleaned, q.start, q.end, shift)) for q in record.quotes]
        unused = sorted(((q, where) for q, where in placed if where is not None), key=lambda item: item[1][0])
        pairs = []
        for attribution in sorted(article.attributions, key=lambda a: a.content[0]):
            hit = next((item for item in unused if _touches(*item[1], attribution.content)), None)
            if hit is not None:
                unused.remove(hit)
                pairs.append((attribution, hit))
        matched = len(pairs)
        fragment_quotes = 0
        for attribution, hit in pairs:
            for fragment in attribution.content:  # after all matches, so no later content loses its quote
                if _touches(*hit[1], [fragment]):
                    continue
                other = next((item for item in unused if _touches(*item[1], [fragment])), None)
                if other is not None:
                    unused.remove(other)
                    fragment_quotes += 1
            if attribution.source:
                correct = speaker_correct(original, cleaned, hit[0], shift, attribution.source)
                speaker.add(correct)
                if not _is_pronoun(article.text, attribution.source):
                    named_speaker.add(correct)
        content.add(matched, len(record.quotes) - fragment_quotes, len(article.attributions))
        every_quote.add(matched, len(record.quotes), len(article.attributions))
    rows = {"quote content": content.as_dict(), "quote content, fragment quotes counted": every_quote.as_dict(),
            "speaker (matched quotes)": speaker.as_dict(),
            "speaker (matched, source not a pronoun)": named_speaker.as_dict()}
    return EvalResult("quotes", "content F1", content.f1, rows)


def _locate(original: str, cleaned: str, start: int, end: int, shift: int | None) -> Span | None:
    """``common.locate``, then the same words with any run of spaces between them: the cleaner
    writes one space where a page had two (``Kerry  negotiates``)."""
    where = locate(original, cleaned, start, end, shift)
    words = cleaned[start:end].split()
    if where is not None or not words:
        return where
    hint = start + (shift or 0)
    found = [m.span() for m in re.finditer(r"\s+".join(map(re.escape, words)), original)]
    return min(found, key=lambda span: abs(span[0] - hint)) if found else None


def _as_cleaned(text: str) -> str:
    """Text with no-break spaces as plain spaces, as the cleaner writes them (same length, so
    offsets still hold): else a quote holding one is not found in the original at all."""
    return text.replace("\u00a0", " ")


def _is_pronoun(text: str, source: list[Span]) -> bool:
    return " ".join(text[start:end] for start, end in source).strip().lower() in PRONOUNS


DATASET: Dataset[PolnearArticle] = Dataset(
    name="quotes", folder="polnear", headline_name="content F1", default_limit=None, splits=("dev", "train"),
    load=load, to_input=to_input, score=score, load_range=in_file_order(load),
)
