"""The documentation matches the code: every command is documented, every documented command runs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import cli_docs  # noqa: E402


def test_command_reference_is_generated_from_the_parser():
    assert (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8") == cli_docs.render(), \
        "run `python scripts/cli_docs.py`"


def test_every_command_in_the_readme_exists(blotter_cli):
    from blotter.cli import COMMAND_MODULES

    known = {module.rsplit(".", 1)[1] for module in COMMAND_MODULES}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"^\s*(?:\S*/)?blotter ([a-z]+)", readme, flags=re.MULTILINE))
    assert used, "the README shows commands"
    assert used <= known, f"README mentions commands that do not exist: {used - known}"
    for name in sorted(used):
        assert blotter_cli(name, "--help").returncode == 0, name


def test_quick_start_is_make_demo_and_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.search(r"```\s*make demo\s*make test\s*```", quick)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.MULTILINE) and re.search(r"^test:", makefile, re.MULTILINE)
