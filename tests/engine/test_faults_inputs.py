"""Bad input gets a message a person can act on, never a traceback: the command line run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def palavra(*args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"engine", *(os.fsencode(a) for a in args)],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode(errors="replace")
    )


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("palavra: ")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_file_is_refused_while_reading() -> None:
    result = palavra("translate", "--from", "en", "--to", "pt", "--file", "/dev/zero")
    _no_traceback(result)
    assert "larger than 20 MB" in result.stderr


def test_endless_stdin_is_refused_while_reading() -> None:
    result = palavra("correct", stdin=b"a" * (21 * 1024 * 1024))
    _no_traceback(result)
    assert "larger than 20 MB" in result.stderr


@pytest.mark.parametrize("how", ["stdin", "argument"])
def test_invalid_utf8_into_correct(how: str) -> None:
    if how == "stdin":
        result = palavra("correct", stdin=b"Fine line.\nCaf\xe9 au lait.\n")
    else:
        result = palavra("correct", b"Caf\xe9 au lait.")
    _no_traceback(result)
    assert "UTF-8" in result.stderr and "position" in result.stderr


def test_invalid_utf8_argument_into_translate() -> None:
    result = palavra("translate", "--from", "en", "--to", "pt", b"Caf\xe9")
    _no_traceback(result)
    assert "<argument 1>" in result.stderr


def test_not_audio_into_transcribe(tmp_path: Path) -> None:
    fake = tmp_path / "notes.wav"
    fake.write_bytes(b"this is text, not a recording" * 10)
    result = palavra("transcribe", str(fake))
    _no_traceback(result)
    assert "could not be read as audio" in result.stderr


def test_import_of_a_huge_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    with (folder / "model.enpt.intgemm.alphas.bin").open("wb") as fh:
        fh.truncate((1 << 30) + 1)  # sparse: no disk used
    (folder / "vocab.enpt.spm").write_bytes(b"x")
    result = palavra("models", "import", str(folder))
    _no_traceback(result)
    assert "larger than 1 GB" in result.stderr
