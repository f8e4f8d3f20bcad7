"""Word (.docx) documents through python-docx: every paragraph (body, tables, headers, footers) is a
segment.

Paragraph count, paragraph styles and run formatting are kept. A paragraph with one formatting throughout gets
its translation in its first text run (the other text runs are emptied and stay, with their formatting); a
paragraph mixing formatting (a bold word, an italic phrase, a hyperlink) gets one run per formatted stretch of the
translation, each a copy of the source run whose words it translates (see :mod:`engine.documents.inline`), inside
a copy of the hyperlink where the source run was in one. Runs holding pictures are never touched.
"""

from __future__ import annotations

import copy
import logging
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document, DocumentError
from engine.documents.inline import Marked, Span, base_mark, partition, strip_spans

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
    slots: list[tuple[Any, list[Any], list[Any], str, str]] = []  # (paragraph, runs, templates, lead, trail)
    segments: list[str] = []
    marks: list[tuple[Span, ...]] = []
    for para in paragraphs:
        runs = [r for r in _iter_runs(para) if not _has_picture(r)]
        keys: dict[tuple[int, str], int] = {}
        templates: list[Any] = []
        pieces: list[tuple[str, int]] = []
        for r in runs:
            if not r.text:
                continue
            key = _format_key(r)
            if key not in keys:
                keys[key] = len(templates)
                templates.append(r)
            pieces.append((r.text, keys[key]))
        text, spans = partition(pieces)
        core, core_spans = strip_spans(text, spans)
        if not core:
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        slots.append((para, runs, templates, lead, trail))
        segments.append(core)
        marks.append(core_spans if len(templates) > 1 else ())

    def render(translations: Sequence[Marked], out: Path) -> None:
        for (para, runs, templates, lead, trail), tr, spans in zip(slots, translations, marks, strict=True):
            t = tr.strip()
            if len(templates) > 1 and t.text:
                _write_runs(para, runs, templates, t.runs(base_mark(spans)), lead, trail)
                continue
            first = next((r for r in runs if r.text), runs[0])
            for run in runs:
                if run is first:
                    run.text = lead + t.text + trail
                elif run.text:
                    run.text = ""
        doc.save(str(out))

    return Document(path, "docx", tuple(segments), render, tuple(marks))


def _format_key(run: Any) -> tuple[int, str]:
    """What makes two runs look alike: the hyperlink they are in and their run properties."""
    from lxml import etree

    parent = run._r.getparent()
    link = id(parent) if parent is not None and parent.tag.endswith("}hyperlink") else 0
    rpr = run._r.rPr
    return link, etree.tostring(rpr).decode() if rpr is not None else ""


def _write_runs(
    para: Any, runs: list[Any], templates: list[Any], pieces: list[tuple[str, int]], lead: str, trail: str
) -> None:
    """Replace a paragraph's text runs by one copy of the matching template run per translated piece."""
    from docx.text.run import Run

    old = [r for r in runs if r.text]
    first = old[0]._r
    anchor = first.getparent() if first.getparent().tag.endswith("}hyperlink") else first
    if pieces:
        pieces[0] = (lead + pieces[0][0], pieces[0][1])
        pieces[-1] = (pieces[-1][0] + trail, pieces[-1][1])
    for text, mark in pieces:
        template = templates[mark]._r
        new_r = copy.deepcopy(template)
        Run(new_r, para).text = text
        parent = template.getparent()
        element = new_r
        if parent.tag.endswith("}hyperlink"):
            element = copy.deepcopy(parent)
            for child in list(element):
                element.remove(child)
            element.append(new_r)
        anchor.addprevious(element)
    for r in old:
        parent = r._r.getparent()
        parent.remove(r._r)
        if parent.tag.endswith("}hyperlink") and not len(parent):
            parent.getparent().remove(parent)


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
