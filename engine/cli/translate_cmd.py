"""``palavra translate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from engine.cli import folder_cmd
from engine.cli.common import check_argument, engine, progress_printer, read_stdin_lines, read_text_file


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``translate``."""
    p = sub.add_parser(
        "translate",
        help="translate text (arguments, a file, or standard input line by line)",
        description="Translate TEXT arguments; with no TEXT, translate standard input, one output line per input line.",
    )
    p.add_argument("--from", dest="source", required=True, help="source language (en, pt)")
    p.add_argument("--to", dest="target", required=True, help="target language (en, pt)")
    p.add_argument("--model", help="use this installed model instead of the active one")
    p.add_argument("--glossary", help="make the translation use the terms of this stored glossary")
    p.add_argument(
        "--file", type=Path, help="translate this UTF-8 text file (layout kept) to standard output"
    )
    folder_cmd.add_arguments(p)
    p.add_argument("text", nargs="*", help="text to translate")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Translate and print."""
    if args.dir is not None:
        return folder_cmd.run_dir(args)
    eng = engine()
    if args.file is not None:
        texts = [read_text_file(args.file)]
    elif args.text:
        texts = [check_argument(t, i) for i, t in enumerate(args.text, start=1)]
    else:
        texts = read_stdin_lines()
    progress = progress_printer("Translating") if args.file is not None or not args.text else None
    results = eng.translate(
        texts, args.source, args.target, model=args.model, glossary=args.glossary, on_progress=progress
    )
    out = sys.stdout
    for r in results:
        if args.file is not None:  # the document as it was laid out
            out.write(r.text if r.text.endswith("\n") else r.text + "\n")
        else:  # one output line per input line
            out.write(r.text.replace("\n", " ") + "\n")
    out.flush()
    return 0
