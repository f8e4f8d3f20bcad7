"""The fine-tuning wizard: import a glossary -> review its problems -> options -> train (live chart, cancel) ->
results -> activate.

Opened from the Models page (``FineTuneWizard(engine, parent)``). It talks to the engine only through the facade:
``engine.glossaries`` (check, import, fine-tune) and ``engine.translation.activate_model``. The training runs in a
child process; here a plain thread only relays its events to the GUI thread, which never waits.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.metrics_chart import MetricsChart
from engine.cancel import CancelToken
from engine.errors import Cancelled, PalavraError

if TYPE_CHECKING:
    from engine.api import Engine

log = logging.getLogger(__name__)


class ImportPage(QWizardPage):
    """Choose an existing glossary or a file to import."""

    def __init__(self, wizard: FineTuneWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Glossary"))
        self.setSubTitle(self.tr("Choose a glossary, or import a CSV, TSV or TBX term list."))
        self.choice = QComboBox(self)
        self.path_edit = QLineEdit(self)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.name_edit = QLineEdit(self)
        self.direction = QComboBox(self)
        for src, tgt in (("en", "pt"), ("pt", "en")):
            self.direction.addItem(f"{src} → {tgt}", (src, tgt))
        self.domain_edit = QLineEdit(self)
        self.domain_edit.setPlaceholderText(self.tr("e.g. medical, legal (optional)"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Glossary"), self.choice)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.tr("Domain"), self.domain_edit)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.browse.clicked.connect(self._browse)
        self.choice.currentIndexChanged.connect(self._changed)
        self.path_edit.textChanged.connect(self._path_changed)
        self.name_edit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def initializePage(self) -> None:
        self.choice.clear()
        self.choice.addItem(self.tr("Import a new glossary from a file"), None)
        try:
            for info in self.w.engine.glossaries.list():
                self.choice.addItem(f"{info.name} ({info.source_lang}→{info.target_lang})", info.name)
        except PalavraError as exc:
            self.error.setText(exc.user_message)
        self._changed()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a glossary"),
            "",
            self.tr("Term lists (*.csv *.tsv *.txt *.tbx);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self, text: str) -> None:
        if text and not self.name_edit.text():
            self.name_edit.setText(Path(text).stem)
        self.completeChanged.emit()

    def _changed(self) -> None:
        new = self.choice.currentData() is None
        for widget in (self.path_edit, self.browse, self.name_edit, self.direction, self.domain_edit):
            widget.setEnabled(new)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.choice.currentData() is not None:
            return True
        return bool(self.path_edit.text().strip() and self.name_edit.text().strip())

    def validatePage(self) -> bool:
        self.error.clear()
        existing = self.choice.currentData()
        if existing is not None:
            self.w.glossary_name = str(existing)
            self.w.report = None
            return True
        src, tgt = self.direction.currentData()
        try:
            self.w.report = self.w.engine.glossaries.check_file(Path(self.path_edit.text().strip()), src, tgt)
        except PalavraError as exc:
            self.error.setText(exc.user_message)
            return False
        self.w.glossary_name = self.name_edit.text().strip()
        self.w.direction = (src, tgt)
        return True

    def nextId(self) -> int:
        return FineTuneWizard.REVIEW if self.choice.currentData() is None else FineTuneWizard.OPTIONS


class ReviewPage(QWizardPage):
    """The validation report; importing is possible only without errors."""

    def __init__(self, wizard: FineTuneWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Review problems"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.swap = QCheckBox(self.tr("The file's columns are the other way round (swap them)"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.swap)
        layout.addWidget(self.error)
        self.swap.toggled.connect(self._recheck)

    def initializePage(self) -> None:
        self.swap.setChecked(False)
        self._show()

    def _recheck(self, swap: bool) -> None:
        page = self.w.page(FineTuneWizard.IMPORT)
        assert isinstance(page, ImportPage)
        src, tgt = self.w.direction
        try:
            self.w.report = self.w.engine.glossaries.check_file(
                Path(page.path_edit.text().strip()), src, tgt, swap=swap
            )
        except PalavraError as exc:
            self.error.setText(exc.user_message)
        self._show()

    def _show(self) -> None:
        report = self.w.report
        self.problems.clear()
        if report is None:
            return
        errors = len(report.errors)
        self.summary.setText(
            self.tr("{rows} rows read ({fmt}, {enc}); {n} terms will be imported. ").format(
                rows=report.rows_read, fmt=report.format.upper(), enc=report.encoding, n=len(report.entries)
            )
            + (
                self.tr("Fix the errors below: nothing will be imported while they remain.")
                if errors
                else self.tr("No errors: the warnings below say what was left out.")
                if report.problems
                else self.tr("No problems found.")
            )
        )
        for problem in report.problems:
            rows = ""
            if problem.rows:
                shown = ", ".join(str(r) for r in problem.rows[:10])
                rows = self.tr(" (rows {rows})").format(rows=shown + ("…" if len(problem.rows) > 10 else ""))
            prefix = self.tr("Error") if problem.severity.value == "error" else self.tr("Warning")
            self.problems.addItem(f"{prefix}: {problem.message}{rows}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.report is not None and self.w.report.ok

    def validatePage(self) -> bool:
        page = self.w.page(FineTuneWizard.IMPORT)
        assert isinstance(page, ImportPage) and self.w.report is not None
        src, tgt = self.w.direction
        try:
            info = self.w.engine.glossaries.create(
                self.w.glossary_name, src, tgt, self.w.report.entries, domain=page.domain_edit.text()
            )
        except PalavraError as exc:
            self.error.setText(exc.user_message)
            return False
        self.w.glossary_name = info.name
        return True


class OptionsPage(QWizardPage):
    """Training budget, method and the translation memories to learn from; says how long the run will take."""

    MEMORY_FILTER = "Translation memories (*.tmx *.xlf *.xliff *.sdlxliff *.tsv *.csv *.txt)"

    def __init__(self, wizard: FineTuneWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Options"))
        self.minutes = QDoubleSpinBox(self)
        self.minutes.setRange(0.5, 30.0)
        self.minutes.setSingleStep(0.5)
        self.minutes.setValue(5.0)
        self.minutes.setSuffix(self.tr(" min"))
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Full fine-tuning (recommended for this small model)"), "full")
        self.method.addItem(self.tr("LoRA adapters"), "lora")
        self.memories: list[Path] = []
        self.memory_pairs = 0
        self.memory_list = QListWidget(self)
        self.memory_list.setMaximumHeight(72)
        self.add_memory = QPushButton(self.tr("Add translation memory…"), self)
        self.remove_memory = QPushButton(self.tr("Remove"), self)
        self.memory_report = QLabel(
            self.tr(
                "Optional: your own translated sentences (TMX, XLIFF, TSV or CSV, as CAT tools export them). "
                "A tenth of them is kept aside to prove that the new model translates them better."
            ),
            self,
        )
        self.memory_report.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_memory)
        buttons.addWidget(self.remove_memory)
        buttons.addStretch(1)
        memory_box = QVBoxLayout()
        memory_box.addWidget(self.memory_list)
        memory_box.addLayout(buttons)
        memory_box.addWidget(self.memory_report)
        self.estimate = QLabel(self)
        self.estimate.setWordWrap(True)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Training time"), self.minutes)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Translation memories"), memory_box)
        outer.addLayout(form)
        outer.addSpacing(12)
        outer.addWidget(self.estimate)
        outer.addStretch(1)
        self.minutes.valueChanged.connect(self._update)
        self.method.currentIndexChanged.connect(self._update)
        self.add_memory.clicked.connect(self._browse_memory)
        self.remove_memory.clicked.connect(self._remove_memory)

    def initializePage(self) -> None:
        self.setSubTitle(self.tr("Adapting the model to '{name}'.").format(name=self.w.glossary_name))
        self._update()

    def _browse_memory(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose translation memories"), str(Path.home()), self.tr(self.MEMORY_FILTER)
        )
        self.set_memories([*self.memories, *(Path(p) for p in paths)])

    def _remove_memory(self) -> None:
        row = self.memory_list.currentRow()
        if 0 <= row < len(self.memories):
            self.set_memories(self.memories[:row] + self.memories[row + 1 :])

    def set_memories(self, paths: list[Path]) -> None:
        """Use these memory files (checked at once; a file that cannot be used is named and left out)."""
        unique: list[Path] = []
        for path in paths:
            if path not in unique:
                unique.append(path)
        self.memory_list.clear()
        self.memories, self.memory_pairs = [], 0
        if not unique:
            self._update()
            return
        source, target = self.w.direction
        try:
            report = self.w.engine.glossaries.check_memories(unique, source, target)
        except PalavraError as exc:
            self.memory_report.setText(exc.user_message)
            self._update()
            return
        self.memories = unique
        self.memory_pairs = len(report.pairs)
        for path in unique:
            self.memory_list.addItem(path.name)
        lines = [
            self.tr("{kept} sentence pairs will be used, of {read} read.").format(
                kept=len(report.pairs), read=report.read
            )
        ]
        for count, text in (
            (report.empty, self.tr("{n} left out: one side is empty")),
            (report.duplicates, self.tr("{n} left out: the same source sentence again")),
            (report.misaligned, self.tr("{n} left out: one side much longer than the other")),
            (report.wrong_direction, self.tr("{n} left out: written in the other direction")),
            (report.markup, self.tr("{n} with formatting codes, which were removed")),
        ):
            if count:
                lines.append(text.format(n=count))
        if len(report.pairs) < 40:
            lines.append(self.tr("Fewer than 40 pairs: too few to prove a gain, so the glossary decides."))
        self.memory_report.setText("\n".join(lines))
        self._update()

    def config(self) -> Any:
        """The run's options."""
        return self.w.engine.glossaries.finetune_config(
            self.w.glossary_name,
            minutes=self.minutes.value(),
            method=self.method.currentData(),
            memories=self.memories,
        )

    def _update(self) -> None:
        try:
            config = self.config()
            seconds = self.w.engine.glossaries.estimate_seconds(config, self.memory_pairs)
        except PalavraError as exc:
            self.estimate.setText(exc.user_message)
            return
        self.estimate.setText(
            self.tr(
                "This will take about {minutes:.0f} minutes on this computer. The new model is installed as "
                "'{name}' next to the current one, which stays unchanged, and only if it proves better."
            ).format(minutes=max(1.0, seconds / 60), name=config.model_name)
            + (
                " "
                + self.tr("It learns from the glossary and {pairs} of your sentence pairs.").format(
                    pairs=self.memory_pairs
                )
                if self.memory_pairs
                else ""
            )
        )


