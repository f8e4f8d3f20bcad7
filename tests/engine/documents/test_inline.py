"""Inline formatting carried onto the translated words: the projection itself, and real documents through the
real model's alignment (bold, italic, hyperlinks in Word; tags inside subtitle lines)."""

from __future__ import annotations

import itertools
from pathlib import Path

import docx
import numpy as np
import pytest

from engine.documents import load_document, output_path, run_document
from engine.documents.align import Alignment
from engine.documents.inline import Marked, Span, nest, partition, project


def test_partition_runs_and_nest_round_trip() -> None:
    text, spans = partition([("The ", 0), ("black ", 1), ("cat", 1), (" sleeps.", 0)])
    assert text == "The black cat sleeps." and spans == (Span(0, 4, 0), Span(4, 13, 1), Span(13, 21, 0))
    assert Marked(text, spans).runs() == [("The ", 0), ("black cat", 1), (" sleeps.", 0)]
    opens, closes = ["<i>", "<b>"], ["</i>", "</b>"]
    assert nest([("a ", (0,)), ("b", (0, 1)), (" c", ())], opens, closes) == "<i>a <b>b</b></i> c"


def test_projection_follows_the_alignment_not_the_position() -> None:
    source, target = "The black cat sleeps.", "O gato preto dorme."
    spans = (Span(0, 4, 0), Span(4, 9, 1), Span(9, 21, 0))  # only "black" is bold
    src_tokens = ((0, 3), (4, 9), (10, 13), (14, 20), (20, 21))
    tgt_tokens = ((0, 1), (2, 6), (7, 12), (13, 18), (18, 19))
    w = np.zeros((5, 5), dtype=np.float32)
    for t, s in enumerate([0, 2, 1, 3, 4]):  # gato <- cat, preto <- black
        w[t, s] = 0.9
    got = project(source, spans, target, Alignment(src_tokens, tgt_tokens, w))
    assert [target[s.start : s.end] for s in got if s.mark == 1] == ["preto"]
    # a mark no word attends to most still lands on the word attending to it most (a link is never lost)
    w2 = np.full((5, 5), 0.1, dtype=np.float32)
    w2[:, 0] = 0.5
    w2[2, 1] = 0.3
    got = project(source, spans, target, Alignment(src_tokens, tgt_tokens, w2))
    assert [target[s.start : s.end] for s in got if s.mark == 1] == ["preto"]
    # the spans cover the translation, in order, without overlap
    assert got[0].start == 0 and got[-1].end == len(target)
    assert all(a.end <= b.start for a, b in itertools.pairwise(got))


def test_article_before_a_formatted_noun_stays_plain() -> None:
    source, target = "He is in bed.", "Ele está na cama."
    spans = (Span(0, 9, 0), Span(9, 12, 1), Span(12, 13, 0))
    src_tokens = ((0, 2), (3, 5), (6, 8), (9, 12), (12, 13))
    tgt_tokens = ((0, 3), (4, 8), (9, 11), (12, 16), (16, 17))
    w = np.zeros((5, 5), dtype=np.float32)
    for t, s, v in [(0, 0, 0.9), (1, 1, 0.9), (2, 3, 0.8), (3, 3, 0.9), (4, 4, 0.9)]:
        w[t, s] = v  # "na" looks ahead at "bed", as the model's attention does
    got = project(source, spans, target, Alignment(src_tokens, tgt_tokens, w))
    assert [target[s.start : s.end] for s in got if s.mark == 1] == ["cama"]


