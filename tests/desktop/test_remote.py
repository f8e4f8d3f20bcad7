"""A service in a child process: same answers, errors keep their class and message, close stops the child."""

from __future__ import annotations

import pytest

from desktop.remote import RemoteService
from engine.api import Engine
from engine.cancel import CancelToken
from engine.config import EngineConfig
from engine.errors import Cancelled, PalavraError, UnsupportedLanguageError


def test_remote_calls_errors_and_restart() -> None:
    remote = RemoteService("translation", EngineConfig())
    try:
        local = [(m.name, m.source, m.target) for m in Engine().list_models()]
        assert [(m.name, m.source, m.target) for m in remote.list_models()] == local
        with pytest.raises(UnsupportedLanguageError) as err:
            remote.translate(["hello"], "en", "xx")
        assert isinstance(err.value, PalavraError) and "xx" in err.value.user_message
        token = CancelToken()
        token.cancel()
        with pytest.raises(Cancelled):
            remote.detect_language("hello", cancel=token)
        process = remote._process
        assert process is not None and process.is_alive()
        remote.close()
        assert not process.is_alive()
        assert remote.needs_preparation() in (True, False)  # a new child starts on demand
    finally:
        remote.close()
