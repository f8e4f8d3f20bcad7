"""Portuguese morphology from LanguageTool's dictionaries (shipped in ``lingotweaker-data-pt``, LGPL).

The package holds two morfologik automata in the CFSA2 format: ``portuguese.dict`` maps a word form to its
readings (lemma and FreeLing/EAGLES tag, e.g. ``casa`` -> ``casa NCFS000``, ``é`` -> ``ser VMIP3S0``) and
``portuguese_synth.dict`` maps ``lemma|tag`` to the word form (``bonito|AQ0FS0`` -> ``bonita``). This module reads
both without any other library: a lookup walks the automaton byte by byte and lists what follows the separator.

Tags used by the rules (position: meaning):

* nouns ``NC`` + gender (M/F/C) + number (S/P/N): ``NCFS000``;
* adjectives ``AQ0`` + gender + number: ``AQ0MS0``; participles ``VMP00`` + number + gender: ``VMP00SF``;
* verbs ``V?`` + mood (I indicative, S subjunctive, M imperative, N infinitive, G gerund, P participle) + tense
  (P present, I imperfect, S preterite, F future, C conditional, M pluperfect) + person + number: ``VMIP3S0``.
"""

from __future__ import annotations

import functools
import importlib
import threading
from dataclasses import dataclass
from pathlib import Path

from engine.errors import ModelNotFoundError

__all__ = ["Lexicon", "Reading", "portuguese"]

_MAGIC = b"\\fsa"
_CFSA2 = 0xC6
_TARGET_NEXT = 0x80
_LAST_ARC = 0x40
_FINAL_ARC = 0x20
_LABEL_MASK = 0x1F
_SEPARATOR = ord("_")


class _Automaton:
    """A morfologik CFSA2 automaton (the format LanguageTool's ``.dict`` files use)."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != _MAGIC or data[4] != _CFSA2:
            raise ValueError("not a CFSA2 morfologik automaton")
        size = data[7]
        self._labels = data[8 : 8 + size]
        self._arcs = data[8 + size :]

    def _vint(self, pos: int) -> tuple[int, int]:
        arcs = self._arcs
        value = shift = 0
        while True:
            byte = arcs[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value, pos

    def _label(self, arc: int) -> int:
        index = self._arcs[arc] & _LABEL_MASK
        return self._labels[index] if index else self._arcs[arc + 1]

    def _skip(self, arc: int) -> int:
        flags = self._arcs[arc]
        arc += 1 if flags & _LABEL_MASK else 2
        if not flags & _TARGET_NEXT:
            _, arc = self._vint(arc)
        return arc

    def _target(self, arc: int) -> int:
        flags = self._arcs[arc]
        if flags & _TARGET_NEXT:
            while not self._arcs[arc] & _LAST_ARC:
                arc = self._skip(arc)
            return self._skip(arc)
        return self._vint(arc + (1 if flags & _LABEL_MASK else 2))[0]

    def _node_arcs(self, node: int) -> list[int]:
        out = [node]
        arc = node
        while not self._arcs[arc] & _LAST_ARC:
            arc = self._skip(arc)
            out.append(arc)
        return out

    def _walk(self, key: bytes) -> int:
        """The node reached by ``key``, or -1."""
        node = self._target(0)
        for byte in key:
            arc = next((a for a in self._node_arcs(node) if self._label(a) == byte), -1)
            if arc < 0:
                return -1
            node = self._target(arc)
            if node == 0:
                return -1
        return node

    def _completions(self, node: int, prefix: bytes, out: list[bytes], limit: int) -> None:
        for arc in self._node_arcs(node):
            if len(out) >= limit:
                return
            label = prefix + bytes((self._label(arc),))
            if self._arcs[arc] & _FINAL_ARC:
                out.append(label)
            target = self._target(arc)
            if target:
                self._completions(target, label, out, limit)

    def lookup(self, key: bytes, limit: int = 64) -> list[bytes]:
        """Every sequence stored after ``key`` and the separator."""
        node = self._walk(key + bytes((_SEPARATOR,)))
        if node < 0:
            return []
        out: list[bytes] = []
        self._completions(node, b"", out, limit)
        return out


def _decode(word: bytes, encoded: bytes) -> bytes:
    """Undo morfologik's suffix encoding: the first byte says how many bytes of ``word`` to drop."""
    drop = encoded[0] - ord("A")
    kept = word[: len(word) - drop] if drop else word
    return kept + encoded[1:]


