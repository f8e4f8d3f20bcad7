"""Drill scoring on a labelled set of attempts: per-word precision/recall of flags, scores of correct readings,
latency of the scoring pipelines, and the threshold sweep used to calibrate :class:`engine.speech.scoring.Thresholds`.

The labelled set (built on the fly, nothing is written):

- real human clips from ../shared/data/speech (LJ Speech, LibriSpeech-like, JFK, Portuguese) read as-is against
  (a) their reference (all words correct), (b) the reference with one word replaced (that word must be flagged),
  (c) the reference with one word added (the learner "left it out": it must be flagged), and (d) the clip with one
  word cut out of the audio at the times our forced alignment gives (that word must be flagged);
- synthetic speech of drill sentences from resources/drills: hibari-tts for English, espeak-ng (pt-br) for
  Portuguese, each (a) read correctly, (b) read with one word replaced by another, (c) read with one word dropped.

"Flagged" means status wrong or missing; "not correct" adds uncertain. The items are split by sentence into a
calibration half (even) and an evaluation half (odd); the sweep runs on the calibration half only.

    .venv/bin/python benchmarks/speech_drills.py [--en 40] [--pt 24] [--threads 2] [--no-latency | --latency-only]

Without ../shared/data/speech the real-clip part is skipped (the script says so) and the synthetic part still runs.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import pickle
import re
import statistics
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.config import EngineConfig
from engine.speech.audio import SAMPLE_RATE, AudioArray, load_audio
from engine.speech.drills import load_drills
from engine.speech.normalize import split_words, to_units
from engine.speech.rivals import RivalScore
from engine.speech.scoring import DEFAULT_THRESHOLDS, LANGUAGE_THRESHOLDS, Thresholds, combine, disputed_words
from engine.speech.service import SpeechService
from engine.speech.types import ForcedWord

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
REAL = [
    ("ljspeech/LJ001-0002.wav", "en", "in being comparatively modern."),
    ("ljspeech/LJ001-0004.wav", "en", "produced the block books, which were the immediate predecessors of the true printed book,"),
    ("ljspeech/LJ001-0005.wav", "en", "the invention of movable metal letters in the middle of the fifteenth century may justly be considered as the invention of the art of printing."),
    ("ljspeech/LJ001-0008.wav", "en", "has never been surpassed."),
    ("picovoice-leopard/test.wav", "en", "Mr. Quilter is the apostle of the middle classes and we are glad to welcome his gospel."),
    ("faster-whisper/jfk.flac", "en", "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."),
    ("picovoice-leopard/test_pt.wav", "pt", "Uma raposa velha não consegue aprender nenhum ofício."),
]  # fmt: skip
#: speech_voice.py reads every VOICE_STEP-th drill sentence (its default 50); the labelled set leaves them out.
VOICE_STEP = 6
SUBSTITUTES = {
    "en": [
        "garden",
        "yellow",
        "quickly",
        "window",
        "market",
        "silver",
        "blanket",
        "pencil",
        "morning",
        "river",
    ],
    "pt": [
        "janela",
        "amarelo",
        "mercado",
        "cidade",
        "cadeira",
        "verde",
        "caneta",
        "manhã",
        "montanha",
        "farol",
    ],
}


@dataclass(frozen=True)
class Item:
    """One labelled attempt: the audio, the target, and which target words must be flagged."""

    source: str
    kind: str
    group: int
    language: str
    target: str
    audio: AudioArray
    labels: tuple[bool, ...]


@dataclass(frozen=True)
class Raw:
    """What the model said about an item; any thresholds can be applied to it afterwards."""

    transcript: str
    forced: tuple[ForcedWord, ...]
    seconds: float
    latency: float
    rivals: tuple[RivalScore, ...] = ()


def pick(words: list[str]) -> int:
    """The word to alter: the longest (letters only) after the first word."""
    core = [len("".join(c for c in w if c.isalpha())) for w in words]
    return max(range(1, len(words)), key=lambda i: (core[i], -i)) if len(words) > 1 else 0


def substitute(words: list[str], k: int, language: str, seed: int) -> list[str]:
    """Replace word ``k`` (punctuation kept) with a different word."""
    options = [w for w in SUBSTITUTES[language] if w not in words[k].lower()]
    new = options[seed % len(options)]
    tail = re.search(r"[^\w]*$", words[k])
    return [*words[:k], new + (tail.group(0) if tail else ""), *words[k + 1 :]]


def quiet_point(audio: AudioArray, seconds: float, window: float = 0.12) -> int:
    """The quietest 10 ms frame within ``window`` s of ``seconds`` (word timings are only good to ~0.1 s)."""
    hop = SAMPLE_RATE // 100
    centre = int(seconds * SAMPLE_RATE)
    lo, hi = (
        max(0, centre - int(window * SAMPLE_RATE)),
        min(len(audio) - hop, centre + int(window * SAMPLE_RATE)),
    )
    if hi <= lo:
        return min(max(0, centre), len(audio))
    energy = [float(np.sum(np.square(audio[i : i + hop]))) for i in range(lo, hi, hop)]
    return lo + hop * int(np.argmin(energy)) + hop // 2


def fade(samples: AudioArray, *, out: bool, ms: int = 10) -> AudioArray:
    """A short linear fade at the cut, so the join does not click."""
    n = min(len(samples), SAMPLE_RATE * ms // 1000)
    if n == 0:
        return samples
    ramp = np.linspace(1.0, 0.0, n, dtype=np.float32) if out else np.linspace(0.0, 1.0, n, dtype=np.float32)
    result = samples.copy()
    if out:
        result[-n:] *= ramp
    else:
        result[:n] *= ramp
    return result


def build_real(service: SpeechService) -> list[Item]:
    """Items from the human clips (skipped with a message when the shared data is absent)."""
    folder = SHARED / "speech"
    if not folder.is_dir():
        print(f"(real clips skipped: {folder} not found; set PALAVRA_SHARED_DATA)\n")
        return []
    items: list[Item] = []
    for group, (name, lang, ref) in enumerate(REAL):
        audio = load_audio(folder / name)
        words = split_words(ref)
        n = len(words)
        k = pick(words)
        items.append(Item("real", "correct", group, lang, ref, audio, (False,) * n))
        sub = " ".join(substitute(words, k, lang, group))
        items.append(
            Item("real", "target word replaced", group, lang, sub, audio, tuple(i == k for i in range(n)))
        )
        added = [*words[: k + 1], SUBSTITUTES[lang][group % 10], *words[k + 1 :]]
        labels = tuple(i == k + 1 for i in range(n + 1))
        items.append(Item("real", "word added to target", group, lang, " ".join(added), audio, labels))
        forced = service._recognizer.analyse_utterance(audio, lang, ref, free=False).forced or ()
        a, b = quiet_point(audio, forced[k].start), quiet_point(audio, forced[k].end)
        cut = np.concatenate([fade(audio[:a], out=True), fade(audio[b:], out=False)])
        items.append(
            Item("real", "word cut from audio", group, lang, ref, cut, tuple(i == k for i in range(n)))
        )
    return items


def build_synthetic(service: SpeechService, language: str, count: int, group0: int) -> list[Item]:
    """Items read by the synthetic voice of ``language``, from drill sentences spread over all levels."""
    if count <= 0:
        return []
    # Sentences that speech_voice.py does not read (its default 50 are every 6th): that benchmark's figure is
    # then measured on sentences the thresholds were never calibrated on.
    drills = [d for i, d in enumerate(load_drills(language)) if i % VOICE_STEP != 0]
    step = max(1, len(drills) // count)
    items: list[Item] = []
    source = f"{service.voice_name(language)} {language}"
    for j, drill in enumerate(drills[::step][:count]):
        group = group0 + j
        words = split_words(drill.text)
        n = len(words)
        k = pick(words)

        def speak(text: str) -> AudioArray:
            return synthesized(service, text, language)

        items.append(Item(source, "correct", group, language, drill.text, speak(drill.text), (False,) * n))
        said = " ".join(substitute(words, k, language, j))
        labels = tuple(i == k for i in range(n))
        items.append(Item(source, "word replaced", group, language, drill.text, speak(said), labels))
        dropped = " ".join(words[:k] + words[k + 1 :])
        items.append(Item(source, "word dropped", group, language, drill.text, speak(dropped), labels))
    return items


#: Folder where synthesized readings are kept between runs (``--cache``); None: synthesize every time.
CACHE: Path | None = None


def synthesized(service: SpeechService, text: str, language: str) -> AudioArray:
    """The synthetic voice reading ``text`` at 16 kHz, from the ``--cache`` folder when it was read before."""
    name = hashlib.sha1(f"{service.voice_name(language)}|{language}|{text}".encode()).hexdigest()
    path = CACHE / f"{name}.npy" if CACHE is not None else None
    if path is not None and path.is_file():
        return np.asarray(np.load(path), dtype=np.float32)
    samples, rate = service.synthesize(text, language)
    audio = load_audio(samples, rate)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, audio)
    return audio


def analyse(service: SpeechService, items: list[Item]) -> list[Raw]:
    """One scoring pass per item (the production path), timed."""
    raws = []
    for item in items:

        def disputes(transcript: str, item: Item = item) -> dict[int, str | None]:
            return disputed_words(item.target, transcript, item.language)

        t0 = time.perf_counter()
        res = service._recognizer.analyse_utterance(item.audio, item.language, item.target, disputes=disputes)
        latency = time.perf_counter() - t0
        raws.append(Raw(res.transcript, res.forced or (), len(item.audio) / SAMPLE_RATE, latency, res.rivals))
    return raws


@dataclass
class Counts:
    """Confusion counts of per-word flags."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_nc: int = 0
    fp_nc: int = 0
    fn_nc: int = 0

    def p(self, nc: bool = False) -> float:
        tp, fp = (self.tp_nc, self.fp_nc) if nc else (self.tp, self.fp)
        return tp / (tp + fp) if tp + fp else 1.0

    def r(self, nc: bool = False) -> float:
        tp, fn = (self.tp_nc, self.fn_nc) if nc else (self.tp, self.fn)
        return tp / (tp + fn) if tp + fn else 1.0


