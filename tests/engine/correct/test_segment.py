"""Chunking of long text: offsets and bounds, no models."""

from __future__ import annotations

from engine.correct.segment import MAX_CHUNK_CHARS, MAX_TOKEN_CHARS, split_chunks


def test_chunks_index_the_original_text() -> None:
    text = "First sentence here. Second one! Third?\n\nA new paragraph.\nAnother line"
    chunks = split_chunks(text)
    assert [c.text for c in chunks] == [
        "First sentence here.",
        "Second one!",
        "Third?",
        "A new paragraph.",
        "Another line",
    ]
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text


def test_long_tokens_are_left_out_and_long_sentences_cut() -> None:
    token = "x" * 50_000
    text = f"I has {token} a cat. " + "word " * 1000
    chunks = split_chunks(text)
    assert all(len(c.text) <= MAX_CHUNK_CHARS for c in chunks)
    assert all(token[: MAX_TOKEN_CHARS + 1] not in c.text for c in chunks)
    assert chunks[0].text.strip() == "I has"
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text


def test_empty_and_whitespace_give_no_chunks() -> None:
    assert split_chunks("") == []
    assert split_chunks(" \n\t \n") == []
