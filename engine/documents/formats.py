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
    if suffix in (".html", ".htm", ".xhtml"):
        from engine.documents.html_format import load_html

        return load_html
    if suffix == ".md":
        from engine.documents.markdown_format import load_markdown

        return load_markdown
    if suffix == ".odt":
        from engine.documents.odt_format import load_odt

        return load_odt
    if suffix == ".pptx":
        from engine.documents.pptx_format import load_pptx

        return load_pptx
    if suffix == ".epub":
        from engine.documents.epub_format import load_epub

        return load_epub
    if suffix in (".xliff", ".xlf"):
        from engine.documents.xliff_format import load_xliff

        return load_xliff
    if suffix == ".pdf":
        from engine.documents.pdf_format import load_pdf

        return load_pdf
    raise KeyError(suffix)
