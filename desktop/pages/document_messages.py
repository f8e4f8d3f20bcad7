"""What the Documents page says about documents, in the interface language: kinds of files and problems."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.common import error_text
from engine.errors import EncodingError, InputError

#: The suffixes offered in the file dialog (the engine says which it reads: ``engine.documents.SUPPORTED_SUFFIXES``).
PATTERNS = "*.txt *.srt *.vtt *.docx *.html *.htm *.xhtml *.md *.odt *.pptx *.epub *.xliff *.xlf *.pdf"


def kind_name(kind: str) -> str:
    """What a document kind is called, in the interface language."""
    names = {
        "txt": QCoreApplication.translate("DocumentsPage", "text"),
        "srt": QCoreApplication.translate("DocumentsPage", "subtitles"),
        "vtt": QCoreApplication.translate("DocumentsPage", "subtitles"),
        "docx": QCoreApplication.translate("DocumentsPage", "Word document"),
        "html": QCoreApplication.translate("DocumentsPage", "web page"),
        "md": QCoreApplication.translate("DocumentsPage", "Markdown"),
        "odt": QCoreApplication.translate("DocumentsPage", "OpenDocument text"),
        "pptx": QCoreApplication.translate("DocumentsPage", "PowerPoint presentation"),
        "epub": QCoreApplication.translate("DocumentsPage", "EPUB book"),
        "xliff": QCoreApplication.translate("DocumentsPage", "XLIFF exchange file"),
        "pdf": QCoreApplication.translate("DocumentsPage", "PDF text"),
    }
    return names.get(kind, kind)


def document_error_text(exc: BaseException, path: Path | None) -> str:
    """A document problem in the interface language (the engine's own wording is English)."""
    name = path.name if path is not None else ""
    reason = getattr(exc, "reason", None) if isinstance(exc, InputError) else None
    if isinstance(exc, EncodingError):
        return QCoreApplication.translate(
            "DocumentsPage", "'{0}' is not UTF-8 text. Save it as UTF-8 and try again."
        ).format(name)
    texts = {
        "unsupported": QCoreApplication.translate(
            "DocumentsPage",
            "Palavra cannot translate '{0}': it reads text, subtitles (.srt, .vtt), Word (.docx), web pages, "
            "Markdown, OpenDocument (.odt), PowerPoint (.pptx), EPUB, XLIFF and PDF files.",
        ),
        "missing": QCoreApplication.translate("DocumentsPage", "The file '{0}' does not exist any more."),
        "unreadable": QCoreApplication.translate(
            "DocumentsPage", "Palavra cannot read '{0}'. Check that you may open it."
        ),
        "folder": QCoreApplication.translate("DocumentsPage", "'{0}' is a folder, not a document."),
        "too-large": QCoreApplication.translate(
            "DocumentsPage", "'{0}' is too large (more than 10 MB). Split it into smaller files."
        ),
        "binary": QCoreApplication.translate("DocumentsPage", "'{0}' is not a text file."),
        "not-subtitles": QCoreApplication.translate(
            "DocumentsPage", "'{0}' has no subtitle timings: it is not a subtitle file."
        ),
        "password": QCoreApplication.translate(
            "DocumentsPage", "'{0}' is protected by a password. Save an unprotected copy and open that."
        ),
        "no-text": QCoreApplication.translate(
            "DocumentsPage",
            "'{0}' has no text to read: its pages may be scanned pictures. Palavra reads the text of PDFs, "
            "not pictures of text.",
        ),
        "over-source": QCoreApplication.translate(
            "DocumentsPage", "The translation cannot be written over the original '{0}'."
        ),
        "exists": QCoreApplication.translate("DocumentsPage", "'{0}' exists already; it was not replaced."),
        "damaged": QCoreApplication.translate(
            "DocumentsPage", "'{0}' cannot be read: it may be damaged, or not the kind its name says."
        ),
    }
    if reason in texts and (name or reason == "exists"):
        target = getattr(exc, "path", None)
        return texts[reason].format(target.name if reason == "exists" and target is not None else name)
    return error_text(exc)
