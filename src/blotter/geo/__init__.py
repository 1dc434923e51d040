"""Offline gazetteer: a compact GeoNames-derived index shipped in ``blotter/data``."""

from .gazetteer import Entry, Gazetteer, load_gazetteer, name_key

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "name_key"]
