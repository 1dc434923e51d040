"""Running one dataset: load gold, predict as a user would, score, and present the result.

A dataset module supplies a ``Dataset``: how to load its gold items, how to turn one into the
``InputDocument`` a user would give Blotter (never a gold field), and how to score. The runner
owns what is common: progress on stderr, surviving a failing document (it becomes an empty
prediction, ``None``), saving predictions, and the fixed-width table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Generic, Sequence, TextIO, TypeVar

from pydantic import BaseModel

from ..models import InputDocument

Gold = TypeVar("Gold")
Prediction = BaseModel


class DatasetUnavailable(Exception):
    """The dataset cannot be evaluated here (files or a needed component are missing)."""


@dataclass
class EvalResult:
    """Scores of one run: rows of named metrics per field, and the one headline figure."""

    dataset: str
    headline_name: str
    headline: float
    rows: dict[str, dict[str, float | int]]
    documents: int = 0
    failures: int = 0
    settings: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "documents": self.documents, "failures": self.failures,
                "settings": self.settings, "rows": self.rows,
                "headline": {"name": self.headline_name, "value": round(self.headline, 4)}}


@dataclass(frozen=True)
class Dataset(Generic[Gold]):
    """What a dataset module provides to the runner."""

    name: str
    folder: str
    headline_name: str
    default_limit: int | None
    load: Callable[[Path, str, int | None], list[Gold]]
    to_input: Callable[[Gold], InputDocument]
    score: Callable[[Sequence[Gold], Sequence[Any]], EvalResult]
    splits: tuple[str, ...] = ("dev",)
    # The stage run per document; default: the whole pipeline.
    predict: Callable[[InputDocument], Prediction] | None = None
    # Raises DatasetUnavailable before any work when a needed component is missing.
    check_ready: Callable[[], None] | None = None


def resolve_folder(data_path: Path, folder: str) -> Path:
    """Accept the dataset folder itself or the shared data root that contains it."""
    nested = data_path / folder
    if nested.is_dir():
        return nested
    if data_path.is_dir():
        return data_path
    raise DatasetUnavailable(f"no dataset folder at {data_path} (nor {nested})")


def predict_all(dataset: Dataset[Gold], golds: Sequence[Gold], progress: TextIO | None = None,
                ) -> tuple[list[Prediction | None], int]:
    """Predict every document; a document that fails counts as an empty prediction (None)."""
    if dataset.predict is None:
        from ..pipeline import extract
        predict: Callable[[InputDocument], Prediction] = extract
    else:
        predict = dataset.predict
    predictions: list[Prediction | None] = []
    failures = 0
    for number, gold in enumerate(golds, 1):
        try:
            predictions.append(predict(dataset.to_input(gold)))
        except Exception as exc:  # one bad document must not end the run
            failures += 1
            predictions.append(None)
            if progress:
                print(f"\nblotter eval: document {number} failed: {type(exc).__name__}: {exc}", file=progress)
        if progress and (number % 10 == 0 or number == len(golds)):
            print(f"\r{dataset.name}: {number}/{len(golds)}", end="", file=progress, flush=True)
    if progress:
        print(file=progress)
    return predictions, failures


def evaluate(dataset: Dataset[Gold], data_path: Path, *, limit: int | None = None, split: str = "dev",
             save: Path | None = None, progress: TextIO | None = None) -> EvalResult:
    """Load, predict, score; ``limit`` None means the dataset's default sample.

    Progress (count/total) and failed documents are reported on ``progress`` when given.
    """
    if split not in dataset.splits:
        raise DatasetUnavailable(f"{dataset.name} has no split {split!r} (choose from {', '.join(dataset.splits)})")
    if dataset.check_ready:
        dataset.check_ready()
    effective_limit = limit if limit is not None else dataset.default_limit
    try:
        golds = dataset.load(resolve_folder(data_path, dataset.folder), split, effective_limit)
    except FileNotFoundError as exc:
        raise DatasetUnavailable(f"{dataset.name}: {exc.strerror}: {exc.filename}") from exc
    if not golds:
        raise DatasetUnavailable(f"{dataset.name}: no documents found under {data_path}")
    predictions, failures = predict_all(dataset, golds, progress)
    if save:
        write_predictions(save, predictions)
    result = dataset.score(golds, predictions)
    result.documents, result.failures = len(golds), failures
    result.settings = {"limit": effective_limit, "split": split}
    return result


def write_predictions(path: Path, predictions: Sequence[Prediction | None]) -> None:
    """JSON Lines, one prediction per document in order; a failed document is ``null``."""
    with open(path, "w", encoding="utf-8") as out:
        for prediction in predictions:
            data = prediction.model_dump(mode="json") if prediction is not None else None
            out.write(json.dumps(data, ensure_ascii=False) + "\n")


def format_table(result: EvalResult) -> str:
    """A fixed-width table, one row per field; rows with other metrics start a new header."""
    field_width = max([len("field")] + [len(name) for name in result.rows])
    lines = [f"{result.dataset} ({result.settings.get('split', 'dev')}, {result.documents} documents, "
             f"{result.failures} failed)"]
    columns: list[str] = []
    for name, metrics in result.rows.items():
        if list(metrics) != columns:
            columns = list(metrics)
            lines.append("  ".join([f"{'field':<{field_width}}"] + [f"{c:>10}" for c in columns]))
        lines.append("  ".join([f"{name:<{field_width}}"] + [f"{_cell(metrics[c]):>10}" for c in columns]))
    return "\n".join(lines)


def headline_line(result: EvalResult) -> str:
    return f"headline: {result.dataset} {result.headline_name} = {result.headline:.2f}"


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
