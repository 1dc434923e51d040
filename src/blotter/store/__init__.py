"""The incident database: storage (``database``), its tables (``schema``) and the merging
of many reports into one incident (``merge``). See docs/DATABASE.md."""

from .database import Database, open_database, resolve_url
from .records import MergedIncident

__all__ = ["Database", "MergedIncident", "open_database", "resolve_url"]
