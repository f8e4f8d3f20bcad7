"""EPUB books through zipfile and lxml: every XHTML chapter listed in the package (spine order first) is read as a
web page (see :mod:`engine.documents.html_format`); the package, styles, fonts and pictures are copied byte for byte."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document, DocumentError
from engine.documents.html_format import is_block, rules, skip
from engine.documents.inline import Marked
from engine.documents.xml_inline import Block, blocks, segments_of, write_block
from engine.documents.zipped import open_zip, parse_member, rewrite

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_XHTML = ("application/xhtml+xml", "text/html")


def _chapters(z: Any, path: Path) -> list[str]:
    what = "EPUB book"
    container = parse_member(z, "META-INF/container.xml", path, what)
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise DocumentError(f"'{path.name}' is not a valid {what} (its container names no package).")
    opf_name = rootfile.get("full-path")
    opf = parse_member(z, opf_name, path, what)
    base = posixpath.dirname(opf_name)
    items = {
        item.get("id"): posixpath.normpath(posixpath.join(base, item.get("href", "")))
        for item in opf.iter(f"{_OPF}item")
        if item.get("media-type") in _XHTML
    }
    spine = [ref.get("idref") for ref in opf.iter(f"{_OPF}itemref")]
    ordered = [items[i] for i in spine if i in items]
    ordered += [n for n in items.values() if n not in ordered]
    present = set(z.namelist())
    return [n for n in dict.fromkeys(ordered) if n in present]


def load_epub(path: Path) -> Document:
    """Read an EPUB book."""
    from lxml import etree

    what = "EPUB book"
    with open_zip(path, what) as z:
        names = _chapters(z, path)
        trees = {name: parse_member(z, name, path, what).getroottree() for name in names}
    found: list[Block] = []
    for tree in trees.values():
        found += blocks(tree.getroot(), is_block, skip, rules())
    segments, marks = segments_of(found)

    def render(translations: Sequence[Marked], out: Path) -> None:
        for block, tr in zip(found, translations, strict=True):
            write_block(block, tr)
        data = {
            name: bytes(
                etree.tostring(
                    tree, xml_declaration=True, encoding="utf-8", doctype=tree.docinfo.doctype or None
                )
            )
            for name, tree in trees.items()
        }
        rewrite(path, out, data)

    return Document(path, "epub", segments, render, marks)
