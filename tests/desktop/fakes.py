"""A fake engine for the GUI tests: deterministic, instant (or slowed on demand), no model."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from engine.cancel import CancelToken, ProgressCallback, check

# The fake returns the engine's own result types, so it cannot drift from what the real services return.
from engine.correct.model import CheckResult, Edit
from engine.errors import DeviceError, InputError, ModelError
from engine.glossary.model import GlossaryInfo, StoredEntry
from engine.speech.drills import Drill
from engine.speech.types import Attempt, WordResult
from engine.translate.detect import LanguageGuess
from engine.translate.service import ModelInfo, Translation

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

    def check(self, text: str, language: str, on_progress: Any = None, cancel: Any = None) -> CheckResult:
        self.calls += 1
        edits = []
        start = 0
        while (i := text.find("teh", start)) >= 0:
            edits.append(
                Edit(
                    i, i + 3, "teh", "the", "spelling", "TYPO", "'teh' is a typo for 'the'.", ("the",), "fake"
                )
            )
            start = i + 3
        if (i := text.find("a apple")) >= 0:
            edits.append(
                Edit(
                    i, i + 1, "a", "an", "grammar", "A_AN", "Use 'an' before a vowel sound.", ("an",), "fake"
                )
            )
        return CheckResult(text, language, tuple(sorted(edits, key=lambda e: e.start)))


class FakeRecorder:
    def __init__(self, on_level: Any, fail: bool) -> None:
        self.on_level = on_level
        self.fail = fail

    def start(self) -> None:
        if self.fail:
            raise DeviceError("No microphone was found. Plug one in and try again.")
        self.on_level(0.6)

    def stop(self) -> np.ndarray:
        return np.zeros(16000, dtype=np.float32)


class FakeSpeech:
    def __init__(self, microphone: bool = True) -> None:
        self.microphone = microphone
        self.recorded: list[Any] = []
        self._n = 0

    def next_drill(self, language: str) -> Drill:
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

    def synthesize(self, text: str, language: str) -> tuple[np.ndarray, int]:
        return np.zeros(1600, dtype=np.float32), 16000

    def recorder(self, on_level: Any = None, on_end: Any = None, max_seconds: float = 15.0) -> FakeRecorder:
        return FakeRecorder(on_level or (lambda _l: None), not self.microphone)

    def score_attempt(self, target: str, audio: Any, language: str) -> Attempt:
        words = target.split()
        results = [
            WordResult(w, ("correct", "uncertain", "wrong")[i % 3], 90 - 30 * (i % 3), None, None)
            for i, w in enumerate(words)
        ]
        return Attempt(
            target, language, 71, tuple(results), (), "Good effort: watch the nasal vowels.", target
        )

    def record_attempt(self, drill: Any, attempt: Any) -> None:
        self.recorded.append((drill, attempt))

    def progress(self, language: str) -> Any:
        from types import SimpleNamespace

        scores = [a.score for _d, a in self.recorded]
        weak = (SimpleNamespace(word="tudo", attempts=1, misses=1, mean_score=40.0),) if scores else ()
        return SimpleNamespace(
            language=language,
            attempts=len(scores),
            mean_score=sum(scores) / len(scores) if scores else 0.0,
            drills_practised=len(scores),
            drills_due=0,
            weakest_words=weak,
        )


class Unavailable:
    """A service whose package is not installed."""

    def __getattr__(self, name: str) -> Any:
        raise ModelError("This part of Palavra is not installed.")


def glossary_info(
    name: str, source: str = "en", target: str = "pt", domain: str = "", entry_count: int = 0
) -> GlossaryInfo:
    """A stored glossary as the engine describes it."""
    return GlossaryInfo(
        name, source, target, domain, entry_count, "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z"
    )


FakeGlossaryInfo = glossary_info  # the name older tests use


class FakeGlossaries:
    """Glossaries in memory, with the engine's types and the store's rules (terms required, one entry per
    source term, names unique ignoring case). ``items`` may be filled directly (entries then start empty)."""

    def __init__(self) -> None:
        self.items: list[GlossaryInfo] = []
        self.stored: dict[str, list[StoredEntry]] = {}
        self.calls: list[str] = []
        self._next_id = 1
        self._lock = threading.Lock()

    def list(self) -> list[GlossaryInfo]:
        return list(self.items)

    def get(self, name: str) -> GlossaryInfo:
        for info in self.items:
            if info.name.casefold() == name.strip().casefold():
                return info
        raise InputError(f"There is no glossary named '{name}'.")

    def import_file(self, path: Path, name: str, source: str, target: str, domain: str = "") -> Any:
        rows = [r.partition(",")[::2] for r in Path(path).read_text().splitlines() if r.strip()]
        with self._lock:
            self.items.append(glossary_info(name, source, target, domain, 0))
            self.stored[name] = [self._new(s, t, "", ()) for s, t in rows]
            info = self._count(name)
        return info, None

    def entries(self, name: str) -> list[StoredEntry]:
        self.calls.append("entries")
        return list(self.stored.get(self.get(name).name, []))

    def rename(self, name: str, new_name: str) -> GlossaryInfo:
        self.calls.append("rename")
        new_name = new_name.strip()
        if not new_name:
            raise InputError("Give the glossary a name.")
        info = self.get(name)
        if any(g.name.casefold() == new_name.casefold() and g is not info for g in self.items):
            raise InputError(
                f"A glossary named '{new_name}' already exists. Choose another name or delete it first."
            )
        self.stored[new_name] = self.stored.pop(info.name, [])
        return self._replace(info, name=new_name)

    def set_domain(self, name: str, domain: str) -> GlossaryInfo:
        self.calls.append("set_domain")
        return self._replace(self.get(name), domain=domain.strip())

    def delete(self, name: str) -> None:
        self.calls.append("delete")
        info = self.get(name)
        self.items.remove(info)
        self.stored.pop(info.name, None)

    def add_entry(
        self, name: str, source: str, target: str, note: str = "", alternatives: Sequence[str] = ()
    ) -> StoredEntry:
        self.calls.append("add_entry")
        info = self.get(name)
        with self._lock:
            entry = self._new(*self._check(info.name, None, source, target), note, alternatives)
            self.stored.setdefault(info.name, []).append(entry)
            self._count(info.name)
        return entry

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
        info = self.get(name)
        entries = self.stored.get(info.name, [])
        index = next((i for i, e in enumerate(entries) if e.id == entry_id), None)
        if index is None:
            raise InputError(f"Entry {entry_id} is not in the glossary '{info.name}'.")
        source, target = self._check(info.name, entry_id, source, target)
        entries[index] = StoredEntry(entry_id, source, target, note, _alternatives(target, alternatives))
        return entries[index]

    def delete_entry(self, name: str, entry_id: int) -> None:
        self.calls.append("delete_entry")
        info = self.get(name)
        entries = self.stored.get(info.name, [])
        if not any(e.id == entry_id for e in entries):
            raise InputError(f"Entry {entry_id} is not in the glossary '{info.name}'.")
        self.stored[info.name] = [e for e in entries if e.id != entry_id]
        self._count(info.name)

    def _check(self, name: str, entry_id: int | None, source: str, target: str) -> tuple[str, str]:
        source, target = " ".join(source.split()), " ".join(target.split())
        if not source or not target:
            raise InputError("Both the source term and the target term must be filled in.")
        if any(
            e.source.casefold() == source.casefold() and e.id != entry_id for e in self.stored.get(name, [])
        ):
            raise InputError(f"'{source}' is already in the glossary; edit that entry instead.")
        return source, target

    def _new(self, source: str, target: str, note: str, alternatives: Sequence[str]) -> StoredEntry:
        entry = StoredEntry(
            self._next_id, source.strip(), target.strip(), note, _alternatives(target, alternatives)
        )
        self._next_id += 1
        return entry

    def _count(self, name: str) -> GlossaryInfo:
        return self._replace(self.get(name), entry_count=len(self.stored.get(name, [])))

    def _replace(self, info: GlossaryInfo, **changes: Any) -> GlossaryInfo:
        new = dataclasses.replace(info, **changes)
        self.items[self.items.index(info)] = new
        return new


def _alternatives(target: str, alternatives: Sequence[str]) -> tuple[str, ...]:
    seen, kept = {target.strip().casefold()}, []
    for alt in (" ".join(a.split()) for a in alternatives):
        if alt and alt.casefold() not in seen:
            seen.add(alt.casefold())
            kept.append(alt)
    return tuple(kept)


class FakeTranslation:
    def __init__(self, engine: FakeEngine) -> None:
        self.engine = engine

    def activate_model(self, name: str) -> None:
        self.engine.active = name


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

    # Documents are plain file handling: the fake uses the engine's real readers and writers.
    def load_document(self, path: Path) -> Any:
        from engine.documents import load_document

        return load_document(path)

    def document_output_path(self, path: Path, target: str) -> Path:
        from engine.documents import output_path

        return output_path(path, target)

    def translate_document(self, document: Any, translate: Any, out: Path, **kwargs: Any) -> Path:
        from engine.documents import translate_document

        return translate_document(document, translate, out, **kwargs)

    def open_history(self) -> Any:
        from engine.history import HistoryStore

        return HistoryStore()

    def data_dir(self) -> Path:
        from engine.paths import data_dir

        return data_dir(create=False)

    def __post_init__(self) -> None:
        self.correction = FakeCorrection()
        self.speech: Any = FakeSpeech(self.microphone) if self.speech_available else Unavailable()
        self.glossaries = FakeGlossaries()
        self.translation = FakeTranslation(self)
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

    def prepare_models(self, *, on_progress: Any = None, cancel: Any = None) -> list[ModelInfo]:
        for i in range(5):
            check(cancel)
            time.sleep(max(0.02, self.delay))
            if on_progress:
                on_progress(i + 1, 5)
        self.prepared = True
        return self.list_models()

    def import_model(self, path: Path, *, on_progress: Any = None, cancel: Any = None) -> ModelInfo:
        if not (Path(path) / "model.bin").exists():
            raise ModelError(f"'{path}' does not hold a translation model (no model.bin).")
        return ModelInfo("imported", "en", "pt", "imported", 1, False, True, Path(path))

    def close(self) -> None:
        self.closed = True
