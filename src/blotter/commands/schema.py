"""``blotter schema``: print the JSON Schema of the document record, generated from the models."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the document record")
    p.set_defaults(func=run)


def document_schema() -> dict:
    from ..models import DocumentRecord

    return DocumentRecord.model_json_schema()


def run(args: argparse.Namespace) -> int:
    print(json.dumps(document_schema(), indent=2))
    return 0
