"""``blotter serve [--db URL] [--host 127.0.0.1] [--port 8000]`` (CLI.md): the API and dashboard."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run the HTTP API and the web dashboard",
                       description="Start the HTTP API (OpenAPI at /openapi.json) and the web dashboard at /.")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--token", metavar="TOKEN",
                   help="bearer token that allows writing (default: $BLOTTER_API_TOKEN; none: read only)")
    p.add_argument("--no-preload", action="store_true", help="load the language models on first use, not at start")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api import Settings, create_app

    settings = Settings.from_env(args.db, args.token, preload_models=not args.no_preload)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0
