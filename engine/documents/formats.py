"""Which reader handles which file suffix (each imported only when a file of its kind is opened)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engine.documents.core import Document


def loader(suffix: str) -> Callable[[Path], Document]:
    """The reader of a supported suffix (lower case, with the dot)."""
    if suffix in (".txt",):
        from engine.documents.textfiles import load_txt

        return load_txt
    if suffix in (".srt", ".vtt"):
        from engine.documents.textfiles import load_subtitles

        if suffix == ".vtt":
            return lambda path: load_subtitles(path, "vtt")
        return lambda path: load_subtitles(path, "srt")
    if suffix == ".docx":
        from engine.documents.docx_format import load_docx

        return load_docx
    raise KeyError(suffix)
