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
import itertools
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.config import EngineConfig
from engine.speech.audio import SAMPLE_RATE, AudioArray, load_audio
from engine.speech.drills import load_drills
from engine.speech.normalize import split_words, to_units
from engine.speech.scoring import DEFAULT_THRESHOLDS, Thresholds, combine
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
    drills = load_drills(language)
    step = max(1, len(drills) // count)
    items: list[Item] = []
    source = f"{service.voice_name(language)} {language}"
    for j, drill in enumerate(drills[::step][:count]):
        group = group0 + j
        words = split_words(drill.text)
        n = len(words)
        k = pick(words)

        def speak(text: str) -> AudioArray:
            samples, rate = service.synthesize(text, language)
            return load_audio(samples, rate)

        items.append(Item(source, "correct", group, language, drill.text, speak(drill.text), (False,) * n))
        said = " ".join(substitute(words, k, language, j))
        labels = tuple(i == k for i in range(n))
        items.append(Item(source, "word replaced", group, language, drill.text, speak(said), labels))
        dropped = " ".join(words[:k] + words[k + 1 :])
        items.append(Item(source, "word dropped", group, language, drill.text, speak(dropped), labels))
    return items


def analyse(service: SpeechService, items: list[Item]) -> list[Raw]:
    """One scoring pass per item (the production path), timed."""
    raws = []
    for item in items:
        t0 = time.perf_counter()
        res = service._recognizer.analyse_utterance(item.audio, item.language, item.target)
        latency = time.perf_counter() - t0
        raws.append(Raw(res.transcript, res.forced or (), len(item.audio) / SAMPLE_RATE, latency))
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


def evaluate(items: list[Item], raws: list[Raw], th: Thresholds) -> tuple[Counts, list[int]]:
    """Flag counts over all words, and the overall scores of the correct readings."""
    counts = Counts()
    correct_scores = []
    for item, raw in zip(items, raws, strict=True):
        attempt = combine(item.target, item.language, raw.transcript, raw.forced, th)
        for word, label in zip(attempt.words, item.labels, strict=True):
            flagged = word.status in ("wrong", "missing")
            not_correct = word.status != "correct"
            counts.tp += flagged and label
            counts.fp += flagged and not label
            counts.fn += (not flagged) and label
            counts.tp_nc += not_correct and label
            counts.fp_nc += not_correct and not label
            counts.fn_nc += (not not_correct) and label
        if item.kind == "correct":
            correct_scores.append(attempt.score)
    return counts, correct_scores


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


def report(title: str, items: list[Item], raws: list[Raw], th: Thresholds) -> None:
    """Print one row per source and an overall row."""
    print(f"### {title}\n")
    print(
        "| source | attempts | WER of correct readings | flag P | flag R | not-correct P | not-correct R "
        "| correct readings >= 90 | mean score |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    sources = [*sorted({i.source for i in items}), "all"]
    good = intelligible(items, raws)
    if good != {i.source for i in items}:
        sources.append("intelligible sources")
    for source in sources:
        sel = [
            (i, r)
            for i, r in zip(items, raws, strict=True)
            if source in ("all", i.source) or (source == "intelligible sources" and i.source in good)
        ]
        if not sel:
            continue
        c, scores = evaluate([i for i, _ in sel], [r for _, r in sel], th)
        high = sum(s >= 90 for s in scores)
        mean = statistics.mean(scores) if scores else 0.0
        wer = wer_of_correct([i for i, _ in sel], [r for _, r in sel])
        print(
            f"| {source} | {len(sel)} | {100 * wer:.1f}% | {c.p():.3f} | {c.r():.3f} | {c.p(True):.3f} | "
            f"{c.r(True):.3f} | {high}/{len(scores)} | {mean:.1f} |"
        )
    print()


def sweep(items: list[Item], raws: list[Raw]) -> Thresholds:
    """Grid search on the calibration half: maximise F1 of flags with precision >= 0.9 preferred."""
    rows = []
    for flag, flag_missing, trust, floor in itertools.product(
        (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5),
        (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
        (0.7, 0.8, 0.9),
        (0.0, 0.02),
    ):
        if trust <= max(flag, flag_missing):
            continue
        th = replace(
            DEFAULT_THRESHOLDS, flag=flag, flag_missing=flag_missing, trust=trust, matched_floor=floor
        )
        c, scores = evaluate(items, raws, th)
        p, r = c.p(), c.r()
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((p >= 0.9, f1, p, r, sum(s >= 90 for s in scores) / max(1, len(scores)), th))
    rows.sort(
        key=lambda row: (row[0], round(row[1], 4), row[4], row[5].flag, row[5].flag_missing), reverse=True
    )
    print("### Threshold sweep (calibration half), best 8\n")
    print("| flag | flag_missing | trust | matched_floor | flag P | flag R | F1 | correct >= 90 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for _ok, f1, p, r, high, th in rows[:8]:
        print(
            f"| {th.flag} | {th.flag_missing} | {th.trust} | {th.matched_floor} | {p:.3f} | {r:.3f} | {f1:.3f} "
            f"| {high:.2f} |"
        )
    print()
    return rows[0][5]


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


def main() -> None:
    """Build the set, score it, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--en", type=int, default=40, help="English drill sentences (hibari-tts)")
    parser.add_argument(
        "--pt", type=int, default=24, help="Portuguese drill sentences (the shipped pt voice)"
    )
    parser.add_argument("--threads", type=int, default=2, help="Whisper CPU threads")
    parser.add_argument("--runs", type=int, default=3, help="repetitions per latency measurement")
    parser.add_argument("--no-latency", action="store_true", help="skip the pipeline latency table")
    parser.add_argument("--latency-only", action="store_true", help="only the pipeline latency table")
    args = parser.parse_args()
    service = SpeechService(EngineConfig(device="cpu", threads=args.threads))
    if args.latency_only:
        items = build_real(service) + build_synthetic(service, "en", args.en, 100)
        service.score_attempt(items[0].target, items[0].audio, items[0].language)  # warm up
        pipelines(service, items, args.runs)
        return
    t0 = time.perf_counter()
    items = build_real(service)
    items += build_synthetic(service, "en", args.en, 100)
    items += build_synthetic(service, "pt", args.pt, 200)
    raws = analyse(service, items)
    print(f"{len(items)} labelled attempts built and analysed in {time.perf_counter() - t0:.0f} s\n")
    good = intelligible(items, raws)
    print(
        f"Sources Whisper understands (WER of correct readings < 20%), used for calibration: {sorted(good)}\n"
    )
    calib = [(i, r) for i, r in zip(items, raws, strict=True) if i.group % 2 == 0 and i.source in good]
    evalh = [(i, r) for i, r in zip(items, raws, strict=True) if i.group % 2 == 1]
    best = sweep([i for i, _ in calib], [r for _, r in calib])
    print(f"Shipped thresholds: {DEFAULT_THRESHOLDS}\nBest on calibration half: {best}\n")
    report(
        "Evaluation half, shipped thresholds",
        [i for i, _ in evalh],
        [r for _, r in evalh],
        DEFAULT_THRESHOLDS,
    )
    report("All attempts, shipped thresholds", items, raws, DEFAULT_THRESHOLDS)
    uttered = [r for r in raws if 3.5 <= r.seconds <= 6.5]
    if uttered:
        lat = sorted(r.latency for r in uttered)
        print(
            f"Scoring pass (analyse_utterance) on {len(uttered)} utterances of 3.5-6.5 s: median "
            f"{statistics.median(lat):.2f} s, 90th percentile {lat[int(0.9 * (len(lat) - 1))]:.2f} s\n"
        )
    if not args.no_latency:
        pipelines(service, items, args.runs)


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    print(f"Load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")
    main()
    print(f"\nLoad average at end: {os.getloadavg()[0]:.2f}")
