"""Load a document into segments, translate them, write the same structure back (atomically)."""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from engine.cancel import CancelToken, ProgressCallback, check
from engine.errors import EncodingError, InputError, StorageError

log = logging.getLogger(__name__)

#: Largest document accepted, in bytes (a 300-page novel in plain text is about 1 MB).
MAX_BYTES = 10 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".srt", ".vtt", ".docx")
#: Characters sent to the translator per call, at most (with _CHUNK_SENTENCES: about a second of work).
_CHUNK_CHARS = 8000

DocumentKind = Literal["txt", "srt", "vtt", "docx"]
#: ``translate(texts, on_progress, cancel) -> translations``, one per text, in order.
TranslateFn = Callable[[Sequence[str], ProgressCallback | None, CancelToken | None], list[str]]
Renderer = Callable[[Sequence[str], Path], None]


class DocumentError(InputError):
    """A document cannot be read, is not of a supported kind, or cannot be written."""


class OutputExistsError(DocumentError):
    """The output file exists already; it is replaced only when asked (``overwrite=True``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"'{path}' exists already. Choose another name, or ask for it to be replaced.",
            detail=f"exists: {path}",
        )
        self.path = path


@dataclass(frozen=True)
class Document:
    """A loaded document: the texts to translate and how to write them back.

    Attributes:
        path: the file it was read from.
        kind: ``"txt"``, ``"srt"`` or ``"docx"``.
        segments: the texts to translate (paragraphs, subtitle cues), in order; none is blank.
    """

    path: Path
    kind: DocumentKind
    segments: tuple[str, ...]
    _render: Renderer = field(repr=False, compare=False)

    @property
    def characters(self) -> int:
        """Total characters to translate."""
        return sum(len(s) for s in self.segments)

    def write(self, translations: Sequence[str], out: Path, *, overwrite: bool = False) -> None:
        """Write the document with each segment replaced by its translation, atomically.

        Args:
            translations: one text per segment, in order.
            out: the file to write; it appears only once complete.
            overwrite: replace ``out`` if it exists (otherwise :class:`OutputExistsError`).

        Raises:
            OutputExistsError: ``out`` exists and ``overwrite`` is false.
            DocumentError: wrong number of translations, ``out`` is the source, or the file cannot be written.
        """
        if len(translations) != len(self.segments):
            raise DocumentError(
                "The translation does not match the document.",
                detail=f"{len(translations)} translations for {len(self.segments)} segments",
            )
        if _same_name(out, self.path) or out.absolute() == self.path.absolute():
            raise DocumentError(
                f"The translation cannot be written over the original '{self.path.name}'. Choose another name."
            )
        if out.exists() and not overwrite:
            raise OutputExistsError(out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".palavra-", suffix=out.suffix, dir=out.parent)
        except OSError as exc:
            raise StorageError(
                f"Palavra could not write '{out}': {exc.strerror or exc}.", detail=str(exc)
            ) from exc
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            self._render(translations, tmp)
            if overwrite:
                os.replace(tmp, out)
            else:
                _publish_new(tmp, out)
        except FileExistsError as exc:
            raise OutputExistsError(out) from exc
        except OSError as exc:
            raise StorageError(
                f"Palavra could not write '{out}': {exc.strerror or exc}.", detail=str(exc)
            ) from exc
        finally:
            tmp.unlink(missing_ok=True)


def _publish_new(tmp: Path, out: Path) -> None:
    """Move a finished file into place only if ``out`` does not exist (a hard link fails atomically if it does)."""
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise
    except (
        OSError
    ):  # a file system without hard links: check, then rename (a narrow race, never a silent loss)
        if out.exists():
            raise FileExistsError(str(out)) from None
        os.replace(tmp, out)


#: ``name.xx.ext`` or ``name.xx-YY.ext``: a language suffix before the extension.
_LANG_SUFFIX = re.compile(r"\.([a-z]{2,3}(?:[-_][A-Za-z]{2})?)$")


def output_path(path: Path, target: str, *, suffix: str | None = None) -> Path:
    """Where the translation of ``path`` goes: next to it, with the target language before the suffix.

    ``talk.srt`` becomes ``talk.pt.srt``; ``talk.en.srt`` becomes ``talk.pt.srt``; the result never names the
    source itself (``guide.pt.txt`` translated into Portuguese becomes ``guide.pt.pt.txt``).

    Args:
        path: the source document.
        target: the target language code.
        suffix: the output's extension when it differs from the source's (a PDF is written as ``.docx``).
    """
    ext = suffix if suffix is not None else path.suffix
    stem = path.stem
    m = _LANG_SUFFIX.search(stem)
    base = stem[: m.start()] if m and m.start() > 0 else stem
    out = path.with_name(f"{base}.{target}{ext}")
    if _same_name(out, path):
        out = path.with_name(f"{stem}.{target}{ext}")
    return out


def keep_both_path(path: Path) -> Path:
    """A free name beside ``path`` for "keep both": ``talk.pt.srt`` -> ``talk.pt (2).srt``, ``(3)``..."""
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _same_name(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def load_document(path: Path) -> Document:
    """Read a ``.txt``, ``.srt`` or ``.docx`` file.

    Args:
        path: the file.

    Returns:
        The :class:`Document`.

    Raises:
        DocumentError: unsupported kind, unreadable path, too large, not text, corrupted Word file.
        EncodingError: a text file that is not valid UTF-8 (or UTF-16 with a byte-order mark).
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"Palavra translates {', '.join(SUPPORTED_SUFFIXES)} files; '{path.name}' is not one of them.",
            detail=f"unsupported suffix {suffix!r}",
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise DocumentError(f"The file '{path}' does not exist.", detail=str(exc)) from exc
    except OSError as exc:
        raise DocumentError(f"Palavra cannot read '{path}': {exc.strerror or exc}.", detail=str(exc)) from exc
    if not path.is_file():
        raise DocumentError(f"'{path}' is a folder, not a document.")
    if size > MAX_BYTES:
        raise DocumentError(
            f"'{path.name}' is {size / 1e6:.1f} MB; Palavra translates documents up to "
            f"{MAX_BYTES / 1e6:.0f} MB. Split it into smaller files.",
            detail=f"size {size}",
        )
    if suffix == ".docx":
        from engine.documents.docx_format import load_docx

        return load_docx(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"Palavra cannot read '{path}': {exc.strerror or exc}.", detail=str(exc)) from exc
    text, bom = _decode(raw, path)
    if suffix in (".srt", ".vtt"):
        return _load_srt(path, text, bom, "vtt" if suffix == ".vtt" else "srt")
    return _load_txt(path, text, bom)


