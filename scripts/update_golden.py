#!/usr/bin/env python
"""Rewrite tests/golden/*.json from the current pipeline's output for the example reports.

Run it after a deliberate change in extraction, then read `git diff tests/golden` line by
line: every changed value must be one a person would agree is better.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_golden import GOLDEN, golden_records  # noqa: E402


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, data in golden_records().items():
        (GOLDEN / f"{name}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote tests/golden/{name}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
