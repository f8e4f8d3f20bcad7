"""Exercises end to end on the shipped drill sentences: choosing, grading, storing, scheduling, progress."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engine.errors import InputError
from engine.practice.service import PracticeService

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_next_moves_on_without_an_answer_and_filters_topic_and_level(practice: PracticeService) -> None:
    first = practice.next_exercise("dictation", "pt", now=T0)
    second = practice.next_exercise("dictation", "pt", now=T0 + timedelta(seconds=1))
    assert first.item_id != second.item_id
    assert first.prompt == "" and first.audio_text  # the learner hears the sentence, they do not see it
    food = practice.next_exercise("translation", "pt", topic="food", level="B1", now=T0)
    assert (food.topic, food.level) == ("food", "B1") and food.prompt  # the English sentence to translate
    with pytest.raises(InputError):
        practice.next_exercise("cloze", "pt", topic="no-such-topic", now=T0)
    with pytest.raises(InputError):
        practice.next_exercise("vocab", "pt", now=T0)  # nothing on the word list yet


def test_a_failed_item_comes_back_before_a_passed_one(practice: PracticeService) -> None:
    a = practice.next_exercise("translation", "pt", now=T0)
    b = practice.next_exercise("translation", "pt", now=T0 + timedelta(seconds=1))
    failed = practice.check(
        "translation", a.item_id, "pt", "Eu gosto de bananas.", now=T0 + timedelta(seconds=2)
    )
    passed = practice.check(
        "translation", b.item_id, "pt", practice_reference(b.item_id), now=T0 + timedelta(seconds=3)
    )
    assert not failed.passed and passed.passed and passed.score == 100
    cards = {item: due for item, due, _ in practice._db().cards("translation", "pt")}
    assert cards[a.item_id] < cards[b.item_id]
    # five minutes on, only the failed one is due again: the passed one waits
    soon = practice.next_exercise("translation", "pt", now=T0 + timedelta(minutes=5))
    assert soon.item_id == a.item_id and soon.due
    # once both are due, the failed one (more overdue) is asked first
    later = practice.next_exercise("translation", "pt", now=T0 + timedelta(days=30))
    assert later.item_id == a.item_id and later.due


def practice_reference(drill_id: str) -> str:
    from engine.speech.drills import load_drills

    return next(d.text for d in load_drills("pt") if d.id == drill_id)


def test_translation_uses_the_engine_output_as_a_second_reference(practice: PracticeService) -> None:
    item = next(
        e
        for e in iter(lambda: practice.next_exercise("translation", "pt", now=T0), None)
        if e.item_id == "pt-a1-travel-01"
    )
    result = practice.check("translation", item.item_id, "pt", "Onde é a estação rodoviária?", now=T0)
    assert result.passed and result.score == 100
    assert result.engine_translation == "Onde é a estação rodoviária?"
    assert result.chrf_reference is not None and result.chrf_reference < 100


def test_missed_words_come_back_in_cloze_and_on_the_word_list(practice: PracticeService) -> None:
    # "passagem" missed twice in dictation of its sentence: it becomes a weak word
    for n in range(2):
        practice.check(
            "dictation", "pt-a1-travel-02", "pt", "Eu tenho uma para Salvador", now=T0 + timedelta(seconds=n)
        )
    gap = practice.next_exercise("cloze", "pt", now=T0 + timedelta(minutes=1))
    assert gap.item_id.endswith("#passagem") and "____" in gap.prompt and "passagem" not in gap.prompt
    result = practice.check("cloze", gap.item_id, "pt", "passagem", now=T0 + timedelta(minutes=2))
    assert result.passed and result.score == 100
    card = practice.next_exercise("vocab", "pt", now=T0 + timedelta(minutes=3))
    assert card.item_id == "passagem" and "passagem" in card.hint  # an example sentence with the word


def test_vocabulary_cards_marked_words_typed_or_rated(practice: PracticeService) -> None:
    assert practice.add_word("Obrigada", "thank you, thanks", "pt")
    assert not practice.add_word("obrigada", "", "pt")
    card = practice.next_exercise("vocab", "pt", now=T0)
    assert card.item_id == "obrigada"
    assert practice.check("vocab", "obrigada", "pt", "Thanks", now=T0).passed
    wrong = practice.check("vocab", "obrigada", "pt", "please", now=T0 + timedelta(seconds=1))
    assert not wrong.passed and wrong.expected == "thank you, thanks"
    rated = practice.check("vocab", "obrigada", "pt", "", rating=4, now=T0 + timedelta(seconds=2))
    assert rated.passed and rated.score == 100
    with pytest.raises(InputError):
        practice.check("vocab", "nunca-vista", "pt", "x", now=T0)
    assert [v.word for v in practice.vocabulary("pt")] == ["obrigada"]


def test_placement_test_levels(practice: PracticeService) -> None:
    items = practice.placement_test("pt")
    assert len(items) == 20
    assert [sum(1 for i in items if i.level == lv) for lv in ("A1", "A2", "B1", "B2")] == [5, 5, 5, 5]
    assert all(len(set(i.options)) == 4 and "____" in i.prompt for i in items)
    from engine.practice.placement import placement_items

    answers = {i.item_id: i.answer for i in placement_items("pt")}
    everything = practice.grade_placement("pt", answers, now=T0)
    assert (everything.level, everything.start_level, everything.score) == ("B2", "B2", 100)
    lower = {k: v for k, v in answers.items() if k.startswith(("pt-a1", "pt-a2"))}
    result = practice.grade_placement("pt", lower, now=T0 + timedelta(seconds=1))
    assert (result.level, result.start_level) == ("A2", "B1")
    assert result.start_drill_id.startswith("pt-b1")
    none = practice.grade_placement("pt", {}, now=T0 + timedelta(seconds=2))
    assert (none.level, none.start_level, none.score) == ("pre-A1", "A1", 0)
    with pytest.raises(InputError):
        practice.grade_placement("pt", {"not-a-question": "x"})
    assert practice.progress("pt", now=T0).placed_level == "pre-A1"


def test_progress_by_kind_topic_level_and_streak(practice: PracticeService) -> None:
    days = [T0 - timedelta(days=2), T0 - timedelta(days=1), T0]
    for n, day in enumerate(days):
        practice.check("dictation", "pt-a1-travel-01", "pt", "Onde fica a rodoviária?", now=day)
        practice.check(
            "translation",
            "pt-a1-travel-02",
            "pt",
            "x" if n == 0 else "Eu tenho uma passagem para Salvador.",
            now=day,
        )
    p = practice.progress("pt", now=T0 + timedelta(hours=1))
    assert p.streak_days == 3 and p.days_active == 3
    kinds = {g.name: (g.count, round(g.mean_score)) for g in p.by_kind}
    assert kinds["dictation"] == (3, 100) and kinds["translation"][0] == 3
    assert [g.name for g in p.by_level] == ["A1"] and p.by_topic[0].name == "travel"
    assert len(p.points) == 6 and p.points[0].when < p.points[-1].when
    # a day without practice breaks the streak
    assert practice.progress("pt", now=T0 + timedelta(days=2)).streak_days == 0
