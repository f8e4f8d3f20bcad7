"""``palavra translate``: text arguments, standard input line by line, a document (``--file``) or a folder
(``--dir``), documents through the same path as the app (:func:`engine.documents.translate_document`)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.api import Engine
from engine.cancel import CancelToken, ProgressCallback
from engine.cli import folder_cmd
from engine.cli.common import check_argument, engine, progress_printer, read_stdin_lines, read_text_file
from engine.errors import InputError

#: Kinds that may be written to standard output (``--output -``): text, not a zip container.
TEXT_KINDS = ("txt", "srt", "vtt", "md", "html", "xliff")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``translate``."""
    p = sub.add_parser(
        "translate",
        help="translate text (arguments, standard input line by line, a document or a folder)",
        description=(
            "Translate TEXT arguments; with no TEXT, translate standard input, one output line per input line. "
            "--file IN writes the translated document beside IN with the target language before the extension "
            "(guide.docx -> guide.pt.docx) and prints its path; an existing file is never replaced unless "
            "--overwrite is given."
        ),
    )
    p.add_argument("--from", dest="source", required=True, help="source language (en, pt)")
    p.add_argument("--to", dest="target", required=True, help="target language (en, pt)")
    p.add_argument("--model", help="use this installed model instead of the active one")
    p.add_argument("--glossary", help="make the translation use the terms of this stored glossary")
    p.add_argument("--file", type=Path, help="translate this document (layout and formatting kept)")
    p.add_argument(
        "--output",
        "-o",
        help="where to write the translated --file ('-': standard output, text formats only)",
    )
    p.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    folder_cmd.add_arguments(p)
    p.add_argument("text", nargs="*", help="text to translate")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Translate and print."""
    if args.dir is not None:
        return folder_cmd.run_dir(args)
    eng = engine()
    if args.file is not None:
        return _run_file(eng, args)
    if args.output is not None or args.overwrite:
        raise InputError("--output and --overwrite go with --file.")
    if args.text:
        texts = [check_argument(t, i) for i, t in enumerate(args.text, start=1)]
        progress = None
    else:
        texts = read_stdin_lines()
        progress = progress_printer("Translating")
    results = eng.translate(
        texts, args.source, args.target, model=args.model, glossary=args.glossary, on_progress=progress
    )
    out = sys.stdout
    for r in results:  # one output line per input line
        out.write(r.text.replace("\n", " ") + "\n")
    out.flush()
    return 0


def _translator(eng: Engine, args: argparse.Namespace) -> Any:
    def translate(
        texts: Sequence[str], on_progress: ProgressCallback | None, cancel: CancelToken | None
    ) -> list[str]:
        done = eng.translate(
            texts, args.source, args.target, model=args.model, glossary=args.glossary, cancel=cancel
        )
        return [t.text for t in done]

    return translate


def _run_file(eng: Engine, args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.exists() and not path.is_file() and not path.is_dir():  # a device or pipe: read it bounded
        read_text_file(path)
        raise InputError(f"'{path}' is not a regular file; save the text to a file first.")
    document = eng.load_document(path)
    if document.kind == "pdf":
        print(
            "Note: PDF text is translated into a Word document (.docx); the PDF's layout is not kept.",
            file=sys.stderr,
        )
    translate = _translator(eng, args)
    align = eng.document_aligner(args.source, args.target, model=args.model) if document.marks else None
    progress = progress_printer("Translating")
    if args.output == "-":
        if document.kind not in TEXT_KINDS:
            raise InputError(
                f"A {document.kind} file cannot be written to standard output; choose a file with --output."
            )
        with tempfile.TemporaryDirectory(prefix="palavra-") as tmp:
            out = Path(tmp) / f"out{args.file.suffix}"
            _step(eng.translate_document(document, translate, out, align=align), progress)
            with open(out, "rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return 0
    out = Path(args.output) if args.output else eng.document_output_path(args.file, args.target)
    if out.exists() and not args.overwrite:
        raise InputError(
            f"'{out}' exists already; Palavra does not replace it. Add --overwrite, or use --output."
        )
    written = _step(
        eng.translate_document(document, translate, out, overwrite=args.overwrite, align=align), progress
    )
    print(written)
    return 0


def _step(steps: Any, progress: ProgressCallback) -> Path:
    written = Path()
    for step in steps:
        progress(step.done, step.total)
        if step.output is not None:
            written = step.output
    return written
