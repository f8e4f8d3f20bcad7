"""Web pages (``.html``, ``.htm``, ``.xhtml``) through lxml: every block's text is a segment, inline elements
(``<b>``, ``<em>``, ``<a href>``, ``<span>``...) are carried onto the translated words, tags and attributes are
kept as they were; ``<script>``, ``<style>``, ``<code>``, ``<pre>``, ``<kbd>``, SVG and MathML are not translated.
The ``lang`` attribute of ``<html>`` is left alone; attribute text (``alt``, ``title``) is not translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.documents.core import Document, DocumentError
from engine.documents.inline import Marked
from engine.documents.xml_inline import Block, Rules, blocks, local, segments_of, write_block

#: Elements that format words inside a block.
INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "label",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
    ]
)
#: Elements whose content is never translated (kept whole, where the translation puts them inside a block).
UNTRANSLATED = frozenset(
    [
        "script",
        "style",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "svg",
        "math",
        "noscript",
        "template",
        "textarea",
        "iframe",
        "object",
        "canvas",
        "video",
        "audio",
        "head",
        "meta",
        "link",
    ]
)


def rules(untranslated: frozenset[str] = UNTRANSLATED) -> Rules:
    """The reading rules for HTML and XHTML."""
    return Rules(inline=INLINE, line_break="br", collapse=True, is_atom=lambda el: local(el) in untranslated)


def is_block(el: Any) -> bool:
    """Every element that is not inline formatting, an untranslated element or a line break holds a block."""
    name = local(el)
    return bool(name) and name not in INLINE and name not in UNTRANSLATED and name != "br"


def skip(el: Any) -> bool:
    """Subtrees never looked into (the head's ``<title>`` is translated)."""
    name = local(el)
    return name in UNTRANSLATED and name != "head"


def load_html(path: Path) -> Document:
    """Read a web page."""
    from lxml import etree, html

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(
            f"Palavra cannot read '{path}': {exc.strerror or exc}.", detail=str(exc), reason="unreadable"
        ) from exc
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"'{path.name}' is not a web page (it contains binary data).", reason="binary")
    xhtml = path.suffix.lower() == ".xhtml" or raw.lstrip().startswith(b"<?xml")
    try:
        if xhtml:
            tree = etree.fromstring(
                raw, etree.XMLParser(resolve_entities=False, no_network=True)
            ).getroottree()
        else:
            tree = html.document_fromstring(raw).getroottree()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise DocumentError(f"'{path.name}' is not a web page Palavra can read.", detail=repr(exc)) from exc
    found = blocks(tree.getroot(), is_block, skip, rules())
    segments, marks = segments_of(found)
    docinfo = tree.docinfo
    encoding = docinfo.encoding or "utf-8"

    def render(translations: Sequence[Marked], out: Path) -> None:
        write_all(found, translations)
        data = etree.tostring(
            tree,
            method="xml" if xhtml else "html",
            encoding=encoding,
            doctype=docinfo.doctype or None,
            xml_declaration=xhtml and raw.lstrip().startswith(b"<?xml"),
        )
        out.write_bytes(data)

    return Document(path, "html", segments, render, marks)


def write_all(found: Sequence[Block], translations: Sequence[Marked]) -> None:
    """Write every block's translation (outer blocks first: a nested block is moved whole, then rewritten)."""
    for block, tr in zip(found, translations, strict=True):
        write_block(block, tr)
