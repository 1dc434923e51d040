"""Measure find_places on GeoWebNews (../shared/data/geo/GWN.xml): toponym recall, accuracy@161 km, precision.

    .venv/bin/python scripts/measure_places.py [--limit 40] [--offset 0] [--misses]

Gold toponyms are those with coordinates (GWN gives coordinates to literal places, metonyms,
place-name modifiers and demonyms used as modifiers: 'Irish', 'Syrian'). A gold toponym is
found when a predicted place overlaps its span, and resolved when that place lies within
161 km (100 miles) of the gold point. Precision: the share of predicted places that overlap
some gold toponym (with or without coordinates).
"""

from __future__ import annotations

import argparse
import math
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

from blotter.models import Article
from blotter.nlp import analyse_many
from blotter.places import find_places

GWN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo" / "GWN.xml"
TOLERANCE_KM = 161.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=40, help="articles to read (0: all 200)")
    parser.add_argument("--offset", type=int, default=0, help="first article to read")
    parser.add_argument("--misses", action="store_true", help="print missed, misresolved and spurious places")
    args = parser.parse_args()
    articles = ElementTree.parse(GWN).getroot().findall("article")[args.offset:]
    if args.limit:
        articles = articles[:args.limit]
    texts = [element.findtext("text") or "" for element in articles]
    gold_total = found = resolved = predicted = correct_predictions = 0
    missed_types: Counter[str] = Counter()
    seconds = 0.0
    for element, text, doc in zip(articles, texts, analyse_many(texts)):
        started = time.process_time()
        places = find_places(doc, Article(id=element.get("file", "?"), text=text))
        seconds += time.process_time() - started
        toponyms = [(int(t.findtext("start")), int(t.findtext("end")), t) for t in element.iter("toponym")]
        predicted += len(places)
        for place in places:
            if any(place.start < end and start < place.end for start, end, _ in toponyms):
                correct_predictions += 1
            elif args.misses:
                print(f"EXTRA {place.mention!r} -> {place.name} {place.feature} {place.country_code}")
        for start, end, toponym in toponyms:
            if toponym.findtext("latitude") in (None, ""):
                continue
            gold_total += 1
            lat, lon = float(toponym.findtext("latitude")), float(toponym.findtext("longitude"))
            hit = next((p for p in places if p.start < end and start < p.end), None)
            if hit is None:
                missed_types[toponym.findtext("type") or "?"] += 1
                if args.misses:
                    print(f"MISS  {text[start:end]!r} ({toponym.findtext('type')})")
                continue
            found += 1
            km = distance_km(lat, lon, hit.lat, hit.lon) if hit.lat is not None else math.inf
            if km <= TOLERANCE_KM:
                resolved += 1
            elif args.misses:
                print(f"FAR   {text[start:end]!r} -> {hit.name} {hit.feature} {hit.admin1} {hit.country_code} {km:.0f} km")
    print(f"articles {len(articles)}  gold toponyms {gold_total}  predicted places {predicted}")
    print(f"recall {found / gold_total:.3f}  resolved@161km of gold {resolved / gold_total:.3f}  "
          f"of found {resolved / max(found, 1):.3f}  precision {correct_predictions / max(predicted, 1):.3f}  "
          f"(find_places {1000 * seconds / len(articles):.1f} ms CPU/article)")
    print("missed by gold type:", ", ".join(f"{kind} {count}" for kind, count in missed_types.most_common()))


if __name__ == "__main__":
    main()
