"""Result types of the speech package (re-exported by :mod:`engine.speech.service`)."""

from __future__ import annotations

from dataclasses import dataclass

#: Word statuses, from best to worst.
CORRECT = "correct"
UNCERTAIN = "uncertain"
WRONG = "wrong"
MISSING = "missing"
STATUSES = (CORRECT, UNCERTAIN, WRONG, MISSING)


@dataclass(frozen=True)
class Word:
    """A transcribed word with its timing (seconds) and Whisper's probability for it."""

    word: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Segment:
    """A stretch of transcribed speech."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    """The result of transcribing a file or buffer.

    Attributes:
        text: the whole text, segments joined by spaces.
        language: the language code used (given, or detected).
        language_probability: the detector's probability for it (1.0 when the language was given).
        duration: seconds of audio.
        segments: the segments, in order, with word timings.
    """

    text: str
    language: str
    language_probability: float
    duration: float
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class WordResult:
    """How one target word came out in an attempt.

    Attributes:
        word: the target word as written (punctuation kept).
        status: ``"correct"``, ``"uncertain"``, ``"wrong"`` or ``"missing"``.
        score: 0-100.
        start: where the word was found in the attempt audio (seconds), None when missing.
        end: end of the word in the attempt audio (seconds), None when missing.
        heard: what the transcript had there when it differs from the target.
    """

    word: str
    status: str
    score: int
    start: float | None
    end: float | None
    heard: str | None = None


@dataclass(frozen=True)
class Attempt:
    """A scored attempt at reading a target sentence aloud.

    Attributes:
        target: the target text.
        language: its language code.
        score: the overall score, 0-100.
        words: one result per target word, in order.
        extra: words said that are not in the target.
        feedback: one sentence for the learner.
        transcript: what Whisper heard freely.
    """

    target: str
    language: str
    score: int
    words: tuple[WordResult, ...]
    extra: tuple[str, ...]
    feedback: str
    transcript: str


@dataclass(frozen=True)
class ForcedWord:
    """A target word's forced alignment: Whisper's probability of it given the audio, and its timing."""

    probability: float
    start: float
    end: float
