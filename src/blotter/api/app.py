"""The web application: the API under ``/api``, the dashboard at ``/``, one error shape.

``create_app(settings)`` builds it; ``blotter serve`` runs it with uvicorn.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..models import SCHEMA_VERSION
from ..store import open_database
from .errors import error_response, install_error_handlers
from .routes import router
from .settings import Settings

WEB_ROOT = Path(__file__).resolve().parent.parent / "web"
PAGES = {"/": "index.html", "/incident": "incident.html", "/paste": "paste.html"}


class BodyTooLarge(Exception):
    """A request body went over the limit while it was being read."""


class GuardMiddleware:
    """Security headers on every answer, and 413 for a request body over the size limit
    (by its Content-Length, or counted as it arrives when it has none)."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.max_body = settings.max_body_bytes
        self.headers = [
            (b"content-security-policy", settings.content_security_policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._too_large(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLarge()
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except BodyTooLarge:
            if started:
                raise
            await self._too_large(scope, receive, send_with_headers)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "request_too_large", f"the request body is over {self.max_body} bytes")
        await response(scope, receive, send)


def create_app(settings: Settings) -> FastAPI:
    """The app over the database named in ``settings``; it is opened when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.database = open_database(settings.database_url)
        # One thread owns the spaCy models: loaded once, never used by two requests at a time.
        app.state.extraction_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blotter-extract")
        if settings.preload_models:
            from ..nlp import load_nlp

            await asyncio.get_running_loop().run_in_executor(app.state.extraction_thread, load_nlp)
        try:
            yield
        finally:
            app.state.extraction_thread.shutdown(wait=False, cancel_futures=True)
            app.state.database.close()

    app = FastAPI(title="Blotter", version=SCHEMA_VERSION, lifespan=lifespan,
                  description="Sourced incident records extracted from news reports of violent incidents.",
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(router)
    for path, page in PAGES.items():
        app.add_api_route(path, _page_route(WEB_ROOT / page), include_in_schema=False, methods=["GET"])
    app.mount("/static", StaticFiles(directory=WEB_ROOT), name="static")
    app.add_middleware(GuardMiddleware, settings=settings)
    return app


def _page_route(path: Path):  # type: ignore[no-untyped-def]
    async def page() -> FileResponse:
        return FileResponse(path, media_type="text/html; charset=utf-8")

    page.__name__ = "page_" + path.stem
    return page
