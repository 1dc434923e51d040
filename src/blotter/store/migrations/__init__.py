"""Alembic migrations of the incident database, run programmatically by ``open_database``."""
