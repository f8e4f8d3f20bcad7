"""A folder to translate: which files, where each translation goes, which are already done.

Outputs are written atomically, so a file whose output exists is finished: a run killed half-way resumes
where it stopped without redoing anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.api import Engine
from engine.batch.jobs import FileJob, FileResult, translate_file
from engine.documents import SUPPORTED_SUFFIXES, output_path
from engine.errors import InputError


@dataclass(frozen=True)
class FolderPlan:
    """The jobs still to do, and the files skipped (already translated, or of a kind Palavra does not read)."""

    jobs: tuple[FileJob, ...]
    done: tuple[Path, ...]
    unsupported: tuple[Path, ...]


def plan_folder(
    folder: Path,
    out: Path,
    source: str,
    target: str,
    *,
    model: str | None = None,
    glossary: str | None = None,
) -> FolderPlan:
    """Every supported document under ``folder`` (recursively), mirrored under ``out``.

    Raises:
        InputError: ``folder`` is not a folder, or ``out`` is inside it (outputs would be translated again).
    """
    if not folder.is_dir():
        raise InputError(f"'{folder}' is not a folder.")
    folder, out = folder.resolve(), out.resolve()
    if out == folder or folder in out.parents:
        raise InputError("Choose an output folder outside the folder being translated.")
    jobs: list[FileJob] = []
    done: list[Path] = []
    unsupported: list[Path] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            unsupported.append(path)
            continue
        relative = path.relative_to(folder)
        target_path = out / output_path(relative, target)
        if target_path.exists():
            done.append(path)
            continue
        jobs.append(FileJob(path, target_path, source, target, model, glossary))
    return FolderPlan(tuple(jobs), tuple(done), tuple(unsupported))


def run_local(engine: Engine, jobs: Iterable[FileJob]) -> Iterator[FileResult]:
    """Translate jobs one after another on this machine."""
    for job in jobs:
        yield translate_file(engine, job, worker="local")
