"""One file of a batch: what to translate where, and how it went."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.api import Engine
from engine.cancel import CancelToken, ProgressCallback
from engine.errors import PalavraError


@dataclass(frozen=True)
class FileJob:
    """Translate ``path`` into ``out`` (written atomically; ``out`` must not exist yet)."""

    path: Path
    out: Path
    source: str
    target: str
    model: str | None = None
    glossary: str | None = None


@dataclass(frozen=True)
class FileResult:
    """How one job went: ``error`` is a sentence for the person, or None when the file was written."""

    job: FileJob
    segments: int
    seconds: float
    error: str | None = None
    worker: str = ""

    @property
    def ok(self) -> bool:
        """Whether the translation was written."""
        return self.error is None


def translate_file(
    engine: Engine, job: FileJob, cancel: CancelToken | None = None, worker: str = ""
) -> FileResult:
    """Translate one file through the document path of the app (layout kept, atomic write)."""
    started = time.perf_counter()
    try:
        document = engine.load_document(job.path)

        def translate(
            texts: Sequence[str], on_progress: ProgressCallback | None, token: CancelToken | None
        ) -> list[str]:
            done = engine.translate(
                texts, job.source, job.target, model=job.model, glossary=job.glossary, cancel=token or cancel
            )
            return [t.text for t in done]

        job.out.parent.mkdir(parents=True, exist_ok=True)
        align = engine.document_aligner(job.source, job.target, model=job.model) if document.marks else None
        for _step in engine.translate_document(document, translate, job.out, cancel=cancel, align=align):
            pass  # an existing output is refused (never replaced), the source never written
    except PalavraError as exc:
        return FileResult(job, 0, time.perf_counter() - started, exc.user_message, worker)
    return FileResult(job, len(document.segments), time.perf_counter() - started, None, worker)
