"""The Correct page's writing history: the estimated level of the learner's recent texts as a small line, and the
mistakes they make most often in the recent checks. Drawn with QPainter (like :mod:`desktop.progress_chart`)."""

from __future__ import annotations

import html
import itertools
from typing import Any

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.common import language_name

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
#: The line shows this many checks at most (the latest on the right).
SHOWN = 20
LINE_COLOUR = "#1565c0"
#: Horizontal distance between two checks on the line at most (px).
MAX_GAP = 24.0


class LevelLine(QWidget):
    """The levels of the last checks, one point each, A1 at the bottom, C2 at the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels: list[str] = []
        self.setFixedSize(170, 72)
        self.setAccessibleName(self.tr("Levels of your recent texts"))

    def set_levels(self, levels: list[str]) -> None:
        """Show these levels, oldest first."""
        self.levels = [lv for lv in levels if lv in LEVELS][-SHOWN:]
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        muted = self.palette().mid().color()
        plot = QRectF(24, 8, self.width() - 32, self.height() - 16)
        step = plot.height() / (len(LEVELS) - 1)
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        painter.setFont(font)
        for i, name in enumerate(LEVELS):
            y = plot.bottom() - i * step
            painter.setPen(QPen(muted, 0.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if i % 2 == 0:  # A1, B1, C1: every line labelled would crowd the small chart
                painter.setPen(QPen(self.palette().text().color()))
                painter.drawText(QRectF(0, y - 7, 20, 14), int(Qt.AlignmentFlag.AlignRight), name)
        if not self.levels:
            return
        gap = min(MAX_GAP, plot.width() / max(1, len(self.levels) - 1))
        start = plot.right() - gap * (len(self.levels) - 1)
        points = [
            QPointF(start + k * gap, plot.bottom() - LEVELS.index(lv) * step)
            for k, lv in enumerate(self.levels)
        ]
        painter.setPen(QPen(QColor(LINE_COLOUR), 1.6))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(QColor(LINE_COLOUR))
        for k, point in enumerate(points):
            radius = 3.5 if k == len(points) - 1 else 2.2
            painter.drawEllipse(point, radius, radius)


class LevelHistory(QWidget):
    """A compact summary: the level line and a sentence on the latest level and the frequent mistakes."""

    def __init__(self, category_name: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._category_name = category_name
        self.history: Any = None
        self.line = LevelLine(self)
        self.title = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line)
        row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(row)
        self.setAccessibleName(self.tr("Your writing over time"))
        self.hide()

    def set_history(self, history: Any) -> None:
        """Show a :class:`~engine.api.WritingHistory` (hidden while it has no record)."""
        self.history = history
        records = history.records if history is not None else ()
        if not records:
            self.hide()
            return
        levels = [r.level for r in records]
        self.line.set_levels(levels)
        shown = min(len(records), SHOWN)
        day = records[-shown].when.astimezone()
        first = QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")
        title = self.tr("Your writing in {0}").format(language_name(history.language))
        self.title.setText(f"<b>{html.escape(title)}</b>")
        text = self.tr("Level of your last {0} texts (since {1}): {2}").format(
            shown, first, " → ".join(_runs(levels[-shown:]))
        )
        if history.top_categories:
            names = ", ".join(f"{self._category_name(c)} ({n})" for c, n in history.top_categories[:3])
            text += "<br>" + self.tr("Most frequent mistakes lately: {0}").format(names)
        self.summary.setText(text)
        self.setToolTip(
            self.tr("One point per text you checked (of a dozen words or more); the estimate is a guide.")
        )
        self.show()


def _runs(levels: list[str]) -> list[str]:
    """Repeated levels collapsed: ``A2 A2 B1`` -> ``A2 ×2``, ``B1``."""
    out: list[tuple[str, int]] = []
    for level in levels:
        if out and out[-1][0] == level:
            out[-1] = (level, out[-1][1] + 1)
        else:
            out.append((level, 1))
    return [f"{lv} ×{n}" if n > 1 else lv for lv, n in out]
