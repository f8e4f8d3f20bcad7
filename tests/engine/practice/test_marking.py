"""Words marked in a translation: which side is the card's word, the example sentence, the real translator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from engine.config import EngineConfig
from engine.errors import InputError
from engine.practice.marking import clean_lookup, clean_selection, sentence_with
from engine.practice.service import PracticeService

SOURCE = "Where is the nearest pharmacy?\nI need something for a headache, and my hotel is far away."
TRANSLATION = (
    "Onde é a farmácia mais próxima?\nEu preciso de algo para uma dor de cabeça, e meu hotel está longe."
)


def test_selection_and_lookup_are_tidied() -> None:
    assert clean_selection(" «farmácia», ") == "farmácia"
    assert clean_selection("dor de cabeça.") == "dor de cabeça"
    with pytest.raises(InputError):
        clean_selection(" ?! ")
    with pytest.raises(InputError, match="short phrase"):
        clean_selection("I need something for a headache")
    assert clean_lookup("Pharmacy.", "farmácia") == "pharmacy"
    assert clean_lookup("Lisboa", "Lisbon") == "Lisboa"  # a name keeps its capital
    assert clean_lookup("ATM.", "multibanco") == "ATM"  # so does an acronym
    assert sentence_with(TRANSLATION, "Dor de cabeca") == (
        "Eu preciso de algo para uma dor de cabeça, e meu hotel está longe."
    )
    assert sentence_with(TRANSLATION, "cabeça de") == ""


def test_a_word_of_either_side_becomes_a_card_of_the_practised_language(tmp_path: Path) -> None:
    calls: list[tuple[str, str, str]] = []
    table = {
        ("headache", "en", "pt"): "Dor de cabeça.",
        ("Farmácia", "pt", "en"): "Pharmacy.",
        ("farmácia", "pt", "en"): "pharmacy",
    }

    def translate(text: str, source: str, target: str) -> str:
        calls.append((text, source, target))
        return table[(text, source, target)]

    svc = PracticeService(database=tmp_path / "p.sqlite3", translate=translate)
    try:
        # an English word selected in the source: its Portuguese translation is the card, the Portuguese
        # sentence that holds it the example
        own = svc.mark_word("headache,", "en", practised="pt", context=SOURCE, other_text=TRANSLATION)
        assert (own.word, own.translation, own.language, own.added) == (
            "dor de cabeça",
            "headache",
            "pt",
            True,
        )
        assert own.example.startswith("Eu preciso de algo")
        # a Portuguese word selected in the translation: the card is the word itself
        pt = svc.mark_word("Farmácia", "pt", practised="pt", context=TRANSLATION, other_text=SOURCE)
        assert (pt.word, pt.translation, pt.example) == (
            "farmácia",
            "Pharmacy",
            "Onde é a farmácia mais próxima?",
        )
        again = svc.mark_word("farmácia", "pt", practised="pt", context=TRANSLATION, other_text=SOURCE)
        assert not again.added
        stored = svc.vocabulary("pt")
        assert [(v.word, v.translation, v.source) for v in stored] == [
            ("dor de cabeça", "headache", "marked"),
            ("farmácia", "Pharmacy", "marked"),
        ]
        assert svc.vocabulary("en") == ()
        # and it is a card: asked for its meaning, with its example as the hint
        card = svc.next_exercise("vocab", "pt", now=datetime(2026, 1, 5, tzinfo=UTC))
        assert (card.prompt, card.hint) == ("dor de cabeça", own.example)
        assert svc.check("vocab", card.item_id, "pt", "headache").passed
        with pytest.raises(InputError):
            svc.mark_word("a b c d e f", "pt", practised="pt")
    finally:
        svc.close()


def test_no_translator_keeps_a_practised_word_but_cannot_look_up_an_own_word(tmp_path: Path) -> None:
    svc = PracticeService(database=tmp_path / "p.sqlite3")
    try:
        assert svc.mark_word("obrigada", "pt", practised="pt").translation == ""
        with pytest.raises(InputError, match="look this word up"):
            svc.mark_word("thanks", "en", practised="pt")
    finally:
        svc.close()


@pytest.mark.model
def test_marking_with_the_real_translator(translation_models: Path) -> None:
    from engine.api import Engine

    engine = Engine(EngineConfig(device="cpu"))
    try:
        translation = engine.translate([SOURCE], "en", "pt")[0].text
        # "pharmacy" selected in the English source while practising Portuguese
        marked = engine.practice.mark_word(
            "pharmacy", "en", practised="pt", context=SOURCE, other_text=translation
        )
        assert (marked.word, marked.translation) == ("farmácia", "pharmacy")
        assert marked.example == translation.splitlines()[0]  # the Portuguese sentence that holds it
        # a Portuguese word selected in the translation, practising Portuguese
        longe = engine.practice.mark_word(
            "longe", "pt", practised="pt", context=translation, other_text=SOURCE
        )
        assert longe.word == "longe" and "far" in longe.translation and "longe" in longe.example
        # practising English: the same English word is the card itself, its Portuguese the meaning
        en = engine.practice.mark_word(
            "pharmacy", "en", practised="en", context=SOURCE, other_text=translation
        )
        assert (en.word, en.translation, en.language) == ("pharmacy", "farmácia", "en")
        assert [v.word for v in engine.practice.vocabulary("pt")] == ["farmácia", "longe"]
        assert [v.word for v in engine.practice.vocabulary("en")] == ["pharmacy"]
    finally:
        engine.close()
