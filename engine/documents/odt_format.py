"""OpenDocument text (``.odt``) through lxml: every paragraph and heading (body, tables, lists, notes, headers
and footers in ``styles.xml``) is a segment; ``<text:span>`` and ``<text:a>`` are carried onto the translated words;
spaces, tabs, frames, notes and bookmarks are kept whole where the translation puts them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document
from engine.documents.inline import Marked
from engine.documents.xml_inline import Block, Rules, blocks, local, segments_of, write_block
from engine.documents.zipped import open_zip, parse_member, rewrite, serialize

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
RULES = Rules(inline=frozenset({"span", "a"}), line_break="line-break", collapse=True)
_PARTS = ("content.xml", "styles.xml")


def _is_block(el: Any) -> bool:
    return local(el) in ("p", "h") and el.tag.startswith("{" + TEXT_NS)


def load_odt(path: Path) -> Document:
    """Read an OpenDocument text file."""
    what = "OpenDocument text file"
    with open_zip(path, what) as z:
        names = set(z.namelist())
        roots = {name: parse_member(z, name, path, what) for name in _PARTS if name in names}
    if "content.xml" not in roots:
        from engine.documents.core import DocumentError

        raise DocumentError(f"'{path.name}' is not a valid {what} (it has no content.xml).")
    found: list[Block] = []
    for root in roots.values():
        found += blocks(root, _is_block, lambda el: False, RULES)
    segments, marks = segments_of(found)

    def render(translations: Sequence[Marked], out: Path) -> None:
        for block, tr in zip(found, translations, strict=True):
            write_block(block, tr)
        rewrite(path, out, {name: serialize(root) for name, root in roots.items()})

    return Document(path, "odt", segments, render, marks)
