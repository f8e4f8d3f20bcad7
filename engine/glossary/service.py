"""The glossary service behind ``Engine().glossaries``: import, storage, term matching and fine-tuning."""

from __future__ import annotations

import builtins
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.cancel import CancelToken
from engine.config import EngineConfig
from engine.errors import InputError, ModelNotFoundError
from engine.glossary.finetune.config import FineTuneConfig
from engine.glossary.finetune.memory import MemoryReport
from engine.glossary.model import GlossaryEntry, GlossaryInfo, ImportReport, StoredEntry
from engine.glossary.reader import read_glossary_file
from engine.glossary.store import GlossaryStore, check_name
from engine.glossary.validate import ValidationOptions, validate

log = logging.getLogger(__name__)

SUPPORTED_LANGS = ("en", "pt")
#: Default training budget in minutes (the whole run takes about 2.5 minutes more; see ``estimate_seconds``).
DEFAULT_MINUTES = 5.0


class GlossaryImportError(InputError):
    """The file has problems that block the import; ``report`` lists them all."""

    def __init__(self, report: ImportReport) -> None:
        first = report.errors[0].message if report.errors else "The glossary has problems."
        more = len(report.errors) - 1
        suffix = f" ({more} more problem(s) in the report.)" if more > 0 else ""
        super().__init__(first + suffix, detail=report.summary())
        self.report = report


