"""Stage 1, read: every input kind becomes documents; every bad input becomes a coded failure."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from blotter import read
from blotter.models import InputDocument
from blotter.read import ReadFailure, content_id, read_inputs

REPORT = "Two men were arrested after a shop was set on fire in Leeds on Friday, police said.\n"
PAGE = "<html><head><title>Shop fire</title></head><body><p>" + REPORT + "</p></body></html>"


def read_all(*paths: str | Path) -> list[InputDocument | ReadFailure]:
    return list(read_inputs([str(path) for path in paths]))


def only_document(items: list) -> InputDocument:
    assert len(items) == 1 and isinstance(items[0], InputDocument), items
    return items[0]


def only_failure(items: list) -> ReadFailure:
    assert len(items) == 1 and isinstance(items[0], ReadFailure), items
    return items[0]


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize("name", ["report.html", "report.htm", "REPORT.HTML"])
def test_html_files_are_read_as_html(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    doc = only_document(read_all(path))
    assert doc.html == PAGE and doc.text is None
    assert doc.id == content_id(PAGE)
    assert doc.origin == str(path)


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_text_files_are_read_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(REPORT, encoding="utf-8")
    doc = only_document(read_all(path))
    assert doc.text == REPORT and doc.html is None


def test_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.encode())
    assert only_document(read_all(path)).text == REPORT


def test_jsonl_keeps_caller_fields_and_reports_bad_lines_by_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "url": "https://news.example.com/a1", "title": "Fire", "published": "2024-03-01",
                    "text": REPORT, "extra": "ignored"}),
        "",
        "{not json",
        json.dumps({"id": 7, "html": PAGE}),
        json.dumps(["a list"]),
        json.dumps({"id": "no-body", "title": "nothing to read"}),
        json.dumps({"text": REPORT}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [type(item).__name__ for item in items] == [
        "InputDocument", "ReadFailure", "InputDocument", "ReadFailure", "ReadFailure", "InputDocument"]
    first = items[0]
    assert (first.id, first.url, first.title, first.published, first.text) == (
        "a1", "https://news.example.com/a1", "Fire", "2024-03-01", REPORT)
    bad_json = items[1]
    assert bad_json.error.code == "E104" and "line 3" in bad_json.error.message
    assert bad_json.origin == f"{path}:3"
    assert items[2].id == "7" and items[2].html == PAGE
    assert items[3].error.code == "E104" and "line 5" in items[3].error.message
    assert items[4].error.code == "E104" and items[4].id == "no-body"
    assert items[5].id == content_id(REPORT)


def test_jsonl_document_that_is_empty_keeps_its_id(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "blank", "text": "   \n "}) + "\n", encoding="utf-8")
    failure = only_failure(read_all(path))
    assert failure.id == "blank" and failure.error.code == "E101"


def _write_warc(path: Path, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        records = [
            ("https://news.example.com/fire", "text/html; charset=utf-8", "200 OK", PAGE.encode()),
            ("https://news.example.com/logo.png", "image/png", "200 OK", b"\x89PNG\r\n"),
            ("https://news.example.com/old", "text/html", "301 Moved Permanently", b""),
        ]
        for url, content_type, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-03-04T18:10:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("name,compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_documents_with_url_and_fetch_date(tmp_path: Path, name: str,
                                                                      compress: bool) -> None:
    path = tmp_path / name
    _write_warc(path, compress)
    doc = only_document(read_all(path))
    assert doc.url == "https://news.example.com/fire"
    assert doc.fetched == "2024-03-04T18:10:00Z"
    assert doc.html == PAGE


def test_broken_warc_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("this is not a WARC file\n" * 3)
    assert only_failure(read_all(path)).error.code.startswith("E1")


def test_directory_is_read_recursively_in_sorted_order_and_only_known_kinds(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second " + REPORT)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "c.txt").write_text("third " + REPORT)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(REPORT)
    items = read_all(tmp_path)
    assert [Path(item.origin).relative_to(tmp_path).as_posix() for item in items] == ["a.html", "b/2.txt", "c.txt"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("data,kind", [(REPORT, "text"), (PAGE, "html"), ("  <!DOCTYPE html>" + PAGE, "html")])
def test_stdin_is_detected_as_html_or_text(monkeypatch: pytest.MonkeyPatch, data: str, kind: str) -> None:
    _stdin(monkeypatch, data.encode())
    doc = only_document(read_all("-"))
    assert getattr(doc, kind) == data and doc.origin == "stdin"


def test_stdin_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "x", "text": REPORT}), "oops", json.dumps({"id": "y", "html": PAGE})]
    _stdin(monkeypatch, "\n".join(lines).encode())
    items = read_all("-")
    assert [getattr(item, "id") for item in items] == ["x", None, "y"]
    assert items[1].error.code == "E104" and "line 2" in items[1].error.message


# --------------------------------------------------------------------------- encodings


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    text = ("The mayor\u2019s office said the \u201cdeliberate\u201d fire \u2013 the third this month \u2013 "
            "destroyed the caf\u00e9 on Rue Saint-\u00c9tienne. Police are appealing for witnesses.\n")
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1252"))
    assert only_document(read_all(path)).text == text


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = ("La polic\u00eda detuvo a dos hombres en A Coru\u00f1a despu\u00e9s del incendio del s\u00e1bado. "
            "El due\u00f1o del caf\u00e9 dijo que no hubo heridos y que la investigaci\u00f3n contin\u00faa.\n")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert only_document(read_all(path)).text == text


def test_utf16_with_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(REPORT.encode("utf-16"))
    assert only_document(read_all(path)).text == REPORT


# --------------------------------------------------------------------------- errors


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    failure = only_failure(read_all(tmp_path / "nowhere.txt"))
    assert failure.error.code == "E100" and "no such file" in failure.error.message


def test_unknown_kind_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text(REPORT)
    assert only_failure(read_all(path)).error.code == "E105"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_or_blank_file_is_empty_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    failure = only_failure(read_all(path))
    assert failure.error.code == "E101" and "empty" in failure.error.message


@pytest.mark.parametrize("content,words", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"text\x00with\x00nul\x00bytes" * 10, "NUL"),
    (bytes(range(1, 32)) * 40, "binary"),
])
def test_binary_junk_is_binary_input(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "junk.html"
    path.write_bytes(content)
    failure = only_failure(read_all(path))
    assert failure.error.code == "E103" and words in failure.error.message


def test_oversized_file_is_input_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "long.txt"
    path.write_text(REPORT * 5)
    failure = only_failure(read_all(path))
    assert failure.error.code == "E102" and "limit of 100 bytes" in failure.error.message


def test_oversized_jsonl_document_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_DOCUMENT_BYTES", 200)
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "big", "text": REPORT * 5}) + "\n" + json.dumps({"id": "ok", "text": REPORT}))
    big, ok = read_all(path)
    assert isinstance(big, ReadFailure) and big.id == "big" and big.error.code == "E102"
    assert isinstance(ok, InputDocument) and ok.id == "ok"


def test_one_bad_path_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    items = read_all(tmp_path / "missing.html", good)
    assert isinstance(items[0], ReadFailure) and isinstance(items[1], InputDocument)


def test_gzip_signature_in_a_text_file_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "packed.txt"
    path.write_bytes(gzip.compress(REPORT.encode()))
    assert only_failure(read_all(path)).error.code == "E103"
