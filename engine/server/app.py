"""The ASGI application: routes, limits, errors as JSON, and a request log that never holds user text."""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine import __version__
from engine.api import Engine
from engine.server import extra, libretranslate
from engine.server.config import ServerConfig
from engine.server.files import FileStore
from engine.server.runtime import ApiError, DrainState, Runtime

log = logging.getLogger(__name__)

#: Paths answered even while draining (load balancers watch /health to take a worker out).
_ALWAYS = frozenset({"/health"})


class _TooLarge(Exception):
    pass


class LimitsMiddleware:
    """Refuses bodies over the limit (413) and new requests while draining (503); logs method, path, status
    and time only (no query string, no body: they hold the user's text)."""

    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.runtime.config.max_body_bytes
        if self.runtime.drain.draining and path not in _ALWAYS:
            await _send_error(send, 503, "The server is shutting down. Try again in a moment.")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _send_error(send, 413, f"The request is larger than {limit // (1 << 20)} MB.")
            return
        started = time.perf_counter()
        seen = 0
        status = 500
        response_started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        async def logged_send(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, logged_send)
        except _TooLarge:
            if not response_started:
                status = 413
                await _send_error(send, 413, f"The request is larger than {limit // (1 << 20)} MB.")
        finally:
            log.info(
                "%s %s %d %.0f ms", scope.get("method"), path, status, (time.perf_counter() - started) * 1000
            )


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(engine: Engine, config: ServerConfig, drain: DrainState | None = None) -> FastAPI:
    """Build the app over ``engine``; ``drain`` is shared with the server loop that handles SIGTERM."""
    config.check()
    runtime = Runtime(engine, config, drain)
    files = FileStore(config.files_ttl_s, config.max_body_bytes)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        runtime.close()

    app = FastAPI(
        title="Palavra",
        version=__version__,
        description=(
            "Offline translation (LibreTranslate-compatible), writing correction and speech scoring on this "
            "machine. Nothing is sent anywhere."
        ),
        docs_url=None,  # the interactive docs page loads scripts from a CDN; /openapi.json is served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.runtime = runtime

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "Invalid request"}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail: Any = exc.detail
        return JSONResponse({"error": str(detail)}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"error": "Internal error. The details are in the server log."}, status_code=500)

    app.include_router(libretranslate.router(runtime, files))
    app.include_router(extra.router(runtime, files))
    app.add_middleware(LimitsMiddleware, runtime=runtime)
    return app
