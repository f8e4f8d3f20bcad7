"""Reading glossary files: CSV/TSV/semicolon (header or not) in UTF-8, UTF-16 or Latin-1, and TBX.

The reader only finds rows and columns; :mod:`engine.glossary.validate` judges them.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from engine.errors import InputError
from engine.glossary.model import ParsedFile

log = logging.getLogger(__name__)

#: Files larger than this are refused before reading (a terminology list is a few MB at most).
MAX_FILE_BYTES = 64 * 1024 * 1024

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_SOURCE_NAMES = ("sourcestring", "source", "source term", "source_term", "src", "term", "from", "original")
_TARGET_NAMES = ("targetstring", "target", "target term", "target_term", "tgt", "translation", "to")
_NOTE_NAMES = ("description", "note", "notes", "definition", "comment", "comments", "context", "pos")
_LANG_NAMES = {
    "en": ("en", "eng", "english", "en-us", "en-gb", "en_us", "en_gb", "inglês", "ingles"),
    "pt": ("pt", "por", "portuguese", "português", "portugues", "pt-br", "pt_br", "pt-pt", "pt_pt", "pt_xx"),
}
_KNOWN_HEADER_WORDS = {
    *_SOURCE_NAMES,
    *_TARGET_NAMES,
    *_NOTE_NAMES,
    *(n for names in _LANG_NAMES.values() for n in names),
    "id",
    "stringid",
    "sourcelang",
    "targetlang",
}


class BinaryFileError(InputError):
    """The file is not text (a spreadsheet, an image, a program)."""


def read_glossary_file(path: Path, source_lang: str, target_lang: str) -> ParsedFile:
    """Read the rows of a glossary file.

    Args:
        path: a CSV, TSV, semicolon-separated or TBX file.
        source_lang: the source language code the user chose, used to pick columns by name.
        target_lang: the target language code.

    Returns:
        The rows found, with the format and encoding detected.

    Raises:
        InputError: the file cannot be read, is too large, or is not a glossary.
        BinaryFileError: the file is binary (for example an ``.xlsx`` spreadsheet).
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"'{path.name}' is {size // (1024 * 1024)} MB; a glossary file may be at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Split it into smaller glossaries."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Palavra could not read '{path}': {exc.strerror or exc}.", detail=str(exc)) from exc
    text, encoding = decode_bytes(data, path.name)
    if _looks_like_tbx(text):
        return _read_tbx(text, encoding, source_lang, target_lang)
    return _read_delimited(text, encoding, source_lang, target_lang)


