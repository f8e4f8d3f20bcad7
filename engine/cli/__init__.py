"""The ``palavra`` command line, over the same facade as the GUI (:mod:`engine.api`)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from engine import __version__
from engine.errors import PalavraError

log = logging.getLogger(__name__)

# Each module defines ``register(subparsers)`` adding its sub-commands; a sub-command's handler is stored as
# ``func`` on the parsed namespace and returns an exit code. Only the module of the command given is imported (the
# others load what they need at import time: glossary storage, speech, the server), so ``palavra translate`` starts
# without them; with no known command (``--help``, a typo) every module is registered, for the full help text.
_COMMAND_MODULES = {
    "translate": "engine.cli.translate_cmd",
    "models": "engine.cli.models_cmd",
    "correct": "engine.cli.correct_cmd",
    "transcribe": "engine.cli.speech_cmd",
    "drill": "engine.cli.speech_cmd",
    "speak": "engine.cli.speech_cmd",
    "exercise": "engine.cli.practice_cmd",
    "glossary": "engine.cli.glossary_cmd",
    "finetune": "engine.cli.glossary_cmd",
    "serve": "engine.cli.serve_cmd",
}

#: Commands whose numpy work is element-wise only: OpenBLAS's thread pool (started when numpy loads, 50-60 ms on
#: two cores) is not needed there, so it is kept to one thread unless the user chose otherwise.
_NO_BLAS_COMMANDS = frozenset({"translate", "models", "correct"})


def _command(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (its first word that is not an option), if it is a known one."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in _COMMAND_MODULES else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with ``command``'s module registered (every module's without one)."""
    parser = argparse.ArgumentParser(prog="palavra", description="Offline translation and language practice.")
    parser.add_argument("--version", action="version", version=f"palavra {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [_COMMAND_MODULES[command]] if command else list(dict.fromkeys(_COMMAND_MODULES.values()))
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    command = _command(words)
    if command in _NO_BLAS_COMMANDS and "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    parser = build_parser(command)
    args = parser.parse_args(words)
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
