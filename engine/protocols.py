"""What the GUI and the CLI may call: each engine capability as a :class:`typing.Protocol`.

The facade (:class:`engine.api.Engine`) returns these types, so every call from ``desktop/`` or ``engine/cli``
into a capability is type-checked against the real engine result types. Implementations satisfy them
structurally (no inheritance): the engine's own services, the desktop's process-isolated versions
(``desktop/remote.py``) and the test fakes (``tests/desktop/fakes.py``); mypy checks all three.

A method a front end needs is added here first; an implementation that lacks it then fails ``make lint``.
Nothing here is imported at run time except this module itself (the result types are annotations only).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

    from engine.cancel import CancelToken, ProgressCallback
    from engine.correct.model import CheckResult
    from engine.correct.writing_levels import LevelRecord, WritingHistory
    from engine.documents import AlignFn, Document, DocumentProgress, TranslateFn
    from engine.glossary.finetune.config import FineTuneConfig
    from engine.glossary.finetune.memory import MemoryReport
    from engine.glossary.model import GlossaryEntry, GlossaryInfo, ImportReport, StoredEntry
    from engine.glossary.service import FineTuneResult
    from engine.history import HistoryEntry
    from engine.practice.exercise import Exercise, ExerciseResult
    from engine.practice.marking import MarkedWord
    from engine.practice.placement import PlacementResult
    from engine.practice.progress import PracticeProgress
    from engine.practice.store import VocabEntry
    from engine.speech.audio import AudioArray
    from engine.speech.drills import Drill
    from engine.speech.progress import ProgressStats
    from engine.speech.recorder import AudioSource
    from engine.speech.types import Attempt, Transcript
    from engine.translate.detect import LanguageGuess
    from engine.translate.service import LoadedModel, ModelInfo, Translation

__all__ = [
    "Correcting",
    "Documents",
    "Glossaries",
    "History",
    "Practising",
    "Recording",
    "Speaking",
    "Translating",
    "WritingLevels",
]


class Translating(Protocol):
    """Translation and the translation models (``Engine().translation``)."""

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        model: str | None = None,
        glossary: str | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[Translation]:
        """Translate each text; see :meth:`engine.api.Engine.translate`."""
        ...

    def detect_language(self, value: str) -> LanguageGuess:
        """Guess English or Portuguese (and pt-BR vs pt-PT)."""
        ...

    def list_models(self) -> list[ModelInfo]:
        """Every translation model known: shipped, converted, imported, adapted."""
        ...

    def needs_preparation(self) -> bool:
        """Whether shipped models still have to be converted (first run)."""
        ...

    def prepare_models(
        self, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        """Convert the shipped models not converted yet."""
        ...

    def import_model(
        self, path: Path, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> ModelInfo:
        """Import a Firefox Translations model folder."""
        ...

    #: Damaged models the last :meth:`prepare_models` could not rebuild (delete them, then import or fine-tune).
    unrepairable: list[str]

    def activate_model(self, name: str) -> None:
        """Make ``name`` the model used for its language pair."""
        ...

    def delete_model(self, name: str) -> None:
        """Delete an imported or adapted model; if it was active, its pair goes back to the base model."""
        ...

    def model(
        self,
        source: str,
        target: str,
        name: str | None = None,
        *,
        on_progress: ProgressCallback | None = None,
    ) -> LoadedModel:
        """The model of a pair, loaded now (the server warms its models up with it)."""
        ...


class Correcting(Protocol):
    """The writing checker (``Engine().correction``)."""

    def check(
        self,
        text: str,
        language: str,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> CheckResult:
        """Check ``text``: every correction with its explanation (see :class:`engine.correct.model.CheckResult`)."""
        ...

    def preload(self, languages: Sequence[str]) -> None:
        """Start loading the checkers of ``languages`` (``"en"``, ``"pt"``...) in the background, in that order;
        returns at once (a check waits only for what it needs)."""
        ...


class Recording(Protocol):
    """One utterance being recorded (``Speaking.recorder()``)."""

    def start(self) -> None:
        """Start recording; raises :class:`engine.errors.DeviceError` without a microphone."""
        ...

    def stop(self) -> AudioArray:
        """Stop and return the samples (16 kHz mono float32)."""
        ...


class Speaking(Protocol):
    """Transcription, drill scoring, drills and their schedule, synthetic voices (``Engine().speech``)."""

    def transcribe(
        self,
        audio: str | Path | np.ndarray,
        language: str | None = None,
        *,
        beam_size: int = 5,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        """Transcribe a file or 16 kHz mono samples."""
        ...

    def score_attempt(
        self,
        target_text: str,
        audio: str | Path | np.ndarray,
        language: str,
        *,
        on_partial: Callable[[Attempt], None] | None = None,
    ) -> Attempt:
        """Score a reading of ``target_text`` word by word."""
        ...

    def drills(self, language: str) -> tuple[Drill, ...]:
        """Every drill sentence of ``language``."""
        ...

    def next_drill(self, language: str, *, topic: str | None = None, level: str | None = None) -> Drill:
        """The drill to practise next (each call moves on), optionally of one topic and level."""
        ...

    def record_attempt(
        self, drill: Drill, attempt: Attempt, *, audio: np.ndarray | None = None, sample_rate: int = 16000
    ) -> None:
        """Store an attempt and reschedule its drill."""
        ...

    def progress(self, language: str) -> ProgressStats:
        """Attempts, scores over time and weakest words of ``language``."""
        ...

    def synthesize(self, text: str, language: str, *, speed: float = 1.0) -> tuple[AudioArray, int]:
        """A synthetic voice reading ``text``: (samples, sample rate)."""
        ...

    def voice_name(self, language: str) -> str:
        """Which synthetic voice speaks ``language`` (shown in the UI)."""
        ...

    def recorder(
        self,
        *,
        on_level: Callable[[float], None] | None = None,
        on_end: Callable[[], None] | None = None,
        on_pause: Callable[[AudioArray], None] | None = None,
        max_seconds: float = 15.0,
        source: AudioSource | None = None,
    ) -> Recording:
        """A recorder for one utterance from the microphone (or ``source``)."""
        ...


class Practising(Protocol):
    """Dictation, translation, cloze, vocabulary cards, placement test and progress (``Engine().practice``)."""

    def next_exercise(
        self,
        kind: str,
        language: str,
        *,
        topic: str | None = None,
        level: str | None = None,
        now: datetime | None = None,
    ) -> Exercise:
        """The next item of ``kind`` (due first, then new; each call moves on)."""
        ...

    def check(
        self,
        kind: str,
        item_id: str,
        language: str,
        answer: str,
        *,
        rating: int | None = None,
        now: datetime | None = None,
    ) -> ExerciseResult:
        """Grade, store and reschedule an answer."""
        ...

    def add_word(self, word: str, translation: str, language: str, *, example: str = "") -> bool:
        """Put a word on the learner's vocabulary list."""
        ...

    def mark_word(
        self,
        text: str,
        language: str,
        *,
        practised: str,
        context: str = "",
        other_text: str = "",
        at: int | None = None,
        in_translation: bool = False,
    ) -> MarkedWord:
        """Put a word selected in a translation on the list of ``practised``, its other side found in its
        sentence's translation (``at``: where the selection starts in ``context``; ``in_translation``: whether
        ``context`` is the translation of ``other_text``)."""
        ...

    def vocabulary(self, language: str) -> tuple[VocabEntry, ...]:
        """The vocabulary list."""
        ...

    def placement_test(self, language: str) -> tuple[Exercise, ...]:
        """The placement test's questions."""
        ...

    def grade_placement(
        self, language: str, answers: dict[str, str], *, now: datetime | None = None
    ) -> PlacementResult:
        """Grade and store a placement test."""
        ...

    def progress(self, language: str, *, now: datetime | None = None) -> PracticeProgress:
        """Progress figures for the charts."""
        ...


