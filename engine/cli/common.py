"""Helpers shared by the sub-commands: reading input text strictly, progress on stderr, the facade."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import BinaryIO

from engine.api import Engine
from engine.cancel import ProgressCallback
from engine.errors import EncodingError, InputError


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is accepted), raising :class:`EncodingError` with the file name and byte position."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(name, exc.start, exc.reason) from exc


#: Largest text read from a file or standard input (checked while reading: ``--file /dev/zero`` stops here).
MAX_TEXT_BYTES = 20 * 1024 * 1024


def read_bounded(stream: BinaryIO, name: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """Read at most ``limit`` bytes, raising :class:`InputError` as soon as there is more (nothing more is read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        block = stream.read(min(1 << 20, limit + 1 - size))
        if not block:
            return b"".join(chunks)
        chunks.append(block)
        size += len(block)
        if size > limit:
            raise InputError(
                f"'{name}' is larger than {limit // (1024 * 1024)} MB of text. Split it into smaller files.",
                detail=f"more than {limit} bytes",
            )


def check_argument(text: str, index: int) -> str:
    """Refuse a command-line argument that was not valid UTF-8 (Python keeps such bytes as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EncodingError(f"<argument {index}>", exc.start, "not valid UTF-8") from exc
    return text


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file with errors a person understands (at most :data:`MAX_TEXT_BYTES`)."""
    try:
        with path.open("rb") as fh:
            data = read_bounded(fh, str(path))
    except FileNotFoundError as exc:
        raise InputError(f"The file '{path}' does not exist.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"'{path}' is a folder, not a text file.") from exc
    except PermissionError as exc:
        raise InputError(f"Palavra is not allowed to read '{path}'. Check the file's permissions.") from exc
    return decode_utf8(data, str(path))


def read_stdin_lines(stream: BinaryIO | None = None) -> list[str]:
    """All lines of standard input (UTF-8), without their line endings.

    Only ``\n`` (with an optional ``\r`` before it) ends a line: a line or paragraph separator, form feed or other
    character that :meth:`str.splitlines` would break on stays inside its line.
    """
    if stream is None:
        binary = getattr(sys.stdin, "buffer", None)
        if binary is None:  # a text stream put in place of stdin (an embedding program, a test)
            # One character more than the byte limit is enough for read_bounded to refuse an oversized stream.
            binary = io.BytesIO(sys.stdin.read(MAX_TEXT_BYTES + 1).encode("utf-8", "surrogatepass"))
        stream = binary
    data = read_bounded(stream, "<stdin>")
    text = decode_utf8(data, "<stdin>")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def progress_printer(label: str) -> ProgressCallback:
    """A progress callback printing to stderr when it is a terminal (silent otherwise)."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if tty and total:
            sys.stderr.write(f"\r{label}: {100 * done // total:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return report


def engine() -> Engine:
    """The facade, built once per command."""
    return Engine()
