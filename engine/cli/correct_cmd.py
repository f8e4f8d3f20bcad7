"""``palavra correct``: check English or Portuguese text and print the corrected text or the edits."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from engine.api import Engine
from engine.cli.common import check_argument, read_stdin_lines


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``correct`` sub-command to the ``palavra`` parser."""
    parser = sub.add_parser(
        "correct",
        help="correct a learner's writing (English or Portuguese)",
        description=(
            "Correct English or Portuguese text. Each TEXT argument is checked on its own; with no TEXT, every line "
            "of standard input is, and one corrected line is printed per input line."
        ),
    )
    parser.add_argument(
        "text", nargs="*", metavar="TEXT", help="text to check (default: lines of standard input)"
    )
    parser.add_argument(
        "--lang",
        default="auto",
        help=(
            "language: auto (detect English or Portuguese, and the variant, per line), en, en-US, en-GB, pt, "
            "pt-BR, pt-PT (default: auto)"
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per input (text, language, corrected, edits) instead of the corrected text",
    )
    parser.set_defaults(func=run)


def _inputs(args: argparse.Namespace) -> list[str]:
    if args.text:
        return [check_argument(text, i) for i, text in enumerate(args.text, start=1)]
    return read_stdin_lines()


def run(args: argparse.Namespace) -> int:
    """Run ``palavra correct``; returns the exit code."""
    engine = Engine()
    try:
        service = engine.correction
        for text in _inputs(args):
            result = service.check(text, args.lang)
            if args.json:
                payload = {
                    "text": result.text,
                    "language": result.language,
                    "parts": [asdict(part) for part in result.parts],
                    "corrected": result.corrected,
                    "edits": [asdict(edit) for edit in result.edits],
                }
                print(json.dumps(payload, ensure_ascii=False), flush=True)
            else:
                print(result.corrected, flush=True)
    finally:
        engine.close()
    return 0
