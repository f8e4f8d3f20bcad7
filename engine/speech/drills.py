"""Drill sentences shipped in ``resources/drills/<language>.tsv``.

Each file is UTF-8 TSV with a header: ``id level topic text translation translation_source``, where
``translation_source`` is ``engine`` (made by Palavra's translation engine and checked by eye) or ``fixed``
(the engine's output was corrected by hand).
"""

from __future__ import annotations

import csv
import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from engine.errors import InputError
from engine.resources import drills_dir

log = logging.getLogger(__name__)

LEVELS = ("A1", "A2", "B1", "B2")
COLUMNS = ("id", "level", "topic", "text", "translation", "translation_source")


@dataclass(frozen=True)
class Drill:
    """One sentence to read aloud.

    Attributes:
        id: stable identifier, e.g. ``"en-a1-food-003"``.
        text: the sentence in the practised language.
        translation: its translation (into Portuguese for English drills, into English for Portuguese ones).
        language: the practised language code.
        level: CEFR level, ``"A1"`` to ``"B2"``.
        topic: e.g. ``"travel"``, ``"food"``, ``"health"``, ``"work"``.
    """

    id: str
    text: str
    translation: str
    language: str
    level: str
    topic: str


@functools.cache
def _load(folder: Path, language: str) -> tuple[Drill, ...]:
    path = folder / f"{language}.tsv"
    if not path.is_file():
        raise InputError(f"There are no drills for language '{language}'.", detail=str(path))
    drills: list[Drill] = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise InputError(f"{path.name} has unexpected columns.", detail=str(reader.fieldnames))
        for row in reader:
            drills.append(
                Drill(
                    id=row["id"],
                    text=row["text"],
                    translation=row["translation"],
                    language=language,
                    level=row["level"],
                    topic=row["topic"],
                )
            )
    log.debug("Loaded %d %s drills from %s", len(drills), language, path)
    return tuple(drills)


def load_drills(language: str) -> tuple[Drill, ...]:
    """All drills of ``language`` (``"en"`` or ``"pt"``), in file order (by level, then topic).

    Raises:
        InputError: no drill file for that language, or a malformed file.
    """
    return _load(drills_dir(), language.split("-")[0].lower())


def languages() -> list[str]:
    """Languages that have drills."""
    return sorted(p.stem for p in drills_dir().glob("*.tsv"))
