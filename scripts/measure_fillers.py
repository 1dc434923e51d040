"""Measure the incident field fillers on the development data (never copied into the repo).

GVDB dev: killed/injured counts (and the date where the URL carries the publication day).
MUC-4 dev: recall of gold Target/Victim/Weapon strings among our mentions.
Each document is one frame of all its sentences, so the numbers do not depend on the detector.

Usage: .venv/bin/python scripts/measure_fillers.py [gvdb|muc] [N documents] [--show]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from blotter.incidents.casualties import fill_casualties
from blotter.incidents.dates import fill_date
from blotter.incidents.frame import IncidentFrame
from blotter.incidents.targets import fill_targets
from blotter.incidents.victims import fill_victims
from blotter.incidents.weapons import fill_weapons
from blotter.models import Article
from blotter.nlp import analyse

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def whole_document_frame(text: str, published: datetime | None) -> IncidentFrame:
    """A frame of every sentence: what the fillers see when the detector finds one incident."""
    doc = analyse(text)
    return IncidentFrame(doc=doc, article=Article(id="m", text=text), sentences=list(doc.sents), published=published)


def f1(pairs: list[tuple[int | None, int]]) -> tuple[float, float, float]:
    """Accuracy over all reports, and precision/recall/F1 of exact figures over reports giving one above zero."""
    correct = sum((p or 0) == g for p, g in pairs)
    true_positive = sum(p == g for p, g in pairs if g > 0)
    predicted = sum(1 for p, _ in pairs if p)
    gold = sum(1 for _, g in pairs if g > 0)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    return correct / len(pairs), 2 * precision * recall / (precision + recall) if precision + recall else 0.0, recall


def measure_gvdb(limit: int, show: bool) -> None:
    csv.field_size_limit(10**9)
    rows = list(csv.DictReader(open(DATA / "gvdb" / "dev.tsv", encoding="utf-8"), delimiter="\t"))[:limit]
    killed_pairs, injured_pairs, dates = [], [], []
    for row in rows:
        gold = json.loads(row["Json"])
        statuses = [set(v.get("victim-was") or []) for v in gold.get("victim-section", [])]
        gold_killed = sum("killed" in s for s in statuses)
        gold_injured = sum(bool(s & {"injured", "hospitalized"}) and "killed" not in s for s in statuses)
        url_date = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", row["Article url"])
        published = datetime(*map(int, url_date.groups()), 12, tzinfo=timezone.utc) if url_date else None
        # "Full text" glues the page title to the body ("...| abc7.comA man was shot"): split them.
        text = re.sub(r"(\.com)(?=[A-Z])", r"\1\n", row["Full text"])
        frame = whole_document_frame(text, published)
        casualties = fill_casualties(frame)
        killed_pairs.append((casualties.killed.best, gold_killed))
        injured_pairs.append((casualties.injured.best, gold_injured))
        gold_date = gold.get("date-and-time", {}).get("date")
        if published and gold_date:
            dates.append((fill_date(frame).start, gold_date))
        if show and ((casualties.killed.best or 0) != gold_killed or (casualties.injured.best or 0) != gold_injured):
            print(row["Article id"], "killed", casualties.killed.best, gold_killed, [e.quote for e in casualties.killed.evidence],
                  "injured", casualties.injured.best, gold_injured, [e.quote for e in casualties.injured.evidence])
    for name, pairs in (("killed", killed_pairs), ("injured", injured_pairs)):
        accuracy, score, recall = f1(pairs)
        print(f"GVDB {name}: accuracy {accuracy:.3f}  F1(>0) {score:.3f}  recall {recall:.3f}  n={len(pairs)}")
    if dates:
        print(f"GVDB date (URL-dated reports): exact day {sum(p == g for p, g in dates) / len(dates):.3f}  "
              f"found {sum(p is not None for p, _ in dates) / len(dates):.3f}  n={len(dates)}")


def measure_muc(limit: int, show: bool) -> None:
    lines = open(DATA / "muc4" / "dev.json", encoding="utf-8").read().splitlines()[:limit]
    found = {"Target": [0, 0], "Victim": [0, 0], "Weapon": [0, 0]}
    for line in lines:
        item = json.loads(line)
        text = item["doctext"]
        frame = whole_document_frame(text, None)
        ours = {
            "Target": [t.mention.lower() for t in fill_targets(frame)],
            "Victim": [v.mention.lower() for v in fill_victims(frame)] + [t.mention.lower() for t in fill_targets(frame)],
            "Weapon": [w.mention.lower() for w in fill_weapons(frame)],
        }
        for role in found:
            for template in item["templates"]:
                for entity in template[role]:
                    names = [mention for mention, _ in entity]
                    hit = any(n in o or o in n for n in names for o in ours[role])
                    found[role][0] += hit
                    found[role][1] += 1
                    if show and not hit:
                        print(item["docid"], role, names[:2], ours[role][:6])
    for role, (hits, total) in found.items():
        print(f"MUC-4 {role}: recall {hits / total if total else 0:.3f}  ({hits}/{total})")


if __name__ == "__main__":
    corpus = sys.argv[1] if len(sys.argv) > 1 else "gvdb"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    (measure_gvdb if corpus == "gvdb" else measure_muc)(count, "--show" in sys.argv)
