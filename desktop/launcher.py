"""Entry point of ``palavra``: no sub-command (or ``gui``) opens the window, anything else is the CLI.

Qt is imported only when the window is wanted, so the CLI starts fast and works without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the GUI or to :func:`engine.cli.main`."""
    from engine import offline

    offline.apply()  # before anything loads onnxruntime or huggingface_hub: their telemetry off
    if getattr(sys, "frozen", False):  # PyInstaller: let child processes (the checker) start
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "gui":
        from desktop import system_check

        problem = system_check.check()  # before Qt: it would abort on a missing library
        if problem:
            print(problem, file=sys.stderr)
            return 1
        from desktop.app import run

        return run(args[1:] if args else [])
    from engine.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
