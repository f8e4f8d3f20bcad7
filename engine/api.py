"""The engine's facade: the one object the GUI and the CLI talk to.

Built once at the composition root (``desktop/app.py`` for the GUI, ``engine/cli`` for the command line).
Every method is thread-safe. Long operations take ``on_progress`` and ``cancel`` (see :mod:`engine.cancel`).
Sub-services (correction, speech, glossaries) are created lazily on first use, so starting the app loads nothing
that is not needed.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.cancel import CancelToken, ProgressCallback
from engine.config import EngineConfig

if TYPE_CHECKING:
    from engine.documents import Document
    from engine.documents.core import TranslateFn
    from engine.history import HistoryStore
    from engine.translate.service import LanguageGuess, ModelInfo, Translation, TranslationService


class Engine:
    """Facade over every engine capability."""

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = config or EngineConfig()
        self._lock = threading.Lock()
        self._services: dict[str, Any] = {}

    def _service(self, name: str, factory: Any) -> Any:
        with self._lock:
            if name not in self._services:
                self._services[name] = factory(self.config)
            return self._services[name]

    # -- translation --------------------------------------------------------------------------------------------
    @property
    def translation(self) -> TranslationService:
        """The translation service (models, conversion, translate)."""
        from engine.translate.service import TranslationService

        return self._service("translation", TranslationService)  # type: ignore[no-any-return]

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
        """Read a ``.txt``, ``.srt`` or ``.docx`` document (errors name the file and say what is wrong)."""
        from engine.documents import load_document

        return load_document(path)

    def document_output_path(self, path: Path, target: str) -> Path:
        """Where the translation of a document goes: beside it, with the target language suffix."""
        from engine.documents import output_path

        return output_path(path, target)

    def translate_document(
        self,
        document: Document,
        translate: TranslateFn,
        out: Path,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """Translate a loaded document with ``translate`` and write it to ``out`` atomically, structure kept."""
        from engine.documents import translate_document

        return translate_document(document, translate, out, on_progress=on_progress, cancel=cancel)

    def open_history(self) -> HistoryStore:
        """The translation history store (SQLite in the data folder); one per thread that uses it."""
        from engine.history import HistoryStore

        return HistoryStore()

    def data_dir(self) -> Path:
        """The user data folder (``$PALAVRA_DATA_DIR`` or the platform's), without creating it."""
        from engine.paths import data_dir

        return data_dir(create=False)

    # -- other capabilities (each owned by its own package) -------------------------------------------------------
    @property
    def correction(self) -> Any:
        """The writing-correction service (:mod:`engine.correct`)."""
        from engine.correct.service import CorrectionService

        return self._service("correction", CorrectionService)

    @property
    def speech(self) -> Any:
        """The speech service: transcription, drill scoring, scheduling (:mod:`engine.speech`)."""
        from engine.speech.service import SpeechService

        return self._service("speech", SpeechService)

    @property
    def glossaries(self) -> Any:
        """Glossary storage, import and fine-tuning (:mod:`engine.glossary`)."""
        from engine.glossary.service import GlossaryService

        return self._service("glossaries", GlossaryService)

    def close(self) -> None:
        """Release every loaded model."""
        with self._lock:
            services = list(self._services.values())
            self._services.clear()
        for service in services:
            closer = getattr(service, "close", None)
            if callable(closer):
                closer()