#: How a set of raw analyses is turned into statuses: per-language thresholds, with or without the rivals.
Scorer = tuple[dict[str, Thresholds], bool]
SHIPPED: Scorer = (LANGUAGE_THRESHOLDS, True)
#: The scorer before the rival test: forced-probability cut-offs calibrated on English, for every language.
BEFORE: Scorer = ({"en": Thresholds(), "pt": Thresholds()}, False)


def evaluate(items: list[Item], raws: list[Raw], scorer: Scorer) -> tuple[Counts, list[int], int]:
    """Flag counts over all words, the overall scores of the correct readings, and how many of those readings
    scored >= 90 with no word flagged."""
    table, use_rivals = scorer
    counts = Counts()
    correct_scores = []
    clean = 0
    for item, raw in zip(items, raws, strict=True):
        th = table.get(item.language, table["en"])
        attempt = combine(
            item.target,
            item.language,
            raw.transcript,
            raw.forced,
            th,
            rivals=raw.rivals if use_rivals else None,
        )
        flags = 0
        for word, label in zip(attempt.words, item.labels, strict=True):
            flagged = word.status in ("wrong", "missing")
            not_correct = word.status != "correct"
            flags += flagged
            counts.tp += flagged and label
            counts.fp += flagged and not label
            counts.fn += (not flagged) and label
            counts.tp_nc += not_correct and label
            counts.fp_nc += not_correct and not label
            counts.fn_nc += (not not_correct) and label
        if item.kind == "correct":
            correct_scores.append(attempt.score)
            clean += attempt.score >= 90 and flags == 0
    return counts, correct_scores, clean


