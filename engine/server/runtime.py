"""What the HTTP handlers share: the engine, the worker pools, request limits and the drain state.

Engine calls block, so every one runs on a worker thread. Two pools keep long work (files, audio, long texts)
from queueing in front of short requests: a user typing in a browser extension is answered between the
batches of a document someone else is translating. Each call carries a :class:`CancelToken` that is set when
the request times out or the server is draining, so the engine stops between batches instead of running on.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from engine.api import Engine
from engine.cancel import CancelToken
from engine.errors import (
    Cancelled,
    DeviceError,
    InputError,
    ModelError,
    PalavraError,
    StorageError,
    UnsupportedLanguageError,
)
from engine.server.config import ServerConfig

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How often a waiting handler looks at its deadline and the drain state (seconds).
_POLL_S = 0.1


class ApiError(Exception):
    """An error answered as LibreTranslate does: ``{"error": message}`` with an HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def status_for(exc: PalavraError) -> int:
    """The HTTP status that says what kind of engine failure ``exc`` is."""
    if isinstance(exc, InputError | UnsupportedLanguageError):
        return 400
    if isinstance(exc, Cancelled):
        return 503
    if isinstance(exc, StorageError):
        return 507
    if isinstance(exc, ModelError | DeviceError):
        return 500
    return 500


@dataclass
class DrainState:
    """Set once when the server is asked to stop (SIGTERM, Ctrl+C)."""

    started: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def begin(self) -> None:
        """Start draining now (idempotent)."""
        with self._lock:
            if self.started is None:
                self.started = time.monotonic()
                log.info("draining: no new requests; in-flight ones may finish")

    @property
    def draining(self) -> bool:
        """Whether the server is stopping."""
        return self.started is not None


class Runtime:
    """The engine and everything the handlers need to call it safely."""

    def __init__(self, engine: Engine, config: ServerConfig, drain: DrainState | None = None) -> None:
        self.engine = engine
        self.config = config
        self.drain = drain or DrainState()
        self.interactive = ThreadPoolExecutor(config.interactive_threads, thread_name_prefix="palavra-http")
        self.bulk = ThreadPoolExecutor(config.bulk_threads, thread_name_prefix="palavra-http-bulk")

    def pool_for(self, chars: int) -> ThreadPoolExecutor:
        """The pool a text request of ``chars`` characters runs on."""
        return self.bulk if chars > self.config.bulk_chars else self.interactive

    async def call(self, pool: ThreadPoolExecutor, work: Callable[[CancelToken], T]) -> T:
        """Run ``work(cancel)`` on ``pool``; answer 503 when it outlives the request limit or the drain.

        Raises:
            ApiError: 503 on timeout or drain, or the status of the engine error ``work`` raised.
        """
        if self.drain.draining:
            raise ApiError(503, "The server is shutting down. Try again in a moment.")
        token = CancelToken()
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(pool, work, token)
        deadline = time.monotonic() + self.config.request_timeout_s
        while True:
            done, _ = await asyncio.wait({future}, timeout=_POLL_S)
            if done:
                break
            now = time.monotonic()
            drain_started = self.drain.started
            if drain_started is not None and now >= drain_started + self.config.drain_s:
                token.cancel()
                raise ApiError(503, "The server is shutting down; the request was stopped. Try again.")
            if now >= deadline:
                token.cancel()
                raise ApiError(
                    503,
                    f"The request took longer than {self.config.request_timeout_s:g} s and was stopped. "
                    "Send a smaller text or file.",
                )
        try:
            return future.result()
        except PalavraError as exc:
            log.debug("engine error in a request", exc_info=True)
            raise ApiError(status_for(exc), exc.user_message) from exc

    def close(self) -> None:
        """Stop the pools (running calls have been cancelled or have finished)."""
        self.interactive.shutdown(wait=False, cancel_futures=True)
        self.bulk.shutdown(wait=False, cancel_futures=True)
