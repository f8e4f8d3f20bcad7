"""A stored glossary written back out as CSV that ``palavra glossary import`` reads again unchanged.

One row per target: an entry with alternatives gives one row per alternative, which the importer merges back
into one entry. The header names the languages, so the file says which column is which.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from engine.errors import InputError, StorageError
from engine.glossary.model import GlossaryInfo, StoredEntry


def export_csv(info: GlossaryInfo, entries: Iterable[StoredEntry]) -> str:
    """The glossary as CSV text: ``<source lang>,<target lang>,note``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([info.source_lang, info.target_lang, "note"])
    for entry in entries:
        writer.writerow([entry.source, entry.target, entry.note])
        for alternative in entry.alternatives:
            writer.writerow([entry.source, alternative, entry.note])
    return buffer.getvalue()


def write_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; an existing file is kept unless ``overwrite``.

    Raises:
        InputError: ``path`` exists and ``overwrite`` is false.
        StorageError: the folder cannot be written.
    """
    if path.exists() and not overwrite:
        raise InputError(f"'{path}' already exists. Choose another name, or add --overwrite to replace it.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".palavra-", suffix=".csv", dir=path.parent or Path("."))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise StorageError(
            f"Palavra could not write '{path}': {exc.strerror or exc}.", detail=str(exc)
        ) from exc
