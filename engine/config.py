"""The engine's typed configuration."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

Device = Literal["auto", "cpu", "cuda"]


def default_threads() -> int:
    """Inference threads: the number of cores, at most 4 (small models gain nothing beyond)."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class EngineConfig:
    """Settings shared by every engine component.

    Attributes:
        device: ``"cpu"``, ``"cuda"`` or ``"auto"`` (CUDA when onnxruntime-gpu and a GPU are present).
        threads: inference threads (translation runs batches on this many threads; 0 = choose).
        translation_batch_size: sentences per decoder batch.
        cache_size: translations kept in the in-memory cache.
    """

    device: Device = "auto"
    threads: int = 0
    translation_batch_size: int = 32
    cache_size: int = 4096

    @property
    def effective_threads(self) -> int:
        """``threads`` with 0 meaning "choose for this machine"."""
        return self.threads if self.threads > 0 else default_threads()
