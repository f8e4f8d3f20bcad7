"""Term-aware translation by attention alignment (numpy only; no torch).

The base model translates as usual while the decoder's cross-attention is recorded. Each glossary term found in
the source is then located in the translation (the output words whose attention falls on the term's source
tokens) and the model's own rendering is replaced by the glossary's target term. The rest of the sentence is the
model's own output, so general quality is unchanged wherever no term occurs, and the term is never appended at
the end. Works with any decoder that exposes its attention (the ONNX decoder's hook, the PyTorch port).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import sentencepiece as spm

from engine.glossary.inflect import is_infinitive, target_forms, written_plural
from engine.glossary.model import GlossaryEntry
from engine.glossary.terms import TermMatch, TermMatcher
from engine.translate.vocab import EOS_ID

BoolArray = npt.NDArray[np.bool_]

#: Attention mass on a term's source tokens above which an output word counts as translating that term.
ATTENTION_THRESHOLD = 0.5

#: Portuguese and English function words the model writes before a noun while already attending to it
#: ("uma febre", "a pressão"), and the clitic pronouns it writes before a verb ("se espalhou"): they are kept
#: before the term, not replaced by it.
FUNCTION_WORDS = frozenset(
    [
        "se",
        "me",
        "te",
        "lhe",
        "lhes",
        "a",
        "o",
        "as",
        "os",
        "um",
        "uma",
        "uns",
        "umas",
        "de",
        "da",
        "do",
        "das",
        "dos",
        "em",
        "na",
        "no",
        "nas",
        "nos",
        "à",
        "às",
        "ao",
        "aos",
        "para",
        "pela",
        "pelo",
        "pelas",
        "pelos",
        "com",
        "sua",
        "seu",
        "suas",
        "seus",
        "sem",
        "por",
        "que",
        "e",
        "ou",
        "esta",
        "este",
        "essa",
        "esse",
        "estas",
        "estes",
        "essas",
        "esses",
        "the",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "and",
        "or",
        "by",
        "at",
        "from",
        "his",
        "her",
        "its",
        "their",
        "this",
        "these",
        "that",
    ]
)

_OPEN_SPACE = re.compile(r"([(\[{«“])\s+")


@dataclass(frozen=True)
class Constraint:
    """A term to write: its source token span and its target pieces.

    Attributes:
        start: first source token index of the term.
        end: one past its last source token.
        target_ids: the target term's pieces as a word inside a sentence (first piece starts with "▁").
        capitalized_ids: the same pieces with a capital first letter (used at the start of a sentence).
        alternatives: (pieces, capitalised pieces) of the entry's other accepted targets.
        joined: the source term ends a hyphenated compound ("self-isolation"): where the model wrote a
            compound too ("auto-isolação"), only its last part is replaced ("auto-isolamento").
        gender: the target's gender (``"m"`` or ``"f"``), for the determiner before it.
        plural: the source has the plural, so the target pieces are the plural form.
    """

    start: int
    end: int
    target_ids: tuple[int, ...]
    capitalized_ids: tuple[int, ...] = ()
    alternatives: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = ()
    joined: bool = False
    gender: str = "m"
    plural: bool = False

    @property
    def options(self) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
        """(pieces, capitalised pieces) of the target, then of each alternative."""
        return ((self.target_ids, self.capitalized_ids), *self.alternatives)


def keep_source_case(target: str, surface: str) -> str:
    """Write the words the target shares with the source as the source writes them.

    "COVID-19 cases" -> "casos de covid-19" becomes "casos de COVID-19".
    """
    for word in surface.split():
        if word.lower() != word:
            target = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", word, target, flags=re.IGNORECASE)
    return target


class TermAligner:
    """Prepares sentences (ids, term constraints) and rewrites decoded ids so that they use the glossary.

    Args:
        vocab_path: the SentencePiece model of the source (and target, when shared).
        entries: the glossary.
        target_vocab_path: the target SentencePiece model when it differs from the source one.
    """

    def __init__(
        self, vocab_path: Path, entries: Sequence[GlossaryEntry], target_vocab_path: Path | None = None
    ) -> None:
        self.sp = spm.SentencePieceProcessor(model_file=str(vocab_path))
        self.tsp = (
            spm.SentencePieceProcessor(model_file=str(target_vocab_path)) if target_vocab_path else self.sp
        )
        self.matcher = TermMatcher(entries)
        pieces = [str(self.tsp.IdToPiece(i)) for i in range(self.tsp.GetPieceSize())]
        self.word_start: BoolArray = np.array([p.startswith("▁") for p in pieces], dtype=bool)
        function = np.array(
            [p.startswith("▁") and p[1:].lower() in FUNCTION_WORDS for p in pieces], dtype=bool
        )
        self.function_word: BoolArray = function
        self.alnum: BoolArray = np.array([any(ch.isalnum() for ch in p) for p in pieces], dtype=bool)
        self.content_word: BoolArray = self.alnum & ~function
        self._term_ids: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _pieces(self, target: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if target not in self._term_ids:
            plain = tuple(int(i) for i in self.tsp.EncodeAsIds(target))
            cap = target[:1].upper() + target[1:]
            capped = tuple(int(i) for i in self.tsp.EncodeAsIds(cap)) if cap != target else plain
            self._term_ids[target] = (plain, capped)
        return self._term_ids[target]

    def prepare(self, text: str) -> tuple[list[int], list[Constraint], list[TermMatch]]:
        """Source ids (EOS appended), the term constraints, and the term matches of one sentence."""
        proto = self.sp.encode(text, return_type="proto")
        pieces = list(proto.pieces)
        ids = [int(p.id) for p in pieces] + [EOS_ID]
        matches = self.matcher.find(text) if len(self.matcher) else []
        constraints = []
        for match in matches:
            span = [i for i, p in enumerate(pieces) if p.end > match.start and p.begin < match.end]
            if not span:
                continue
            surface = text[match.start : match.end]
            forms = [target_forms(match.entry, t) for t in match.entry.targets]
            # "spreads" for a verb ("espalhar") is the verb's third person, not a plural: the infinitive stays
            plural = match.plural and not is_infinitive(match.entry.target)
            options = [self._pieces(keep_source_case(f.form(plural), surface)) for f in forms]
            options = [o for o in options if o[0]]
            if options:
                (plain, capped), *others = options
                constraints.append(
                    Constraint(
                        span[0],
                        span[-1] + 1,
                        plain,
                        capped,
                        tuple(others),
                        match.in_compound,
                        forms[0].gender,
                        plural or written_plural(match.entry.source, match.entry.target),
                    )
                )
        return ids, constraints, matches

    def finish(
        self, out: Sequence[int], attention: np.ndarray, constraints: Sequence[Constraint]
    ) -> list[int]:
        """The output ids with each term's rendering replaced by the glossary term.

        Terms the model already wrote (as often as the source has them) are left as they are.
        """
        text = " ".join(self.decode(out).casefold().split())
        needed: dict[tuple[int, ...], int] = {}
        for c in constraints:
            needed[c.target_ids] = needed.get(c.target_ids, 0) + 1
        todo = []
        for c in constraints:
            written = max(text.count(self._folded(ids)) for ids, _ in c.options)
            if written < needed[c.target_ids]:
                todo.append(c)
        return substitute_terms(
            out, attention, todo, self.word_start, self.content_word, self.alnum, render=self.render
        )

    def render(self, written: Sequence[int], constraint: Constraint, at_start: bool) -> Sequence[int]:
        """The pieces that replace the model's words ``written`` for a term: the target that fits them best
        (see :meth:`choose`), capitalised at the start of the sentence, joined to the first part of a compound
        the model wrote for a compound source ("auto-" + "isolamento")."""
        plain, capped = constraint.options[self.choose(written, constraint)]
        pieces = capped if at_start and capped else plain
        if constraint.joined and written:
            word = self.decode(written)
            if "-" in word.strip("-"):
                head = word[: word.rstrip("-").rindex("-") + 1]
                return tuple(int(i) for i in self.tsp.EncodeAsIds(head + self.decode(plain).strip()))
        return pieces

    def _folded(self, ids: Sequence[int]) -> str:
        return " ".join(self.decode(ids).casefold().split())

    def choose(self, written: Sequence[int], constraint: Constraint) -> int:
        """Which of a term's targets replaces the model's words ``written`` (an index into ``options``).

        The target whose last word ends most like the model's last word: the model's part of speech and form
        ("a disseminação" -> "propagação", "espalhar" -> "propagar"); the first target when none is closer.
        """
        if not constraint.alternatives or not written:
            return 0
        words = self._folded(written).split()
        if not words:
            return 0
        mine = _strip_accents(words[-1])
        best, best_score = 0, 0
        for k, (ids, _) in enumerate(constraint.options):
            theirs = self._folded(ids).split()
            score = _common_suffix(mine, _strip_accents(theirs[-1])) if theirs else 0
            if score > best_score:
                best, best_score = k, score
        return best

    def decode(self, ids: Sequence[int]) -> str:
        """Target text for ids."""
        return _OPEN_SPACE.sub(r"\1", str(self.tsp.DecodeIds(list(ids))))


def _strip_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def substitute_terms(
    out: Sequence[int],
    attention: np.ndarray,
    constraints: Sequence[Constraint],
    word_start: BoolArray,
    content_word: BoolArray,
    alnum: BoolArray,
    render: Callable[[Sequence[int], Constraint, bool], Sequence[int]] | None = None,
) -> list[int]:
    """Replace the model's own rendering of each source term by the glossary's target pieces.

    The words of the output are aligned to the source with the decoder's attention: an output word belongs to
    a term when its attention peaks on the term's source tokens or puts at least :data:`ATTENTION_THRESHOLD` of
    its mass there. Each term's aligned words (the longest run around the best one) are replaced by the term;
    a term no word aligns to is inserted before the word that attended to it most. Articles and prepositions
    before the term are kept, and the words after it are the model's own, so the sentence stays whole.

    Args:
        out: the model's output ids.
        attention: ``[len(out), source length]`` attention per output token.
        constraints: the terms found in the source.
        word_start: vocabulary mask: pieces beginning a word.
        content_word: vocabulary mask: pieces that are neither function words nor punctuation.
        alnum: vocabulary mask: pieces with a letter or digit (punctuation around a word is kept).
        render: the pieces that replace the model's words (given them, the term, and whether they start
            the sentence); default: the term's first target, capitalised at the start.

    Returns:
        The new output ids.
    """
    if not constraints or not out:
        return list(out)
    starts = [i for i, tok in enumerate(out) if i == 0 or word_start[tok]]
    words = []  # the core of each word: its tokens without leading/trailing punctuation
    for a, b in zip(starts, [*starts[1:], len(out)], strict=True):
        core = [i for i in range(a, b) if alnum[out[i]]]
        words.append((core[0], core[-1] + 1) if core else (a, a))
    content = np.array([b > a and bool(content_word[out[a]]) for a, b in words], dtype=bool)
    vecs = np.stack(
        [attention[a:b].mean(axis=0) if b > a else np.zeros(attention.shape[1]) for a, b in words]
    )
    mass = np.stack([vecs[:, c.start : c.end].sum(axis=1) for c in constraints], axis=1)  # [words, terms]
    peak = vecs.argmax(axis=1)
    owner = np.full(len(words), -1)
    for w in range(len(words)):
        if not content[w]:
            continue
        hits = [
            j
            for j, c in enumerate(constraints)
            if c.start <= peak[w] < c.end or mass[w, j] >= ATTENTION_THRESHOLD
        ]
        if hits:
            owner[w] = max(hits, key=lambda j: mass[w, j])
    edits: list[tuple[int, int, tuple[int, ...]]] = []  # (first token, end token, replacement)
    used = np.zeros(len(words), dtype=bool)
    for j, c in enumerate(constraints):
        mine = np.flatnonzero(owner == j)
        if mine.size:
            best = int(mine[np.argmax(mass[mine, j])])
            lo = hi = best
            while True:  # grow over the term's words, bridging articles/prepositions between them
                k = lo - 1
                while k >= 0 and not content[k] and words[k][1] > words[k][0]:
                    k -= 1
                if k >= 0 and owner[k] == j:
                    lo = k
                    continue
                break
            while True:
                k = hi + 1
                while k < len(words) and not content[k] and words[k][1] > words[k][0]:
                    k += 1
                if k < len(words) and owner[k] == j:
                    hi = k
                    continue
                break
            first, end = words[lo][0], words[hi][1]
        else:
            order = np.argsort(-mass[:, j])
            free = [int(w) for w in order if not used[w] and content[int(w)]]
            if not free:
                continue
            lo = hi = -1
            first = end = words[free[0]][0]
        if lo >= 0 and used[lo : hi + 1].any():
            continue
        if lo >= 0:
            used[lo : hi + 1] = True
        written = tuple(out[first:end])
        if end > first and any(written in option for option in c.options):
            continue
        if render is not None:
            pieces = tuple(render(written, c, first == 0))
        else:
            pieces = c.capitalized_ids if first == 0 and c.capitalized_ids else c.target_ids
        edits.append((first, end, pieces))
    result = list(out)
    for first, end, pieces in sorted(edits, reverse=True):
        result[first:end] = list(pieces)
    return result
