"""Documents: structure kept on the way back (txt blank lines, SRT timings, docx paragraphs/runs/styles)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from engine.cancel import CancelToken, ProgressCallback
from engine.documents import (
    MAX_BYTES,
    DocumentError,
    OutputExistsError,
    keep_both_path,
    load_document,
    output_path,
    run_document,
    translate_document,
)
from engine.errors import Cancelled, EncodingError


def shout(
    texts: Sequence[str], on_progress: ProgressCallback | None, cancel: CancelToken | None
) -> list[str]:
    """A deterministic stand-in translator: upper-case, marked."""
    return [f"<{t.upper()}>" for t in texts]


SRT = (
    "1\r\n00:00:01,000 --> 00:00:03,500\r\nHello there.\r\nHow are you?\r\n\r\n"
    "2\r\n00:00:04,000 --> 00:00:06,250\r\nFine, thanks.\r\n\r\n"
    "3\r\n00:01:00,000 --> 00:01:02,000\r\n<i>Bye.</i>\r\n"
)


def test_srt_keeps_numbers_and_timings(tmp_path: Path) -> None:
    src = tmp_path / "talk.en.srt"
    src.write_bytes(SRT.encode("utf-8"))
    doc = load_document(src)
    assert doc.kind == "srt"
    assert doc.segments == ("Hello there.\nHow are you?", "Fine, thanks.", "Bye.")
    out = run_document(doc, shout, output_path(src, "pt"))
    assert out == tmp_path / "talk.pt.srt"
    got = out.read_bytes().decode("utf-8")
    src_lines, out_lines = SRT.split("\r\n"), got.split("\r\n")
    assert [x for x in src_lines if "-->" in x] == [x for x in out_lines if "-->" in x]
    assert "<HELLO THERE.>\r\n<HOW ARE YOU?>" in got
    assert out_lines[0] == "1" and "2" in out_lines and "3" in out_lines
    assert "<i><BYE.></i>" in out_lines  # the tag around the line is put back around its translation


VTT = (
    "WEBVTT\n\nNOTE made by hand\n\nintro\n00:00:01.000 --> 00:00:02.500 align:start position:10%\n"
    "<i>Hello there.</i>\n<b>How are you?</b>\n\n00:00:04.000 --> 00:00:06.250\n<v Ana>Fine, thanks.\n"
)


def test_vtt_keeps_header_identifiers_settings_and_tags(tmp_path: Path) -> None:
    src = tmp_path / "talk.vtt"
    src.write_text(VTT)
    doc = load_document(src)
    assert doc.kind == "vtt" and doc.segments == (
        "Hello there.\nHow are you?",
        "Fine, thanks.",
    )  # tags are marks
    out = run_document(doc, shout, output_path(src, "pt"))
    got = out.read_text().split("\n")
    assert got[:6] == VTT.split("\n")[:6]  # header, note, identifier, timing with its settings
    assert got[6:8] == ["<i><HELLO THERE.></i>", "<b><HOW ARE YOU?></b>"]
    assert "<v Ana><FINE, THANKS.>" in got  # the voice tag (never closed) opens the translation
    assert [x for x in got if "-->" in x] == [x for x in VTT.split("\n") if "-->" in x]
    bad = tmp_path / "bad.vtt"
    bad.write_text("00:00:01.000 --> 00:00:02.000\nHi\n")
    with pytest.raises(DocumentError, match="WebVTT"):
        load_document(bad)


def test_txt_keeps_blank_lines_and_bom(tmp_path: Path) -> None:
    text = "\n  Title\n\n\nFirst para line one.\nline two.\n\nLast.\n"
    src = tmp_path / "notes.txt"
    src.write_bytes(b"\xef\xbb\xbf" + text.encode())
    doc = load_document(src)
    assert doc.segments == ("Title", "First para line one.\nline two.", "Last.")
    out = run_document(doc, shout, output_path(src, "pt"))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode() == "\n  <TITLE>\n\n\n<FIRST PARA LINE ONE.>\n<LINE TWO.>\n\n<LAST.>\n"


def make_docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("A heading", level=1)
    p = d.add_paragraph("Plain start, ")
    p.add_run("bold middle").bold = True
    p.add_run(" and end.")
    d.add_paragraph("")
    d.add_paragraph("A quote.", style="Quote")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "Cell two"
    d.sections[0].footer.paragraphs[0].text = "Footer text"
    d.save(str(path))


def test_docx_keeps_paragraphs_runs_and_styles(tmp_path: Path) -> None:
    src = tmp_path / "letter.docx"
    make_docx(src)
    doc = load_document(src)
    assert doc.segments == (
        "A heading",
        "Plain start, bold middle and end.",
        "A quote.",
        "Cell one",
        "Cell two",
        "Footer text",
    )
    out = run_document(doc, shout, output_path(src, "pt"))
    before, after = docx.Document(str(src)), docx.Document(str(out))
    assert len(before.paragraphs) == len(after.paragraphs)
    assert [p.style.name for p in before.paragraphs] == [p.style.name for p in after.paragraphs]
    assert [len(p.runs) for p in before.paragraphs] == [len(p.runs) for p in after.paragraphs]
    assert after.paragraphs[0].text == "<A HEADING>"
    assert after.paragraphs[1].text == "<PLAIN START, BOLD MIDDLE AND END.>"
    assert after.paragraphs[1].runs[1].bold  # run formatting kept on the (now empty) run
    assert after.tables[0].cell(0, 1).text == "<CELL TWO>"
    assert after.sections[0].footer.paragraphs[0].text == "<FOOTER TEXT>"


def test_cancel_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("\n\n".join(f"Paragraph {i}. " * 30 for i in range(40)))
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done > 0:
            token.cancel()

    out = tmp_path / "a.pt.txt"
    with pytest.raises(Cancelled):
        run_document(load_document(src), shout, out, on_progress=progress, cancel=token)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]
    assert len(seen) == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("table.csv", b"a,b\n", "translates .txt, .srt, .vtt, .docx"),
        ("broken.docx", b"PK\x03\x04 definitely not a zip", "not a valid Word document"),
        ("empty.srt", b"just words, no cues\n", "no subtitle timings"),
    ],
)
def test_bad_files_say_why(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert message in err.value.user_message


def test_corrupted_docx_zip(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<broken")
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert "not a valid Word document" in err.value.user_message


def test_too_large_missing_and_not_utf8(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES * 2)
    (tmp_path / "dir.txt").mkdir()
    for path, message in [
        (big, "is 21.0 MB; Palavra translates documents up to 10 MB"),
        (tmp_path / "nope.srt", "does not exist"),
        (tmp_path / "dir.txt", "is a folder"),
    ]:
        with pytest.raises(DocumentError) as err:
            load_document(path)
        assert message in err.value.user_message
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Olá, coração".encode("latin-1"))
    with pytest.raises(EncodingError):
        load_document(latin)


def test_output_path() -> None:
    assert output_path(Path("/x/talk.srt"), "pt") == Path("/x/talk.pt.srt")
    assert output_path(Path("/x/talk.en.srt"), "pt") == Path("/x/talk.pt.srt")
    assert output_path(Path("/x/carta.pt.docx"), "en") == Path("/x/carta.en.docx")
    # a language suffix equal to the target is never stripped into the source's own name
    assert output_path(Path("/x/guide.pt.txt"), "pt") == Path("/x/guide.pt.pt.txt")
    assert output_path(Path("/x/notes.pt.srt"), "en") == Path("/x/notes.en.srt")
    assert output_path(Path("/x/notes.pt-BR.srt"), "en") == Path("/x/notes.en.srt")
    assert output_path(Path("/x/scan.pdf"), "pt", suffix=".docx") == Path("/x/scan.pt.docx")
    for name in ("a.txt", "a.en.txt", "a.pt.txt", "pt.txt", ".pt.txt", "a.b.pt.srt"):
        for target in ("en", "pt"):
            assert output_path(Path("/x") / name, target) != Path("/x") / name


def test_existing_output_is_kept_unless_overwrite(tmp_path: Path) -> None:
    src = tmp_path / "medical.srt"
    src.write_bytes(SRT.encode("utf-8"))
    before = src.read_bytes()
    out = output_path(src, "pt")
    out.write_bytes(b"corrected by hand")
    doc = load_document(src)
    with pytest.raises(OutputExistsError) as err:
        run_document(doc, shout, out)
    assert "exists already" in err.value.user_message
    assert out.read_bytes() == b"corrected by hand"
    both = keep_both_path(out)
    assert both == tmp_path / "medical.pt (2).srt"
    assert run_document(doc, shout, both) == both
    assert out.read_bytes() == b"corrected by hand"
    assert keep_both_path(out) == tmp_path / "medical.pt (3).srt"
    run_document(doc, shout, out, overwrite=True)
    assert b"HELLO THERE" in out.read_bytes()
    assert src.read_bytes() == before  # the source is byte-identical afterwards
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "medical.pt (2).srt",
        "medical.pt.srt",
        "medical.srt",
    ]


def test_never_written_over_the_source(tmp_path: Path) -> None:
    src = tmp_path / "guide.pt.txt"
    src.write_text("Hello.\n")
    doc = load_document(src)
    with pytest.raises(DocumentError) as err:
        run_document(doc, shout, src, overwrite=True)
    assert "over the original" in err.value.user_message
    assert src.read_text() == "Hello.\n"
    out = run_document(doc, shout, output_path(src, "pt"))
    assert out.name == "guide.pt.pt.txt" and src.read_text() == "Hello.\n"


def test_generator_is_lazy_and_counts_sentences(tmp_path: Path) -> None:
    src = tmp_path / "lines.txt"
    src.write_text("".join(f"Sentence number {i}.\n" for i in range(200)))  # one paragraph, 200 sentences
    calls: list[int] = []

    def counting(texts: Sequence[str], p: ProgressCallback | None, c: CancelToken | None) -> list[str]:
        calls.append(len(texts))
        return list(texts)

    out = tmp_path / "lines.pt.txt"
    steps = translate_document(load_document(src), counting, out)
    assert calls == [] and not out.exists()  # nothing happens until it is iterated
    items = list(steps)
    assert items[0].done == 0 and items[0].total == 200
    assert [s.done for s in items[1:-1]] == sorted({s.done for s in items[1:-1]})
    assert len(items) > 3  # progress moves within the one paragraph
    assert items[-1].output == out and items[-1].done == 200
    assert out.read_text() == src.read_text()
