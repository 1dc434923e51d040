"""De-duplication: do reports of one real incident merge into one incident, and only those?

Many GVA articles are ingested into a fresh database through the store's
``blotter.store.merge.cluster_documents(records) -> list[list[doc_id]]`` hook; its clusters are
compared with the true incidents by pairwise and B-cubed precision/recall/F1. The sample takes
every k-th incident with all of its articles, so duplicates stay together.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..models import DocumentRecord
from .gva import GvaArticle, every_kth, load_all, to_input
from .metrics import PRF, Mean
from .runner import Dataset, DatasetUnavailable, EvalResult

DEFAULT_SAMPLE = 300
HOOK_MODULE, HOOK_NAME = "blotter.store.merge", "cluster_documents"

Clusterer = Callable[[list[DocumentRecord]], list[list[str]]]


def load_clusterer() -> Clusterer:
    """The store's clustering hook, imported lazily; DatasetUnavailable when not built yet."""
    try:
        module = importlib.import_module(HOOK_MODULE)
    except ImportError as exc:
        raise DatasetUnavailable(f"dedup needs {HOOK_MODULE}.{HOOK_NAME}, which is not available yet ({exc})") from exc
    hook = getattr(module, HOOK_NAME, None)
    if not callable(hook):
        raise DatasetUnavailable(f"dedup needs {HOOK_MODULE}.{HOOK_NAME}(records), which does not exist yet")
    return hook


def check_ready() -> None:
    load_clusterer()


def _incidents(folder: Path) -> list[list[GvaArticle]]:
    """The articles of each incident, incidents in the order the file first names them."""
    by_incident: dict[str, list[GvaArticle]] = defaultdict(list)
    for article in load_all(folder):
        by_incident[article.incident].append(article)
    return list(by_incident.values())


def load(folder: Path, split: str, limit: int | None) -> list[GvaArticle]:
    """All articles of every k-th incident, about ``limit`` articles in all (incident order kept)."""
    incidents = _incidents(folder)
    if limit is None:
        return [a for group in incidents for a in group]
    average = sum(len(g) for g in incidents) / len(incidents)
    chosen = every_kth(incidents, max(1, round(limit / average)))
    return [a for group in chosen for a in group]


def load_range(folder: Path, split: str, offset: int, limit: int | None) -> list[GvaArticle]:
    """Whole incidents, in order, whose first article is among articles ``offset`` to
    ``offset + limit`` (all from ``offset`` on when ``limit`` is None): a dense stretch of the
    file, and two stretches never share an incident."""
    chosen: list[GvaArticle] = []
    start = 0
    for group in _incidents(folder):
        if start >= offset and (limit is None or start < offset + limit):
            chosen.extend(group)
        start += len(group)
    return chosen


def _membership(clusters: Iterable[Iterable[str]], items: Sequence[str]) -> dict[str, int]:
    """Cluster number of each item; an item no cluster names is a cluster of its own."""
    cluster_list = list(clusters)
    member: dict[str, int] = {}
    for number, cluster in enumerate(cluster_list):
        for item in cluster:
            member.setdefault(item, number)
    next_number = len(cluster_list)
    for item in items:
        if item not in member:
            member[item] = next_number
            next_number += 1
    return member


def pairwise(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> PRF:
    """Pairs of items put together: precision over predicted pairs, recall over true pairs."""
    items = sorted({i for c in gold for i in c} | {i for c in predicted for i in c})
    in_predicted, in_gold = _membership(predicted, items), _membership(gold, items)
    counts = PRF()
    for a, b in combinations(items, 2):
        together_predicted = in_predicted[a] == in_predicted[b]
        together_gold = in_gold[a] == in_gold[b]
        counts.add(int(together_predicted and together_gold), int(together_predicted), int(together_gold))
    return counts


def bcubed(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1: per item, the overlap of its predicted and true clusters."""
    items = sorted({i for c in gold for i in c} | {i for c in predicted for i in c})
    if not items:
        return 0.0, 0.0, 0.0
    in_predicted, in_gold = _membership(predicted, items), _membership(gold, items)
    predicted_members: dict[int, set[str]] = defaultdict(set)
    gold_members: dict[int, set[str]] = defaultdict(set)
    for item in items:
        predicted_members[in_predicted[item]].add(item)
        gold_members[in_gold[item]].add(item)
    precision, recall = Mean(), Mean()
    for item in items:
        mine, truth = predicted_members[in_predicted[item]], gold_members[in_gold[item]]
        overlap = len(mine & truth)
        precision.add(overlap / len(mine))
        recall.add(overlap / len(truth))
    p, r = precision.value, recall.value
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_clusterings(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]) -> EvalResult:
    """Pure scorer: pairwise and B-cubed P/R/F1 of two clusterings of document ids."""
    pairs = pairwise(predicted, gold)
    p, r, f1 = bcubed(predicted, gold)
    rows: dict[str, dict[str, float | int]] = {
        "pairwise": pairs.as_dict(),
        "b-cubed": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)},
        "clusters": {"predicted": len([c for c in predicted if c]), "gold": len(gold)},
    }
    return EvalResult("dedup", "B-cubed F1", f1, rows)


def true_clusters(articles: Sequence[GvaArticle]) -> list[list[str]]:
    by_incident: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        by_incident[article.incident].append(article.id)
    return list(by_incident.values())


def score(articles: Sequence[GvaArticle], records: Sequence[DocumentRecord | None]) -> EvalResult:
    """Cluster the records through the store's hook; failed documents end up alone."""
    clusters = load_clusterer()([r for r in records if r is not None])
    return score_clusterings(clusters, true_clusters(articles))


DATASET: Dataset[GvaArticle] = Dataset(
    name="dedup", folder="gva", headline_name="B-cubed F1", default_limit=DEFAULT_SAMPLE,
    load=load, to_input=to_input, score=score, check_ready=check_ready, load_range=load_range,
)
