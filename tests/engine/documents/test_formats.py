"""Every format round-trips: each paragraph, cell, list item, unit translated; tags, attributes, link targets,
code and container members as they were; the source byte-identical; an existing output kept."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from lxml import etree

from engine.cancel import CancelToken, ProgressCallback
from engine.documents import DocumentError, OutputExistsError, load_document, output_path, run_document
from tests.engine.documents import builders


def upper(
    texts: Sequence[str], on_progress: ProgressCallback | None, cancel: CancelToken | None
) -> list[str]:
    """A stand-in translator that keeps every word in place (formatting is then placed by position)."""
    return [t.upper() for t in texts]


def translate(src: Path) -> Path:
    before = src.read_bytes()
    out = run_document(load_document(src), upper, output_path(src, "pt"))
    assert src.read_bytes() == before  # the source is never written
    with pytest.raises(OutputExistsError):  # an existing output is kept
        run_document(load_document(src), upper, out)
    return out


HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The guide</title>
<style>p { color: red; }</style><script>var s = "do not translate";</script></head>
<body><h1>Welcome to the <em>new</em> guide</h1>
<p>Read the <a href="https://example.org/a?x=1&amp;y=2" class="ext">manual</a> and take the <b>red pill</b>.<br>
Then rest.</p>
<ul><li>First item</li><li>Wash your <i>hands</i>.</li></ul>
<p>Run <code>ls -la</code> in a terminal.</p>
<pre>keep   this</pre>
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
</body></html>
"""


def test_html_keeps_tags_links_and_untranslated_elements(tmp_path: Path) -> None:
    src = tmp_path / "page.html"
    src.write_text(HTML, encoding="utf-8")
    doc = load_document(src)
    assert doc.kind == "html"
    assert "Read the manual and take the red pill.\nThen rest." in doc.segments
    assert not any("do not translate" in s or "keep" in s or "color" in s for s in doc.segments)
    got = translate(src).read_text(encoding="utf-8")
    assert got.startswith("<!DOCTYPE html>")
    assert '<a href="https://example.org/a?x=1&amp;y=2" class="ext">MANUAL</a>' in got
    assert "<b>RED PILL</b>" in got and "<em>NEW</em>" in got and "<i>HANDS</i>" in got
    assert "<code>ls -la</code>" in got and "<pre>keep   this</pre>" in got
    assert 'var s = "do not translate";' in got and "p { color: red; }" in got
    assert "<title>THE GUIDE</title>" in got and "<td>CELL ONE</td><td>CELL TWO</td>" in got
    assert got.count("<li>") == 2 and "<br>" in got


MD = """---
title: Guide
---
# Welcome to the **new** guide #

Read the [manual](https://example.org/m "Manual") before you take
the *red pill*. Run `ls -la` first.

- Wash your __hands__ often.
1. Call your doctor.

> A quote with _emphasis_ here.

| Name | Colour |
|------|--------|
| The cat | black |

```python
print("do not translate")
```

![A picture](pic.png)
[ref]: https://example.org/ref
"""


def test_markdown_keeps_block_syntax_links_and_code(tmp_path: Path) -> None:
    src = tmp_path / "guide.md"
    src.write_text(MD, encoding="utf-8")
    doc = load_document(src)
    assert doc.segments[:2] == (
        "Welcome to the new guide",
        "Read the manual before you take the red pill. Run \ue000 first.",
    )
    got = translate(src).read_text(encoding="utf-8").split("\n")
    assert got[:3] == ["---", "title: Guide", "---"]
    assert got[3] == "# WELCOME TO THE **NEW** GUIDE #"
    assert (
        got[5]
        == 'READ THE [MANUAL](https://example.org/m "Manual") BEFORE YOU TAKE THE *RED PILL*. RUN `ls -la` FIRST.'
    )
    assert "- WASH YOUR __HANDS__ OFTEN." in got and "1. CALL YOUR DOCTOR." in got
    assert "> A QUOTE WITH _EMPHASIS_ HERE." in got
    assert "| NAME | COLOUR |" in got and "|------|--------|" in got and "| THE CAT | BLACK |" in got
    assert 'print("do not translate")' in got and "![A picture](pic.png)" in got
    assert "[ref]: https://example.org/ref" in got


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def test_odt_paragraphs_spans_links_tables_and_header(tmp_path: Path) -> None:
    src = builders.odt(tmp_path / "guide.odt")
    doc = load_document(src)
    assert doc.kind == "odt" and "Page header." in doc.segments and "Thank you." in doc.segments
    out = translate(src)
    with zipfile.ZipFile(out) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    members = _members(out)
    assert members["META-INF/manifest.xml"] == _members(src)["META-INF/manifest.xml"]
    content = members["content.xml"].decode()
    assert '<text:span text:style-name="Bold">BLACK CAT</text:span>' in content
    assert '<text:a xlink:type="simple" xlink:href="https://example.org/guide">GUIDE</text:a>' in content
    assert "<text:s/>" in content and "GOOD MORNING." in content and "WASH YOUR HANDS." in content
    assert "PAGE HEADER." in members["styles.xml"].decode()


