"""Offline, provably: every capability runs in a network namespace that has only loopback, under strace, and the
test fails on any socket that is not a local (AF_UNIX) one and on any name-service lookup.

A Python audit hook cannot see native sockets (onnxruntime's telemetry opens its own); strace sees every system
call of the process and of the children it starts (the checker, the GUI's service processes).
"""

from __future__ import annotations

# ruff: noqa: F811  (whisper_dir: the speech tests' shared install, imported as a fixture)
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.engine.speech.conftest import fixture_clip, whisper_dir  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
STRACE = shutil.which("strace")
UNSHARE = shutil.which("unshare")


def _namespaces_work() -> bool:
    if not (STRACE and UNSHARE):
        return False
    probe = subprocess.run(
        [UNSHARE, "-rn", STRACE, "-o", os.devnull, "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        not _namespaces_work(),
        reason="needs strace and unshare with user+network namespaces (apt-get install strace util-linux)",
    ),
]

_SOCKET = re.compile(r"\bsocket\((AF_[A-Z0-9]+)")
_SOCKETPAIR = re.compile(r"\bsocketpair\(")
_NSCD = re.compile(r'sun_path="[^"]*nscd')


def violations(log: Path) -> list[str]:
    """Lines of an strace log that are network use: a socket of any family but AF_UNIX, or a name-service lookup."""
    bad = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _SOCKET.search(line)
        if (m and m.group(1) != "AF_UNIX" and not _SOCKETPAIR.search(line)) or _NSCD.search(line):
            bad.append(line.strip())
    return bad


def run_offline(tmp_path: Path, *argv: str, env: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """Run ``argv`` with no network under strace; return its output and the network use strace saw."""
    log = tmp_path / f"strace-{len(list(tmp_path.glob('strace-*')))}.log"
    cmd = [UNSHARE, "-rn", STRACE, "-f", "-qq", "-e", "trace=network", "-o", str(log), *argv]
    full_env = {**os.environ, "HOME": str(tmp_path / "home"), **(env or {})}
    (tmp_path / "home").mkdir(exist_ok=True)
    proc = subprocess.run(
        cmd, capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=600, check=False
    )  # type: ignore[arg-type]
    assert proc.returncode == 0, f"{argv} failed offline:\n{proc.stderr[-3000:]}"
    return proc.stdout, violations(log)


def palavra(*args: str) -> list[str]:
    return [sys.executable, "-m", "engine", *args]


def test_the_detector_sees_a_lookup(tmp_path: Path) -> None:
    """The harness itself can fail: a DNS lookup under it is reported."""
    code = "import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\nexcept OSError:\n    pass"
    _out, bad = run_offline(tmp_path, sys.executable, "-c", code)
    assert bad, "a DNS lookup went unseen"


def test_translate_offline(tmp_path: Path, translation_models: Path) -> None:
    out, bad = run_offline(tmp_path, *palavra("translate", "--from", "en", "--to", "pt", "Good morning."))
    assert out.strip() == "Bom dia."
    assert bad == []
    assert list((tmp_path / "home").iterdir()) == [], "something wrote outside the data folder"


def test_correct_offline(tmp_path: Path) -> None:
    out, bad = run_offline(tmp_path, *palavra("correct", "--lang", "en", "She go to school every day."))
    assert "goes" in out
    assert bad == []


def test_transcribe_and_drill_scoring_offline(tmp_path: Path, whisper_dir: Path) -> None:
    env = {"PALAVRA_WHISPER_MODEL": str(whisper_dir)}
    clip = str(fixture_clip("lj001-0004.flac"))
    out, bad = run_offline(tmp_path, *palavra("transcribe", "--lang", "en", "--beam", "1", clip), env=env)
    assert "block books" in out.lower()
    assert bad == []
    target = "produced the block books which were the immediate predecessors of the true printed book"
    out, bad = run_offline(
        tmp_path, *palavra("drill", "score", "--lang", "en", "--target", target, clip, "--json"), env=env
    )
    assert '"score"' in out
    assert bad == []


@pytest.mark.slow
def test_gui_start_offline(tmp_path: Path, translation_models: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen"}
    out, bad = run_offline(
        tmp_path, sys.executable, "-m", "desktop.launcher", "gui", "--smoke-test", "Good morning.", env=env
    )
    assert "Bom dia." in out and "corrections" in out
    assert bad == []
    written = {p.relative_to(tmp_path / "home").parts[0] for p in (tmp_path / "home").rglob("*")}
    assert written <= {".config"}, f"written outside the data and config folders: {written}"
