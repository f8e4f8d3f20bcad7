"""Engine services run in child processes, where native code may hold the GIL for a long time.

The LanguageTool engine behind the writing checker (``lt_py``) keeps Python's global interpreter lock for about
four seconds while it loads its rules; in a worker thread that still freezes the window, since the GUI thread needs
the lock to run any Python. :class:`RemoteService` runs the service in a child process (one request at a time,
from the worker thread that owns it) so the GUI process keeps its lock. No Qt here.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import threading
from collections.abc import Callable
from typing import Any

from engine.api import Engine
from engine.cancel import CancelToken
from engine.config import EngineConfig
from engine.errors import ModelError, PalavraError

log = logging.getLogger(__name__)


def _child(conn: Any, service: str, config: EngineConfig) -> None:
    """Child process: serve ``(method, args, kwargs)`` requests until ``None`` arrives."""
    engine = Engine(config)
    target = getattr(engine, service)
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            break
        if request is None:
            break
        method, args, kwargs = request
        try:
            conn.send(("ok", getattr(target, method)(*args, **kwargs)))
        except BaseException as exc:  # every failure goes back to the parent
            cls = type(exc)
            user = exc.user_message if isinstance(exc, PalavraError) else ""
            conn.send(("error", (cls.__module__, cls.__qualname__, user, str(exc))))
    engine.close()


def _rebuild(module: str, name: str, user_message: str, detail: str) -> BaseException:
    """Re-create an exception raised in the child (PalavraError subclasses keep their class and message)."""
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        cls = None
    if isinstance(cls, type) and issubclass(cls, PalavraError):
        exc: PalavraError = cls.__new__(cls)
        Exception.__init__(exc, detail)
        exc.user_message = user_message or detail
        return exc
    if isinstance(cls, type) and issubclass(cls, ImportError):
        return ImportError(detail, name=detail.split("'")[1] if "'" in detail else None)
    return ModelError("The checker failed unexpectedly.", detail=f"{module}.{name}: {detail}")


class RemoteService:
    """Calls ``Engine(config).<service>.<method>(...)`` in a child process, started on first use."""

    def __init__(self, service: str, config: EngineConfig) -> None:
        self.service = service
        self.config = config
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Any = None

    def __getattr__(self, method: str) -> Callable[..., Any]:
        if method.startswith("_"):
            raise AttributeError(method)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self._call(method, args, kwargs)

        return call

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        process = ctx.Process(
            target=_child,
            args=(child, self.service, self.config),
            name=f"palavra-{self.service}",
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        log.info("Started the %s process (pid %s)", self.service, process.pid)

    def _call(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        cancel: CancelToken | None = kwargs.pop("cancel", None)
        kwargs.pop("on_progress", None)  # callbacks cannot cross the process boundary
        with self._lock:
            if cancel is not None:
                cancel.raise_if_cancelled()
            if self._process is None or not self._process.is_alive():
                self._start()
            try:
                self._conn.send((method, args, kwargs))
                status, value = self._conn.recv()
            except (EOFError, OSError, BrokenPipeError) as exc:
                self._process = None
                raise ModelError(
                    f"The {self.service} process stopped unexpectedly; it restarts on the next request.",
                    detail=repr(exc),
                ) from exc
        if status == "error":
            raise _rebuild(*value)
        return value

    def close(self) -> None:
        """Stop the child process (at once if it is busy)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return
        with contextlib.suppress(OSError, BrokenPipeError):
            conn.send(None)
        process.join(timeout=1.0)
        if process.is_alive():
            process.terminate()
            process.join(timeout=1.0)
        conn.close()


class _Speech:
    """The speech service with scoring (Whisper) in a child process; drills, voices, microphone stay here."""

    def __init__(self, engine: Engine, remote: RemoteService) -> None:
        self._engine = engine
        self._remote = remote

    def score_attempt(self, target_text: str, audio: Any, language: str, **_ignored: Any) -> Any:
        """Score a reading in the child process (``on_partial`` is not supported across processes)."""
        return self._remote.score_attempt(target_text, audio, language)

    def __getattr__(self, name: str) -> Any:
        local = Engine.speech.fget(self._engine)  # type: ignore[attr-defined]
        return getattr(local, name)


class DesktopEngine(Engine):
    """The facade as the desktop app uses it: the checker and the speech scorer run in their own processes."""

    def __init__(self, config: EngineConfig | None = None) -> None:
        super().__init__(config)
        self._remote_correction = RemoteService("correction", self.config)
        self._remote_speech = RemoteService("speech", self.config)
        self._speech = _Speech(self, self._remote_speech)

    @property
    def correction(self) -> Any:
        """The writing-correction service, in a child process."""
        return self._remote_correction

    @property
    def speech(self) -> Any:
        """The speech service; scoring runs in a child process."""
        return self._speech

    def close(self) -> None:
        """Stop the child processes and release every model."""
        self._remote_correction.close()
        self._remote_speech.close()
        super().close()
