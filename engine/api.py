"""The engine's facade: the one object the GUI and the CLI talk to.

Built once at the composition root (``desktop/app.py`` for the GUI, ``engine/cli`` for the command line).
Every method is thread-safe. Long operations take ``on_progress`` and ``cancel`` (see :mod:`engine.cancel`).
Capabilities (translation, correction, speech, glossaries) are created lazily on first use, so starting the app
loads nothing that is not needed. Each is typed by its protocol in :mod:`engine.protocols`; the composition
root may supply its own implementation of any of them through :class:`Providers` (the desktop runs the checker
and the speech scorer in child processes that way).

The front ends import engine types from here only (``from engine.api import CheckResult``); the re-exports
below are for type checking and cost nothing at run time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from engine.cancel import CancelToken, ProgressCallback
from engine.config import EngineConfig
from engine.protocols import (
    Correcting,
    Documents,
    Glossaries,
    History,
    Practising,
    Recording,
    Speaking,
    Translating,
    WritingLevels,
)

if TYPE_CHECKING:
    from engine.correct.model import CheckResult as CheckResult
    from engine.correct.model import Edit as Edit
    from engine.correct.writing_levels import LevelRecord as LevelRecord
    from engine.correct.writing_levels import WritingHistory as WritingHistory
    from engine.documents import AlignFn as AlignFn
    from engine.documents import Document as Document
    from engine.documents import DocumentProgress as DocumentProgress
    from engine.documents import TranslateFn as TranslateFn
    from engine.documents.align import Alignment
    from engine.glossary.finetune.config import FineTuneConfig as FineTuneConfig
    from engine.glossary.model import GlossaryEntry as GlossaryEntry
    from engine.glossary.model import GlossaryInfo as GlossaryInfo
    from engine.glossary.model import ImportReport as ImportReport
    from engine.glossary.model import StoredEntry as StoredEntry
    from engine.glossary.service import FineTuneResult as FineTuneResult
    from engine.history import HistoryEntry as HistoryEntry
    from engine.practice.context_words import AlignWords
    from engine.practice.exercise import Exercise as Exercise
    from engine.practice.exercise import ExerciseResult as ExerciseResult
    from engine.practice.grading import GradedWord as GradedWord
    from engine.practice.marking import MarkedWord as MarkedWord
    from engine.practice.placement import PlacementResult as PlacementResult
    from engine.practice.progress import PracticeProgress as PracticeProgress
    from engine.practice.store import VocabEntry as VocabEntry
    from engine.speech.audio import AudioArray as AudioArray
    from engine.speech.drills import Drill as Drill
    from engine.speech.progress import ProgressStats as ProgressStats
    from engine.speech.recorder import AudioSource as AudioSource
    from engine.speech.types import Attempt as Attempt
    from engine.speech.types import Transcript as Transcript
    from engine.speech.types import WordResult as WordResult
    from engine.translate.detect import LanguageGuess as LanguageGuess
    from engine.translate.policy import TermPolicies, TermPolicy
    from engine.translate.service import LoadedModel
    from engine.translate.service import ModelInfo as ModelInfo
    from engine.translate.service import Translation as Translation

__all__ = [
    "Correcting",
    "Documents",
    "Engine",
    "Glossaries",
    "History",
    "Practising",
    "Providers",
    "Recording",
    "Speaking",
    "Translating",
    "WritingLevels",
    "correction_service",
    "glossary_service",
    "practice_service",
    "speech_service",
    "translation_service",
]

_T = TypeVar("_T")


# -- the engine's own implementation of each capability (imported on first use) -----------------------------
class _LazyGlossaryTerms:
    """The glossary package's term policies, imported on the first translation that uses a glossary (the glossary
    package and its aligner are a fifth of the command line's start-up otherwise)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._terms: TermPolicies | None = None

    def __call__(self, loaded: LoadedModel, glossary: str) -> TermPolicy:
        with self._lock:
            if self._terms is None:
                from engine.glossary.decoding import GlossaryTerms

                self._terms = GlossaryTerms()
            terms = self._terms
        return terms(loaded, glossary)


