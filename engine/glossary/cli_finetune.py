"""``palavra finetune``: run the fine-tuning of a glossary from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run_finetune_cli(engine: Any, args: argparse.Namespace) -> int:
    """Fine-tune the translation model to ``args.glossary``; prints progress and the evaluation table."""
    service = engine.glossaries
    config = service.finetune_config(
        args.glossary,
        minutes=args.minutes,
        method=args.method,
        user_pairs=args.sentences,
        documents=args.documents,
        install=not args.no_install,
    )
    estimate = service.estimate_seconds(config)
    print(
        f"Fine-tuning '{config.model_name}' ({config.method}, {len(config.entries)} terms): "
        f"about {estimate / 60:.0f} minutes ({config.minutes:g} of training). Ctrl+C cancels."
    )

    def show(event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "stage":
            print(f"  {event.get('stage')}...", file=sys.stderr)
        elif kind == "progress":
            print(
                f"\r  step {event['step']}  {event['elapsed']:.0f}/{event['budget']:.0f} s  "
                f"loss {event['loss']:.3f}",
                end="",
                file=sys.stderr,
            )
        elif kind == "metrics":
            print(
                f"\n  [{event['phase']}] term accuracy {event['term_accuracy']:.1f}%  chrF++ {event['chrf']:.2f}",
                file=sys.stderr,
            )

    result = service.finetune(
        args.glossary,
        minutes=args.minutes,
        method=args.method,
        user_pairs=args.sentences,
        documents=args.documents,
        install=not args.no_install,
        on_event=show,
    )
    print()
    print(f"{'':<28}{'base':>10}{'adapted':>10}")
    print(
        f"{'term accuracy (held-out) %':<28}{result.before['term_accuracy']:>10.1f}{result.after['term_accuracy']:>10.1f}"
    )
    print(f"{'chrF++ (general set)':<28}{result.before['chrf']:>10.2f}{result.after['chrf']:>10.2f}")
    for (src, before), (_, after) in list(
        zip(result.before["examples"], result.after["examples"], strict=False)
    )[:3]:
        print(f"\n  {src}\n    base:    {before}\n    adapted: {after}")
    print(f"\n{result.steps} steps in {result.seconds / 60:.1f} minutes.")
    if result.installed:
        print(
            f"Installed '{result.model_name}' (not active). Use it with: palavra translate --model "
            f"'{result.model_name}', or make it the default with: palavra models activate '{result.model_name}'."
        )
    return 0
