"""Words marked in a translation: which side is the card's word, the example sentence, the real translator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from engine.config import EngineConfig
from engine.documents.align import Alignment
from engine.errors import InputError
from engine.practice.context_words import SentencePair, aligned_words, sentence_pair
from engine.practice.marking import (
    card_from_selection,
    clean_lookup,
    clean_selection,
    sentence_with,
    whole_words,
)
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


def test_the_sentence_pair_is_the_one_holding_the_selection() -> None:
    text = "My hotel is old. Your hotel is new."
    translation = "O meu hotel é antigo. O seu hotel é novo."
    second = text.rindex("hotel")
    pair = sentence_pair(text, translation, second, second + 5, in_target=False, translate=None)
    assert pair is not None and (pair.source, pair.target) == ("Your hotel is new.", "O seu hotel é novo.")
    assert pair.source[pair.start : pair.end] == "hotel"
    # the translation shown splits differently: the source sentence is translated again (the cache makes it free)
    calls: list[str] = []

    def again(sentence: str) -> str:
        calls.append(sentence)
        return {"My hotel is old.": "O meu hotel é antigo.", "Your hotel is new.": "O seu hotel é novo."}[
            sentence
        ]

    shown = "O meu hotel é antigo; o seu hotel é novo."
    pair = sentence_pair(text, shown, second, second + 5, in_target=False, translate=again)
    assert pair is not None and pair.target == "O seu hotel é novo." and calls == ["Your hotel is new."]
    # selected in the translation: the source's sentences translated again are found in it, in order
    joined = "O meu hotel é antigo. O seu hotel é novo."
    at = joined.rindex("hotel")
    pair = sentence_pair(
        joined, "My hotel is old.  Your hotel is new.", at, at + 5, in_target=True, translate=again
    )
    assert pair is not None and (pair.source, pair.target) == ("Your hotel is new.", "O seu hotel é novo.")
    assert pair.in_target and pair.target[pair.start : pair.end] == "hotel"
    assert sentence_pair(text, "", 0, 2, in_target=False, translate=None) is None


QUESTION = "Where is the nearest pharmacy?"
PERGUNTA = "Onde é a farmácia mais próxima?"
#: a soft alignment shaped like the model's: rows Onde é a farmácia mais próxima ?, columns Where is the nearest
#: pharmacy ? ("a" looks ahead at "pharmacy", as the model's article does)
WEIGHTS = [
    [0.8, 0.1, 0.0, 0.0, 0.0, 0.05],
    [0.2, 0.7, 0.0, 0.0, 0.0, 0.05],
    [0.0, 0.0, 0.3, 0.0, 0.6, 0.05],
    [0.0, 0.0, 0.0, 0.1, 0.85, 0.0],
    [0.0, 0.0, 0.0, 0.8, 0.1, 0.0],
    [0.0, 0.0, 0.0, 0.9, 0.05, 0.0],
    [0.0, 0.0, 0.0, 0.0, 0.1, 0.8],
]


def _alignment(scale: float = 1.0) -> Alignment:
    spans = tuple(m.span() for m in re.finditer(r"\w+|\?", QUESTION))
    target = tuple(m.span() for m in re.finditer(r"\w+|\?", PERGUNTA))
    return Alignment(spans, target, scale * np.array(WEIGHTS, dtype=np.float32))


def _found(selection: str, *, in_target: bool = False, scale: float = 1.0) -> tuple[str, bool] | None:
    own = PERGUNTA if in_target else QUESTION
    at = own.index(selection)
    pair = SentencePair(QUESTION, PERGUNTA, at, at + len(selection), in_target)
    found = aligned_words(pair, _alignment(scale))
    return None if found is None else (found.text, found.strong)


def test_the_aligned_words_of_a_selection() -> None:
    assert _found("pharmacy") == (
        "farmácia",
        True,
    )  # the article that looks ahead at it is not part of the card
    assert _found("nearest") == ("mais próxima", True)
    assert _found("the nearest pharmacy") == ("a farmácia mais próxima", True)  # the selection has one: kept
    assert _found("Where") == ("onde", True)  # the capital only started the sentence
    assert _found("mais próxima", in_target=True) == ("nearest", True)
    assert _found("farmácia", in_target=True) == ("pharmacy", True)
    # the same links, but most of the attention on the end of the sentence: not a translation of it, not trusted
    assert _found("pharmacy", scale=0.5) == ("farmácia", False)
    empty = Alignment((), (), np.zeros((0, 0), np.float32))
    assert aligned_words(SentencePair(QUESTION, PERGUNTA, 21, 29, False), empty) is None
    # a selection cutting a word is the whole word
    assert whole_words(QUESTION, "harmac", 22) == ("pharmacy", 21)
    assert whole_words(QUESTION, "nearest pharmacy", 13) == ("nearest pharmacy", 13)


def test_without_a_sure_alignment_the_word_alone_is_checked_against_its_sentence() -> None:
    """An empty alignment (or none) leaves the word to its own translation; the sentence's translation is preferred
    where it holds part of it ("O hotel é" alone, "hotel" in the sentence), and the example is the selection's
    own sentence pair even when the word comes twice."""
    text = "My hotel is old. Your hotel is far away."
    translation = "O meu hotel é antigo. O seu hotel fica longe."
    pair = ("Your hotel is far away.", "O seu hotel fica longe.")
    asked: list[tuple[str, str, list[tuple[str, str]]]] = []

    def empty(source: str, target: str, pairs: Sequence[tuple[str, str]]) -> list[Alignment]:
        asked.append((source, target, list(pairs)))
        return [Alignment((), (), np.zeros((0, 0), np.float32))]

    table = {
        ("hotel", "en", "pt"): "O hotel é",
        ("far", "en", "pt"): "Distante.",
        ("longe", "pt", "en"): "Far.",
    }

    def translate(text: str, source: str, target: str) -> str:
        return table[(text, source, target)]

    def card(
        selection: str, language: str, context: str, other: str, at: int, in_tr: bool
    ) -> tuple[str, ...]:
        return card_from_selection(
            selection,
            language,
            practised="pt",
            context=context,
            other_text=other,
            translate=translate,
            align=empty,
            at=at,
            in_translation=in_tr,
        )

    second = text.rindex("hotel")
    assert card("hotel", "en", text, translation, second, False) == ("hotel", "hotel", pair[1])
    assert asked == [("en", "pt", [pair])]
    # a translation the sentence does not hold is kept as it is (the example: no sentence holds it)
    assert card("far", "en", text, translation, text.index("far"), False) == ("distante", "far", "")
    # selected in the Portuguese translation: aligned with the English->Portuguese model, the English side read
    asked.clear()
    longe = translation.index("longe")
    assert card("longe", "pt", translation, text, longe, True) == ("longe", "far", pair[1])
    assert asked == [("en", "pt", [pair])]
    # nothing translated yet: the selection's sentence is translated (and aligned) for the card
    table[("Your hotel is far away.", "en", "pt")] = pair[1]
    asked.clear()
    assert card("hotel", "en", text, "", second, False) == ("hotel", "hotel", pair[1])
    assert asked == [("en", "pt", [pair])]
    # no translator and no aligner: a practised word is kept without a meaning
    assert card_from_selection(
        "longe", "pt", practised="pt", context=translation, other_text=text, translate=None
    ) == ("longe", "", pair[1])


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


@pytest.mark.model
def test_the_other_side_is_read_in_its_sentence(translation_models: Path) -> None:
    """The real model: a word's meaning is the words its sentence's translation uses for it (alone, "nearest"
    comes back as "Mais informações" and "hotel" as "O hotel é"), selected in either pane, either direction."""
    from engine.api import Engine
    from engine.practice.context_words import SentencePair, aligned_words

    engine = Engine(EngineConfig(device="cpu"))
    try:
        practice = engine.practice
        source = "Where is the nearest pharmacy?\nMy hotel is far away."
        shown = engine.translate([source], "en", "pt")[0].text
        first, second = shown.splitlines()
        near = practice.mark_word(
            "nearest", "en", practised="pt", context=source, other_text=shown, at=source.index("nearest")
        )
        assert near.word in first.casefold() and "próxima" in near.word and near.word != "mais informações"
        assert (near.translation, near.example) == ("nearest", first)
        hotel = practice.mark_word(
            "hotel", "en", practised="pt", context=source, other_text=shown, at=source.index("hotel")
        )
        assert (hotel.word, hotel.translation, hotel.example) == ("hotel", "hotel", second)
        # selected in the Portuguese translation: practising English, the English word is the card
        at = shown.index("farmácia")
        en = practice.mark_word(
            "farmácia", "pt", practised="en", context=shown, other_text=source, at=at, in_translation=True
        )
        assert (en.word, en.translation, en.example) == ("pharmacy", "farmácia", source.splitlines()[0])
        at = shown.index(near.word)
        pt = practice.mark_word(
            near.word, "pt", practised="pt", context=shown, other_text=source, at=at, in_translation=True
        )
        assert (pt.added, pt.translation) == (False, "nearest")  # the same card, its meaning found back
        # a Portuguese text translated into English, the word selected in the English translation
        text = "Onde fica a farmácia mais próxima?"
        english = engine.translate([text], "pt", "en")[0].text
        at = english.index("nearest")
        back = practice.mark_word(
            "nearest", "en", practised="pt", context=english, other_text=text, at=at, in_translation=True
        )
        assert back.word == "mais próxima" and back.example == text

        # a text and an unrelated one: the alignment is not trusted, the word is translated alone
        unrelated = "Gosto muito de chocolate quente."
        question = source.splitlines()[0]
        lone = practice.mark_word(
            "pharmacy", "en", practised="pt", context=question, other_text=unrelated, at=21
        )
        assert (lone.word, lone.example) == ("farmácia", "")
        weak, sure = engine.document_aligner("en", "pt")([(question, unrelated), (question, first)])
        found = aligned_words(SentencePair(question, unrelated, 21, 29, False), weak)
        assert found is None or not found.strong
        found = aligned_words(SentencePair(question, first, 21, 29, False), sure)
        assert found is not None and found.strong and found.text == "farmácia"
    finally:
        engine.close()
