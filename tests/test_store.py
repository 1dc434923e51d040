"""The storage interface on SQLite and, when BLOTTER_TEST_PG_URL is set, on PostgreSQL."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from blotter.models import DocumentRecord
from blotter.store import open_database, resolve_url
from blotter.store.records import SCHEMA_PATH, merged_incident_schema
from blotter.store.schema import documents, metadata

from .test_merge import HOUSTON, report


def _postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL schema for this test, dropped afterwards."""
    base = os.environ.get("BLOTTER_TEST_PG_URL")
    if not base:
        pytest.skip("PostgreSQL tests need BLOTTER_TEST_PG_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    schema = f"blotter_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'blotter.db'}"
    else:
        yield from _postgres_url()


def _three_reports() -> list[DocumentRecord]:
    return [
        report("a", "A gunman shot 2 people outside a Chicago bar on Saturday night.", killed=2),
        report("b", "Police said 2 people died after a gunman opened fire outside a bar in Chicago.", killed=2),
        report("c", "A bomb exploded near a Houston stadium, injuring 4 people.", injured=4, place=HOUSTON,
               day="2024-05-10", published="2024-05-10T18:00:00+00:00"),
    ]


def test_documents_incidents_and_merges_are_stored(db_url: str) -> None:
    with open_database(db_url) as db:
        for record in _three_reports():
            assert db.add_record(record).stored
        counts = db.counts()
        assert (counts.documents, counts.incidents, counts.merged, counts.failed) == (3, 3, 2, 0)
        stored = db.get_document("a")
        assert stored is not None and stored.incidents[0].casualties.killed.best == 2
        assert db.get_document("missing") is None and db.get_incident("missing") is None


def test_reingesting_changes_nothing(db_url: str) -> None:
    with open_database(db_url) as db:
        for record in _three_reports():
            db.add_record(record)
        before = (db.counts(), [i.model_dump() for i in db.iter_incidents()])
        for record in _three_reports():
            assert not db.add_record(record).stored
        same_text = _three_reports()[0].model_copy(update={"id": "copy-of-a"})
        assert not db.add_record(same_text).stored  # same content, another id
        assert (db.counts(), [i.model_dump() for i in db.iter_incidents()]) == before


def test_data_survives_reopening(db_url: str) -> None:
    with open_database(db_url) as db:
        db.add_record(_three_reports()[0])
    with open_database(db_url) as db:
        assert db.counts().documents == 1 and db.has_document("a")


def test_query_filters_pages_and_full_text(db_url: str) -> None:
    with open_database(db_url) as db:
        for record in _three_reports():
            db.add_record(record)
        items, total = db.query_incidents(limit=1)
        assert total == 2 and len(items) == 1 and items[0].location.name == "Houston"  # newest first
        assert db.query_incidents(since="2024-05-01")[1] == 1
        assert db.query_incidents(until="2024-04-01")[0][0].location.name == "Chicago"
        assert db.query_incidents(country_code="us", category="crime")[1] == 2
        assert db.query_incidents(text="stadium")[0][0].location.name == "Houston"
        assert db.query_incidents(text='bomb" (stadium*')[1] == 1  # query syntax is never interpreted
        assert sorted(db.search_documents("gunman bar")) == ["a", "b"]
        assert [i.location.name for i in db.iter_incidents(since="2024-03-01", until="2024-03-31")] == ["Chicago"]


