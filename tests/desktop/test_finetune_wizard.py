"""The fine-tuning wizard over a fake engine: real glossary import and validation, a scripted training run."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.finetune_wizard import (
    FineTuneWizard,
    ImportPage,
    OptionsPage,
    ResultsPage,
    ReviewPage,
    TrainPage,
)
from engine.cancel import CancelToken, check
from engine.glossary.service import FineTuneResult, GlossaryService


class ScriptedGlossaries(GlossaryService):
    """The real glossary service, with a fine-tuning run that plays back events instead of training."""

    def __init__(self, steps: int = 3, delay: float = 0.01) -> None:
        super().__init__()
        self.steps = steps
        self.delay = delay
        self.started = threading.Event()

    def finetune_config(self, name: str, **kwargs: Any) -> Any:
        from engine.glossary.finetune.config import FineTuneConfig

        info = self.get(name)
        return FineTuneConfig(
            glossary=info.name,
            model_name=self.adapted_model_name(info),
            base_folder="",
            minutes=kwargs["minutes"],
            memories=self._memory_paths(kwargs.get("memories", ())),
        )

    def finetune(
        self, name: str, *, on_event: Any = None, cancel: CancelToken | None = None, **kwargs: Any
    ) -> Any:
        self.memories = list(kwargs.get("memories", ()))
        self.started.set()
        emit = on_event or (lambda _e: None)
        emit({"event": "stage", "stage": "preparing"})
        emit(
            {
                "event": "metrics",
                "phase": "before",
                "term_accuracy": 40.0,
                "domain_chrf": 60.0,
                "chrf": 80.0,
                "examples": [],
            }
        )
        for step in range(1, self.steps + 1):
            time.sleep(self.delay)
            check(cancel, "Fine-tuning")
            emit({"event": "progress", "step": step, "elapsed": step, "budget": self.steps, "loss": 1.0})
        after = {"term_accuracy": 90.0, "domain_chrf": 63.5, "chrf": 79.5, "examples": []}
        before = {
            "term_accuracy": 40.0,
            "domain_chrf": 60.0,
            "chrf": 80.0,
            "examples": [["The fever.", "A febre."]],
        }
        after["examples"] = [["The fever.", "A febre."]]
        emit({"event": "metrics", "phase": "after", **after})
        return FineTuneResult(self.adapted_model_name(self.get(name)), True, before, after, self.steps, 1.0)


class Translation:
    def __init__(self) -> None:
        self.active: str | None = None

    def activate_model(self, name: str) -> None:
        self.active = name


class Engine:
    def __init__(self, glossaries: ScriptedGlossaries) -> None:
        self.glossaries = glossaries
        self.translation = Translation()


@pytest.fixture
def engine() -> Engine:
    eng = Engine(ScriptedGlossaries())
    yield eng
    eng.glossaries.close()


def _glossary(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "med.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_review_train_activate(qtbot: Any, engine: Engine, tmp_path: Path) -> None:
    wizard = FineTuneWizard(engine)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert isinstance(page, ImportPage)
    page.path_edit.setText(str(_glossary(tmp_path, "fever,febre\ncough,tosse\ncough,tossir\n")))
    assert page.name_edit.text() == "med"
    wizard.next()
    review = wizard.currentPage()
    assert isinstance(review, ReviewPage)
    assert review.isComplete()
    texts = [review.problems.item(i).text() for i in range(review.problems.count())]
    assert any("cough" in t and "tossir" in t for t in texts)
    wizard.next()
    assert [g.name for g in engine.glossaries.list()] == ["med"]
    options = wizard.currentPage()
    assert isinstance(options, OptionsPage)
    assert "minutes" in options.estimate.text() and "en-pt + med" in options.estimate.text()
    wizard.next()
    train = wizard.currentPage()
    assert isinstance(train, TrainPage)
    qtbot.waitUntil(lambda: train.isComplete(), timeout=5000)
    assert [p[1] for p in train.chart.points] == [40.0, 90.0]
    wizard.next()
    results = wizard.currentPage()
    assert isinstance(results, ResultsPage)
    assert results.table.item(0, 0).text() == "40.0%" and results.table.item(0, 1).text() == "90.0%"
    results.activate.setChecked(True)
    assert results.validatePage()
    assert engine.translation.active == "en-pt + med"


def test_errors_block_the_import(qtbot: Any, engine: Engine, tmp_path: Path) -> None:
    wizard = FineTuneWizard(engine)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert isinstance(page, ImportPage)
    content = "vacinação,vaccination\nfebre,fever\nlavagem das mãos,hand washing\ntosse seca,dry cough\n"
    page.path_edit.setText(str(_glossary(tmp_path, content)))
    wizard.next()
    review = wizard.currentPage()
    assert isinstance(review, ReviewPage)
    assert not review.isComplete()
    assert "Error" in review.problems.item(0).text()
    review.swap.setChecked(True)
    assert review.isComplete()
    assert engine.glossaries.list() == []


def test_binary_file_is_reported_on_the_first_page(qtbot: Any, engine: Engine, tmp_path: Path) -> None:
    wizard = FineTuneWizard(engine)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert isinstance(page, ImportPage)
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is page
    assert "CSV" in page.error.text()


def test_cancel_stops_training(qtbot: Any) -> None:
    engine = Engine(ScriptedGlossaries(steps=500, delay=0.02))
    try:
        engine.glossaries.create("med", "en", "pt", [])
        wizard = FineTuneWizard(engine)  # type: ignore[arg-type]
        qtbot.addWidget(wizard)
        wizard.show()
        page = wizard.currentPage()
        assert isinstance(page, ImportPage)
        page.choice.setCurrentIndex(page.choice.findData("med"))
        wizard.next()
        assert isinstance(wizard.currentPage(), OptionsPage)
        wizard.next()
        train = wizard.currentPage()
        assert isinstance(train, TrainPage)
        qtbot.waitUntil(lambda: train.progress.maximum() == 1000, timeout=5000)
        train.cancel_button.click()
        qtbot.waitUntil(lambda: train.done, timeout=5000)
        assert "Cancelled" in train.status.text()
        assert not train.isComplete()
    finally:
        engine.glossaries.close()


_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="none"/><body>
{units}
</body></tmx>"""


