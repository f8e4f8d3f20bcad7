"""Small documents of every format, built by the tests (no binary fixtures in the repository)."""

from __future__ import annotations

import zipfile
from pathlib import Path

ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">
<office:body><office:text>
<text:h text:outline-level="1">The new guide</text:h>
<text:p text:style-name="P1">The <text:span text:style-name="Bold">black cat</text:span> sleeps.<text:s/>Read the <text:a xlink:type="simple" xlink:href="https://example.org/guide">guide</text:a> today.</text:p>
<table:table><table:table-row><table:table-cell><text:p>Good morning.</text:p></table:table-cell><table:table-cell><text:p>Thank you.</text:p></table:table-cell></table:table-row></table:table>
<text:list><text:list-item><text:p>Wash your hands.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>
"""
ODT_STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Page header.</text:p></style:header>
</style:master-page></office:master-styles></office:document-styles>
"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def odt(path: Path) -> Path:
    """An OpenDocument text with a heading, a span, a link, a table, a list and a header."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", ODT_CONTENT, zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", ODT_STYLES, zipfile.ZIP_DEFLATED)
    return path


_P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
SLIDE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld {_P}><p:cSld><p:spTree>
<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US"/><a:t>The new guide</a:t></a:r></a:p></p:txBody></p:sp>
<p:sp><p:txBody><a:bodyPr/><a:p><a:pPr lvl="1"/><a:r><a:rPr lang="en-US"/><a:t>Buy a </a:t></a:r><a:r><a:rPr lang="en-US" b="1"/><a:t>red car</a:t></a:r><a:r><a:rPr lang="en-US"/><a:t> today.</a:t></a:r><a:br><a:rPr lang="en-US"/></a:br><a:r><a:rPr lang="en-US"><a:hlinkClick r:id="rId2"/></a:rPr><a:t>Read the guide.</a:t></a:r><a:endParaRPr lang="en-US"/></a:p>
<a:p><a:fld id="{{1}}" type="slidenum"><a:t>1</a:t></a:fld></a:p></p:txBody></p:sp>
</p:spTree></p:cSld></p:sld>
"""
NOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:notes {_P}><p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US"/><a:t>Speak slowly.</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>
"""


def pptx(path: Path) -> Path:
    """A PowerPoint package with one slide (title, a bold run, a line break, a link, a slide number) and notes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("ppt/presentation.xml", f'<?xml version="1.0"?><p:presentation {_P}/>')
        z.writestr("ppt/slides/slide1.xml", SLIDE)
        z.writestr("ppt/notesSlides/notesSlide1.xml", NOTES)
    return path


CHAPTER = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>Chapter one</title></head>
<body><h1>Chapter one</h1><p>The <em>black cat</em> sleeps on the <a href="ch2.xhtml">sofa</a>.</p>
<p>Run <code>ls</code> now.</p></body></html>
"""
OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>Book</dc:title><dc:language>en</dc:language></metadata>
<manifest><item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/><item id="css" href="style.css" media-type="text/css"/></manifest>
<spine><itemref idref="c1"/></spine></package>
"""
CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
"""


def epub(path: Path) -> Path:
    """An EPUB with one chapter (emphasis, a link, inline code) and a style sheet."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", OPF, zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/text/ch1.xhtml", CHAPTER, zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/style.css", "p { margin: 0; }", zipfile.ZIP_DEFLATED)
    return path


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="pt" datatype="html" original="page.html"><body>
<trans-unit id="1"><source>Good morning.</source></trans-unit>
<trans-unit id="2"><source>Buy a <g id="b1" ctype="bold">red car</g> today.<x id="br1" ctype="lb"/></source><target>old</target></trans-unit>
<trans-unit id="3" translate="no"><source>ACME</source></trans-unit>
</body></file></xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="pt">
<file id="f1"><unit id="u1"><segment><source>Thank you for the <pc id="1">black cat</pc>.<ph id="2"/></source></segment></unit></file></xliff>
"""


def _pdf_objects(pages: list[list[str]]) -> list[bytes]:
    n = len(pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * k} 0 R" for k in range(n))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font = 3 + 2 * n
    for k, lines in enumerate(pages):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * k} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        body = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objs.append(f"<< /Length {len(body)} >>\nstream\n{body}\nendstream".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return objs


def pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages hold these lines of text (Helvetica, ASCII)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(_pdf_objects(pages), start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path
