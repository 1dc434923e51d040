"""``blotter eval`` as a user runs it, on a tiny WCXB-shaped folder (only the clean stage runs)."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest

from blotter.cli import main
from blotter.eval import dedup, gva
from blotter.eval.runner import DatasetUnavailable, evaluate

BODY = "Two men were hurt when a wall collapsed on Main Street on Friday, officials said."


@pytest.fixture
def wcxb(tmp_path: Path) -> Path:
    """A shared-data-like root holding wcxb/dev with two pages."""
    split = tmp_path / "wcxb" / "dev"
    (split / "ground-truth").mkdir(parents=True)
    (split / "html").mkdir()
    for file_id in ("0001", "0002"):
        truth = {"url": f"https://example.com/{file_id}", "ground_truth": {
            "title": "Wall collapses", "author": None, "publish_date": None, "main_content": BODY,
            "with": ["a wall collapsed"], "without": ["Sign up"]}}
        (split / "ground-truth" / f"{file_id}.json").write_text(json.dumps(truth))
        with gzip.open(split / "html" / f"{file_id}.html.gz", "wt") as html:
            html.write(f"<html><head><title>Wall collapses</title></head><body><article><p>{BODY}</p></article></body></html>")
    return tmp_path


def test_table_ends_with_headline(wcxb: Path, capsys):
    assert main(["eval", "article", "--data", str(wcxb)]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines[0].startswith("article (dev, 2 documents, 0 failed)")
    assert lines[-1].startswith("headline: article body F1 = ")
    assert "2/2" in err  # progress goes to stderr


def test_json_limit_and_save(wcxb: Path, tmp_path: Path, capsys):
    saved = tmp_path / "predictions.jsonl"
    assert main(["eval", "article", "--data", str(wcxb / "wcxb"), "--limit", "1", "--json", "--save", str(saved)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 1 and result["headline"]["name"] == "body F1"
    assert [json.loads(line)["id"] for line in saved.read_text().splitlines()] == ["wcxb-0001"]


def test_missing_data_is_a_clear_error(tmp_path: Path, capsys):
    assert main(["eval", "gvdb", "--data", str(tmp_path / "nowhere")]) == 2
    assert "no dataset folder" in capsys.readouterr().err
    assert main(["eval", "muc4", "--data", str(tmp_path)]) == 2
    assert "dev.json" in capsys.readouterr().err


def test_failing_document_counts_as_empty(wcxb: Path):
    from blotter.eval import article

    calls = []

    def flaky(document):
        calls.append(document.id)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return article.predict(document)

    dataset = dataclasses.replace(article.DATASET, predict=flaky)
    result = evaluate(dataset, wcxb, progress=None)
    assert result.failures == 1 and result.rows["must-include found"]["total"] == 2


def test_dedup_without_store_hook_says_so(monkeypatch, tmp_path: Path, capsys):
    monkeypatch.setattr(dedup, "HOOK_MODULE", "blotter.no_such_store")
    with pytest.raises(DatasetUnavailable, match="cluster_documents"):
        dedup.check_ready()
    assert main(["eval", "dedup", "--data", str(tmp_path)]) == 2
    assert "cluster_documents" in capsys.readouterr().err


def test_cache_reuses_predictions_and_scores_the_same(wcxb: Path, tmp_path: Path):
    from blotter.eval import article

    calls = []

    def counting(document):
        calls.append(document.id)
        return article.predict(document)

    dataset = dataclasses.replace(article.DATASET, predict=counting)
    fresh = evaluate(dataset, wcxb, progress=None)
    first = evaluate(dataset, wcxb, progress=None, cache=tmp_path / "cache")
    second = evaluate(dataset, wcxb, progress=None, cache=tmp_path / "cache")
    assert calls == ["wcxb-0001", "wcxb-0002"] * 2  # the second cached run predicted nothing
    assert fresh.as_dict() == first.as_dict() == second.as_dict()


def test_cache_predicts_again_when_the_document_or_the_predictor_changes(tmp_path: Path):
    from blotter.eval.runner import PredictionCache
    from blotter.models import Article, InputDocument

    def predict(document):
        return Article(id=document.id, text=document.text or "")

    def other_predict(document):
        return Article(id=document.id, text="")

    cache = PredictionCache(tmp_path, predict)
    report = InputDocument(id="r1", text="A man was shot on Elm Street on Friday.")
    cache.put(report, predict(report))
    assert cache.get(report) == predict(report)
    assert cache.get(report.model_copy(update={"text": "A man was shot on Oak Street on Friday."})) is None
    assert PredictionCache(tmp_path, other_predict).get(report) is None


def test_dedup_offset_takes_disjoint_stretches_of_whole_incidents(tmp_path: Path, capsys):
    folder = tmp_path / "gva"
    folder.mkdir()
    incidents = [{"incident_uri": str(n), "date": "April 10, 2017", "city_or_county": "Springfield",
                  "num_killed": 1, "num_injured": 0} for n in range(4)]
    articles = [{"incident_uri": str(n), "id": f"a{n}-{k}", "title": "Shooting", "content": f"Report {k} of {n}."}
                for n, reports in enumerate((2, 1, 3, 1)) for k in range(reports)]
    (folder / "incidents.jsonl").write_text("\n".join(json.dumps(i) for i in incidents))
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles))
    first = dedup.load_range(folder, "dev", 0, 3)
    second = dedup.load_range(folder, "dev", 3, None)
    assert [a.id for a in first] == ["a0-0", "a0-1", "a1-0"]
    assert [a.id for a in second] == ["a2-0", "a2-1", "a2-2", "a3-0"]
    assert [a.id for a in dedup.load_range(folder, "dev", 1, 2)] == ["a1-0"]  # incidents that start inside
    assert main(["eval", "geo", "--data", str(tmp_path), "--offset", "3"]) == 2
    assert "offset" in capsys.readouterr().err


def test_gva_offset_stretches_share_no_incident_with_the_scored_sample(tmp_path: Path, monkeypatch):
    folder = tmp_path / "gva"
    folder.mkdir()
    incidents = [{"incident_uri": str(n), "date": "April 10, 2017", "city_or_county": "Springfield",
                  "num_killed": 1, "num_injured": 0} for n in range(10)]
    # incidents 0-4 have two reports each, 5-9 one: the sample takes articles 0, 3, 6, 9, 12
    articles = [{"incident_uri": str(n), "id": f"a{n}-{k}", "title": "Shooting", "content": f"Report {k} of {n}."}
                for n in range(10) for k in range(2 if n < 5 else 1)]
    (folder / "incidents.jsonl").write_text("\n".join(json.dumps(i) for i in incidents))
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles))
    monkeypatch.setattr(gva, "DEFAULT_SAMPLE", 5)
    sample = gva.load(folder, "dev", 5)
    assert [a.id for a in sample] == ["a0-0", "a1-1", "a3-0", "a4-1", "a7-0"]
    stretch = gva.load_range(folder, "dev", 0, None)
    assert [a.id for a in stretch] == ["a2-0", "a2-1", "a5-0", "a6-0", "a8-0", "a9-0"]
    assert [a.id for a in gva.load_range(folder, "dev", 2, 2)] == ["a5-0", "a6-0"]
