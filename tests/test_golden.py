"""Golden tests: the full record of every example report, pinned.

A change in any field shows up here as a readable diff; when the change is an improvement,
refresh the files with `python scripts/update_golden.py` and review `git diff tests/golden`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blotter.pipeline import extract_many
from blotter.read import read_inputs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


def golden_records() -> dict[str, dict]:
    """{golden file stem: record as JSON} for every document in examples/."""
    out = {}
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".txt", ".html", ".jsonl"):
            continue
        records = list(extract_many(read_inputs([str(path)]), jobs=1))
        for record in records:
            stem = path.stem if len(records) == 1 else f"{path.stem}.{record.id}"
            out[stem] = record.model_dump(mode="json")
    return out


@pytest.fixture(scope="module")
def current():
    return golden_records()


def test_every_example_has_a_golden_file(current):
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(current)


@pytest.mark.parametrize("stem", sorted(p.stem for p in GOLDEN.glob("*.json")))
def test_record_matches_golden(current, stem):
    expected = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
    actual = current[stem]
    for key in expected:
        assert actual.get(key) == expected[key], f"{stem}: field {key!r} changed (see scripts/update_golden.py)"
    assert actual == expected
