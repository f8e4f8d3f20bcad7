"""Palavra's English rules for errors Portuguese speakers make that the rule engines miss or "fix" wrongly.

* ``EN_AGE_HAVE``: "I have 20 years" (from "tenho 20 anos") -> "I am 20 years old".
* ``EN_THERE_ARE``: "There is many people" -> "There are many people".
* ``EN_SINCE_PERFECT``: "I am living here since 2010" -> "I have been living here since 2010".
* ``EN_PAST_TIME``: a present form with "yesterday", "last week", "ago" -> the past ("He go to school yesterday"
  -> "He went", where the engines say "goes").
"""

from __future__ import annotations

import re

from engine.correct.model import Edit
from engine.correct.teacher import explain_rule

_BE = {"i": "am", "he": "is", "she": "is", "it": "is", "you": "are", "we": "are", "they": "are"}
_WAS = {"i": "was", "he": "was", "she": "was", "it": "was", "you": "were", "we": "were", "they": "were"}
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_AGE = re.compile(
    rf"\b(I|you|he|she|we|they)\s+(have|has|had)\s+({_NUMBER})\s+years\b(\s+old\b)?(?=\s*(?:[.,!?;]|$|and\b|but\b|now\b|today\b))",
    re.I,
)
_THERE = re.compile(
    r"\b(there)\s+(is|was|'s)\s+(?=(?:many|several|few|two|three|four|five|six|seven|eight|nine|ten|\d*[02-9]|\d{2,})\b)",
    re.I,
)
_SINCE = re.compile(
    r"\b(I|you|he|she|we|they)\s+(am|is|are|'m|'re|'s)\s+(\w+ing)\b(?=[^.!?]*\b(?:since|for\s+(?:\d+|many|several|a\s+long)\b))",
    re.I,
)
_IRREGULAR = {
    "go": "went", "come": "came", "see": "saw", "eat": "ate", "do": "did", "make": "made",
    "take": "took", "buy": "bought", "write": "wrote", "say": "said", "get": "got", "give": "gave",
    "know": "knew", "think": "thought", "tell": "told", "find": "found", "leave": "left", "meet": "met",
    "run": "ran", "sit": "sat", "speak": "spoke", "drink": "drank", "begin": "began", "forget": "forgot",
    "feel": "felt", "bring": "brought", "teach": "taught", "lose": "lost", "pay": "paid", "send": "sent",
    "spend": "spent", "sleep": "slept", "win": "won", "break": "broke", "choose": "chose", "fly": "flew",
    "drive": "drove", "ride": "rode", "swim": "swam", "sing": "sang", "wake": "woke", "wear": "wore",
    "understand": "understood", "stand": "stood", "hear": "heard", "keep": "kept", "build": "built",
}  # fmt: skip
_THIRD = {"goes": "go", "does": "do"}  # not "have": "I have gone yesterday" needs the participle kept
_PAST_TIME = re.compile(
    r"\b(yesterday|ago|last\s+(?:night|week|month|year|summer|winter|weekend|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_SUBJECT_VERB = re.compile(r"\b(I|you|he|she|we|they)\s+([a-z]+)\b", re.I)


def _edit(text: str, start: int, end: int, replacement: str, rule_id: str, category: str) -> Edit:
    original = text[start:end]
    notes = explain_rule(rule_id, original, replacement)
    return Edit(
        start, end, original, replacement, category, rule_id, notes[0][1], (replacement,), "learner", notes
    )


class EnglishLearnerChecker:
    """The rules of this module."""

    name = "learner"

    def check(self, text: str) -> list[Edit]:
        """Edits on ``text``."""
        edits: list[Edit] = []
        for m in _AGE.finditer(text):
            subject = m.group(1)
            verb = (_WAS if m.group(2).lower() == "had" else _BE)[subject.lower()]
            edits.append(
                _edit(
                    text,
                    m.start(),
                    m.end(),
                    f"{subject} {verb} {m.group(3)} years old",
                    "EN_AGE_HAVE",
                    "word choice",
                )
            )
        for m in _THERE.finditer(text):
            verb = {"is": "are", "'s": " are", "was": "were"}[m.group(2).lower()]
            edits.append(_edit(text, m.start(2), m.end(2), verb, "EN_THERE_ARE", "agreement"))
        for m in _SINCE.finditer(text):
            subject = m.group(1).lower()
            have = "has" if subject in ("he", "she") else "have"
            edits.append(
                _edit(
                    text, m.start(2), m.end(3), f"{have} been {m.group(3)}", "EN_SINCE_PERFECT", "verb form"
                )
            )
        if _PAST_TIME.search(text) and not re.search(r"\b(will|going to|next|tomorrow)\b", text, re.I):
            for m in _SUBJECT_VERB.finditer(text):
                verb = m.group(2)
                base = _THIRD.get(verb.lower(), verb.lower())
                past = _IRREGULAR.get(base)
                if past is None:
                    continue
                replacement = past if verb.islower() else past.capitalize()
                edits.append(_edit(text, m.start(2), m.end(2), replacement, "EN_PAST_TIME", "verb form"))
                break  # only the first verb: later ones may belong to another clause
        return edits
