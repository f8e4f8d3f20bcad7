"""Running the server: bind, warm the models, serve, and stop cleanly on SIGTERM.

On SIGTERM (or Ctrl+C) the server stops accepting connections, lets in-flight requests finish for
``ServerConfig.drain_s`` seconds, answers the ones still running 503 (their engine work is cancelled), and exits
- within 5 s in all.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from types import FrameType

import uvicorn

from engine.api import Engine
from engine.errors import InputError
from engine.server.app import create_app
from engine.server.config import ServerConfig
from engine.server.runtime import DrainState

log = logging.getLogger(__name__)


class _Server(uvicorn.Server):
    """uvicorn's server, telling the handlers when a stop was asked for."""

    def __init__(self, config: uvicorn.Config, drain: DrainState) -> None:
        super().__init__(config)
        self._drain = drain

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self._drain.begin()
        super().handle_exit(sig, frame)
        # uvicorn re-raises the signal after shutting down; a clean drain exits with status 0 instead
        self._captured_signals.clear()


def bind(config: ServerConfig) -> socket.socket:
    """Open the listening socket (so a port of 0 is resolved before the address is announced)."""
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host.strip("[]"), config.port))
    except OSError as exc:
        sock.close()
        raise InputError(
            f"Palavra cannot listen on {config.host}:{config.port}: {exc.strerror or exc}. "
            "Is another server using that port? Choose another with --port.",
            detail=str(exc),
        ) from exc
    sock.listen(256)
    sock.set_inheritable(True)
    return sock


def address(sock: socket.socket) -> str:
    """The base URL a client uses for ``sock``."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _warm(engine: Engine) -> None:
    """Load each pair's active model now, so the first request does not pay for it."""
    try:
        for model in engine.list_models():
            if model.active:
                engine.translation.model(model.source, model.target)
    except Exception:  # a broken model is reported by the request that needs it
        log.warning("warming the translation models failed", exc_info=True)


def serve(engine: Engine, config: ServerConfig, *, on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until SIGTERM/SIGINT; ``on_ready`` gets the base URL once the socket is listening."""
    config.check()
    drain = DrainState()
    app = create_app(engine, config, drain)
    sock = bind(config)
    threading.Thread(target=_warm, args=(engine,), name="palavra-warm", daemon=True).start()
    uv_config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,  # uvicorn's access log prints query strings, which can hold the user's text
        timeout_graceful_shutdown=int(config.drain_s + 1),
        lifespan="on",
        http="h11",
        ws="none",
    )
    server = _Server(uv_config, drain)
    if on_ready is not None:
        on_ready(address(sock))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
