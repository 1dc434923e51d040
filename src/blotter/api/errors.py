"""One JSON shape for every error the API answers: ``{"status", "code", "message"}``.

FastAPI's own answers (validation errors, unknown routes, wrong methods) are rewritten into
the same shape, so a client needs one error handler.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BlotterError, InputError, InputTooLarge, StorageError

log = logging.getLogger("blotter.api")

# Short codes for the HTTP statuses FastAPI and Starlette raise on their own.
STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "request_too_large", 415: "unsupported_media_type", 422: "invalid_request",
    500: "internal_error", 503: "unavailable",
}


class ErrorBody(BaseModel):
    """What every error answer contains."""

    status: int
    code: str
    message: str


class ApiError(Exception):
    """An error to answer with: raised by the routes, turned into an ErrorBody by the handlers."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(ErrorBody(status=status, code=code, message=message).model_dump(),
                        status_code=status, headers=headers)


def blotter_error_status(error: BlotterError) -> int:
    """The HTTP status for a pipeline or storage error: the client's fault, or ours."""
    if isinstance(error, InputTooLarge):
        return 413
    if isinstance(error, InputError):
        return 400
    if isinstance(error, StorageError):
        return 503
    return 422


def _describe_validation(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through ``error_response``."""

    @app.exception_handler(ApiError)
    async def on_api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        default = HTTPStatus(exc.status_code).phrase if exc.status_code in HTTPStatus._value2member_map_ else "error"
        message = exc.detail if isinstance(exc.detail, str) and exc.detail else default
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _describe_validation(exc))

    @app.exception_handler(BlotterError)
    async def on_blotter_error(_: Request, exc: BlotterError) -> JSONResponse:
        return error_response(blotter_error_status(exc), exc.slug, f"{exc.code} {exc.message}")

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "the server failed to answer; see its log")