class Glossaries(Protocol):
    """The user's glossaries: import, editing, fine-tuning (``Engine().glossaries``)."""

    def check_file(
        self, path: Path, source: str, target: str, *, strict: bool = False, swap: bool = False
    ) -> ImportReport:
        """Validate a glossary file without storing anything."""
        ...

    def import_file(
        self,
        path: Path,
        name: str,
        source: str,
        target: str,
        *,
        domain: str = "",
        strict: bool = False,
        swap: bool = False,
        replace: bool = False,
    ) -> tuple[GlossaryInfo, ImportReport]:
        """Validate and store a glossary file."""
        ...

    def create(
        self,
        name: str,
        source: str,
        target: str,
        entries: tuple[GlossaryEntry, ...] | builtins.list[GlossaryEntry],
        *,
        domain: str = "",
        replace: bool = False,
    ) -> GlossaryInfo:
        """Store a glossary from entries already validated."""
        ...

    def list(self) -> builtins.list[GlossaryInfo]:
        """Every stored glossary."""
        ...

    def get(self, name: str) -> GlossaryInfo:
        """One glossary by name (case-insensitive)."""
        ...

    def entries(self, name: str) -> builtins.list[StoredEntry]:
        """The entries of a glossary."""
        ...

    def delete(self, name: str) -> None:
        """Delete a glossary."""
        ...

    def rename(self, name: str, new_name: str) -> GlossaryInfo:
        """Rename a glossary."""
        ...

    def set_domain(self, name: str, domain: str) -> GlossaryInfo:
        """Change a glossary's domain."""
        ...

    def add_entry(
        self, name: str, source: str, target: str, note: str = "", alternatives: Sequence[str] = ()
    ) -> StoredEntry:
        """Add an entry."""
        ...

    def update_entry(
        self,
        name: str,
        entry_id: int,
        source: str,
        target: str,
        note: str = "",
        alternatives: Sequence[str] = (),
    ) -> StoredEntry:
        """Change an entry."""
        ...

    def delete_entry(self, name: str, entry_id: int) -> None:
        """Delete an entry."""
        ...

    def finetune_config(
        self,
        name: str,
        *,
        minutes: float | None = None,
        method: str = "full",
        user_pairs: Path | None = None,
        documents: Sequence[Path] = (),
        install: bool = True,
        memories: Sequence[Path] = (),
    ) -> FineTuneConfig:
        """The fine-tuning run :meth:`finetune` would start (checked before anything starts)."""
        ...

    def check_memories(self, memories: Sequence[Path], source_lang: str, target_lang: str) -> MemoryReport:
        """Read translation memories as a run would: pairs kept and what was left out."""
        ...

    def estimate_seconds(self, config: FineTuneConfig, memory_pairs: int = 0) -> float:
        """How long a fine-tuning run takes, roughly."""
        ...

    def finetune(
        self,
        name: str,
        *,
        minutes: float | None = None,
        method: str = "full",
        user_pairs: Path | None = None,
        documents: Sequence[Path] = (),
        install: bool = True,
        on_event: Callable[[dict[str, Any]], None] | None = None,
        cancel: CancelToken | None = None,
        memories: Sequence[Path] = (),
    ) -> FineTuneResult:
        """Fine-tune the base model on a glossary (and translation memories) in a child process."""
        ...


