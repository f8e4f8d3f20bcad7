"""``palavra translate --dir IN --out OUT``: every document of a folder, resumable, locally or over Ray."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from engine.cli.common import engine
from engine.errors import InputError

if (
    TYPE_CHECKING
):  # the batch package is loaded only when a folder is translated (``palavra translate`` starts faster)
    from engine.batch.folder import FolderPlan
    from engine.batch.jobs import FileResult


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The folder options of ``palavra translate``."""
    p.add_argument(
        "--dir",
        type=Path,
        help="translate every supported document under this folder (recursively); needs --out",
    )
    p.add_argument(
        "--out",
        type=Path,
        help="with --dir: the folder the translations go to (the same layout); files already there are skipped, "
        "so a stopped run resumes where it was",
    )
    p.add_argument(
        "--ray",
        metavar="ADDRESS",
        help="with --dir: translate over a Ray cluster ('auto', an address such as 10.0.0.5:6379, or 'local')",
    )
    p.add_argument(
        "--workers", type=int, default=2, help="with --ray: how many engines work at once (default 2)"
    )


def run_dir(args: argparse.Namespace) -> int:
    """Translate the folder, print one line per file and a report; exit 1 if a file failed."""
    if args.out is None:
        raise InputError("--dir needs --out: the folder the translations go to.")
    if args.file is not None or args.text or args.output is not None:
        raise InputError("--dir translates a folder into --out: leave out --file, --output and the text.")
    if getattr(args, "overwrite", False):
        raise InputError(
            "--overwrite does not go with --dir: translations already in --out are kept and skipped (a stopped "
            "run resumes). To translate a file again, delete its translation in --out first, or choose a new --out."
        )
    from engine.batch.folder import plan_folder

    plan = plan_folder(args.dir, args.out, args.source, args.target, model=args.model, glossary=args.glossary)
    err = sys.stderr
    if plan.done:
        print(f"{len(plan.done)} file(s) already translated in {args.out}: skipped.", file=err)
    if plan.unsupported:
        print(f"{len(plan.unsupported)} file(s) of a kind Palavra does not read: skipped.", file=err)
    print(f"{len(plan.jobs)} file(s) to translate.", file=err, flush=True)
    started = time.perf_counter()
    failed: list[FileResult] = []
    done = 0
    for result in _results(args, plan):
        done += 1
        if result.ok:
            print(result.job.out, flush=True)
        else:
            failed.append(result)
            print(f"{result.job.path}: {result.error}", file=err, flush=True)
    seconds = time.perf_counter() - started
    print(
        f"Translated {done - len(failed)} of {len(plan.jobs)} file(s) in {seconds:.1f} s"
        + (f"; {len(failed)} failed (listed above)." if failed else "."),
        file=err,
    )
    return 1 if failed else 0


def _results(args: argparse.Namespace, plan: FolderPlan) -> Iterator[FileResult]:
    if not plan.jobs:
        return iter(())
    if args.ray:
        from engine.batch.ray_runner import run_on_ray

        return run_on_ray(plan.jobs, address=args.ray, workers=args.workers)
    from engine.batch.folder import run_local

    return run_local(engine(), plan.jobs)
