"""Cold start of the command line: a fresh ``python -m engine translate --from en --to pt "Hello"`` process, from
launch to exit, as a user runs it. Prints the median (and spread) of N runs per checkout, runs interleaved so that the
machine's load falls on each alike, then where the time of one start goes (stages measured inside one process) and,
with ``--importtime``, the slowest imports.

    .venv/bin/python benchmarks/cold_start.py [--runs 15] [--compare OTHER_CHECKOUT] [--importtime]

``--compare`` times another checkout of the repository (e.g. ``main``) the same way, in the same run. The models
are converted once beforehand into a temporary data folder (or ``$PALAVRA_DATA_DIR``), and the checkouts' byte code
is compiled first (an installed package ships compiled; ``PYTHONDONTWRITEBYTECODE`` would otherwise make every run
compile the engine again). The first start after a model is installed also hashes its files; the runs here are the
ones after it, which is every start a user makes after the first.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = ["-m", "engine", "translate", "--from", "en", "--to", "pt", "Hello"]

# Stages of one start, timed inside a fresh process (the same work as the command, split where it can be).
STAGES = r"""
import json, sys, time
t0 = time.perf_counter()
from engine import offline
offline.apply()
import os
import engine.cli as cli
if hasattr(cli, "_NO_BLAS_COMMANDS"):  # what this checkout's CLI does for translate
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
try:
    parser = cli.build_parser("translate")
except TypeError:  # a checkout whose parser registers every command
    parser = cli.build_parser()
t1 = time.perf_counter()
import numpy
t2 = time.perf_counter()
from engine import onnx_session
onnx_session.runtime()
t3 = time.perf_counter()
from engine.api import Engine
engine = Engine()
service = engine.translation
t4 = time.perf_counter()
service.model("en", "pt")
t5 = time.perf_counter()
out = engine.translate(["Hello"], "en", "pt")[0].text
t6 = time.perf_counter()
print(json.dumps({
    "CLI modules and argument parser": t1 - t0,
    "numpy": t2 - t1,
    "onnxruntime": t3 - t2,
    "facade and translation service": t4 - t3,
    "model load (checks, vocabularies, shortlist, embeddings, 2 sessions)": t5 - t4,
    "first translation": t6 - t5,
}))
"""


def env_for(checkout: Path, data: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(checkout)
    env["PALAVRA_DATA_DIR"] = data
    return env


def time_start(python: str, checkout: Path, env: dict[str, str]) -> float:
    t = time.perf_counter()
    out = subprocess.run(
        [python, *COMMAND], cwd=checkout, env=env, capture_output=True, text=True, check=True
    )
    elapsed = time.perf_counter() - t
    assert out.stdout.strip(), out.stderr
    return elapsed


def python_floor(python: str, env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run([python, "-c", "pass"], env=env, check=True)
    return time.perf_counter() - t


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="starts timed per checkout")
    parser.add_argument("--compare", type=Path, action="append", default=[], help="another checkout to time")
    parser.add_argument("--importtime", action="store_true", help="also print the slowest imports")
    parser.add_argument("--python", default=sys.executable, help="interpreter (default: this one)")
    args = parser.parse_args()
    base = os.environ.get("PALAVRA_DATA_DIR") or tempfile.mkdtemp(prefix="palavra-cold-")
    checkouts = [ROOT, *[p.resolve() for p in args.compare]]
    # one data folder per checkout: each converts the models its own way (a newer exporter's graphs may not load
    # in an older checkout)
    datas = {c: str(Path(base) / f"checkout-{i}") for i, c in enumerate(checkouts)}
    for checkout in checkouts:
        for package in ("engine", "desktop"):
            compileall.compile_dir(checkout / package, quiet=1)
        env = env_for(checkout, datas[checkout])
        subprocess.run(
            [args.python, "-m", "engine", "models", "prepare"],
            cwd=checkout,
            env=env,
            check=True,
            capture_output=True,
        )
        for _ in range(
            2
        ):  # the first start after an install records the checksums; not what a user waits for
            time_start(args.python, checkout, env)
    times: dict[Path, list[float]] = {c: [] for c in checkouts}
    floor: list[float] = []
    print(f"load before: {load()}")
    for _ in range(args.runs):
        for checkout in checkouts:  # interleaved: the same load on each
            times[checkout].append(time_start(args.python, checkout, env_for(checkout, datas[checkout])))
        floor.append(python_floor(args.python, env_for(ROOT, datas[ROOT])))
    print(f"load after:  {load()}")
    print(f"\n`python {' '.join(COMMAND)}`, {args.runs} fresh processes each, interleaved")
    print(f"{'checkout':<40} {'median s':>9} {'min s':>7} {'max s':>7}")
    for checkout, ts in times.items():
        print(f"{checkout!s:<40} {statistics.median(ts):9.3f} {min(ts):7.3f} {max(ts):7.3f}")
    print(f"{'(python -c pass)':<40} {statistics.median(floor):9.3f} {min(floor):7.3f} {max(floor):7.3f}")

    for checkout in checkouts:
        stages: list[dict[str, float]] = []
        for _ in range(max(3, args.runs // 3)):
            out = subprocess.run(
                [args.python, "-c", STAGES],
                cwd=checkout,
                env=env_for(checkout, datas[checkout]),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            stages.append(json.loads(out.strip().splitlines()[-1]))
        print(f"\nstages of one start in {checkout} (median of {len(stages)} processes)")
        for name in stages[0]:
            print(f"  {name:<72} {1000 * statistics.median(s[name] for s in stages):7.1f} ms")
        if args.importtime:
            res = subprocess.run(
                [args.python, "-X", "importtime", *COMMAND],
                cwd=checkout,
                env=env_for(checkout, datas[checkout]),
                capture_output=True,
                text=True,
                check=True,
            )
            rows = []
            for line in res.stderr.splitlines():
                parts = line.split("|")
                if len(parts) == 3 and parts[1].strip().isdigit():
                    name = parts[2].rstrip()
                    if (
                        len(name) - len(name.lstrip()) > 1
                    ):  # nested under another import: counted in its parent
                        continue
                    rows.append((int(parts[1]), name.strip()))
            print("  top-level imports (cumulative, one run):")
            for us, name in sorted(rows, reverse=True)[:12]:
                print(f"    {name:<60} {us / 1000:7.1f} ms")


if __name__ == "__main__":
    main()