@pytest.mark.model
def test_docx_bold_italic_and_link_land_on_their_words(translation_models: Path, tmp_path: Path) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from engine.api import Engine

    d = docx.Document()
    p = d.add_paragraph("The ")
    p.add_run("black cat").bold = True
    p.add_run(" sleeps on the ")
    p.add_run("red sofa").italic = True
    p.add_run(". Read the ")
    rid = p.part.relate_to("https://example.org/guide", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "guide"
    run.append(t)
    link.append(run)
    p._p.append(link)
    p.add_run(" today.")
    src = tmp_path / "cat.docx"
    d.save(str(src))
    before = src.read_bytes()
    eng = Engine()
    doc = eng.load_document(src)

    def translate(texts, _p, cancel):  # type: ignore[no-untyped-def]
        return [x.text for x in eng.translate(texts, "en", "pt", cancel=cancel)]

    out = run_document(doc, translate, output_path(src, "pt"), align=eng.document_aligner("en", "pt"))
    assert src.read_bytes() == before
    para = docx.Document(str(out)).paragraphs[0]
    bold = " ".join(r.text for r in para.runs if r.bold).lower()
    italic = " ".join(r.text for r in para.runs if r.italic).lower()
    assert "gato" in bold and "preto" in bold and "dorme" not in bold
    assert "sofá" in italic and "gato" not in italic
    links = para.hyperlinks
    assert len(links) == 1 and links[0].address == "https://example.org/guide"
    assert "guia" in links[0].text.lower() and "hoje" not in links[0].text.lower()


@pytest.mark.model
def test_srt_tags_inside_a_line_follow_the_words(translation_models: Path, tmp_path: Path) -> None:
    from engine.api import Engine

    src = tmp_path / "talk.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:03,000\nI bought a <i>red</i> car yesterday.\n")
    eng = Engine()
    doc = load_document(src)
    assert doc.segments == ("I bought a red car yesterday.",)

    def translate(texts, _p, cancel):  # type: ignore[no-untyped-def]
        return [x.text for x in eng.translate(texts, "en", "pt", cancel=cancel)]

    out = run_document(doc, translate, output_path(src, "pt"), align=eng.document_aligner("en", "pt"))
    lines = out.read_text().split("\n")
    assert lines[:2] == ["1", "00:00:01,000 --> 00:00:03,000"]
    assert "<i>vermelho</i>" in lines[2], lines[2]


@pytest.mark.model
def test_html_and_markdown_emphasis_on_the_translated_words(translation_models: Path, tmp_path: Path) -> None:
    from engine.api import Engine

    eng = Engine()

    def translate(texts, _p, cancel):  # type: ignore[no-untyped-def]
        return [x.text for x in eng.translate(texts, "en", "pt", cancel=cancel)]

    page = tmp_path / "page.html"
    page.write_text('<p>Wash your <b>hands</b> and call the <a href="/doctor">doctor</a>.</p>')
    html = run_document(
        load_document(page), translate, output_path(page, "pt"), align=eng.document_aligner("en", "pt")
    )
    got = html.read_text()
    assert "<b>mãos</b>" in got and '<a href="/doctor">médico</a>' in got, got
    md = tmp_path / "note.md"
    md.write_text("I bought a **red** car and a [new book](https://example.org/book).\n")
    out = run_document(
        load_document(md), translate, output_path(md, "pt"), align=eng.document_aligner("en", "pt")
    )
    got = out.read_text()
    assert "**vermelho**" in got and "(https://example.org/book)" in got and "[novo livro]" in got, got


@pytest.mark.model
def test_aligner_on_two_threads_gives_the_same_alignment(translation_models: Path) -> None:
    """The formatted sentences of a document are force-decoded in batches on the engine's threads; the alignment is
    the one a single thread computes (and every pair gets its own, in order)."""
    from engine.api import Engine
    from engine.documents.align import Aligner

    eng = Engine()
    sources = [
        "The black cat sleeps on the red sofa.",
        "Read the guide today.",
        "Wash your hands often with soap and water for at least twenty seconds.",
        "Yes.",
    ] * 20
    targets = [t.text for t in eng.translate(sources, "en", "pt")]
    loaded = eng.translation.model("en", "pt", None)
    one = Aligner(loaded, threads=1)(list(zip(sources, targets, strict=True)))
    two = Aligner(loaded, threads=2)(list(zip(sources, targets, strict=True)))
    assert len(two) == len(sources)
    for a, b, t in zip(one, two, targets, strict=True):
        assert a.target == b.target and a.source == b.source
        assert b.weights.shape == (len(b.target), len(b.source)) and len(b.target) > 0, t
        np.testing.assert_allclose(a.weights, b.weights, atol=1e-4)
