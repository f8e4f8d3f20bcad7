"""XLIFF 1.2 and 2.x exchange files (``.xliff``, ``.xlf``) through lxml: each ``<source>`` is a segment and its
translation is written into the ``<target>`` beside it (made where missing, and marked for review: 1.2
``state="needs-review-translation"``, 2.x ``state="translated"``); paired inline codes (``<g>``, ``<pc>``,
``<mrk>``) are carried onto the translated words, standalone ones (``<x/>``, ``<ph/>``, ``<bx/>``, ``<sc/>``...)
kept whole. Units marked ``translate="no"`` are left alone; the source text is never changed."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document, DocumentError
from engine.documents.inline import Marked
from engine.documents.xml_inline import Block, Rules, local, read_block, segments_of, write_block

RULES = Rules(inline=frozenset({"g", "pc", "mrk"}), collapse=False)


def load_xliff(path: Path) -> Document:
    """Read an XLIFF file."""
    from lxml import etree

    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except (etree.XMLSyntaxError, OSError) as exc:
        raise DocumentError(
            f"'{path.name}' is not an XLIFF file Palavra can read.", detail=repr(exc)
        ) from exc
    root = tree.getroot()
    if local(root) != "xliff":
        raise DocumentError(f"'{path.name}' is not an XLIFF file (its root element is not <xliff>).")
    version = 2 if root.get("version", "1.2").startswith("2") else 1
    pairs: list[tuple[Any, Any]] = []  # (source, container whose target is written)
    for source in root.iter(f"{{{root.nsmap.get(None, '')}}}source" if root.nsmap.get(None) else "source"):
        holder = source.getparent()
        unit = holder if version == 1 else holder.getparent()
        if holder is None or local(holder) not in ("trans-unit", "segment", "ignorable"):
            continue
        if local(holder) == "ignorable" or (unit is not None and unit.get("translate") == "no"):
            continue
        pairs.append((source, holder))
    found: list[Block] = []
    kept: list[tuple[Any, Any]] = []
    for source, holder in pairs:
        block = read_block(source, RULES)
        if block.text.strip():
            found.append(block)
            kept.append((source, holder))
    segments, marks = segments_of(found)

    def render(translations: Sequence[Marked], out: Path) -> None:
        for block, (source, holder), tr in zip(found, kept, translations, strict=True):
            target = next((c for c in holder if local(c) == "target"), None)
            if target is None:
                target = source.makeelement(source.tag.replace("source", "target"), {}, source.nsmap)
                source.addnext(target)
                target.tail = source.tail
            for child in list(target):
                target.remove(child)
            target.text = None
            for name, value in source.attrib.items():
                if local_name(name) == "space":
                    target.set(name, value)
            # the target is built from copies of the source's codes: the source stays as it was
            twin = copy.copy(block)
            twin.element = target
            twin.tags = block.tags
            twin.atoms = {ch: copy.deepcopy(el) for ch, el in block.atoms.items()}
            write_block(twin, tr)
            if version == 1:
                target.set("state", "needs-review-translation")
            else:
                holder.set("state", "translated")
        tree.write(str(out), xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8")

    return Document(path, "xliff", segments, render, marks)


def local_name(name: str) -> str:
    """An attribute name without its namespace."""
    return name.rsplit("}", 1)[-1]
