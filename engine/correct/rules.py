"""Palavra's own small rules, for errors the rule engines leave alone.

* ``PT_IRREGULAR_VERB``: over-regularised forms of irregular Portuguese verbs ("eu fazi" -> "eu fiz").
* ``SENTENCE_END_PUNCTUATION``: a sentence of four words or more that ends a line without a full stop,
  question mark or exclamation mark. (In JFLEG dev, 17 sentences lack one and the references add it 55 times
  in 68.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from engine.correct.model import Edit

_QUESTION_START: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            "what",
            "why",
            "how",
            "where",
            "when",
            "who",
            "whom",
            "whose",
            "which",
            "do",
            "does",
            "did",
            "is",
            "are",
        }
        | {"was", "were", "can", "could", "would", "should", "will", "shall", "may", "might", "have", "has"}
    ),
    "pt": frozenset(
        {"que", "quem", "como", "onde", "quando", "qual", "quais", "quanto", "quanta", "quantos"}
    ),
}
_LAST_WORD = re.compile(r"\S+$")


def end_punctuation(text: str, language: str, occupied: list[tuple[int, int]]) -> Edit | None:
    """Suggest ending ``text`` (a sentence at the end of a line) with a full stop or a question mark.

    Args:
        text: the sentence, as a chunk of the checked text.
        language: ``"en"`` or ``"pt"``.
        occupied: spans of ``text`` already covered by other edits; the edit then becomes an insertion so it
            does not clash with them.

    Returns:
        The edit, or None when the sentence already ends well or is too short to be a sentence.
    """
    stripped = text.rstrip()
    if not stripped or not stripped[-1].isalnum():
        return None
    words = stripped.split()
    if len(words) < 4:
        return None
    question = words[0].lower().strip("¿¡\"'(") in _QUESTION_START.get(language, frozenset())
    marks = ("?", ".") if question else (".",)
    last = _LAST_WORD.search(stripped)
    assert last is not None
    start = last.start()
    if any(s < len(stripped) and e > start for s, e in occupied):
        start = len(stripped)
    original = stripped[start:]
    mark_name = "a question mark" if question else "a full stop"
    return Edit(
        start=start,
        end=len(stripped),
        original=original,
        replacement=original + marks[0],
        category="punctuation",
        rule_id="SENTENCE_END_PUNCTUATION",
        explanation=f"Punctuation: end the sentence with {mark_name}.",
        suggestions=tuple(original + m for m in marks),
        source="palavra",
        notes=(
            ("en", f"Punctuation: end the sentence with {mark_name}."),
            (
                "pt",
                "Pontuação: termine a frase com "
                + ("ponto de interrogação." if question else "ponto final."),
            ),
        ),
    )


# Over-regularised Portuguese verb forms that learners write, with the right form and the infinitive.
_PT_IRREGULAR: dict[str, tuple[str, str]] = {
    "fazi": ("fiz", "fazer"),
    "fazeu": ("fez", "fazer"),
    "sabo": ("sei", "saber"),
    "sabi": ("soube", "saber"),
    "sabeu": ("soube", "saber"),
    "dizi": ("disse", "dizer"),
    "dizeu": ("disse", "dizer"),
    "trazi": ("trouxe", "trazer"),
    "trazeu": ("trouxe", "trazer"),
    "podi": ("pude", "poder"),
    "podeu": ("pôde", "poder"),
    "quereu": ("quis", "querer"),
    "queri": ("quis", "querer"),
    "teni": ("tive", "ter"),
    "teneu": ("teve", "ter"),
    "estei": ("estive", "estar"),
    "vini": ("vim", "vir"),
    "veniu": ("veio", "vir"),
    "vieu": ("veio", "vir"),
    "poni": ("pus", "pôr"),
    "poneu": ("pôs", "pôr"),
    "ouvo": ("ouço", "ouvir"),
    "pedo": ("peço", "pedir"),
    "perdo": ("perco", "perder"),
    "cabo": ("caibo", "caber"),
    "dormo": ("durmo", "dormir"),
    "fazo": ("faço", "fazer"),
    "dizo": ("digo", "dizer"),
    "trazo": ("trago", "trazer"),
    "podo": ("posso", "poder"),
    "vei": ("vi", "ver"),
    "veu": ("viu", "ver"),
    "dai": ("dei", "dar"),
    "dau": ("deu", "dar"),
    "iu": ("foi", "ir"),
}
_PT_WORD = re.compile(r"[^\W\d_]+")


class PortugueseVerbChecker:
    """Over-regularised forms of irregular Portuguese verbs ("eu fazi" -> "eu fiz")."""

    name = "verbs"

    def check(self, text: str) -> list[Edit]:
        """Edits on ``text`` for each over-regularised verb form."""
        edits: list[Edit] = []
        for m in _PT_WORD.finditer(text):
            word = m.group()
            entry = _PT_IRREGULAR.get(word.lower())
            if entry is None or entry[0] == word.lower():
                continue
            right, infinitive = entry
            if word[:1].isupper():
                right = right[:1].upper() + right[1:]
            edits.append(
                Edit(
                    start=m.start(),
                    end=m.end(),
                    original=word,
                    replacement=right,
                    category="verb form",
                    rule_id="PT_IRREGULAR_VERB",
                    explanation=f"'{infinitive}' is irregular: write '{right}', not '{word}'.",
                    suggestions=(right,),
                    source=self.name,
                    notes=(
                        (
                            "en",
                            f"'{infinitive}' is irregular: write '{right}', not '{word}'. Example: eu fiz, eu sei.",
                        ),
                        (
                            "pt",
                            f"'{infinitive}' é irregular: escreva '{right}', não '{word}'. Exemplo: eu fiz, eu sei.",
                        ),
                    ),
                )
            )
        return edits


class PortugueseLearnerChecker:
    """Palavra's Portuguese learner rules (:mod:`.pt_grammar`, :mod:`.pt_usage`) over the lexicon."""

    name = "learner"

    def __init__(self, frequency: Callable[[str], int] | None = None) -> None:
        from engine.correct import pt_grammar, pt_usage
        from engine.correct.lexicon import portuguese

        self._lexicon = portuguese()
        self._frequency = frequency
        self._rules = (*pt_grammar.RULES, *pt_usage.RULES)

    def check(self, text: str) -> list[Edit]:
        """Edits on ``text`` (possibly overlapping; the service keeps a consistent subset)."""
        from engine.correct.pt_words import tokenize
        from engine.correct.teacher import explain_rule

        tokens = tokenize(text, self._lexicon, self._frequency)
        edits: list[Edit] = []
        for rule in self._rules:
            for edit in rule(self._lexicon, text, tokens):
                if edit.replacement == edit.original:
                    continue
                notes = explain_rule(edit.rule_id, edit.original, edit.replacement)
                edits.append(replace(edit, explanation=notes[0][1], notes=notes))
        return edits
