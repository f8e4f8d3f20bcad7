"""``palavra transcribe``, ``palavra drill score`` and ``palavra drill next``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from engine.cli.common import engine, progress_printer


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``transcribe`` and ``drill``."""
    p = sub.add_parser(
        "transcribe",
        help="transcribe an audio file (wav, flac, mp3, m4a, ogg)",
        description="Transcribe FILE with Whisper; the language is detected unless --lang is given.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the audio file")
    p.add_argument("--lang", help="spoken language code (en, pt, ...); default: detect")
    p.add_argument("--beam", type=int, default=5, help="beam size: 5 is more accurate, 1 faster (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON with segments and word timings")
    p.set_defaults(func=run_transcribe)

    drill = sub.add_parser("drill", help="speaking drills: score an attempt, show the next sentence")
    drill_sub = drill.add_subparsers(dest="drill_command", metavar="SUBCOMMAND")
    drill.set_defaults(func=lambda args: _usage(drill))

    score = drill_sub.add_parser(
        "score",
        help="score a recording of a sentence word by word",
        description="Score AUDIO as a reading of --target: each word is correct, uncertain, wrong or missing.",
    )
    score.add_argument("--target", required=True, help="the sentence that was read")
    score.add_argument("--lang", required=True, help="its language (en, pt)")
    score.add_argument("audio", type=Path, metavar="AUDIO", help="the recording")
    score.add_argument("--json", action="store_true", help="print JSON: score, words, extra")
    score.set_defaults(func=run_score)

    nxt = drill_sub.add_parser(
        "next",
        help="show the next sentence to practise",
        description="Show the sentence the spaced-repetition scheduler picks next for --lang.",
    )
    nxt.add_argument("--lang", required=True, help="practised language (en, pt)")
    nxt.add_argument("--json", action="store_true", help="print JSON")
    nxt.set_defaults(func=run_next)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def run_transcribe(args: argparse.Namespace) -> int:
    """Transcribe and print the text (or JSON)."""
    progress = progress_printer("Transcribing")
    result = engine().speech.transcribe(args.file, args.lang, beam_size=args.beam, on_progress=progress)
    if args.json:
        _print_json(
            {
                "language": result.language,
                "language_probability": round(result.language_probability, 4),
                "duration": round(result.duration, 3),
                "text": result.text,
                "segments": [
                    {
                        "start": round(s.start, 2),
                        "end": round(s.end, 2),
                        "text": s.text,
                        "words": [
                            {
                                "word": w.word,
                                "start": round(w.start, 2),
                                "end": round(w.end, 2),
                                "probability": round(w.probability, 4),
                            }
                            for w in s.words
                        ],
                    }
                    for s in result.segments
                ],
            }
        )
    else:
        sys.stdout.write(result.text + "\n")
    return 0


def run_score(args: argparse.Namespace) -> int:
    """Score the attempt and print the result (or JSON)."""
    attempt = engine().speech.score_attempt(args.target, args.audio, args.lang)
    if args.json:
        _print_json(
            {
                "score": attempt.score,
                "words": [
                    {"word": w.word, "status": w.status, "score": w.score, "start": w.start, "end": w.end}
                    for w in attempt.words
                ],
                "extra": list(attempt.extra),
                "heard": attempt.transcript,
                "feedback": attempt.feedback,
            }
        )
        return 0
    out = sys.stdout
    out.write(f"Score: {attempt.score}/100\n")
    for w in attempt.words:
        heard = f"  (heard: {w.heard})" if w.heard else ""
        out.write(f"  {w.word:<20} {w.status:<9} {w.score:3d}{heard}\n")
    if attempt.extra:
        out.write(f"Extra words: {' '.join(attempt.extra)}\n")
    out.write(f"Heard: {attempt.transcript}\n{attempt.feedback}\n")
    return 0


def run_next(args: argparse.Namespace) -> int:
    """Print the next drill."""
    drill = engine().speech.next_drill(args.lang)
    if args.json:
        _print_json(
            {
                "id": drill.id,
                "text": drill.text,
                "translation": drill.translation,
                "language": drill.language,
                "level": drill.level,
                "topic": drill.topic,
            }
        )
    else:
        sys.stdout.write(
            f"{drill.text}\n  {drill.translation}\n  [{drill.level} · {drill.topic} · {drill.id}]\n"
        )
    return 0
