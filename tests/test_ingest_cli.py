"""``blotter ingest`` end to end: stored documents, reruns that change nothing, failures kept,
and no loss or duplicate after the process is killed mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, run_blotter

CITIES = ("Springfield", "Riverton", "Lakeside", "Fairview", "Georgetown")


def write_reports(folder: Path, count: int) -> list[str]:
    """``count`` short, distinct shooting reports as text files; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"report-{n:03d}.txt"
        path.write_text(
            f"{CITIES[n % len(CITIES)]} police said {n % 4 + 1} people were shot on Main Street late on "
            f"Friday. Officers found the victims near house number {100 + n}. No arrests were made.\n",
            encoding="utf-8")
        paths.append(str(path))
    return paths


def table_counts(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "document_incidents", "merged_incidents", "incident_links",
                              "failed_documents")}


def test_ingest_stores_documents_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "in", 4)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "blotter.db"
    first = run_blotter("ingest", *paths, str(empty), "--db", f"sqlite:///{db}")
    assert first.returncode == 1, first.stderr  # the empty file failed; the rest went on
    assert b"documents stored 4" in first.stderr and b"failed 1" in first.stderr
    after_first = table_counts(db)
    assert after_first["documents"] == 4 and after_first["failed_documents"] == 1
    assert after_first["incident_links"] == after_first["document_incidents"]

    again = run_blotter("ingest", *paths, "--db", f"sqlite:///{db}")
    assert again.returncode == 0, again.stderr
    assert b"documents stored 0, already stored 4" in again.stderr
    assert table_counts(db) == after_first


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "in", 2)
    quiet = run_blotter("ingest", *paths, "--db", f"sqlite:///{tmp_path / 'q.db'}")
    shown = run_blotter("ingest", *paths, "--db", f"sqlite:///{tmp_path / 'p.db'}", "--progress")
    assert b"doc/s" not in quiet.stderr and b"doc/s" in shown.stderr


@pytest.mark.slow
def test_a_killed_ingest_reruns_without_loss_or_duplicates(tmp_path: Path) -> None:
    total = 120
    paths = write_reports(tmp_path / "in", total)
    db = tmp_path / "blotter.db"
    command = [sys.executable, "-m", "blotter", "ingest", *paths, "--db", f"sqlite:///{db}"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, env=dict(os.environ))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists() and _stored(db) >= 5:
                break
            time.sleep(0.05)
        assert process.poll() is None, "ingest finished before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)  # the command and its extraction workers
    finally:
        process.wait(timeout=30)
    stored_before_rerun = table_counts(db)["documents"]
    assert 5 <= stored_before_rerun < total

    rerun = run_blotter("ingest", *paths, "--db", f"sqlite:///{db}")
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored {stored_before_rerun}".encode() in rerun.stderr
    counts = table_counts(db)
    assert counts["documents"] == total and counts["failed_documents"] == 0
    assert counts["incident_links"] == counts["document_incidents"]


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not created yet
        return 0
