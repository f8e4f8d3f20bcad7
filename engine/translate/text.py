"""Text handling around the model: sentence splitting that keeps whitespace, and protection of spans the model
cannot reproduce (URLs, e-mail addresses, emoji and other characters outside its vocabulary).

The model translates one sentence at a time; a document is split into segments (sentences) and separators
(whitespace, line breaks), and re-joined with the original separators, so layout survives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence (English and Portuguese).
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "sra", "srta", "jr", "st", "vs", "etc", "e.g", "i.e", "no", "nº",
    "fig", "vol", "p", "pp", "cf", "approx", "dept", "inc", "ltd", "co", "av", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dra", "exmo", "exma", "ex", "pág", "tel", "mt", "mín", "máx",
    "u.s", "a.m", "p.m", "min", "max",
}  # fmt: skip
_SENTENCE_END = re.compile(r"([.!?…]+[\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[¿¡]?[A-ZÀ-ÖØ-Þ0-9])")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PLACEHOLDER = re.compile(r"\[(\d+)\]")
MAX_SEGMENT_CHARS = 600


@dataclass(frozen=True)
class Piece:
    """A run of the input: a sentence to translate, or a separator (whitespace) kept as is."""

    text: str
    translate: bool


def split(text: str) -> list[Piece]:
    """Split text into sentences and the whitespace between them (joining the pieces gives back ``text``)."""
    pieces: list[Piece] = []
    for line in re.split(r"(\s*\n\s*)", text):
        if not line:
            continue
        if not line.strip():
            pieces.append(Piece(line, False))
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        if lead:
            pieces.append(Piece(line[:lead], False))
        body = line[lead:trail]
        start = 0
        for m in _SENTENCE_END.finditer(body):
            before = body[start : m.start(1)]
            word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
            if word.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
                continue
            for chunk in _limit(body[start : m.end(1)]):
                pieces.append(Piece(chunk, True))
            pieces.append(Piece(m.group(2), False))
            start = m.end(2)
        if start < len(body):
            pieces.extend(_limit_pieces(body[start:]))
        if trail < len(line):
            pieces.append(Piece(line[trail:], False))
    return pieces


def _limit_pieces(sentence: str) -> list[Piece]:
    chunks = _limit(sentence)
    out: list[Piece] = []
    for i, chunk in enumerate(chunks):
        if i:
            out.append(Piece(" ", False))
        out.append(Piece(chunk, True))
    return out


def _limit(sentence: str) -> list[str]:
    """Cut an over-long sentence at clause punctuation, or at spaces, into chunks the model handles well."""
    if len(sentence) <= MAX_SEGMENT_CHARS:
        return [sentence]
    chunks: list[str] = []
    rest = sentence
    while len(rest) > MAX_SEGMENT_CHARS:
        window = rest[:MAX_SEGMENT_CHARS]
        cut = max(window.rfind(p) for p in (";", ":", ",", " - "))
        if cut < MAX_SEGMENT_CHARS // 3:
            cut = window.rfind(" ")
        if cut < MAX_SEGMENT_CHARS // 3:
            cut = MAX_SEGMENT_CHARS - 1
        chunks.append(rest[: cut + 1].strip())
        rest = rest[cut + 1 :].lstrip()
    if rest.strip():
        chunks.append(rest)
    return [c for c in chunks if c]


def join(pieces: list[Piece], translated: list[str]) -> str:
    """Rebuild text from pieces, using ``translated`` (in order) for the sentence pieces."""
    it = iter(translated)
    return "".join(next(it) if p.translate else p.text for p in pieces)


@dataclass(frozen=True)
class Protected:
    """A sentence with untranslatable spans replaced by ``[n]`` placeholders the model copies."""

    text: str
    spans: tuple[str, ...]
    offset: int

    def restore(self, translation: str) -> str:
        """Put the original spans back; a span the model dropped is appended, so nothing is lost."""
        if not self.spans:
            return translation
        used: set[int] = set()

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - self.offset
            if 0 <= k < len(self.spans) and k not in used:
                used.add(k)
                return self.spans[k]
            return m.group(0)

        out = _PLACEHOLDER.sub(sub, translation)
        missing = [s for k, s in enumerate(self.spans) if k not in used]
        if missing:
            out = out.rstrip() + " " + " ".join(missing)
        return out


def protect(sentence: str, is_unknown: Callable[[str], bool]) -> Protected:
    """Replace URLs, e-mail addresses and runs of out-of-vocabulary characters with placeholders."""
    ranges: list[tuple[int, int]] = [m.span() for m in _URL.finditer(sentence)]
    ranges += [m.span() for m in _EMAIL.finditer(sentence) if not _overlaps(m.span(), ranges)]
    i = 0
    while i < len(sentence):
        ch = sentence[i]
        if not ch.isspace() and ord(ch) > 127 and is_unknown(ch) and not _overlaps((i, i + 1), ranges):
            j = i + 1
            while j < len(sentence) and (
                (not sentence[j].isspace() and ord(sentence[j]) > 127 and is_unknown(sentence[j]))
                or sentence[j] in "\u200d\ufe0f"
            ):
                j += 1
            ranges.append((i, j))
            i = j
        else:
            i += 1
    if not ranges:
        return Protected(sentence, (), 0)
    ranges.sort()
    existing = [int(n) for n in _PLACEHOLDER.findall(sentence)]
    offset = max(existing) + 1 if existing else 0
    parts: list[str] = []
    spans: list[str] = []
    last = 0
    for start, end in ranges:
        parts.append(sentence[last:start])
        parts.append(f"[{offset + len(spans)}]")
        spans.append(sentence[start:end])
        last = end
    parts.append(sentence[last:])
    return Protected("".join(parts), tuple(spans), offset)


def _overlaps(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in ranges)
