"""Helpers shared by the sub-commands: reading input text strictly, progress on stderr, the facade."""

from __future__ import annotations

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


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file with errors a person understands."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"The file '{path}' does not exist.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"'{path}' is a folder, not a text file.") from exc
    except PermissionError as exc:
        raise InputError(f"Palavra is not allowed to read '{path}'. Check the file's permissions.") from exc
    return decode_utf8(data, str(path))


def read_stdin_lines(stream: BinaryIO | None = None) -> list[str]:
    """All lines of standard input (UTF-8), without their line endings."""
    data = (stream or sys.stdin.buffer).read()
    return decode_utf8(data, "<stdin>").splitlines()


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
