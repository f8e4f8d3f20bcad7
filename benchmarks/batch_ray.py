"""Folder batch: this machine alone against a local Ray cluster with 1 and 2 workers, same files.

Writes N small .txt files of Tatoeba sentences into a temporary folder, translates the folder en->pt with the
local runner and with ``run_on_ray`` (a local cluster started for each run), checks that every output is
byte-identical to the local run's, and prints files/s and the speed-up from 1 to 2 workers.

    .venv/bin/python benchmarks/batch_ray.py [--files 200] [--lines 10]

Reads Tatoeba from ../shared/data (says so and stops when it is absent).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _mt_common import require_data, tatoeba


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--lines", type=int, default=10)
    args = parser.parse_args()
    require_data()
    from engine.api import Engine
    from engine.batch.folder import plan_folder, run_local
    from engine.batch.ray_runner import run_on_ray

    en, _ = tatoeba(args.files * args.lines)
    root = Path(tempfile.mkdtemp(prefix="palavra-batch-"))
    src = root / "in"
    src.mkdir()
    for i in range(args.files):
        lines = en[i * args.lines : (i + 1) * args.lines]
        (src / f"doc{i:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    rows = []
    engine = Engine()
    engine.translate(["Warm up."], "en", "pt")
    plan = plan_folder(src, root / "local", "en", "pt")
    t0 = time.perf_counter()
    assert all(r.ok for r in run_local(engine, plan.jobs))
    rows.append(("this machine, one engine (no Ray)", 1, time.perf_counter() - t0, True))
    engine.close()

    for workers in (1, 2):
        out = root / f"ray{workers}"
        plan = plan_folder(src, out, "en", "pt")
        t0 = time.perf_counter()
        results = list(run_on_ray(plan.jobs, address="local", workers=workers))
        wall = time.perf_counter() - t0
        same = all(r.ok for r in results) and all(
            (out / p.relative_to(root / "local")).read_bytes() == p.read_bytes()
            for p in (root / "local").rglob("*.txt")
        )
        rows.append(
            (f"Ray, local cluster, {workers} worker(s) (cluster start included)", workers, wall, same)
        )

    print(f"{args.files} files x {args.lines} Tatoeba sentences, en->pt; load avg {os.getloadavg()[0]:.1f}")
    print()
    print("| runner | workers | seconds | files/s | speed-up over 1 Ray worker | output identical to local |")
    print("|---|---|---|---|---|---|")
    one = rows[1][2]
    for name, workers, wall, same in rows:
        speed = f"{one / wall:.2f}x" if name.startswith("Ray") else ""
        print(
            f"| {name} | {workers} | {wall:.1f} | {args.files / wall:.1f} | {speed} | {'yes' if same else 'NO'} |"
        )


if __name__ == "__main__":
    main()
