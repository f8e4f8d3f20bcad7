"""How soon the writing checker answers after a start: in the app, and in a fresh process.

Two measurements, each in fresh processes, runs interleaved per case:

* **app**: starts the real app (``desktop.app.run``, the checker in its own process, warmed as the app warms it)
  with a temporary data folder and settings; as soon as the window appears (first turn of the event loop with
  the window shown) it writes a learner's sentence into the Correct page and checks it, as a user who starts
  typing at once would. Prints the seconds from launch to the window, and from the window to the result on
  screen.
* **engine**: ``CorrectionService.check`` in a fresh Python process (no GUI): the seconds from the first import
  to the first result, the cold start of the checker itself.

    nice -n 10 .venv/bin/python benchmarks/correct_start.py [--runs 5] [--delay S] [--skip-app] [--skip-engine]
        [--compare OTHER_CHECKOUT]
    nice -n 10 .venv/bin/python benchmarks/correct_start.py --stages [--runs 3] [--compare OTHER_CHECKOUT]

``--delay`` waits that long after the window appears before checking (0: at once); ``--compare`` measures another
checkout of the repository too (e.g. the commit before a change), runs interleaved.

The language of the Correct page is "Detect automatically" (the default), so the text's language is detected.
The app loads the language of the last text checked first; each text is measured with the last text checked in
the same language (the usual case) and in the other one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "en": "Yesterday I goes to the beach with my freinds and we was very happy.",
    "pt": "Ontem eu fui na praia com meus amigo e nós estava muito feliz.",
}

# Runs inside the app's process: the window is built by the real run(); the probe starts at the first event-loop
# turn after the window is shown.
APP_PROBE = r"""
import json, os, sys, time
t0 = float(os.environ["PROBE_T0"])
text = os.environ["PROBE_TEXT"]
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from desktop import app as palavra

built = palavra.build_window
state = {}

def build_window(engine, settings, *args, **kwargs):
    window = built(engine, settings, *args, **kwargs)
    QTimer.singleShot(0, lambda: start(window))
    return window

def start(window):
    state["window"] = time.time()
    timer = QTimer(window)
    timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one fires up to 5% early
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: send(window))
    timer.start(int(1000 * float(os.environ["PROBE_DELAY"])))
    state["timer"] = timer

def send(window):
    page = window.correct_page
    page.editor.setPlainText(text)
    page.check()
    timer = QTimer(window)
    def poll():
        if not page.busy.busy and page._checked_text == text:
            timer.stop()
            done = time.time()
            print("PROBE " + json.dumps({"window_s": state["window"] - t0, "check_s": done - state["window"],
                                          "edits": len(page.edits)}), flush=True)
            QApplication.instance().quit()
    timer.timeout.connect(poll)
    timer.start(5)

palavra.build_window = build_window
from desktop.settings import Settings
Settings()._s.setValue("correct/last_checked", os.environ["PROBE_LAST"])  # what the app loads first
sys.exit(palavra.run(["gui", "-v"]))
"""

ENGINE_PROBE = r"""
import json, os, sys, time
t0 = time.perf_counter()
from engine.api import Engine
service = Engine().correction
result = service.check(os.environ["PROBE_TEXT"], os.environ["PROBE_LANG"])
print("PROBE " + json.dumps({"check_s": time.perf_counter() - t0, "edits": len(result.edits)}), flush=True)
"""


# Where one cold start goes, stage by stage, in a fresh process (no preloading, each part loaded on its own).
STAGES = r"""
import json, os, time
T = time.perf_counter
stages = []
def stage(label, fn):
    t = T(); fn(); stages.append((label, T() - t))
t0 = T()
stage("import the engine and the checker", lambda: __import__("engine.correct.service"))
from engine.config import EngineConfig
from engine.correct.service import CorrectionService
from engine.correct.language import split_languages
service = CorrectionService(EngineConfig())
lang = os.environ["PROBE_LANG"]
base = lang.split("-")[0]
stage("word list (" + base + ")", lambda: service._spelling_model(base).frequency("a"))
if base == "pt":
    stage("accent table (pt)", lambda: service._spelling_model(base)._accent_table())
stage("language detection (auto, other lists)", lambda: split_languages(os.environ["PROBE_TEXT"]))
for name in dict.fromkeys(n for st in service._pipelines[base] for n in st):
    stage(name + " checker loaded", lambda: service._checker(name, lang))
