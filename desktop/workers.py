"""Qt adapters for the engine's long work: callbacks and cancel tokens become signals, off the GUI thread.

Each loaded model is owned by one :class:`ModelWorker` (one ``QThread``). A worker runs two kinds of work:

* interactive requests (translate or check as you type) go through :meth:`ModelWorker.submit_latest`:
  one slot per key, "latest request wins": a newer request replaces a pending one and cancels a running one;
* jobs (a document, model preparation, an import) go through :meth:`ModelWorker.submit` and run in order.

The GUI thread only posts work and receives signals; it never waits on a worker (no ``QThread.wait()`` there).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from desktop import qtcompat
from desktop.qtcompat import emit
from engine.cancel import CancelToken
from engine.errors import Cancelled

log = logging.getLogger(__name__)

#: ``fn(on_progress, cancel) -> result``; runs on the worker thread.
Work = Callable[[Callable[[int, int], None], CancelToken], Any]


class Task(QObject):
    """One unit of work; its signals are delivered on the GUI thread (the task lives there).

    The worker thread never passes Python objects through a queued signal (some PySide6 releases lose
    references doing so): it stores each event in a thread-safe deque and emits the argument-less ``_posted``;
    :meth:`_deliver` then runs on the GUI thread and emits the public signals there.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    _posted = Signal()

    def __init__(self, fn: Work, name: str = "task", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.name = name
        self.token = CancelToken()
        self.started_at = 0.0
        self.superseded = False
        #: an essential job (saving user data) still runs when the app shuts down
        self.essential = False
        self._events: deque[tuple[str, Any]] = deque()
        self._done = False
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the work to stop; ``cancelled`` is emitted when it has."""
        self.token.cancel()

    def _post(self, kind: str, value: Any = None) -> None:
        self._events.append((kind, value))
        emit(self._posted)

    def _report(self, done: int, total: int) -> None:
        self._post("progress", (int(done), int(total)))

    def _deliver(self) -> None:
        while self._events:
            kind, value = self._events.popleft()
            if self._done:
                continue
            if kind == "progress":
                emit(self.progress, *value)
                continue
            self._done = True
            if kind == "finished":
                emit(self.finished, value)
            elif kind == "failed":
                emit(self.failed, value)
            else:
                emit(self.cancelled)

    def run(self) -> None:
        """Run on the worker thread."""
        self.started_at = time.perf_counter()
        try:
            self.token.raise_if_cancelled()
            result = self.fn(self._report, self.token)
        except Cancelled:
            log.debug("%s cancelled", self.name)
            self._post("cancelled")
        except Exception as exc:  # every failure goes to the GUI, which shows a message
            log.info("%s failed: %s", self.name, type(exc).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
            self._post("failed", exc)
        else:
            if self.token.cancelled:
                self._post("cancelled")
            else:
                self._post("finished", result)

    def cancel_pending(self) -> None:
        """Cancel a task that never ran (GUI thread): ``cancelled`` is emitted at once."""
        self.token.cancel()
        self._post("cancelled")


class _Loop(QThread):
    def __init__(self, worker: ModelWorker) -> None:
        super().__init__()
        self._worker = worker

    def run(self) -> None:
        self._worker._loop()


class ModelWorker(QObject):
    """A thread owning one model; see the module docstring."""

    stopped = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        qtcompat.install()
        self.name = name
        self._cond = threading.Condition()
        self._latest: dict[str, Task] = {}
        self._jobs: deque[Task] = deque()
        self._running: Task | None = None
        self._running_key: str | None = None
        self._stopping = False
        self._thread: _Loop | None = None
        self._keep: set[Task] = set()  # tasks alive until their last signal is delivered

    # -- GUI thread -------------------------------------------------------------------------------------
    def submit_latest(self, key: str, task: Task) -> Task:
        """Run ``task`` as the latest request of ``key``: replaces a pending one, cancels a running one."""
        with self._cond:
            if self._stopping:
                return task
            old = self._latest.pop(key, None)
            if old is not None:
                old.superseded = True
                self._release(old)
            if self._running is not None and self._running_key == key:
                self._running.superseded = True
                self._running.cancel()
            self._latest[key] = task
            self._hold(task)
            self._cond.notify()
        self._ensure_thread()
        return task

    def submit(self, task: Task) -> Task:
        """Queue a job; jobs run in order, after any pending interactive request."""
        with self._cond:
            if self._stopping:
                return task
            self._jobs.append(task)
            self._hold(task)
            self._cond.notify()
        self._ensure_thread()
        return task

    def run_fn(
        self, fn: Work, name: str = "job", *, latest: str | None = None, essential: bool = False
    ) -> Task:
        """Wrap ``fn`` in a :class:`Task` and submit it (``latest``: slot key of an interactive request)."""
        task = Task(fn, name)
        task.essential = essential
        return self.submit_latest(latest, task) if latest else self.submit(task)

    @property
    def busy(self) -> bool:
        """Whether something runs or waits."""
        with self._cond:
            return self._running is not None or bool(self._latest) or bool(self._jobs)

    @property
    def running(self) -> bool:
        """Whether the thread is alive."""
        return self._thread is not None and self._thread.isRunning()

    def shutdown(self) -> None:
        """Cancel everything and let the thread end; ``stopped`` is emitted when it has (never waits)."""
        with self._cond:
            self._stopping = True
            pending = list(self._latest.values()) + [t for t in self._jobs if not t.essential]
            self._latest.clear()
            kept = [t for t in self._jobs if t.essential]
            self._jobs.clear()
            self._jobs.extend(kept)
            if self._running is not None:
                self._running.cancel()
            self._cond.notify()
        for task in pending:
            task.cancel_pending()
        if not self.running:
            emit(self.stopped)

    def _ensure_thread(self) -> None:
        if self._thread is None:
            self._thread = _Loop(self)
            self._thread.setObjectName(f"palavra-{self.name}")
            self._thread.finished.connect(lambda: emit(self.stopped))
            self._thread.start()

    def _hold(self, task: Task) -> None:
        self._keep.add(task)
        for sig in (task.finished, task.failed, task.cancelled):
            sig.connect(lambda *_a, t=task: self._release(t))

    def _release(self, task: Task) -> None:
        self._keep.discard(task)

    # -- worker thread ----------------------------------------------------------------------------------
    def serve_interactive(self) -> None:
        """Worker thread only: run pending interactive requests now.

        A long job (a document) calls this between its steps, so typing on another page is answered within
        one step instead of after the whole job, while the model stays owned by this one thread.
        """
        while True:
            with self._cond:
                if self._stopping or not self._latest:
                    return
                key = next(iter(self._latest))
                task = self._latest.pop(key)
                outer, outer_key = self._running, self._running_key
                self._running, self._running_key = task, key
            try:
                task.run()
            finally:
                with self._cond:
                    self._running, self._running_key = outer, outer_key

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and not self._latest and not self._jobs:
                    self._cond.wait()
                if self._stopping and not self._jobs:
                    return
                if self._latest:
                    key = next(iter(self._latest))
                    task = self._latest.pop(key)
                    self._running_key = key
                else:
                    task = self._jobs.popleft()
                    self._running_key = None
                self._running = task
            try:
                task.run()
            finally:
                with self._cond:
                    self._running = None
                    self._running_key = None


class Workers(QObject):
    """The app's workers, one per model: translation, correction, speech; plus one for file reading."""

    all_stopped = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.translation = ModelWorker("translation", self)
        self.correction = ModelWorker("correction", self)
        self.speech = ModelWorker("speech", self)
        self.files = ModelWorker("files", self)
        self._remaining = 0

    def all(self) -> list[ModelWorker]:
        """Every worker."""
        return [self.translation, self.correction, self.speech, self.files]

    def any_busy(self) -> bool:
        """Whether any worker has work running or waiting."""
        return any(w.busy for w in self.all())

    def shutdown(self) -> None:
        """Cancel every task; ``all_stopped`` is emitted once every thread has ended (never blocks)."""
        alive = [w for w in self.all() if w.running]
        self._remaining = len(alive)
        for w in alive:
            w.stopped.connect(self._one_stopped)
        for w in self.all():
            w.shutdown()
        if not alive:
            emit(self.all_stopped)

    def _one_stopped(self) -> None:
        self._remaining -= 1
        if self._remaining == 0:
            emit(self.all_stopped)
