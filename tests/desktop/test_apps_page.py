"""The Other apps page starts the real ``palavra serve``, shows where it listens, enforces the key when
other computers are allowed, says in the UI language when the port is taken, and stops it."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.pages.apps_page import AppsPage, port_free
from desktop.settings import Settings
from desktop.workers import Workers

pytestmark = pytest.mark.model


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def page(qtbot: Any, settings: Settings, translation_models: Path, fake_engine: Any) -> Any:
    workers = Workers()
    settings.server_port = _free_port()
    page = AppsPage(fake_engine, workers, settings)
    qtbot.addWidget(page)
    yield page
    if page.running:
        with qtbot.waitSignal(page.stopped, timeout=15000):
            page.stop()
    workers.shutdown()


def test_start_serves_translations_and_stop_frees_the_port(qtbot: Any, page: Any) -> None:
    page.start()
    qtbot.waitUntil(lambda: bool(page.url), timeout=60000)
    assert page.address.text() == page.url == f"http://127.0.0.1:{page.port.value()}"
    assert page.start_button.text() == "Stop server" and not page.port.isEnabled()
    r = httpx.post(f"{page.url}/translate", json={"q": "Good morning.", "source": "en", "target": "pt"})
    assert r.status_code == 200 and "Bom dia" in r.json()["translatedText"]
    with qtbot.waitSignal(page.stopped, timeout=15000):
        page.stop()
    assert page.status.text() == "Stopped." and page.start_button.text() == "Start server"
    assert port_free("127.0.0.1", page.port.value())


def test_the_key_is_required_when_asked(qtbot: Any, page: Any, settings: Settings) -> None:
    page.require_key.setChecked(True)
    key = page.key.text()
    assert len(key) >= 24 and settings.server_api_key == key and settings.server_require_key
    page.start()
    qtbot.waitUntil(lambda: bool(page.url), timeout=60000)
    body = {"q": "Hello", "source": "en", "target": "pt"}
    assert httpx.post(f"{page.url}/translate", json=body).status_code == 403
    assert httpx.post(f"{page.url}/translate", json={**body, "api_key": key}).status_code == 200


def test_a_taken_port_is_said_plainly(qtbot: Any, page: Any) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", page.port.value()))
        busy.listen(1)
        page.start()
        assert not page.running
        assert (
            page.status.text() == f"Port {page.port.value()} is used by another program. Choose another port."
        )
