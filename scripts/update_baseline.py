"""Re-measure eval/baseline.json on the development data (../shared/data).

Usage: .venv/bin/python scripts/update_baseline.py [DATASET ...]   (default: every dataset)
Same as ``blotter eval all --update-baseline``. Commit the changed file with the change that
moved the scores, so the guard test (tests/test_eval_baseline.py) follows.
"""

from __future__ import annotations

import json
import sys

from blotter.eval import DATASET_MODULES
from blotter.eval.baseline import update_baseline


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in DATASET_MODULES]
    if unknown:
        print(f"unknown dataset(s): {', '.join(unknown)}; choose from {', '.join(DATASET_MODULES)}", file=sys.stderr)
        return 2
    baseline = update_baseline(names or list(DATASET_MODULES), progress=sys.stderr)
    print(json.dumps({n: e["score"] for n, e in baseline["datasets"].items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