class TrainPage(QWizardPage):
    """Runs the fine-tuning with a live chart and a Cancel button."""

    _posted = Signal()

    def __init__(self, wizard: FineTuneWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Training"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.chart = MetricsChart(self)
        self.cancel_button = QPushButton(self.tr("Cancel training"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.cancel_button.clicked.connect(self.cancel)
        self._events: deque[dict[str, Any]] = deque()
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.token: CancelToken | None = None
        self.done = False
        self.train_seconds = 0.0

    def initializePage(self) -> None:
        page = self.w.page(FineTuneWizard.OPTIONS)
        assert isinstance(page, OptionsPage)
        self.done = False
        self.w.result = None
        self.chart.points.clear()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self.token = CancelToken()
        name, minutes, method = self.w.glossary_name, page.minutes.value(), page.method.currentData()
        thread = threading.Thread(
            target=self._work,
            args=(name, minutes, method, list(page.memories), self.token),
            name="palavra-finetune",
            daemon=True,
        )
        thread.start()

    def _work(self, name: str, minutes: float, method: str, memories: list[Path], token: CancelToken) -> None:
        try:
            result = self.w.engine.glossaries.finetune(
                name, minutes=minutes, method=method, memories=memories, on_event=self._post, cancel=token
            )
        except Cancelled:
            self._post({"event": "cancelled"})
        except Exception as exc:  # shown to the user on the page
            message = exc.user_message if isinstance(exc, PalavraError) else str(exc)
            self._post({"event": "failed", "message": message})
        else:
            self._post({"event": "result", "result": result})

    def _post(self, event: dict[str, Any]) -> None:
        self._events.append(event)
        self._posted.emit()

    def _deliver(self) -> None:
        while self._events:
            self.handle(self._events.popleft())

    def handle(self, event: dict[str, Any]) -> None:
        """Show one event of the run (GUI thread)."""
        kind = event.get("event")
        if kind == "stage":
            stages = {
                "loading": self.tr("Loading the model…"),
                "preparing": self.tr("Preparing training sentences…"),
                "prepared": self.tr("Evaluating the current model…"),
                "exporting": self.tr("Exporting and installing the new model…"),
            }
            self.status.setText(stages.get(str(event.get("stage")), str(event.get("stage"))))
        elif kind == "progress":
            budget = float(event.get("budget", 1.0))
            self.train_seconds = float(event.get("elapsed", 0.0))
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(1.0, self.train_seconds / max(1.0, budget))))
            self.status.setText(
                self.tr("Training: {done:.0f} of {total:.0f} s, step {step}").format(
                    done=self.train_seconds, total=budget, step=event.get("step")
                )
            )
        elif kind == "metrics":
            seconds = 0.0 if event.get("phase") == "before" else self.train_seconds
            if event.get("phase") == "installed":
                return  # the exported int8 model's figures: shown in the results table
            self.chart.add(seconds, event.get("term_accuracy"), event.get("domain_chrf"), event.get("chrf"))
        elif kind in ("result", "failed", "cancelled"):
            self.done = True
            self.cancel_button.setEnabled(False)
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if kind == "result" else 0)
            if kind == "result":
                self.w.result = event["result"]
                self.status.setText(self.tr("Done."))
            elif kind == "failed":
                self.status.setText(str(event.get("message")))
            else:
                self.status.setText(self.tr("Cancelled. Nothing was installed; your models are unchanged."))
            self.completeChanged.emit()

    def cancel(self) -> None:
        """Stop the run (the child process is terminated)."""
        if self.token is not None and not self.done:
            self.status.setText(self.tr("Cancelling…"))
            self.token.cancel()

    def isComplete(self) -> bool:
        return self.done and self.w.result is not None


