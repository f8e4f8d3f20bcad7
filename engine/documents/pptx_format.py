"""PowerPoint (``.pptx``) through lxml: every DrawingML paragraph (``<a:p>``) of the slides, their tables, the
speaker notes and SmartArt is a segment; each run's properties (bold, italic, colour, hyperlink) are carried onto
the translated words; fields (slide numbers, dates) are kept whole."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document, DocumentError
from engine.documents.inline import Marked
from engine.documents.xml_inline import Block, Rules, blocks, local, segments_of, write_block
from engine.documents.zipped import open_zip, parse_member, rewrite, serialize

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
RULES = Rules(
    inline=frozenset({"r", "t"}),
    line_break="br",
    collapse=False,
    props=frozenset({"pPr", "rPr", "endParaRPr"}),
)
_PARTS = re.compile(r"^ppt/(slides/slide|notesSlides/notesSlide|diagrams/data)\d+\.xml$")


def _is_block(el: Any) -> bool:
    return local(el) == "p" and el.tag == f"{{{A_NS}}}p"


def _order(name: str) -> tuple[int, int]:
    kind = 0 if "/slides/" in name else 1 if "notesSlides" in name else 2
    return kind, int(re.findall(r"\d+", name)[-1])


def load_pptx(path: Path) -> Document:
    """Read a PowerPoint presentation."""
    what = "PowerPoint presentation"
    with open_zip(path, what) as z:
        names = sorted((n for n in z.namelist() if _PARTS.match(n)), key=_order)
        if "ppt/presentation.xml" not in z.namelist():
            raise DocumentError(f"'{path.name}' is not a valid {what} (it has no ppt/presentation.xml).")
        roots = {name: parse_member(z, name, path, what) for name in names}
    found: list[Block] = []
    for root in roots.values():
        found += blocks(root, _is_block, lambda el: False, RULES)
    segments, marks = segments_of(found)

    def render(translations: Sequence[Marked], out: Path) -> None:
        for block, tr in zip(found, translations, strict=True):
            write_block(block, tr)
        rewrite(path, out, {name: serialize(root) for name, root in roots.items()})

    return Document(path, "pptx", segments, render, marks)
