"""How a spoken attempt went, on the Practise page's Speak tab: the score, the feedback sentence, what the
recogniser heard, and the legend of the word colours used on the sentence (:func:`words_html`).

Its strings keep the Practise page's translation context, so their Portuguese carries over unchanged.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.practice_labels import attempt_feedback

WORD_COLOURS = {"correct": "#2e7d32", "uncertain": "#ef6c00", "wrong": "#c62828", "missing": "#9e9e9e"}


def words_html(attempt: Any) -> str:
    """The target sentence with each word coloured by its status (what was heard as the word's tooltip)."""
    parts = []
    for w in attempt.words:
        c = WORD_COLOURS.get(w.status, "#000000")
        word = html.escape(w.word)
        tip = f" title='{html.escape(w.heard)}'" if w.heard else ""
        style = f"color:{c};" + ("text-decoration:line-through;" if w.status == "missing" else "")
        parts.append(f"<span style='{style}'{tip}>{word}</span>")
    return " ".join(parts)


def legend_html() -> str:
    """What each word colour means."""
    names = (
        ("correct", QCoreApplication.translate("PractisePage", "well said")),
        ("uncertain", QCoreApplication.translate("PractisePage", "almost")),
        ("wrong", QCoreApplication.translate("PractisePage", "not right")),
        ("missing", QCoreApplication.translate("PractisePage", "missing")),
    )
    return " ".join(
        f"<span style='color:{WORD_COLOURS[s]}'>■ {html.escape(name)}</span>" for s, name in names
    )


class AttemptView(QWidget):
    """The score (large), the feedback and what was heard, with the colour legend under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_label = QLabel(self)
        sfont = self.score_label.font()
        sfont.setPointSizeF(sfont.pointSizeF() * 2.2)
        sfont.setBold(True)
        self.score_label.setFont(sfont)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        ffont = self.feedback.font()
        ffont.setPointSizeF(ffont.pointSizeF() * 1.2)
        self.feedback.setFont(ffont)
        self.heard = QLabel(self)
        self.heard.setWordWrap(True)
        self.heard.setEnabled(False)
        self.legend = QLabel(legend_html(), self)
        result = QHBoxLayout()
        result.setContentsMargins(0, 0, 0, 0)
        result.addWidget(self.score_label)
        texts = QVBoxLayout()
        texts.addWidget(self.feedback)
        texts.addWidget(self.heard)
        result.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(result)
        layout.addWidget(self.legend)

    def show_attempt(self, attempt: Any) -> None:
        """Show an attempt's score, feedback and transcript."""
        self.score_label.setText(f"{attempt.score}")
        self.score_label.setToolTip(QCoreApplication.translate("PractisePage", "Score out of 100"))
        self.feedback.setText(attempt_feedback(attempt))
        heard = attempt.transcript.strip()
        self.heard.setText(
            QCoreApplication.translate("PractisePage", "Heard: “{0}”").format(heard)
            if heard
            else QCoreApplication.translate("PractisePage", "Nothing was heard.")
        )

    def clear_attempt(self) -> None:
        """Empty (a new sentence)."""
        self.score_label.clear()
        self.feedback.clear()
        self.heard.clear()
