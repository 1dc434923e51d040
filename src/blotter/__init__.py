"""Blotter: news reports of violent incidents in, sourced incident records out.

The public API is small::

    from blotter import extract_text, extract_html, extract, extract_many, read_inputs
    record = extract_text(report_text, published="2024-03-04")   # a DocumentRecord
    record.incidents[0].casualties.killed.best

Records are the pydantic models of ``blotter.models`` (RECORD.md); errors are the
``blotter.errors.BlotterError`` tree with stable codes; storage is ``blotter.store.open_database``.
Names are imported on first use, so importing ``blotter`` (and ``blotter --help``) stays fast:
the language models load only when something is extracted.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "blotter.pipeline",
    "extract_text": "blotter.pipeline",
    "extract_html": "blotter.pipeline",
    "extract_many": "blotter.pipeline",
    "read_inputs": "blotter.read",
    "open_database": "blotter.store",
    "DocumentRecord": "blotter.models",
    "Incident": "blotter.models",
    "InputDocument": "blotter.models",
    "BlotterError": "blotter.errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from .errors import BlotterError
    from .models import DocumentRecord, Incident, InputDocument
    from .pipeline import extract, extract_html, extract_many, extract_text
    from .read import read_inputs
    from .store import open_database


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'blotter' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
