"""The fine-tuning wizard's live chart: term accuracy, in-domain chrF++ and general chrF++ against training time.

In-domain (the held-out part of the user's memory) and general (human-translated everyday sentences) are drawn
side by side, the way OPUS-CAT plots in-domain against out-of-domain quality: the first should rise while the
second stays flat.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

#: (index in a point, colour) of each series: term accuracy, in-domain chrF++, general chrF++.
SERIES = ((1, "#1f77b4"), (2, "#2ca02c"), (3, "#d62728"))


class MetricsChart(QWidget):
    """Three lines on a 0-100 scale; a series without figures (no memory, no glossary) is not drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (seconds, term accuracy, in-domain chrF++, general chrF++); None where the run has no such figure
        self.points: list[tuple[float, float | None, float | None, float | None]] = []
        self.setMinimumHeight(180)

    def labels(self) -> tuple[str, str, str]:
        """The series' names (translated)."""
        return (
            self.tr("term accuracy"),
            self.tr("chrF++ your sentences"),
            self.tr("chrF++ general"),
        )

    def add(
        self,
        seconds: float,
        accuracy: float | None,
        domain_chrf: float | None = None,
        general_chrf: float | None = None,
    ) -> None:
        """Add one evaluation and repaint."""
        self.points.append((seconds, _num(accuracy), _num(domain_chrf), _num(general_chrf)))
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(36, 8, -8, -36)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)
        for value in (0, 50, 100):
            y = rect.bottom() - rect.height() * value / 100
            painter.drawText(2, int(y) + 4, f"{value}")
        painter.drawText(rect.left(), rect.bottom() + 14, self.tr("training time →"))
        # legend under the plot
        x = float(rect.left())
        for (_, color), label in zip(SERIES, self.labels(), strict=True):
            painter.setPen(QPen(QColor(color), 3))
            y = rect.bottom() + 28
            painter.drawLine(QPointF(x, y - 4), QPointF(x + 16, y - 4))
            painter.setPen(QPen(self.palette().text().color()))
            box = QRectF(x + 20, y - 12, 170, 16)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x += 190
        if not self.points:
            return
        span = max(1.0, max(p[0] for p in self.points))
        for index, color in SERIES:
            painter.setPen(QPen(QColor(color), 2))
            pts = [
                QPointF(rect.left() + rect.width() * p[0] / span, rect.bottom() - rect.height() * v / 100)
                for p in self.points
                if (v := p[index]) is not None
            ]
            for a, b in itertools.pairwise(pts):
                painter.drawLine(a, b)
            for p in pts:
                painter.drawEllipse(p, 3, 3)


def _num(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
