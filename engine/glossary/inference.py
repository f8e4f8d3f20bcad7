"""Term-aware translation of single sentences on a loaded model, outside the translation service.

The app translates with a glossary through ``TranslationService.translate(..., glossary=NAME)``, whose term hook is
:class:`engine.glossary.decoding.GlossaryTerms`. This helper runs the same decoding for callers that hold a
:class:`LoadedModel` and an aligner of their own (the fine-tuning teacher).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from engine.cancel import CancelToken, ProgressCallback, check
from engine.glossary.align import TermAligner
from engine.glossary.decoding import GlossaryTermPolicy, Plan

if TYPE_CHECKING:
    from engine.translate.service import LoadedModel


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

    policy = GlossaryTermPolicy(aligner, "")
    protected = [textmod.protect(s, loaded.is_unknown) for s in sentences]
    plans = [policy.plan(p.text) or Plan(aligner.prepare(p.text)[0], ()) for p in protected]
    order = sorted(range(len(sentences)), key=lambda k: len(plans[k].ids))
    results = [""] * len(sentences)
    size = max(1, batch_size)
    for start in range(0, len(order), size):
        check(cancel, "Translation")
        chunk = order[start : start + size]
        outs = policy.decode(loaded.translator, [plans[k] for k in chunk])
        for k, out in zip(chunk, outs, strict=True):
            results[k] = protected[k].restore(policy.text(out))
        if on_progress is not None:
            on_progress(min(start + size, len(order)), len(order))
    return results
