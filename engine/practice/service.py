"""Exercises beyond reading aloud: dictation, translation, cloze, vocabulary cards; each graded, stored and scheduled.

:class:`PracticeService` is what ``Engine().practice`` returns. It loads no model itself: the translation exercise
asks the engine's translator (a callable passed in) for a second reference, vocabulary words missed in drills are
translated the same way, and dictation audio is made by the speech capability's voice from ``Exercise.audio_text``.
The placement test lives in :mod:`engine.practice.placement`, the progress figures in
:mod:`engine.practice.progress`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from engine.errors import InputError
from engine.practice import grading
from engine.practice.context_words import AlignWords
from engine.practice.exercise import Exercise, ExerciseResult
from engine.practice.grading import ACCENT, CORRECT, EXTRA, GradedWord
from engine.practice.marking import MarkedWord, card_from_selection
from engine.practice.placement import PlacementResult, grade_placement, placement_items
from engine.practice.progress import PracticeProgress, build_progress
from engine.practice.store import PracticeStore, VocabEntry, now_utc
from engine.speech.drills import LEVELS, Drill, load_drills

log = logging.getLogger(__name__)

DICTATION = "dictation"
TRANSLATION = "translation"
CLOZE = "cloze"
VOCAB = "vocab"
KINDS = (DICTATION, TRANSLATION, CLOZE, VOCAB)

#: ``translate(text, source, target) -> text``: the engine's translator, for a second reference.
TranslateFn = Callable[[str, str, str], str]

GAP = "____"
#: An item shown and not answered is passed over ("skipped") for this long.
SKIP_WINDOW = timedelta(minutes=30)


def other_language(language: str) -> str:
    """The learner's own language for a practised one (en <-> pt)."""
    return "en" if language == "pt" else "pt"


def _lang(language: str) -> str:
    return language.split("-")[0].lower()


