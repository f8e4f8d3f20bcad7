"""Documents page: drop or open a document (text, subtitles, Word, web page, Markdown, OpenDocument, PowerPoint,
EPUB, XLIFF, PDF), choose the model and the glossary (:mod:`desktop.pages.document_choices`), translate it with
progress, time left and cancel."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common import LanguageCombo, Notice
from desktop.pages.document_choices import TranslationChoices
from desktop.pages.document_messages import PATTERNS, document_error_text, kind_name
from desktop.qtcompat import emit
from desktop.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Document, Engine

log = logging.getLogger(__name__)


def format_duration(seconds: float) -> str:
    """``"about 2 min left"`` style text (in the interface language)."""
    if seconds < 60:
        return QCoreApplication.translate("DocumentsPage", "less than a minute left")
    minutes = round(seconds / 60)
    return QCoreApplication.translate("DocumentsPage", "about {0} min left").format(minutes)


class DropArea(QFrame):
    """The dashed box a file is dropped on."""

    dropped = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("dropArea")
        self.setStyleSheet("#dropArea { border: 2px dashed palette(mid); border-radius: 8px; }")
        self.setMinimumHeight(140)
        self.label = QLabel(
            self.tr("Drop a document here\n(.txt .srt .vtt .docx .html .md .odt .pptx .epub .xliff .pdf)"),
            self,
        )
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.label.setFont(font)
        self.open_button = QPushButton(self.tr("Open file…"), self)
        self.open_button.setToolTip("Ctrl+O")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            emit(self.dropped, Path(urls[0].toLocalFile() or urls[0].toString()))


class DocumentsPage(QWidget):
    """Translate whole documents, keeping their structure."""

    def __init__(
        self, engine: Engine, workers: Workers, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self.document: Document | None = None
        self.output: Path | None = None
        self._job: Task | None = None
        self._started = 0.0

        self.drop = DropArea(self)
        self.file_label = QLabel(self.tr("No document yet."), self)
        self.file_label.setWordWrap(True)
        self.source_combo = LanguageCombo(("en", "pt"), self)
        self.target_combo = LanguageCombo(("pt", "en"), self)
        self.choices = TranslationChoices(engine, workers, settings, self.pair, self)
        # the choices' widgets, as the page's own (tests read them)
        self.model_combo, self.glossary_check = self.choices.model_combo, self.choices.glossary_check
        self.glossary_combo = self.choices.glossary_combo
        self.translate_button = QPushButton(self.tr("Translate document"), self)
        self.translate_button.setEnabled(False)
        self.translate_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.translate_button.setToolTip("Ctrl+Enter")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.time_label = QLabel(self)
        self.notice = Notice(self)
        self.open_folder_button = QPushButton(self.tr("Show in folder"), self)
        self.open_folder_button.hide()
        self.preview = QTableWidget(0, 2, self)
        self.preview.setHorizontalHeaderLabels([self.tr("Original"), self.tr("Translation")])
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)  # one line per segment (full text in the tooltip): cheap to lay out
        self.preview.setAccessibleName(self.tr("Preview of the translation"))
        self.preview.hide()

        langs = QHBoxLayout()
        langs.addWidget(QLabel(self.tr("From"), self))
        langs.addWidget(self.source_combo)
        langs.addWidget(QLabel(self.tr("to"), self))
        langs.addWidget(self.target_combo)
        langs.addSpacing(12)
        langs.addWidget(self.choices)
        langs.addStretch(1)
        langs.addWidget(self.translate_button)
        langs.addWidget(self.cancel_button)
        prog = QHBoxLayout()
        prog.addWidget(self.progress, 1)
        prog.addWidget(self.time_label)
        done = QHBoxLayout()
        done.addWidget(self.notice, 1)
        done.addWidget(self.open_folder_button)
        hint = QLabel(
            self.tr(
                "The translation is saved next to the original, with the language before the extension "
                "(talk.srt → talk.pt.srt). Subtitle timings, paragraphs, tables, styles, bold and italic words "
                "and links are kept; code is not translated. A PDF's text is saved as a Word document."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.drop)
        layout.addWidget(self.file_label)
        layout.addLayout(langs)
        layout.addLayout(prog)
        layout.addLayout(done)
        layout.addWidget(hint)
        layout.addWidget(self.preview, 1)
        self._stretch = QWidget(self)
        layout.addWidget(self._stretch, 1)

        self.drop.dropped.connect(self.open_path)
        self.drop.open_button.clicked.connect(self.choose_file)
        self.drop.open_button.setShortcut(QKeySequence("Ctrl+O"))
        self.translate_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self._show_in_folder)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.target_combo.currentIndexChanged.connect(self._pair_changed)

    @property
    def running(self) -> bool:
        """Whether a document is being translated."""
        return self._job is not None

    def choose_file(self) -> None:
        """Ask for a file."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a document"),
            self.settings.last_folder,
            self.tr("Documents ({0});;All files (*)").format(PATTERNS),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        """Read ``path`` off the GUI thread; a bad file leaves the page as it was, with a message."""
        if self.running:
            self.notice.show_error(self.tr("A document is being translated; cancel it first."))
            return
        engine = self.engine

        def load(_p: Any, _c: Any) -> tuple[Document, str | None]:
            doc = engine.load_document(path)
            sample = " ".join(doc.segments[:20])[:2000]
            lang = None
            if sample.strip():
                try:
                    lang = engine.detect_language(sample).language
                except Exception:  # detection is a convenience; the user can pick the language
                    log.debug("language detection failed", exc_info=True)
            return doc, lang

        self.notice.show_info(self.tr("Reading {0}…").format(path.name))
        task = self.workers.files.run_fn(load, "read document")
        task.finished.connect(self._loaded)
        task.failed.connect(lambda e: self.notice.show_error(document_error_text(e, path)))

    def _loaded(self, result: tuple[Document, str | None]) -> None:
        doc, lang = result
        self.notice.clear_notice()
        self.open_folder_button.hide()
        if doc.segments:
            self.preview.hide()
            self._stretch.show()
        if not doc.segments:
            self.notice.show_error(self.tr("'{0}' has no text to translate.").format(doc.path.name))
            return
        self.document = doc
        self.settings.last_folder = str(doc.path.parent)
        kind = kind_name(doc.kind)
        if doc.kind == "pdf":
            self.notice.show_info(
                self.tr(
                    "The text of this PDF will be saved as a Word document (.docx); its layout is not kept."
                )
            )
        self.file_label.setText(
            self.tr("<b>{0}</b> — {1}, {2} segments, {3} characters").format(
                doc.path.name, kind, len(doc.segments), doc.characters
            )
        )
        if lang in ("en", "pt"):
            self.source_combo.set_code(lang)
        self.progress.setValue(0)
        self.time_label.clear()
        self.translate_button.setEnabled(True)

    def _source_changed(self) -> None:
        if self.target_combo.code() == self.source_combo.code():
            self.target_combo.set_code("en" if self.source_combo.code() == "pt" else "pt")
        self._pair_changed()

    # -- model and glossary ----------------------------------------------------------------------------
    def pair(self) -> tuple[str, str]:
        """The chosen (source, target) languages."""
        return self.source_combo.code(), self.target_combo.code()

    def reload_choices(self) -> None:
        """Read the models and glossaries again (a model was adapted, a glossary imported)."""
        self.choices.reload()

    def _pair_changed(self) -> None:
        self.choices.refresh()

    def start(self) -> None:
        """Translate the loaded document on the translation worker."""
        doc = self.document
        if doc is None or self.running:
            return
        source, target = self.source_combo.code(), self.target_combo.code()
        if source == target:
            self.notice.show_error(self.tr("Choose two different languages."))
            return
        engine, worker = self.engine, self.workers.translation
        model, glossary = self.choices.chosen_model(), self.choices.chosen_glossary()
        out = engine.document_output_path(doc.path, target)
        overwrite = False
        if out.exists():  # never replaced silently: the user's corrected translation may be there
            choice = self.ask_existing(out)
            if choice == "cancel":
                return
            if choice == "replace":
                overwrite = True
            else:
                out = engine.document_keep_both_path(out)

        def translate(texts: Any, on_progress: Any, cancel: Any) -> list[str]:
            worker.serve_interactive()  # typing on the Translate page is answered between batches
            done = engine.translate(texts, source, target, model=model, glossary=glossary, cancel=cancel)
            return [t.text for t in done]

        def work(on_progress: Any, cancel: Any) -> Path:
            written = out
            align = engine.document_aligner(source, target, model=model) if doc.marks else None
            steps = engine.translate_document(
                doc, translate, out, overwrite=overwrite, cancel=cancel, align=align
            )
            for step in steps:
                on_progress(step.done, step.total)
                if step.output is not None:
                    written = step.output
            return written

        self._job = Task(work, "translate document")
        self._job.progress.connect(self._progress)
        self._job.finished.connect(self._finished)
        self._job.failed.connect(self._failed)
        self._job.cancelled.connect(self._cancelled)
        self._started = time.monotonic()
        self.progress.setValue(0)
        self.time_label.setText(self.tr("Starting…"))
        self.notice.clear_notice()
        self.open_folder_button.hide()
        self._set_running(True)
        self.workers.translation.submit(self._job)

    def ask_existing(self, out: Path) -> str:
        """Ask what to do with an existing output: ``"replace"``, ``"keep"`` (both) or ``"cancel"``."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("The translation exists already"))
        box.setText(self.tr("'{0}' exists already. Replace it, or keep both files?").format(out.name))
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return "replace"
        if clicked is keep:
            return "keep"
        return "cancel"

    def cancel(self) -> None:
        """Stop the running translation; nothing is written."""
        if self._job is not None:
            self._job.cancel()
            self.time_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.translate_button.setEnabled(not running and self.document is not None)
        self.cancel_button.setEnabled(running)
        self.drop.setEnabled(not running)
        self.source_combo.setEnabled(not running)
        self.target_combo.setEnabled(not running)
        self.model_combo.setEnabled(not running)
        self.glossary_check.setEnabled(not running)
        self.glossary_combo.setEnabled(not running and self.glossary_check.isChecked())

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress.setValue(int(100 * done / total))
        elapsed = time.monotonic() - self._started
        counted = self.tr("{0} of {1} sentences").format(done, total)
        if done > 0 and elapsed > 1.0:
            counted += " — " + format_duration(elapsed * (total - done) / done)
        self.time_label.setText(counted)

    def _finish(self) -> None:
        self._job = None
        self._set_running(False)

    def _finished(self, out: Path) -> None:
        self._finish()
        self.output = out
        self.progress.setValue(100)
        self.time_label.setText(self.tr("Done in {0:.0f} s").format(time.monotonic() - self._started))
        self.notice.show_info(self.tr("Saved as {0}").format(str(out)))
        self.open_folder_button.show()
        self._load_preview(out)

    #: rows shown in the preview
    PREVIEW_ROWS = 30

    def _load_preview(self, out: Path) -> None:
        doc, engine = self.document, self.engine
        if doc is None:
            return

        def work(_p: Any, _c: Any) -> list[tuple[str, str]]:
            translated = engine.load_document(out).segments
            return list(zip(doc.segments, translated, strict=False))[: self.PREVIEW_ROWS]

        task = self.workers.files.run_fn(work, "preview")
        task.finished.connect(self._show_preview)
        task.failed.connect(lambda e: log.info("no preview: %s", type(e).__name__))

    def _show_preview(self, rows: list[tuple[str, str]]) -> None:
        self.preview.setRowCount(len(rows))
        for i, (src, dst) in enumerate(rows):
            for col, text in ((0, src), (1, dst)):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                self.preview.setItem(i, col, item)
        self.preview.setVisible(bool(rows))
        self._stretch.setHidden(bool(rows))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.time_label.clear()
        doc = self.document
        self.notice.show_error(document_error_text(exc, doc.path if doc is not None else None))

    def _cancelled(self) -> None:
        self._finish()
        self.progress.setValue(0)
        self.time_label.clear()
        self.notice.show_info(self.tr("Cancelled; nothing was written."))

    def _show_in_folder(self) -> None:
        if self.output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output.parent)))
