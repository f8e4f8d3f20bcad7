"""PDF text through pypdf, written out as a Word document (``talk.pdf`` -> ``talk.pt.docx``): a PDF's layout
cannot be rewritten, so its text is read page by page into paragraphs (lines joined, hyphenation undone) and the
translation is a ``.docx`` with one paragraph per source paragraph and a page break between pages. Scanned pages
(pictures without a text layer) have no text to read."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

from engine.documents.core import Document, DocumentError
from engine.documents.inline import Marked

log = logging.getLogger(__name__)

#: Shown by the app and the command line when a PDF is opened.
NOTE = "PDF text is translated into a Word document (.docx); the PDF's own layout is not kept."
_END = re.compile(r"[.!?:…\"”»)]\s*$")


def paragraphs(page_text: str) -> list[str]:
    """A page's extracted text as paragraphs: a blank line, or a short line ending a sentence, ends one."""
    lines = [line.rstrip() for line in page_text.replace("\r\n", "\n").split("\n")]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    current = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(current)
            current = ""
            continue
        if current.endswith("-") and stripped[:1].islower():
            current = current[:-1] + stripped
        else:
            current = f"{current} {stripped}" if current else stripped
        if _END.search(stripped) and len(line) < 0.8 * width:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return [" ".join(p.split()) for p in out if any(c.isalnum() for c in p)]


def load_pdf(path: Path) -> Document:
    """Read the text of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(
                f"'{path.name}' is protected by a password; open it, save an unprotected copy."
            )
        pages = [paragraphs(page.extract_text() or "") for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise DocumentError(
            f"'{path.name}' is not a PDF Palavra can read (it may be damaged).", detail=repr(exc)
        ) from exc
    if not any(pages):
        raise DocumentError(
            f"'{path.name}' has no text to read: its pages may be scanned pictures. Palavra reads the text of PDFs, "
            "not pictures of text.",
            reason="no-text",
        )
    where = [(k, p) for k, page in enumerate(pages) for p in page]
    segments = tuple(p for _, p in where)

    def render(translations: Sequence[Marked], out: Path) -> None:
        import docx
        from docx.enum.text import WD_BREAK

        d = docx.Document()
        page = 0
        last = None
        for (k, _), tr in zip(where, translations, strict=True):
            if k != page and last is not None:
                last.add_run().add_break(WD_BREAK.PAGE)
            page = k
            last = d.add_paragraph(tr.text.strip())
        d.save(str(out))

    return Document(path, "pdf", segments, render)
