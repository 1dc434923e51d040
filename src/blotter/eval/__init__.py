"""Accuracy on the development datasets: one module per dataset (loader + scorer).

``DATASET_MODULES`` names them; ``get_dataset(name)`` imports one lazily, so evaluating one
dataset never loads another's files. The runner (``runner.evaluate``) does the common work.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing the runner pulls in the models; ``blotter --help`` stays fast
    from .runner import Dataset

DATASET_MODULES = {
    "muc4": "blotter.eval.muc4",
    "muc4-keys": "blotter.eval.muc4_keys",
    "gvdb": "blotter.eval.gvdb",
    "gva": "blotter.eval.gva",
    "dedup": "blotter.eval.dedup",
    "article": "blotter.eval.article",
    "geo": "blotter.eval.geo",
    "quotes": "blotter.eval.quotes",
    "wikievents": "blotter.eval.wikievents",
}


def get_dataset(name: str) -> "Dataset":
    return importlib.import_module(DATASET_MODULES[name]).DATASET
