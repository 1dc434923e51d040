"""Batch extraction into Parquet (local processes and Ray Data) and loading it with ingest."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from blotter.batch import run_batch
from blotter.batch.output import RECORD_COLUMNS, read_record_rows
from blotter.cli import main
from blotter.read import ReadFailure, read_inputs
from blotter.store import open_database

REPORTS = [
    {"id": "kano-market", "url": "https://news.example.org/kano", "published": "2024-05-14",
     "text": "Gunmen kill two traders in Kano\n\nTwo traders were shot dead when gunmen opened fire at a market "
             "in Kano, Nigeria, on Tuesday, police said. Three other people were wounded."},
    {"id": "mosul-checkpoint", "url": "https://news.example.org/mosul", "published": "2024-05-19",
     "text": "Car bomb kills four soldiers near Mosul\n\nA car bomb exploded at an army checkpoint near Mosul, "
             "Iraq, on Sunday, killing four soldiers and wounding six, officials said."},
    {"id": "council-vote", "text": "Council approves new park\n\nThe city council voted on Monday to build a "
                                   "park beside the river, the mayor said."},
]
PAGE = ("<html><head><title>Bus set on fire in Karachi</title></head><body><article><h1>Bus set on fire in "
        "Karachi</h1><p>Protesters set a bus on fire in Karachi, Pakistan, on Friday after a student was killed "
        "in a road accident, police said. Nobody was hurt in the fire.</p></article></body></html>")


def write_warc(path: Path) -> None:
    """A gzipped WARC (one gzip member per record) with the record kinds a crawl holds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        url = "https://news.example.org/karachi"
        request = StatusAndHeaders("GET /karachi HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        for target, content_type, body in ((url, "text/html; charset=utf-8", PAGE.encode()),
                                           ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                target, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-20T08:00:00Z"}))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_revisit_record(url, digest="sha1:AAAA", refers_to_uri=url,
                                                         refers_to_date="2024-05-20T08:00:00Z",
                                                         http_headers=headers))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    (folder / "scan.html").write_bytes(b"%PDF-1.4 not a page")
    write_warc(folder / "crawl.warc.gz")
    return folder


def test_a_warc_yields_only_its_html_responses(corpus: Path) -> None:
    (document,) = list(read_inputs([str(corpus / "crawl.warc.gz")]))
    assert not isinstance(document, ReadFailure)
    assert document.url == "https://news.example.org/karachi" and document.fetched == "2024-05-20T08:00:00Z"


def test_local_batch_writes_records_as_parquet_and_failures_with_reasons(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    summary = run_batch([str(corpus)], output, engine="local", workers=1)
    assert (summary.documents, summary.failed) == (5, 1)
    table = pq.read_table(output / "records")
    assert table.column_names == list(RECORD_COLUMNS)
    rows = list(read_record_rows(output))
    assert [row["id"] for row in rows][1:] == ["kano-market", "mosul-checkpoint", "council-vote"]  # the WARC first
    kano = json.loads(rows[1]["record"])
    assert rows[1]["url"] == "https://news.example.org/kano"
    assert kano["incidents"][0]["casualties"]["killed"]["best"] == 2
    (failure,) = [json.loads(line) for line in (output / "failures.jsonl").read_text().splitlines()]
    assert failure["key"].endswith("scan.html") and failure["code"] == "E103" and "PDF" in failure["message"]
    assert json.loads((output / "summary.json").read_text())["engine"] == "local"


def test_batch_refuses_to_mix_two_runs_in_one_folder(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    run_batch([str(corpus / "reports.jsonl")], output, workers=1)
    assert main(["batch", str(corpus / "reports.jsonl"), "--output", str(output)]) == 2


def test_ingest_from_batch_stores_once_and_matches_ingesting_the_files(corpus: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "out"
    assert main(["batch", str(corpus), "--output", str(output), "--workers", "1"]) == 1  # one unreadable file
    db_url = f"sqlite:///{tmp_path / 'news.db'}"
    assert main(["ingest", "--from-batch", str(output), "--db", db_url]) == 1
    assert "documents stored 4" in capsys.readouterr().err
    with open_database(db_url) as db:
        assert db.counts().documents == 4 and db.counts().merged >= 2
        assert [failure["code"] for failure in db.failures()] == ["E103"]
    assert main(["ingest", "--from-batch", str(output), "--db", db_url]) == 1
    assert "documents stored 0, already stored 4" in capsys.readouterr().err
    # The same files through the ordinary ingest are recognised as stored: same ids and content hashes.
    main(["ingest", str(corpus / "reports.jsonl"), str(corpus / "crawl.warc.gz"), "--db", db_url])
    assert "documents stored 0, already stored 4" in capsys.readouterr().err


@pytest.mark.slow
def test_ray_engine_writes_what_the_local_engine_writes(corpus: Path, tmp_path: Path) -> None:
    ray = pytest.importorskip("ray", reason="ray is not installed")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as error:  # a sandbox without shared memory or free ports
        pytest.skip(f"a local Ray instance cannot start here: {error}")
    try:
        ray_summary = run_batch([str(corpus)], tmp_path / "ray", engine="ray", workers=2)
    finally:
        ray.shutdown()
    run_batch([str(corpus)], tmp_path / "local", engine="local", workers=1)
    assert (ray_summary.documents, ray_summary.failed) == (5, 1)
    ray_rows = list(read_record_rows(tmp_path / "ray"))
    local_rows = list(read_record_rows(tmp_path / "local"))
    assert [(r["id"], r["content_hash"]) for r in ray_rows] == [(r["id"], r["content_hash"]) for r in local_rows]
    assert json.loads((tmp_path / "ray" / "failures.jsonl").read_text())["code"] == "E103"
