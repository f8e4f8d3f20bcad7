"""What the practice service hands out and hands back: an exercise item and a graded answer."""

from __future__ import annotations

from dataclasses import dataclass

from engine.practice.grading import GradedWord


@dataclass(frozen=True)
class Exercise:
    """One exercise item to show.

    Attributes:
        kind: ``dictation``, ``translation``, ``cloze``, ``vocab`` or ``placement``.
        item_id: stable id to send back with the answer.
        language: the practised language.
        prompt: what the learner sees: nothing for dictation (they listen), the sentence to translate, the
            sentence with a gap, the word of a card, a placement question.
        hint: help shown under the prompt (the sentence's translation, an example sentence).
        level: CEFR level of the item.
        topic: its topic.
        audio_text: what the voice reads (dictation; also the full sentence of a cloze, to hear after answering).
        options: answers to choose from (placement).
        due: whether it came back because the scheduler had it due (not new).
    """

    kind: str
    item_id: str
    language: str
    prompt: str
    hint: str
    level: str
    topic: str
    audio_text: str = ""
    options: tuple[str, ...] = ()
    due: bool = False


@dataclass(frozen=True)
class ExerciseResult:
    """A graded answer.

    Attributes:
        kind: the exercise kind.
        item_id: the item.
        score: 0-100.
        passed: whether it counts as right (the scheduler's rating follows the score).
        expected: the answer expected (the sentence, the word).
        answer: what the learner gave.
        words: word-by-word grading (dictation, translation; one word for cloze and cards).
        chrf_reference: translation only: chrF++ against the drill's reference.
        chrf_engine: translation only: chrF++ against the engine's translation.
        engine_translation: translation only: the engine's translation, when one was made.
    """

    kind: str
    item_id: str
    language: str
    score: int
    passed: bool
    expected: str
    answer: str
    words: tuple[GradedWord, ...]
    chrf_reference: float | None = None
    chrf_engine: float | None = None
    engine_translation: str | None = None
