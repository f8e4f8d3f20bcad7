"""A fake engine for the GUI tests: deterministic, instant (or slowed on demand), no model."""

from __future__ import annotations

import builtins
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from engine.api import (
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
from engine.cancel import CancelToken, ProgressCallback, check
from engine.config import EngineConfig

# The fake returns the engine's own result types, so it cannot drift from what the real services return.
from engine.correct.level import estimate_level
from engine.correct.model import CheckResult, Edit
from engine.correct.spelling import SpellingModel
from engine.documents.align import Alignment
from engine.errors import DeviceError, ModelError
from engine.glossary.model import StoredEntry
from engine.glossary.service import GlossaryService
from engine.practice.service import PracticeService
from engine.speech.audio import AudioArray
from engine.speech.drills import Drill
from engine.speech.progress import ProgressStats, WordStat
from engine.speech.types import Attempt, Transcript, WordResult
from engine.translate.detect import LanguageGuess
from engine.translate.service import LoadedModel, ModelInfo, Translation

if TYPE_CHECKING:
    from engine.documents import AlignFn, Document, DocumentProgress, TranslateFn
    from engine.speech.recorder import AudioSource

WORDS = {
    "hello": "olá",
    "world": "mundo",
    "good": "bom",
    "morning": "dia",
    "thank": "obrigado",
    "you": "você",
    "the": "o",
    "cat": "gato",
    "olá": "hello",
    "mundo": "world",
    "gato": "cat",
    "o": "the",
}


def fake_translate(text: str) -> str:
    """Word-by-word dictionary lookup; unknown words are bracketed. Line breaks kept."""
    lines = []
    for line in text.split("\n"):
        lines.append(" ".join(WORDS.get(w.lower().strip(".,!?"), f"[{w}]") for w in line.split()))
    return "\n".join(lines)


class FakeCorrection:
    """Flags 'teh' (spelling) and 'a apple' (grammar)."""

    def __init__(self) -> None:
        self.calls = 0
        self._models: dict[str, SpellingModel] = {}
        self.preloaded: list[str] = []

    def preload(self, languages: Sequence[str]) -> None:
        self.preloaded.extend(languages)

    def check(
        self,
        text: str,
        language: str,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> CheckResult:
        self.calls += 1
        edits = []
        start = 0
        while (i := text.find("teh", start)) >= 0:
            edits.append(
                Edit(
                    i,
                    i + 3,
                    "teh",
                    "the",
                    "spelling",
                    "TYPO",
                    "'teh' is a typo for 'the'.",
                    ("the",),
                    "fake",
                    (
                        ("en", "'teh' is a typo for 'the'."),
                        ("pt", "'teh' é um erro de digitação: escreva 'the'."),
                    ),
                )
            )
            start = i + 3
        if (i := text.find("a apple")) >= 0:
            edits.append(
                Edit(
                    i, i + 1, "a", "an", "grammar", "A_AN", "Use 'an' before a vowel sound.", ("an",), "fake"
                )
            )
        ordered = tuple(sorted(edits, key=lambda e: e.start))
        resolved = "en-US" if language in ("auto", "en") else "pt-BR"
        # the level estimate is word statistics: the engine's own, on the edits found here
        level = estimate_level(text, ordered, self._model(resolved.split("-")[0]))
        return CheckResult(text, resolved, ordered, level=level)

    def _model(self, language: str) -> SpellingModel:
        if language not in self._models:
            self._models[language] = SpellingModel(language)
        return self._models[language]


class FakeRecorder:
    def __init__(
        self,
        on_level: Callable[[float], None],
        fail: bool,
        on_pause: Callable[[AudioArray], None] | None = None,
    ) -> None:
        self.on_level = on_level
        self.fail = fail
        self.on_pause = on_pause

    def start(self) -> None:
        if self.fail:
            raise DeviceError("No microphone was found. Plug one in and try again.")
        self.on_level(0.6)
        if self.on_pause is not None:  # the learner paused: what stop() will return if it ends here
            self.on_pause(np.zeros(16000, dtype=np.float32))

    def stop(self) -> np.ndarray:
        return np.zeros(16000, dtype=np.float32)


class FakeSpeech:
    def __init__(self, microphone: bool = True) -> None:
        self.microphone = microphone
        self.recorded: list[tuple[Drill, Attempt]] = []
        self.scored = 0
        self._n = 0

    def transcribe(
        self,
        audio: str | Path | np.ndarray,
        language: str | None = None,
        *,
        beam_size: int = 5,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        raise NotImplementedError("the GUI does not transcribe")

    def drills(self, language: str) -> tuple[Drill, ...]:
        return (self.next_drill(language),)

    def next_drill(self, language: str, *, topic: str | None = None, level: str | None = None) -> Drill:
        self._n += 1
        if language == "pt":
            return Drill(
                f"pt-{self._n}",
                f"Bom dia, tudo bem {self._n}?",
                "Good morning, all well?",
                "pt",
                "A1",
                "greetings",
            )
        return Drill(f"en-{self._n}", f"Good morning number {self._n}", "Bom dia", "en", "A1", "greetings")

    def synthesize(self, text: str, language: str, *, speed: float = 1.0) -> tuple[np.ndarray, int]:
        return np.zeros(1600, dtype=np.float32), 16000

    def voice_name(self, language: str) -> str:
        return "Kokoro-82M" if language == "pt" else "hibari-tts"

    def recorder(
        self,
        *,
        on_level: Callable[[float], None] | None = None,
        on_end: Callable[[], None] | None = None,
        on_pause: Callable[[AudioArray], None] | None = None,
        max_seconds: float = 15.0,
        source: AudioSource | None = None,
    ) -> Recording:
        return FakeRecorder(on_level or (lambda _l: None), not self.microphone, on_pause)

    def score_attempt(
        self,
        target_text: str,
        audio: str | Path | np.ndarray,
        language: str,
        *,
        on_partial: Callable[[Attempt], None] | None = None,
    ) -> Attempt:
        self.scored += 1
        target = target_text
        words = target.split()
        results = [
            WordResult(w, ("correct", "uncertain", "wrong")[i % 3], 90 - 30 * (i % 3), None, None)
            for i, w in enumerate(words)
        ]
        return Attempt(
            target, language, 71, tuple(results), (), "Good effort: watch the nasal vowels.", target
        )

    def record_attempt(
        self, drill: Drill, attempt: Attempt, *, audio: np.ndarray | None = None, sample_rate: int = 16000
    ) -> None:
        self.recorded.append((drill, attempt))

    def progress(self, language: str) -> ProgressStats:
        scores = [a.score for _d, a in self.recorded]
        weak = (WordStat(word="tudo", attempts=1, misses=1, mean_score=40.0),) if scores else ()
        return ProgressStats(
            language=language,
            attempts=len(scores),
            mean_score=sum(scores) / len(scores) if scores else 0.0,
            history=(),
            daily=(),
            weakest_words=weak,
            drills_practised=len(scores),
            drills_due=0,
        )


class UnavailableCorrection:
    """The writing checker when its package is not installed."""

    def check(
        self,
        text: str,
        language: str,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> CheckResult:
        raise ModelError("This part of Palavra is not installed.")

    def preload(self, languages: Sequence[str]) -> None:
        pass


Unavailable = UnavailableCorrection  # the name older tests use


class UnavailableSpeech:
    """The speech capability when its package is not installed: every call says so."""

    def _missing(self) -> ModelError:
        return ModelError("This part of Palavra is not installed.")

    def transcribe(
        self,
        audio: str | Path | np.ndarray,
        language: str | None = None,
        *,
        beam_size: int = 5,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        raise self._missing()

    def score_attempt(
        self,
        target_text: str,
        audio: str | Path | np.ndarray,
        language: str,
        *,
        on_partial: Callable[[Attempt], None] | None = None,
    ) -> Attempt:
        raise self._missing()

    def drills(self, language: str) -> tuple[Drill, ...]:
        raise self._missing()

    def next_drill(self, language: str, *, topic: str | None = None, level: str | None = None) -> Drill:
        raise self._missing()

    def voice_name(self, language: str) -> str:
        raise self._missing()

    def record_attempt(
        self, drill: Drill, attempt: Attempt, *, audio: np.ndarray | None = None, sample_rate: int = 16000
    ) -> None:
        raise self._missing()

    def progress(self, language: str) -> ProgressStats:
        raise self._missing()

    def synthesize(self, text: str, language: str, *, speed: float = 1.0) -> tuple[np.ndarray, int]:
        raise self._missing()

    def recorder(
        self,
        *,
        on_level: Callable[[float], None] | None = None,
        on_end: Callable[[], None] | None = None,
        on_pause: Callable[[AudioArray], None] | None = None,
        max_seconds: float = 15.0,
        source: AudioSource | None = None,
    ) -> Recording:
        raise self._missing()


class RecordingGlossaries(GlossaryService):
    """The engine's real glossary service, on the test's own database (``$PALAVRA_DATA_DIR`` is a temporary
    folder for every test), counting how often the GUI saved an entry."""

    def __init__(self) -> None:
        super().__init__(EngineConfig())
        self.calls: builtins.list[str] = []

    def update_entry(
        self,
        name: str,
        entry_id: int,
        source: str,
        target: str,
        note: str = "",
        alternatives: Sequence[str] = (),
    ) -> StoredEntry:
        self.calls.append("update_entry")
        return super().update_entry(name, entry_id, source, target, note, alternatives)


class FakeTranslation:
    """The translation capability of :class:`FakeEngine` (the facade's translation methods live there)."""

    def __init__(self, engine: FakeEngine) -> None:
        self.engine = engine
        self.unrepairable: list[str] = []

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
        return self.engine.translate(
            texts, source, target, model=model, glossary=glossary, on_progress=on_progress, cancel=cancel
        )

    def detect_language(self, value: str) -> LanguageGuess:
        return self.engine.detect_language(value)

    def list_models(self) -> list[ModelInfo]:
        return self.engine.list_models()

    def needs_preparation(self) -> bool:
        return self.engine.needs_preparation()

    def prepare_models(
        self, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        return self.engine.prepare_models(on_progress=on_progress, cancel=cancel)

    def import_model(
        self, path: Path, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> ModelInfo:
        return self.engine.import_model(path, on_progress=on_progress, cancel=cancel)

    def activate_model(self, name: str) -> None:
        self.engine.active = name

    def delete_model(self, name: str) -> None:
        if self.engine.active == name:
            self.engine.active = "en-pt-tiny"

    def model(
        self,
        source: str,
        target: str,
        name: str | None = None,
        *,
        on_progress: ProgressCallback | None = None,
    ) -> LoadedModel:
        raise NotImplementedError("the GUI does not load models itself")


@dataclass
class FakeEngine:
    """The subset of :class:`engine.api.Engine` the GUI uses."""

    delay: float = 0.0  # seconds per translate call (to test busy, cancel, latest-wins)
    prepare_needed: bool = False
    speech_available: bool = True
    microphone: bool = True
    active: str = "en-pt-tiny"
    translate_calls: list[str] = field(default_factory=list)
    prepared: bool = False
    closed: bool = False
    aligned_with: tuple[str, str, str | None] | None = None  # the last document_aligner() request
    translate_options: list[tuple[str | None, str | None]] = field(default_factory=list)  # (model, glossary)

    # Documents are plain file handling: the fake uses the engine's real readers and writers.
    def load_document(self, path: Path) -> Document:
        from engine.documents import load_document

        return load_document(path)

    def document_output_path(self, path: Path, target: str) -> Path:
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
        from engine.documents import translate_document

        return translate_document(document, translate, out, overwrite=overwrite, cancel=cancel, align=align)

    def document_aligner(self, source: str, target: str, *, model: str | None = None) -> AlignFn:
        """Word k of a translation aligned to word k of its source (the fake translates word for word)."""
        self.aligned_with = (source, target, model)

        def align(pairs: Sequence[tuple[str, str]]) -> list[Alignment]:
            out: list[Alignment] = []
            for src, tgt in pairs:
                words = [m.span() for m in re.finditer(r"\S+", src)] or [(0, 0)]
                tw = [m.span() for m in re.finditer(r"\S+", tgt)]
                weights = np.zeros((len(tw), len(words)), dtype=np.float32)
                for k in range(len(tw)):
                    weights[k, min(k, len(words) - 1)] = 1.0
                out.append(Alignment(tuple(words), tuple(tw), weights))
            return out

        return align

    def open_history(self) -> History:
        from engine.history import HistoryStore

        return HistoryStore()

    def open_writing_levels(self) -> WritingLevels:
        from engine.correct.writing_levels import WritingLevelStore

        return WritingLevelStore()

    def data_dir(self) -> Path:
        from engine.paths import data_dir

        return data_dir(create=False)

    def cuda_available(self) -> bool:
        return False

    def __post_init__(self) -> None:
        self.correction = FakeCorrection()
        self.speech = FakeSpeech(self.microphone) if self.speech_available else UnavailableSpeech()
        self.glossaries = RecordingGlossaries()
        self.translation = FakeTranslation(self)
        # exercises are grading and SQLite: the real service, with the fake translator as its second reference
        self.practice = PracticeService(translate=lambda text, _s, _t: fake_translate(text))
        self._lock = threading.Lock()

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
        with self._lock:
            self.translate_calls.extend(texts)
            self.translate_options.append((model, glossary))
        end = time.monotonic() + self.delay
        while time.monotonic() < end:
            check(cancel)
            time.sleep(0.005)
        check(cancel)
        suffix = f" «{glossary}»" if glossary else ""
        return [Translation(t, fake_translate(t) + suffix, source, target, "fake") for t in texts]

    def detect_language(self, text: str) -> LanguageGuess:
        pt = any(w in text.lower() for w in ("olá", "mundo", "gato", "ção", "você"))
        return LanguageGuess("pt", "pt-BR", 0.9) if pt else LanguageGuess("en", None, 0.95)

    def list_models(self) -> list[ModelInfo]:
        return [
            ModelInfo(
                "en-pt-tiny", "en", "pt", "shipped", 17_000_000, self.active == "en-pt-tiny", True, None
            ),
            ModelInfo("pt-en-tiny", "pt", "en", "shipped", 17_000_000, True, True, None),
            ModelInfo(
                "en-pt-medical", "en", "pt", "adapted", 17_100_000, self.active == "en-pt-medical", True, None
            ),
        ]

    def needs_preparation(self) -> bool:
        return self.prepare_needed and not self.prepared

    def prepare_models(
        self, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        for i in range(5):
            check(cancel)
            time.sleep(max(0.02, self.delay))
            if on_progress:
                on_progress(i + 1, 5)
        self.prepared = True
        return self.list_models()

    def import_model(
        self, path: Path, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> ModelInfo:
        if not (Path(path) / "model.bin").exists():
            raise ModelError(f"'{path}' does not hold a translation model (no model.bin).")
        return ModelInfo("imported", "en", "pt", "imported", 1, False, True, Path(path))

    def close(self) -> None:
        self.glossaries.close()
        self.practice.close()
        self.closed = True


def _conforms(engine: FakeEngine) -> None:
    """Never called: mypy checks here that every fake has the shape of the capability it stands in for."""
    _translation: Translating = engine.translation
    _correction: tuple[Correcting, Correcting] = (engine.correction, UnavailableCorrection())
    _speech: tuple[Speaking, Speaking] = (FakeSpeech(), UnavailableSpeech())
    _glossaries: Glossaries = engine.glossaries
    _practice: Practising = engine.practice
    _documents: Documents = engine
    _recorder: Recording = FakeRecorder(lambda _l: None, False)
    _levels: WritingLevels = engine.open_writing_levels()
