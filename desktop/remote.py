"""Engine capabilities run in child processes, where native code may hold the GIL for a long time.

The LanguageTool engine behind the writing checker (``lt_py``) keeps Python's global interpreter lock for about
four seconds while it loads its rules; in a worker thread that still freezes the window, since the GUI thread needs
the lock to run any Python. The same goes for Whisper's decoding. So the desktop runs those capabilities in child
processes: :class:`RemoteService` is the transport (one child per capability, one request at a time, from the
worker thread that owns it), and :class:`RemoteCorrection` and :class:`IsolatedSpeech` implement the engine's
:class:`~engine.api.Correcting` and :class:`~engine.api.Speaking` protocols over it. The composition root
(``desktop/app.py``) hands them to the facade through :func:`isolated_providers`.

Across the boundary:

* callbacks (``on_progress``, ``on_partial``) are called in the parent, in order, before the call returns;
* a cancel token is forwarded: cancelling it in the parent stops the child's work at its next check;
* an engine error comes back with its class and every attribute (``user_message``, ``report``...).

No Qt here.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import pickle
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from engine.api import Engine, Providers, Recording, Speaking, speech_service
from engine.cancel import CancelToken, ProgressCallback
from engine.config import EngineConfig
from engine.errors import Cancelled, ModelError, PalavraError

if TYPE_CHECKING:
    import numpy as np

    from engine.api import Attempt, AudioArray, AudioSource, CheckResult, Drill, ProgressStats, Transcript

log = logging.getLogger(__name__)

#: How often the parent looks at its cancel token while the child works (seconds).
_POLL_S = 0.05


class _SharedToken(CancelToken):
    """A cancel token the parent sets from its own process (a ``multiprocessing`` event)."""

    def __init__(self, event: Any) -> None:
        super().__init__()
        self._shared = event

    def cancel(self) -> None:
        self._shared.set()

    @property
    def cancelled(self) -> bool:
        return bool(self._shared.is_set())

    def raise_if_cancelled(self, what: str = "The operation") -> None:
        if self._shared.is_set():
            raise Cancelled(what)


def _exception_payload(exc: BaseException) -> tuple[str, str, tuple[Any, ...], dict[str, Any], str]:
    """What the parent needs to raise ``exc`` again: class, args and every picklable attribute."""
    cls = type(exc)
    state: dict[str, Any] = {"name": exc.name} if isinstance(exc, ImportError) else {}
    for key, value in vars(exc).items():
        try:
            pickle.dumps(value)
        except Exception:  # an attribute that cannot cross (a lock, a file): left out
            continue
        state[key] = value
    try:
        pickle.dumps(exc.args)
        args = exc.args
    except Exception:
        args = tuple(str(a) for a in exc.args)
    return cls.__module__, cls.__qualname__, args, state, str(exc)


def _child(
    conn: Any,
    service: str,
    config: EngineConfig,
    cancel_event: Any,
    startup: tuple[tuple[str, tuple[Any, ...]], ...] = (),
) -> None:
    """Child process: make the ``startup`` calls (no reply), then serve ``(method, args, kwargs, callbacks,
    cancellable)`` requests until ``None`` arrives."""
    engine = Engine(config)
    target = getattr(engine, service)
    for method, args in startup:
        try:
            getattr(target, method)(*args)
        except Exception:  # a start-up call is a hint: the request that needs it reports the error
            log.warning("start-up call %s of the %s process failed", method, service, exc_info=True)
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            break
        if request is None:
            break
        method, args, kwargs, callbacks, cancellable = request

        def forward(name: str) -> Callable[..., None]:
            def call(*values: Any) -> None:
                conn.send(("callback", (name, values)))

            return call

        for name in callbacks:
            kwargs[name] = forward(name)
        if cancellable:
            kwargs["cancel"] = _SharedToken(cancel_event)
        try:
            conn.send(("ok", getattr(target, method)(*args, **kwargs)))
        except BaseException as exc:  # every failure goes back to the parent
            conn.send(("error", _exception_payload(exc)))
    engine.close()


def _rebuild(
    module: str, name: str, args: tuple[Any, ...], state: dict[str, Any], text: str
) -> BaseException:
    """Re-create an exception raised in the child: engine errors keep their class and every attribute."""
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        cls = None
    if isinstance(cls, type) and issubclass(cls, PalavraError):
        exc: PalavraError = cls.__new__(cls)
        BaseException.__init__(exc, *args)
        exc.__dict__.update(state)
        if not getattr(exc, "user_message", ""):
            exc.user_message = text
        return exc
    if isinstance(cls, type) and issubclass(cls, ImportError):
        return ImportError(text, name=state.get("name"))
    return ModelError("The checker failed unexpectedly.", detail=f"{module}.{name}: {text}")


class RemoteService:
    """The transport: calls ``Engine(config).<service>.<method>(...)`` in a child process, started on first use.

    Typed wrappers (:class:`RemoteCorrection`, :class:`IsolatedSpeech`) are what the rest of the app sees.
    """

    def __init__(self, service: str, config: EngineConfig) -> None:
        self.service = service
        self.config = config
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Any = None
        self._cancel_event: Any = None

    def _start(self, startup: tuple[tuple[str, tuple[Any, ...]], ...] = ()) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self._cancel_event = ctx.Event()
        process = ctx.Process(
            target=_child,
            args=(child, self.service, self.config, self._cancel_event, startup),
            name=f"palavra-{self.service}",
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        log.info("Started the %s process (pid %s)", self.service, process.pid)

    def start(self, *startup: tuple[str, tuple[Any, ...]]) -> bool:
        """Start the child now, unless it runs, and have it make the ``startup`` calls (``(method, args)``,
        no reply) before serving requests. Never waits: returns False, doing nothing, if a call holds the
        transport (the child runs then)."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            if self._process is not None and self._process.is_alive():
                return False
            self._start(tuple(startup))
            return True
        finally:
            self._lock.release()

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        process = self._process
        return int(process.pid) if process is not None and process.is_alive() else None

    def call(
        self,
        method: str,
        *args: Any,
        cancel: CancelToken | None = None,
        callbacks: dict[str, Callable[..., Any] | None] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run ``method(*args, **kwargs)`` in the child and return its result (or raise its error).

        Args:
            method: the capability's method.
            cancel: forwarded to the method as its ``cancel``; checked before the call too.
            callbacks: keyword arguments that are callables (``on_progress``...): called here with what the
                child passes them, in order, before this returns. ``None`` values are left out.
        """
        wanted = {k: v for k, v in (callbacks or {}).items() if v is not None}
        with self._lock:
            if cancel is not None:
                cancel.raise_if_cancelled()
            if self._process is None or not self._process.is_alive():
                self._start()
            self._cancel_event.clear()
            try:
                self._conn.send((method, args, kwargs, tuple(wanted), cancel is not None))
                status, value = self._receive(wanted, cancel)
            except (EOFError, OSError, BrokenPipeError) as exc:
                self._process = None
                raise ModelError(
                    f"The {self.service} process stopped unexpectedly; it restarts on the next request.",
                    detail=repr(exc),
                ) from exc
        if status == "error":
            raise _rebuild(*value)
        return value

    def _receive(
        self, callbacks: dict[str, Callable[..., Any]], cancel: CancelToken | None
    ) -> tuple[str, Any]:
        """Wait for the reply, calling the callbacks the child reports and forwarding a cancel."""
        failure: BaseException | None = None
        while True:
            if cancel is not None:
                while True:
                    if cancel.cancelled:
                        self._cancel_event.set()
                    if self._conn.poll(_POLL_S):
                        break
                    if not self._process.is_alive():
                        raise EOFError("the child process ended")
            status, value = self._conn.recv()
            if status != "callback":
                break
            name, values = value
            if failure is None:
                try:
                    callbacks[name](*values)
                except BaseException as exc:  # raised after the reply; the child is asked to stop
                    failure = exc
                    self._cancel_event.set()
        if failure is not None:
            raise failure
        return status, value

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


class RemoteCorrection:
    """The writing checker (:class:`~engine.api.Correcting`) in a child process."""

    def __init__(self, config: EngineConfig) -> None:
        self.remote = RemoteService("correction", config)

    def check(
        self,
        text: str,
        language: str,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> CheckResult:
        """Check ``text`` in the child; progress and cancel cross the boundary."""
        return cast(
            "CheckResult",
            self.remote.call("check", text, language, cancel=cancel, callbacks={"on_progress": on_progress}),
        )

    def preload(self, languages: Sequence[str]) -> None:
        """Start the child process now and have it load the checkers of ``languages`` in the background, in
        that order (:meth:`engine.correct.service.CorrectionService.preload`). Never waits. If the child runs
        already nothing is done: it has loaded, or loads, what its checks need."""
        self.remote.start(("preload", (tuple(languages),)))

    def close(self) -> None:
        """Stop the child process."""
        self.remote.close()


class IsolatedSpeech:
    """The speech capability (:class:`~engine.api.Speaking`): Whisper (scoring, transcription) in a child
    process; drills, their schedule, voices and the microphone stay in this process."""

    def __init__(self, config: EngineConfig, local: Speaking | None = None) -> None:
        self.remote = RemoteService("speech", config)
        self.local = local if local is not None else speech_service(config)

    def transcribe(
        self,
        audio: str | Path | np.ndarray,
        language: str | None = None,
        *,
        beam_size: int = 5,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        """Transcribe in the child process."""
        return cast(
            "Transcript",
            self.remote.call(
                "transcribe",
                audio,
                language,
                beam_size=beam_size,
                cancel=cancel,
                callbacks={"on_progress": on_progress},
            ),
        )

    def score_attempt(
        self,
        target_text: str,
        audio: str | Path | np.ndarray,
        language: str,
        *,
        on_partial: Callable[[Attempt], None] | None = None,
    ) -> Attempt:
        """Score a reading in the child process (``on_partial`` is called here)."""
        return cast(
            "Attempt",
            self.remote.call(
                "score_attempt", target_text, audio, language, callbacks={"on_partial": on_partial}
            ),
        )

    def drills(self, language: str) -> tuple[Drill, ...]:
        """Every drill sentence of ``language``."""
        return self.local.drills(language)

    def next_drill(self, language: str, *, topic: str | None = None, level: str | None = None) -> Drill:
        """The drill to practise next."""
        return self.local.next_drill(language, topic=topic, level=level)

    def record_attempt(
        self, drill: Drill, attempt: Attempt, *, audio: np.ndarray | None = None, sample_rate: int = 16000
    ) -> None:
        """Store an attempt and reschedule its drill."""
        self.local.record_attempt(drill, attempt, audio=audio, sample_rate=sample_rate)

    def progress(self, language: str) -> ProgressStats:
        """Attempts, scores and weakest words of ``language``."""
        return self.local.progress(language)

    def synthesize(self, text: str, language: str, *, speed: float = 1.0) -> tuple[AudioArray, int]:
        """A synthetic voice reading ``text``."""
        return self.local.synthesize(text, language, speed=speed)

    def voice_name(self, language: str) -> str:
        """Which synthetic voice speaks ``language``."""
        return self.local.voice_name(language)

    def recorder(
        self,
        *,
        on_level: Callable[[float], None] | None = None,
        on_end: Callable[[], None] | None = None,
        on_pause: Callable[[AudioArray], None] | None = None,
        max_seconds: float = 15.0,
        source: AudioSource | None = None,
    ) -> Recording:
        """A recorder for one utterance from the microphone (or ``source``)."""
        return self.local.recorder(
            on_level=on_level, on_end=on_end, on_pause=on_pause, max_seconds=max_seconds, source=source
        )

    def close(self) -> None:
        """Stop the child process and release the local parts."""
        self.remote.close()
        closer = getattr(self.local, "close", None)
        if callable(closer):
            closer()


def isolated_providers() -> Providers:
    """The desktop's choice: the checker and the speech models in their own processes, the rest in this one."""
    return Providers(correction=RemoteCorrection, speech=IsolatedSpeech)
