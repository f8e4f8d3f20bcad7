"""Grading typed answers: dictation word by word with accents apart, translation by chrF++, single words."""

from __future__ import annotations

from engine.practice import grading


def statuses(answer: str, reference: str) -> list[tuple[str, str, str]]:
    return [(w.expected, w.given, w.status) for w in grading.diff_words(answer, reference)]


def test_dictation_counts_accents_apart_from_wrong_words() -> None:
    words = statuses("onde fica a rodoviaria", "Onde fica a rodoviária?")
    assert words == [
        ("Onde", "onde", "correct"),
        ("fica", "fica", "correct"),
        ("a", "a", "correct"),
        ("rodoviária", "rodoviaria", "accent"),
    ]
    assert grading.word_score(grading.diff_words("onde fica a rodoviaria", "Onde fica a rodoviária?")) == 88
    assert grading.word_score(grading.diff_words("Onde fica a rodoviária", "Onde fica a rodoviária?")) == 100


def test_dictation_missing_wrong_and_extra_words() -> None:
    words = statuses("Eu tenho passagem pra Salvador agora", "Eu tenho uma passagem para Salvador.")
    assert ("uma", "", "missing") in words
    assert ("para", "pra", "wrong") in words
    assert ("", "agora", "extra") in words
    score = grading.word_score(
        grading.diff_words("Eu tenho passagem pra Salvador agora", "Eu tenho uma passagem para Salvador.")
    )
    assert 40 < score < 80


def test_translation_accepts_the_engine_output_and_close_variants() -> None:
    reference = "Onde fica a rodoviária?"
    engine = "Onde é a estação rodoviária?"
    exact_engine = grading.grade_translation("Onde é a estação rodoviária?", reference, engine)
    assert exact_engine.accepted and exact_engine.score == 100 and exact_engine.closest == engine
    close = grading.grade_translation("Onde fica a rodoviaria", reference, engine)
    assert close.accepted and close.closest == reference
    assert [w.status for w in close.words] == ["correct", "correct", "correct", "accent"]
    wrong = grading.grade_translation("Eu gosto de café.", reference, engine)
    assert not wrong.accepted and wrong.score < 30
    assert not grading.grade_translation("", reference, engine).accepted


def test_single_words() -> None:
    assert grading.grade_word("Obrigada", ["obrigada"]) == grading.CORRECT
    assert grading.grade_word("voce", ["você"]) == grading.ACCENT
    assert grading.grade_word("thanks", ["thank you", "thanks"]) == grading.CORRECT
    assert grading.grade_word("obrigado", ["obrigada"]) == grading.WRONG
