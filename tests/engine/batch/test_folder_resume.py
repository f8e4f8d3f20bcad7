"""``palavra translate --dir``: a run killed half-way resumes without redoing the files it finished."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

FILES = 1000
SENTENCES = [
    "Take one tablet every eight hours.",
    "The pharmacy opens at nine.",
    "Where is the nearest hospital?",
    "Keep the medicine out of the reach of children.",
]


def _cli(src: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "engine",
        "translate",
        "--from",
        "en",
        "--to",
        "pt",
        "--dir",
        str(src),
        "--out",
        str(out),
    ]


def _outputs(out: Path) -> dict[str, int]:
    return {
        str(p.relative_to(out)): p.stat().st_mtime_ns
        for p in out.rglob("*.txt")
        if not p.name.startswith(".")
    }


def test_a_killed_folder_run_resumes_without_redoing_finished_files(
    translation_models: Path, tmp_path: Path
) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    for i in range(FILES):
        sub = src / f"batch{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"note{i:04d}.txt").write_text(
            f"{SENTENCES[i % len(SENTENCES)]} Note {i}.\n", encoding="utf-8"
        )
    sources = {p: p.read_bytes() for p in src.rglob("*.txt")}

    first = subprocess.Popen(_cli(src, out), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert first.stdout is not None
    written = 0
    deadline = time.monotonic() + 300
    while written < 150 and time.monotonic() < deadline:  # wait until it is well under way ...
        if first.stdout.readline():
            written += 1
    os.kill(first.pid, signal.SIGKILL)  # ... then kill it without warning
    first.wait(30)
    assert written >= 150, "the first run did not get going"
    finished = _outputs(out)
    assert 150 <= len(finished) < FILES, len(finished)
    for name in finished:  # what the killed run left is complete, never half a file
        text = (out / name).read_text(encoding="utf-8")
        number = str(int(Path(name).name[4:8]))
        assert text.endswith(".\n") and re.search(rf"\b{number}\b", text), (name, text)

    second = subprocess.run(_cli(src, out), capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stderr
    assert f"{len(finished)} file(s) already translated" in second.stderr
    assert f"{FILES - len(finished)} file(s) to translate." in second.stderr
    after = _outputs(out)
    assert len(after) == FILES
    assert {name: after[name] for name in finished} == finished  # nothing finished was written again
    assert {p: p.read_bytes() for p in src.rglob("*.txt")} == sources  # the sources are untouched
    assert (out / "batch2" / "note0002.pt.txt").read_text(encoding="utf-8").startswith("Onde")


def test_overwrite_with_a_folder_is_refused_and_nothing_is_touched(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    (src / "a.txt").write_text("Where is the nearest hospital?\n", encoding="utf-8")
    (out / "a.txt").write_text("minha tradução revista à mão\n", encoding="utf-8")
    done = subprocess.run([*_cli(src, out), "--overwrite"], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "--overwrite does not go with --dir" in done.stderr
    assert (out / "a.txt").read_text(encoding="utf-8") == "minha tradução revista à mão\n"
