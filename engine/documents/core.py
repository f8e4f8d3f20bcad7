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
from engine.documents.align import AlignFn, Alignment
from engine.documents.inline import Marked, Span, clip, needs_alignment, project
from engine.errors import InputError, StorageError

log = logging.getLogger(__name__)

#: Largest document accepted, in bytes (a 300-page novel in plain text is about 1 MB).
MAX_BYTES = 10 * 1024 * 1024
SUPPORTED_SUFFIXES = (
    ".txt", ".srt", ".vtt", ".docx", ".html", ".htm", ".xhtml", ".md", ".odt", ".pptx", ".epub", ".xliff", ".xlf",
    ".pdf",
)  # fmt: skip
#: Formats written as another one (a PDF's text is written as a Word document).
OUTPUT_SUFFIX = {".pdf": ".docx"}
#: Characters sent to the translator per call, at most (with _CHUNK_SENTENCES: about a second of work).
_CHUNK_CHARS = 8000

DocumentKind = Literal["txt", "srt", "vtt", "docx", "html", "md", "odt", "pptx", "epub", "xliff", "pdf"]
#: ``translate(texts, on_progress, cancel) -> translations``, one per text, in order.
TranslateFn = Callable[[Sequence[str], ProgressCallback | None, CancelToken | None], list[str]]
Renderer = Callable[[Sequence[Marked], Path], None]


class DocumentError(InputError):
    """A document cannot be read, is not of a supported kind, or cannot be written.

    Attributes:
        reason: what went wrong, for a front end that words its own message (in its own language):
            ``"unsupported"``, ``"missing"``, ``"unreadable"``, ``"folder"``, ``"too-large"``, ``"binary"``,
            ``"not-subtitles"``, ``"password"``, ``"no-text"``, ``"over-source"``, ``"damaged"`` (the default:
            the file is not a valid file of its kind).
    """

    def __init__(self, user_message: str, *, detail: str | None = None, reason: str = "damaged") -> None:
        super().__init__(user_message, detail=detail)
        self.reason = reason


