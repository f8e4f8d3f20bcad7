"""Documents to translate (text, subtitles, Word, web pages, Markdown, OpenDocument, PowerPoint, EPUB, XLIFF, PDF
text), read and written with their structure and inline formatting kept.

A :class:`Document` is a list of text segments, their inline formatting (:mod:`engine.documents.inline`), and what
is needed to write the same file back with each segment replaced by its translation: blank lines and line endings
for ``.txt``, cue numbers and timings for subtitles, paragraphs, runs and styles for Word... Nothing here imports
Qt; the GUI and the CLI call the same functions.
"""

from __future__ import annotations

from engine.documents.align import Aligner, AlignFn
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
    "AlignFn",
    "Aligner",
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