def test_pptx_runs_line_breaks_links_fields_and_notes(tmp_path: Path) -> None:
    src = builders.pptx(tmp_path / "talk.pptx")
    doc = load_document(src)
    assert doc.segments == ("The new guide", "Buy a red car today.\nRead the guide.", "Speak slowly.")
    members = _members(translate(src))
    slide = members["ppt/slides/slide1.xml"].decode()
    assert '<a:pPr lvl="1"/><a:r><a:rPr lang="en-US"/><a:t>BUY A </a:t></a:r>' in slide
    assert '<a:rPr lang="en-US" b="1"/><a:t>RED CAR</a:t>' in slide
    assert '<a:hlinkClick r:id="rId2"/></a:rPr><a:t>READ THE GUIDE.</a:t>' in slide
    assert '<a:br><a:rPr lang="en-US"/></a:br>' in slide and '<a:endParaRPr lang="en-US"/></a:p>' in slide
    assert '<a:fld id="{1}" type="slidenum"><a:t>1</a:t></a:fld>' in slide  # a field is not text to translate
    assert "SPEAK SLOWLY." in members["ppt/notesSlides/notesSlide1.xml"].decode()
    assert members["ppt/presentation.xml"] == _members(src)["ppt/presentation.xml"]


def test_epub_chapters_translated_rest_copied(tmp_path: Path) -> None:
    src = builders.epub(tmp_path / "book.epub")
    out = translate(src)
    members, before = _members(out), _members(src)
    assert list(members) == list(before)
    for name in ("OEBPS/content.opf", "OEBPS/style.css", "META-INF/container.xml", "mimetype"):
        assert members[name] == before[name]
    chapter = members["OEBPS/text/ch1.xhtml"].decode()
    assert "<!DOCTYPE html>" in chapter and "<h1>CHAPTER ONE</h1>" in chapter
    assert "<em>BLACK CAT</em>" in chapter and '<a href="ch2.xhtml">SOFA</a>' in chapter
    assert "<code>ls</code>" in chapter
    etree.fromstring(members["OEBPS/text/ch1.xhtml"])  # still well-formed XHTML


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_xliff_targets_written_sources_untouched(tmp_path: Path, version: str) -> None:
    src = tmp_path / "page.xliff"
    src.write_text(builders.XLIFF12 if version == "1.2" else builders.XLIFF20, encoding="utf-8")
    out = translate(src)
    root = etree.parse(str(out)).getroot()
    ns = {"x": root.nsmap[None]}
    sources = [etree.tostring(s, with_tail=False).decode() for s in root.iterfind(".//x:source", ns)]
    before = etree.parse(str(src)).getroot()
    assert sources == [
        etree.tostring(s, with_tail=False).decode() for s in before.iterfind(".//x:source", ns)
    ]
    targets = ["".join(t.itertext()) for t in root.iterfind(".//x:target", ns)]
    codes = [etree.tostring(t, with_tail=False).decode() for t in root.iterfind(".//x:target", ns)]
    if version == "1.2":
        assert targets == [
            "GOOD MORNING.",
            "BUY A RED CAR TODAY.",
        ]  # "old" replaced; translate="no" left alone
        assert '<g id="b1" ctype="bold">RED CAR</g>' in codes[1] and '<x id="br1" ctype="lb"/>' in codes[1]
        assert all(t.get("state") == "needs-review-translation" for t in root.iterfind(".//x:target", ns))
    else:
        assert targets == ["THANK YOU FOR THE BLACK CAT."]
        assert '<pc id="1">BLACK CAT</pc>' in codes[0] and '<ph id="2"/>' in codes[0]
        assert root.find(".//x:segment", ns).get("state") == "translated"


def test_pdf_text_written_as_docx(tmp_path: Path) -> None:
    src = builders.pdf(
        tmp_path / "notes.pdf",
        [["Good morning. This is the first line of a", "paragraph that goes on."], ["The second page."]],
    )
    doc = load_document(src)
    assert doc.segments == (
        "Good morning. This is the first line of a paragraph that goes on.",
        "The second page.",
    )
    out = translate(src)
    assert out == tmp_path / "notes.pt.docx"
    paras = docx.Document(str(out)).paragraphs
    assert [p.text for p in paras] == [doc.segments[0].upper(), doc.segments[1].upper()]
    assert 'w:type="page"' in paras[0]._p.xml  # a page break between the pages
    scanned = builders.pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError, match="no text"):
        load_document(scanned)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.odt", b"not a zip", "not a valid OpenDocument"),
        ("bad.pptx", b"PK\x03\x04 broken", "not a valid PowerPoint"),
        ("bad.epub", b"", "not a valid EPUB"),
        ("bad.xliff", b"<xliff><unclosed", "not an XLIFF"),
        ("bad.pdf", b"%PDF-1.4 garbage", "PDF"),
        ("bad.html", b"\x00\x01\x02binary", "not a web page"),
    ],
)
def test_damaged_files_say_what_is_wrong(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert message in info.value.user_message and name in info.value.user_message
