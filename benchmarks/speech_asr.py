"""Whisper transcription on the shared speech clips: WER, language identification and real-time factor.

Reads ../shared/data/speech (or $PALAVRA_SHARED_DATA/speech) and prints one table per setting (beam 1 and 5,
language given and detected). WER is pooled over the clips that have a human/published reference (the
``asserted-in-test`` clips are excluded), after normalising case, punctuation, numbers and contractions with the
same rules as drill scoring. The model is loaded once; timings are wall time of ``SpeechService.transcribe``.

    .venv/bin/python benchmarks/speech_asr.py [--threads 2] [--beams 1,5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.config import EngineConfig
from engine.speech.audio import SAMPLE_RATE, load_audio
from engine.speech.normalize import to_units
from engine.speech.service import SpeechService

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TRUSTED = ("human", "published")


def require_speech() -> Path:
    """The shared speech folder, or exit saying it is absent."""
    folder = SHARED / "speech"
    if not (folder / "manifest.jsonl").is_file():
        sys.exit(
            f"Speech evaluation data not found at {folder} (expected ../shared/data/speech next to the repository, "
            "or set PALAVRA_SHARED_DATA). Nothing was measured."
        )
    return folder


def clips(folder: Path) -> list[dict[str, str]]:
    """Manifest rows (stereo clips are mixed down; they have no trusted reference, so only speed counts)."""
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    return [{k: str(v) for k, v in row.items()} for row in rows]


def norm(text: str, language: str) -> list[str]:
    """Comparison units (case, punctuation, numbers, contractions normalised)."""
    return [u.text for u in to_units(text, language)]


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    """Word-level Levenshtein distance."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def main() -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2, help="Whisper CPU threads (default 2)")
    parser.add_argument("--beams", default="1,5", help="beam sizes to measure (default 1,5)")
    args = parser.parse_args()
    folder = require_speech()
    service = SpeechService(EngineConfig(device="cpu", threads=args.threads))
    rows = clips(folder)
    service.transcribe(load_audio(folder / rows[0]["file"])[: SAMPLE_RATE * 2], "en", beam_size=1)  # load
    print(f"Whisper base int8, CPU, {args.threads} threads; {len(rows)} clips from {folder}\n")
    for beam in [int(b) for b in args.beams.split(",")]:
        for given in (True, False):
            errors = words = 0
            lid_ok = 0
            lid_total = 0
            audio_s = wall_s = 0.0
            lines = []
            for row in rows:
                path = folder / row["file"]
                lang = row["language"]
                audio = load_audio(path)
                t0 = time.perf_counter()
                result = service.transcribe(audio, lang.split("+")[0] if given else None, beam_size=beam)
                wall = time.perf_counter() - t0
                seconds = len(audio) / SAMPLE_RATE
                audio_s += seconds
                wall_s += wall
                lid = ""
                if not given:
                    expected = lang.split("+")[0]
                    lid_total += 1
                    lid_ok += result.language == expected
                    lid = f"{result.language} {result.language_probability:.3f}"
                wer = ""
                if row["reference"] and row["reference_kind"].startswith(TRUSTED):
                    ref, hyp = norm(row["reference"], lang), norm(result.text, lang)
                    e = edit_distance(ref, hyp)
                    errors += e
                    words += len(ref)
                    wer = f"{100 * e / max(1, len(ref)):.1f}"
                lines.append(
                    f"| {row['file']} | {seconds:.1f} | {wer} | {lid} | {wall:.2f} | {wall / seconds:.3f} |"
                )
            mode = "language given" if given else "language detected"
            print(f"### beam {beam}, {mode}\n")
            print(
                "| clip | seconds | WER % | detected | wall s | RTF |\n| --- | --- | --- | --- | --- | --- |"
            )
            print("\n".join(lines))
            pooled = 100 * errors / max(1, words)
            extra = f", language ID {lid_ok}/{lid_total}" if not given else ""
            print(
                f"\nPooled WER {pooled:.2f}% over {words} reference words; RTF {wall_s / audio_s:.3f} "
                f"({audio_s:.0f} s audio in {wall_s:.1f} s){extra}\n"
            )
    # Per-call latency of short clips (median of 3 runs each), the figure drills care about.
    short = [r for r in rows if float(r["duration_s"]) <= 9]
    times = []
    for row in short:
        audio = load_audio(folder / row["file"])
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            service.transcribe(audio, row["language"].split("+")[0], beam_size=1)
            runs.append(time.perf_counter() - t0)
        times.append(statistics.median(runs))
    print(
        f"Short clips (<= 9 s, {len(short)}), beam 1, language given: median {statistics.median(times):.2f} s/clip"
    )


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    print(f"Load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")
    main()
    print(f"\nLoad average at end: {os.getloadavg()[0]:.2f}")
