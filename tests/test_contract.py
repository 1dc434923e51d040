"""Every record Blotter writes keeps RECORD.md's promises: offsets, mentions and the schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from blotter.commands.schema import document_schema
from blotter.models import DocumentRecord, Evidence

from .conftest import ROOT


def _walk(value, path="$"):
    """Yield (path, dict) for every object inside a JSON value."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from _walk(child, f"{path}.{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, f"{path}[{i}]")


def check_offsets(record: DocumentRecord) -> list[str]:
    """Every way a record breaks the evidence contract, as readable lines (empty when it holds)."""
    problems = []
    data = record.model_dump(mode="json")
    text, title = record.text, record.title or ""
    for path, obj in _walk(data):
        if {"field", "start", "end", "quote"} <= obj.keys():
            source = title if obj["field"] == "title" else text
            if source[obj["start"]:obj["end"]] != obj["quote"]:
                problems.append(f"{path}: quote {obj['quote']!r} != text[{obj['start']}:{obj['end']}]")
        if "mention" in obj and obj["mention"] is not None and obj["mention"] not in text:
            problems.append(f"{path}: mention {obj['mention']!r} is not in the text")
    for place in record.places:
        if text[place.start:place.end] != place.mention:
            problems.append(f"place {place.mention!r} offsets {place.start}:{place.end} do not match")
    for quote in record.quotes:
        if text[quote.start:quote.end] != quote.text:
            problems.append(f"quote {quote.text[:30]!r} offsets do not match")
    return problems


def test_evidence_quote_is_cut_from_the_text():
    text = "Two people were killed on Friday."
    ev = Evidence.of(text, 0, 10)
    assert ev.quote == "Two people" and ev.field == "text"


def test_checked_in_schema_is_generated_from_the_models():
    shipped = json.loads((ROOT / "src" / "blotter" / "schema" / "record.schema.json").read_text())
    assert shipped == document_schema(), "run `blotter schema > src/blotter/schema/record.schema.json`"


@pytest.mark.parametrize("name", ["bridge-stabbing.txt", "kaduna-kidnapping.html", "wire-mogadishu.txt",
                                  "chicago-shooting.txt", "no-incident.txt"])
def test_example_records_keep_the_contract(example_records, name):
    record = example_records[name]
    assert isinstance(record, DocumentRecord), record
    assert check_offsets(record) == []
    jsonschema.validate(record.model_dump(mode="json"), document_schema())
    ids = [inc.id for inc in record.incidents]
    assert len(ids) == len(set(ids)), "incident ids are unique within a document"
    assert sum(inc.is_primary for inc in record.incidents) == (1 if record.incidents else 0)
    if record.incidents:
        assert record.incidents[0].is_primary, "the main incident comes first"