@dataclass(frozen=True)
class DocumentProgress:
    """One step of :func:`translate_document`.

    Attributes:
        done: sentences translated so far.
        total: sentences in the document.
        output: the written file, on the last item only (``None`` before).
    """

    done: int
    total: int
    output: Path | None = None


def translate_document(
    document: Document,
    translate: TranslateFn,
    out: Path,
    *,
    overwrite: bool = False,
    cancel: CancelToken | None = None,
) -> Iterator[DocumentProgress]:
    """Translate ``document`` lazily, sentence batch by sentence batch, then write it to ``out``.

    A generator, in the manner of faster-whisper's segments: nothing happens until it is iterated, each item
    says how many sentences are done, and the last item carries the written path. Stopping the iteration (or
    ``cancel``) writes nothing.

    Args:
        document: from :func:`load_document`.
        translate: translates a batch of sentences (see :data:`TranslateFn`); it carries the chosen model
            and glossary.
        out: the file to write (see :func:`output_path`); written only when everything is translated.
        overwrite: replace ``out`` if it exists; otherwise an existing file raises :class:`OutputExistsError`
            (checked before any work, and again when writing).
        cancel: stops between batches; raises :class:`engine.errors.Cancelled` and writes nothing.

    Yields:
        :class:`DocumentProgress`, counted in sentences.
    """
    from engine.translate import text as textmod

    if out.exists() and not overwrite:
        raise OutputExistsError(out)
    pieces = [textmod.split(seg) for seg in document.segments]
    sentences = [p.text for ps in pieces for p in ps if p.translate]
    total = len(sentences)
    log.info("Translating %s (%d segments, %d sentences)", document.kind, len(document.segments), total)
    yield DocumentProgress(0, total)
    # Batches of sentences of similar length (as one long call would make them): less padding, same results.
    order = sorted(range(total), key=lambda k: len(sentences[k]))
    translated: list[str] = [""] * total
    done = 0
    for chunk in _chunks([sentences[k] for k in order]):
        check(cancel, "The translation of the document")
        result = translate(chunk, None, cancel)
        if len(result) != len(chunk):
            raise DocumentError("The translator returned the wrong number of texts.")
        for k, r in zip(order[done : done + len(chunk)], result, strict=True):
            translated[k] = r
        done += len(chunk)
        yield DocumentProgress(done, total)
    check(cancel, "The translation of the document")
    it = iter(translated)
    results = [textmod.join(ps, [next(it) for p in ps if p.translate]) for ps in pieces]
    document.write(results, out, overwrite=overwrite)
    yield DocumentProgress(total, total, out)


