"""Documents to translate: plain text, SubRip subtitles and Word files, read and written with their
structure kept.

A :class:`Document` is a list of text segments plus what is needed to write the same file back with each
segment replaced by its translation: blank lines and line endings for ``.txt``, cue numbers and timings
for ``.srt``, paragraphs, runs and styles for ``.docx``. Nothing here imports Qt; the GUI and the CLI
call the same functions.
"""

from __future__ import annotations

from engine.documents.core import (
    MAX_BYTES,
    SUPPORTED_SUFFIXES,
    Document,
    DocumentError,
    DocumentProgress,
    OutputExistsError,
    TranslateFn,
    keep_both_path,
    load_document,
    output_path,
    run_document,
    translate_document,
)

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "DocumentError",
    "DocumentProgress",
    "OutputExistsError",
    "TranslateFn",
    "keep_both_path",
    "load_document",
    "output_path",
    "run_document",
    "translate_document",
]