class ResultsPage(QWizardPage):
    """Before/after table and examples, then activate or keep the current model."""

    def __init__(self, wizard: FineTuneWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Results"))
        self.table = QTableWidget(3, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Current model"), self.tr("New model (as installed)")])
        self.table.setVerticalHeaderLabels(
            [
                self.tr("Term accuracy (held-out sentences)"),
                self.tr("chrF++ on your held-out sentences"),
                self.tr("chrF++ on general sentences"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + 3 * self.table.verticalHeader().defaultSectionSize()
            + 4
        )
        self.note = QLabel(
            self.tr(
                "Measured on sentences the training never saw, with the compact (int8) model exactly as the app "
                "will run it."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.examples = QTableWidget(0, 3, self)
        self.examples.setHorizontalHeaderLabels([self.tr("Sentence"), self.tr("Before"), self.tr("After")])
        self.examples.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.examples.setWordWrap(True)
        self.activate = QRadioButton(self.tr("Use the new model from now on"), self)
        self.keep = QRadioButton(
            self.tr("Keep the current model (the new one stays installed; switch any time)"), self
        )
        self.keep.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.examples, 1)
        layout.addWidget(self.activate)
        layout.addWidget(self.keep)

    def initializePage(self) -> None:
        result = self.w.result
        if result is None:
            return
        rows = (
            (result.before.get("term_accuracy"), result.after.get("term_accuracy"), "%"),
            (result.before.get("domain_chrf"), result.after.get("domain_chrf"), ""),
            (result.before.get("chrf"), result.after.get("chrf"), ""),
        )
        for r, (before, after, unit) in enumerate(rows):
            none = self.tr("not measured")
            self.table.setItem(r, 0, QTableWidgetItem(none if before is None else f"{before:.1f}{unit}"))
            self.table.setItem(r, 1, QTableWidgetItem(none if after is None else f"{after:.1f}{unit}"))
        if not result.installed:
            self.setSubTitle(
                self.tr(
                    "The adapted model was not better on your held-out sentences, or lost too much general "
                    "quality, so it was not installed; your current model stays."
                )
            )
        pairs = list(zip(result.before.get("examples", []), result.after.get("examples", []), strict=False))
        self.examples.setRowCount(len(pairs))
        for r, ((src, before), (_, after)) in enumerate(pairs):
            for c, text in enumerate((src, before, after)):
                self.examples.setItem(r, c, QTableWidgetItem(text))
        self.examples.resizeRowsToContents()
        self.activate.setEnabled(bool(result.installed))

    def validatePage(self) -> bool:
        result = self.w.result
        if result is not None and result.installed and self.activate.isChecked():
            try:
                self.w.engine.translation.activate_model(result.model_name)
            except PalavraError as exc:
                self.setSubTitle(exc.user_message)
                return False
            self.w.activated = result.model_name
        return True


class FineTuneWizard(QWizard):
    """Adapt the translation model to a glossary, prove it, and activate it."""

    IMPORT, REVIEW, OPTIONS, TRAIN, RESULTS = range(5)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine: Any = engine
        self.glossary_name = ""
        self.direction: tuple[str, str] = ("en", "pt")
        self.report: Any = None
        self.result: Any = None
        self.activated: str | None = None
        self.setWindowTitle(self.tr("Adapt a model to a glossary"))
        self.setPage(self.IMPORT, ImportPage(self))
        self.setPage(self.REVIEW, ReviewPage(self))
        self.setPage(self.OPTIONS, OptionsPage(self))
        self.setPage(self.TRAIN, TrainPage(self))
        self.setPage(self.RESULTS, ResultsPage(self))
        self.resize(760, 560)

    def reject(self) -> None:
        """Closing the wizard cancels a running training."""
        page = self.page(self.TRAIN)
        if isinstance(page, TrainPage):
            page.cancel()
        super().reject()
