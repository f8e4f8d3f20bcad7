"""Issue 17's "Hello" document: the doubled "Olá, Olá" came from decoding, not from the document path.

Segmentation gives one sentence, "Hello", exactly as typed (first test). The doubling was the model's own greedy
choice: after "Olá" its most likely token is "," (p = 0.89, EOS p = 0.03). Fixed in engine/translate (a short phrase
without a final stop is translated as a sentence and the stop taken off again); the second test keeps it fixed
through the document path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.documents import load_document, output_path, run_document
from engine.translate import text as textmod


def test_a_bare_word_is_one_sentence_as_typed(tmp_path: Path) -> None:
    src = tmp_path / "hello.txt"
    src.write_text("Hello\n")
    doc = load_document(src)
    assert doc.segments == ("Hello",)
    assert [p for p in textmod.split("Hello") if p.translate] == [textmod.Piece("Hello", True)]
    sent: list[str] = []

    def record(texts, _p, _c):  # type: ignore[no-untyped-def]
        sent.extend(texts)
        return ["Olá" for _ in texts]

    out = run_document(doc, record, output_path(src, "pt"))
    assert sent == ["Hello"] and out.read_text() == "Olá\n"  # the document path adds nothing


@pytest.mark.model
def test_bare_hello_document_is_not_doubled(translation_models: Path, tmp_path: Path) -> None:
    from engine.api import Engine

    eng = Engine()
    src = tmp_path / "hello.txt"
    src.write_text("Hello\n")

    def translate(texts, _p, cancel):  # type: ignore[no-untyped-def]
        return [x.text for x in eng.translate(texts, "en", "pt", cancel=cancel)]

    assert run_document(load_document(src), translate, output_path(src, "pt")).read_text() == "Olá\n"
