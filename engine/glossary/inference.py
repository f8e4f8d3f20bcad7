"""Term-aware translation at inference, without fine-tuning, on the app's ONNX translator.

``TranslationService.translate(..., glossary=NAME)`` calls :func:`translate_with_glossary`: the active model
translates as usual, a decoding hook records the cross-attention of every output token, and
:class:`engine.glossary.align.TermAligner` replaces the model's rendering of each glossary term with the
glossary's target term.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from engine.cancel import CancelToken, ProgressCallback, check
from engine.errors import InputError
from engine.glossary.align import TermAligner
from engine.glossary.store import GlossaryStore
from engine.translate.vocab import EOS_ID

if TYPE_CHECKING:
    from engine.translate.service import LoadedModel, Translation, TranslationService

log = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

_aligners: dict[tuple[str, str, str, int], TermAligner] = {}
_aligners_lock = threading.Lock()


class AttentionRecorder:
    """A decoding hook that leaves the logits alone and keeps each emitted token's attention over the source."""

    def __init__(self, rows: int) -> None:
        self.attention: list[list[FloatArray]] = [[] for _ in range(rows)]

    def __call__(
        self, step: int, rows: IntArray, cand: IntArray, logits: FloatArray, attention: FloatArray
    ) -> FloatArray:
        """Record the attention of the tokens chosen at this step."""
        best = cand[np.argmax(logits, axis=1)]
        for j, (row, token) in enumerate(zip(rows.tolist(), best.tolist(), strict=True)):
            if token != EOS_ID:
                self.attention[row].append(np.asarray(attention[j], dtype=np.float32).copy())
        return logits

    def matrix(self, row: int, source_len: int) -> FloatArray:
        """Attention ``[output tokens, source_len]`` of one row."""
        steps = self.attention[row]
        if not steps:
            return np.zeros((0, source_len), dtype=np.float32)
        return np.stack([a[:source_len] for a in steps]).astype(np.float32)


def aligner_for(loaded: LoadedModel, glossary: str, store: GlossaryStore | None = None) -> TermAligner:
    """The (cached) aligner for a loaded model and a stored glossary.

    Raises:
        GlossaryNotFoundError: no such glossary.
        InputError: the glossary's direction is not the model's.
    """
    own = store is None
    store = store or GlossaryStore()
    try:
        info = store.get(glossary)
        if (info.source_lang, info.target_lang) != (loaded.info.source, loaded.info.target):
            raise InputError(
                f"The glossary '{info.name}' is for {info.source_lang}->{info.target_lang}, but the translation "
                f"goes from {loaded.info.source} to {loaded.info.target}."
            )
        key = (loaded.info.name, info.name, info.updated_at, info.entry_count)
        with _aligners_lock:
            cached = _aligners.get(key)
        if cached is not None:
            return cached
        entries = [e.entry for e in store.entries(info.name)]
    finally:
        if own:
            store.close()
    folder = loaded.info.folder
    target_vocab = folder / "target.spm"
    aligner = TermAligner(folder / "source.spm", entries, target_vocab if target_vocab.is_file() else None)
    with _aligners_lock:
        _aligners[key] = aligner
    return aligner


def translate_with_glossary(
    service: TranslationService,
    texts: Sequence[str],
    source: str,
    target: str,
    glossary: str,
    *,
    model: str | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[Translation]:
    """Translate texts so that the stored glossary's terms are used.

    Args:
        service: the translation service (its models and batch size are used).
        texts: texts to translate (split into sentences; whitespace kept).
        source: source language code.
        target: target language code.
        glossary: name of a stored glossary for this direction.
        model: model name; default: the active model of the pair.
        on_progress: called with (sentences done, total).
        cancel: checked between batches.

    Returns:
        One translation per text.
    """
    from engine.translate import text as textmod
    from engine.translate.service import Translation

    loaded = service.model(source, target, model)
    aligner = aligner_for(loaded, glossary)
    pieces = [textmod.split(t) for t in texts]
    sentences = [p.text for ps in pieces for p in ps if p.translate]
    translated = translate_sentences(
        loaded,
        aligner,
        sentences,
        batch_size=service.config.translation_batch_size,
        on_progress=on_progress,
        cancel=cancel,
    )
    out: list[Translation] = []
    it = iter(translated)
    for original, ps in zip(texts, pieces, strict=True):
        mine = [next(it) for p in ps if p.translate]
        out.append(Translation(original, textmod.join(ps, mine), source, target, loaded.info.name))
    return out


def translate_sentences(
    loaded: LoadedModel,
    aligner: TermAligner,
    sentences: Sequence[str],
    *,
    batch_size: int = 32,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[str]:
    """Translate single sentences with the glossary of ``aligner`` (batched by length)."""
    from engine.translate import text as textmod

    protected = [textmod.protect(s, loaded.is_unknown) for s in sentences]
    prepared = [aligner.prepare(p.text) for p in protected]
    order = sorted(range(len(sentences)), key=lambda k: len(prepared[k][0]))
    results = [""] * len(sentences)
    size = max(1, batch_size)
    for start in range(0, len(order), size):
        check(cancel, "Translation")
        chunk = order[start : start + size]
        recorder = AttentionRecorder(len(chunk))
        ids = loaded.translator.translate_ids([prepared[k][0] for k in chunk], hook=recorder)
        for j, k in enumerate(chunk):
            src_ids, constraints, _ = prepared[k]
            out = ids[j]
            if constraints:
                out = aligner.finish(out, recorder.matrix(j, len(src_ids)), constraints)
            results[k] = protected[k].restore(aligner.decode(out))
        if on_progress is not None:
            on_progress(min(start + size, len(order)), len(order))
    return results
