"""Does the GUI thread ever block? A scripted session on the real app, with an event-loop stall logger.

A 10 ms timer runs on the GUI thread during each phase; a gap over 50 ms between two ticks means the GUI thread
was blocked (the window could not repaint or answer input). Phases: typing English and Portuguese into the
Translate page key by key (the first request loads the model), translating a 300-cue subtitle file, checking a
learner's text (the first check loads the checker) while typing, and scoring a spoken attempt (the built-in voice
plays the part of the microphone, in real time). Uses a temporary data folder; needs no data set.

    .venv/bin/python benchmarks/gui_stalls.py          # offscreen, or under xvfb-run -a for a real X server
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPE_EN = "Where is the train station? I would like to buy two tickets to Porto for tomorrow morning."
TYPE_PT = "Olá, tudo bem? Eu gostaria de reservar uma mesa para quatro pessoas hoje à noite."
LEARNER = "Yesterday I goes to the beach with my freinds and we was very happy."


def main() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="palavra-stalls-"))
    os.environ["PALAVRA_DATA_DIR"] = str(work / "data")
    logging.basicConfig(level=logging.ERROR)

    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_engine, build_window
    from desktop.settings import Settings
    from desktop.stall import StallLogger

    app = QApplication([sys.argv[0]])
    settings = Settings(work / "settings.ini")
    engine = build_engine(settings.engine_config())  # as the app builds it (checker and scorer in processes)
    engine.prepare_models()  # the first run is not what is measured here
    window = build_window(engine, settings)
    window.resize(1100, 720)
    window.show()
    window.start()
    logger = StallLogger(threshold_ms=50.0)
    settle_until = time.monotonic() + 3.0  # start-up work (history, pages built in idle time) is not measured
    rows: list[tuple[str, float, int, float, int]] = []

    def run_until(done: Callable[[], bool], timeout: float = 600.0) -> None:
        end = time.monotonic() + timeout
        while not done():
            if time.monotonic() > end:
                raise TimeoutError("phase did not finish")
            app.processEvents()
            time.sleep(0.002)

    def phase(name: str, action: Callable[[], Callable[[], bool]]) -> None:
        logger.start()
        t0 = time.monotonic()
        done = action()
        run_until(done)
        logger.stop()
        rows.append((name, time.monotonic() - t0, logger.ticks, logger.max_gap_ms, len(logger.stalls)))

    def type_into(widget: object, text: str, interval_ms: int = 60) -> Callable[[], bool]:
        chars = list(text)

        def step() -> None:
            if chars:
                ch = chars.pop(0)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
            else:
                timer.stop()

        timer = QTimer()
        timer.setInterval(interval_ms)
        timer.timeout.connect(step)
        timer.start()
        state = {"timer": timer}
        return lambda: not chars and state["timer"] is not None

    page = window.translate_page

    def typing_en() -> Callable[[], bool]:
        page.source_edit.setFocus()
        typed = type_into(page.source_edit, TYPE_EN)
        return lambda: typed() and not page.busy.busy and "estação" in page.target_edit.toPlainText()

    def typing_pt() -> Callable[[], bool]:
        page.source_edit.clear()
        typed = type_into(page.source_edit, TYPE_PT)
        return lambda: typed() and not page.busy.busy and "table" in page.target_edit.toPlainText().lower()

    def document() -> Callable[[], bool]:
        lines = []
        for i in range(300):
            start, end = i * 3, i * 3 + 2
            lines.append(
                f"{i + 1}\n00:{start // 60:02d}:{start % 60:02d},000 --> 00:{end // 60:02d}:{end % 60:02d},500"
            )
            lines.append(f"This is subtitle number {i + 1}, and the train leaves at {i % 12 + 1} o'clock.\n")
        srt = work / "talk.srt"
        srt.write_text("\n".join(lines))
        window.show_page(1)
        docs = window.documents_page
        docs.open_path(srt)
        run_until(lambda: docs.document is not None)
        docs.start()
        return lambda: docs.output is not None

    def checking() -> Callable[[], bool]:
        window.show_page(2)
        correct = window.correct_page
        correct.language_combo.set_code("en")
        correct.editor.setFocus()
        typed = type_into(correct.editor, LEARNER, 40)
        return lambda: (
            typed()
            and not correct.busy.busy
            and correct.edit_list.count() > 0
            and (correct._checked_text == correct.editor.toPlainText())
        )

    # The built-in voice plays the learner; it is prepared before the measured phase.
    from engine.speech.audio import resample
    from engine.speech.recorder import ArraySource

    window.show_page(3)
    practise = window.practise_page
    run_until(lambda: practise.drill is not None)
    audio, rate = engine.speech.synthesize(practise.drill.text, practise.drill.language)
    voice = resample(audio, rate, 16000)
    window.show_page(0)

    def transcribing() -> Callable[[], bool]:
        window.show_page(3)
        practise.audio_source_factory = lambda: ArraySource(voice, realtime=True, trailing_silence=1.0)
        practise.record_button.click()
        return lambda: practise.attempt is not None

    def idle() -> Callable[[], bool]:
        end = time.monotonic() + 5.0
        return lambda: time.monotonic() > end

    run_until(lambda: time.monotonic() > settle_until)
    phase("idle window, nothing running (baseline: machine load)", idle)
    phase("type English key by key (loads en-pt)", typing_en)
    phase("type Portuguese key by key (loads pt-en)", typing_pt)
    phase("translate a 300-cue .srt", document)
    phase("type a learner's text, checked as typed (loads checker)", checking)
    phase("record and score a spoken attempt (loads Whisper)", transcribing)

    print(
        f"GUI thread stalls during a scripted session ({os.cpu_count()} CPUs, platform {app.platformName()})"
    )
    print()
    print("| phase | seconds | timer ticks | longest block (ms) | stalls > 50 ms |")
    print("|---|---:|---:|---:|---:|")
    for name, secs, ticks, worst, stalls in rows:
        print(f"| {name} | {secs:.1f} | {ticks} | {max(0.0, worst):.0f} | {stalls} |")
    window.close()
    run_until(lambda: not window.isVisible(), 60)
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
