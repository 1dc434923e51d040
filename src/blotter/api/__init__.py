"""The HTTP API and web dashboard (``blotter serve``). See docs/API.md."""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