stage("first check (" + lang + ")", lambda: service.check(os.environ["PROBE_TEXT"], "auto"))
stages.append(("total", T() - t0))
print("PROBE " + json.dumps(dict(stages)), flush=True)
"""


def _run(code: str, env: dict[str, str]) -> dict[str, float]:
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            cwd=env["PYTHONPATH"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else str(exc.stderr)
        raise RuntimeError(f"no answer within {exc.timeout} s: {err[-3000:]}") from exc
    for line in proc.stdout.splitlines():
        if line.startswith("PROBE "):
            return dict(json.loads(line[6:]))
    raise RuntimeError(f"no probe output (exit {proc.returncode}): {proc.stderr[-2000:]}")


def _cell(rows: list[dict[str, float]], key: str) -> str:
    if not rows:
        return "-"
    values = [r[key] for r in rows]
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds after the window before the check")
    parser.add_argument(
        "--compare", type=Path, action="append", default=[], help="another checkout to measure"
    )
    parser.add_argument("--skip-app", action="store_true")
    parser.add_argument("--skip-engine", action="store_true")
    parser.add_argument("--stages", action="store_true", help="only: where one cold start goes, per stage")
    args = parser.parse_args()
    if args.stages:
        return _stages(args.runs, [ROOT, *(p.resolve() for p in args.compare)])
    roots = [ROOT, *(p.resolve() for p in args.compare)]
    env = dict(os.environ)
    env["PROBE_DELAY"] = repr(args.delay)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    envs = {}
    for root in roots:
        work = Path(tempfile.mkdtemp(prefix="palavra-correct-start-"))
        envs[root] = {
            **env,
            "PALAVRA_DATA_DIR": str(work / "data"),
            "XDG_CONFIG_HOME": str(work / "config"),
            "PYTHONPATH": str(root),
        }
        # The first run prepares models and caches; it is not what a user meets after that.
        _run(ENGINE_PROBE, {**envs[root], "PROBE_TEXT": CASES["en"], "PROBE_LANG": "auto"})
        if not args.skip_app:
            first = {"PROBE_T0": repr(time.time()), "PROBE_TEXT": CASES["en"], "PROBE_LAST": "en"}
            _run(APP_PROBE, {**envs[root], **first})
    loads = [os.getloadavg()[0]]
    app: dict[tuple[Path, str, str], list[dict[str, float]]] = {
        (r, k, last): [] for r in roots for k in CASES for last in CASES
    }
    cold: dict[tuple[Path, str], list[dict[str, float]]] = {(r, k): [] for r in roots for k in CASES}
    for _ in range(args.runs):
        for name, text in CASES.items():
            for root in roots:  # interleaved, so that the machine's load falls on each checkout alike
                for last in CASES if not args.skip_app else ():
                    probe = {"PROBE_T0": repr(time.time()), "PROBE_TEXT": text, "PROBE_LAST": last}
                    app[(root, name, last)].append(_run(APP_PROBE, {**envs[root], **probe}))
                if not args.skip_engine:
                    probe = {"PROBE_TEXT": text, "PROBE_LANG": "auto"}
                    cold[(root, name)].append(_run(ENGINE_PROBE, {**envs[root], **probe}))
                loads.append(os.getloadavg()[0])
    print(
        f"Writing checker start ({os.cpu_count()} CPUs, load average {min(loads):.1f}-{max(loads):.1f}, "
        f"{args.runs} runs each, language 'auto', check sent {args.delay:g} s after the window appears; "
        "median (best-worst) seconds)"
    )
    print()
    print(
        "| checkout | text | last text checked before | window appears after launch | first check answered "
        "after the window | checker cold start in a fresh process | edits |"
    )
    print("|---|---|---|---:|---:|---:|---:|")
    for root in roots:
        for name in CASES:
            for last in CASES:
                rows = app[(root, name, last)]
                same = "same language" if last == name else "the other language"
                edits = {int(r["edits"]) for r in rows + cold[(root, name)]}
                print(
                    f"| {root.name} | {name} | {same} | {_cell(rows, 'window_s')} | {_cell(rows, 'check_s')} | "
                    f"{_cell(cold[(root, name)], 'check_s')} | {'/'.join(map(str, sorted(edits)))} |"
                )
    return 0


def _stages(runs: int, roots: list[Path]) -> int:
    cases = {"en-US": CASES["en"], "pt-BR": CASES["pt"]}
    envs = {}
    for root in roots:
        work = Path(tempfile.mkdtemp(prefix="palavra-correct-stages-"))
        envs[root] = {**os.environ, "PALAVRA_DATA_DIR": str(work / "data"), "PYTHONPATH": str(root)}
        for lang, text in cases.items():  # the first run writes the caches
            _run(STAGES, {**envs[root], "PROBE_LANG": lang, "PROBE_TEXT": text})
    loads = [os.getloadavg()[0]]
    rows: dict[tuple[Path, str], list[dict[str, float]]] = {(r, lang): [] for r in roots for lang in cases}
    for _ in range(runs):
        for lang, text in cases.items():
            for root in roots:
                rows[(root, lang)].append(
                    _run(STAGES, {**envs[root], "PROBE_LANG": lang, "PROBE_TEXT": text})
                )
            loads.append(os.getloadavg()[0])
    print(
        f"Checker cold start by stage, fresh process, no preloading ({os.cpu_count()} CPUs, load average "
        f"{min(loads):.1f}-{max(loads):.1f}, {runs} runs; median (best-worst) seconds)"
    )
    for lang in cases:
        print()
        print(f"| stage ({lang}) | " + " | ".join(r.name for r in roots) + " |")
        print("|---|" + "---:|" * len(roots))
        for label in rows[(roots[0], lang)][0]:
            print(f"| {label} | " + " | ".join(_cell(rows[(r, lang)], label) for r in roots) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
