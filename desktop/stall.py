"""Event-loop stall logger: a fast timer that notices when the GUI thread did not run for too long."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class StallLogger(QObject):
    """Measures gaps between ticks of a 10 ms timer; a gap over ``threshold_ms`` is a stall.

    The GUI thread was blocked for about ``gap - interval`` during a stall; every stall is logged
    (WARNING) and kept in :attr:`stalls` as milliseconds.
    """

    def __init__(
        self, threshold_ms: float = 50.0, interval_ms: int = 10, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.threshold_ms = threshold_ms
        self.interval_ms = interval_ms
        self.stalls: list[float] = []
        self.max_gap_ms = 0.0
        self.ticks = 0
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        """Start measuring (forgets earlier measurements)."""
        self.stalls.clear()
        self.max_gap_ms = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        """Stop measuring."""
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        blocked = (now - self._last) * 1000.0 - self.interval_ms
        self._last = now
        self.ticks += 1
        self.max_gap_ms = max(self.max_gap_ms, blocked)
        if blocked > self.threshold_ms:
            self.stalls.append(blocked)
            log.warning("GUI thread blocked for %.0f ms", blocked)