@dataclass(frozen=True)
class Reading:
    """One analysis of a word: its lemma and tag (``Reading("ser", "VMIP3S0")``)."""

    lemma: str
    tag: str

    @property
    def pos(self) -> str:
        """The part of speech: the tag's first letter (N, A, V, D, P, S, R, C...)."""
        return self.tag[:1]

    @property
    def is_noun(self) -> bool:
        """A common noun."""
        return self.tag.startswith("NC")

    @property
    def is_adjective(self) -> bool:
        """A qualifying adjective or a past participle."""
        return self.tag.startswith("AQ") or self.is_participle

    @property
    def is_participle(self) -> bool:
        """A past participle (``VMP00SF``)."""
        return self.tag[:1] == "V" and self.tag[2:3] == "P"

    @property
    def is_finite(self) -> bool:
        """An indicative or subjunctive verb form (``VMIP3S0``)."""
        return self.tag[:1] == "V" and self.tag[2:3] in ("I", "S")

    @property
    def gender(self) -> str:
        """``M``, ``F``, ``C`` (either) or ``""`` for nouns, adjectives, participles and determiners."""
        if self.is_participle:
            return self.tag[6:7]
        if self.tag[:1] in ("N", "A", "D"):
            return self.tag[2:3] if self.tag[:1] == "N" else self.tag[3:4]
        return ""

    @property
    def number(self) -> str:
        """``S``, ``P``, ``N`` (either) or ``""``."""
        if self.is_participle:
            return self.tag[5:6]
        if self.tag[:1] == "N":
            return self.tag[3:4]
        if self.tag[:1] in ("A", "D"):
            return self.tag[4:5]
        if self.tag[:1] == "V":
            return self.tag[5:6]
        return ""

    @property
    def person(self) -> str:
        """``1``, ``2``, ``3`` for finite verbs, else ``""``."""
        return self.tag[4:5] if self.is_finite else ""


class Lexicon:
    """Analysis and synthesis of Portuguese word forms.

    Args:
        folder: the ``dictionaries`` folder of ``lingotweaker-data-pt``.
    """

    def __init__(self, folder: Path) -> None:
        self._analysis = _Automaton((folder / "portuguese.dict").read_bytes())
        self._synthesis = _Automaton((folder / "portuguese_synth.dict").read_bytes())

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one lexicon lives for the whole process
    def _readings(self, word: str) -> tuple[Reading, ...]:
        key = word.encode("utf-8")
        out: list[Reading] = []
        for entry in self._analysis.lookup(key):
            encoded, _, tag = entry.partition(b"_")
            if not encoded:
                continue
            lemma = _decode(key, encoded).decode("utf-8", "replace")
            out.append(Reading(lemma, tag.decode("ascii", "replace")))
        return tuple(out)

    def analyze(self, word: str) -> tuple[Reading, ...]:
        """The readings of ``word`` (tried as written, then in lower case)."""
        readings = self._readings(word)
        if word[:1].isupper() and word.lower() != word:
            lower = self._readings(word.lower())
            readings = lower + tuple(r for r in readings if r not in lower)
        return readings

    def known(self, word: str) -> bool:
        """Whether the dictionary has ``word``."""
        return bool(self.analyze(word))

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def synthesize(self, lemma: str, tag: str) -> tuple[str, ...]:
        """The forms of ``lemma`` with ``tag`` (``("bonito", "AQ0FS0")`` -> ``("bonita",)``)."""
        key = f"{lemma}|{tag}".encode()
        forms = {_decode(key, entry).decode("utf-8", "replace") for entry in self._synthesis.lookup(key)}
        return tuple(sorted(forms))


_LOCK = threading.Lock()


@functools.cache
def _load() -> Lexicon:
    try:
        data = importlib.import_module("lingotweaker_data_pt")
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelNotFoundError(
            "The Portuguese checking data is not installed. Reinstall Palavra (package lingotweaker-data-pt).",
            detail=str(exc),
        ) from exc
    return Lexicon(Path(data.data_dir()) / "pt" / "dictionaries")


def portuguese() -> Lexicon:
    """The shared Portuguese lexicon (loaded on first use, about 2 MB)."""
    with _LOCK:
        return _load()
