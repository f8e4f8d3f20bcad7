"""Adapters over the rule engines: each turns a library's matches into :class:`Edit` objects
on ``str`` indices.

Library quirks handled here:

* LingoTweaker (``lt_py``) reports UTF-8 *byte* offsets; its engine is immutable and thread-safe; its data
  folder is passed explicitly from the installed ``lingotweaker-data-<lang>`` package.
* Harper reports code-point offsets but a ``Linter`` is not thread-safe (a concurrent call raises), so every
  call holds a lock; text is linted as plain text, not Markdown.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Protocol

from engine.correct.explain import categorize, clean_message, explain
from engine.correct.model import Edit
from engine.correct.spelling import SpellingModel
from engine.correct.teacher import explain_rule, notes_for
from engine.errors import ModelNotFoundError

log = logging.getLogger(__name__)

#: LingoTweaker rules left out: they rewrite correct text with a stylistic alternative ("good" -> "excellent",
#: "First of all" -> "First") rather than fix an error, and lower GLEU on JFLEG dev.
LT_DISABLED_RULES: tuple[str, ...] = ("EXTREME_ADJECTIVES", "FIRST_OF_ALL")
#: For British English: LanguageTool's Oxford-spelling rule flags "-ise", which British usage accepts.
LT_DISABLED_RULES_GB: tuple[str, ...] = ("OXFORD_SPELLING_Z_NOT_S",)
#: For Portuguese: "mais melhor" -> "mais" is a wrong fix; the redundancy category gives style advice
#: ("vinte anos de idade") rather than corrections.
#: "no ano que vem" -> "no próximo ano" (QUE_VEM_PROXIMA) rewrites correct Brazilian usage.
LT_DISABLED_RULES_PT: tuple[str, ...] = ("REDUNDANCY_MAIS", "QUE_VEM_PROXIMA")
LT_DISABLED_CATEGORIES_PT: tuple[str, ...] = ("REDUNDANCY",)
#: LingoTweaker rules that are off by default and switched on: each raised GLEU on JFLEG dev (measured by leaving
#: it out again). Left off although tried: COMMA_BEFORE_AND (lowers GLEU), ALSO_SENT_END and NEGATE_MEANING (style),
#: APOSTROPHE_S (wrong more often than right).
LT_ENABLED_RULES: tuple[str, ...] = (
    "ARTICLE_MISSING",
    "ARTICLE_UNNECESSARY",
    "CAN_NOT",
    "COMMA_WHICH",
    "DT_NNS_AGREEMENT",
    "HAD_VBP",
)
#: Harper rules left out: MissingTo inserts "to" where the references do not (7 times in JFLEG dev, lowers GLEU);
#: NumericRangeEnDash and Regionalisms change typography or regional vocabulary, which is not a learner's error.
HARPER_DISABLED_RULES: tuple[str, ...] = ("MissingTo", "NumericRangeEnDash", "Regionalisms")


class Checker(Protocol):
    """A rule engine bound to one language variant."""

    name: str

    def check(self, text: str) -> list[Edit]:
        """Edits on ``text`` (str indices), possibly overlapping."""
        ...


def _byte_to_char(text: str) -> list[int]:
    """For each UTF-8 byte offset (and the end), the ``str`` index it falls in."""
    table: list[int] = []
    for index, ch in enumerate(text):
        table.extend([index] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


class LingoTweakerChecker:
    """LanguageTool rules through LingoTweaker (``lt_py``), LGPL-2.1-or-later.

    Args:
        language: ``"en-US"``, ``"en-GB"``, ``"pt-BR"`` or ``"pt-PT"``.
        spelling: frequencies used to rank spelling suggestions, or None to keep the library's order.
        disabled_rules: rule ids to switch off.
        enabled_rules: rule ids, off by default, to switch on.
    """

    name = "lingotweaker"

    def __init__(
        self,
        language: str,
        spelling: SpellingModel | None = None,
        disabled_rules: tuple[str, ...] = LT_DISABLED_RULES,
        enabled_rules: tuple[str, ...] = LT_ENABLED_RULES,
    ) -> None:
        import lt_py

        base = language.split("-")[0]
        try:
            data_module: Any = __import__(f"lingotweaker_data_{base}")
        except ImportError as exc:
            raise ModelNotFoundError(
                f"The {base} checking data is not installed. "
                f"Reinstall Palavra (package lingotweaker-data-{base}).",
                detail=str(exc),
            ) from exc
        self.language = language
        self._lang = base
        self._spelling = spelling
        disabled = list(disabled_rules)
        if language == "en-GB":
            disabled += LT_DISABLED_RULES_GB
        if base == "pt":
            disabled += LT_DISABLED_RULES_PT
        # The variant must be passed explicitly: without it "pt-BR" is checked as pt-PT (European spelling).
        self._engine = lt_py.Engine(
            language,
            variant=language,
            data_dir=data_module.data_dir(),
            disabled_rules=disabled,
            enabled_rules=list(enabled_rules) if base == "en" else [],
            disabled_categories=list(LT_DISABLED_CATEGORIES_PT) if base == "pt" else [],
        )

    def check(self, text: str) -> list[Edit]:
        """Check ``text``; returns edits with ``str`` offsets."""
        matches: list[dict[str, Any]] = self._engine.check(text)
        if not matches:
            return []
        table = _byte_to_char(text)
        edits: list[Edit] = []
        for m in matches:
            start = table[min(int(m["offset"]), len(table) - 1)]
            end = table[min(int(m["offset"]) + int(m["length"]), len(table) - 1)]
            suggestions = [s for s in (m.get("suggestions") or []) if isinstance(s, str)]
            rule_id = str(m["rule_id"])
            if not suggestions:
                continue
            original = text[start:end]
            category = categorize(
                rule_id,
                str(m.get("category_id") or ""),
                str(m.get("issue_type") or ""),
                str(m.get("message") or ""),
            )
            if rule_id.startswith("MORFOLOGIK") and self._spelling is not None:
                suggestions = self._spelling.rank(original, suggestions)
            best = suggestions[0]
            message = str(m.get("message") or "")
            english = explain(rule_id, category, original, best, message, self._lang)
            edits.append(
                Edit(
                    start=start,
                    end=end,
                    original=original,
                    replacement=best,
                    category=category,
                    rule_id=rule_id,
                    explanation=english,
                    suggestions=tuple(suggestions[:10]),
                    source=self.name,
                    notes=notes_for(
                        rule_id, category, original, best, english, clean_message(message), self._lang
                    ),
                )
            )
        return edits


_HARPER_KINDS = {
    "Spelling": "SPELLING",
    "Typo": "TYPOS",
    "Capitalization": "CASING",
    "Punctuation": "PUNCTUATION",
    "Formatting": "FORMATTING",
    "Agreement": "AGREEMENT",
    "WordChoice": "WORDCHOICE",
    "Style": "STYLE",
    "Repetition": "REPETITION",
    "Redundancy": "REDUNDANCY",
    "Readability": "READABILITY",
    "Eggcorn": "WORDCHOICE",
    "Malapropism": "WORDCHOICE",
    "Usage": "GRAMMAR",
    "Grammar": "GRAMMAR",
    "Miscellaneous": "GRAMMAR",
    "Nonstandard": "GRAMMAR",
    "BoundaryError": "TYPOS",
    "Enhancement": "STYLE",
}


class HarperChecker:
    """Harper (``harper-py``, Apache-2.0), English only.

    Args:
        language: ``"en-US"`` or ``"en-GB"``.
        spelling: frequencies used to rank spelling suggestions, or None to keep the library's order.
        disabled_rules: Harper rule names to switch off.
    """

    name = "harper"

    def __init__(
        self,
        language: str,
        spelling: SpellingModel | None = None,
        disabled_rules: tuple[str, ...] = HARPER_DISABLED_RULES,
    ) -> None:
        import harper

        dialect = harper.Dialect.BRITISH if language == "en-GB" else harper.Dialect.AMERICAN
        self._lock = threading.Lock()
        self._linter = harper.Linter(dialect)
        if disabled_rules:
            config: dict[str, bool | None] = dict(self._linter.get_lint_config())
            config.update({rule: False for rule in disabled_rules if rule in config})
            self._linter.set_lint_config(config)
        self._spelling = spelling

    def check(self, text: str) -> list[Edit]:
        """Check ``text``; returns edits with ``str`` offsets."""
        import harper

        with self._lock:
            organized = self._linter.organized_lints(text, language="plaintext")
        edits: list[Edit] = []
        for rule, lints in organized.items():
            for lint in lints:
                start, end = lint.span.start, lint.span.end
                original = text[start:end]
                suggestions: list[str] = []
                for s in lint.suggestions:
                    if s.kind == harper.SuggestionKind.REMOVE:
                        suggestions.append("")
                    elif s.kind == harper.SuggestionKind.INSERT_AFTER:
                        suggestions.append(original + s.replacement_text)
                    else:
                        suggestions.append(s.replacement_text)
                if not suggestions:
                    continue
                kind = _HARPER_KINDS.get(lint.lint_kind, lint.lint_kind.upper())
                category = categorize(rule, kind, "", lint.message)
                if kind == "SPELLING" and self._spelling is not None:
                    suggestions = self._spelling.rank(original, suggestions)
                best = suggestions[0]
                english = explain(rule, category, original, best, lint.message, "en")
                edits.append(
                    Edit(
                        start=start,
                        end=end,
                        original=original,
                        replacement=best,
                        category=category,
                        rule_id=rule,
                        explanation=english,
                        suggestions=tuple(suggestions[:10]),
                        source=self.name,
                        notes=notes_for(rule, category, original, best, english),
                    )
                )
        return edits


class PortugueseSpellingChecker:
    """Missing accents and unknown Portuguese words, from word frequencies (see :mod:`.spelling`)."""

    name = "spelling"

    def __init__(self, spelling: SpellingModel) -> None:
        from engine.correct.lexicon import portuguese

        self._spelling = spelling
        self._lexicon = portuguese()

    def check(self, text: str) -> list[Edit]:
        """Check ``text``; returns edits with ``str`` offsets.

        A word that LanguageTool's dictionary knows is never taken for a misspelling: the frequency list is mostly
        European, and would turn Brazilian spellings into European ones ("ônibus" -> "ónibus", "metrô" -> "metro").
        """
        edits: list[Edit] = []
        for start, end, word, suggestions, rule_id in self._spelling.check_pt(text):
            if rule_id == "PT_UNKNOWN_WORD" and self._lexicon.known(word):
                continue
            best = suggestions[0]
            if rule_id == "PT_MISSING_ACCENT":
                explanation = (
                    f"Accent: '{best}' is written with an accent; '{word}' without it is not a word here."
                )
            else:
                explanation = f"'{word}' is not a Portuguese word we know; did you mean '{best}'?"
            notes = (("en", explanation), explain_rule(rule_id, word, best)[1])
            edits.append(
                Edit(start, end, word, best, "spelling", rule_id, explanation, suggestions, self.name, notes)
            )
        return edits
