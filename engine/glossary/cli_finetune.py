"""``palavra finetune``: adapt the translation model to a glossary and/or translation memories from the command
line; prints the estimate first, then progress, then the before/after table of the installed int8 model."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from engine.errors import InputError, ModelNotFoundError
from engine.glossary.finetune.config import FineTuneConfig

#: Full fine-tuning's learning rate when translation memories are given: on TICO-19 (train on lines 1-800, 5
#: minutes, quiet 2-core machine) 2e-4 learned the training documents (unseen lines -1.77 chrF++, Tatoeba -1.60)
#: while 5e-5 gained on unseen lines (+0.27) and kept general quality (-0.16); docs/glossary.md.
MEMORY_LEARNING_RATE = 5e-5


def build_config(engine: Any, args: argparse.Namespace) -> FineTuneConfig:
    """The run's options from the command line: paths resolved here (the child runs in another folder).

    Raises:
        InputError: neither a glossary nor a memory, or a file that does not exist.
    """
    memories = [Path(m).expanduser().resolve() for m in (getattr(args, "memory", None) or [])]
    sentences = Path(args.sentences).expanduser().resolve() if args.sentences else None
    documents = [Path(d).expanduser().resolve() for d in args.documents]
    for path in [*memories, *([sentences] if sentences else []), *documents]:
        if not path.is_file():
            raise InputError(f"The file '{path}' does not exist.")
    if not args.glossary and not memories and sentences is None:
        raise InputError("Give a glossary (--glossary NAME), a translation memory (--memory FILE), or both.")
    config: FineTuneConfig
    if args.glossary:
        config = engine.glossaries.finetune_config(
            args.glossary,
            minutes=args.minutes,
            method=args.method,
            user_pairs=sentences,
            documents=documents,
            install=not args.no_install,
        )
    else:
        config = memory_only_config(
            engine,
            source=getattr(args, "source", "en") or "en",
            target=getattr(args, "target", "pt") or "pt",
            name=memories[0].stem if memories else (sentences.stem if sentences else "memory"),
            minutes=args.minutes,
            method=args.method,
            install=not args.no_install,
        )
        config = dataclasses.replace(config, user_pairs=str(sentences) if sentences else None)
    changes: dict[str, Any] = {"memories": [str(m) for m in memories]}
    if getattr(args, "general", None):
        changes["general_pairs"] = str(Path(args.general).expanduser().resolve())
    if getattr(args, "learning_rate", None):
        changes["learning_rate"] = args.learning_rate
    elif memories and config.method == "full":
        changes["learning_rate"] = MEMORY_LEARNING_RATE
    replaced: FineTuneConfig = dataclasses.replace(config, **changes)
    return replaced


def memory_only_config(
    engine: Any,
    *,
    source: str,
    target: str,
    name: str,
    minutes: float | None,
    method: str,
    install: bool,
) -> FineTuneConfig:
    """Options of a run on translation memories alone (no glossary).

    Raises:
        ModelNotFoundError: no shipped base model for the direction.
    """
    from engine.translate.model_folder import find_source_model, shipped_model_folders

    pair = f"{source}-{target}"
    folder = next((f for f in shipped_model_folders() if find_source_model(f).pair == pair), None)
    if folder is None:
        raise ModelNotFoundError(f"No base model for {pair} is installed, so it cannot be fine-tuned.")
    return FineTuneConfig(
        glossary="",
        model_name=f"{pair} + {name}",
        base_folder=str(folder),
        minutes=5.0 if minutes is None else max(0.1, minutes),
        method=method,
        install=install,
        threads=engine.config.effective_threads,
        device=engine.config.device,
        learning_rate=1e-3 if method == "lora" else FineTuneConfig.learning_rate,
    )


def estimate_seconds(config: FineTuneConfig, memory_pairs: int = 0) -> float:
    """How long the whole run takes, roughly, on 2 CPU cores: preparation (the base model's targets, once),
    training (the budget), the evaluations (PyTorch during training, ONNX before and after) and the export.

    Measured on 2 cores (docs/glossary.md): about 80 sentences a second through ONNX for the targets, about
    12 a second through PyTorch for the evaluations.
    """
    templates = config.term_sentences if config.entries else 0
    prepare = 10.0 + (templates + 600) / 80.0
    held = min(200, max(20, round(config.memory_held_out * memory_pairs))) if memory_pairs >= 40 else 0
    per_eval = (held + config.held_out + config.general_limit) / 12.0
    export = 25.0 + (held + config.held_out + max(config.general_limit, config.gate_general_limit)) / 40.0
    return prepare + config.minutes * 60.0 + (2 + config.evaluations) * per_eval + export


def run_finetune_cli(engine: Any, args: argparse.Namespace) -> int:
    """Fine-tune; prints the estimate, progress and the evaluation table (exit 0 installed, 2 kept the base)."""
    from engine.glossary.finetune.memory import read_memories
    from engine.glossary.finetune.runner import run_job

    config = build_config(engine, args)
    pairs = 0
    if config.memories:
        source_lang, target_lang = config.model_name.split(" + ", 1)[0].split("-", 1)
        report = read_memories([Path(m) for m in config.memories], source_lang, target_lang)
        print(report.summary())
        pairs = len(report.pairs)
    estimate = estimate_seconds(config, pairs)
    what = [f"{len(config.entries)} terms"] if config.entries else []
    what += [f"{pairs} memory pairs"] if pairs else []
    print(
        f"Fine-tuning '{config.model_name}' ({config.method}, {', '.join(what) or 'your sentences'}): "
        f"about {estimate / 60:.1f} minutes ({config.minutes:g} of training). Ctrl+C cancels."
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
            print(f"\n  [{event['phase']}, {event.get('runtime')}] {_figures(event)}", file=sys.stderr)

    done = run_job(config, on_event=show)
    before, after = done.get("before", {}), done.get("after", {})
    print()
    print(f"{'(int8 ONNX, as installed)':<32}{'base':>10}{'adapted':>10}")
    for key, label in (
        ("domain_chrf", "chrF++ held-out memory"),
        ("term_accuracy", "term use held-out %"),
        ("chrf", "chrF++ general"),
    ):
        if before.get(key) is not None and after.get(key) is not None:
            print(f"{label:<32}{before[key]:>10.2f}{after[key]:>10.2f}")
    share = done.get("kept_share")
    print(
        f"\nGain in-domain: float {done.get('float_gain', 0):+.2f}, installed int8 {done.get('int8_gain', 0):+.2f}"
        + (f" ({share:.0f}% kept)" if share is not None else "")
    )
    print(
        f"{done.get('steps', 0)} steps ({done.get('steps_per_minute', 0):g}/min) in {done.get('seconds', 0) / 60:.1f} minutes."
    )
    if done.get("installed"):
        name = done.get("model", config.model_name)
        print(
            f"Installed '{name}' (not active). Use it with: palavra translate --model '{name}', "
            f"or make it the default with: palavra models activate '{name}'."
        )
        return 0
    print(f"Not installed: {done.get('reason', 'no improvement')}.")
    return 2


def _figures(event: dict[str, Any]) -> str:
    parts = []
    if event.get("domain_chrf") is not None:
        parts.append(f"in-domain chrF++ {event['domain_chrf']:.2f}")
    if event.get("term_accuracy") is not None:
        parts.append(f"term use {event['term_accuracy']:.1f}%")
    if event.get("chrf") is not None:
        parts.append(f"general chrF++ {event['chrf']:.2f}")
    return "  ".join(parts)
