"""What the database already holds of the web: ``stored_urls(db, urls)``, so that known pages
are not fetched again. Storing goes through ``blotter.ingest.ingest_documents``."""

from __future__ import annotations

from typing import Iterable

import sqlalchemy as sa

from ..store import Database
from ..store.schema import documents


def stored_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` already belong to a stored document (so they need no fetching)."""
    wanted = sorted(set(urls))
    found: set[str] = set()
    with db.engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update(conn.execute(sa.select(documents.c.url).where(documents.c.url.in_(chunk))).scalars())
    return found
