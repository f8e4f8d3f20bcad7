"""The combination of the two judges, on constructed transcripts and forced probabilities (no model)."""

from __future__ import annotations

from engine.speech.scoring import Thresholds, align, combine, judge_transcript
from engine.speech.types import ForcedWord


def forced(*probs: float) -> list[ForcedWord]:
    return [ForcedWord(p, i * 0.5, i * 0.5 + 0.4) for i, p in enumerate(probs)]


def test_alignment_pairs_similar_words_as_substitutions() -> None:
    pairs = align(["the", "nearest", "pharmacy", "is"], ["the", "nearest", "armacy", "is"])
    assert pairs == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert align(["a", "b", "c"], ["a", "c"]) == [(0, 0), (1, None), (2, 1)]
    assert align(["a", "c"], ["a", "x", "c"]) == [(0, 0), (None, 1), (1, 2)]


def test_transcript_judge_reports_substitutions_missing_and_extra_words() -> None:
    judgements, extra = judge_transcript(
        "The train to Lisbon leaves at nine.", "The train to Lisbon now leaves at either.", "en"
    )
    verdicts = [j.verdict for j in judgements]
    assert verdicts == ["match"] * 6 + ["substituted"]
    assert judgements[6].heard == "either."
    assert extra == ["now"]
    judgements, extra = judge_transcript("I like green tea", "I like tea", "en")
    assert [j.verdict for j in judgements] == ["match", "match", "missing", "match"]
    assert extra == []


def test_numbers_and_contractions_either_way_are_not_errors() -> None:
    attempt = combine("I don't have 21 books.", "en", "I do not have twenty-one books", forced(*[0.9] * 5))
    assert [w.status for w in attempt.words] == ["correct"] * 5
    assert attempt.score >= 90
    assert attempt.extra == ()


def test_forced_probability_decides_between_flag_and_benefit_of_doubt() -> None:
    th = Thresholds()
    # substituted + improbable target -> wrong, with what was heard
    a = combine("He swims in the sea", "en", "He swims in the tea", forced(0.9, 0.9, 0.9, 0.9, 0.01), th)
    assert a.words[4].status == "wrong" and a.words[4].heard == "tea" and a.words[4].score < 40
    # substituted but the model finds the target plausible -> uncertain, not a flag
    a = combine("He swims in the sea", "en", "He swims in the tea", forced(0.9, 0.9, 0.9, 0.9, 0.6), th)
    assert a.words[4].status == "uncertain"
    # substituted but very probable (a spelling variant) -> correct
    a = combine("He swims in the sea", "en", "He swims in the tea", forced(0.9, 0.9, 0.9, 0.9, 0.95), th)
    assert a.words[4].status == "correct"
    # dropped and improbable -> missing, without timing
    a = combine("He swims in the sea", "en", "He swims the sea", forced(0.9, 0.9, 0.02, 0.9, 0.9), th)
    assert a.words[2].status == "missing" and a.words[2].start is None
    assert a.words[3].start == 1.5


def test_overall_score_and_feedback() -> None:
    good = combine("She is a nurse.", "en", "She is a nurse.", forced(0.9, 0.8, 0.7, 0.95))
    assert good.score == 100 and good.feedback.startswith("Excellent")
    bad = combine("She is a nurse.", "en", "She is a horse and", forced(0.9, 0.8, 0.7, 0.01))
    assert bad.words[3].status == "wrong"
    assert bad.extra == ("and",)
    assert bad.score < good.score
    assert "“nurse”" in bad.feedback
    silent = combine("She is a nurse.", "en", "", None)
    assert silent.score == 0 and {w.status for w in silent.words} == {"missing"}
    assert "did not hear" in silent.feedback


def test_accents_chosen_by_the_recogniser_are_not_pronunciation_errors() -> None:
    a = combine("Você está aqui?", "pt", "voce esta aqui", forced(0.9, 0.9, 0.9))
    assert [w.status for w in a.words] == ["correct"] * 3
