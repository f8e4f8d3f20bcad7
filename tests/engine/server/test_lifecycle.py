"""Safe defaults and a clean stop: loopback unless a key is given, the key enforced, parallel clients
served without errors, SIGTERM answered within 5 s with in-flight requests finished or answered 503."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from engine.errors import InputError
from engine.server.config import ServerConfig, is_loopback
from tests.engine.server.conftest import REPO, Served, start_server


@pytest.mark.parametrize(
    ("host", "loop"),
    [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False)],
)
def test_loopback_hosts(host: str, loop: bool) -> None:
    assert is_loopback(host) is loop


def test_other_hosts_need_a_key() -> None:
    with pytest.raises(InputError, match="API key"):
        ServerConfig(host="0.0.0.0").check()
    ServerConfig(host="0.0.0.0", api_key="a-long-enough-key").check()
    with pytest.raises(InputError, match="too short"):
        ServerConfig(api_key="abc").check()


def test_cli_refuses_to_expose_the_engine_without_a_key(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "engine", "serve", "--host", "0.0.0.0", "--port", "0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1
    assert "API key" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.model
def test_api_key_is_required_when_set(prepared_models: Path, tmp_path: Path) -> None:
    served = start_server(tmp_path / "data", prepared_models, "--api-key", "s3cret-key-123", verbose=False)
    try:
        body = {"q": "Hello", "source": "en", "target": "pt"}
        assert httpx.post(f"{served.url}/translate", json=body).status_code == 403
        assert (
            httpx.post(f"{served.url}/translate", json={**body, "api_key": "wrong-key-123"}).status_code
            == 403
        )
        assert (
            httpx.post(f"{served.url}/translate", json={**body, "api_key": "s3cret-key-123"}).status_code
            == 200
        )
        headers = {"Authorization": "Bearer s3cret-key-123"}
        assert httpx.post(f"{served.url}/translate", json=body, headers=headers).status_code == 200
        assert (
            httpx.get(f"{served.url}/languages").status_code == 200
        )  # clients list languages before the key
    finally:
        served.stop()


@pytest.mark.model
def test_parallel_clients_get_no_errors(server: Served) -> None:
    sentences = [f"Take {n} tablets after each meal." for n in range(1, 26)]

    def client(i: int) -> list[int]:
        with httpx.Client(base_url=server.url, timeout=60) as c:
            return [
                c.post("/translate", json={"q": s, "source": "en", "target": "pt"}).status_code
                for s in sentences[:10]
            ]

    with ThreadPoolExecutor(16) as pool:
        codes = [code for result in pool.map(client, range(16)) for code in result]
    assert codes == [200] * 160


@pytest.mark.model
@pytest.mark.slow
def test_sigterm_stops_within_five_seconds_answering_in_flight_requests(
    prepared_models: Path, tmp_path: Path
) -> None:
    served = start_server(tmp_path / "data", prepared_models, verbose=False)
    long_text = " ".join(
        f"Patients number {n} should rest, drink water and call a doctor if the fever returns."
        for n in range(600)
    )
    answers: list[int] = []
    started = threading.Event()

    def long_request() -> None:
        started.set()
        try:
            answers.append(
                httpx.post(
                    f"{served.url}/translate",
                    json={"q": long_text, "source": "en", "target": "pt"},
                    timeout=30,
                ).status_code
            )
        except httpx.HTTPError:
            answers.append(-1)

    worker = threading.Thread(target=long_request)
    worker.start()
    started.wait()
    time.sleep(1.0)  # the request is being translated
    t0 = time.monotonic()
    code = served.stop(timeout=15)
    elapsed = time.monotonic() - t0
    worker.join(10)
    assert code == 0
    assert elapsed < 5.0, f"took {elapsed:.1f} s to stop"
    assert answers and answers[0] in (200, 503)
