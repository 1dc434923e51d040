"""The server's configuration: where the database is, who may write, how big a request may be.

Values come from ``blotter serve`` options, else the environment (``BLOTTER_DB``,
``BLOTTER_API_TOKEN``), else the defaults below.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

from ..store import resolve_url

# A long article page is a few hundred kB of HTML; anything much bigger is not a report.
DEFAULT_MAX_BODY_BYTES = 2_000_000
DEFAULT_MAX_PAGE = 200
# Content-Security-Policy for every answer: the dashboard runs only its own scripts and styles,
# so report text shown in it can never load or run anything. Tiles may come from one configured host.
BASE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to know at start-up."""

    database_url: str
    api_token: Optional[str] = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_page: int = DEFAULT_MAX_PAGE
    # A tile URL template ("https://tile.example.org/{z}/{x}/{y}.png"); None draws country outlines only.
    tile_url: Optional[str] = None
    # Load spaCy when the server starts, so the first extraction does not wait for it.
    preload_models: bool = True

    @classmethod
    def from_env(cls, database_url: Optional[str] = None, api_token: Optional[str] = None,
                 **overrides: object) -> "Settings":
        """Settings from explicit values, falling back to the environment."""
        return cls(database_url=resolve_url(database_url),
                   api_token=api_token or os.environ.get("BLOTTER_API_TOKEN") or None,
                   tile_url=os.environ.get("BLOTTER_TILE_URL") or None,
                   **overrides)  # type: ignore[arg-type]

    @property
    def content_security_policy(self) -> str:
        tiles = ""
        if self.tile_url:
            scheme, _, rest = self.tile_url.partition("://")
            tiles = f" {scheme}://{rest.split('/', 1)[0]}"
        return BASE_CSP.format(tiles=tiles)
