"""``blotter export [--db URL] [--format jsonl|csv|geojson|parquet] [-o OUT] [--since DATE] [--until DATE]``.

Writes the database's merged incidents (RECORD.md, "The database's incident"). CSV, GeoJSON
properties and Parquet share one flat row with GTD-style column names (docs/DATABASE.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    from ..store import MergedIncident

FORMATS = ("jsonl", "csv", "geojson", "parquet")

GTD_ATTACK = {
    "assassination": "Assassination", "armed_assault": "Armed Assault", "bombing": "Bombing/Explosion",
    "hijacking": "Hijacking", "hostage_taking_barricade": "Hostage Taking (Barricade Incident)",
    "hostage_taking_kidnapping": "Hostage Taking (Kidnapping)",
    "facility_infrastructure_attack": "Facility/Infrastructure Attack", "unarmed_assault": "Unarmed Assault",
    "unknown": "Unknown",
}
GTD_TARGET = {
    "business": "Business", "government_general": "Government (General)", "police": "Police",
    "military": "Military", "abortion_related": "Abortion Related", "airports_aircraft": "Airports & Aircraft",
    "government_diplomatic": "Government (Diplomatic)", "educational_institution": "Educational Institution",
    "food_water_supply": "Food or Water Supply", "journalists_media": "Journalists & Media", "maritime": "Maritime",
    "ngo": "NGO", "other": "Other", "private_citizens_property": "Private Citizens & Property",
    "religious_figures_institutions": "Religious Figures/Institutions", "telecommunication": "Telecommunication",
    "terrorists_non_state_militia": "Terrorists/Non-State Militia", "tourists": "Tourists",
    "transportation": "Transportation", "unknown": "Unknown", "utilities": "Utilities",
    "violent_political_party": "Violent Political Party",
}
GTD_WEAPON = {
    "biological": "Biological", "chemical": "Chemical", "radiological": "Radiological", "nuclear": "Nuclear",
    "firearms": "Firearms", "explosives": "Explosives", "fake_weapons": "Fake Weapons", "incendiary": "Incendiary",
    "melee": "Melee", "vehicle": "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)",
    "sabotage_equipment": "Sabotage Equipment", "other": "Other", "unknown": "Unknown",
}
# The flat row: column name and Parquet type ("int", "float" or "str"). Blank means unknown.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("eventid", "str"), ("iyear", "int"), ("imonth", "int"), ("iday", "int"), ("country_txt", "str"),
    ("iso_code", "str"), ("provstate", "str"), ("city", "str"), ("latitude", "float"), ("longitude", "float"),
    ("summary", "str"), ("success", "int"), ("attacktype1_txt", "str"), ("attacktype2_txt", "str"),
    ("targtype1_txt", "str"), ("target1", "str"), ("gname", "str"), ("gname2", "str"), ("claimed", "int"),
    ("claimmode_txt", "str"), ("weaptype1_txt", "str"), ("weapsubtype1_txt", "str"), ("nkill", "int"),
    ("nwound", "int"), ("nkillter", "int"), ("nwoundte", "int"), ("nperps", "int"), ("nperpcap", "int"),
    ("category", "str"), ("status", "str"), ("acled_event_type", "str"), ("acled_sub_event_type", "str"),
    ("nsources", "int"), ("scite1", "str"), ("first_reported", "str"), ("last_reported", "str"),
    ("nconflicts", "int"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the database's merged incidents",
                       description="Write the merged incidents as JSON Lines (full records), CSV (GTD-style "
                                   "columns), GeoJSON or Parquet.")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    p.add_argument("--since", metavar="DATE", help="only incidents on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only incidents on or before this date (YYYY-MM-DD)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import BlotterError
    from ..store import open_database

    try:
        with open_database(args.db) as db:
            incidents = db.iter_incidents(args.since, args.until)
            if args.format == "parquet":
                write_parquet(incidents, args.output or sys.stdout.buffer)
                return 0
            writer = WRITERS[args.format]
            if args.output:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    writer(incidents, out)
            else:
                writer(incidents, sys.stdout)
    except BlotterError as exc:
        print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
        return 1
    return 0


def gtd_row(incident: "MergedIncident") -> dict[str, Any]:
    """One incident as a flat GTD-style row (docs/DATABASE.md lists the columns)."""
    year, month, day = _date_parts(incident.date.start, incident.date.precision)
    loc = incident.location
    perpetrator_groups = [g.name for g in incident.groups if g.relation in ("perpetrator", "claimed", "suspected")]
    claims = [c.status for c in incident.claims]
    c = incident.casualties
    return {
        "eventid": incident.id, "iyear": year, "imonth": month, "iday": day,
        "country_txt": loc.country, "iso_code": loc.country_code, "provstate": loc.admin1, "city": loc.name,
        "latitude": loc.lat, "longitude": loc.lon, "summary": incident.summary,
        "success": int(incident.status == "carried_out"),
        "attacktype1_txt": GTD_ATTACK[incident.attack_types[0]],
        "attacktype2_txt": GTD_ATTACK[incident.attack_types[1]] if len(incident.attack_types) > 1 else None,
        "targtype1_txt": GTD_TARGET[incident.targets[0].type] if incident.targets else None,
        "target1": incident.targets[0].mention if incident.targets else None,
        "gname": perpetrator_groups[0] if perpetrator_groups else None,
        "gname2": perpetrator_groups[1] if len(perpetrator_groups) > 1 else None,
        "claimed": 1 if "claimed" in claims else (0 if claims else None),
        "claimmode_txt": next((cl.channel for cl in incident.claims if cl.channel), None),
        "weaptype1_txt": GTD_WEAPON[incident.weapons[0].type] if incident.weapons else None,
        "weapsubtype1_txt": incident.weapons[0].subtype if incident.weapons else None,
        "nkill": c.killed.best, "nwound": c.injured.best,
        "nkillter": c.perpetrators_killed.best, "nwoundte": c.perpetrators_injured.best,
        "nperps": len(incident.perpetrators) or None,
        "nperpcap": sum(p.fate == "arrested" for p in incident.perpetrators) if incident.perpetrators else None,
        "category": incident.category, "status": incident.status,
        "acled_event_type": incident.acled_event_type, "acled_sub_event_type": incident.acled_sub_event_type,
        "nsources": len(incident.sources), "scite1": next((s.url for s in incident.sources if s.url), None),
        "first_reported": incident.first_reported, "last_reported": incident.last_reported,
        "nconflicts": len(incident.conflicts),
    }


def write_jsonl(incidents: Iterable["MergedIncident"], out: IO[str]) -> None:
    for incident in incidents:
        out.write(incident.model_dump_json() + "\n")


def write_csv(incidents: Iterable["MergedIncident"], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS])
    writer.writeheader()
    for incident in incidents:
        writer.writerow(gtd_row(incident))


def write_geojson(incidents: Iterable["MergedIncident"], out: IO[str]) -> None:
    """A FeatureCollection of Points; an incident without coordinates has a null geometry."""
    out.write('{"type": "FeatureCollection", "features": [')
    for n, incident in enumerate(incidents):
        loc = incident.location
        geometry = ({"type": "Point", "coordinates": [loc.lon, loc.lat]}
                    if loc.lat is not None and loc.lon is not None else None)
        feature = {"type": "Feature", "id": incident.id, "geometry": geometry, "properties": gtd_row(incident)}
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
    out.write("\n]}\n")


def write_parquet(incidents: Iterable["MergedIncident"], out: str | IO[bytes]) -> None:
    """The flat rows plus ``record``, the full merged incident as JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS] + [("record", pa.string())])
    rows = [{**gtd_row(incident), "record": incident.model_dump_json()} for incident in incidents]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)


WRITERS: dict[str, Callable[[Iterable["MergedIncident"], IO[str]], None]] = {
    "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson,
}


def _date_parts(start: str | None, precision: str) -> tuple[int | None, int | None, int | None]:
    """Year, month and day as far as the date's precision supports (GTD writes 0 for unknown)."""
    if not start:
        return None, None, None
    year, month, day = (int(part) for part in start[:10].split("-"))
    return (year, month if precision in ("day", "week", "month", "range") else 0,
            day if precision in ("day", "week", "range") else 0)
