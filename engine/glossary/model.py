"""Plain data of the glossary area: entries, stored glossaries, validation problems and import reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a validation problem is.

    ``ERROR`` blocks the import (nothing is stored); ``WARNING`` is shown and the import goes on with the
    reported fix applied (for example a duplicate row is dropped).
    """

    ERROR = "error"
    WARNING = "warning"


class ProblemKind(StrEnum):
    """What a validation problem is about (stable identifiers the GUI and tests can rely on)."""

    BINARY_FILE = "binary_file"
    UNREADABLE = "unreadable"
    NO_ENTRIES = "no_entries"
    TOO_MANY_ROWS = "too_many_rows"
    EMPTY_CELL = "empty_cell"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    TOO_LONG = "too_long"
    WRONG_DIRECTION = "wrong_direction"
    WRONG_LANGUAGE = "wrong_language"
    LANGUAGE_MISMATCH = "language_mismatch"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term pair.

    Attributes:
        source: the term in the source language, as the user wrote it.
        target: the term the translation must use.
        note: free text (part of speech, definition); never used for matching.
        alternatives: other accepted targets for the same source (a glossary that gives "spread" both
            "propagar" and "propagação"); the translation writes whichever fits the sentence, ``target``
            when in doubt.
    """

    source: str
    target: str
    note: str = ""
    alternatives: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The target followed by its alternatives."""
        return (self.target, *self.alternatives)


@dataclass(frozen=True)
class Problem:
    """One finding of the validation.

    Attributes:
        kind: what the problem is.
        severity: whether it blocks the import.
        message: a sentence a person can act on (what is wrong and what to do).
        rows: 1-based line numbers in the file (the header is line 1 when present); empty for
            whole-file problems.
    """

    kind: ProblemKind
    severity: Severity
    message: str
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class ParsedFile:
    """What the reader found in a file, before validation.

    Attributes:
        format: ``"csv"``, ``"tsv"``, ``"semicolon"`` or ``"tbx"``.
        encoding: the text encoding detected.
        rows: (row number, source, target, note) for every data row, in file order.
        header: whether a header row was recognised.
        source_column: the column (or TBX language) read as source, for the report.
        target_column: the column (or TBX language) read as target.
        file_languages: language codes the file itself declares (TICO ``sourceLang``), if any.
    """

    format: str
    encoding: str
    rows: tuple[tuple[int, str, str, str], ...]
    header: bool = False
    source_column: str = ""
    target_column: str = ""
    file_languages: tuple[str, str] | None = None


@dataclass(frozen=True)
class ImportReport:
    """The result of reading and validating a glossary file; nothing is stored yet.

    Attributes:
        path: the file read.
        format: see :class:`ParsedFile`.
        encoding: see :class:`ParsedFile`.
        rows_read: data rows in the file.
        entries: the entries that would be stored (after dropping empty rows and duplicates; a source
            given two targets keeps the first as its target and the others as alternatives).
        problems: everything found, errors first.
    """

    path: str
    format: str
    encoding: str
    rows_read: int
    entries: tuple[GlossaryEntry, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that block the import."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Problems shown to the user that do not block the import."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether the file can be imported."""
        return not self.errors

    def summary(self) -> str:
        """A multi-line, human-readable report (used by the CLI)."""
        lines = [
            f"{self.path}: {self.format.upper()}, {self.encoding}, {self.rows_read} rows, "
            f"{len(self.entries)} entries " + ("to import" if self.ok else "found; nothing can be imported")
        ]
        for problem in self.problems:
            where = ""
            if problem.rows:
                shown = ", ".join(str(r) for r in problem.rows[:8])
                more = f" and {len(problem.rows) - 8} more" if len(problem.rows) > 8 else ""
                where = f" (rows {shown}{more})"
            lines.append(f"  {problem.severity.value}: {problem.message}{where}")
        return "\n".join(lines)


@dataclass(frozen=True)
class GlossaryInfo:
    """A stored glossary.

    Attributes:
        name: unique name chosen by the user.
        source_lang: source language code (``"en"``).
        target_lang: target language code (``"pt"``).
        domain: free text (``"medical"``, ``"legal"``), may be empty.
        entry_count: number of entries.
        created_at: ISO 8601 UTC time of the import.
        updated_at: ISO 8601 UTC time of the last edit.
    """

    name: str
    source_lang: str
    target_lang: str
    domain: str
    entry_count: int
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class StoredEntry:
    """An entry as stored, with the id used to edit or delete it (fields as in :class:`GlossaryEntry`)."""

    id: int
    source: str
    target: str
    note: str = ""
    alternatives: tuple[str, ...] = ()

    @property
    def entry(self) -> GlossaryEntry:
        """The entry without its id."""
        return GlossaryEntry(self.source, self.target, self.note, self.alternatives)
