"""The hook through which term handling takes part in translation (implemented by :mod:`engine.glossary`).

The translation service splits, protects, batches, caches and spreads work over its thread pool as for plain
translation; for each sentence it asks the policy for a :class:`TermPlan` (``None``: no term, translated and cached
as plain text), and the policy's :meth:`TermPolicy.decode` drives the decoder for the sentences that have terms.
Translation never imports the glossary package: the composition root (``engine.api``) passes the implementation in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from engine.translate.onnx_translator import OnnxTranslator
    from engine.translate.service import LoadedModel


class TermPlan(Protocol):
    """What the policy needs to decode one sentence: at least its source ids (ending with EOS)."""

    @property
    def ids(self) -> Sequence[int]:
        """Source token ids of the sentence, EOS last."""
        ...


class TermPolicy(Protocol):
    """Term handling for one model and one glossary."""

    @property
    def key(self) -> str:
        """Identifies the glossary and its version in the translation cache."""
        ...

    def plan(self, sentence: str) -> TermPlan | None:
        """The plan for one (protected) sentence, or ``None`` when it has no term."""
        ...

    def decode(self, translator: OnnxTranslator, plans: Sequence[TermPlan]) -> list[list[int]]:
        """Output ids (without EOS) for a batch of planned sentences; thread-safe (one call per batch)."""
        ...

    def text(self, ids: Sequence[int]) -> str:
        """The target text of output ids."""
        ...


#: Builds the policy of a stored glossary for a loaded model; raises ``GlossaryNotFoundError`` or ``InputError``.
TermPolicies = Callable[["LoadedModel", str], TermPolicy]
