"""No dataset text in the repository: tests and comments use reports of their own, never the datasets' sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT / ".." / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))

import check_dataset_text  # noqa: E402


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"development data not found at {SHARED_DATA}")
def test_no_line_shares_a_run_of_words_with_a_dataset():
    hits = check_dataset_text.shared_runs(data=SHARED_DATA)
    assert not hits, "reword these lines (python scripts/check_dataset_text.py):\n" + "\n".join(
        f"{place} | {source} | {run}" for place, source, run in hits)


def test_a_line_copied_from_a_dataset_is_found(tmp_path: Path):
    data = tmp_path / "data"
    (data / "polnear" / "dev" / "text").mkdir(parents=True)
    (data / "polnear" / "dev" / "text" / "a.txt").write_text("The mayor of Dunmore said the old mill on the river "
                                                             "will reopen next spring as a museum.", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "tests" / "test_x.py").write_text('TEXT = "He said the old mill on the river will reopen soon."\n'
                                              'PATTERN = "one|two|three|four|five|six|seven|eight|nine"\n',
                                              encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    hits = check_dataset_text.shared_runs(data=data, root=repo)
    assert hits == [("tests/test_x.py:1", "polnear/dev/text/a.txt", "said the old mill on the river will")]