def test_query_filters_by_box_names_and_dead_and_sorts(db_url: str) -> None:
    records = _three_reports() + [report("d", "Islamic State fighters killed 7 villagers near a Houston farm.",
                                         killed=7, place=HOUSTON, day="2024-06-20", groups=("Islamic State",),
                                         published="2024-06-21T09:00:00+00:00")]
    with open_database(db_url) as db:
        for record in records:
            db.add_record(record)
        around_houston = (-96.0, 29.0, -95.0, 30.5)
        assert db.query_incidents(bbox=around_houston)[1] == 2
        assert db.query_incidents(bbox=(170.0, -10.0, -170.0, 10.0))[1] == 0  # across the antimeridian
        assert [i.id for i in db.query_incidents(group="islamic")[0]] == [db.query_incidents(min_killed=5)[0][0].id]
        assert db.query_incidents(group="50%_off")[1] == 0  # LIKE wildcards are plain characters
        by_dead = [i.casualties.killed.best for i in db.query_incidents(sort="-killed")[0]]
        assert by_dead == [7, 2, None]
        assert [i.date.start for i in db.query_incidents(sort="date", limit=2, offset=1)[0]] == ["2024-05-10", "2024-06-20"]


def test_a_database_made_by_the_first_schema_upgrades_with_its_data(db_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from blotter.store.database import MIGRATIONS
    from blotter.store.merge import Member, fuse

    old = report("a", "Gunman Jordan Pike shot 3 people outside the Velvet Lounge on Harbor Street in Chicago.",
                 killed=3, groups=("Latin Kings",))
    merged = fuse([Member(seq=1, document_id="a", incident=old.incidents[0], published=old.published)])
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(sa.text("INSERT INTO documents (id, content_hash, text, record, ingested_at, published) "
                             "VALUES ('a', 'h', :text, :record, 'now', :published)"),
                     {"text": old.text, "record": old.model_dump_json(), "published": old.published})
        conn.execute(sa.text("INSERT INTO merged_incidents (id, event_date, category, attack_type, killed, record) "
                             "VALUES (:id, '2024-03-02', 'crime', 'armed_assault', 3, :record)"),
                     {"id": merged.id, "record": merged.model_dump_json()})
    engine.dispose()

    follow_up = report("b", "Jordan Pike was charged on Monday over the shooting at the Velvet Lounge on Harbor Street.",
                       day="2024-04-15", published="2024-04-16T08:00:00+00:00")
    with open_database(db_url) as db:
        assert db.query_incidents(bbox=(-88.0, 41.5, -87.0, 42.0), group="latin kings")[1] == 1
        assert db.query_incidents(min_killed=3, country_code="us")[1] == 0  # the old row had no country_code
        assert db.get_document("a") is not None
        with db.engine.connect() as conn:
            names = set(conn.execute(sa.text("SELECT name FROM document_names WHERE document_id = 'a'")).scalars())
        assert {"jordan pike", "velvet lounge", "harbor street"} <= names


def test_undated_incidents_sort_after_dated_ones_both_ways(db_url: str) -> None:
    undated = report("u", "A gunman shot 2 people in a Houston club, police said.", day=None, killed=2, place=HOUSTON,
                     published="2024-09-01T10:00:00+00:00")
    with open_database(db_url) as db:
        for record in [*_three_reports(), undated]:
            db.add_record(record)
        newest_first = [i.date.start for i in db.query_incidents()[0]]
        oldest_first = [i.date.start for i in db.query_incidents(sort="date")[0]]
        # The date filters still read an undated incident at its report's date.
        assert [i.sources[0].document_id for i in db.query_incidents(since="2024-08-01")[0]] == ["u"]
    assert newest_first == ["2024-05-10", "2024-03-02", None]
    assert oldest_first == ["2024-03-02", "2024-05-10", None]


def test_cursor_pages_walk_every_sort_like_offset_pages(db_url: str) -> None:
    from blotter.store.database import page_cursor

    records = [*_three_reports(),
               report("u", "A gunman shot people in a Houston club, police said.", day=None, place=HOUSTON,
                      published="2024-09-01T10:00:00+00:00"),
               report("v", "Shots were fired at a Houston bus stop.", day=None, place=HOUSTON, published=None),
               report("w", "Three men were stabbed at a Chicago depot.", injured=3, day="2024-04-10",
                      published="2024-04-11T10:00:00+00:00")]
    with open_database(db_url) as db:
        for record in records:
            db.add_record(record)
        for sort in ("-date", "date", "-killed", "killed", "injured", "-reported"):
            expected = [i.id for i in db.query_incidents(sort=sort)[0]]
            walked, cursor = [], None
            while True:
                page, total = db.query_incidents(sort=sort, limit=2, after=cursor)
                walked += [i.id for i in page]
                if len(page) < 2:
                    break
                cursor = page_cursor(page[-1], sort)
            assert walked == expected and total == len(expected) == 5, sort
        with pytest.raises(ValueError):
            db.query_incidents(sort="killed", after=page_cursor(page[-1], "-date"))
        with pytest.raises(ValueError):
            db.query_incidents(after="not-a-cursor")


def test_a_database_at_the_second_schema_upgrades_and_sorts_its_undated_incidents_last(db_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from blotter.store.database import MIGRATIONS
    from blotter.store.merge import Member, fuse

    dated = report("a", "Gunman Jordan Pike shot 3 people outside the Velvet Lounge in Chicago.", killed=3)
    undated = report("b", "A bomb went off near a Houston stadium, police said.", day=None, place=HOUSTON,
                     published="2024-06-01T10:00:00+00:00")
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        for old in (dated, undated):
            merged = fuse([Member(seq=1, document_id=old.id, incident=old.incidents[0], published=old.published)])
            conn.execute(sa.text("INSERT INTO merged_incidents (id, event_date, category, attack_type, record) "
                                 "VALUES (:id, :day, 'crime', 'armed_assault', :record)"),
                         {"id": merged.id, "day": (merged.date.start or merged.first_reported)[:10],
                          "record": merged.model_dump_json()})
    engine.dispose()

    with open_database(db_url) as db:
        for sort in ("-date", "date"):
            assert [i.date.start for i in db.query_incidents(sort=sort)[0]] == ["2024-03-02", None]
        assert db.query_incidents(since="2024-05-01")[1] == 1  # still found by its report's date


def test_failures_are_recorded_and_cleared_by_a_later_success(db_url: str) -> None:
    with open_database(db_url) as db:
        db.add_failure("a", "a", "E201", "cleaning left no article text")
        db.add_failure("a", "a", "E201", "cleaning left no article text")
        assert [(f["key"], f["code"]) for f in db.failures()] == [("a", "E201")]
        db.add_record(_three_reports()[0])
        assert db.failures() == []


def test_stats_count_by_category_type_country_month(db_url: str) -> None:
    with open_database(db_url) as db:
        for record in _three_reports():
            db.add_record(record)
        stats = db.stats()
    assert stats["merged_incidents"] == 2 and stats["documents"] == 3
    assert stats["by_category"] == {"crime": 2}
    assert stats["by_country"] == {"United States": 2}
    assert stats["by_month"] == {"2024-03": 1, "2024-05": 1}


def test_migrations_create_exactly_the_declared_tables(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def declared(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        """Full-text search objects are dialect-specific DDL, not part of the declared tables."""
        return not (name or "").startswith(("documents_fts", "search", "ix_documents_search"))

    with open_database(db_url) as db, db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": declared})
        assert compare_metadata(context, metadata) == []


def test_a_reader_is_never_locked_out_by_a_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    with open_database(url) as writer, open_database(url) as reader:
        writer.add_record(_three_reports()[0])
        with writer.engine.begin() as conn:  # a write transaction left open
            conn.execute(documents.insert().values(id="x", content_hash="x", text="", record="{}", ingested_at="now"))
            assert reader.counts().documents == 1
            assert reader.get_document("a") is not None
        assert reader.counts().documents == 2


def test_database_url_comes_from_option_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BLOTTER_DB", raising=False)
    assert resolve_url(None) == "sqlite:///blotter.db"
    monkeypatch.setenv("BLOTTER_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"


def test_merged_incident_schema_file_is_up_to_date() -> None:
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == merged_incident_schema()
