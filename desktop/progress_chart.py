"""Progress charts of the Practise page, drawn with QPainter: scores over time per exercise kind, mean score per
kind and per level, weakest words and the streak.

QPainter is part of QtGui, which the app loads anyway: the chart adds no import and no start-up time (QtCharts, in
PySide6-Addons, would add a 60+ MB wheel and its own import; see docs/practice.md for the measurement).
"""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.practice_labels import kind_label, topic_label

KIND_COLOURS = {
    "speaking": "#1f77b4",
    "dictation": "#2ca02c",
    "translation": "#d62728",
    "cloze": "#9467bd",
    "vocab": "#ff7f0e",
}


class ProgressChart(QWidget):
    """Scores over time (one line per kind), bars per kind, level and topic, weakest words, streak."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: Any = None
        self.setMinimumHeight(260)
        self.setAccessibleName(self.tr("Progress charts"))

    def set_progress(self, progress: Any) -> None:
        """Show these figures (a :class:`~engine.api.PracticeProgress`)."""
        self.progress = progress
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = self.progress
        if p is None or not p.points:
            painter.setPen(QPen(self.palette().mid().color()))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Your charts appear after your first answers."),
            )
            return
        w, h = self.width(), self.height()
        left = QRectF(40, 58, w * 0.55 - 50, h - 110)
        self._timeline(painter, left, p)
        right_x = w * 0.55 + 10
        right_w = w - right_x - 10
        third = (h - 60) / 3
        self._bars(
            painter,
            QRectF(right_x, 34, right_w, third - 16),
            self.tr("By exercise"),
            [(kind_label(g.name), g.mean_score, KIND_COLOURS.get(g.name, "#555555")) for g in p.by_kind],
        )
        self._bars(
            painter,
            QRectF(right_x, 24 + third, right_w, third - 16),
            self.tr("By level"),
            [(g.name, g.mean_score, "#607d8b") for g in p.by_level],
        )
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawText(QPointF(right_x, 24 + 2 * third - 6), self.tr("Words to work on"))
        words = ", ".join(f"{w.word} ({w.misses}/{w.attempts})" for w in p.weakest_words[:8]) or "–"
        painter.drawText(
            QRectF(right_x, 24 + 2 * third, right_w, third - 8),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
            words,
        )
        footer = self.tr("Streak: {0} day(s) · active on {1} day(s)").format(p.streak_days, p.days_active)
        if p.by_topic:
            footer += " · " + self.tr("most practised topic: {0}").format(topic_label(p.by_topic[0].name))
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawText(QRectF(40, h - 24, w - 50, 20), Qt.AlignmentFlag.AlignLeft, footer)

    def _timeline(self, painter: QPainter, rect: QRectF, p: Any) -> None:
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)
        for value in (0, 50, 100):
            y = rect.bottom() - rect.height() * value / 100
            painter.drawText(QPointF(8, y + 4), f"{value}")
        painter.setPen(QPen(self.palette().text().color()))
        title = self.tr("Scores over time")
        painter.drawText(QPointF(rect.left(), 16), title)
        legend_x, legend_y = (
            rect.left(),
            34.0,
        )  # the legend: under the title, wrapping within the chart's width
        times = [datetime.fromisoformat(pt.when).timestamp() for pt in p.points]
        t0, t1 = min(times), max(times)
        painter.setPen(QPen(self.palette().mid().color()))
        first, last = p.points[0].when[:10], p.points[-1].when[:10]
        painter.drawText(QPointF(rect.left(), rect.bottom() + 14), first)
        if last != first:
            painter.drawText(QPointF(rect.right() - 70, rect.bottom() + 14), last)
        span = max(1.0, t1 - t0)
        for kind in KIND_COLOURS:
            pts = [
                QPointF(
                    rect.left() + 6 + (rect.width() - 12) * (t - t0) / span,
                    rect.bottom() - rect.height() * pt.score / 100,
                )
                for t, pt in zip(times, p.points, strict=True)
                if pt.kind == kind
            ]
            if not pts:
                continue
            colour = QColor(KIND_COLOURS[kind])
            painter.setPen(QPen(colour, 2))
            for a, b in itertools.pairwise(pts):
                painter.drawLine(a, b)
            for pt in pts:
                painter.drawEllipse(pt, 3, 3)
            label = "■ " + kind_label(kind)
            advance = painter.fontMetrics().horizontalAdvance(label) + 12
            if legend_x + advance > rect.right() and legend_x > rect.left():
                legend_x, legend_y = rect.left(), legend_y + 15
            painter.drawText(QPointF(legend_x, legend_y), label)
            legend_x += advance

    def _bars(self, painter: QPainter, rect: QRectF, title: str, rows: list[tuple[str, float, str]]) -> None:
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawText(QPointF(rect.left(), rect.top() - 6), title)
        if not rows:
            return
        label_w = min(150.0, rect.width() * 0.45)
        bar_h = min(18.0, rect.height() / len(rows) - 4)
        for i, (label, value, colour) in enumerate(rows):
            y = rect.top() + 4 + i * (bar_h + 4)
            painter.setPen(QPen(self.palette().text().color()))
            painter.drawText(
                QRectF(rect.left(), y, label_w - 4, bar_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 4)),
            )
            width = (rect.width() - label_w - 36) * max(0.0, min(100.0, value)) / 100
            painter.fillRect(QRectF(rect.left() + label_w, y, width, bar_h), QColor(colour))
            painter.drawText(QPointF(rect.left() + label_w + width + 4, y + bar_h - 4), f"{value:.0f}")