def run_document(
    document: Document,
    translate: TranslateFn,
    out: Path,
    *,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Step through :func:`translate_document`, reporting (sentences done, total); returns the written path."""
    written = out
    for step in translate_document(document, translate, out, overwrite=overwrite, cancel=cancel):
        if on_progress:
            on_progress(step.done, step.total)
        if step.output is not None:
            written = step.output
    return written


#: Sentences sent to the translator per call, at most: small enough for responsive progress and cancel.
_CHUNK_SENTENCES = 128


def _chunks(segments: Sequence[str]) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    size = 0
    for seg in segments:
        if current and (size + len(seg) > _CHUNK_CHARS or len(current) >= _CHUNK_SENTENCES):
            chunks.append(current)
            current, size = [], 0
        current.append(seg)
        size += len(seg)
    if current:
        chunks.append(current)
    return chunks


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding to write back)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if b"\x00" in raw[:8192]:
            raise DocumentError(
                f"'{path.name}' is not a text file (it contains binary data).",
                detail="NUL byte in the first 8 KiB",
            )
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise EncodingError(str(path), exc.start, exc.reason) from exc


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _write_text(path: Path, text: str, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


_BLANK = re.compile(r"((?:\r?\n)[ \t]*(?:\r?\n)(?:[ \t]*\r?\n)*)")


def _load_txt(path: Path, text: str, encoding: str) -> Document:
    nl = _newline(text)
    parts = _BLANK.split(text)  # even indices: blocks; odd: blank-line separators (kept verbatim)
    slots: list[tuple[int, str, str]] = []  # (part index, leading ws, trailing ws)
    segments: list[str] = []
    for i in range(0, len(parts), 2):
        block = parts[i]
        core = block.strip()
        if not core:
            continue
        lead = block[: len(block) - len(block.lstrip())]
        trail = block[len(block.rstrip()) :]
        slots.append((i, lead, trail))
        segments.append(core.replace("\r\n", "\n"))

    def render(translations: Sequence[str], out: Path) -> None:
        new = list(parts)
        for (i, lead, trail), tr in zip(slots, translations, strict=True):
            new[i] = lead + tr.strip().replace("\n", nl) + trail
        _write_text(out, "".join(new), encoding)

    return Document(path, "txt", tuple(segments), render)


_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")


#: A tag around a whole cue line (``<i>...</i>``, ``<font color="#fff">...</font>``, WebVTT ``<c.x>...</c>``).
_WRAPPED = re.compile(r"^((?:<[a-zA-Z][^<>]*>)+)([^<>]*)((?:</[a-zA-Z.][^<>]*>)+)$")


def _unwrap(cue: str) -> tuple[str, list[tuple[str, str]]]:
    """Take off the tags wrapping whole lines, to put them back around each line's translation."""
    lines, wraps = [], []
    for line in cue.split("\n"):
        m = _WRAPPED.match(line.strip())
        if m:
            lines.append(m.group(2))
            wraps.append((m.group(1), m.group(3)))
        else:
            lines.append(line)
            wraps.append(("", ""))
    return "\n".join(lines), wraps


def _rewrap(translation: str, wraps: list[tuple[str, str]]) -> list[str]:
    lines = translation.strip().split("\n")
    if len(lines) != len(wraps):  # the line count changed: one wrap around everything (the common case)
        opens = next((o for o, _ in wraps if o), "")
        closes = next((c for _, c in wraps if c), "")
        return [opens + "\n".join(lines) + closes] if opens else lines
    return [o + line + c for line, (o, c) in zip(lines, wraps, strict=True)]


def _load_srt(path: Path, text: str, encoding: str, kind: DocumentKind = "srt") -> Document:
    nl = _newline(text)
    lines = text.replace("\r\n", "\n").split("\n")
    # Cue text: the lines after a timing line up to the next blank line.
    spans: list[tuple[int, int]] = []
    wraps: list[list[tuple[str, str]]] = []
    segments: list[str] = []
    if kind == "vtt" and not lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        raise DocumentError(f"'{path.name}' is not a WebVTT (.vtt) file: it does not start with WEBVTT.")
    i = 0
    while i < len(lines):
        if _TIMING.match(lines[i]):
            start = i + 1
            end = start
            while end < len(lines) and lines[end].strip():
                end += 1
            cue = "\n".join(lines[start:end]).strip()
            if cue:
                plain, wrap = _unwrap(cue)
                spans.append((start, end))
                wraps.append(wrap)
                segments.append(plain)
            i = end
        else:
            i += 1
    if not spans and text.strip():
        name = "a SubRip (.srt)" if kind == "srt" else "a WebVTT (.vtt)"
        raise DocumentError(f"'{path.name}' is not {name} file: no subtitle timings were found.")

    def render(translations: Sequence[str], out: Path) -> None:
        new: list[str] = []
        prev = 0
        for (start, end), tr, wrap in zip(spans, translations, wraps, strict=True):
            new.extend(lines[prev:start])  # cue numbers, identifiers and timing lines exactly as they were
            new.extend(_rewrap(tr, wrap) or [""])
            prev = end
        new.extend(lines[prev:])
        _write_text(out, nl.join(new), encoding)

    return Document(path, kind, tuple(segments), render)
