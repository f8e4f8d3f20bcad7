"""Normalisation of words for comparison (no model)."""

from __future__ import annotations

import pytest

from engine.speech.normalize import (
    normalize_word,
    number_to_words,
    recogniser_spelling,
    split_words,
    to_units,
)


@pytest.mark.parametrize(
    ("n", "en", "pt"),
    [
        (0, "zero", "zero"),
        (7, "seven", "sete"),
        (21, "twenty one", "vinte e um"),
        (100, "one hundred", "cem"),
        (115, "one hundred fifteen", "cento e quinze"),
        (300, "three hundred", "trezentos"),
        (1455, "one thousand four hundred fifty five", "mil quatrocentos e cinquenta e cinco"),
        (2000, "two thousand", "dois mil"),
        (2024, "two thousand twenty four", "dois mil e vinte e quatro"),
    ],
)
def test_numbers_are_spelled_in_both_languages(n: int, en: str, pt: str) -> None:
    assert number_to_words(n, "en") == en
    assert number_to_words(n, "pt") == pt


def test_words_keep_punctuation_but_lone_marks_are_dropped() -> None:
    assert split_words("Hello , world! — ok?") == ["Hello", "world!", "ok?"]


def test_case_punctuation_and_apostrophes_are_normalised() -> None:
    assert normalize_word("“Coffee,”", "en") == ["coffee"]
    assert normalize_word("don’t", "en") == ["do", "not"]
    assert normalize_word("forty-two", "en") == ["forty", "two"]
    assert normalize_word("Você?", "pt") == ["você"]
    assert normalize_word("—", "en") == []


def test_digits_and_spelled_numbers_give_the_same_units() -> None:
    digits = [u.text for u in to_units("I have 21 cats", "en")]
    spelled = [u.text for u in to_units("I have twenty-one cats", "en")]
    assert digits == spelled == ["i", "have", "twenty", "one", "cats"]
    assert [u.text for u in to_units("São 3 horas", "pt")] == ["são", "três", "horas"]


def test_units_remember_their_word() -> None:
    units = to_units("I can't go", "en")
    assert [(u.text, u.word_index) for u in units] == [("i", 0), ("can", 1), ("not", 1), ("go", 2)]


def test_british_spellings_compare_equal_and_are_forced_in_american_form() -> None:
    assert normalize_word("Favourite,", "en") == normalize_word("favorite", "en") == ["favorite"]
    assert recogniser_spelling("Colour,", "en") == "Color,"
    assert recogniser_spelling("centre.", "en") == "center."
    assert recogniser_spelling("house", "en") == "house"
    assert recogniser_spelling("centre", "pt") == "centre"


def test_ordinals_written_as_digits_compare_equal() -> None:
    assert normalize_word("15th", "en") == ["fifteenth"]
    assert normalize_word("21st", "en") == ["twenty", "first"]
    assert normalize_word("12th,", "en") == ["twelfth"]
    assert normalize_word("40th", "en") == ["fortieth"]
