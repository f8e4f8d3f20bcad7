"""Word-by-word scoring of a drill attempt: transcript alignment combined with forced probabilities.

Two judges look at each target word:

(a) the free transcript, aligned to the target by a weighted edit distance over normalised units (case,
    punctuation, numbers written either way, contractions): the word was matched, substituted (we say what was
    heard) or missing; transcript words aligned to nothing are "extra";
(b) the forced score: the mean probability Whisper gives to the target word's own tokens when decoding is
    forced along the target text. A slurred word scores low there even when the free transcript guessed it.

:class:`Thresholds` holds the calibrated cut-offs; ``benchmarks/speech_drills.py`` measures them
(docs/speech.md).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from engine.speech.normalize import Unit, split_words, to_units
from engine.speech.rivals import DROP, SWAP, RivalScore
from engine.speech.types import CORRECT, MISSING, UNCERTAIN, WRONG, Attempt, ForcedWord, WordResult


@dataclass(frozen=True)
class Thresholds:
    """Cut-offs combining the two judges (probabilities are mean token probabilities in 0-1).

    Attributes:
        flag: a word the transcript replaced by another is flagged "wrong" when its forced probability is below
            this; at or above it the model finds the target plausible, so the word is "uncertain".
        flag_missing: the same for a word absent from the transcript ("missing"). Higher than ``flag``: when the
            free decoder wrote nothing there, the forced decoder's language model still props up a word that
            fits the sentence (a cut word kept p = 0.35 in the shared Portuguese clip).
        trust: a replaced or absent word whose forced probability reaches this counts as correct (spelling
            variants, words the free decoder skipped).
        matched_floor: a word the transcript matched is still "uncertain" when its forced probability is below
            this.
        full: forced probability at which a word's score reaches its status's maximum.
        extra_penalty: points taken from the overall score per extra word (at most 3 counted).
        rival_flag: when rival sentences were scored (:mod:`engine.speech.rivals`), a disputed word is flagged
            when its best rival's log-probability gain over the target exceeds this; ``flag`` and
            ``flag_missing`` are then not used.
        rival_unsure: ... and "uncertain" when the gain exceeds this (else correct).
        rival_floor: ... and flagged whatever its rivals when its forced probability is below this (a word cut
            at the end of the sentence has no rival that fits much better: nothing follows it to contradict).
    """

    flag: float = 0.05
    flag_missing: float = 0.6
    trust: float = 0.7
    matched_floor: float = 0.0
    full: float = 0.5
    extra_penalty: int = 5
    rival_flag: float = 0.0
    rival_unsure: float = -2.0
    rival_floor: float = 0.0


DEFAULT_THRESHOLDS = Thresholds()
#: Calibrated per language by ``benchmarks/speech_drills.py`` on the calibration half (even sentences) of its
#: labelled set; docs/practice.md has the held-out figures. The middle of the best plateau is taken (en 2.5-4.5,
#: pt 6.5-9.0): the Portuguese voice's accent gives correct words rivals up to ~7.9 nats better than the target.
LANGUAGE_THRESHOLDS = {
    "en": Thresholds(rival_flag=3.5, rival_unsure=3.0),
    "pt": Thresholds(rival_flag=8.0, rival_unsure=3.0),
}


def thresholds_for(language: str) -> Thresholds:
    """The calibrated cut-offs of ``language`` (English's for a language without its own)."""
    return LANGUAGE_THRESHOLDS.get(language.split("-")[0].lower(), LANGUAGE_THRESHOLDS["en"])


_SUB_MIN_COST = 0.5  # a substitution never costs less than this, so exact matches are always preferred


def _fold(text: str) -> str:
    """Lower-case and drop accents: Whisper's accent choices are not the learner's pronunciation."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _same(a: str, b: str) -> bool:
    return a == b or _fold(a) == _fold(b)


def _sub_cost(a: str, b: str) -> float:
    if _same(a, b):
        return 0.0
    ratio = difflib.SequenceMatcher(None, _fold(a), _fold(b)).ratio()
    return _SUB_MIN_COST + (1.0 - _SUB_MIN_COST) * (1.0 - ratio)


def align(target: Sequence[str], heard: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Align two unit sequences by weighted edit distance.

    Substitutions cost 0.5-1.0 depending on how alike the two strings are, so a misheard word pairs with its
    neighbour-in-sound rather than becoming a deletion plus an insertion.

    Returns:
        Pairs ``(target_index, heard_index)`` in order; ``None`` on one side means deletion/insertion.
    """
    n, m = len(target), len(heard)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = float(i)
    for j in range(1, m + 1):
        cost[0][j] = float(j)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(
                cost[i - 1][j - 1] + _sub_cost(target[i - 1], heard[j - 1]),
                cost[i - 1][j] + 1.0,
                cost[i][j - 1] + 1.0,
            )
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and cost[i][j] == cost[i - 1][j - 1] + _sub_cost(target[i - 1], heard[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and cost[i][j] == cost[i - 1][j] + 1.0:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


@dataclass(frozen=True)
class _Judgement:
    verdict: str  # "match" | "substituted" | "missing"
    heard: str | None


def judge_transcript(target: str, heard_text: str, language: str) -> tuple[list[_Judgement], list[str]]:
    """Judge (a): per target word, whether the free transcript matched, substituted or dropped it.

    Returns:
        One judgement per word of :func:`split_words` (target), and the transcript words said in excess.
    """
    t_units: list[Unit] = to_units(target, language)
    h_words = split_words(heard_text)
    h_units: list[Unit] = to_units(heard_text, language)
    pairs = align([u.text for u in t_units], [u.text for u in h_units])
    n_words = len(split_words(target))
    matched = [0] * n_words
    total = [0] * n_words
    heard_for: list[list[int]] = [[] for _ in range(n_words)]
    used_heard: set[int] = set()
    for unit in t_units:
        total[unit.word_index] += 1
    for ti, hi in pairs:
        if ti is not None and hi is not None:
            widx = t_units[ti].word_index
            used_heard.add(h_units[hi].word_index)
            if _same(t_units[ti].text, h_units[hi].text):
                matched[widx] += 1
            else:
                heard_for[widx].append(h_units[hi].word_index)
    judgements: list[_Judgement] = []
    for widx in range(n_words):
        if total[widx] and matched[widx] == total[widx]:
            judgements.append(_Judgement("match", None))
        elif heard_for[widx] or matched[widx]:
            heard = " ".join(dict.fromkeys(h_words[k] for k in heard_for[widx])) or None
            judgements.append(_Judgement("substituted", heard))
        elif total[widx] == 0:
            judgements.append(_Judgement("match", None))  # nothing to say (e.g. a lone symbol)
        else:
            judgements.append(_Judgement("missing", None))
    extra = [
        h_words[k] for k in range(len(h_words)) if k not in used_heard and to_units(h_words[k], language)
    ]
    return judgements, extra


def disputed_words(target: str, heard_text: str, language: str) -> dict[int, str | None]:
    """Target words the free transcript did not match: index -> what it had there (None: nothing)."""
    judgements, _extra = judge_transcript(target, heard_text, language)
    return {k: j.heard for k, j in enumerate(judgements) if j.verdict != "match"}


def _scaled(p: float, th: Thresholds) -> float:
    return min(1.0, max(0.0, p / th.full))


def combine(
    target: str,
    language: str,
    heard_text: str,
    forced: Sequence[ForcedWord] | None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    rivals: Sequence[RivalScore] | None = None,
) -> Attempt:
    """Combine judge (a) (the free transcript) with judge (b) (forced probabilities) into an :class:`Attempt`.

    Args:
        target: the sentence the learner read.
        language: its language code.
        heard_text: Whisper's free transcript of the attempt.
        forced: one :class:`ForcedWord` per word of ``split_words(target)``, or None when only (a) is
            available (then statuses come from the transcript alone and scores are 100/0).
        thresholds: calibrated cut-offs.
        rivals: the scored rival sentences of the disputed words (:mod:`engine.speech.rivals`); when given,
            they decide the disputed words instead of the forced probability cut-offs.

    Returns:
        The scored attempt.
    """
    words = split_words(target)
    judgements, extra = judge_transcript(target, heard_text, language)
    if forced is not None and len(forced) != len(words):
        raise ValueError(f"forced has {len(forced)} entries for {len(words)} target words")
    results: list[WordResult] = []
    for index, (word, judgement) in enumerate(zip(words, judgements, strict=True)):
        fw = forced[index] if forced is not None else None
        p = fw.probability if fw is not None else (1.0 if judgement.verdict == "match" else 0.0)
        s = _scaled(p, thresholds)
        if judgement.verdict == "match":
            status = CORRECT if p >= thresholds.matched_floor else UNCERTAIN
        elif rivals is not None:
            status = _rival_status(index, judgement.verdict, rivals, thresholds, p)
        elif p >= thresholds.trust:
            status = CORRECT
        elif p >= (thresholds.flag if judgement.verdict == "substituted" else thresholds.flag_missing):
            status = UNCERTAIN
        else:
            status = WRONG if judgement.verdict == "substituted" else MISSING
        if status == CORRECT:
            score = 75 + 25 * s
        elif status == UNCERTAIN:
            score = 40 + 34 * s
        else:
            score = 39 * s
        start = end = None
        if fw is not None and status != MISSING:
            start, end = round(fw.start, 2), round(fw.end, 2)
        results.append(WordResult(word, status, round(score), start, end, judgement.heard))
    overall = sum(r.score for r in results) / len(results) if results else 0.0
    overall -= thresholds.extra_penalty * min(3, len(extra))
    final = max(0, min(100, round(overall)))
    return Attempt(
        target=target,
        language=language,
        score=final,
        words=tuple(results),
        extra=tuple(extra),
        feedback=feedback(results, extra, heard_text),
        transcript=heard_text.strip(),
    )


def _rival_status(index: int, verdict: str, rivals: Sequence[RivalScore], th: Thresholds, p: float) -> str:
    """A disputed word's status from its rivals' gains over the target (and its forced probability ``p``)."""
    gains: dict[str, float] = {}
    for r in rivals:
        if r.word_index == index:
            gains[r.kind] = max(r.gain, gains.get(r.kind, float("-inf")))
    if not gains:
        return UNCERTAIN
    best = max(gains.values())
    if best > th.rival_flag or p < th.rival_floor:
        dropped = gains.get(DROP, float("-inf")) >= gains.get(SWAP, float("-inf"))
        return MISSING if verdict == "missing" or dropped else WRONG
    return UNCERTAIN if best > th.rival_unsure else CORRECT


def feedback(results: Sequence[WordResult], extra: Sequence[str], heard_text: str) -> str:
    """One sentence for the learner, naming at most three words to work on."""
    if not heard_text.strip():
        return "We did not hear any speech. Check the microphone and read the sentence aloud."
    flagged = [r for r in results if r.status in (WRONG, MISSING)]
    unsure = [r for r in results if r.status == UNCERTAIN]

    def quoted(rs: Sequence[WordResult]) -> str:
        names = [f"“{r.word.strip('.,;:!?¿¡')}”" for r in rs[:3]]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    if not flagged and not unsure:
        if extra:
            return "Every word came through; you added a few words that are not in the sentence."
        return "Excellent: every word came through clearly."
    if not flagged:
        return f"Good. {quoted(unsure)} sounded unclear: listen to the model and try once more."
    missing = [r for r in flagged if r.status == MISSING]
    if len(missing) == len(flagged):
        return f"You left out {quoted(missing)}. Read the whole sentence again."
    return f"Work on {quoted(flagged)}: listen to the model voice and repeat the sentence."
