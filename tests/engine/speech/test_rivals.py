"""Rival sentences for disputed words, and how their gains decide a word's status (no model)."""

from __future__ import annotations

from engine.speech.rivals import DROP, SWAP, RivalScore, rivals_for
from engine.speech.scoring import Thresholds, combine, disputed_words
from engine.speech.types import ForcedWord


def forced(n: int, p: float = 0.5) -> list[ForcedWord]:
    return [ForcedWord(p, i * 0.5, i * 0.5 + 0.4) for i in range(n)]


def test_a_dropped_word_gives_its_punctuation_to_the_word_before_and_its_capital_to_the_next() -> None:
    rivals = rivals_for("Está muito frio lá fora.", "pt", {4: None})
    assert [(r.kind, r.text) for r in rivals] == [(DROP, " Está muito frio lá.")]
    rivals = rivals_for("Tem açúcar neste suco?", "pt", {0: "De"})
    assert [(r.kind, r.text) for r in rivals] == [
        (DROP, " Açúcar neste suco?"),
        (SWAP, " De açúcar neste suco?"),
    ]


def test_a_swap_keeps_the_target_words_punctuation_and_uses_the_recognisers_spelling() -> None:
    rivals = rivals_for("My favourite colour is green.", "en", {4: "grey,"})
    assert [r.text for r in rivals] == [" My favorite color is.", " My favorite color is gray."]
    # the same word heard (only case or punctuation differ): no swap rival
    assert [r.kind for r in rivals_for("Bom dia!", "pt", {1: "Dia."})] == [DROP]


def test_disputed_words_are_those_the_transcript_did_not_match() -> None:
    assert disputed_words("Nossa casa tem três quartos.", "Nossa casa tem três mercado.", "pt") == {
        4: "mercado."
    }
    assert disputed_words("Está muito frio lá fora.", "Está frio lá fora.", "pt") == {1: None}
    # accents, hyphens, clitics and numbers written either way are not disputes
    assert disputed_words("Trabalho às sextas-feiras.", "Trabalho as sextas feiras", "pt") == {}
    assert disputed_words("Chamo-me Ana e tenho 21 anos.", "chamo me Ana e tenho vinte e um anos", "pt") == {}


def test_rival_gains_decide_disputed_words() -> None:
    th = Thresholds(rival_flag=4.0, rival_unsure=0.0)
    target, heard = "Nossa casa tem três quartos.", "Nossa casa tem três mercado."
    # the audio fits "mercado" far better than the target: wrong, with what was heard
    rivals = [RivalScore(4, DROP, 3.0), RivalScore(4, SWAP, 13.0)]
    word = combine(target, "pt", heard, forced(5), th, rivals=rivals).words[4]
    assert (word.status, word.heard) == ("wrong", "mercado.")
    # the audio fits dropping it best: missing
    rivals = [RivalScore(4, DROP, 19.0), RivalScore(4, SWAP, 10.0)]
    assert combine(target, "pt", heard, forced(5), th, rivals=rivals).words[4].status == "missing"
    # a rival only slightly better (the free decoder's spelling of the same sounds): uncertain, not flagged
    rivals = [RivalScore(4, DROP, -9.0), RivalScore(4, SWAP, 1.5)]
    assert combine(target, "pt", heard, forced(5), th, rivals=rivals).words[4].status == "uncertain"
    # the target fits better than every rival: correct, whatever its forced probability
    rivals = [RivalScore(4, DROP, -12.0), RivalScore(4, SWAP, -3.0)]
    attempt = combine(target, "pt", heard, forced(5, 0.01), th, rivals=rivals)
    assert attempt.words[4].status == "correct"
    assert [w.status for w in attempt.words[:4]] == ["correct"] * 4
