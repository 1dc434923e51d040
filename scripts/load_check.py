"""Load check for ``GET /api/incidents``: latency percentiles over 100,000 merged incidents.

Builds a SQLite database of synthetic merged incidents (written straight into the store's
tables; merging 100,000 reports is not what is measured here), starts a real ``blotter serve``
on it and sends a mix of typical dashboard queries from a few concurrent clients.

    .venv/bin/python scripts/load_check.py [--incidents 100000] [--requests 2000] [--clients 4]

Not a test: the numbers depend on the machine. Results are reported in docs/API.md.
"""

from __future__ import annotations

import argparse
import http.client
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from blotter.models import Casualties, Count, GroupRef, IncidentDate, Location, Perpetrator
from blotter.store import MergedIncident, open_database
from blotter.store.database import insert_merged_incidents
from blotter.store.records import Source
from blotter.store.schema import merged_incident_names, merged_incidents

PLACES = [  # name, country, code, lat, lon
    ("Kaduna", "Nigeria", "NG", 10.52, 7.44), ("Maiduguri", "Nigeria", "NG", 11.85, 13.16),
    ("Mogadishu", "Somalia", "SO", 2.04, 45.34), ("Kabul", "Afghanistan", "AF", 34.53, 69.17),
    ("Baghdad", "Iraq", "IQ", 33.34, 44.40), ("Chicago", "United States", "US", 41.85, -87.65),
    ("London", "United Kingdom", "GB", 51.51, -0.13), ("Paris", "France", "FR", 48.85, 2.35),
    ("Karachi", "Pakistan", "PK", 24.86, 67.01), ("Srinagar", "India", "IN", 34.09, 74.80),
    ("Bogota", "Colombia", "CO", 4.61, -74.08), ("Manila", "Philippines", "PH", 14.60, 120.98),
]
GROUPS = ["Islamic State", "Boko Haram", "al-Shabaab", "Taliban", None, None, None]
CATEGORIES = ["terrorism", "political_violence", "armed_conflict", "crime"]
ATTACKS = ["armed_assault", "bombing", "hostage_taking_kidnapping", "assassination", "unknown"]
QUERIES = {
    "newest page": "/api/incidents",
    "country": "/api/incidents?country=NG",
    "date range": "/api/incidents?since=2020-01-01&until=2020-03-31",
    "country + category + sort killed": "/api/incidents?country=IQ&category=terrorism&sort=-killed",
    "min killed": "/api/incidents?min_killed=40",
    "bounding box": "/api/incidents?bbox=40,0,50,10&since=2023-01-01",
    "group": "/api/incidents?group=shabaab&since=2024-01-01",
    "deep page": "/api/incidents?offset=50000",
}


def synthetic_incident(n: int, rng: random.Random) -> MergedIncident:
    name, country, code, lat, lon = rng.choice(PLACES)
    day = (date(2015, 1, 1) + timedelta(days=rng.randrange(3650))).isoformat()
    group = rng.choice(GROUPS)
    killed = rng.choice([0, 1, 1, 2, 3, 5, 8, 12, 25, 60])
    return MergedIncident(
        id=f"inc-{n:08d}", is_primary=True, summary=f"Synthetic incident {n} in {name}.",
        category=rng.choice(CATEGORIES), attack_types=[rng.choice(ATTACKS)],
        date=IncidentDate(start=day, end=day, precision="day"),
        location=Location(name=name, country=country, country_code=code, lat=lat + rng.uniform(-0.5, 0.5),
                          lon=lon + rng.uniform(-0.5, 0.5), precision="city"),
        groups=[GroupRef(name=group, mention=group, relation="perpetrator")] if group else [],
        perpetrators=[Perpetrator(mention="the gunman")],
        casualties=Casualties(killed=Count(best=killed, low=killed), injured=Count(best=rng.randrange(30))),
        sources=[Source(document_id=f"doc-{n}", incident_id="d1-i1", published=day)],
        first_reported=day, last_reported=day,
    )


def build_database(path: Path, count: int) -> str:
    """A database of ``count`` synthetic merged incidents at ``path`` (reused when it is there)."""
    url = f"sqlite:///{path}"
    with open_database(url) as database:
        with database.engine.begin() as conn:
            present = conn.execute(sa.select(sa.func.count()).select_from(merged_incidents)).scalar_one()
            if present == count:
                return url
            conn.execute(merged_incident_names.delete())
            conn.execute(merged_incidents.delete())
            rng = random.Random(7)
            for start in range(0, count, 5_000):
                insert_merged_incidents(conn, [synthetic_incident(n, rng)
                                               for n in range(start, min(count, start + 5_000))])
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("blotter serve exited")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/stats")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    sys.exit("blotter serve did not start")


def run_client(port: int, paths: list[tuple[str, str]]) -> list[tuple[str, float, int]]:
    """One keep-alive client sending its share of the requests; (query, seconds, status) each."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    results = []
    for label, path in paths:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        results.append((label, time.perf_counter() - started, response.status))
    connection.close()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--db", type=Path, default=Path("out/load_check.db"))
    args = parser.parse_args()

    args.db.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    url = build_database(args.db, args.incidents)
    print(f"database: {args.incidents} incidents at {args.db} ({time.perf_counter() - started:.1f} s)")

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "blotter", "serve", "--db", url, "--port", str(port),
                               "--no-preload"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server)
        rng = random.Random(11)
        plan = [rng.choice(list(QUERIES.items())) for _ in range(args.requests)]
        run_client(port, list(QUERIES.items()))  # warm up caches once per query
        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            shares = [plan[i::args.clients] for i in range(args.clients)]
            results = [row for rows in pool.map(lambda share: run_client(port, share), shares) for row in rows]
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    failures = [r for r in results if r[2] != 200]
    by_query: dict[str, list[float]] = defaultdict(list)
    for label, seconds, _ in results:
        by_query[label].append(seconds * 1000)
    every = [ms for values in by_query.values() for ms in values]
    print(f"{len(results)} requests from {args.clients} clients in {elapsed:.1f} s "
          f"({len(results) / elapsed:.0f} req/s), {len(failures)} not 200")
    print(f"{'query':36} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for label, values in [*sorted(by_query.items()), ("all", every)]:
        print(f"{label:36} {len(values):5d} {statistics.median(values):8.1f} {percentile(values, 0.95):8.1f} "
              f"{percentile(values, 0.99):8.1f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
