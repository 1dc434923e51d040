"""Regression guard: each dataset's headline score must not fall more than 0.01 below
eval/baseline.json (same sample, same split). Refresh with scripts/update_baseline.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from blotter.eval import DATASET_MODULES, get_dataset
from blotter.eval.baseline import TOLERANCE, read_baseline
from blotter.eval.runner import DatasetUnavailable, evaluate

SHARED_DATA = Path(__file__).parents[1] / ".." / "shared" / "data"
BASELINE = read_baseline()["datasets"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"development data not found at {SHARED_DATA}"),
]


@pytest.mark.parametrize("name", sorted(DATASET_MODULES))
def test_headline_not_below_baseline(name: str):
    entry = BASELINE.get(name)
    if entry is None:
        pytest.skip(f"{name} has no baseline yet: run scripts/update_baseline.py {name}")
    try:
        result = evaluate(get_dataset(name), SHARED_DATA, limit=entry["limit"], split=entry["split"], progress=None)
    except DatasetUnavailable as exc:
        pytest.skip(str(exc))
    assert result.headline >= entry["score"] - TOLERANCE, (
        f"{name} {entry['headline']} fell to {result.headline:.4f} from the baseline {entry['score']:.4f}")
