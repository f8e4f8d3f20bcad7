"""``palavra transcribe``, ``palavra drill score``, ``palavra drill next`` and ``palavra speak``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.cli.common import engine, progress_printer

if TYPE_CHECKING:
    from engine.api import Drill, Speaking


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``transcribe``, ``drill`` and ``speak``."""
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
    score.add_argument("--target", help="the sentence that was read (default: the text of --drill)")
    score.add_argument("--drill", help="the drill id (from 'drill next'); its sentence is the target")
    score.add_argument("--lang", required=True, help="its language (en, pt)")
    score.add_argument("audio", type=Path, metavar="AUDIO", help="the recording (wav, flac, mp3, m4a, ogg)")
    score.add_argument("--json", action="store_true", help="print JSON: score, words, extra")
    score.add_argument(
        "--record",
        action="store_true",
        help="store the attempt in your progress and reschedule the drill (needs --drill or a drill's sentence)",
    )
    score.add_argument(
        "--keep-audio",
        action="store_true",
        help="with --record: keep the recording with the attempt (opt-in)",
    )
    score.set_defaults(func=run_score)

    nxt = drill_sub.add_parser(
        "next",
        help="show the next sentence to practise",
        description="Show the sentence the spaced-repetition scheduler picks next for --lang.",
    )
    nxt.add_argument("--lang", required=True, help="practised language (en, pt)")
    nxt.add_argument("--topic", help="only sentences of this topic (travel, food, health, work, ...)")
    nxt.add_argument("--level", choices=("A1", "A2", "B1", "B2"), help="only sentences of this level")
    nxt.add_argument("--json", action="store_true", help="print JSON")
    nxt.set_defaults(func=run_next)

    speak = sub.add_parser(
        "speak",
        help="read a text aloud with the synthetic voice into a WAV file",
        description="Synthesise TEXT with the built-in voice of --lang (Kokoro-82M for pt, hibari-tts for en).",
    )
    speak.add_argument("text", metavar="TEXT", help="what to say")
    speak.add_argument("--lang", required=True, help="language of the text (en, pt)")
    speak.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="WAV file to write")
    speak.add_argument("--speed", type=float, default=1.0, help="1.0 is normal pace")
    speak.add_argument("--json", action="store_true", help="print JSON: file, voice, seconds")
    speak.set_defaults(func=run_speak)


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


def _find_drill(speech: Speaking, language: str, drill_id: str | None, target: str | None) -> Drill | None:
    from engine.errors import InputError

    drills = speech.drills(language)
    if drill_id:
        for d in drills:
            if d.id == drill_id:
                return d
        raise InputError(f"There is no drill '{drill_id}' in language '{language}'.")
    for d in drills:
        if target is not None and d.text.strip() == target.strip():
            return d
    return None


def run_score(args: argparse.Namespace) -> int:
    """Score the attempt (and with --record store it) and print the result (or JSON)."""
    from engine.errors import InputError

    speech = engine().speech
    drill = _find_drill(speech, args.lang, args.drill, args.target) if (args.drill or args.record) else None
    target = args.target or (drill.text if drill is not None else None)
    if not target:
        raise InputError("Give the sentence that was read (--target) or a drill id (--drill).")
    if args.record and drill is None:
        raise InputError("--record needs --drill ID, or a --target that is one of the drill sentences.")
    attempt = speech.score_attempt(target, args.audio, args.lang)
    if args.record and drill is not None:
        audio = None
        if args.keep_audio:
            from engine.speech.audio import load_audio

            audio = load_audio(args.audio)
        speech.record_attempt(drill, attempt, audio=audio)
    if args.json:
        _print_json(
            {
                "drill": drill.id if drill is not None else None,
                "recorded": bool(args.record),
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
    """Print the next drill (each call moves on to another sentence unless one is due)."""
    drill = engine().speech.next_drill(args.lang, topic=args.topic, level=args.level)
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


def run_speak(args: argparse.Namespace) -> int:
    """Write the synthetic voice's reading of TEXT to a WAV file."""
    import soundfile

    speech = engine().speech
    audio, rate = speech.synthesize(args.text, args.lang, speed=args.speed)
    soundfile.write(str(args.output), audio, rate, subtype="PCM_16")
    voice = speech.voice_name(args.lang)
    if args.json:
        _print_json(
            {"file": str(args.output), "voice": voice, "seconds": round(len(audio) / rate, 3), "rate": rate}
        )
    else:
        sys.stdout.write(f"{args.output} ({voice}, {len(audio) / rate:.1f} s)\n")
    return 0
