"""Composition root: builds the engine once, injects it into the main window, runs the event loop."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import qtcompat
from desktop.common import app_icon
from desktop.settings import Settings
from engine.api import Engine
from engine.config import EngineConfig
from engine.resources import resources_dir

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from engine.api import CheckResult, History

log = logging.getLogger(__name__)

#: Set by ``benchmarks/gui_startup.py``: the epoch time the process was launched.
STARTUP_PROBE_ENV = "PALAVRA_STARTUP_T0"


def install_translators(app: QApplication, language: str) -> str:
    """Load the interface translation for ``language`` (``system`` = the locale); returns the code used."""
    code = QLocale.system().name().split("_")[0] if language == "system" else language
    if code != "pt":
        return "en"
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / "palavra_pt.qm")):
        app.installTranslator(ours)
    else:
        log.warning("Portuguese interface translation not found")
    qt = QTranslator(app)
    if qt.load("qtbase_pt", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return "pt"


def build_engine(config: EngineConfig | None = None) -> Engine:
    """The facade as the desktop app uses it: the writing checker and the speech models (Whisper) run in their
    own processes (:mod:`desktop.remote`), so native code holding the GIL there never freezes the window."""
    from desktop.remote import isolated_providers

    return Engine(config, providers=isolated_providers())


def build_window(
    engine: Engine, settings: Settings, history_factory: Callable[[], History] | None = None
) -> MainWindow:
    """Create the main window over ``engine`` (the facade from :func:`build_engine`, or a fake in tests)."""
    from desktop.main_window import MainWindow

    qtcompat.install()
    if history_factory is None:
        history_factory = engine.open_history
    return MainWindow(engine, settings, history_factory)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="palavra gui", description="Open Palavra's window.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    parser.add_argument("--page", type=int, default=None, help="open on page N (1-6)")
    parser.add_argument(
        "--smoke-test",
        metavar="TEXT",
        help="packaging check: translate TEXT on the Translate page, print the result and quit (exit 1 if none)",
    )
    args, _unknown = parser.parse_known_args(list(argv))  # Qt options (-platform, -style...) pass through
    return args


def _warm_correction(window: MainWindow) -> None:
    """Start the writing checker's process now and have it load its rule engines in the background.

    LanguageTool's rules and Harper take 2-4 s to load; started on the first turn of the event loop, the load
    runs while the learner opens the Correct page and writes, so the first check waits for little or none of
    it. With "Detect automatically" both languages are loaded: first the language of the last text checked,
    else the one being practised. The process is started from the checker's worker thread (its owner), so
    the GUI thread only queues the request.
    """
    settings = window.settings
    language = settings.correction_language
    languages: tuple[str, ...] = (language,)
    if language == "auto":
        first = settings.last_checked_language or settings.practice_language
        languages = (first, "en" if first == "pt" else "pt")
    correction = window.engine.correction
    window.workers.correction.run_fn(
        lambda _progress, _cancel: correction.preload(languages), "preload the checker"
    )


def run(argv: Sequence[str]) -> int:
    """Run the desktop app; returns the exit code."""
    args = _parse(argv)
    qtcompat.install()
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("Palavra")
    app.setOrganizationName("Palavra")
    app.setWindowIcon(app_icon())
    settings = Settings()
    if settings.data_folder and not os.environ.get("PALAVRA_DATA_DIR"):
        os.environ["PALAVRA_DATA_DIR"] = settings.data_folder  # entry point: the engine reads it
    install_translators(app, settings.ui_language)

    engine = build_engine(settings.engine_config())
    window = build_window(engine, settings)
    if args.page:
        window.show_page(max(0, min(5, args.page - 1)))
    window.show()
    QTimer.singleShot(0, lambda: _warm_correction(window))
    QTimer.singleShot(0, window.start)
    t0 = os.environ.get(STARTUP_PROBE_ENV)
    if t0:
        QTimer.singleShot(0, lambda: _probe(float(t0), app))
    result: list[str] = []
    if args.smoke_test:
        _smoke_test(window, args.smoke_test, result)
    try:
        code = int(app.exec())
    finally:
        engine.close()
    if args.smoke_test:
        return 0 if result else 1
    return code


def _smoke_test(window: MainWindow, text: str, result: list[str]) -> None:
    """Packaging check: translate ``text`` on the Translate page, then check it with the writing checker (its
    own process); print both and quit. ``result`` gets the translation only if both worked."""
    page = window.translate_page

    def checked(check: CheckResult) -> None:
        print(f"checked: {len(check.edits)} corrections", flush=True)
        window.close()

    def failed(exc: BaseException) -> None:
        print(f"check failed: {exc}", flush=True)
        result.clear()
        window.close()

    def translated(translation: str) -> None:
        if not translation.strip() or result:
            return
        result.append(translation)
        print(translation, flush=True)
        task = window.workers.correction.run_fn(
            lambda _p, _c: window.engine.correction.check(text, "en"), "smoke check"
        )
        task.finished.connect(checked)
        task.failed.connect(failed)

    page.translated.connect(translated)
    window.ready.connect(lambda: page.source_edit.setPlainText(text))
    QTimer.singleShot(180_000, window.close)  # give up after three minutes


def _probe(t0: float, app: QApplication) -> None:
    """Print how long the window took to become interactive, then quit (startup benchmark)."""
    print(f"interactive_after_s={time.time() - t0:.3f}", flush=True)
    QTimer.singleShot(0, lambda: [w.close() for w in app.topLevelWidgets() if w.isVisible()])
