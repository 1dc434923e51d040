"""The command line as CLI.md fixes it: output shape, order, error lines and exit codes."""

from __future__ import annotations

import json

from .conftest import EXAMPLES


def _lines(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode().splitlines() if line.strip()]


def test_extract_writes_one_record_per_document_in_input_order(blotter_cli, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("A man was stabbed to death in Leeds on Friday, police said.")
    b = tmp_path / "b.txt"
    b.write_text("The council approved the budget on Tuesday.")
    result = blotter_cli("extract", str(b), str(a))
    assert result.returncode == 0, result.stderr
    records = _lines(result.stdout)
    assert [r["text"] for r in records] == [b.read_text(), a.read_text()]
    assert all(r["schema_version"] == "1.0" for r in records)


def test_a_bad_document_gets_an_error_line_and_the_run_goes_on(blotter_cli, tmp_path):
    good = tmp_path / "1-good.txt"
    good.write_text("Gunmen killed two farmers near Jos on Monday, police said.")
    junk = tmp_path / "2-junk.txt"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    empty = tmp_path / "3-empty.txt"
    empty.write_text("   \n")
    result = blotter_cli("extract", str(good), str(junk), str(empty))
    assert result.returncode == 1
    records = _lines(result.stdout)
    assert len(records) == 3
    assert "text" in records[0] and "error" not in records[0]
    for failed in records[1:]:
        assert set(failed) == {"id", "error"}
        assert failed["error"]["code"].startswith("E1") and failed["error"]["message"]
    assert b"E10" in result.stderr


def test_jsonl_input_keeps_the_callers_ids(blotter_cli):
    result = blotter_cli("extract", str(EXAMPLES / "more-reports.jsonl"))
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in _lines(result.stdout)] == ["foiled-plot-cologne", "mosque-arson-bradford"]


def test_standard_input_and_pretty_json_array(blotter_cli):
    doc = {"id": "stdin-1", "text": "Two soldiers were killed in a roadside bomb attack in Kandahar on Sunday."}
    result = blotter_cli("extract", "-", "--format", "json", stdin=(json.dumps(doc) + "\n").encode())
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert isinstance(records, list) and records[0]["id"] == "stdin-1"


def test_output_file(blotter_cli, tmp_path):
    out = tmp_path / "out.jsonl"
    result = blotter_cli("extract", str(EXAMPLES / "no-incident.txt"), "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert len(_lines(out.read_bytes())) == 1


def test_bad_usage_exits_2(blotter_cli):
    assert blotter_cli("extract", "--format", "xml").returncode == 2
    assert blotter_cli("no-such-command").returncode == 2


def test_parallel_and_serial_runs_agree(blotter_cli, tmp_path):
    for i in range(40):
        (tmp_path / f"doc{i:02d}.txt").write_text(f"Report {i}: a man was shot and wounded in Denver on Friday, police said.")
    serial = blotter_cli("extract", "-j", "1", str(tmp_path))
    parallel = blotter_cli("extract", "-j", "2", str(tmp_path))
    assert serial.returncode == parallel.returncode == 0
    assert _lines(serial.stdout) == _lines(parallel.stdout)
    assert len(_lines(serial.stdout)) == 40


def test_help_lists_the_commands(blotter_cli):
    result = blotter_cli("--help")
    assert result.returncode == 0 and b"extract" in result.stdout
