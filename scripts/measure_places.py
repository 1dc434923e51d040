"""Measure find_places on GeoWebNews (../shared/data/geo/GWN.xml): toponym recall and accuracy@161 km.

    .venv/bin/python scripts/measure_places.py [--limit 40] [--misses]

Gold toponyms are those with coordinates. A gold toponym is found when a predicted place
overlaps its span, and resolved when that place lies within 161 km (100 miles) of the gold point.
"""

from __future__ import annotations

import argparse
import math
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from blotter.models import Article
from blotter.nlp import analyse
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
    parser.add_argument("--misses", action="store_true", help="print missed and misresolved toponyms")
    args = parser.parse_args()
    articles = ElementTree.parse(GWN).getroot().findall("article")
    if args.limit:
        articles = articles[:args.limit]
    gold_total = found = resolved = predicted = 0
    seconds = 0.0
    for element in articles:
        text = element.findtext("text") or ""
        doc = analyse(text)
        started = time.perf_counter()
        places = find_places(doc, Article(id=element.get("file", "?"), text=text))
        seconds += time.perf_counter() - started
        predicted += len(places)
        for toponym in element.iter("toponym"):
            if toponym.findtext("latitude") in (None, ""):
                continue
            gold_total += 1
            start, end = int(toponym.findtext("start")), int(toponym.findtext("end"))
            lat, lon = float(toponym.findtext("latitude")), float(toponym.findtext("longitude"))
            hit = next((p for p in places if p.start < end and start < p.end), None)
            if hit is None:
                if args.misses:
                    print(f"MISS  {text[start:end]!r}")
                continue
            found += 1
            km = distance_km(lat, lon, hit.lat, hit.lon) if hit.lat is not None else math.inf
            if km <= TOLERANCE_KM:
                resolved += 1
            elif args.misses:
                print(f"FAR   {text[start:end]!r} -> {hit.name} {hit.feature} {hit.admin1} {hit.country_code} {km:.0f} km")
    print(f"articles {len(articles)}  gold toponyms {gold_total}  predicted places {predicted}")
    print(f"recall {found / gold_total:.3f}  resolved@161km of gold {resolved / gold_total:.3f}  "
          f"of found {resolved / max(found, 1):.3f}  (find_places {1000 * seconds / len(articles):.1f} ms/article)")


if __name__ == "__main__":
    main()
