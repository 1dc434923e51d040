"""The place index is derived data: built from pinned sources into a cache, never from git."""

from __future__ import annotations

import logging
import pickle
import stat

import pytest

from blotter.geo import build, gazetteer
from blotter.geo.gazetteer import index_path, load_gazetteer, name_key, write_index


@pytest.fixture
def real_payload() -> dict:
    """The index's columns as the cache holds them now (built at install, or built here once)."""
    load_gazetteer()
    return pickle.loads(index_path().read_bytes())


@pytest.fixture
def fresh_load():
    """Forget the process's loaded index around a test, so the next test loads the real one."""
    load_gazetteer.cache_clear()
    yield
    load_gazetteer.cache_clear()


def test_the_cache_file_is_named_after_its_sources(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOTTER_CACHE_DIR", str(tmp_path / "cache"))
    first = index_path()
    assert first.parent == tmp_path / "cache"
    curated = tmp_path / "places_curated.json"
    curated.write_bytes(gazetteer.CURATED_FILE.read_bytes() + b"\n")
    monkeypatch.setattr(gazetteer, "CURATED_FILE", curated)
    assert index_path() != first  # an edited curated table means a new index, not a stale one


def test_a_missing_index_is_built_once_and_then_read_from_the_cache(
        tmp_path, monkeypatch, real_payload, fresh_load, caplog):
    monkeypatch.setenv("BLOTTER_CACHE_DIR", str(tmp_path))
    builds = []

    def counting_build() -> dict:
        builds.append(1)
        return real_payload

    monkeypatch.setattr(build, "build_index", counting_build)
    with caplog.at_level(logging.INFO, logger="blotter.geo.gazetteer"):
        places = load_gazetteer()
    assert builds == [1] and "building the gazetteer index" in caplog.text
    assert index_path().exists() and list(tmp_path.glob("*.tmp")) == []
    assert stat.S_IMODE(index_path().stat().st_mode) == 0o644
    assert any(e.feature == "country" for e in places.lookup("Kenya"))

    load_gazetteer.cache_clear()
    assert any(e.admin1 == "Ohio" for e in load_gazetteer().lookup("Columbus"))
    assert builds == [1]  # the second process reads the file


def test_an_unwritable_cache_still_gives_an_index(tmp_path, monkeypatch, real_payload, fresh_load, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("BLOTTER_CACHE_DIR", str(blocker))
    monkeypatch.setattr(build, "build_index", lambda: real_payload)
    with caplog.at_level(logging.WARNING, logger="blotter.geo.gazetteer"):
        places = load_gazetteer()
    assert "could not cache the gazetteer index" in caplog.text
    assert {e.feature for e in places.lookup("Texas")} == {"admin1"}


def test_a_truncated_cache_file_is_rebuilt(tmp_path, monkeypatch, real_payload, fresh_load):
    monkeypatch.setenv("BLOTTER_CACHE_DIR", str(tmp_path))
    index_path().write_bytes(pickle.dumps(real_payload)[:1000])  # a run killed mid-write elsewhere
    monkeypatch.setattr(build, "build_index", lambda: real_payload)
    assert load_gazetteer().lookup("Nigeria")
    write_index(real_payload, index_path())
    assert pickle.loads(index_path().read_bytes()) == real_payload


def test_saint_abbreviated_inside_a_name_is_the_same_key():
    assert name_key("Bay St. Louis") == name_key("Bay Saint Louis")
    assert name_key("Lake St. Louis") == name_key("lake saint louis")
