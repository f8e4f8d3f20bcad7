"""Mixed-content XML blocks (an HTML ``<p>``, an ODF ``<text:p>``, an XLIFF ``<source>``) as formatted segments.

A *block*'s text is the text of its children and their tails, in order; each inline child element (``<b>``,
``<a href>``, ``<text:span>``, ``<g>``) is a tag of the marks of the characters inside it. Elements that are not
text to translate (a picture, ``<code>``, ``<script>``, a nested block, an XLIFF placeholder) are *atoms*: each is one
private-use character in the segment, which the translator keeps as it keeps any character its vocabulary lacks,
and which is replaced by the original element, untouched, when the block is written back. A line break element is
a ``"\\n"``.

Writing a block back rebuilds its children from the translation's marks: a copy of each inline element (tag and
attributes, so link targets are identical) around the words it marks, the atoms where the translation put them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.documents.inline import Marked, Span, base_mark, partition

#: First private-use character standing for an atom (U+E000..U+F8FF: 6,400 atoms per block).
ATOM_BASE = 0xE000
_ATOM_LAST = 0xF8FF

Element = Any  # an lxml element


def local(el: Element) -> str:
    """The element's name without its namespace (``{ns}p`` -> ``p``); ``""`` for comments and processing
    instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


@dataclass
class Block:
    """One block read from a tree: its segment text, marks, and what is needed to rebuild it."""

    element: Element
    text: str
    spans: tuple[Span, ...]
    lead: str
    trail: str
    paths: list[tuple[int, ...]]  # mark -> path of inline element ids, outermost first
    tags: list[Element]  # inline element id -> the source element (a template: tag and attributes)
    atoms: dict[str, Element] = field(default_factory=dict)
    line_break: Element | None = None
    props: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rules:
    """How a format's elements are read.

    Attributes:
        inline: element names that format words inside a block (``b``, ``a``, ``span``...).
        line_break: the name of the line break element, if any (``br``).
        collapse: collapse runs of whitespace to one space (HTML), or keep them (XML formats).
        is_atom: inline elements kept whole nevertheless (``<code>`` in HTML); every element that is not inline is
            an atom.
        props: property elements, not content, that stay where they are (DrawingML ``a:pPr``, ``a:rPr``).
    """

    inline: frozenset[str]
    line_break: str | None = None
    collapse: bool = True
    is_atom: Callable[[Element], bool] | None = None
    props: frozenset[str] = frozenset()


def _squash(text: str) -> str:
    """HTML whitespace: each run of spaces, tabs and newlines is one space."""
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


def read_block(element: Element, rules: Rules) -> Block:
    """Read a block's mixed content (its nested blocks become atoms: they are translated on their own)."""
    runs: list[tuple[str, int]] = []
    tags: list[Element] = []
    paths: dict[tuple[int, ...], int] = {}
    atoms: dict[str, Element] = {}
    line_break: list[Element] = []
    same: dict[tuple[tuple[int, ...], tuple[Any, ...]], int] = {}

    def add(text: str | None, path: tuple[int, ...]) -> None:
        if text:
            runs.append((text, paths.setdefault(path, len(paths))))

    def walk(el: Element, path: tuple[int, ...]) -> None:
        add(el.text, path)
        for child in el:
            name = local(child)
            if name in rules.props:
                add(child.tail, path)
                continue
            if name and name == rules.line_break:
                line_break.append(child)
                add("\n", path)
            elif name in rules.inline and not (rules.is_atom and rules.is_atom(child)):
                key = (path, _look(child, rules.props))
                if key not in same:  # runs that look alike share one tag: "Buy a " and " today" are one mark
                    tags.append(child)
                    same[key] = len(tags) - 1
                walk(child, (*path, same[key]))
            else:
                code = ATOM_BASE + len(atoms)
                if code <= _ATOM_LAST:
                    atoms[chr(code)] = child
                    add(chr(code), path)
            add(child.tail, path)

    walk(element, ())
    if rules.collapse:
        runs = [(_squash(t) if t != "\n" else t, m) for t, m in runs]
        cleaned: list[tuple[str, int]] = []
        for t, m in runs:  # one space between words, never two across element boundaries
            if t.startswith(" ") and cleaned and (cleaned[-1][0].endswith((" ", "\n"))):
                t = t[1:]
            if t:
                cleaned.append((t, m))
        runs = cleaned
    text, spans = partition(runs)
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    shift = len(lead)
    core_spans = tuple(
        Span(max(s.start - shift, 0), min(s.end - shift, len(core)), s.mark)
        for s in spans
        if min(s.end - shift, len(core)) > max(s.start - shift, 0)
    )
    by_mark = {v: k for k, v in paths.items()}
    return Block(
        element,
        core,
        core_spans,
        lead if not rules.collapse else "",
        trail if not rules.collapse else "",
        [by_mark[i] for i in range(len(paths))],
        tags,
        atoms,
        line_break[0] if line_break else None,
        rules.props,
    )


