"""``blotter eval DATASET --data PATH [--limit N] [--offset N] [--split S] [--save OUT.jsonl] [--cache DIR] [--json]``.

Runs the pipeline on a development dataset as a user would (text, html, title, published,
url only; never a gold field), scores it against gold and prints a table per field with the
headline figure last. ``--update-baseline`` re-measures eval/baseline.json instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..eval import DATASET_MODULES

DATASET_NAMES = tuple(DATASET_MODULES)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="measure accuracy on a development dataset",
                       description="Score the pipeline against a dataset's gold annotations.")
    p.add_argument("dataset", choices=DATASET_NAMES + ("all",), metavar="DATASET",
                   help=f"one of {', '.join(DATASET_NAMES)} (or 'all' with --update-baseline)")
    p.add_argument("--data", type=Path, default=None,
                   help="the dataset folder, or the shared data folder holding it (default: ../shared/data)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="score the first N documents (a sample for gva/dedup)")
    p.add_argument("--offset", type=int, default=None, metavar="N",
                   help="dedup, gva, muc4, gvdb, article and quotes: take the documents from the N-th on, in file order (dedup: whole "
                        "incidents; gva: only articles of incidents outside the default 300 sample), up to --limit, instead of "
                        "the first or a spread sample: disjoint stretches for development and checking")
    p.add_argument("--split", default="dev", help="dataset split (muc4 and quotes: dev or train; geo: dev, "
                                                        "i.e. GeoWebNews, or geovirus)")
    p.add_argument("--save", type=Path, default=None, metavar="PREDICTIONS.jsonl", help="write the predictions as JSON Lines")
    p.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help="keep each document's prediction in DIR and reuse it while the document and the "
                        "extraction code are unchanged (fast re-runs when only scoring or merging changes)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--update-baseline", action="store_true",
                   help="re-measure eval/baseline.json for DATASET (or all) at the baseline limits")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..eval import get_dataset
    from ..eval.baseline import SHARED_DATA, update_baseline
    from ..eval.runner import DatasetUnavailable, evaluate, format_table, headline_line

    data_path = args.data or SHARED_DATA
    if args.update_baseline:
        names = list(DATASET_NAMES) if args.dataset == "all" else [args.dataset]
        baseline = update_baseline(names, data_path, progress=sys.stderr)
        print(json.dumps({n: baseline["datasets"].get(n, {}).get("score") for n in names}, indent=2))
        return 0
    if args.dataset == "all":
        print("blotter eval: 'all' is only for --update-baseline; name one dataset", file=sys.stderr)
        return 2
    try:
        result = evaluate(get_dataset(args.dataset), data_path, limit=args.limit, split=args.split, save=args.save,
                          progress=sys.stderr, offset=args.offset, cache=args.cache)
    except DatasetUnavailable as exc:
        print(f"blotter eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        print(format_table(result))
        print(headline_line(result))
    return 0