class Documents(Protocol):
    """Documents read, translated and written with their structure kept (methods of the facade)."""

    def load_document(self, path: Path) -> Document:
        """Read a document of a supported kind."""
        ...

    def document_output_path(self, path: Path, target: str) -> Path:
        """Where the translation of a document goes."""
        ...

    def document_keep_both_path(self, path: Path) -> Path:
        """A free name beside an existing output, for "keep both" (``talk.pt (2).srt``)."""
        ...

    def translate_document(
        self,
        document: Document,
        translate: TranslateFn,
        out: Path,
        *,
        overwrite: bool = False,
        cancel: CancelToken | None = None,
        align: AlignFn | None = None,
    ) -> Iterator[DocumentProgress]:
        """Translate a loaded document lazily (progress in sentences), then write it atomically."""
        ...

    def document_aligner(self, source: str, target: str, *, model: str | None = None) -> AlignFn:
        """Word-aligns sentences and their translations (inline formatting follows the aligned words)."""
        ...


class History(Protocol):
    """The translation history (``Engine().open_history()``); one per thread that uses it."""

    def add(self, source: str, target: str, source_text: str, text: str, model: str = "") -> HistoryEntry:
        """Store one translation."""
        ...

    def recent(self, limit: int = 50) -> builtins.list[HistoryEntry]:
        """The latest entries, newest first."""
        ...

    def delete(self, entry_id: int) -> None:
        """Delete one entry."""
        ...

    def clear(self) -> None:
        """Delete every entry."""
        ...

    def close(self) -> None:
        """Close the database."""
        ...


class WritingLevels(Protocol):
    """The learner's writing level over time (``Engine().open_writing_levels()``)."""

    def record(self, result: CheckResult, *, when: datetime | None = None) -> LevelRecord | None:
        """Store the level of a checked text (None: no estimate, or the text was recorded already)."""
        ...

    def history(self, language: str | None = None, *, limit: int = 50) -> WritingHistory:
        """The records of ``language`` (None: of the latest record), oldest first, and the recent checks' most
        frequent mistakes."""
        ...

    def close(self) -> None:
        """Close the database."""
        ...
