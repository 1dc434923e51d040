#!/usr/bin/env python
"""Check that no dataset text was copied into the repository.

    python scripts/check_dataset_text.py [-n 8] [--data ../shared/data]

The development datasets may only be read, never quoted: a test report or a comment that repeats
a dataset sentence (even with a name swapped) leaks it into the project and lets the code fit
that one document. This prints every line of the tracked files under src/, tests/, docs/,
scripts/, examples/ and README.md that shares a run of N lower-cased words with a dataset text,
as "file:line | dataset file | the words", and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SCANNED = ("src/", "tests/", "docs/", "scripts/", "examples/", "README.md")
SKIPPED = ("src/blotter/web/vendor/",)  # third-party map data: place names, no prose
DATASET_FILES = ("muc4/train.json", "muc4/dev.json", "gva/articles.jsonl", "gvdb/dev.tsv", "geo/GWN.xml",
                 "geo/GeoVirus.xml", "polnear/*/text/*.txt", "wcxb/dev/ground-truth/*.json", "wikievents/*")
WORD = re.compile(r"[a-z0-9']+")
RUN = 8
# Counting words in order ("one|two|three|...", a regex's alternation) are the language's, not a text's.
NUMBER_WORDS = frozenset("a an the one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                         "fifteen sixteen seventeen eighteen nineteen twenty".split())


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def repository_runs(n: int = RUN, root: Path = ROOT) -> dict[str, list[str]]:
    """Each run of n words on one line of a scanned file, with the places ("file:line") it stands."""
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "--", *SCANNED],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    runs: dict[str, list[str]] = {}
    for name in listed:
        if name.startswith(SKIPPED):
            continue
        try:
            lines = (root / name).read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # binary files and files deleted in the working tree hold no prose
        for number, line in enumerate(lines, 1):
            words = _words(line)
            for start in range(len(words) - n + 1):
                run = words[start:start + n]
                if not NUMBER_WORDS.issuperset(run):
                    runs.setdefault(" ".join(run), []).append(f"{name}:{number}")
    return runs


def _strings(value: object) -> Iterator[str]:
    """The text in a JSON value: its strings, a list of tokens read as one text."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        yield " ".join(value)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def dataset_texts(path: Path) -> Iterator[str]:
    """The texts of one dataset file; JSON is decoded so that escapes do not glue words together."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix not in (".json", ".jsonl", ".jsonlines"):
        yield raw
        return
    try:
        yield from _strings(json.loads(raw))
    except json.JSONDecodeError:  # one record a line, whatever the file's name says
        for line in raw.splitlines():
            if line.strip():
                yield from _strings(json.loads(line))


def shared_runs(n: int = RUN, data: Path = DATA, root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(file:line, dataset file, words) for each scanned line sharing a run of n words with a dataset."""
    runs = repository_runs(n, root)
    firsts = {run.split(" ", 1)[0] for run in runs}
    lasts = {run.rsplit(" ", 1)[-1] for run in runs}
    hits: dict[str, tuple[str, str]] = {}
    for pattern in DATASET_FILES:
        for path in sorted(data.glob(pattern)):
            if not path.is_file() or path.suffix not in (".json", ".jsonl", ".jsonlines", ".tsv", ".xml", ".txt"):
                continue
            for text in dataset_texts(path):
                words = _words(text)
                for start in range(len(words) - n + 1):
                    # two set look-ups rule out almost every position before a run is built
                    if words[start] in firsts and words[start + n - 1] in lasts:
                        run = " ".join(words[start:start + n])
                        for place in runs.get(run, ()):
                            hits.setdefault(place, (str(path.relative_to(data)), run))
    return sorted((place, source, run) for place, (source, run) in hits.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=RUN, help="words in a shared run (default %(default)s)")
    parser.add_argument("--data", type=Path, default=DATA, help="the datasets' directory (default %(default)s)")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no datasets at {args.data}", file=sys.stderr)
        return 2
    hits = shared_runs(args.n, args.data)
    for place, source, run in hits:
        print(f"{place} | {source} | {run}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
