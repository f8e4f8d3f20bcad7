"""Split text into bounded chunks that the checkers can handle quickly, keeping offsets into the original.

The rule engines grow worse than linearly with sentence length and Harper slows down on very long tokens, so
text is cut into paragraphs, paragraphs into sentences, over-long sentences at whitespace, and tokens longer
than :data:`MAX_TOKEN_CHARS` are left out of checking altogether (no real word is that long; they are URLs,
hashes or keyboard noise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Tokens longer than this are never sent to a checker.
MAX_TOKEN_CHARS = 64
#: A chunk sent to a checker holds at most this many characters (cut at whitespace where possible).
MAX_CHUNK_CHARS = 600

_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(¿¡]*[A-ZÀ-ÖØ-Þ0-9])")
_LONG_TOKEN = re.compile(r"\S{" + str(MAX_TOKEN_CHARS + 1) + ",}")


@dataclass(frozen=True)
class Chunk:
    """A piece of the original text: ``text == original[start:start + len(text)]``."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the chunk in the original text."""
        return self.start + len(self.text)


def _split_spans(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for match in pattern.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most MAX_CHUNK_CHARS, preferring whitespace boundaries."""
    pieces: list[tuple[int, int]] = []
    pos = start
    while end - pos > MAX_CHUNK_CHARS:
        limit = pos + MAX_CHUNK_CHARS
        cut = max(text.rfind(",", pos, limit) + 1, text.rfind(" ", pos, limit))
        if cut <= pos + MAX_CHUNK_CHARS // 4:
            cut = limit
        pieces.append((pos, cut))
        pos = cut
    if pos < end:
        pieces.append((pos, end))
    return pieces


def split_chunks(text: str) -> list[Chunk]:
    """Split ``text`` into chunks for checking; whitespace-only pieces and over-long tokens are dropped.

    Args:
        text: the (already NFC-normalised) text.

    Returns:
        Chunks in order; each one's ``start`` indexes ``text``.
    """
    chunks: list[Chunk] = []
    for p_start, p_end in _split_spans(text, 0, len(text), _PARAGRAPH):
        for l_start, l_end in _split_spans(text, p_start, p_end, re.compile(r"\n")):
            for s_start, s_end in _split_spans(text, l_start, l_end, _SENTENCE_END):
                for t_start, t_end in _split_spans(text, s_start, s_end, _LONG_TOKEN):
                    for c_start, c_end in _cut_long(text, t_start, t_end):
                        piece = text[c_start:c_end]
                        if piece.strip():
                            chunks.append(Chunk(c_start, piece))
    return chunks