class OutputExistsError(DocumentError):
    """The output file exists already; it is replaced only when asked (``overwrite=True``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"'{path}' exists already. Choose another name, or ask for it to be replaced.",
            detail=f"exists: {path}",
            reason="exists",
        )
        self.path = path


@dataclass(frozen=True)
class Document:
    """A loaded document: the texts to translate and how to write them back.

    Attributes:
        path: the file it was read from.
        kind: ``"txt"``, ``"srt"`` or ``"docx"``.
        segments: the texts to translate (paragraphs, subtitle cues), in order; none is blank.
        marks: per segment, its partition into inline formatting marks (see :mod:`engine.documents.inline`);
            empty (for the segment, or the whole document) where the segment has one formatting throughout.
    """

    path: Path
    kind: DocumentKind
    segments: tuple[str, ...]
    _render: Renderer = field(repr=False, compare=False)
    marks: tuple[tuple[Span, ...], ...] = ()

    def marks_of(self, index: int) -> tuple[Span, ...]:
        """The inline formatting of segment ``index`` (empty: one formatting throughout)."""
        return self.marks[index] if index < len(self.marks) else ()

    @property
    def characters(self) -> int:
        """Total characters to translate."""
        return sum(len(s) for s in self.segments)

    def write(self, translations: Sequence[str | Marked], out: Path, *, overwrite: bool = False) -> None:
        """Write the document with each segment replaced by its translation, atomically.

        Args:
            translations: one text per segment, in order (a :class:`Marked` text carries its inline formatting;
                a plain string takes its segment's base formatting).
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
                f"The translation cannot be written over the original '{self.path.name}'. Choose another name.",
                reason="over-source",
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
        marked = [t if isinstance(t, Marked) else Marked(t) for t in translations]
        try:
            self._render(marked, tmp)
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
    ext = suffix if suffix is not None else OUTPUT_SUFFIX.get(path.suffix.lower(), path.suffix)
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
            reason="unsupported",
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise DocumentError(f"The file '{path}' does not exist.", detail=str(exc), reason="missing") from exc
    except OSError as exc:
        raise DocumentError(
            f"Palavra cannot read '{path}': {exc.strerror or exc}.", detail=str(exc), reason="unreadable"
        ) from exc
    if not path.is_file():
        raise DocumentError(f"'{path}' is a folder, not a document.", reason="folder")
    if size > MAX_BYTES:
        raise DocumentError(
            f"'{path.name}' is {size / 1e6:.1f} MB; Palavra translates documents up to "
            f"{MAX_BYTES / 1e6:.0f} MB. Split it into smaller files.",
            detail=f"size {size}",
            reason="too-large",
        )
    from engine.documents.formats import loader

    return loader(suffix)(path)


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
    align: AlignFn | None = None,
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
        align: word-aligns sentences and their translations (:class:`engine.documents.align.Aligner`), so inline
            formatting lands on the translated words; without it, formatting is placed by relative position.

    Yields:
        :class:`DocumentProgress`, counted in sentences.
    """
    from engine.translate import text as textmod

    if out.exists() and not overwrite:
        raise OutputExistsError(out)
    pieces = [textmod.split(seg) for seg in document.segments]
    sentences: list[str] = []
    where: list[tuple[int, int]] = []  # (segment, offset of the sentence in it)
    for i, ps in enumerate(pieces):
        pos = 0
        for p in ps:
            if p.translate:
                sentences.append(p.text)
                where.append((i, pos))
            pos += len(p.text)
    total = len(sentences)
    sentence_marks = [
        clip(document.marks_of(i), pos, pos + len(s)) for s, (i, pos) in zip(sentences, where, strict=True)
    ]
    log.info("Translating %s (%d segments, %d sentences)", document.kind, len(document.segments), total)
    yield DocumentProgress(0, total)
    # Batches of sentences of similar length (as one long call would make them): less padding, same results.
    order = sorted(range(total), key=lambda k: len(sentences[k]))
    translated: list[str] = [""] * total
    links: dict[int, Alignment] = {}
    done = 0
    for chunk in _chunks([sentences[k] for k in order]):
        check(cancel, "The translation of the document")
        result = translate(chunk, None, cancel)
        if len(result) != len(chunk):
            raise DocumentError("The translator returned the wrong number of texts.")
        ks = order[done : done + len(chunk)]
        for k, r in zip(ks, result, strict=True):
            translated[k] = r
        formatted = [k for k in ks if needs_alignment(sentence_marks[k]) and translated[k].strip()]
        if align is not None and formatted:
            for k, a in zip(
                formatted, align([(sentences[k], translated[k]) for k in formatted]), strict=True
            ):
                links[k] = a
        done += len(chunk)
        yield DocumentProgress(done, total)
    check(cancel, "The translation of the document")
    results: list[Marked] = []
    k = 0
    for i, ps in enumerate(pieces):
        source_marks = document.marks_of(i)
        parts: list[str] = []
        spans: list[Span] = []
        src_pos = out_pos = 0
        for p in ps:
            if p.translate:
                tr = translated[k]
                if source_marks:
                    spans += [
                        Span(s.start + out_pos, s.end + out_pos, s.mark)
                        for s in project(p.text, sentence_marks[k], tr, links.get(k) if align else None)
                    ]
                k += 1
            else:
                tr = p.text
                if source_marks:  # a separator keeps the formatting it had (a line break inside italics)
                    inside = clip(source_marks, src_pos, src_pos + len(tr))
                    if inside:
                        spans.append(Span(out_pos, out_pos + len(tr), inside[0].mark))
            parts.append(tr)
            src_pos += len(p.text)
            out_pos += len(tr)
        results.append(Marked("".join(parts), tuple(spans)))
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
    align: AlignFn | None = None,
) -> Path:
    """Step through :func:`translate_document`, reporting (sentences done, total); returns the written path."""
    written = out
    for step in translate_document(document, translate, out, overwrite=overwrite, cancel=cancel, align=align):
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
