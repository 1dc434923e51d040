"""Score ``find_quotes`` on PolNeAR (brat .ann with Source / Cue / Content spans).

Content: a predicted quote counts as correct when it overlaps a gold content span; a gold
content is found when some predicted quote overlaps it (P/R/F1 by overlap). Speaker: for
matched quotes whose gold source is not a pronoun, correct when the gold source's last word is
in the predicted speaker or speaker mention. One annotator's file per text.

    .venv/bin/python scripts/measure_quotes.py ../shared/data/polnear/dev 40
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from blotter.nlp import analyse
from blotter.quotes import find_quotes

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "us", "me"}


def gold_attributions(ann: Path) -> list[tuple[list[tuple[int, int]], str]]:
    """(content pieces, source text) per attribution relation of one .ann file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3:
            kind, _, offsets = fields[1].partition(" ")
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[fields[0]] = (kind, pieces, fields[2])
        elif line.startswith("E"):
            relations.append(dict(part.split(":") for part in fields[1].split()))
    gold = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        source = spans.get(relation.get("Source", ""))
        if content:
            gold.append((content[1], source[2] if source else ""))
    return gold


def overlaps(a: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    return any(a[0] < end and start < a[1] for start, end in pieces)


def main(folder: Path, limit: int) -> None:
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    true_pred = n_pred = found_gold = n_gold = speaker_right = speaker_scored = 0
    seconds = 0.0
    for path in texts:
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        doc = analyse(path.read_text(encoding="utf-8"))
        started = time.perf_counter()
        quotes = find_quotes(doc)
        seconds += time.perf_counter() - started
        gold = gold_attributions(anns[0])
        n_pred += len(quotes)
        n_gold += len(gold)
        true_pred += sum(any(overlaps((q.start, q.end), pieces) for pieces, _ in gold) for q in quotes)
        for pieces, source in gold:
            matched = [q for q in quotes if overlaps((q.start, q.end), pieces)]
            found_gold += bool(matched)
            words = re.findall(r"\w+", source.lower())
            if matched and words and not (len(words) == 1 and words[0] in PRONOUNS):
                speaker_scored += 1
                said_by = f"{matched[0].speaker} {matched[0].speaker_mention}".lower()
                speaker_right += words[-1] in re.findall(r"\w+", said_by)
    precision = true_pred / n_pred if n_pred else 0.0
    recall = found_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(texts)} texts, {n_gold} gold, {n_pred} predicted")
    print(f"content P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    print(f"speaker accuracy {speaker_right / max(speaker_scored, 1):.3f} over {speaker_scored} matched non-pronoun sources")
    print(f"find_quotes {seconds / max(len(texts), 1) * 1000:.2f} ms per text")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 40)