class PracticeService:
    """Exercises, their grading, schedule and progress for one user.

    Args:
        database: SQLite file (default: the user's database, shared with the speaking drills).
        translate: the engine's translator, used for the translation exercise's second reference and for words
            missed in drills; None: the drill's reference only, and missed words keep their example sentence.
        align: the engine's word aligner, which finds a marked word's other side in its sentence's translation;
            None: the word is translated alone.
    """

    def __init__(
        self,
        *,
        database: Path | None = None,
        translate: TranslateFn | None = None,
        align: AlignWords | None = None,
    ) -> None:
        self._database = database
        self._translate = translate
        self._align = align
        self._store: PracticeStore | None = None
        self._lock = threading.Lock()

    def _db(self) -> PracticeStore:
        with self._lock:
            if self._store is None:
                self._store = PracticeStore(self._database)
            return self._store

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # -- choosing ---------------------------------------------------------------------------------------------
    def next_exercise(
        self,
        kind: str,
        language: str,
        *,
        topic: str | None = None,
        level: str | None = None,
        now: datetime | None = None,
    ) -> Exercise:
        """The next item of ``kind``: a due card first (most overdue), then a new item, lowest level first.

        An item shown and not answered since is passed over for ``SKIP_WINDOW``, so asking again moves on (skip).

        Raises:
            InputError: unknown kind, or nothing to practise (no vocabulary yet, no sentence of that topic and level).
        """
        lang, moment = _lang(language), now or now_utc()
        if kind not in KINDS:
            raise InputError(f"Unknown exercise '{kind}'. Choose one of: {', '.join(KINDS)}.")
        items = self._items(kind, lang, topic, level)
        if not items:
            if kind == VOCAB:
                raise InputError(
                    "Your word list is empty: mark words in translations, or practise drills first."
                )
            raise InputError("There is no sentence for that topic and level.")
        chosen, due = self._choose(kind, lang, items, moment)
        self._db().mark_seen(kind, chosen.item_id, lang, moment)
        return Exercise(**{**chosen.__dict__, "due": due})

    def _choose(
        self, kind: str, lang: str, items: Sequence[Exercise], moment: datetime
    ) -> tuple[Exercise, bool]:
        store = self._db()
        by_id = {e.item_id: e for e in items}
        seen = store.seen(kind, lang)
        cards = [c for c in store.cards(kind, lang) if c[0] in by_id]
        reviewed = {item: last for item, _due, last in cards}

        stamp = moment.isoformat()
        recent = (moment - SKIP_WINDOW).isoformat()

        def skipped(item_id: str) -> bool:
            shown = seen.get(item_id)
            return shown is not None and shown > reviewed.get(item_id, "") and shown > recent

        for item_id, due, _last in cards:  # soonest due first = most overdue first
            if due <= stamp and not skipped(item_id):
                return by_id[item_id], True
        fresh = [e for e in items if e.item_id not in reviewed and not skipped(e.item_id)]
        if fresh:
            order = {lv: i for i, lv in enumerate(LEVELS)}
            weak = {grading.fold(w) for w in self._db().weak_words(lang)} if kind == CLOZE else set()

            def rank(e: Exercise) -> tuple[int, int]:
                gap = e.item_id.split("#", 1)[-1]
                return (0 if grading.fold(gap) in weak else 1, order.get(e.level, len(LEVELS)))

            return min(fresh, key=rank), False
        # everything practised or skipped: the item shown longest ago (or due soonest)
        rest = sorted(items, key=lambda e: (seen.get(e.item_id, ""), e.item_id))
        return rest[0], False

    def _items(self, kind: str, lang: str, topic: str | None, level: str | None) -> list[Exercise]:
        if kind == VOCAB:
            return self._vocab_items(lang)
        drills = [
            d
            for d in load_drills(lang)
            if (not topic or d.topic == topic) and (not level or d.level == level)
        ]
        if kind == DICTATION:
            return [
                Exercise(kind, d.id, lang, "", d.translation, d.level, d.topic, audio_text=d.text)
                for d in drills
            ]
        if kind == TRANSLATION:
            return [Exercise(kind, d.id, lang, d.translation, "", d.level, d.topic) for d in drills]
        return self._cloze_items(lang, drills)

    def _cloze_items(self, lang: str, drills: Sequence[Drill]) -> list[Exercise]:
        weak = self._db().weak_words(lang)
        out: list[Exercise] = []
        for word in weak:  # the words the learner keeps missing, each in a sentence that has it
            for d in drills:
                if word in {grading.fold(t) for t in grading.tokens(d.text)} | {
                    t.casefold() for t in grading.tokens(d.text)
                }:
                    out.append(cloze_item(d, word))
                    break
        taken = {e.item_id for e in out}
        for d in drills:
            item = cloze_item(d, None)
            if item.item_id not in taken:
                out.append(item)
        return out

    def _sync_missed(self, lang: str) -> None:
        """Words missed in drills and exercises (weak words) join the vocabulary list, for good."""
        store = self._db()
        for word in store.weak_words(lang)[:20]:
            example = next(
                (d.text for d in load_drills(lang) if word in {t.casefold() for t in grading.tokens(d.text)}),
                "",
            )
            store.add_vocab(VocabEntry(lang, word, "", "missed", example))

    def _vocab_items(self, lang: str) -> list[Exercise]:
        store = self._db()
        self._sync_missed(lang)
        out = []
        for entry in store.vocab(lang):
            hint = entry.example
            out.append(Exercise(VOCAB, entry.word, lang, entry.word, hint, "", "", audio_text=entry.word))
        return out

    # -- grading ----------------------------------------------------------------------------------------------
    def check(
        self,
        kind: str,
        item_id: str,
        language: str,
        answer: str,
        *,
        rating: int | None = None,
        now: datetime | None = None,
    ) -> ExerciseResult:
        """Grade ``answer`` to item ``item_id``, store it and reschedule the item.

        Args:
            kind: the exercise kind.
            item_id: from :meth:`next_exercise`.
            language: the practised language.
            answer: what the learner typed.
            rating: vocabulary cards only: the learner's own rating (1 Again .. 4 Easy) instead of a typed answer.
            now: time of the answer (default now).

        Raises:
            InputError: unknown kind or item.
        """
        lang, moment = _lang(language), now or now_utc()
        drill: Drill | None = None
        if kind in (DICTATION, TRANSLATION, CLOZE):
            drill = self._drill(lang, item_id.split("#", 1)[0])
        if kind == DICTATION:
            assert drill is not None
            words = grading.diff_words(answer, drill.text)
            score = grading.word_score(words)
            result = ExerciseResult(kind, item_id, lang, score, score >= 90, drill.text, answer, words)
            self._db().count_words(
                lang,
                [
                    (grading.fold(w.expected), w.status not in (CORRECT, ACCENT))
                    for w in words
                    if w.status != EXTRA
                ],
                moment,
            )
        elif kind == TRANSLATION:
            assert drill is not None
            engine_text = self._engine_translation(drill)
            grade = grading.grade_translation(answer, drill.text, engine_text)
            score = grade.score
            result = ExerciseResult(
                kind,
                item_id,
                lang,
                score,
                grade.accepted,
                grade.closest,
                answer,
                grade.words,
                grade.chrf_reference,
                grade.chrf_engine,
                engine_text,
            )
        elif kind == CLOZE:
            assert drill is not None
            word = item_id.split("#", 1)[1] if "#" in item_id else ""
            expected = next(
                (t for t in grading.tokens(drill.text) if t.casefold() == word or grading.fold(t) == word),
                word,
            )
            status = grading.grade_word(answer, [expected])
            score = {CORRECT: 100, ACCENT: 60}.get(status, 0)
            words = (GradedWord(expected, answer.strip(), status),)
            result = ExerciseResult(kind, item_id, lang, score, status == CORRECT, expected, answer, words)
            self._db().count_words(lang, [(expected.casefold(), status == grading.WRONG)], moment)
        elif kind == VOCAB:
            entry = next((v for v in self._db().vocab(lang) if v.word == item_id), None)
            if entry is None:
                raise InputError(f"'{item_id}' is not on your word list.")
            expected_text = entry.translation or self._word_translation(lang, entry.word)
            options = [
                o.strip() for o in expected_text.replace(";", ",").replace("/", ",").split(",") if o.strip()
            ]
            if rating is not None:
                if rating not in (1, 2, 3, 4):
                    raise InputError("A rating is 1 (again), 2 (hard), 3 (good) or 4 (easy).")
                score = {1: 0, 2: 60, 3: 80, 4: 100}[rating]
                status = CORRECT if rating >= 3 else grading.WRONG
            else:
                status = grading.grade_word(answer, options or [expected_text])
                score = {CORRECT: 100, ACCENT: 80}.get(status, 0)
            words = (GradedWord(expected_text, answer.strip(), status),)
            result = ExerciseResult(kind, item_id, lang, score, score >= 75, expected_text, answer, words)
            self._db().count_words(lang, [(entry.word, score < 50)], moment)
        else:
            raise InputError(f"Unknown exercise '{kind}'. Choose one of: {', '.join(KINDS)}.")
        self._db().record(
            kind,
            item_id,
            lang,
            topic=drill.topic if drill else "",
            level=drill.level if drill else "",
            score=result.score,
            passed=result.passed,
            answer=answer,
            details={"words": [[w.expected, w.given, w.status] for w in result.words]},
            when=moment,
        )
        self._sync_missed(lang)
        return result

    def _drill(self, lang: str, drill_id: str) -> Drill:
        for d in load_drills(lang):
            if d.id == drill_id:
                return d
        raise InputError(f"There is no exercise '{drill_id}'.", detail=drill_id)

    def _engine_translation(self, drill: Drill) -> str | None:
        if self._translate is None:
            return None
        try:
            return self._translate(drill.translation, other_language(drill.language), drill.language)
        except Exception as exc:  # the drill's own reference still grades the answer
            log.info("no engine translation for the exercise: %s", type(exc).__name__)
            return None

    def _word_translation(self, lang: str, word: str) -> str:
        if self._translate is None:
            return ""
        try:
            text = self._translate(word, lang, other_language(lang)).strip().strip(".!?")
        except Exception as exc:
            log.info("no translation for a vocabulary word: %s", type(exc).__name__)
            return ""
        if text:
            self._db().set_translation(lang, word, text)
        return text

    # -- vocabulary -------------------------------------------------------------------------------------------
    def add_word(self, word: str, translation: str, language: str, *, example: str = "") -> bool:
        """Put a word the learner marked (e.g. in a translation) on their vocabulary list.

        Returns:
            True if it was new.

        Raises:
            InputError: an empty word.
        """
        clean = " ".join(grading.tokens(word))
        if not clean:
            raise InputError("There is no word to add.")
        return self._db().add_vocab(
            VocabEntry(_lang(language), clean, translation.strip(), "marked", example)
        )

    def mark_word(
        self,
        text: str,
        language: str,
        *,
        practised: str,
        context: str = "",
        other_text: str = "",
        at: int | None = None,
        in_translation: bool = False,
    ) -> MarkedWord:
        """Put a word selected in a translation on the list of ``practised``, its other side found in context.

        Args:
            text: the selection (a word or a short phrase) in ``language``.
            practised: the language the learner practises: the card's word is of that language.
            context: the text the selection was made in; other_text: that text in the other language.
            at: where the selection starts in ``context``; in_translation: whether ``context`` is the translation.

        Raises:
            InputError: no word, a whole sentence, or no translator for a word of the learner's own language.
        """
        lang, target = _lang(language), _lang(practised)
        word, meaning, example = card_from_selection(
            text,
            lang,
            practised=target,
            context=context,
            other_text=other_text,
            translate=self._translate,
            align=self._align,
            at=at,
            in_translation=in_translation,
        )
        added = self.add_word(word, meaning, target, example=example)
        return MarkedWord(" ".join(grading.tokens(word)).casefold(), meaning, target, example, added)

    def vocabulary(self, language: str) -> tuple[VocabEntry, ...]:
        """The vocabulary list of ``language``."""
        return tuple(self._db().vocab(_lang(language)))

    # -- placement and progress -------------------------------------------------------------------------------
    def placement_test(self, language: str) -> tuple[Exercise, ...]:
        """About 20 questions across A1-B2 (five per level), each with four choices."""
        return tuple(
            Exercise(
                "placement", i.item_id, i.language, i.prompt, i.hint, i.level, i.topic, options=i.options
            )
            for i in placement_items(_lang(language))
        )

    def grade_placement(
        self, language: str, answers: dict[str, str], *, now: datetime | None = None
    ) -> PlacementResult:
        """Grade a placement test and store its result: the learner's level and where to start."""
        lang = _lang(language)
        result = grade_placement(lang, answers)
        self._db().record(
            "placement",
            "placement",
            lang,
            topic="",
            level=result.level,
            score=result.score,
            passed=True,
            answer="",
            details={"per_level": [[lv, c, t] for lv, c, t in result.per_level]},
            when=now,
            schedule=False,
        )
        return result

    def progress(self, language: str, *, now: datetime | None = None) -> PracticeProgress:
        """Scores over time by exercise kind, topic and level; weakest words; streak; the placed level."""
        lang = _lang(language)
        return build_progress(lang, self._db(), load_drills(lang), now or now_utc())


def cloze_item(drill: Drill, word: str | None) -> Exercise:
    """A cloze item: ``drill``'s sentence with ``word`` (or its longest word) replaced by a gap."""
    words = grading.tokens(drill.text)
    if word is None:
        candidates = [w for w in words if len(w) >= 4 and not w[0].isdigit()] or words
        target = max(candidates, key=len)
    else:
        target = next((w for w in words if w.casefold() == word or grading.fold(w) == word), word)
    prompt = _blank(drill.text, target)
    return Exercise(
        CLOZE,
        f"{drill.id}#{target.casefold()}",
        drill.language,
        prompt,
        drill.translation,
        drill.level,
        drill.topic,
        audio_text=drill.text,
    )


def _blank(text: str, word: str) -> str:
    import re

    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", GAP, text, count=1, flags=re.IGNORECASE)
