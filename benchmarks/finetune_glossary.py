"""Glossary fine-tuning alone on TICO-19: does the installed int8 model use the terms without term-aware decoding?

Reads ../shared/data (or $PALAVRA_SHARED_DATA): the Facebook TICO-19 en->pt glossary is imported as a user would
(``palavra glossary import``), fine-tuned on as ``palavra finetune --glossary fb`` does (its own term sentences and
replay; no TICO sentence is trained on), and the installed model is then measured by ``benchmarks/glossary_terms.py
--model``: its "base" rows are the adapted model translating plainly (no glossary at inference), over every
applicable ``term_hits.tsv`` row of the TICO dev half. Prints the run's own figures and that table. Uses its own
data folder.

Usage: nice -n 10 python benchmarks/finetune_glossary.py [--minutes 6] [--lr LR] [--replay-share 0.5]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TICO = SHARED / "tico19-eng-por"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=6.0)
    parser.add_argument("--lr", type=float, default=None, help="learning rate (default: the app's)")
    parser.add_argument("--replay-share", type=float, default=None, help="share of a batch from replay")
    parser.add_argument("--evaluations", type=int, default=None)
    parser.add_argument("--no-quant-aware", action="store_true", help="train without int8 rounding")
    parser.add_argument("--all-tokens", action="store_true", help="learn every token of a term sentence")
    parser.add_argument("--hard-replay", action="store_true", help="replay on the base's translations (CE)")
    parser.add_argument(
        "--general-tatoeba",
        type=int,
        default=0,
        help="judge general quality on the last N Tatoeba pairs (default: the app's drill pairs)",
    )
    parser.add_argument(
        "--max-general-drop",
        type=float,
        default=None,
        help="the install gate's general limit (default: the app's 0.5; larger only to measure a refused model)",
    )
    parser.add_argument("--tatoeba", type=int, default=500, help="Tatoeba pairs for general quality")
    args = parser.parse_args()
    if not (TICO / "term_hits.tsv").is_file():
        sys.exit(f"Evaluation data not found at {SHARED} (or set PALAVRA_SHARED_DATA). Nothing was measured.")
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    scratch = Path(tempfile.mkdtemp(prefix="palavra-bench-gft-"))
    os.environ["PALAVRA_DATA_DIR"] = str(scratch / "data")
    from engine.api import Engine
    from engine.glossary.cli_finetune import build_config
    from engine.glossary.finetune.runner import run_job

    engine = Engine()
    engine.glossaries.import_file(TICO / "terminologies" / "f_en-pt_XX.csv", "fb", "en", "pt")
    general = None
    if args.general_tatoeba:
        from engine.glossary.finetune.evaluate import general_pairs

        tatoeba = SHARED / "tatoeba-eng-por" / "test.tsv"
        general = scratch / "general.tsv"  # the end of the file: glossary_terms.py measures its start
        pairs = general_pairs(tatoeba, 100_000)[-args.general_tatoeba :]
        general.write_text("".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")
    ns = argparse.Namespace(
        glossary="fb",
        memory=[],
        sentences=None,
        documents=[],
        minutes=args.minutes,
        method="full",
        no_install=False,
        source="en",
        target="pt",
        general=general,
        learning_rate=args.lr,
    )
    config = build_config(engine, ns)
    changes: dict[str, object] = {}
    if args.replay_share is not None:
        changes["replay_share"] = args.replay_share
    if args.evaluations is not None:
        changes["evaluations"] = args.evaluations
    if args.all_tokens:
        changes["term_tokens_only"] = False
    if args.max_general_drop is not None:
        changes["max_general_drop"] = args.max_general_drop
    if args.hard_replay:
        changes["distill_replay"] = False
    if args.no_quant_aware:
        changes["quant_aware"] = False
    config = dataclasses.replace(config, **changes)  # type: ignore[arg-type]
    print(
        f"lr {config.learning_rate}, replay share {config.replay_share}, quant-aware {config.quant_aware}, "
        f"{config.minutes} min, {config.evaluations} evaluations, distilled replay {config.distill_replay}, term tokens only {config.term_tokens_only}",
        flush=True,
    )
    started = time.monotonic()
    done = run_job(config)
    wall = time.monotonic() - started
    print(f"\nwhole run {wall / 60:.1f} min, {done['steps']} steps, {done['steps_per_minute']} steps/min")
    print(f"installed: {done.get('installed')}  {done.get('reason', '')}")
    keys = ("term_accuracy", "chrf")
    for label, point in [
        ("before (int8, gate set)", done.get("before", {})),
        ("before (float, training's set)", done.get("float_before", {})),
        ("after (float)", done.get("after", {})),
    ]:
        print(f"  {label}: " + ", ".join(f"{k} {point.get(k)}" for k in keys))
    for point in done.get("curve", []):
        print(f"  step {point.get('step')}: " + ", ".join(f"{k} {point.get(k)}" for k in keys))
    print(
        f"held-out term gain float {done['float_gain']:+.2f}, int8 {done['int8_gain']:+.2f}, "
        f"kept {done['kept_share']}%",
        flush=True,
    )
    if not done.get("installed"):
        print("Nothing installed: the TICO table would show the base model.")
        return 0
    return subprocess.call(
        [
            sys.executable,
            str(root / "benchmarks" / "glossary_terms.py"),
            "--model",
            done["model"],
            "--tatoeba",
            str(args.tatoeba),
        ],
        env=dict(os.environ),
    )


if __name__ == "__main__":
    sys.exit(main())
