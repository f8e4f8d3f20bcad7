"""Markdown (``.md``): headings, paragraphs, list items, quotes and table cells are segments; their block syntax
(``#``, ``-``, ``1.``, ``>``, ``|``) is kept, and inline emphasis (``**``, ``*``, ``__``, ``_``, ``~~``) and link text
(``[text](url)``) are carried onto the translated words with the link targets as they were. Code (fenced, indented,
`` `inline` ``), images, inline HTML, autolinks, link definitions and front matter are not translated. A paragraph
written over several lines comes back as one line (the same Markdown)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.documents.core import Document
from engine.documents.inline import Marked, Span, base_mark, nest, partition
from engine.documents.textfiles import newline, read_text, write_text
from engine.documents.xml_inline import ATOM_BASE

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$|^\s{0,3}(=+|-+)\s*$")
_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s")
_HTML_BLOCK = re.compile(r"^\s{0,3}</?[a-zA-Z!][^>]*>?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PREFIX = re.compile(r"^(\s*(?:>\s?)*)(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+)?")
_HEADING_END = re.compile(r"\s+#+\s*$")


@dataclass
class _Slot:
    first: int  # first line
    last: int  # last line (inclusive)
    prefix: str
    suffix: str
    cells: list[tuple[int, int]] | None  # a table row: (start, end) of each cell in the line


@dataclass(frozen=True)
class _Inline:
    opens: list[str]
    closes: list[str]
    paths: list[tuple[int, ...]]
    atoms: dict[str, str]


_CODE = re.compile(r"(`+)(?:.+?)\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_ANGLE = re.compile(r"<(?:[a-zA-Z][\w+.-]*:[^\s>]+|[\w.+-]+@[\w.-]+|/?[a-zA-Z][^<>]*)>")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\](\([^()\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")


def parse_inline(text: str) -> tuple[str, tuple[Span, ...], _Inline]:
    """Plain text, marks and tags of one line of inline Markdown."""
    opens: list[str] = []
    closes: list[str] = []
    paths: dict[tuple[int, ...], int] = {}
    atoms: dict[str, str] = {}
    runs: list[tuple[str, int]] = []

    def emit(s: str, path: tuple[int, ...]) -> None:
        if s:
            runs.append((s, paths.setdefault(path, len(paths))))

    def atom(s: str, path: tuple[int, ...]) -> None:
        ch = chr(ATOM_BASE + len(atoms))
        atoms[ch] = s
        emit(ch, path)

    def walk(s: str, path: tuple[int, ...]) -> None:
        pos = 0
        buf: list[str] = []
        while pos < len(s):
            for pattern in (_CODE, _IMAGE, _ANGLE, _ESCAPE):
                m = pattern.match(s, pos)
                if m:
                    emit("".join(buf), path)
                    buf = []
                    atom(m.group(0), path)
                    pos = m.end()
                    break
            else:
                m = _LINK.match(s, pos)
                if m:
                    emit("".join(buf), path)
                    buf = []
                    opens.append("[")
                    closes.append("]" + m.group(2))
                    walk(m.group(1), (*path, len(opens) - 1))
                    pos = m.end()
                    continue
                d = _delimiter(s, pos)
                if d:
                    end = _closing(s, pos + len(d), d)
                    if end > 0:
                        emit("".join(buf), path)
                        buf = []
                        opens.append(d)
                        closes.append(d)
                        walk(s[pos + len(d) : end], (*path, len(opens) - 1))
                        pos = end + len(d)
                        continue
                buf.append(s[pos])
                pos += 1
        emit("".join(buf), path)

    walk(text, ())
    plain, spans = partition(runs)
    by_mark = {v: k for k, v in paths.items()}
    return plain, spans, _Inline(opens, closes, [by_mark[i] for i in range(len(paths))], atoms)


def _delimiter(s: str, pos: int) -> str:
    for d in ("**", "__", "~~", "*", "_"):
        if s.startswith(d, pos):
            after = s[pos + len(d) : pos + len(d) + 1]
            before = s[pos - 1] if pos else " "
            if not after or after.isspace():
                return ""
            if d[0] == "_" and before.isalnum():  # snake_case is not emphasis
                return ""
            return d
    return ""


def _closing(s: str, start: int, d: str) -> int:
    k = start
    while True:
        k = s.find(d, k)
        if k < 0:
            return -1
        if not s[k - 1].isspace() and (len(d) > 1 or not s.startswith(d * 2, k) or s.startswith(d * 3, k)):
            after = s[k + len(d) : k + len(d) + 1]
            if d[0] != "_" or not after.isalnum():
                return k
        k += len(d)


def render_inline(translation: Marked, source_spans: Sequence[Span], inline: _Inline) -> str:
    """Markdown for a translated line: emphasis and links around their words, atoms put back."""
    runs = translation.runs(base_mark(source_spans))
    used: set[str] = set()
    out = []
    for text, mark in runs:
        chars = []
        for ch in text:
            if ch in inline.atoms:
                if ch in used:
                    continue
                used.add(ch)
                chars.append(inline.atoms[ch])
            else:
                chars.append(ch)
        out.append(("".join(chars), inline.paths[mark] if mark < len(inline.paths) else ()))
    text = nest(out, inline.opens, inline.closes)
    missing = [a for ch, a in inline.atoms.items() if ch not in used]
    return text + (" " + " ".join(missing) if missing else "")


def load_markdown(path: Path) -> Document:
    """Read a Markdown file."""
    text, encoding = read_text(path)
    nl = newline(text)
    lines = text.replace("\r\n", "\n").split("\n")
    slots: list[_Slot] = []
    cells_of: list[tuple[int, int]] = []  # (slot, cell) of each segment
    segments: list[str] = []
    marks: list[tuple[Span, ...]] = []
    inlines: list[_Inline] = []
    spans_of: list[tuple[Span, ...]] = []

    def add_segment(content: str) -> bool:
        plain, spans, inline = parse_inline(content)
        core = plain.strip()
        if not any(c.isalnum() for c in core if not ATOM_BASE <= ord(c) < ATOM_BASE + 6400):
            return False
        lead = len(plain) - len(plain.lstrip())
        core_spans = tuple(
            Span(max(s.start - lead, 0), min(s.end - lead, len(core)), s.mark)
            for s in spans
            if min(s.end - lead, len(core)) > max(s.start - lead, 0)
        )
        segments.append(core)
        marks.append(core_spans if len({s.mark for s in core_spans}) > 1 else ())
        spans_of.append(core_spans)
        inlines.append(inline)
        return True

    i = 0
    fence = ""
    if lines and lines[0].strip() == "---":  # front matter
        end = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), -1)
        i = end + 1 if end > 0 else 0
    previous_blank = True
    table = False
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            i += 1
            continue
        if m:
            fence = m.group(1)
            i += 1
            continue
        if not line.strip() or "|" not in line:
            table = False
        if not line.strip():
            previous_blank = True
            i += 1
            continue
        if (
            (
                previous_blank
                and (line.startswith("    ") or line.startswith("\t"))
                and not _in_list(slots, lines, i)
            )
            or _RULE.match(line)
            or _LINKDEF.match(line)
            or _HTML_BLOCK.match(line)
        ):
            previous_blank = False
            i += 1
            continue
        previous_blank = False
        if "|" in line and (table or (i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]))):
            table = True
            if _TABLE_RULE.match(line):
                i += 1
                continue
            cells = [(c.start(1), c.end(1)) for c in re.finditer(r"(?:^|\|)([^|]*)", line)]
            cells = [
                (a, b)
                for a, b in cells
                if line[a:b].strip() and not (a == 0 and line.lstrip().startswith("|"))
            ]
            slot = _Slot(i, i, "", "", [])
            for a, b in cells:
                if add_segment(line[a:b]):
                    assert slot.cells is not None
                    slot.cells.append((a, b))
                    cells_of.append((len(slots), len(slot.cells) - 1))
            slots.append(slot)
            i += 1
            continue
        pm = _PREFIX.match(line)
        prefix = pm.group(0) if pm else ""
        content = line[len(prefix) :]
        heading = bool(pm and pm.group(2) and pm.group(2).lstrip().startswith("#"))
        suffix = ""
        if heading:
            hm = _HEADING_END.search(content)
            if hm:
                suffix, content = content[hm.start() :], content[: hm.start()]
        last = i
        quote = pm.group(1) if pm else ""
        while not heading and last + 1 < len(lines) and not content.endswith(("  ", "\\")):
            nxt = lines[last + 1]
            nm = _PREFIX.match(nxt)
            if (
                not nxt.strip()
                or (nm and nm.group(2))
                or _FENCE.match(nxt)
                or _RULE.match(nxt)
                or _HTML_BLOCK.match(nxt)
                or _LINKDEF.match(nxt)
                or (nm.group(1) if nm else "").strip() != quote.strip()
                or ("|" in nxt and last + 2 < len(lines) and _TABLE_RULE.match(lines[last + 2]))
            ):
                break
            rest = nxt[len(nm.group(1)) if nm else 0 :]
            content = content.rstrip() + " " + rest.strip()
            last += 1
        if add_segment(content):
            slots.append(_Slot(i, last, prefix, suffix, None))
            cells_of.append((len(slots) - 1, -1))
        i = last + 1

    def render(translations: Sequence[Marked], out: Path) -> None:
        new: list[str | None] = list(lines)
        by_slot: dict[int, list[tuple[int, str]]] = {}
        for (slot_k, cell), tr, spans, inline in zip(cells_of, translations, spans_of, inlines, strict=True):
            by_slot.setdefault(slot_k, []).append((cell, render_inline(tr.strip(), spans, inline)))
        for slot_k, items in by_slot.items():
            slot = slots[slot_k]
            line = lines[slot.first]
            if slot.cells is None:
                new[slot.first] = slot.prefix + items[0][1] + slot.suffix
                for k in range(slot.first + 1, slot.last + 1):
                    new[k] = None
                continue
            pieces, pos = [], 0
            for cell, translated in sorted(items):
                a, b = slot.cells[cell]
                inner = line[a:b]
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()) :]
                pieces.append(line[pos:a] + lead + translated + trail)
                pos = b
            new[slot.first] = "".join(pieces) + line[pos:]
        write_text(out, nl.join(x for x in new if x is not None), encoding)

    return Document(path, "md", tuple(segments), render, tuple(marks))


def _in_list(slots: list[_Slot], lines: list[str], i: int) -> bool:
    """Whether an indented line continues a list (then it is not code)."""
    return (
        bool(slots) and slots[-1].cells is None and bool(re.match(r"\s*([-*+]|\d+[.)])\s", slots[-1].prefix))
    )