def decode_bytes(data: bytes, name: str = "file") -> tuple[str, str]:
    """Detect the encoding (BOM, UTF-16 without BOM, UTF-8, else Windows-1252/Latin-1) and decode.

    Raises:
        BinaryFileError: the bytes are not text.
    """
    if data.startswith(b"PK\x03\x04"):
        raise BinaryFileError(
            f"'{name}' is a compressed file (an Excel or Word document?), not text. "
            "Open it in your spreadsheet program and save it as CSV (UTF-8), then import the CSV."
        )
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", name), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", name), "UTF-16"
    sample = data[:4096]
    if sample and b"\x00" in sample:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = max(1, len(sample) // 2)
        if odd > 0.3 * half and even < 0.05 * half:
            return _decode(data, "utf-16-le", name), "UTF-16"
        if even > 0.3 * half and odd < 0.05 * half:
            return _decode(data, "utf-16-be", name), "UTF-16"
        raise _binary(name)
    try:
        text = data.decode("utf-8")
        encoding = "UTF-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            encoding = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "Latin-1"
    if _control_ratio(text[:8192]) > 0.01:
        raise _binary(name)
    return text, encoding


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _binary(name) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if _control_ratio(text[:8192]) > 0.01:
        raise _binary(name)
    return text


def _binary(name: str) -> BinaryFileError:
    return BinaryFileError(
        f"'{name}' is not a text file. A glossary must be a CSV or TSV text file (two columns: source term, "
        "target term) or a TBX file. Save it as CSV (UTF-8) from your spreadsheet program."
    )


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n") or ch == "\ufffd")
    return bad / len(text)


# -- delimited text ------------------------------------------------------------------------------


def _read_delimited(text: str, encoding: str, source_lang: str, target_lang: str) -> ParsedFile:
    delimiter = _detect_delimiter(text)
    fmt = {"\t": "tsv", ";": "semicolon", ",": "csv"}[delimiter]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise InputError(
            f"The file could not be read as {fmt.upper()}: {exc}. Check for an unclosed quote.",
            detail=str(exc),
        ) from exc
    table = [(n, row) for n, row in table if any(cell.strip() for cell in row)]
    if not table:
        return ParsedFile(format=fmt, encoding=encoding, rows=())
    first = [cell.strip() for cell in table[0][1]]
    header = _is_header(first)
    body = table[1:] if header else table
    width = max(len(row) for _, row in body) if body else len(first)
    if header:
        src_col, tgt_col, note_col = _columns_from_header(first, source_lang, target_lang)
        names = first
    else:
        src_col, tgt_col = _columns_without_header(body, width)
        note_col = None
        names = [f"column {i + 1}" for i in range(width)]
    file_languages = _declared_languages(first, body) if header else None
    rows = tuple(
        (
            n,
            _cell(row, src_col),
            _cell(row, tgt_col),
            _cell(row, note_col) if note_col is not None else "",
        )
        for n, row in body
    )
    return ParsedFile(
        format=fmt,
        encoding=encoding,
        rows=rows,
        header=header,
        source_column=names[src_col] if src_col < len(names) else f"column {src_col + 1}",
        target_column=names[tgt_col] if tgt_col < len(names) else f"column {tgt_col + 1}",
        file_languages=file_languages,
    )


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return " ".join(row[index].split())


def _detect_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in ("\t", ";", ","):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths:
            continue
        multi = [w for w in widths if w >= 2]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        # Consistency first (most lines with the same width >= 2), then fewer columns (commas inside terms).
        score = multi.count(common) / len(widths) - 0.001 * common
        if delimiter != "," and score > 0:
            score += 0.05  # a tab or semicolon on every line is a stronger signal than commas
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _is_header(cells: list[str]) -> bool:
    words = [c.lower() for c in cells if c]
    return bool(words) and sum(1 for w in words if w in _KNOWN_HEADER_WORDS) >= max(1, len(words) // 2)


def _columns_from_header(names: list[str], source_lang: str, target_lang: str) -> tuple[int, int, int | None]:
    lower = [n.lower() for n in names]

    def find(candidates: tuple[str, ...]) -> int | None:
        for candidate in candidates:
            if candidate in lower:
                return lower.index(candidate)
        return None

    src = find(_SOURCE_NAMES)
    if src is None:
        src = find(_LANG_NAMES.get(source_lang, (source_lang,)))
    tgt = find(_TARGET_NAMES)
    if tgt is None:
        tgt = find(_LANG_NAMES.get(target_lang, (target_lang,)))
    if src is None or tgt is None or src == tgt:
        text_cols = [
            i for i, n in enumerate(lower) if n not in {"id", "stringid", "sourcelang", "targetlang"}
        ]
        text_cols = [i for i in text_cols if lower[i] not in _NOTE_NAMES]
        if len(text_cols) < 2:
            text_cols = list(range(len(names)))
        src, tgt = (text_cols[0], text_cols[1]) if len(text_cols) >= 2 else (0, 1)
    note = find(("description", "note", "notes", "definition", "comment", "comments", "context"))
    return src, tgt, note


def _columns_without_header(body: list[tuple[int, list[str]]], width: int) -> tuple[int, int]:
    if width <= 2:
        return 0, 1
    sample = [row for _, row in body[:200]]
    text_cols = []
    for col in range(width):
        cells = [row[col].strip() for row in sample if col < len(row) and row[col].strip()]
        numeric = sum(1 for c in cells if re.fullmatch(r"[\w-]*\d[\w-]*", c) and not c.isalpha())
        if cells and numeric < 0.8 * len(cells):
            text_cols.append(col)
    if len(text_cols) >= 2:
        return text_cols[0], text_cols[1]
    return 0, 1


def _declared_languages(names: list[str], body: list[tuple[int, list[str]]]) -> tuple[str, str] | None:
    lower = [n.lower() for n in names]
    if "sourcelang" not in lower or "targetlang" not in lower or not body:
        return None
    s, t = lower.index("sourcelang"), lower.index("targetlang")
    row = body[0][1]
    if max(s, t) >= len(row):
        return None
    return _base_lang(row[s]), _base_lang(row[t])


def _base_lang(code: str) -> str:
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


# -- TBX -----------------------------------------------------------------------------------------


def _looks_like_tbx(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<?xml") or "<martif" in head or "<tbx" in head


def _read_tbx(text: str, encoding: str, source_lang: str, target_lang: str) -> ParsedFile:
    if re.search(r"<!ENTITY", text[:65536], re.IGNORECASE):
        raise InputError("The TBX file declares XML entities, which Palavra does not accept. Remove them.")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # the declared encoding no longer applies to decoded text
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError(
            f"The TBX file is not well-formed XML ({exc}). Export it again from your terminology tool.",
            detail=str(exc),
        ) from exc
    rows: list[tuple[int, str, str, str]] = []
    seen_langs: set[str] = set()
    number = 0
    for entry in root.iter():
        if _local(entry.tag) not in {"termEntry", "conceptEntry"}:
            continue
        number += 1
        terms: dict[str, str] = {}
        notes: list[str] = []
        for child in entry.iter():
            tag = _local(child.tag)
            if tag in {"descrip", "note", "definition"} and child.text and not notes:
                notes.append(" ".join(child.text.split()))
            if tag not in {"langSet", "langSec"}:
                continue
            lang = _base_lang(child.get(_XML_LANG) or child.get("lang") or "")
            seen_langs.add(lang)
            for term in child.iter():
                if _local(term.tag) == "term" and lang not in terms:
                    terms[lang] = " ".join("".join(term.itertext()).split())
        rows.append(
            (number, terms.get(source_lang, ""), terms.get(target_lang, ""), notes[0] if notes else "")
        )
    if rows and all(not s and not t for _, s, t, _ in rows):
        found = ", ".join(sorted(seen_langs - {""})) or "none"
        raise InputError(
            f"The TBX file has no terms in '{source_lang}' or '{target_lang}' (languages found: {found}). "
            "Choose the glossary's languages to match the file."
        )
    return ParsedFile(
        format="tbx",
        encoding=encoding,
        rows=tuple(rows),
        header=False,
        source_column=source_lang,
        target_column=target_lang,
    )


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
