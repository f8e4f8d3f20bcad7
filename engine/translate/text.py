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
#: Longest stretch without clause punctuation decoded at once (see :func:`_limit`).
RUNON_CHARS = 200
_CLAUSE = re.compile(r"[,;:.!?…]")
#: A space before a capitalised word after a lower-case one ("... sleeps We eat"): a likely sentence start.
_SENTENCE_START = re.compile(r"(?<=[a-zà-ÿ]) (?=(?!I\b)[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")


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
            pieces.extend(_limit_pieces(body[start : m.end(1)]))
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
    """Cut an over-long sentence into chunks the model handles well.

    A sentence with clause punctuation is cut at ``; : , -`` past :data:`MAX_SEGMENT_CHARS`; a run-on stretch
    (sentences joined without punctuation, a stretch over :data:`RUNON_CHARS`) is cut before a capitalised word
    that follows a lower-case one (where a sentence most likely began), or else at a space, every
    :data:`RUNON_CHARS` characters: a long unpunctuated input makes the model drop or repeat sentences.
    """
    runon = max((len(s) for s in _CLAUSE.split(sentence)), default=0) > RUNON_CHARS
    limit = RUNON_CHARS if runon else MAX_SEGMENT_CHARS
    if len(sentence) <= limit:
        return [sentence]
    chunks: list[str] = []
    rest = sentence
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(p) for p in (";", ":", ",", " - "))
        if cut < limit // 3 and runon:
            starts = [m.start() for m in _SENTENCE_START.finditer(window) if m.start() >= limit // 3]
            cut = starts[-1] if starts else -1
        if cut < limit // 3:
            cut = window.rfind(" ")
        if cut < limit // 3:
            cut = limit - 1
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


#: Characters the vocabulary has but the model rewrites ("R&D" -> "R e D"): a word holding one is kept whole.
_REWRITTEN = frozenset("&")
#: Tokens of punctuation alone that the model handles as punctuation (dashes between clauses, ellipses).
_PLAIN_PUNCTUATION = frozenset({"-", "–", "—", "...", "…"})
#: Punctuation that stays outside a protected token (the sentence's own, translated around the token).
_TOKEN_EDGE = ".,;:!?\"'()“”‘’«»"


def protect(sentence: str, is_unknown: Callable[[str], bool]) -> Protected:
    """Replace URLs, e-mail addresses and what the vocabulary cannot write with placeholders.

    A run of characters outside the vocabulary (emoji, ``€``, ``±``...) becomes one placeholder; a word holding an
    ASCII character the vocabulary lacks (``~5``, ``C:\\Users\\ana``, ``{placeholder}``, ``#tag``, `` `ls` ``) is
    protected whole, without the sentence punctuation around it, so a path or a code keeps every character.
    """
    ranges: list[tuple[int, int]] = [m.span() for m in _URL.finditer(sentence)]
    ranges += [m.span() for m in _EMAIL.finditer(sentence) if not _overlaps(m.span(), ranges)]
    for m in re.finditer(r"\S+", sentence):
        word = m.group(0)
        alone = not any(c.isalnum() for c in word) and word not in _PLAIN_PUNCTUATION
        if not alone and not any(c in _REWRITTEN or (ord(c) < 128 and is_unknown(c)) for c in word):
            continue
        start, end = m.start(), m.end()
        if alone:  # a symbol on its own ("x < 5", "a ; b"): kept exactly, punctuation and all
            if not _overlaps((start, end), ranges):
                ranges.append((start, end))
            continue
        while start < end and sentence[start] in _TOKEN_EDGE:
            start += 1
        while end > start and sentence[end - 1] in _TOKEN_EDGE:
            end -= 1
        if start < end and not _overlaps((start, end), ranges):
            ranges.append((start, end))
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


#: At most this many words make a phrase that is translated with a full stop added (see :func:`open_phrase`).
OPEN_PHRASE_WORDS = 3


def open_phrase(sentence: str) -> bool:
    """Whether ``sentence`` is a short phrase (at most :data:`OPEN_PHRASE_WORDS` words) that ends in a letter or
    a digit, with no closing punctuation ("Hello", "Good morning", "Where is it")."""
    stripped = sentence.strip()
    return bool(stripped) and stripped[-1].isalnum() and len(stripped.split()) <= OPEN_PHRASE_WORDS