def test_memories_are_checked_listed_and_passed_to_the_run(
    qtbot: Any, engine: Engine, tmp_path: Path
) -> None:
    units = "\n".join(
        f'<tu><tuv xml:lang="en"><seg>The patient {i} has a fever.</seg></tuv>'
        f'<tuv xml:lang="pt"><seg>O paciente {i} tem febre.</seg></tuv></tu>'
        for i in range(50)
    )
    units += '\n<tu><tuv xml:lang="en"><seg>Empty.</seg></tuv><tuv xml:lang="pt"><seg></seg></tuv></tu>'
    memory = tmp_path / "clinic.tmx"
    memory.write_text(_TMX.format(units=units), encoding="utf-8")
    wizard = FineTuneWizard(engine)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert isinstance(page, ImportPage)
    page.path_edit.setText(str(_glossary(tmp_path, "fever,febre\ncough,tosse\n")))
    wizard.next()
    wizard.next()
    options = wizard.currentPage()
    assert isinstance(options, OptionsPage)
    before = options.estimate.text()
    options.set_memories([memory, tmp_path / "missing.tmx"])
    assert "does not exist" in options.memory_report.text()  # the missing file is named, nothing is kept
    assert options.memories == []
    options.set_memories([memory])
    assert options.memory_list.count() == 1 and options.memory_pairs == 50
    report = options.memory_report.text()
    assert "50 sentence pairs" in report and "1 left out: one side is empty" in report
    assert options.estimate.text() != before and "50 of your sentence pairs" in options.estimate.text()
    wizard.next()
    train = wizard.currentPage()
    assert isinstance(train, TrainPage)
    qtbot.waitUntil(lambda: train.isComplete(), timeout=5000)
    assert engine.glossaries.memories == [memory]
    assert [p[2] for p in train.chart.points] == [60.0, 63.5]  # the in-domain curve
    wizard.next()
    results = wizard.currentPage()
    assert isinstance(results, ResultsPage)
    assert results.table.rowCount() == 3
    assert results.table.item(1, 0).text() == "60.0" and results.table.item(1, 1).text() == "63.5"
