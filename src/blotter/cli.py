"""The ``blotter`` command: a thin layer over the library.

Each command lives in its own module with ``register(subparsers)``; the module sets
``func`` on its parser, which receives the parsed arguments and returns the exit code.
Heavy imports (spaCy, SQLAlchemy) happen inside the commands, so ``blotter --help`` is fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "blotter.commands.extract",
    "blotter.commands.demo",
    "blotter.commands.schema",
    "blotter.commands.ingest",
    "blotter.commands.export",
    "blotter.commands.stats",
    "blotter.commands.eval",
    "blotter.commands.serve",
    "blotter.commands.fetch",
    "blotter.commands.watch",
    "blotter.commands.batch",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blotter",
        description="Turn news reports of violent incidents into sourced incident records.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("blotter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
