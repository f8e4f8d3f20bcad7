"""Word (.docx) documents through python-docx: every paragraph (body, tables, headers, footers) is a
segment.

Paragraph count, paragraph styles and run formatting are kept: a paragraph's translation goes into its
first run that holds text, its other text runs are emptied (they stay, with their formatting), and runs
holding pictures are never touched. Inline formatting that covered only part of a paragraph therefore
spans the first run's words.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document, DocumentError

log = logging.getLogger(__name__)


def load_docx(path: Path) -> Document:
    """Read a Word file into a :class:`Document`.

    Raises:
        DocumentError: the file is not a valid Word document.
    """
    import docx  # imported here: only document translation needs it

    if not zipfile.is_zipfile(path):
        raise DocumentError(f"'{path.name}' is not a valid Word document (it may be damaged or renamed).")
    try:
        doc = docx.Document(str(path))
        paragraphs = list(_iter_paragraphs(doc))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, BadZipFile...
        raise DocumentError(
            f"'{path.name}' is not a valid Word document (it may be damaged).", detail=repr(exc)
        ) from exc
    slots: list[tuple[list[Any], str, str]] = []  # (text runs, leading ws, trailing ws)
    segments: list[str] = []
    for para in paragraphs:
        runs = [r for r in _iter_runs(para) if not _has_picture(r)]
        text = "".join(r.text for r in runs)
        core = text.strip()
        if not core:
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        slots.append((runs, lead, trail))
        segments.append(core)

    def render(translations: Sequence[str], out: Path) -> None:
        for (runs, lead, trail), tr in zip(slots, translations, strict=True):
            first = next((r for r in runs if r.text), runs[0])
            for run in runs:
                if run is first:
                    run.text = lead + tr.strip() + trail
                elif run.text:
                    run.text = ""
        doc.save(str(out))

    return Document(path, "docx", tuple(segments), render)


def _iter_paragraphs(doc: Any) -> Iterator[Any]:
    seen: set[int] = set()

    def walk(container: Any) -> Iterator[Any]:
        for para in container.paragraphs:
            if id(para._p) not in seen:
                seen.add(id(para._p))
                yield para
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells appear once per grid column
                        continue
                    seen.add(id(cell._tc))
                    yield from walk(cell)

    yield from walk(doc)
    for section in doc.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                yield from walk(part)


def _iter_runs(para: Any) -> Iterator[Any]:
    from docx.text.hyperlink import Hyperlink

    for item in para.iter_inner_content():
        if isinstance(item, Hyperlink):
            yield from item.runs
        else:
            yield item


def _has_picture(run: Any) -> bool:
    return bool(run._r.xpath(".//w:drawing | .//w:pict | .//w:object"))
