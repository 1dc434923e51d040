"""Measure truecasing on mixed-case news: upper-case (or lower-case) each text, truecase it, and compare.

Prints word-level case accuracy and entity F1 against the entities found in the original text,
for the raw all-caps copy (what spaCy would see without truecasing) and the truecased copy.

    .venv/bin/python scripts/measure_truecasing.py ../shared/data/polnear/dev/text 30 [upper|lower]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from blotter.nlp import load_nlp, truecase


def entity_f1(gold: set[tuple[int, int, str]], found: set[tuple[int, int, str]]) -> float:
    hits = len(gold & found)
    return 2 * hits / (len(gold) + len(found)) if gold or found else 1.0


def main(folder: Path, limit: int, mode: str) -> None:
    nlp = load_nlp()
    words = correct = 0
    raw_f1: list[float] = []
    cased_f1: list[float] = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        original = path.read_text(encoding="utf-8")[:4000]
        flattened = original.upper() if mode == "upper" else original.lower()
        restored = truecase(flattened)
        for match in re.finditer(r"[^\W\d_]+", original):
            words += 1
            correct += restored[match.start() : match.end()] == match.group()
        gold = {(e.start_char, e.end_char, e.label_) for e in nlp(original).ents}
        raw_f1.append(entity_f1(gold, {(e.start_char, e.end_char, e.label_) for e in nlp(flattened).ents}))
        cased_f1.append(entity_f1(gold, {(e.start_char, e.end_char, e.label_) for e in nlp(restored).ents}))
    print(f"{len(raw_f1)} texts, {mode}: word case accuracy {correct / words:.3f}")
    print(f"entity F1 vs original: flattened {sum(raw_f1) / len(raw_f1):.3f}, truecased {sum(cased_f1) / len(cased_f1):.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "upper")
