"""The checker's faster start changes no correction: lists read from the spelling cache and checkers loaded in
the background give the same edits as a cold, uncached service, on real learner sentences in both languages."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.config import EngineConfig
from engine.correct import spelling
from engine.correct.service import CorrectionService
from engine.correct.spelling import SpellingModel
from engine.errors import UnsupportedLanguageError

pytestmark = pytest.mark.model

ENGLISH = [
    "Yesterday I goes to the beach with my freinds and we was very happy.",
    "She dont like apples, but she eat a oranges every day.",
    "I have recieved you're letter and I will answer it tommorow.",
    "Their going to the libary becuase they has a exam.",
    "He is more taller than his brother and he play footbal good.",
    "I am agree with you that the goverment should help peoples.",
    "Can you borrow me you pen? I forgot mine in the house.",
    "This is a correct sentence with nothing to change.",
]
PORTUGUESE = [
    row["wrong"]
    for row in csv.DictReader(
        (Path(__file__).parent / "data" / "pt_learner.tsv").open(encoding="utf-8"), delimiter="\t"
    )
] + [
    "Ontem eu fui na praia com meus amigo e nós estava muito feliz.",
    "Voce nao sabe onde fica a estacao de trem?",
    "Eu gosto muito de ler livros e escrevr cartas para minha familia.",
    "Os menino brincam no parque depois da escola.",
]


def _join_preloads() -> None:
    for thread in threading.enumerate():
        if thread.name == "palavra-correction-preload":
            thread.join(timeout=300)


def _edits(service: CorrectionService, texts: list[str], language: str) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for text in texts:
        result = service.check(text, language)
        out.append((result.language, result.level, *result.edits))
    return out


@pytest.fixture
def fresh_lists(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, SpellingModel]]:
    """The process's shared word lists, replaced by new ones for one test (the others keep theirs)."""
    models: dict[str, SpellingModel] = {}
    monkeypatch.setattr(spelling, "_SHARED", models)
    yield models


def test_cached_lists_and_preloading_give_the_same_edits(fresh_lists: dict[str, SpellingModel]) -> None:
    # Reference: lists decoded from the package's own files, checkers loaded by the checks themselves.
    fresh_lists.update(en=SpellingModel("en", cached=False), pt=SpellingModel("pt", cached=False))
    cold = CorrectionService(EngineConfig())
    expected = {
        "en": _edits(cold, ENGLISH, "auto"),
        "pt": _edits(cold, PORTUGUESE, "auto"),
        "pt-BR": _edits(cold, PORTUGUESE, "pt-BR"),
    }
    cold.close()

    # First start: the lists are decoded and their compact copy written.
    fresh_lists.clear()
    first = CorrectionService(EngineConfig())
    assert _edits(first, ENGLISH, "auto") == expected["en"]
    assert _edits(first, PORTUGUESE, "auto") == expected["pt"]
    assert {m.loaded_from for m in fresh_lists.values()} == {"package"}
    first.close()

    # Next start: read from the copy, checkers preloaded while the checks run.
    fresh_lists.clear()
    warm = CorrectionService(EngineConfig())
    warm.preload(["pt", "en"])
    results: dict[str, list[tuple[object, ...]]] = {}
    threads = [
        threading.Thread(target=lambda: results.__setitem__("en", _edits(warm, ENGLISH, "auto"))),
        threading.Thread(target=lambda: results.__setitem__("pt", _edits(warm, PORTUGUESE, "auto"))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "checks made while preloading never ended"
    results["pt-BR"] = _edits(warm, PORTUGUESE, "pt-BR")
    assert results == expected
    assert {fresh_lists[k].loaded_from for k in ("en", "pt")} == {"cache"}
    _join_preloads()
    warm.close()


def test_preload_loads_every_checker_of_the_languages_in_the_background() -> None:
    service = CorrectionService(EngineConfig())
    service.preload(["en", "pt-PT"])
    wanted = {
        (name, variant)
        for variant, pipeline in (("en-US", "en"), ("pt-PT", "pt"))
        for stage in service._pipelines[pipeline]
        for name in stage
    }
    _join_preloads()
    assert wanted <= set(service._checkers)
    service.close()


def test_preload_refuses_what_it_cannot_load() -> None:
    service = CorrectionService(EngineConfig())
    with pytest.raises(UnsupportedLanguageError):
        service.preload(["fr"])
    with pytest.raises(UnsupportedLanguageError):
        service.preload(["auto"])
