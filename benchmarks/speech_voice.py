"""Is the synthetic voice understood? Each voice reads drill sentences; Whisper base transcribes them (WER) and the
drill scorer scores each reading as an attempt at its own exact target (score >= 90 with no word flagged).

Compares the Portuguese voices (Kokoro-82M, the shipped one, and espeak-ng, the fallback) and the English one
(hibari-tts). Sentences are spread over the drill file (every k-th, all levels and topics). Whisper runs with the
language given, beam 5 (as ``palavra transcribe``), temperature 0.

    .venv/bin/python benchmarks/speech_voice.py [--n 50] [--voices kokoro,espeak,hibari] [--show]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from speech_asr import edit_distance, norm

from engine.config import EngineConfig
from engine.speech.audio import load_audio
from engine.speech.drills import load_drills
from engine.speech.service import SpeechService
from engine.speech.tts import ESPEAK_VOICES, Synthesizer, espeak

VOICES = {
    "kokoro": ("pt", "Kokoro-82M (jm_kumo)"),
    "espeak": ("pt", "espeak-ng pt-br"),
    "hibari": ("en", "hibari-tts"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=50, help="sentences per voice (default 50)")
    parser.add_argument("--voices", default="kokoro,espeak,hibari")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--show", action="store_true", help="print every sentence that was not decoded exactly"
    )
    args = parser.parse_args()
    service = SpeechService(EngineConfig(device="cpu", threads=args.threads))
    synth = Synthesizer(threads=args.threads)
    rows = []
    for name in args.voices.split(","):
        language, label = VOICES[name]
        drills = load_drills(language)
        picked = drills[:: max(1, len(drills) // args.n)][: args.n]
        errors = words = exact = good = 0
        synth_s: list[float] = []
        scores: list[int] = []
        for d in picked:
            t = time.perf_counter()
            if name == "kokoro":
                audio, rate = synth.synthesize(d.text, "pt")
            elif name == "espeak":
                audio, rate = espeak(d.text, ESPEAK_VOICES["pt"])
            else:
                audio, rate = synth.synthesize(d.text, "en")
            synth_s.append((time.perf_counter() - t) / (len(audio) / rate))
            samples = load_audio(audio, rate)
            heard = service.transcribe(samples, language).text
            e = edit_distance(norm(d.text, language), norm(heard, language))
            errors, words, exact = errors + e, words + len(norm(d.text, language)), exact + (e == 0)
            attempt = service.score_attempt(d.text, samples, language)
            scores.append(attempt.score)
            flagged = [w.word for w in attempt.words if w.status in ("wrong", "missing")]
            good += attempt.score >= 90 and not flagged
            if args.show and (e or flagged):
                print(
                    f"  [{name}] {d.text} | heard: {heard.strip()} | score {attempt.score} flagged {flagged}"
                )
        rows.append(
            (
                label,
                language,
                len(picked),
                errors / max(1, words),
                exact,
                good,
                statistics.mean(scores),
                statistics.median(synth_s),
            )
        )
    print(
        "\n| voice | lang | sentences | WER (Whisper base) | decoded exactly | own target >= 90, no word flagged "
        "| mean score | synthesis RTF (median) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, lang, n, wer, exact, good, mean, rtf in rows:
        print(
            f"| {label} | {lang} | {n} | {wer:.1%} | {exact}/{n} ({exact / n:.0%}) | {good}/{n} ({good / n:.0%}) "
            f"| {mean:.1f} | {rtf:.2f} |"
        )


if __name__ == "__main__":
    main()
