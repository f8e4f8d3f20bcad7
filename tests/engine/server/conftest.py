"""A real ``palavra serve`` process on a free loopback port, over the session's converted models."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@dataclass
class Served:
    """A running server: its base URL, process and where its log goes."""

    url: str
    process: subprocess.Popen[str]
    log: Path

    def stop(self, timeout: float = 10.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)


def start_server(data: Path, models: Path, *extra: str, verbose: bool = True) -> Served:
    """Start ``palavra serve --port 0`` and wait for the address it prints."""
    data.mkdir(parents=True, exist_ok=True)
    log = data / "server.log"
    env = {**os.environ, "PALAVRA_DATA_DIR": str(data), "PALAVRA_MODELS_DIR": str(models)}
    args = [sys.executable, "-m", "engine", *(["-v"] if verbose else []), "serve", "--port", "0", *extra]
    with log.open("w") as err:
        process = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    if "http://" not in line:
        process.kill()
        raise AssertionError(f"server did not start: {line!r} {log.read_text()}")
    url = line.split("serving on ", 1)[1].split(" ", 1)[0]
    return Served(url, process, log)


@pytest.fixture(scope="module")
def server(prepared_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    served = start_server(tmp_path_factory.mktemp("server-data"), prepared_models)
    yield served
    served.stop()
