"""Screenshots of every page of the real app (real engine, real models), for the README.

Run under a virtual display::

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py [--lang en|pt] [--out DIR]

It uses a temporary data folder and settings file (your own history and settings are not touched), types real
text, translates a real subtitle file, checks a learner's text, scores an attempt read by the built-in voice
(there is no microphone under Xvfb), imports a small glossary (and opens it in the glossary editor), and saves one
PNG per page.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SRT = (
    "1\n00:00:01,000 --> 00:00:03,200\nGood evening, and welcome aboard.\n\n"
    "2\n00:00:03,800 --> 00:00:06,500\nWe will land in Lisbon in forty minutes.\n\n"
    "3\n00:00:07,000 --> 00:00:09,000\nPlease fasten your seat belts.\n"
)
GLOSSARY = "boarding pass,cartão de embarque\ncheck-in desk,balcão de check-in\nlayover,escala\n"


def wait_until(app: object, predicate: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until ``predicate()`` holds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("the app did not reach the expected state")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def settle(app: object, seconds: float = 0.4) -> None:
    """Let animations and layouts finish."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=("en", "pt"), default="en", help="interface language")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument(
        "--only", choices=("practise", "translate", "correct"), help="only the screenshots of one page"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="palavra-shots-"))
    os.environ["PALAVRA_DATA_DIR"] = str(work / "data")

    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_engine, build_window, install_translators
    from desktop.settings import Settings
    from engine.speech.audio import resample
    from engine.speech.recorder import ArraySource

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Palavra")
    install_translators(app, args.lang)
    engine = build_engine()
    glossary = work / "travel.csv"
    glossary.write_text(GLOSSARY)
    engine.glossaries.import_file(glossary, "travel", "en", "pt", domain="travel")
    settings = Settings(work / "settings.ini")
    settings.practice_language = "pt"
    settings.correction_language = "pt"
    settings.ui_language = args.lang  # explanations follow the interface language, as in the app
    window = build_window(engine, settings)
    window.resize(1180, 760)
    window.show()
    ready = []
    window.ready.connect(lambda: ready.append(True))
    window.start()
    wait_until(app, lambda: bool(ready), 300)
    suffix = "" if args.lang == "en" else "-pt"
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        settle(app)
        path = args.out / f"{name}{suffix}.png"
        window.grab().save(str(path))
        print("wrote", path)

    def wanted(name: str) -> bool:
        return not args.only or args.only == name

    if wanted("translate"):
        # Translate: a few earlier translations in the history, then the current one
        page = window.translate_page
        page._history_timer.setInterval(50)
        for text in (
            "Where can I buy a SIM card?",
            "Quanto custa um bilhete para o Porto?",
            "Two coffees, please.",
        ):
            page.source_edit.setPlainText(text)
            count = page.history_list.count()
            wait_until(app, lambda count=count: page.history_list.count() > count)
        page.source_edit.setPlainText(
            "Where is the nearest pharmacy?\nI need something for a headache, and my hotel is far away."
        )
        wait_until(app, lambda: "farmácia" in page.target_edit.toPlainText() and not page.busy.busy)
        page._history_timer.stop()
        shot("translate")
        # "Add to my words": a word of the source selected, its Portuguese put on the word list
        source = page.source_edit.toPlainText()
        cursor = page.source_edit.textCursor()
        cursor.setPosition(source.index("pharmacy"))
        cursor.setPosition(source.index("pharmacy") + len("pharmacy"), QTextCursor.MoveMode.KeepAnchor)
        page.source_edit.setTextCursor(cursor)
        marked: list[object] = []
        page.words.marked.connect(marked.append)
        page.words.add_selection()
        wait_until(app, lambda: bool(marked))
        shot("translate-add-word")
        page.notice.clear_notice()

    if not args.only:
        # Glossaries & models
        window.show_page(4)
        models = window.models_page
        wait_until(app, lambda: models.model_table.rowCount() > 0 and models.glossary_table.rowCount() == 1)
        shot("models")
        # the glossary editor on the imported glossary, a new entry being typed
        models.glossary_table.selectRow(0)
        models.edit_glossary()
        wait_until(app, lambda: models.editor is not None and models.editor.loaded)
        editor = models.editor
        editor.table.selectRow(1)
        editor.new_source.setText("gate")
        editor.new_target.setText("portão")
        editor.new_alternatives.setText("portão de embarque")
        settle(app)
        editor.grab().save(str(args.out / f"glossary-editor{suffix}.png"))
        print("wrote", args.out / f"glossary-editor{suffix}.png")
        editor.reject()
        wait_until(app, lambda: models.editor is None)
        if models.finetune_button.isEnabled():  # the fine-tuning wizard (needs PyTorch)
            from desktop.finetune_wizard import FineTuneWizard

            models.open_wizard()
            wait_until(app, lambda: any(isinstance(w, FineTuneWizard) for w in app.topLevelWidgets()))
            wizard = next(w for w in app.topLevelWidgets() if isinstance(w, FineTuneWizard))
            settle(app)
            wizard.grab().save(str(args.out / f"wizard{suffix}.png"))
            print("wrote", args.out / f"wizard{suffix}.png")
            wizard.reject()

        # Documents
        srt = work / "flight.en.srt"
        srt.write_text(SRT)
        window.show_page(1)
        docs = window.documents_page
        docs.open_path(srt)
        wait_until(app, lambda: docs.document is not None)
        docs.start()
        wait_until(app, lambda: docs.output is not None)
        shot("documents")

    if wanted("correct"):
        # Correct: a few texts checked on earlier days (the writing history), then today's
        from datetime import UTC, datetime, timedelta

        levels = engine.open_writing_levels()
        for days, earlier in (
            (24, "Eu gosto de comer frutas. Minha mãe cozinha bem. Eu tem dois irmão e uma irmã pequena."),
            (19, "No fim de semana eu vai ao cinema com meu amigos e depois nós comemos pizza na praça."),
            (
                13,
                "Ontem choveu muito, por isso fiquei em casa e li um livro que minha professora recomendou.",
            ),
            (8, "Quando eu era criança, morava numa cidade pequena onde todo mundo se conhecia e ajudava."),
            (
                3,
                "Se eu tivesse mais tempo, estudaria português todos os dias, porque quero viajar ao Brasil.",
            ),
        ):
            result = engine.correction.check(earlier, "pt")
            levels.record(result, when=datetime.now(UTC) - timedelta(days=days))
        levels.close()
        window.show_page(2)
        correct = window.correct_page
        correct.language_combo.set_code("pt")
        correct.editor.setPlainText(
            "Ontem eu fui na praia com meus amigo. A agua estava muito fria, mas nos nadamos mesmo assim."
        )
        correct.check()
        wait_until(app, lambda: correct.edit_list.count() > 0 and not correct.busy.busy, 180)
        correct.edit_list.setCurrentRow(0)
        wait_until(app, lambda: len(getattr(correct.level_history.history, "records", ())) == 6, 60)
        shot("correct")
        shot("correct-history")  # the same page, named for the level history it shows

    if args.only in ("translate", "correct"):
        window.close()
        wait_until(app, lambda: not window.isVisible(), 30)
        engine.close()
        return 0

    # Practise: the built-in voice reads the sentence into the recorder
    window.show_page(3)
    practise = window.practise_page
    wait_until(app, lambda: practise.drill is not None)
    audio, rate = engine.speech.synthesize(practise.drill.text, practise.drill.language)
    voice = resample(audio, rate, 16000)
    practise.audio_source_factory = lambda: ArraySource(voice, trailing_silence=1.2)
    practise.record_button.click()
    wait_until(app, lambda: practise.attempt is not None, 180)
    shot("practise")

    # Practise, Exercises: a dictation typed with an accent slip, graded word by word
    practise.tabs.setCurrentIndex(1)
    panel = practise.exercises
    wait_until(app, lambda: panel.item is not None and panel.item.kind == "dictation", 60)
    target = panel.item.audio_text
    slip = target.replace("á", "a").replace("ã", "a").replace("é", "e")
    words = slip.rstrip(".?!").split()
    if len(words) > 3:
        words[2] = words[2] + "s"  # and one word wrong
    panel.answer.setText(" ".join(words))
    panel.check()
    wait_until(app, lambda: panel.result is not None, 120)
    shot("practise-exercises")
    # a few more answers over "several days", then the Progress tab's charts
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    lang = practise.language_combo.code()
    for day, (kind, good) in enumerate(
        [
            ("dictation", True),
            ("translation", False),
            ("cloze", True),
            ("dictation", False),
            ("translation", True),
            ("cloze", True),
            ("dictation", True),
        ]
    ):
        item = engine.practice.next_exercise(kind, lang, now=now - timedelta(days=6 - day))
        ref = {"dictation": item.audio_text, "cloze": item.item_id.split("#")[-1]}.get(kind, "")
        if kind == "translation":
            ref = next(d.text for d in engine.speech.drills(lang) if d.id == item.item_id)
        engine.practice.check(
            kind, item.item_id, lang, ref if good else ref[: len(ref) // 2], now=now - timedelta(days=6 - day)
        )
    practise.tabs.setCurrentIndex(2)
    wait_until(
        app, lambda: practise.chart.progress is not None and len(practise.chart.progress.points) > 5, 60
    )
    shot("practise-progress")
    practise.tabs.setCurrentIndex(0)

    if not args.only:
        # Settings
        window.show_page(5)
        shot("settings")

        # Other apps: the local translation server, running
        window.show_page(6)
        apps = window.apps_page
        apps.start()
        wait_until(app, lambda: bool(apps.url), 120)
        settle(app)
        shot("apps")
        apps.stop()
        wait_until(app, lambda: not apps.running, 30)

    window.show_page(0)
    window.close()
    wait_until(app, lambda: not window.isVisible(), 30)
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