def wer_of_correct(items: list[Item], raws: list[Raw]) -> float:
    """Word error rate of the free transcripts of the correct readings: can Whisper understand this voice at all?"""
    errors = words = 0
    for item, raw in zip(items, raws, strict=True):
        if item.kind != "correct":
            continue
        ref = [u.text for u in to_units(item.target, item.language)]
        hyp = [u.text for u in to_units(raw.transcript, item.language)]
        prev = list(range(len(hyp) + 1))
        for i, r in enumerate(ref, 1):
            cur = [i] + [0] * len(hyp)
            for j, h in enumerate(hyp, 1):
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
            prev = cur
        errors += prev[-1]
        words += len(ref)
    return errors / max(1, words)


def intelligible(items: list[Item], raws: list[Raw], limit: float = 0.2) -> set[str]:
    """Sources whose correct readings Whisper transcribes with a WER below ``limit``."""
    keep = set()
    for source in {i.source for i in items}:
        sel = [(i, r) for i, r in zip(items, raws, strict=True) if i.source == source]
        if wer_of_correct([i for i, _ in sel], [r for _, r in sel]) < limit:
            keep.add(source)
    return keep


def report(title: str, items: list[Item], raws: list[Raw], scorers: dict[str, Scorer]) -> None:
    """Print one row per source and language (and overall) for each scorer."""
    print(f"### {title}\n")
    print(
        "| scorer | source | attempts | WER of correct readings | flag P | flag R | not-correct P | not-correct R "
        "| correct readings >= 90, none flagged | mean score |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    good = intelligible(items, raws)
    groups: list[tuple[str, list[int]]] = []
    for source in sorted({i.source for i in items}):
        for lang in sorted({i.language for i in items if i.source == source}):
            sel = [k for k, i in enumerate(items) if i.source == source and i.language == lang]
            groups.append((f"{source} ({lang})" if source == "real" else source, sel))
    for lang in sorted({i.language for i in items}):
        sel = [k for k, i in enumerate(items) if i.language == lang and i.source in good]
        groups.append((f"**all intelligible, {lang}**", sel))
    for name, (scorer_name, scorer) in itertools.product([g[0] for g in groups], scorers.items()):
        sel = dict(groups)[name]
        if not sel:
            continue
        its, rws = [items[k] for k in sel], [raws[k] for k in sel]
        c, scores, clean = evaluate(its, rws, scorer)
        mean = statistics.mean(scores) if scores else 0.0
        print(
            f"| {scorer_name} | {name} | {len(sel)} | {100 * wer_of_correct(its, rws):.1f}% | {c.p():.3f} | "
            f"{c.r():.3f} | {c.p(True):.3f} | {c.r(True):.3f} | {clean}/{len(scores)} | {mean:.1f} |"
        )
    print()


def sweep(items: list[Item], raws: list[Raw], language: str) -> Thresholds:
    """Grid search of the rival cut-offs on one language's calibration half: the F1 of flags first, then that of
    "not correct"; among equal settings, the middle one."""
    rows = []
    for flag, unsure, floor in itertools.product(
        [x / 2 for x in range(0, 25)],
        (-6.0, -4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0),
        (0.0, 0.005, 0.01, 0.02, 0.05),
    ):
        if unsure >= flag:
            continue
        th = replace(DEFAULT_THRESHOLDS, rival_flag=flag, rival_unsure=unsure, rival_floor=floor)
        c, _scores, clean = evaluate(items, raws, ({language: th, "en": th}, True))
        f1 = 2 * c.p() * c.r() / (c.p() + c.r()) if c.p() + c.r() else 0.0
        f1_nc = 2 * c.p(True) * c.r(True) / (c.p(True) + c.r(True)) if c.p(True) + c.r(True) else 0.0
        rows.append((round(f1, 4), round(f1_nc, 4), clean, c, th))
    best = max(r[:3] for r in rows)
    tied = [r for r in rows if r[:3] == best]
    flags = sorted({r[4].rival_flag for r in tied})
    middle = flags[len(flags) // 2]
    chosen = [r for r in tied if r[4].rival_flag == middle]
    unsures = sorted({r[4].rival_unsure for r in chosen})
    chosen = [r for r in chosen if r[4].rival_unsure == unsures[len(unsures) // 2]]
    pick_row = max(chosen, key=lambda r: r[4].rival_floor)  # the highest floor that costs nothing
    n = len({i.group for i in items})
    print(
        f"Sweep ({language}, calibration half: {len(items)} attempts, {n} sentences): best flag F1 {best[0]:.3f}, "
        f"not-correct F1 {best[1]:.3f}, clean correct readings {best[2]}; reached for rival_flag in "
        f"{flags[0]}-{flags[-1]}; chosen rival_flag={pick_row[4].rival_flag}, "
        f"rival_unsure={pick_row[4].rival_unsure}, rival_floor={pick_row[4].rival_floor} (flag P {pick_row[3].p():.3f}, R {pick_row[3].r():.3f})\n"
    )
    return pick_row[4]


def pipelines(service: SpeechService, items: list[Item], runs: int) -> None:
    """Latency of the designs for utterances of 3.5-6.5 s (model loaded; median over items of median of runs)."""
    from faster_whisper import WhisperModel

    rec = service._recognizer
    sel = [i for i in items if 3.5 <= len(i.audio) / SAMPLE_RATE <= 6.5 and i.kind == "correct"][:8]
    model: WhisperModel = rec._load()
    designs = {}

    def plain(
        item: Item,
    ) -> None:  # faster-whisper transcribe (30 s window) + forced align on its own 30 s encode
        segs, _ = model.transcribe(item.audio, language=item.language, beam_size=1, without_timestamps=True)
        list(segs)
        feats = model.feature_extractor(np.concatenate([item.audio, np.zeros(30 * SAMPLE_RATE, np.float32)]))
        enc = model.encode(feats[:, :3000])
        tok = rec._tokenizer(item.language)
        model.find_alignment(tok, [tok.encode(" " + item.target)], enc, len(item.audio) // 160)

    def shared30(item: Item) -> None:  # one 30 s encoder pass shared by free decoding and forced alignment
        tok = rec._tokenizer(item.language)
        feats = model.feature_extractor(np.concatenate([item.audio, np.zeros(30 * SAMPLE_RATE, np.float32)]))
        enc = model.encode(feats[:, :3000])
        rec._free_decode(model, tok, enc, len(item.audio) / SAMPLE_RATE, item.target)
        model.find_alignment(tok, [tok.encode(" " + item.target)], enc, len(item.audio) // 160)

    designs["plain: transcribe + separate forced pass (2 x 30 s encodes)"] = plain
    designs["one 30 s encoder pass shared by both scorers"] = shared30
    designs["short window (utterance + 4 s) shared by both [shipped]"] = lambda i: rec.analyse_utterance(
        i.audio, i.language, i.target
    )
    designs["first result: forced scores only, short window"] = lambda i: rec.analyse_utterance(
        i.audio, i.language, i.target, free=False
    )
    designs["score_attempt() end to end [shipped]"] = lambda i: service.score_attempt(
        i.target, i.audio, i.language
    )
    print(f"### Latency after the learner stops, {len(sel)} utterances of 3.5-6.5 s, model loaded\n")
    print(
        f"(load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; CPU s = process CPU time, all threads)\n"
    )
    print("| pipeline | median wall s | max wall s | median CPU s |\n| --- | --- | --- | --- |")
    for name, fn in designs.items():
        per_item, cpu_item = [], []
        for item in sel:
            times, cpus = [], []
            for _ in range(runs):
                t0, c0 = time.perf_counter(), time.process_time()
                fn(item)
                times.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            per_item.append(statistics.median(times))
            cpu_item.append(statistics.median(cpus))
        print(
            f"| {name} | {statistics.median(per_item):.2f} | {max(per_item):.2f} | "
            f"{statistics.median(cpu_item):.2f} |"
        )
    print()


def after_stop(service: SpeechService, items: list[Item]) -> None:
    """Time from the end of the learner's speech to the feedback, through the real recorder.

    Each correct reading is played in real time into :class:`engine.speech.recorder.Recorder` (as a microphone
    would deliver it, followed by silence); the recording ends by itself after its end-of-utterance silence
    (0.8 s), and is scored as the app does: either only then, or, as the Practise page does, already at the pause
    that turns out to be the end (``on_pause``, 0.3 s of silence), the early result being used when the final
    recording is the one scored early. The clock starts when the last sample of speech has been delivered.
    """
    from engine.speech.recorder import ArraySource, Recorder

    readings = [i for i in items if 2.0 <= len(i.audio) / SAMPLE_RATE <= 8.0 and i.kind == "correct"]
    sel = [i for lang in ("en", "pt") for i in [r for r in readings if r.language == lang][:6]]
    if not sel:
        return
    rows: dict[str, list[float]] = {}
    used = 0
    for early_scoring in (False, True):
        for item in sel:
            # trim the voice's own trailing silence: the clock starts at the last loud sample
            loud = np.flatnonzero(np.abs(item.audio) > 0.01)
            speech = item.audio[: int(loud[-1]) + 1] if loud.size else item.audio
            last: list[tuple[AudioArray, threading.Thread, list[Any]]] = []

            def on_pause(audio: AudioArray, item: Item = item, last: list[Any] = last) -> None:
                box: list[Any] = []
                worker = threading.Thread(
                    target=lambda: box.append(service.score_attempt(item.target, audio, item.language))
                )
                worker.start()
                last.append((audio, worker, box))

            recorder = Recorder(
                ArraySource(speech, realtime=True, trailing_silence=3.0),
                on_pause=on_pause if early_scoring else None,
            )
            t0 = time.perf_counter()
            recorder.start()
            recorder.wait(timeout=30)
            t_end = time.perf_counter()
            audio = recorder.stop()
            used_early = False
            if last and np.array_equal(last[-1][0], audio):
                last[-1][1].join()
                used_early = bool(last[-1][2])
            if not used_early:
                service.score_attempt(item.target, audio, item.language)
            t_done = time.perf_counter()
            for _audio, worker, _box in last:
                worker.join()
            spoken = t0 + len(speech) / SAMPLE_RATE
            mode = (
                "scored at the pause that ends it [Practise page]"
                if early_scoring
                else "scored after it ends"
            )
            rows.setdefault("end of speech -> recording ends by itself", []).append(t_end - spoken)
            rows.setdefault(f"end of speech -> feedback, {mode}", []).append(t_done - spoken)
            used += used_early
    print(
        f"### Learner stops -> feedback, {len(sel)} correct readings of 2-8 s played in real time "
        f"({sum(i.language == 'pt' for i in sel)} Portuguese)\n"
    )
    print(f"(load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)\n")
    print("| step | median s | max s |\n| --- | --- | --- |")
    for name, values in rows.items():
        print(f"| {name} | {statistics.median(values):.2f} | {max(values):.2f} |")
    print(f"\nThe score taken at the pause was the one shown for {used}/{len(sel)} recordings.\n")


def main() -> None:
    """Build the set, score it, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--en", type=int, default=40, help="English drill sentences (hibari-tts)")
    parser.add_argument(
        "--pt", type=int, default=48, help="Portuguese drill sentences (the shipped pt voice)"
    )
    parser.add_argument("--threads", type=int, default=2, help="Whisper CPU threads")
    parser.add_argument("--runs", type=int, default=3, help="repetitions per latency measurement")
    parser.add_argument("--no-latency", action="store_true", help="skip the pipeline latency table")
    parser.add_argument("--latency-only", action="store_true", help="only the pipeline latency table")
    parser.add_argument("--dump", type=Path, help="save the labelled set and the model's outputs (pickle)")
    parser.add_argument("--load", type=Path, help="score a --dump file again instead of running the model")
    parser.add_argument("--cache", type=Path, help="keep synthesized readings in this folder between runs")
    args = parser.parse_args()
    global CACHE
    CACHE = args.cache
    service = SpeechService(EngineConfig(device="cpu", threads=args.threads))
    if args.latency_only:
        items = build_real(service) + build_synthetic(service, "en", args.en, 100)
        items += build_synthetic(service, "pt", args.pt, 200)
        service.score_attempt(items[0].target, items[0].audio, items[0].language)  # warm up
        pipelines(service, items, args.runs)
        after_stop(service, items)
        return
    t0 = time.perf_counter()
    if args.load:
        items, raws = pickle.loads(args.load.read_bytes())
    else:
        items = build_real(service)
        items += build_synthetic(service, "en", args.en, 100)
        items += build_synthetic(service, "pt", args.pt, 200)
        raws = analyse(service, items)
        if args.dump:
            args.dump.write_bytes(pickle.dumps((items, raws)))
    print(f"{len(items)} labelled attempts built and analysed in {time.perf_counter() - t0:.0f} s\n")
    good = intelligible(items, raws)
    print(
        f"Sources Whisper understands (WER of correct readings < 20%), used for calibration: {sorted(good)}\n"
    )
    calib = [(i, r) for i, r in zip(items, raws, strict=True) if i.group % 2 == 0 and i.source in good]
    evalh = [(i, r) for i, r in zip(items, raws, strict=True) if i.group % 2 == 1]
    calibrated = {}
    for lang in sorted({i.language for i, _ in calib}):
        sel = [(i, r) for i, r in calib if i.language == lang]
        calibrated[lang] = sweep([i for i, _ in sel], [r for _, r in sel], lang)
    for lang, th in LANGUAGE_THRESHOLDS.items():
        print(
            f"Shipped ({lang}): rival_flag={th.rival_flag}, rival_unsure={th.rival_unsure}, rival_floor={th.rival_floor}"
        )
    print()
    scorers: dict[str, Scorer] = {"before (forced cut-offs)": BEFORE, "shipped": SHIPPED}
    if any(calibrated.get(k) != v for k, v in LANGUAGE_THRESHOLDS.items()):
        scorers["this run's calibration"] = ({**LANGUAGE_THRESHOLDS, **calibrated}, True)
    report(
        "Evaluation half (odd sentences, never calibrated on)",
        [i for i, _ in evalh],
        [r for _, r in evalh],
        scorers,
    )
    report("All attempts", items, raws, scorers)
    uttered = [r for r in raws if 3.5 <= r.seconds <= 6.5]
    if uttered:
        lat = sorted(r.latency for r in uttered)
        print(
            f"Scoring pass (analyse_utterance) on {len(uttered)} utterances of 3.5-6.5 s: median "
            f"{statistics.median(lat):.2f} s, 90th percentile {lat[int(0.9 * (len(lat) - 1))]:.2f} s\n"
        )
    if not args.no_latency:
        pipelines(service, items, args.runs)
        after_stop(service, items)


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    print(f"Load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")
    main()
    print(f"\nLoad average at end: {os.getloadavg()[0]:.2f}")
