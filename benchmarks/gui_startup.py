"""Cold start of the desktop app to an interactive window, after the first run.

Starts ``palavra gui`` in a fresh process several times and prints how long each took from the moment the
process was launched to the first turn of the event loop with the main window shown (the window then answers
input). The first launch prepares the models (first run) and is reported separately. Uses a temporary data folder
and settings, so your own are not touched.

    .venv/bin/python benchmarks/gui_startup.py [--runs 7]

Under a display (or ``xvfb-run -a``) the real window system is used, else Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = "PALAVRA_STARTUP_T0"


def launch(env: dict[str, str]) -> tuple[float, float]:
    """Start the app once; returns (seconds to interactive, seconds until the process ended)."""
    env = dict(env)
    t0 = time.time()
    env[PROBE] = repr(t0)
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.launcher import main; sys.exit(main(['gui']))"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    total = time.time() - t0
    for line in proc.stdout.splitlines():
        if line.startswith("interactive_after_s="):
            return float(line.split("=", 1)[1]), total
    raise RuntimeError(f"the app did not report readiness (exit {proc.returncode}): {proc.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="palavra-startup-"))
    env = dict(os.environ)
    env["PALAVRA_DATA_DIR"] = str(work / "data")
    env["XDG_CONFIG_HOME"] = str(work / "config")
    env.pop("PALAVRA_MODELS_DIR", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    platform = env.get("QT_QPA_PLATFORM", "xcb/wayland (display)")

    first, first_total = launch(env)
    runs = [launch(env) for _ in range(args.runs)]
    ready = [r[0] for r in runs]
    print(f"Palavra cold start to an interactive window (platform: {platform}, {os.cpu_count()} CPUs)")
    print()
    print("| launch | interactive after (s) | process lifetime (s) |")
    print("|---|---:|---:|")
    print(f"| first run (models prepared in the background) | {first:.3f} | {first_total:.2f} |")
    for i, (r, total) in enumerate(runs, 1):
        print(f"| {i} | {r:.3f} | {total:.2f} |")
    print()
    print(
        f"median {statistics.median(ready):.3f} s, best {min(ready):.3f} s, worst {max(ready):.3f} s "
        f"over {len(ready)} launches after the first run (target: <= 1.5 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
