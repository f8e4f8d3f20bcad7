"""``palavra translate --file`` / ``--dir`` as a real process: written beside the source, never over anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[3]
SRT = (
    "1\n00:00:01,000 --> 00:00:02,500\nGood morning.\n\n2\n00:00:04,000 --> 00:00:06,000\n<i>Thank you.</i>\n"
)


def palavra(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine", "translate", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=300,
    )


def test_file_written_beside_with_target_suffix(translation_models: Path, tmp_path: Path) -> None:
    src = tmp_path / "notes.pt.srt"
    src.write_text(SRT.replace("Good morning.", "Bom dia.").replace("Thank you.", "Obrigado."))
    before = src.read_bytes()
    result = palavra("--from", "pt", "--to", "en", "--file", str(src))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "notes.en.srt"
    assert result.stdout.strip() == str(out)
    got = out.read_text()
    assert "00:00:01,000 --> 00:00:02,500" in got and "00:00:04,000 --> 00:00:06,000" in got
    assert "Good morning." in got
    assert "<i>" in got and "</i>" in got and "/i>" not in got.replace("</i>", "")
    assert src.read_bytes() == before


def test_existing_output_refused_unless_overwrite(translation_models: Path, tmp_path: Path) -> None:
    src = tmp_path / "medical.srt"
    src.write_text(SRT)
    out = tmp_path / "medical.pt.srt"
    out.write_text("corrected by hand")
    result = palavra("--from", "en", "--to", "pt", "--file", str(src))
    assert result.returncode == 1 and "exists already" in result.stderr and "--overwrite" in result.stderr
    assert out.read_text() == "corrected by hand"
    other = tmp_path / "elsewhere.srt"
    result = palavra("--from", "en", "--to", "pt", "--file", str(src), "--output", str(other))
    assert result.returncode == 0 and result.stdout.strip() == str(other)
    assert "Bom dia." in other.read_text()
    result = palavra("--from", "en", "--to", "pt", "--file", str(src), "--overwrite")
    assert result.returncode == 0, result.stderr
    assert "Bom dia." in out.read_text()


def test_guide_pt_txt_never_overwrites_itself(translation_models: Path, tmp_path: Path) -> None:
    src = tmp_path / "guide.pt.txt"
    src.write_text("Good morning.\n")
    result = palavra("--from", "en", "--to", "pt", "--file", str(src))
    assert result.returncode == 0, result.stderr
    assert src.read_text() == "Good morning.\n"
    assert (tmp_path / "guide.pt.pt.txt").read_text() == "Bom dia.\n"


def test_docx_from_the_cli_and_not_to_stdout(translation_models: Path, tmp_path: Path) -> None:
    src = tmp_path / "letter.docx"
    d = docx.Document()
    d.add_paragraph("Good morning.")
    d.save(str(src))
    result = palavra("--from", "en", "--to", "pt", "--file", str(src), "--output", "-")
    assert result.returncode == 1 and "standard output" in result.stderr
    result = palavra("--from", "en", "--to", "pt", "--file", str(src))
    assert result.returncode == 0, result.stderr
    assert docx.Document(str(tmp_path / "letter.pt.docx")).paragraphs[0].text == "Bom dia."


def test_dir_keeps_existing_outputs(translation_models: Path, tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Good morning.\n")
    (folder / "sub" / "b.srt").write_text(SRT)
    out.mkdir()
    (out / "a.pt.txt").write_text("mine")
    result = palavra("--from", "en", "--to", "pt", "--dir", str(folder), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "a.pt.txt").read_text() == "mine"
    assert "Bom dia." in (out / "sub" / "b.pt.srt").read_text()
    assert result.stdout.strip() == str(out / "sub" / "b.pt.srt")
