"""Shared fixtures: the example records are extracted once per test session (spaCy loads once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def example_records():
    """{example file name: DocumentRecord} for the single-document examples."""
    from blotter.pipeline import extract_many
    from blotter.read import read_inputs

    out = {}
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".txt", ".html"):
            (record,) = list(extract_many(read_inputs([str(path)]), jobs=1))
            out[path.name] = record
    return out


def run_blotter(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
                timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh interpreter, as a user's script would."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "blotter", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=full_env, timeout=timeout)


@pytest.fixture
def blotter_cli():
    return run_blotter
