"""The ``palavra`` command line, over the same facade as the GUI (:mod:`engine.api`)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from engine import __version__
from engine.errors import PalavraError

log = logging.getLogger(__name__)

# Each module defines ``register(subparsers)`` adding its sub-commands; a sub-command's handler is stored as
# ``func`` on the parsed namespace and returns an exit code.
_COMMAND_MODULES = (
    "engine.cli.translate_cmd",
    "engine.cli.models_cmd",
    "engine.cli.correct_cmd",
    "engine.cli.speech_cmd",
    "engine.cli.practice_cmd",
    "engine.cli.glossary_cmd",
    "engine.cli.serve_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(prog="palavra", description="Offline translation and language practice.")
    parser.add_argument("--version", action="version", version=f"palavra {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except PalavraError as exc:
        log.debug("command failed", exc_info=True)
        print(f"palavra: {exc.user_message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("palavra: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