class GlossaryService:
    """Glossaries of the user: import with a validation report, list, edit, delete.

    Args:
        config: the engine's configuration.
        database: database file (defaults to the user's data folder).
    """

    def __init__(self, config: EngineConfig | None = None, database: Path | None = None) -> None:
        self.config = config or EngineConfig()
        self._database = database
        self._store: GlossaryStore | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> GlossaryStore:
        """The SQLite store, opened on first use."""
        with self._lock:
            if self._store is None:
                self._store = GlossaryStore(self._database)
            return self._store

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # -- import -----------------------------------------------------------------------------------
    def check_file(
        self, path: Path, source: str, target: str, *, strict: bool = False, swap: bool = False
    ) -> ImportReport:
        """Read and validate a glossary file without storing anything.

        Args:
            path: CSV/TSV/semicolon-separated or TBX file.
            source: source language code (``"en"`` or ``"pt"``).
            target: target language code.
            strict: treat warnings (duplicates, conflicts, empty rows) as errors.
            swap: read the columns the other way round.

        Returns:
            The validation report; ``report.ok`` says whether :meth:`import_file` would succeed.

        Raises:
            InputError: the file cannot be read at all (missing, binary, malformed TBX).
        """
        _check_pair(source, target)
        parsed = read_glossary_file(Path(path), source, target)
        return validate(parsed, Path(path).name, source, target, ValidationOptions(strict=strict, swap=swap))

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
        """Validate a glossary file and store it, all or nothing.

        Args:
            path: the file.
            name: the glossary's name.
            source: source language code.
            target: target language code.
            domain: free text such as ``"medical"``.
            strict: refuse the import when there is any warning.
            swap: read the columns the other way round.
            replace: replace an existing glossary of the same name.

        Returns:
            The stored glossary and the report (its warnings say what was left out).

        Raises:
            GlossaryImportError: the report has errors; nothing was stored.
            InputError: the file cannot be read, or the name is taken.
            StorageError: the database cannot be written; nothing was stored.
        """
        name = check_name(name)
        report = self.check_file(path, source, target, strict=strict, swap=swap)
        if not report.ok:
            raise GlossaryImportError(report)
        return self.create(name, source, target, report.entries, domain=domain, replace=replace), report

    def create(
        self,
        name: str,
        source: str,
        target: str,
        entries: tuple[GlossaryEntry, ...] | list[GlossaryEntry],
        *,
        domain: str = "",
        replace: bool = False,
    ) -> GlossaryInfo:
        """Store a glossary from entries already validated (the wizard's review page edits them first)."""
        _check_pair(source, target)
        return self.store.create(name, source, target, list(entries), domain, replace=replace)

    # -- reading and editing ----------------------------------------------------------------------
    def list(self) -> list[GlossaryInfo]:
        """Every stored glossary."""
        return self.store.list()

    def get(self, name: str) -> GlossaryInfo:
        """One glossary by name (case-insensitive)."""
        return self.store.get(name)

    def entries(self, name: str) -> builtins.list[StoredEntry]:
        """The entries of a glossary."""
        return self.store.entries(self.store.get(name).name)

    def delete(self, name: str) -> None:
        """Delete a glossary (models adapted to it stay installed)."""
        self.store.delete(self.store.get(name).name)

    def rename(self, name: str, new_name: str) -> GlossaryInfo:
        """Rename a glossary."""
        return self.store.update(self.store.get(name).name, new_name=new_name)

    def set_domain(self, name: str, domain: str) -> GlossaryInfo:
        """Change a glossary's domain."""
        return self.store.update(self.store.get(name).name, domain=domain)

    def add_entry(
        self, name: str, source: str, target: str, note: str = "", alternatives: Sequence[str] = ()
    ) -> StoredEntry:
        """Add an entry to a glossary (``alternatives``: other accepted targets)."""
        return self.store.add_entry(
            self.store.get(name).name, GlossaryEntry(source, target, note, tuple(alternatives))
        )

    def update_entry(
        self,
        name: str,
        entry_id: int,
        source: str,
        target: str,
        note: str = "",
        alternatives: Sequence[str] = (),
    ) -> StoredEntry:
        """Change an entry of a glossary."""
        return self.store.update_entry(
            self.store.get(name).name, entry_id, GlossaryEntry(source, target, note, tuple(alternatives))
        )

    def delete_entry(self, name: str, entry_id: int) -> None:
        """Delete an entry of a glossary."""
        self.store.delete_entry(self.store.get(name).name, entry_id)

    # -- fine-tuning -------------------------------------------------------------------------------------------
    @staticmethod
    def adapted_model_name(glossary: GlossaryInfo) -> str:
        """The name an adapted model gets: ``"en-pt + <glossary name>"``."""
        return f"{glossary.source_lang}-{glossary.target_lang} + {glossary.name}"

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
        """The options of a fine-tuning run for glossary ``name`` (see :class:`FineTuneConfig`).

        Args:
            memories: the user's translation memories (TMX, XLIFF, TSV, CSV), trained on with the glossary; 10 %
                of their pairs are held out to prove the gain.

        Raises:
            ModelNotFoundError: no shipped base model for the glossary's direction.
            InputError: a document or memory cannot be read, or none of the documents contains a glossary term
                (checked here, before anything starts).
        """
        from engine.translate.model_folder import find_source_model, shipped_model_folders

        info = self.get(name)
        pair = f"{info.source_lang}-{info.target_lang}"
        folder = next((f for f in shipped_model_folders() if find_source_model(f).pair == pair), None)
        if folder is None:
            raise ModelNotFoundError(f"No base model for {pair} is installed, so it cannot be fine-tuned.")
        stored = self.entries(info.name)
        entries = [(e.source, e.target) for e in stored]
        if documents:
            from engine.glossary.finetune.data import document_sources

            found = document_sources(list(documents), [e.entry for e in stored], 1)
            if not found:
                raise InputError(
                    "None of the documents contains a term of the glossary, so they cannot help the "
                    "training. Choose documents of the glossary's domain, or go on without documents."
                )
        return FineTuneConfig(
            glossary=info.name,
            model_name=self.adapted_model_name(info),
            base_folder=str(folder),
            entries=entries,
            minutes=DEFAULT_MINUTES if minutes is None else max(0.1, minutes),
            method=method,
            user_pairs=str(user_pairs) if user_pairs else None,
            documents=[str(d) for d in documents],
            install=install,
            threads=self.config.effective_threads,
            device=self.config.device,
            learning_rate=1e-3 if method == "lora" else (5e-5 if memories else FineTuneConfig.learning_rate),
            memories=self._memory_paths(memories),
        )

    @staticmethod
    def _memory_paths(memories: Sequence[Path]) -> builtins.list[str]:
        resolved = [Path(m).expanduser().resolve() for m in memories]
        for path in resolved:
            if not path.is_file():
                raise InputError(f"The translation memory '{path}' does not exist or is not a file.")
        return [str(p) for p in resolved]

    def check_memories(self, memories: Sequence[Path], source_lang: str, target_lang: str) -> MemoryReport:
        """Read translation memories as a run would and say what is used and what is left out (and why).

        Raises:
            InputError: a file is missing, unreadable or in no format Palavra reads.
        """
        from engine.glossary.finetune.memory import read_memories

        return read_memories([Path(p) for p in self._memory_paths(memories)], source_lang, target_lang)

    @staticmethod
    def estimate_seconds(config: FineTuneConfig, memory_pairs: int = 0) -> float:
        """How long a run takes on this machine, roughly: preparation + training budget + evaluations + export
        (the same estimate ``palavra finetune`` prints; measured on 2 CPU cores, docs/glossary.md).

        Args:
            config: the run.
            memory_pairs: how many pairs its translation memories hold (see :meth:`check_memories`).
        """
        from engine.glossary.cli_finetune import estimate_seconds

        return estimate_seconds(config, memory_pairs)

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
        """Fine-tune the base model to glossary ``name`` in a child process and install the result.

        The adapted model is installed as ``"en-pt + <name>"`` next to the base model, never replacing it, and is
        not activated: call ``Engine().translation.activate_model(result.model_name)`` to use it.

        Args:
            name: the glossary.
            minutes: training time budget (default :data:`DEFAULT_MINUTES`).
            method: ``"full"`` or ``"lora"``.
            user_pairs: optional TSV of the user's own sentence pairs (source TAB target).
            documents: the user's own documents (.txt, .srt, .docx) in the source language; their
                sentences with glossary terms are added to the training sentences.
            install: export and install the model (false: evaluate only).
            memories: translation memories (TMX, XLIFF, TSV, CSV) to train on with the glossary.
            on_event: receives every event of the child (``stage``, ``progress``, ``metrics``, ``done``).
            cancel: cancels the run (the child process group is terminated).

        Raises:
            Cancelled: cancelled; nothing was installed.
            ModelError: the run failed; nothing was installed.
        """
        from engine.glossary.finetune.runner import run_job

        config = self.finetune_config(
            name,
            minutes=minutes,
            method=method,
            user_pairs=user_pairs,
            documents=documents,
            install=install,
            memories=memories,
        )
        done = run_job(config, on_event=on_event, cancel=cancel)
        return FineTuneResult(
            model_name=str(done.get("model", config.model_name)),
            installed=bool(done.get("installed")),
            before=dict(done.get("before", {})),
            after=dict(done.get("after", {})),
            steps=int(done.get("steps", 0)),
            seconds=float(done.get("seconds", 0.0)),
            curve=tuple(dict(p) for p in done.get("curve", [])),
            reason=str(done.get("reason", "")),
        )


@dataclass(frozen=True)
class FineTuneResult:
    """The outcome of a fine-tuning run.

    Attributes:
        model_name: the adapted model's name (installed unless ``installed`` is false).
        installed: whether the model was exported and installed.
        before: term accuracy (%), in-domain chrF++ (``domain_chrf``, the held-out part of the memories),
            general chrF++ (``chrf``) and examples of the base model, through the app's ONNX runtime.
        after: the same for the installed int8 model (or the rejected one, when ``installed`` is false).
        steps: training steps done.
        seconds: wall time of the whole run.
        curve: the evaluations during training (``step``, ``term_accuracy``, ``domain_chrf``, ``chrf``).
        reason: why the base model was kept, when it was.
    """

    model_name: str
    installed: bool
    before: dict[str, Any]
    after: dict[str, Any]
    steps: int
    seconds: float
    curve: tuple[dict[str, Any], ...] = ()
    reason: str = ""


def _check_pair(source: str, target: str) -> None:
    if source not in SUPPORTED_LANGS or target not in SUPPORTED_LANGS or source == target:
        raise InputError(
            f"Glossaries translate between English (en) and Portuguese (pt); '{source}' to '{target}' is not "
            "a supported direction."
        )
