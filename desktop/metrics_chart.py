"""The fine-tuning wizard's live chart: term accuracy and chrF++ against training time."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget


class MetricsChart(QWidget):
    """Term accuracy and chrF++ against training time, drawn as two lines (0-100 %)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[float, float, float]] = []  # (seconds, term accuracy, chrF++)
        self.setMinimumHeight(160)

    def add(self, seconds: float, accuracy: float, chrf: float) -> None:
        """Add one evaluation and repaint."""
        self.points.append((seconds, accuracy, chrf))
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(36, 8, -8, -20)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)
        for value in (0, 50, 100):
            y = rect.bottom() - rect.height() * value / 100
            painter.drawText(2, int(y) + 4, f"{value}")
        painter.drawText(rect.left(), self.height() - 4, self.tr("time →"))
        if not self.points:
            return
        span = max(1.0, max(p[0] for p in self.points))
        for index, color, label in (
            (1, QColor("#1f77b4"), self.tr("term accuracy")),
            (2, QColor("#d62728"), "chrF++"),
        ):
            painter.setPen(QPen(color, 2))
            pts = [
                QPointF(
                    rect.left() + rect.width() * p[0] / span, rect.bottom() - rect.height() * p[index] / 100
                )
                for p in self.points
            ]
            for a, b in itertools.pairwise(pts):
                painter.drawLine(a, b)
            for p in pts:
                painter.drawEllipse(p, 3, 3)
            painter.drawText(rect.right() - 110, rect.top() + 14 * index, label)