def translation_service(config: EngineConfig) -> Translating:
    """The in-process translation service, with the glossary package's term policies as its term hook."""
    from engine.translate.service import TranslationService

    return TranslationService(config, term_policies=_LazyGlossaryTerms())


def correction_service(config: EngineConfig) -> Correcting:
    """The in-process writing-correction service (:mod:`engine.correct`)."""
    from engine.correct.service import CorrectionService

    return CorrectionService(config)


def speech_service(config: EngineConfig) -> Speaking:
    """The in-process speech service: transcription, drill scoring, scheduling (:mod:`engine.speech`)."""
    from engine.speech.service import SpeechService

    return SpeechService(config)


def practice_service(
    translate: Callable[[str, str, str], str] | None = None,
    align: AlignWords | None = None,
) -> Practising:
    """The practice service (:mod:`engine.practice`); ``translate`` gives the translation exercise a second
    reference, ``align`` finds a marked word's other side in its sentence's translation."""
    from engine.practice.service import PracticeService

    return PracticeService(translate=translate, align=align)


def glossary_service(config: EngineConfig) -> Glossaries:
    """The in-process glossary service: storage, import and fine-tuning (:mod:`engine.glossary`)."""
    from engine.glossary.service import GlossaryService

    return GlossaryService(config)


@dataclass(frozen=True)
class Providers:
    """How the facade builds each capability: ``factory(config) -> implementation``; ``None`` = the engine's own.

    Each factory is called once, on first use of its capability, and what it returns is closed (if it has a
    ``close``) by :meth:`Engine.close`.
    """

    translation: Callable[[EngineConfig], Translating] | None = None
    correction: Callable[[EngineConfig], Correcting] | None = None
    speech: Callable[[EngineConfig], Speaking] | None = None
    glossaries: Callable[[EngineConfig], Glossaries] | None = None


