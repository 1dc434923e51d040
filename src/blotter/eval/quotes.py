"""PolNeAR attributions: are the quotes found, and given to the right speaker?

Gold: each attribution's Content span (possibly in fragments) and its Source span, from the
first annotator's .ann (sorted by name) when an article has two. A predicted quote matches a
gold content it overlaps (one-to-one, in text order); speaker accuracy is measured over
matched quotes whose gold has a Source: correct when an occurrence of the predicted
``speaker_mention`` overlaps the Source span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..models import DocumentRecord, InputDocument, Quote
from .common import locate, offset_shift, overlaps
from .metrics import PRF, Accuracy
from .runner import Dataset, EvalResult

Span = tuple[int, int]
_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


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
        where = locate(original, record_text, found.start(), found.end(), shift)
        if where is not None and _touches(*where, source):
            return True
    return False


def score(articles: Sequence[PolnearArticle], records: Sequence[DocumentRecord | None]) -> EvalResult:
    content, speaker = PRF(), Accuracy()
    for article, record in zip(articles, records):
        if record is None:
            content.add(0, 0, len(article.attributions))
            continue
        shift = offset_shift(article.text, record.text)
        placed = [(q, locate(article.text, record.text, q.start, q.end, shift)) for q in record.quotes]
        unused = sorted(((q, where) for q, where in placed if where is not None), key=lambda item: item[1][0])
        matched = 0
        for attribution in sorted(article.attributions, key=lambda a: a.content[0]):
            hit = next((item for item in unused if _touches(*item[1], attribution.content)), None)
            if hit is None:
                continue
            unused.remove(hit)
            matched += 1
            if attribution.source:
                speaker.add(speaker_correct(article.text, record.text, hit[0], shift, attribution.source))
        content.add(matched, len(record.quotes), len(article.attributions))
    rows = {"quote content": content.as_dict(), "speaker (matched quotes)": speaker.as_dict()}
    return EvalResult("quotes", "content F1", content.f1, rows)


DATASET: Dataset[PolnearArticle] = Dataset(
    name="quotes", folder="polnear", headline_name="content F1", default_limit=None,
    load=load, to_input=to_input, score=score,
)
