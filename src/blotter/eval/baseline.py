"""The checked-in development scores (eval/baseline.json) that guard against regressions.

Each dataset entry records the limit and split it was measured with, so the guard test
reruns exactly the same evaluation.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from . import get_dataset
from .runner import DatasetUnavailable, EvalResult, evaluate

REPO_ROOT = Path(__file__).resolve().parents[3]
BASELINE_PATH = REPO_ROOT / "eval" / "baseline.json"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
# The sample each dataset is measured on: small enough to run in well under two minutes.
BASELINE_LIMITS: dict[str, int | None] = {
    "muc4": 100, "gvdb": 100, "gva": 100, "dedup": 100, "article": 100, "geo": 40, "quotes": 30,
    "muc4-keys": None, "wikievents": None,  # all 200 MUC-4 dev messages (17 s), all 20 WikiEvents documents
}
# A headline may fall this much below the baseline before the guard fails.
TOLERANCE = 0.01


def read_baseline(path: Path = BASELINE_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"datasets": {}}


def baseline_entry(result: EvalResult) -> dict[str, Any]:
    return {"limit": result.settings.get("limit"), "split": result.settings.get("split", "dev"),
            "headline": result.headline_name, "score": round(result.headline, 4), "rows": result.rows}


def update_baseline(datasets: list[str], data_path: Path = SHARED_DATA, path: Path = BASELINE_PATH,
                    progress: TextIO | None = None) -> dict[str, Any]:
    """Re-measure ``datasets`` at their baseline limits and write them into the baseline file.

    A dataset that cannot run here (e.g. dedup before the store exists) keeps its old entry.
    """
    baseline = read_baseline(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for name in datasets:
        started = time.monotonic()
        try:
            result = evaluate(get_dataset(name), data_path, limit=BASELINE_LIMITS[name], progress=progress)
        except DatasetUnavailable as exc:
            if progress:
                print(f"baseline: skipping {name}: {exc}", file=progress)
            continue
        baseline["datasets"][name] = {**baseline_entry(result), "seconds": round(time.monotonic() - started, 1)}
        baseline["measured"] = date.today().isoformat()
        # Written after each dataset, so an interrupted refresh keeps what it measured.
        path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return baseline
