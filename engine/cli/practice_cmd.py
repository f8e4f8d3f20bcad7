"""``palavra exercise ...``: dictation, translation, cloze and vocabulary exercises, the placement test, progress.

Every sub-command prints JSON with ``--json`` and ``check`` and ``placement`` also read JSON (``--input FILE`` or
``-`` for standard input), so a script can drive a whole session::

    palavra exercise next dictation --lang pt --audio item.wav --json
    palavra exercise check dictation --lang pt --item pt-a1-travel-01 --answer "Onde fica a rodoviária?" --json
    echo '{"kind": "cloze", "item": "pt-a1-travel-01#rodoviária", "answer": "rodoviaria"}' | \\
        palavra exercise check --lang pt --input - --json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from engine.cli.common import engine
from engine.errors import InputError

KINDS = ("dictation", "translation", "cloze", "vocab")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``exercise`` and its sub-commands."""
    ex = sub.add_parser("exercise", help="dictation, translation, cloze, vocabulary cards, placement test")
    ex_sub = ex.add_subparsers(dest="exercise_command", metavar="SUBCOMMAND")
    ex.set_defaults(func=lambda args: _usage(ex))

    nxt = ex_sub.add_parser(
        "next", help="show the next item of an exercise", description="Print the next item."
    )
    nxt.add_argument("kind", choices=KINDS, help="the exercise")
    nxt.add_argument("--lang", required=True, help="practised language (en, pt)")
    nxt.add_argument("--topic", help="only sentences of this topic")
    nxt.add_argument("--level", choices=("A1", "A2", "B1", "B2"), help="only sentences of this level")
    nxt.add_argument(
        "--audio", type=Path, metavar="FILE", help="dictation: write the sentence, spoken, to this WAV"
    )
    nxt.add_argument("--json", action="store_true", help="print JSON")
    nxt.set_defaults(func=run_next)

    chk = ex_sub.add_parser("check", help="grade an answer, store it and reschedule the item")
    chk.add_argument("kind", nargs="?", choices=KINDS, help="the exercise (or 'kind' in --input)")
    chk.add_argument("--lang", required=True, help="practised language (en, pt)")
    chk.add_argument("--item", help="the item id from 'exercise next'")
    chk.add_argument("--answer", help="what the learner wrote")
    chk.add_argument(
        "--rating", type=int, choices=(1, 2, 3, 4), help="vocab: rate yourself instead (1 again..4 easy)"
    )
    chk.add_argument("--input", metavar="FILE", help='JSON {"kind", "item", "answer", "rating"}; "-" = stdin')
    chk.add_argument("--json", action="store_true", help="print JSON")
    chk.set_defaults(func=run_check)

    add = ex_sub.add_parser("add-word", help="put a word on your vocabulary list")
    add.add_argument("word", help="the word in the practised language")
    add.add_argument("--translation", default="", help="its meaning in your language")
    add.add_argument("--lang", required=True, help="practised language (en, pt)")
    add.add_argument("--example", default="", help="a sentence that uses it")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(func=run_add_word)

    pl = ex_sub.add_parser(
        "placement",
        help="the placement test: print its questions, or grade answers",
        description="Without --answers: print the 20 questions. With --answers FILE (JSON {item: choice}, '-' = "
        "stdin): grade them, store the result and print the level.",
    )
    pl.add_argument("--lang", required=True, help="practised language (en, pt)")
    pl.add_argument("--answers", metavar="FILE", help="JSON object item id -> chosen word; '-' = stdin")
    pl.add_argument("--json", action="store_true", help="print JSON")
    pl.set_defaults(func=run_placement)

    pr = ex_sub.add_parser("progress", help="scores by exercise, topic and level; weakest words; streak")
    pr.add_argument("--lang", required=True, help="practised language (en, pt)")
    pr.add_argument("--json", action="store_true", help="print JSON")
    pr.set_defaults(func=run_progress)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _read_json(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        return json.loads(text)
    except OSError as exc:
        raise InputError(f"Cannot read '{source}'.", detail=repr(exc)) from exc
    except ValueError as exc:
        raise InputError(f"'{source}' is not valid JSON.", detail=repr(exc)) from exc


def run_next(args: argparse.Namespace) -> int:
    """Print the next item (and for dictation write its audio)."""
    eng = engine()
    item = eng.practice.next_exercise(args.kind, args.lang, topic=args.topic, level=args.level)
    data = dataclasses.asdict(item)
    if item.kind == "dictation":
        data.pop("audio_text")  # the answer: a script gets the audio, not the text
    if args.audio is not None:
        import soundfile

        text = item.audio_text or item.prompt
        audio, rate = eng.speech.synthesize(text, item.language)
        soundfile.write(str(args.audio), audio, rate, subtype="PCM_16")
        data["audio"] = str(args.audio)
        data["voice"] = eng.speech.voice_name(item.language)
    if args.json:
        _print_json(data)
        return 0
    label = {
        "dictation": "Listen and write what you hear",
        "translation": "Translate",
        "cloze": "Fill the gap",
        "vocab": "What does this word mean?",
    }[item.kind]
    sys.stdout.write(f"{label}: {item.prompt}\n" if item.prompt else f"{label}.\n")
    if item.hint and item.kind != "dictation":
        sys.stdout.write(f"  ({item.hint})\n")
    sys.stdout.write(f"  [{item.kind} · {item.level or '-'} · {item.topic or '-'} · {item.item_id}]\n")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Grade an answer and print the result."""
    data = _read_json(args.input) if args.input else {}
    if not isinstance(data, dict):
        raise InputError("The answer JSON must be an object with 'item' and 'answer'.")
    kind = data.get("kind") or args.kind
    item = data.get("item") or args.item
    answer = data.get("answer", args.answer)
    rating = data.get("rating", args.rating)
    if kind not in KINDS:
        raise InputError(f"Say which exercise: one of {', '.join(KINDS)}.")
    if not item:
        raise InputError("Give the item id (--item) from 'palavra exercise next'.")
    if answer is None and rating is None:
        raise InputError("Give the answer (--answer TEXT), or for a word card a rating (--rating 1-4).")
    result = engine().practice.check(kind, str(item), args.lang, str(answer or ""), rating=rating)
    if args.json:
        out = dataclasses.asdict(result)
        out["words"] = [{"expected": w.expected, "given": w.given, "status": w.status} for w in result.words]
        _print_json(out)
        return 0
    verdict = "right" if result.passed else "not yet"
    sys.stdout.write(f"Score: {result.score}/100 ({verdict})\nExpected: {result.expected}\n")
    for w in result.words:
        if w.status != "correct":
            sys.stdout.write(f"  {w.status:<8} expected '{w.expected}' got '{w.given}'\n")
    return 0


def run_add_word(args: argparse.Namespace) -> int:
    """Add a word to the vocabulary list."""
    new = engine().practice.add_word(args.word, args.translation, args.lang, example=args.example)
    if args.json:
        _print_json({"word": args.word, "added": new})
    else:
        sys.stdout.write(("Added" if new else "Already on your list") + f": {args.word}\n")
    return 0


def run_placement(args: argparse.Namespace) -> int:
    """Print the placement questions, or grade answers."""
    practice = engine().practice
    if not args.answers:
        items = practice.placement_test(args.lang)
        if args.json:
            _print_json(
                [
                    {
                        "item_id": i.item_id,
                        "prompt": i.prompt,
                        "hint": i.hint,
                        "level": i.level,
                        "options": list(i.options),
                    }
                    for i in items
                ]
            )
        else:
            for n, i in enumerate(items, 1):
                sys.stdout.write(f"{n:2d}. {i.prompt}  [{' / '.join(i.options)}]  ({i.item_id})\n")
        return 0
    answers = _read_json(args.answers)
    if not isinstance(answers, dict):
        raise InputError("The answers must be a JSON object: question id -> chosen word.")
    result = practice.grade_placement(args.lang, {str(k): str(v) for k, v in answers.items()})
    if args.json:
        _print_json(
            {
                "level": result.level,
                "start_level": result.start_level,
                "start_drill_id": result.start_drill_id,
                "score": result.score,
                "per_level": [{"level": lv, "right": r, "asked": a} for lv, r, a in result.per_level],
                "answers": dict(result.answers),
            }
        )
    else:
        sys.stdout.write(f"Level: {result.level} (start at {result.start_level}); {result.score}% right\n")
    return 0


def run_progress(args: argparse.Namespace) -> int:
    """Print the progress figures."""
    p = engine().practice.progress(args.lang)
    if args.json:
        _print_json(dataclasses.asdict(p))
        return 0
    sys.stdout.write(f"Streak: {p.streak_days} day(s); active on {p.days_active} day(s)\n")
    for g in p.by_kind:
        sys.stdout.write(f"  {g.name:<12} {g.count:4d} answers, mean {g.mean_score:.0f}\n")
    if p.weakest_words:
        sys.stdout.write("Weakest words: " + ", ".join(w.word for w in p.weakest_words) + "\n")
    return 0
