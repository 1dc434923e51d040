"""``blotter schema``: print the JSON Schema of the document record (or, with ``--merged``, of
the database's merged incident), generated from the models."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the document record")
    p.add_argument("--merged", action="store_true",
                   help="print the schema of the database's merged incident (what the API and exports return)")
    p.set_defaults(func=run)


def document_schema() -> dict:
    from ..models import DocumentRecord

    return DocumentRecord.model_json_schema()


def run(args: argparse.Namespace) -> int:
    if args.merged:
        from ..store.records import merged_incident_schema

        schema = merged_incident_schema()
    else:
        schema = document_schema()
    print(json.dumps(schema, indent=2))
    return 0