def _look(el: Element, props: frozenset[str]) -> tuple[Any, ...]:
    """What makes two inline elements look alike: name, attributes, property elements."""
    from lxml import etree

    return (
        el.tag,
        tuple(sorted(el.attrib.items())),
        b"".join(etree.tostring(p, with_tail=False) for p in el if local(p) in props),
    )


def has_text(block: Block) -> bool:
    """Whether a block holds words to translate (not only atoms, spaces and punctuation)."""
    return any(c.isalnum() for c in block.text if not ATOM_BASE <= ord(c) <= _ATOM_LAST)


def write_block(block: Block, translation: Marked) -> None:
    """Replace the block's content by its translation (inline elements copied, atoms put back)."""
    el = block.element
    t = translation.strip()
    runs = t.runs(base_mark(block.spans))
    if block.lead or block.trail:
        if runs:
            runs[0] = (block.lead + runs[0][0], runs[0][1])
            runs[-1] = (runs[-1][0] + block.trail, runs[-1][1])
        else:
            runs = [(block.lead + block.trail, 0)]
    children = list(el)
    leading = []  # property elements before the content (a:pPr) stay first, those after it (a:endParaRPr) last
    for child in children:
        if local(child) not in block.props:
            break
        leading.append(child)
    trailing = [c for c in children[len(leading) :] if local(c) in block.props]
    for child in children:
        el.remove(child)
    el.text = None
    for child in leading:
        el.append(child)
    stack: list[tuple[int, Element]] = []
    used: set[str] = set()

    def parent() -> Element:
        return stack[-1][1] if stack else el

    def append_text(text: str) -> None:
        p = parent()
        if len(p):
            last = p[-1]
            last.tail = (last.tail or "") + text
        else:
            p.text = (p.text or "") + text

    def append_element(child: Element) -> None:
        child.tail = None
        parent().append(child)

    for text, mark in runs:
        path = block.paths[mark] if mark < len(block.paths) else ()
        common = 0
        while common < len(stack) and common < len(path) and stack[common][0] == path[common]:
            common += 1
        del stack[common:]
        for tag_id in path[common:]:
            template = block.tags[tag_id]
            new = template.makeelement(template.tag, dict(template.attrib), template.nsmap)
            for prop in template:  # a run's properties (a:rPr) go with its copies
                if local(prop) in block.props:
                    new.append(copy.deepcopy(prop))
            append_element(new)
            stack.append((tag_id, new))
        buf: list[str] = []
        for ch in text:
            atom = block.atoms.get(ch)
            if atom is not None or (ch == "\n" and block.line_break is not None):
                if buf:
                    append_text("".join(buf))
                    buf = []
                if atom is not None:
                    if ch in used:  # the translator repeated a placeholder: the element goes in once
                        continue
                    used.add(ch)
                    append_element(atom)
                else:
                    append_element(copy.deepcopy(block.line_break))
            else:
                buf.append(ch)
        if buf:
            append_text("".join(buf))
    for ch, atom in block.atoms.items():  # an atom the translation lost goes at the end: nothing disappears
        if ch not in used:
            stack.clear()
            append_element(atom)
    for child in trailing:
        child.tail = None
        el.append(child)


def blocks(
    root: Element, is_block: Callable[[Element], bool], skip: Callable[[Element], bool], rules: Rules
) -> list[Block]:
    """Every block under ``root`` with text, in document order (blocks inside ``skip`` elements left out)."""
    out: list[Block] = []

    def visit(el: Element) -> None:
        if skip(el):
            return
        if is_block(el):
            block = read_block(el, rules)
            if has_text(block):
                out.append(block)
        for child in el:
            if isinstance(child.tag, str):
                visit(child)

    visit(root)
    return out


def segments_of(found: Sequence[Block]) -> tuple[tuple[str, ...], tuple[tuple[Span, ...], ...]]:
    """Segment texts and marks (empty where a block has one formatting throughout)."""
    return (
        tuple(b.text for b in found),
        tuple(b.spans if len({s.mark for s in b.spans}) > 1 else () for b in found),
    )
