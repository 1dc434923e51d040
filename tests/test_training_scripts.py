"""The two training scripts can leave stretches of MUC-4 train.json (in file order, as the eval's
--offset reads them) out of training, so a retrained model need not flatter the check stretches.
By default nothing is held out, so the scripts rebuild the shipped files."""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(f"_script_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def relevance_script():
    return _script("train_relevance")


@pytest.fixture(scope="module")
def roles_script():
    return _script("train_roles")


def test_default_hold_out_is_none(relevance_script, roles_script):
    for script in (relevance_script, roles_script):
        assert script.HOLD_OUT == ()


def test_hold_out_ranges_parse(relevance_script, roles_script):
    for script in (relevance_script, roles_script):
        assert script.hold_out_range("300-500") == (300, 500)
        assert script.hold_out_range("none") is None
        for bad in ("500-300", "12", "a-b", "7-7"):
            with pytest.raises(argparse.ArgumentTypeError):
                script.hold_out_range(bad)


def test_relevance_load_skips_held_out_documents(relevance_script, tmp_path):
    path = tmp_path / "train.json"
    stories = [{"docid": f"D{i}", "doctext": f"story number {i} from the town of Villa Nueva",
                "templates": [{"incident_type": "attack"}] if i % 2 else []} for i in range(10)]
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    texts, labels = relevance_script.load(path, ((2, 4), (7, 10)))
    assert [t.split()[2] for t in texts] == ["0", "1", "4", "5", "6"]
    assert list(labels) == [0.0, 1.0, 0.0, 1.0, 0.0]
    assert len(relevance_script.load(path)[0]) == 10


def test_roles_keeps_stories_outside_the_held_out_stretches(roles_script):
    stories = [{"docid": f"D{i}"} for i in range(12)]
    kept = roles_script.without(stories, ((0, 3), (5, 6)))
    assert [s["docid"] for s in kept] == ["D3", "D4", "D6", "D7", "D8", "D9", "D10", "D11"]
    assert roles_script.without(stories, ()) == stories
