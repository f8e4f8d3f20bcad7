"""Cancel tokens and progress callbacks for long work (translation of documents, checking, transcription)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from engine.errors import Cancelled

#: A progress callback receives (done, total); total may be 0 when unknown.
ProgressCallback = Callable[[int, int], None]


class CancelToken:
    """A thread-safe flag that long operations poll; ``cancel()`` may be called from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop as soon as it can."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel()`` has been called."""
        return self._event.is_set()

    def raise_if_cancelled(self, what: str = "The operation") -> None:
        """Raise :class:`Cancelled` when the token has been cancelled."""
        if self._event.is_set():
            raise Cancelled(what)


def check(cancel: CancelToken | None, what: str = "The operation") -> None:
    """Raise :class:`Cancelled` if ``cancel`` is set; a ``None`` token never cancels."""
    if cancel is not None:
        cancel.raise_if_cancelled(what)
