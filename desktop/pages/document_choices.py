"""The model and the glossary a document is translated with (Documents page), offered for the chosen language pair
and remembered in the settings.

Its strings keep the Documents page's translation context, so their Portuguese carries over unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.common import offer_glossaries
from desktop.workers import Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine, ModelInfo

log = logging.getLogger(__name__)

#: ``() -> (source, target)``: the language pair chosen on the page.
LanguagePair = Callable[[], tuple[str, str]]


class TranslationChoices(QWidget):
    """A model list (the pair's active model first) and, when the pair has glossaries, a glossary switch."""

    def __init__(
        self,
        engine: Engine,
        workers: Workers,
        settings: Settings,
        pair: LanguagePair,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self._pair = pair
        self._models: list[ModelInfo] = []
        self._glossaries: list[tuple[str, str, str]] = []
        self.model_combo = QComboBox(self)
        self.model_combo.setToolTip(
            QCoreApplication.translate(
                "DocumentsPage", "The translation model (an adapted model knows your field's words)"
            )
        )
        self.model_combo.setAccessibleName(QCoreApplication.translate("DocumentsPage", "Model"))
        self.glossary_check = QCheckBox(QCoreApplication.translate("DocumentsPage", "Use glossary"), self)
        self.glossary_combo = QComboBox(self)
        self.glossary_combo.setAccessibleName(QCoreApplication.translate("DocumentsPage", "Glossary"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(QCoreApplication.translate("DocumentsPage", "Model"), self))
        layout.addWidget(self.model_combo)
        layout.addSpacing(12)
        layout.addWidget(self.glossary_check)
        layout.addWidget(self.glossary_combo)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.glossary_check.toggled.connect(self._glossary_changed)
        self.glossary_combo.currentIndexChanged.connect(self._glossary_changed)
        self.reload()
        self.refresh()

    def reload(self) -> None:
        """Read the models and glossaries again, off the GUI thread (a model was adapted, a glossary imported)."""
        engine = self.engine
        task = self.workers.files.run_fn(lambda _p, _c: engine.list_models(), "models")
        task.finished.connect(self._show_models)
        task.failed.connect(lambda e: log.info("no model list: %s", type(e).__name__))

        def names(_p: Any, _c: Any) -> list[tuple[str, str, str]]:
            return [(g.name, g.source_lang, g.target_lang) for g in engine.glossaries.list()]

        glossaries = self.workers.files.run_fn(names, "glossaries")
        glossaries.finished.connect(self._show_glossaries)
        glossaries.failed.connect(lambda e: log.info("no glossaries: %s", type(e).__name__))

    def _show_models(self, models: list[ModelInfo]) -> None:
        self._models = models
        self.refresh()

    def _show_glossaries(self, items: list[tuple[str, str, str]]) -> None:
        self._glossaries = items
        self.refresh()

    def refresh(self) -> None:
        """Offer the models and glossaries of the chosen language pair."""
        source, target = self._pair()
        models = [m for m in self._models if (m.source, m.target) == (source, target)]
        wanted = self.settings.document_model
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        active = next((m for m in models if m.active), None)
        self.model_combo.addItem(
            QCoreApplication.translate("DocumentsPage", "Active model ({0})").format(active.name)
            if active
            else QCoreApplication.translate("DocumentsPage", "Active model"),
            None,
        )
        kinds = {
            "adapted": QCoreApplication.translate("DocumentsPage", "adapted"),
            "imported": QCoreApplication.translate("DocumentsPage", "imported"),
            "shipped": QCoreApplication.translate("DocumentsPage", "built in"),
        }
        for m in models:
            self.model_combo.addItem(f"{m.name} — {kinds.get(m.kind, m.kind)}", m.name)
        index = self.model_combo.findData(wanted) if wanted else 0
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)
        matching = [name for name, src, tgt in self._glossaries if (src, tgt) == (source, target)]
        offer_glossaries(self.glossary_combo, self.glossary_check, matching, self.settings.glossary)
        self.glossary_combo.setEnabled(self.glossary_check.isChecked())

    def _model_changed(self) -> None:
        self.settings.document_model = self.chosen_model() or ""

    def _glossary_changed(self) -> None:
        self.glossary_combo.setEnabled(self.glossary_check.isChecked())
        if self.glossary_check.isChecked() and self.glossary_combo.currentData():
            self.settings.glossary = str(self.glossary_combo.currentData())

    def chosen_model(self) -> str | None:
        """The model chosen for documents (``None``: the pair's active model)."""
        data = self.model_combo.currentData()
        return str(data) if data else None

    def chosen_glossary(self) -> str | None:
        """The glossary the translation must use, if any."""
        if not self.glossary_check.isHidden() and self.glossary_check.isChecked():
            data = self.glossary_combo.currentData()
            return str(data) if data else None
        return None
