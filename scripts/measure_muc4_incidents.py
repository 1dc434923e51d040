"""Where MUC-4 template filling loses its fillers: how many incidents, and of what type.

Usage:
    blotter eval muc4 --split train --limit 300 --save /tmp/train.jsonl
    .venv/bin/python scripts/measure_muc4_incidents.py /tmp/train.jsonl --split train [--show 30]

Reads saved predictions (``blotter eval ... --save``), so analysing costs no second run, and
uses the official scorer's own pieces (``predicted_templates``, ``align``, ``match_role``), so
its numbers add up to what ``blotter eval muc4`` reports. It prints:

- documents by gold template count against ours (0, 1, 2+): too few incidents, too many, none;
- gold templates left unaligned (their fillers are all missed) and ours left unaligned (all
  wrong), by incident type, with how many fillers each carries;
- gold fillers lost in unaligned templates, by whether the document has more gold templates
  than ours (incidents merged or missed), fewer (spurious or split) or as many (mistyped);
- incident-type confusion: templates aligned ignoring type, weighted by the fillers they share,
  so a mistyped incident shows as (gold type, our type);
- with ``--show N``, the N documents losing most fillers.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from blotter.eval import muc4
from blotter.models import DocumentRecord


def _filler_count(template: muc4.Template) -> int:
    return sum(len(template.roles[role]) for role in muc4.ROLES)


def _shared_fillers(gold: muc4.Template, predicted: muc4.Template) -> int:
    return sum(muc4.match_role(gold.roles[role], predicted.roles[role]) for role in muc4.ROLES)


def _bucket(count: int) -> str:
    return str(count) if count < 2 else "2+"


def _typeless_pairs(gold: list[muc4.Template], predicted: list[muc4.Template]) -> list[tuple[int, int]]:
    """The scorer's alignment with every type allowed to pair (a mistyped template still aligns)."""
    retyped = [muc4.Template("any", t.roles) for t in predicted]
    return muc4.align([muc4.Template("any", t.roles) for t in gold], retyped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", type=Path, help="JSON Lines from `blotter eval muc4 --save`")
    parser.add_argument("--data", type=Path, default=Path("../shared/data/muc4"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show", type=int, default=0, help="list the N documents losing most fillers")
    args = parser.parse_args()
    records = {r.id: r for r in (DocumentRecord.model_validate_json(line)
                                 for line in args.predictions.read_text(encoding="utf-8").splitlines() if line.strip())}
    documents = [d for d in muc4.load(args.data, args.split, None) if d.docid in records]
    shapes: Counter[tuple[str, str]] = Counter()
    unaligned_gold: Counter[str] = Counter()
    unaligned_gold_fillers: Counter[str] = Counter()
    unaligned_ours: Counter[str] = Counter()
    unaligned_ours_fillers: Counter[str] = Counter()
    lost_by_shape: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    losses = []
    for document in documents:
        gold, ours = document.templates, muc4.predicted_templates(records[document.docid])
        shapes[(_bucket(len(gold)), _bucket(len(ours)))] += 1
        pairs = muc4.align(gold, ours)
        aligned_gold, aligned_ours = {g for g, _ in pairs}, {p for _, p in pairs}
        lost = extra = 0
        for index, template in enumerate(gold):
            if index not in aligned_gold:
                unaligned_gold[template.incident_type] += 1
                unaligned_gold_fillers[template.incident_type] += _filler_count(template)
                lost += _filler_count(template)
        for index, template in enumerate(ours):
            if index not in aligned_ours:
                unaligned_ours[template.incident_type] += 1
                unaligned_ours_fillers[template.incident_type] += _filler_count(template)
                extra += _filler_count(template)
        shape = "more gold" if len(gold) > len(ours) else "more ours" if len(gold) < len(ours) else "as many"
        lost_by_shape[shape] += lost
        for g, p in _typeless_pairs(gold, ours):
            if shared := _shared_fillers(gold[g], ours[p]):
                confusion[(gold[g].incident_type, ours[p].incident_type)] += shared
        if lost or extra:
            losses.append((lost + extra, document.docid, [t.incident_type for t in gold],
                           [t.incident_type for t in ours], lost, extra))
    gold_fillers = sum(_filler_count(t) for d in documents for t in d.templates)
    print(f"{len(documents)} documents, {gold_fillers} gold fillers")
    print("\ndocuments by (gold templates, ours):")
    for (g, p), count in sorted(shapes.items()):
        print(f"  gold {g:2}  ours {p:2}  {count:4}")
    print("\nunaligned templates (type: templates / fillers):")
    for label, templates, fillers in (("gold", unaligned_gold, unaligned_gold_fillers),
                                      ("ours", unaligned_ours, unaligned_ours_fillers)):
        cells = ", ".join(f"{t} {n}/{fillers[t]}" for t, n in templates.most_common())
        print(f"  {label}: {cells}  (fillers {sum(fillers.values())})")
    print("\ngold fillers in unaligned templates, by document: " +
          ", ".join(f"{shape} {n}" for shape, n in lost_by_shape.most_common()))
    print("\nshared fillers by (gold type, our type), aligned ignoring type:")
    for (g, p), count in confusion.most_common():
        print(f"  {'  ' if g == p else '! '}{g:22} {p:12} {count:4}")
    if args.show:
        print("\ndocuments losing most (gold lost + ours unaligned):")
        for _, docid, gold_types, our_types, lost, extra in sorted(losses, reverse=True)[:args.show]:
            print(f"  {docid}  lost {lost:2}  extra {extra:2}  gold {gold_types}  ours {our_types}")


if __name__ == "__main__":
    main()
