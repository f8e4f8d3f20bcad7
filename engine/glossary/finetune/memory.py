"""Translation memories as training data: TMX, XLIFF 1.2 / 2.x, TSV and CSV, with a validation report.

Every format is read into plain (source, target) pairs in the run's direction. Inline markup (TMX ``<bpt>``/``<ph>``,
XLIFF ``<g>``/``<x/>``/``<pc>``/``<ph/>``, HTML-like tags in TSV/CSV cells) is stripped and counted; empty,
duplicate, misaligned (one side much longer than the other) and wrong-direction segments (the source reads as the
target language and the target as the source language) are left out and counted. The report's :meth:`summary`
says what was kept and what was not, like the glossary import's.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from engine.errors import InputError

_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_SPACE = re.compile(r"\s+")
#: TMX inline elements whose text is markup (native codes), not translatable text.
_TMX_CODE = {"bpt", "ept", "ph", "it", "ut"}
#: XLIFF inline elements whose text is markup.
_XLIFF_CODE = {"bpt", "ept", "ph", "it", "x", "bx", "ex", "sc", "ec", "cp"}
#: A segment whose side is this many times longer than the other (in characters) is misaligned.
_RATIO = 3.0
_MIN_FOR_RATIO = 15


@dataclass(frozen=True)
class MemoryReport:
    """What reading translation memories found.

    Attributes:
        files: the files read.
        pairs: the (source, target) pairs kept, in file order.
        read: segments read in all.
        empty: segments with an empty side.
        duplicates: segments whose source was already kept.
        misaligned: segments whose sides differ too much in length.
        wrong_direction: segments written the other way round.
        markup: segments whose inline markup was stripped.
    """

    files: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    read: int = 0
    empty: int = 0
    duplicates: int = 0
    misaligned: int = 0
    wrong_direction: int = 0
    markup: int = 0
    examples: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """A few lines for a person."""
        lines = [f"{len(self.pairs)} sentence pairs kept of {self.read} read from {', '.join(self.files)}."]
        for count, what in (
            (self.empty, "empty (one side has no text)"),
            (self.duplicates, "duplicates (same source sentence)"),
            (self.misaligned, "misaligned (one side much longer than the other)"),
            (self.wrong_direction, "written in the other direction"),
        ):
            if count:
                lines.append(f"  left out: {count} {what}")
        if self.markup:
            lines.append(f"  markup stripped in {self.markup} segments")
        lines.extend(f"  e.g. {e}" for e in self.examples[:3])
        return "\n".join(lines)


def read_memories(paths: Sequence[Path], source_lang: str, target_lang: str) -> MemoryReport:
    """Read and validate translation memories for the direction ``source_lang`` -> ``target_lang``.

    Raises:
        InputError: a file is missing, unreadable or of an unknown format, or no pair is left (the message names
            the file and what to do).
    """
    from engine.translate.detect import detect

    raw: list[tuple[str, str, bool]] = []
    names = []
    for path in paths:
        path = Path(path)
        names.append(path.name)
        if not path.is_file():
            raise InputError(f"The translation memory '{path}' does not exist.")
        raw.extend(_read_file(path, source_lang, target_lang))
    kept: list[tuple[str, str]] = []
    seen: set[str] = set()
    counts = {"empty": 0, "duplicates": 0, "misaligned": 0, "wrong_direction": 0, "markup": 0}
    examples: list[str] = []
    for src, tgt, had_markup in raw:
        counts["markup"] += had_markup
        if not src or not tgt:
            counts["empty"] += 1
            continue
        key = src.casefold()
        if key in seen:
            counts["duplicates"] += 1
            continue
        longer, shorter = max(len(src), len(tgt)), min(len(src), len(tgt))
        if longer >= _MIN_FOR_RATIO and longer > _RATIO * shorter:
            counts["misaligned"] += 1
            examples.append(f"misaligned: {src[:60]!r} / {tgt[:60]!r}")
            continue
        s_guess, t_guess = detect(src), detect(tgt)
        if (
            s_guess.language == target_lang
            and t_guess.language == source_lang
            and min(s_guess.confidence, t_guess.confidence) >= 0.5
        ):
            counts["wrong_direction"] += 1
            examples.append(f"other direction: {src[:60]!r}")
            continue
        seen.add(key)
        kept.append((src, tgt))
    report = MemoryReport(
        files=tuple(names), pairs=tuple(kept), read=len(raw), examples=tuple(examples), **counts
    )
    if not kept:
        raise InputError(
            f"No usable sentence pair in {', '.join(names)} for {source_lang}->{target_lang}.\n{report.summary()}"
        )
    return report


def _clean(text: str | None) -> tuple[str, bool]:
    text = text or ""
    stripped = _TAG.sub("", text)
    return _SPACE.sub(" ", stripped).strip(), stripped != text


def _read_file(path: Path, source_lang: str, target_lang: str) -> list[tuple[str, str, bool]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"The translation memory '{path.name}' cannot be read: {exc.strerror}.") from exc
    suffix = path.suffix.lower()
    head = data[:2000].lstrip(b"\xef\xbb\xbf").lstrip()
    if suffix in (".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff") or head.startswith(b"<"):
        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            raise InputError(f"'{path.name}' is not well-formed XML ({exc}).") from exc
        tag = _local(root.tag)
        if tag == "tmx":
            return _tmx(root, source_lang, target_lang, path.name)
        if tag == "xliff":
            return _xliff(root, source_lang, target_lang, path.name)
        raise InputError(f"'{path.name}' is XML but neither TMX nor XLIFF (its root is <{tag}>).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"'{path.name}' is not UTF-8 text (byte {exc.start}). Save it as UTF-8.") from exc
    if suffix == ".csv":
        delimiter = ","
    elif suffix in (".tsv", ".tab", ".txt"):
        delimiter = "\t"
    else:
        delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    out = []
    header = {
        "source",
        "target",
        "src",
        "tgt",
        source_lang,
        target_lang,
        "english",
        "portuguese",
        "português",
    }
    for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
        if not row or not any(c.strip() for c in row):
            continue
        if i == 0 and len(row) >= 2 and {row[0].strip().lower(), row[1].strip().lower()} <= header:
            continue  # a header row
        src, m1 = _clean(row[0])
        tgt, m2 = _clean(row[1] if len(row) > 1 else "")
        out.append((src, tgt, m1 or m2))
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _lang_matches(value: str | None, lang: str) -> bool:
    return bool(value) and str(value).lower().replace("_", "-").split("-")[0] == lang


def _text(element: ET.Element, codes: set[str]) -> tuple[str, bool]:
    """The translatable text of a segment element: inline codes dropped, their tails kept."""
    parts: list[str] = [element.text or ""]
    markup = False
    for child in element:
        markup = True
        name = _local(child.tag)
        if name not in codes:
            inner, _ = _text(child, codes)
            parts.append(inner)
        parts.append(child.tail or "")
    text, tags_in_text = _clean("".join(parts))
    return text, markup or tags_in_text


def _tmx(root: ET.Element, src: str, tgt: str, name: str) -> list[tuple[str, str, bool]]:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    out = []
    for tu in root.iter():
        if _local(tu.tag) != "tu":
            continue
        sides: dict[str, tuple[str, bool]] = {}
        for tuv in tu:
            if _local(tuv.tag) != "tuv":
                continue
            lang = tuv.get(xml_lang) or tuv.get("lang")
            seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
            for want in (src, tgt):
                if _lang_matches(lang, want) and want not in sides:
                    sides[want] = _text(seg, _TMX_CODE) if seg is not None else ("", False)
        if not sides:
            continue
        s, m1 = sides.get(src, ("", False))
        t, m2 = sides.get(tgt, ("", False))
        out.append((s, t, m1 or m2))
    if not out:
        raise InputError(f"'{name}' has no translation units in {src} and {tgt} (check the xml:lang codes).")
    return out


def _xliff(root: ET.Element, src: str, tgt: str, name: str) -> list[tuple[str, str, bool]]:
    version = root.get("version", "1.2")
    if version.startswith("2"):
        file_src, file_tgt = root.get("srcLang"), root.get("trgLang")
        seg_name = "segment"
    else:
        first = next((f for f in root.iter() if _local(f.tag) == "file"), None)
        file_src = first.get("source-language") if first is not None else None
        file_tgt = first.get("target-language") if first is not None else None
        seg_name = "trans-unit"
    swapped = _lang_matches(file_src, tgt) and _lang_matches(file_tgt, src)
    if not swapped and file_src and not _lang_matches(file_src, src):
        raise InputError(f"'{name}' translates from '{file_src}', not from {src}.")
    out = []
    for unit in root.iter():
        if _local(unit.tag) != seg_name:
            continue
        source = next((c for c in unit if _local(c.tag) == "source"), None)
        target = next((c for c in unit if _local(c.tag) == "target"), None)
        s, m1 = _text(source, _XLIFF_CODE) if source is not None else ("", False)
        t, m2 = _text(target, _XLIFF_CODE) if target is not None else ("", False)
        if swapped:
            s, t = t, s
        out.append((s, t, m1 or m2))
    return out
