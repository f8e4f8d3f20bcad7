"""Term-aware translation without fine-tuning: glossary terms found in the source are written into the
translation by attention-guided constrained decoding (:mod:`engine.glossary.constrained`).

Runs on the PyTorch port of the translation model (``torch`` from the ``train`` extra).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece as spm

from engine.cancel import CancelToken, ProgressCallback, check
from engine.glossary.constrained import FUNCTION_WORDS, Constraint, constrained_greedy
from engine.glossary.model import GlossaryEntry
from engine.glossary.terms import TermMatch, TermMatcher
from engine.translate.shortlist import Shortlist
from engine.translate.torch_model import MarianTransformer
from engine.translate.vocab import EOS_ID

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TermTranslation:
    """A translation and the glossary terms found in its source.

    Attributes:
        text: the translation.
        terms: the matched glossary entries, in source order.
    """

    text: str
    terms: tuple[GlossaryEntry, ...]


class TermAwareTranslator:
    """Translates sentences so that the glossary's target terms appear where the source terms are translated.

    Args:
        model: the PyTorch port, in eval mode.
        vocab_path: the SentencePiece model shared by source and target.
        shortlist: the lexical shortlist, or ``None`` to decode over the full vocabulary.
        entries: the glossary.
    """

    def __init__(
        self,
        model: MarianTransformer,
        vocab_path: Path,
        shortlist: Shortlist | None,
        entries: Sequence[GlossaryEntry],
    ) -> None:
        self.model = model
        self.sp = spm.SentencePieceProcessor(model_file=str(vocab_path))
        self.shortlist = shortlist
        self.matcher = TermMatcher(entries)
        size = self.sp.GetPieceSize()
        pieces = [str(self.sp.IdToPiece(i)) for i in range(size)]
        self.word_start = np.array([p.startswith("▁") for p in pieces], dtype=bool)
        self.function_word = np.array([p[1:].lower() in FUNCTION_WORDS for p in pieces], dtype=bool)
        self._term_ids: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _pieces(self, target: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if target not in self._term_ids:
            plain = tuple(int(i) for i in self.sp.EncodeAsIds(target))
            cap = target[:1].upper() + target[1:]
            capped = tuple(int(i) for i in self.sp.EncodeAsIds(cap)) if cap != target else plain
            self._term_ids[target] = (plain, capped)
        return self._term_ids[target]

    def prepare(self, text: str) -> tuple[list[int], list[Constraint], list[TermMatch]]:
        """Source ids (EOS appended), the constraints, and the term matches for one sentence."""
        proto = self.sp.encode(text, return_type="proto")
        pieces = list(proto.pieces)
        ids = [int(p.id) for p in pieces] + [EOS_ID]
        matches = self.matcher.find(text)
        constraints = []
        for match in matches:
            span = [i for i, p in enumerate(pieces) if p.end > match.start and p.begin < match.end]
            if not span:
                continue
            plain, capped = self._pieces(match.entry.target)
            if not plain:
                continue
            constraints.append(Constraint(span[0], span[-1] + 1, plain, capped))
        return ids, constraints, matches

    def translate(
        self,
        sentences: Sequence[str],
        *,
        batch_size: int = 32,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[TermTranslation]:
        """Translate sentences (one sentence each) with the glossary enforced.

        Args:
            sentences: source sentences.
            batch_size: sentences decoded together (sorted by length).
            on_progress: called with (sentences done, total).
            cancel: stops between batches and steps.

        Returns:
            One :class:`TermTranslation` per sentence, in order.
        """
        prepared = [self.prepare(s) for s in sentences]
        order = sorted(range(len(sentences)), key=lambda i: len(prepared[i][0]))
        results: dict[int, TermTranslation] = {}
        for k in range(0, len(order), batch_size):
            check(cancel, "The translation")
            chunk = order[k : k + batch_size]
            ids = [prepared[i][0] for i in chunk]
            cands = [self.shortlist.candidates(x) for x in ids] if self.shortlist is not None else None
            outs = constrained_greedy(
                self.model,
                ids,
                [prepared[i][1] for i in chunk],
                cands,
                self.word_start,
                function_word=self.function_word,
                cancel=cancel,
            )
            for i, out in zip(chunk, outs, strict=True):
                text = str(self.sp.DecodeIds(out))
                results[i] = TermTranslation(text, tuple(m.entry for m in prepared[i][2]))
            if on_progress is not None:
                on_progress(min(k + batch_size, len(order)), len(order))
        return [results[i] for i in range(len(sentences))]
