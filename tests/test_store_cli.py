"""``blotter export`` and ``blotter stats`` over a database filled with hand-made records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from blotter.cli import main
from blotter.store import open_database

from .test_merge import HOUSTON, report


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'blotter.db'}"
    with open_database(url) as db:
        db.add_record(report("a", "A gunman shot 2 people outside a Chicago bar on Saturday night.", killed=2))
        db.add_record(report("b", "Police said 2 people died after a gunman opened fire at a bar in Chicago.", killed=2))
        db.add_record(report("c", "A bomb exploded near a Houston stadium, injuring 4 people.", injured=4,
                             place=HOUSTON, day="2024-05-10", published="2024-05-10T18:00:00+00:00"))
    return url


def test_export_jsonl_writes_full_merged_records(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db_url]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    chicago = lines[0]
    assert [s["document_id"] for s in chicago["sources"]] == ["a", "b"]
    assert {"id", "sources", "first_reported", "last_reported", "conflicts", "casualties"} <= chicago.keys()


def test_export_csv_has_gtd_columns(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    assert main(["export", "--db", db_url, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["iyear"], r["imonth"], r["iday"], r["city"], r["nkill"], r["nwound"]) for r in rows] == [
        ("2024", "3", "2", "Chicago", "2", ""), ("2024", "5", "10", "Houston", "", "4")]
    assert rows[0]["country_txt"] == "United States" and rows[0]["attacktype1_txt"] == "Armed Assault"


def test_export_since_until(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db_url, "--since", "2024-05-01", "--until", "2024-05-31"]) == 0
    assert [json.loads(line)["location"]["name"] for line in capsys.readouterr().out.splitlines()] == ["Houston"]


def test_export_geojson_points(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db_url, "--format", "geojson"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection"
    houston = collection["features"][1]
    assert houston["geometry"] == {"type": "Point", "coordinates": [HOUSTON["lon"], HOUSTON["lat"]]}
    assert houston["properties"]["city"] == "Houston"


def test_export_parquet(db_url: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "incidents.parquet"
    assert main(["export", "--db", db_url, "--format", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert table.column("nkill").to_pylist() == [2, None]
    assert json.loads(table.column("record")[0].as_py())["location"]["name"] == "Chicago"


def test_stats_as_json_and_table(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", db_url, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["merged_incidents"] == 2 and stats["by_month"] == {"2024-03": 1, "2024-05": 1}
    assert main(["stats", "--db", db_url]) == 0
    table = capsys.readouterr().out
    assert "merged incidents: 2" in table and "United States" in table


def test_database_from_environment(db_url: str, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BLOTTER_DB", db_url)
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 3


def test_schema_merged_prints_the_shipped_merged_incident_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from blotter.store.records import SCHEMA_PATH

    assert main(["schema", "--merged"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert "sources" in printed["properties"] and "conflicts" in printed["properties"]
