"""Plain text (``.txt``) and subtitles (``.srt``, ``.vtt``): blank lines, line endings, byte-order marks, cue
numbers, identifiers, timings and cue settings kept byte for byte; subtitle tags (``<i>``, ``<b>``, ``<u>``,
``<font ...>``, WebVTT ``<c.x>``, ``<v Name>``) carried onto the translated words (see :mod:`engine.documents.inline`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from engine.documents.core import Document, DocumentError, DocumentKind
from engine.documents.inline import Marked, Span, base_mark, nest, partition
from engine.errors import EncodingError


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding to write back)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if b"\x00" in raw[:8192]:
            raise DocumentError(
                f"'{path.name}' is not a text file (it contains binary data).",
                detail="NUL byte in the first 8 KiB",
                reason="binary",
            )
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise EncodingError(str(path), exc.start, exc.reason) from exc


def read_text(path: Path) -> tuple[str, str]:
    """The text of a file and the encoding to write it back in."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(
            f"Palavra cannot read '{path}': {exc.strerror or exc}.", detail=str(exc), reason="unreadable"
        ) from exc
    return decode(raw, path)


def newline(text: str) -> str:
    """The line ending a text uses."""
    return "\r\n" if "\r\n" in text else "\n"


def write_text(path: Path, text: str, encoding: str) -> None:
    """Write ``text`` exactly (no newline translation)."""
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


_BLANK = re.compile(r"((?:\r?\n)[ \t]*(?:\r?\n)(?:[ \t]*\r?\n)*)")


def load_txt(path: Path) -> Document:
    """A plain text file: each block between blank lines is a segment."""
    text, encoding = read_text(path)
    nl = newline(text)
    parts = _BLANK.split(text)  # even indices: blocks; odd: blank-line separators (kept verbatim)
    slots: list[tuple[int, str, str]] = []  # (part index, leading ws, trailing ws)
    segments: list[str] = []
    for i in range(0, len(parts), 2):
        block = parts[i]
        core = block.strip()
        if not core:
            continue
        lead = block[: len(block) - len(block.lstrip())]
        trail = block[len(block.rstrip()) :]
        slots.append((i, lead, trail))
        segments.append(core.replace("\r\n", "\n"))

    def render(translations: Sequence[Marked], out: Path) -> None:
        new = list(parts)
        for (i, lead, trail), tr in zip(slots, translations, strict=True):
            new[i] = lead + tr.text.strip().replace("\n", nl) + trail
        write_text(out, "".join(new), encoding)

    return Document(path, "txt", tuple(segments), render)


_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
#: A subtitle tag: ``<i>``, ``</i>``, ``<font color="#fff">``, ``<c.yellow>``, ``<v Ana>``, ``<00:00:01.000>``.
_TAG = re.compile(r"<(/?)([a-zA-Z][\w]*|\d[\d:.]*)([^<>]*)>")


def _parse_cue(cue: str) -> tuple[str, tuple[Span, ...], list[str], list[str], list[tuple[int, ...]]]:
    """Plain text of a cue, its spans, and the tags: opening strings, closing strings, the path of each mark.

    A tag never closed (``<v Ana>`` until the end of the cue) closes with nothing; a timestamp tag opens nothing.
    """
    opens: list[str] = []
    closes: list[str] = []
    stack: list[tuple[str, int]] = []
    paths: dict[tuple[int, ...], int] = {}
    runs: list[tuple[str, int]] = []
    pos = 0

    def mark() -> int:
        return paths.setdefault(tuple(t for _, t in stack), len(paths))

    for m in _TAG.finditer(cue):
        if m.start() > pos:
            runs.append((cue[pos : m.start()], mark()))
        pos = m.end()
        closing, name = m.group(1), m.group(2).lower()
        if name[0].isdigit():  # a karaoke timestamp: kept with the text that follows it
            opens.append(m.group(0))
            closes.append("")
            stack.append(("", len(opens) - 1))
            continue
        if not closing:
            opens.append(m.group(0))
            closes.append("")
            stack.append((name, len(opens) - 1))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                closes[stack[k][1]] = m.group(0)
                del stack[k:]
                break
    if pos < len(cue):
        runs.append((cue[pos:], mark()))
    text, spans = partition(runs)
    by_mark = {v: k for k, v in paths.items()}
    return text, spans, opens, closes, [by_mark[i] for i in range(len(paths))]


def load_subtitles(path: Path, kind: DocumentKind) -> Document:
    """A SubRip or WebVTT file: each cue's text is a segment, its tags are marks."""
    text, encoding = read_text(path)
    nl = newline(text)
    lines = text.replace("\r\n", "\n").split("\n")
    spans: list[tuple[int, int]] = []  # cue text lines [start, end)
    tags: list[tuple[list[str], list[str], list[tuple[int, ...]]]] = []
    segments: list[str] = []
    marks: list[tuple[Span, ...]] = []
    if kind == "vtt" and not lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        raise DocumentError(
            f"'{path.name}' is not a WebVTT (.vtt) file: it does not start with WEBVTT.",
            reason="not-subtitles",
        )
    i = 0
    while i < len(lines):
        if _TIMING.match(lines[i]):
            start = i + 1
            end = start
            while end < len(lines) and lines[end].strip():
                end += 1
            cue = "\n".join(lines[start:end]).strip()
            plain, cue_spans, opens, closes, paths = _parse_cue(cue)
            if plain.strip():
                lead = len(plain) - len(plain.lstrip())
                core = plain.strip()
                spans.append((start, end))
                tags.append((opens, closes, paths))
                segments.append(core)
                marks.append(
                    tuple(
                        Span(max(s.start - lead, 0), min(s.end - lead, len(core)), s.mark)
                        for s in cue_spans
                        if min(s.end - lead, len(core)) > max(s.start - lead, 0)
                    )
                )
            i = end
        else:
            i += 1
    if not spans and text.strip():
        name = "a SubRip (.srt)" if kind == "srt" else "a WebVTT (.vtt)"
        raise DocumentError(
            f"'{path.name}' is not {name} file: no subtitle timings were found.", reason="not-subtitles"
        )

    def render(translations: Sequence[Marked], out: Path) -> None:
        new: list[str] = []
        prev = 0
        for (start, end), tr, (opens, closes, paths), source_spans in zip(
            spans, translations, tags, marks, strict=True
        ):
            new.extend(lines[prev:start])  # cue numbers, identifiers and timing lines exactly as they were
            t = tr.strip()
            runs = t.runs(base_mark(source_spans))
            cue = nest([(s, paths[m] if m < len(paths) else ()) for s, m in runs], opens, closes)
            new.extend(cue.split("\n") if cue else [""])
            prev = end
        new.extend(lines[prev:])
        write_text(out, nl.join(new), encoding)

    return Document(path, kind, tuple(segments), render, tuple(marks))