class Engine:
    """Facade over every engine capability.

    Args:
        config: the engine settings (device, threads).
        providers: replacements for the engine's own capability implementations (the composition root's
            choice, e.g. process isolation); default: all in this process.
    """

    def __init__(self, config: EngineConfig | None = None, *, providers: Providers | None = None) -> None:
        self.config = config or EngineConfig()
        self.providers = providers or Providers()
        self._lock = threading.Lock()
        self._services: dict[str, object] = {}

    def _service(self, name: str, factory: Callable[[EngineConfig], _T]) -> _T:
        with self._lock:
            if name not in self._services:
                self._services[name] = factory(self.config)
            return cast(_T, self._services[name])

    # -- translation --------------------------------------------------------------------------------------------
    @property
    def translation(self) -> Translating:
        """The translation service (models, conversion, translate)."""
        return self._service("translation", self.providers.translation or translation_service)

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
        """Translate each text (a sentence or whole paragraphs) from ``source`` to ``target``.

        Args:
            texts: the texts; each may hold several sentences and line breaks, which are preserved.
            source: source language code (``"en"``, ``"pt"``).
            target: target language code.
            model: a model name from :meth:`list_models`; default: the active model of the pair.
            glossary: name of a stored glossary whose terms the translation must use.
            on_progress: called with (sentences done, sentences total).
            cancel: stops the work between batches; raises :class:`engine.errors.Cancelled`.

        Returns:
            One :class:`Translation` per input text, in order.
        """
        return self.translation.translate(
            texts, source, target, model=model, glossary=glossary, on_progress=on_progress, cancel=cancel
        )

    def detect_language(self, text: str) -> LanguageGuess:
        """Guess whether ``text`` is English or Portuguese (and pt-BR vs pt-PT)."""
        return self.translation.detect_language(text)

    def list_models(self) -> list[ModelInfo]:
        """Every translation model known: shipped, converted, imported, adapted."""
        return self.translation.list_models()

    def needs_preparation(self) -> bool:
        """Whether shipped models still have to be converted (first run)."""
        return self.translation.needs_preparation()

    def prepare_models(
        self, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        """Convert the shipped models to ONNX int8 now (otherwise done on first use)."""
        return self.translation.prepare_models(on_progress=on_progress, cancel=cancel)

    def import_model(
        self, path: Path, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> ModelInfo:
        """Import a Firefox Translations model folder (any language pair), converting it atomically."""
        return self.translation.import_model(path, on_progress=on_progress, cancel=cancel)

    # -- documents, history, data folder -------------------------------------------------------------------------
    def load_document(self, path: Path) -> Document:
        """Read a document of a supported kind (errors name the file and say what is wrong)."""
        from engine.documents import load_document

        return load_document(path)

    def document_output_path(self, path: Path, target: str) -> Path:
        """Where the translation of a document goes: beside it, with the target language suffix."""
        from engine.documents import output_path

        return output_path(path, target)

    def document_keep_both_path(self, path: Path) -> Path:
        """A free name beside an existing output, for "keep both" (``talk.pt (2).srt``)."""
        from engine.documents import keep_both_path

        return keep_both_path(path)

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
        """Translate a loaded document with ``translate`` and write it to ``out`` atomically, structure kept
        (inline formatting lands on the words ``align`` aligns it to; see :meth:`document_aligner`)."""
        from engine.documents import translate_document

        return translate_document(document, translate, out, overwrite=overwrite, cancel=cancel, align=align)

    def document_aligner(self, source: str, target: str, *, model: str | None = None) -> AlignFn:
        """Word-aligns sentences and their translations with the model that translates them (loaded now)."""
        from engine.documents import Aligner

        return Aligner(self.translation.model(source, target, model), threads=self.config.effective_threads)

    def open_history(self) -> History:
        """The translation history store (SQLite in the data folder); one per thread that uses it."""
        from engine.history import HistoryStore

        return HistoryStore()

    def open_writing_levels(self) -> WritingLevels:
        """The learner's writing level over time (SQLite in the data folder), for the Correct page."""
        from engine.correct.writing_levels import WritingLevelStore

        return WritingLevelStore()

    def data_dir(self) -> Path:
        """The user data folder (``$PALAVRA_DATA_DIR`` or the platform's), without creating it."""
        from engine.paths import data_dir

        return data_dir(create=False)

    def cuda_available(self) -> bool:
        """Whether translation can run on a CUDA GPU here (the device probe of :mod:`engine.devices`)."""
        from engine.devices import cuda_available

        return cuda_available("onnxruntime")

    # -- other capabilities (each owned by its own package) -------------------------------------------------------
    @property
    def correction(self) -> Correcting:
        """The writing-correction service (:mod:`engine.correct`)."""
        return self._service("correction", self.providers.correction or correction_service)

    @property
    def speech(self) -> Speaking:
        """The speech service: transcription, drill scoring, scheduling (:mod:`engine.speech`)."""
        return self._service("speech", self.providers.speech or speech_service)

    @property
    def practice(self) -> Practising:
        """Exercises beyond reading aloud, the placement test and progress (:mod:`engine.practice`)."""
        return self._service("practice", lambda _config: practice_service(self._translate_one, self._align))

    def _translate_one(self, text: str, source: str, target: str) -> str:
        return self.translate([text], source, target)[0].text

    def _align(self, source: str, target: str, pairs: Sequence[tuple[str, str]]) -> list[Alignment]:
        return self.document_aligner(source, target)(pairs)

    @property
    def glossaries(self) -> Glossaries:
        """Glossary storage, import and fine-tuning (:mod:`engine.glossary`)."""
        return self._service("glossaries", self.providers.glossaries or glossary_service)

    def close(self) -> None:
        """Release every loaded model (and stop the processes of isolated capabilities)."""
        with self._lock:
            services = list(self._services.values())
            self._services.clear()
        for service in services:
            closer = getattr(service, "close", None)
            if callable(closer):
                closer()


if TYPE_CHECKING:  # the facade itself is the documents capability (checked by mypy)
    _facade_documents: type[Documents] = Engine
