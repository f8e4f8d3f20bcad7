"""``palavra glossary ...`` and ``palavra finetune ...``: glossaries and model adaptation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from engine.api import Engine
from engine.glossary.service import GlossaryImportError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``glossary`` and ``finetune`` to the ``palavra`` parser."""
    glossary = sub.add_parser("glossary", help="import, list, show and delete glossaries")
    gsub = glossary.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    imp = gsub.add_parser("import", help="import a CSV/TSV/TBX term list")
    imp.add_argument("file", type=Path)
    imp.add_argument("--name", required=True, help="name of the new glossary")
    imp.add_argument("--from", dest="source", default="en", choices=("en", "pt"), help="source language")
    imp.add_argument("--to", dest="target", default="pt", choices=("en", "pt"), help="target language")
    imp.add_argument("--domain", default="", help="e.g. medical, legal")
    imp.add_argument("--swap", action="store_true", help="the file's columns are target, source")
    imp.add_argument("--strict", action="store_true", help="refuse the import on any warning")
    imp.add_argument("--replace", action="store_true", help="replace a glossary of the same name")
    imp.add_argument("--check", action="store_true", help="only print the report; store nothing")
    imp.set_defaults(func=_import)

    lst = gsub.add_parser("list", help="list glossaries")
    lst.set_defaults(func=_list)

    show = gsub.add_parser("show", help="print a glossary's entries")
    show.add_argument("name")
    show.set_defaults(func=_show)

    export = gsub.add_parser("export", help="write a glossary as CSV (to share it or load it on a server)")
    export.add_argument("name")
    export.add_argument("-o", "--output", type=Path, help="the CSV file to write (default: standard output)")
    export.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    export.set_defaults(func=_export)

    delete = gsub.add_parser("delete", help="delete a glossary")
    delete.add_argument("name")
    delete.set_defaults(func=_delete)

    ft = sub.add_parser(
        "finetune", help="adapt the translation model to a glossary and/or translation memories"
    )
    ft.add_argument("--glossary", default=None, help="name of a stored glossary (optional with --memory)")
    ft.add_argument(
        "--memory",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="translation memories: TMX, XLIFF 1.2/2.x, TSV or CSV sentence pairs",
    )
    ft.add_argument("--from", dest="source", default="en", help="source language without a glossary (en)")
    ft.add_argument("--to", dest="target", default="pt", help="target language without a glossary (pt)")
    ft.add_argument(
        "--general", type=Path, default=None, help="TSV of human-translated general pairs to check"
    )
    ft.add_argument("--learning-rate", type=float, default=None, help="AdamW learning rate (default 2e-4)")
    ft.add_argument("--minutes", type=float, default=None, help="training time budget (default 5)")
    ft.add_argument("--method", choices=("full", "lora"), default="full", help="full fine-tuning or LoRA")
    ft.add_argument("--sentences", type=Path, default=None, help="optional TSV of your own sentence pairs")
    ft.add_argument(
        "--documents",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="your own documents (.txt, .srt, .docx) in the source language: their sentences with glossary terms "
        "are used for training",
    )
    ft.add_argument("--no-install", action="store_true", help="evaluate only; do not install the model")
    ft.set_defaults(func=_finetune)


def _import(args: argparse.Namespace) -> int:
    service = Engine().glossaries
    if args.check:
        report = service.check_file(args.file, args.source, args.target, strict=args.strict, swap=args.swap)
        print(report.summary())
        return 0 if report.ok else 1
    try:
        info, report = service.import_file(
            args.file,
            args.name,
            args.source,
            args.target,
            domain=args.domain,
            strict=args.strict,
            swap=args.swap,
            replace=args.replace,
        )
    except GlossaryImportError as exc:
        print(exc.report.summary(), file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        raise
    print(report.summary())
    print(f"Imported '{info.name}' ({info.source_lang}->{info.target_lang}): {info.entry_count} entries.")
    return 0


def _list(args: argparse.Namespace) -> int:
    infos = Engine().glossaries.list()
    if not infos:
        print("No glossaries. Import one with: palavra glossary import FILE --name NAME --from en --to pt")
        return 0
    width = max(len(i.name) for i in infos)
    for info in infos:
        domain = f"  [{info.domain}]" if info.domain else ""
        pair = f"{info.source_lang}->{info.target_lang}"
        print(f"{info.name:<{width}}  {pair}  {info.entry_count:>6} entries{domain}")
    return 0


def _show(args: argparse.Namespace) -> int:
    service = Engine().glossaries
    info = service.get(args.name)
    print(f"# {info.name} ({info.source_lang}->{info.target_lang}, {info.entry_count} entries)")
    for entry in service.entries(info.name):
        print(f"{entry.id}\t{entry.source}\t{entry.target}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from engine.glossary.export import export_csv, write_export

    service = Engine().glossaries
    info = service.get(args.name)
    text = export_csv(info, service.entries(info.name))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_export(args.output, text, overwrite=args.overwrite)
    print(f"Wrote {info.entry_count} entries of '{info.name}' to {args.output}.")
    return 0


def _delete(args: argparse.Namespace) -> int:
    Engine().glossaries.delete(args.name)
    print(f"Deleted glossary '{args.name}'.")
    return 0


def _finetune(args: argparse.Namespace) -> int:
    from engine.glossary.cli_finetune import run_finetune_cli

    return int(run_finetune_cli(Engine(), args))
