"""WCXB article pages: what the clean stage keeps (title, author, date, body) and drops.

Only ``clean.clean`` runs, so a page costs milliseconds. Body F1 is computed per page on
word 4-gram shingles counted as a multiset (a repeated paragraph must be repeated to
score), then averaged over pages. An empty body gets no credit for leaving boilerplate out.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..models import Article, InputDocument
from .metrics import Accuracy, Mean, squeeze
from .runner import Dataset, EvalResult, in_file_order

SHINGLE = 4
_WORD = re.compile(r"\w+")
# Curly and straight quotes are one character for matching: the gold was typed with straight
# ones where many pages print curly ones, and a cleaned text keeps the page's own characters.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def same_form(text: str, *, fold_case: bool = True) -> str:
    """``text`` as exact matches compare it: whitespace runs squeezed, quotes folded, lower case."""
    text = squeeze(text.translate(_QUOTES))
    return text.lower() if fold_case else text


@dataclass(frozen=True)
class WcxbPage:
    id: str
    url: str | None
    html_path: Path
    title: str | None
    author: str | None
    published: str | None
    body: str | None
    must_include: list[str]
    must_exclude: list[str]


def load(folder: Path, split: str, limit: int | None) -> list[WcxbPage]:
    pages = []
    for truth_path in sorted((folder / split / "ground-truth").glob("*.json")):
        if limit is not None and len(pages) >= limit:
            break
        raw = json.loads(truth_path.read_text(encoding="utf-8"))
        truth = raw["ground_truth"]
        file_id = truth_path.stem
        pages.append(WcxbPage(
            id=f"wcxb-{file_id}", url=raw.get("url"), html_path=folder / split / "html" / f"{file_id}.html.gz",
            title=truth.get("title"), author=truth.get("author"), published=truth.get("publish_date"),
            body=truth.get("main_content"), must_include=truth.get("with") or [],
            must_exclude=truth.get("without") or []))
    return pages


def to_input(page: WcxbPage) -> InputDocument:
    with gzip.open(page.html_path, "rt", encoding="utf-8", errors="replace") as html:
        return InputDocument(id=page.id, url=page.url, html=html.read())


def predict(document: InputDocument) -> Article:
    from ..clean import clean
    return clean(document)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Word 4-grams (lower case) as a multiset; a text shorter than 4 words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def body_f1(gold: str, predicted: str) -> float:
    gold_shingles, predicted_shingles = shingles(gold), shingles(predicted)
    overlap = sum((gold_shingles & predicted_shingles).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(predicted_shingles.values())
    recall = overlap / sum(gold_shingles.values())
    return 2 * precision * recall / (precision + recall)


def same_author(gold: str, predicted: list[str]) -> bool:
    """The gold byline equals one predicted author or all of them joined."""
    wanted = same_form(gold)
    candidates = {same_form(a) for a in predicted}
    candidates |= {", ".join(same_form(a) for a in predicted), " and ".join(same_form(a) for a in predicted)}
    if wanted in candidates:
        return True
    # "A, B, and C" or "A, B & C": the same people listed in another style.
    listed = {name for name in (same_form(part) for part in _BYLINE_LIST_SEPARATOR.split(gold)) if name}
    return len(listed) > 1 and listed == {same_form(a) for a in predicted}


_BYLINE_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")


def score(pages: Sequence[WcxbPage], articles: Sequence[Article | None]) -> EvalResult:
    title, author, date = Accuracy(), Accuracy(), Accuracy()
    body, included, excluded = Mean(), Accuracy(), Accuracy()
    for page, article in zip(pages, articles):
        text = same_form(article.text) if article else ""
        if page.title:
            title.add(bool(article and article.title) and same_form(article.title, fold_case=False) == same_form(page.title, fold_case=False))
        if page.author:
            author.add(bool(article) and same_author(page.author, article.authors))
        if page.published:
            date.add(bool(article and article.published) and article.published[:10] == page.published[:10])
        if page.body is not None:
            body.add(body_f1(page.body, article.text if article else ""))
        for snippet in page.must_include:
            included.add(same_form(snippet) in text)
        for snippet in page.must_exclude:
            excluded.add(bool(text) and same_form(snippet) not in text)
    rows = {"title (exact)": title.as_dict(), "author (exact)": author.as_dict(),
            "publish date (exact)": date.as_dict(), "body 4-gram F1 (page mean)": body.as_dict(),
            "must-include found": included.as_dict(), "must-exclude absent": excluded.as_dict()}
    return EvalResult("article", "body F1", body.value, rows)


DATASET: Dataset[WcxbPage] = Dataset(
    name="article", folder="wcxb", headline_name="body F1", default_limit=None,
    load=load, to_input=to_input, score=score, predict=predict, load_range=in_file_order(load),
)
