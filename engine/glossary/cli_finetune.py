"""``palavra finetune``: run the fine-tuning of a glossary from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from engine.errors import ModelError


def run_finetune_cli(engine: Any, args: argparse.Namespace) -> int:
    """Fine-tune the translation model to ``args.glossary``; prints progress and the evaluation table."""
    raise ModelError("Fine-tuning needs the translation engine's PyTorch port, which is not installed yet.")
