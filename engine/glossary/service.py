"""The glossary service behind ``Engine().glossaries``: import, storage, term matching and fine-tuning."""

from __future__ import annotations

import builtins
import logging
import threading
from pathlib import Path

from engine.config import EngineConfig
from engine.errors import InputError
from engine.glossary.model import GlossaryEntry, GlossaryInfo, ImportReport, StoredEntry
from engine.glossary.reader import read_glossary_file
from engine.glossary.store import GlossaryStore, check_name
from engine.glossary.validate import ValidationOptions, validate

log = logging.getLogger(__name__)

SUPPORTED_LANGS = ("en", "pt")


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

    def add_entry(self, name: str, source: str, target: str, note: str = "") -> StoredEntry:
        """Add an entry to a glossary."""
        return self.store.add_entry(self.store.get(name).name, GlossaryEntry(source, target, note))

    def update_entry(self, name: str, entry_id: int, source: str, target: str, note: str = "") -> StoredEntry:
        """Change an entry of a glossary."""
        return self.store.update_entry(
            self.store.get(name).name, entry_id, GlossaryEntry(source, target, note)
        )

    def delete_entry(self, name: str, entry_id: int) -> None:
        """Delete an entry of a glossary."""
        self.store.delete_entry(self.store.get(name).name, entry_id)


def _check_pair(source: str, target: str) -> None:
    if source not in SUPPORTED_LANGS or target not in SUPPORTED_LANGS or source == target:
        raise InputError(
            f"Glossaries translate between English (en) and Portuguese (pt); '{source}' to '{target}' is not "
            "a supported direction."
        )
