"""As-you-type translation latency on the real app: a sentence typed key by key into the Translate page (offscreen,
the engine as the app builds it), timed from the last key to the moment its translation is on screen, debounce
included. Prints each sentence's latency and the median. Uses a temporary data folder; needs no data set.

    .venv/bin/python benchmarks/typing_latency.py [--interval 120] [--sentences 8]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Where is the train station?",
    "I would like two tickets to Porto.",
    "The museum opens at nine in the morning.",
    "Can you help me find my hotel?",
    "We are going to the beach tomorrow.",
    "How much does this book cost?",
    "My sister lives in Lisbon with her husband.",
    "Please speak more slowly.",
    "The weather is beautiful today.",
    "I have lost my passport.",
]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--interval", type=int, default=120, help="ms between two keys (a quick typist: 100-150)"
    )
    parser.add_argument("--sentences", type=int, default=8)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="palavra-typing-"))
    os.environ.setdefault("PALAVRA_DATA_DIR", str(work / "data"))
    logging.basicConfig(level=logging.ERROR)

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_engine, build_window
    from desktop.pages import translate_page
    from desktop.settings import Settings

    app = QApplication([sys.argv[0]])
    settings = Settings(work / "settings.ini")
    settings.source_language, settings.target_language = "en", "pt"
    engine = build_engine(settings.engine_config())
    engine.prepare_models()
    engine.translate(["Warm up."], "en", "pt")  # the model load is not what is measured here
    window = build_window(engine, settings)
    window.show()
    window.start()
    page = window.translate_page

    def pump(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    pump(2.0)  # start-up work (history, pages built in idle time) is not measured
    latencies: list[float] = []
    print(f"debounce {translate_page.TYPING_PAUSE_MS} ms, a key every {args.interval} ms")
    for sentence in SENTENCES[: args.sentences]:
        page.source_edit.clear()
        pump(0.5)
        page.source_edit.setFocus()
        before = page.target_edit.toPlainText()
        for ch in sentence:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    page.source_edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )
            last = time.perf_counter()
            pump(args.interval / 1000)
        expected = engine.translate([sentence], "en", "pt")[0].text
        while page.target_edit.toPlainText() != expected:
            if time.perf_counter() - last > 10:
                raise SystemExit(
                    f"no translation of {sentence!r} on screen: {page.target_edit.toPlainText()!r}"
                )
            app.processEvents()
            time.sleep(0.0005)
        shown = time.perf_counter()
        # the translation of the whole sentence may already be on screen before the last key (a word typed by
        # then): the latency is then 0 only if the last key changed nothing visible
        latency = max(0.0, shown - last) if page.target_edit.toPlainText() != before else 0.0
        latencies.append(latency)
        print(f"  {1000 * latency:6.1f} ms  {sentence}")
    print(f"median {1000 * statistics.median(latencies):.1f} ms, max {1000 * max(latencies):.1f} ms")
    window.close()
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
