"""What the practice pages say, in the interface's language: topics, exercise kinds, feedback sentences."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication


def topic_label(code: str) -> str:
    """A drill topic's name."""
    names = {
        "travel": QCoreApplication.translate("Practice", "travel"),
        "food": QCoreApplication.translate("Practice", "food"),
        "health": QCoreApplication.translate("Practice", "health"),
        "work": QCoreApplication.translate("Practice", "work"),
        "home": QCoreApplication.translate("Practice", "home"),
        "shopping": QCoreApplication.translate("Practice", "shopping"),
        "weather": QCoreApplication.translate("Practice", "weather"),
        "family": QCoreApplication.translate("Practice", "family"),
        "leisure": QCoreApplication.translate("Practice", "leisure"),
        "city": QCoreApplication.translate("Practice", "city"),
        "study": QCoreApplication.translate("Practice", "study"),
        "technology": QCoreApplication.translate("Practice", "technology"),
        "greetings": QCoreApplication.translate("Practice", "greetings"),
    }
    return names.get(code, code)


def kind_label(kind: str) -> str:
    """An exercise kind's name."""
    names = {
        "speaking": QCoreApplication.translate("Practice", "Speaking"),
        "dictation": QCoreApplication.translate("Practice", "Dictation"),
        "translation": QCoreApplication.translate("Practice", "Translation"),
        "cloze": QCoreApplication.translate("Practice", "Fill the gap"),
        "vocab": QCoreApplication.translate("Practice", "Word cards"),
        "placement": QCoreApplication.translate("Practice", "Placement test"),
    }
    return names.get(kind, kind)


def voice_label(name: str) -> str:
    """Which voice speaks, for the Listen button's neighbour."""
    if name == "espeak-ng":
        return QCoreApplication.translate("Practice", "Voice: espeak-ng (robotic fallback voice)")
    return QCoreApplication.translate("Practice", "Voice: {0} (synthetic neural voice)").format(name)


_EDGE = ".,;:!?¿¡…«»“”\"'"


def _quoted(words: Sequence[str]) -> str:
    return ", ".join("“" + html.escape(w.strip(_EDGE)) + "”" for w in words[:3])


def attempt_feedback(attempt: Any) -> str:
    """One sentence about a spoken attempt, naming at most three words."""
    if not attempt.transcript.strip():
        return QCoreApplication.translate("Practice", "Nothing was heard: speak a little louder and closer.")
    bad = [w.word for w in attempt.words if w.status in ("wrong", "missing")]
    unsure = [w.word for w in attempt.words if w.status == "uncertain"]
    if bad:
        return QCoreApplication.translate("Practice", "Listen again and work on {0}.").format(_quoted(bad))
    if unsure:
        return QCoreApplication.translate("Practice", "Nearly there: say {0} more clearly.").format(
            _quoted(unsure)
        )
    if attempt.extra:
        return QCoreApplication.translate("Practice", "Every word came through, with some extra words.")
    return QCoreApplication.translate("Practice", "Well said: every word came through.")


def result_feedback(result: Any) -> str:
    """One sentence about a graded exercise answer."""
    accents = [w.expected for w in result.words if w.status == "accent"]
    wrong = [w.expected or w.given for w in result.words if w.status in ("wrong", "missing", "extra")]
    if result.kind == "translation" and result.passed and result.score < 100:
        return QCoreApplication.translate("Practice", "Accepted: close to “{0}”.").format(
            html.escape(result.expected)
        )
    if result.passed and not accents and not wrong:
        return QCoreApplication.translate("Practice", "Right!")
    if not wrong and accents:
        return QCoreApplication.translate("Practice", "Right words, check the accents: {0}.").format(
            _quoted(accents)
        )
    return QCoreApplication.translate("Practice", "Not yet. The answer: “{0}”.").format(
        html.escape(result.expected)
    )


STATUS_COLOURS = {
    "correct": "#2e7d32",
    "accent": "#ef6c00",
    "uncertain": "#ef6c00",
    "wrong": "#c62828",
    "missing": "#9e9e9e",
    "extra": "#6a1b9a",
}


def graded_html(words: Sequence[Any]) -> str:
    """The expected words coloured by how the answer went (what was typed in a tooltip)."""
    parts = []
    for w in words:
        colour = STATUS_COLOURS.get(w.status, "#000000")
        shown = w.expected if w.status != "extra" else w.given
        style = f"color:{colour};" + (
            "text-decoration:line-through;" if w.status in ("missing", "extra") else ""
        )
        tip = f" title='{html.escape(w.given)}'" if w.given and w.given != w.expected else ""
        parts.append(f"<span style='{style}'{tip}>{html.escape(shown)}</span>")
    return " ".join(parts)
