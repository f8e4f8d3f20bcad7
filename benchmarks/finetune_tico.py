"""Memory fine-tuning on TICO-19, measured on the installed int8 model (or the base when the run kept it).

Reads ../shared/data (or $PALAVRA_SHARED_DATA): TICO-19 dev lines 1-800 become the user's translation memory (a TSV
written to a temporary folder; optional: the Facebook glossary), lines 801-1050 (never trained on) and 500 Tatoeba
pairs (human references, never in replay) are translated afterwards through the app's own path
(``Engine().translate``) with the base and with the adapted model. Prints the run's estimate, its steps per minute,
the share of the float gain the int8 model keeps, and the before/after table. Uses its own data folder.

Usage: nice -n 10 python benchmarks/finetune_tico.py [--minutes 5] [--glossary] [--lr 1e-4]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(os.environ.get("PALAVRA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TICO = SHARED / "tico19-eng-por"
TATOEBA = SHARED / "tatoeba-eng-por" / "test.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--glossary", action="store_true", help="also the Facebook TICO glossary")
    parser.add_argument("--tatoeba", type=int, default=500)
    parser.add_argument(
        "--max-general-drop",
        type=float,
        default=None,
        help="the install gate's general limit (default: the app's 0.5; larger only to measure a refused model)",
    )
    args = parser.parse_args()
    if not (TICO / "dev.eng").is_file() or not TATOEBA.is_file():
        sys.exit(f"Evaluation data not found at {SHARED} (or set PALAVRA_SHARED_DATA). Nothing was measured.")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    scratch = Path(tempfile.mkdtemp(prefix="palavra-bench-ft-"))
    os.environ["PALAVRA_DATA_DIR"] = str(scratch / "data")
    from engine.api import Engine
    from engine.glossary.cli_finetune import build_config, estimate_seconds
    from engine.glossary.finetune.chrf import corpus_chrf
    from engine.glossary.finetune.evaluate import general_pairs
    from engine.glossary.finetune.runner import run_job

    eng_lines = (TICO / "dev.eng").read_text(encoding="utf-8").splitlines()
    por_lines = (TICO / "dev.por").read_text(encoding="utf-8").splitlines()
    memory = scratch / "tico-1-800.tsv"
    memory.write_text(
        "".join(f"{e}\t{p}\n" for e, p in list(zip(eng_lines, por_lines, strict=True))[:800]),
        encoding="utf-8",
    )
    test = list(zip(eng_lines, por_lines, strict=True))[800:1050]
    tatoeba = general_pairs(TATOEBA, 10_000)[-args.tatoeba :]  # the end of the file; the run checks its start
    general = scratch / "general.tsv"
    general.write_text("".join(f"{s}\t{t}\n" for s, t in general_pairs(TATOEBA, 600)), encoding="utf-8")
    engine = Engine()
    glossary = None
    if args.glossary:
        report = engine.glossaries.import_file(TICO / "terminologies" / "f_en-pt_XX.csv", "fb", "en", "pt")
        glossary = "fb"
        print(f"glossary: {report[0].name}, {report[0].entry_count} entries")
    ns = argparse.Namespace(
        glossary=glossary,
        memory=[memory],
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
    if args.max_general_drop is not None:
        import dataclasses

        config = dataclasses.replace(config, max_general_drop=args.max_general_drop)
    print(f"estimate before the run: {estimate_seconds(config, 800) / 60:.1f} min")
    started = time.monotonic()
    done = run_job(config)
    wall = time.monotonic() - started

    def measure(model: str | None) -> tuple[float, float]:
        out_t = [r.text for r in engine.translate([s for s, _ in test], "en", "pt", model=model)]
        out_g = [r.text for r in engine.translate([s for s, _ in tatoeba], "en", "pt", model=model)]
        return corpus_chrf(out_t, [r for _, r in test]), corpus_chrf(out_g, [r for _, r in tatoeba])

    base = measure("en-pt")
    adapted = measure(done["model"]) if done.get("installed") else base
    print(f"\nwhole run {wall / 60:.1f} min, {done['steps']} steps, {done['steps_per_minute']} steps/min")
    print(f"installed: {done.get('installed')}  {done.get('reason', '')}")
    print(
        f"in-domain gain float {done['float_gain']:+.2f}, int8 {done['int8_gain']:+.2f}, kept {done['kept_share']}%"
    )
    print(f"\n| model | TICO dev 801-1050 chrF++ | Tatoeba (last {len(tatoeba)}) chrF++ |")
    print("|---|---|---|")
    print(f"| base en-pt (int8) | {base[0]:.2f} | {base[1]:.2f} |")
    print(
        f"| installed after the run | {adapted[0]:.2f} ({adapted[0] - base[0]:+.2f}) | {adapted[1]:.2f} ({adapted[1] - base[1]:+.2f}) |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
