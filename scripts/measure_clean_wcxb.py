"""Body-text quality of ``clean`` on WCXB dev pages: F1 over word 4-gram shingles.

Usage: .venv/bin/python scripts/measure_clean_wcxb.py [N] [--start=K] [--trafilatura]  (N=711: all of dev)
Reads ../shared/data/wcxb/dev (never copied into the repository); N pages from the K-th, default 100 from 0.
With --trafilatura, measures plain trafilatura output instead, as the baseline.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from trafilatura import extract

from blotter.clean import clean
from blotter.errors import BlotterError
from blotter.models import InputDocument

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wcxb" / "dev"


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return Counter(tuple(words[i:i + size]) for i in range(max(len(words) - size + 1, 1)))


def f1(predicted: str, gold: str) -> float:
    got, want = shingles(predicted), shingles(gold)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    count = int(next((arg for arg in sys.argv[1:] if arg.isdigit()), 100))
    start = int(next((arg.split("=", 1)[1] for arg in sys.argv[1:] if arg.startswith("--start=")), 0))
    baseline = "--trafilatura" in sys.argv
    scores: list[tuple[float, str]] = []
    elapsed = 0.0
    for truth_path in sorted((DATA / "ground-truth").glob("*.json"))[start:start + count]:
        truth = json.loads(truth_path.read_text())
        gold = truth["ground_truth"].get("main_content")
        if not gold:
            continue
        html = gzip.open(DATA / "html" / f"{truth_path.stem}.html.gz").read().decode("utf-8", "replace")
        started = time.perf_counter()
        if baseline:
            text = extract(html, url=truth["url"], include_comments=False) or ""
        else:
            try:
                text = clean(InputDocument(id=truth_path.stem, html=html, url=truth["url"])).text
            except BlotterError:
                text = ""
        elapsed += time.perf_counter() - started
        scores.append((f1(text, gold), truth_path.stem))
    mean = sum(score for score, _ in scores) / len(scores)
    half = len(scores) // 2  # tune on one half, confirm on the other
    first, second = scores[:half], scores[half:]
    print(f"pages {len(scores)}  mean body F1 {mean:.4f}  {1000 * elapsed / len(scores):.1f} ms/page")
    if first and second:
        print(f"halves by id: {sum(s for s, _ in first) / len(first):.4f} / {sum(s for s, _ in second) / len(second):.4f}")
    print("worst:", " ".join(f"{name}={score:.2f}" for score, name in sorted(scores)[:10]))


if __name__ == "__main__":
    main()
