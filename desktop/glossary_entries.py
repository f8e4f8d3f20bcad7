"""The entries of a glossary as a Qt table model, and the filter the glossary editor puts in front of it.

A row shows what is stored, except while a change is unsaved: an edited cell keeps what the person typed until
the engine has stored it (then it shows the engine's cleaned-up text) or has refused it (then the row is tinted
red, with the engine's message as its tooltip).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

if TYPE_CHECKING:
    from engine.api import StoredEntry

SOURCE, TARGET, ALTERNATIVES, NOTE = range(4)
#: How alternatives are shown in a cell; typing them, any ``;`` separates two.
SEPARATOR = "; "
ERROR_TINT = QColor("#fbe3e1")
AnyIndex = QModelIndex | QPersistentModelIndex


def split_alternatives(text: str) -> tuple[str, ...]:
    """``"a; b;; c"`` -> ``("a", "b", "c")``."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def fold(text: str) -> str:
    """``text`` without case or accents, for filtering (``"Coração"`` matches ``"coracao"``)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def cells(entry: StoredEntry) -> tuple[str, str, str, str]:
    """What the four columns show for ``entry``."""
    return entry.source, entry.target, SEPARATOR.join(entry.alternatives), entry.note


@dataclass
class _Row:
    """One entry as stored (``entry``) and as shown (``shown``: differs while a change is unsaved)."""

    entry: StoredEntry
    shown: tuple[str, str, str, str]
    error: str = ""
    edits: int = 0  # changes sent; only the answer to the latest one updates what is shown
    folded: str = ""


class EntryModel(QAbstractTableModel):
    """The entries of one glossary; an edit calls ``on_edit(entry_id, shown, edit_number)`` to save it."""

    def __init__(
        self,
        headers: Sequence[str],
        on_edit: Callable[[int, tuple[str, str, str, str], int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.header_tips: dict[int, str] = {}
        self.on_edit = on_edit
        self.rows: list[_Row] = []

    # -- Qt's model interface ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.shown[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or row.shown[index.column()] or None
        if role == Qt.ItemDataRole.BackgroundRole and row.error:
            return ERROR_TINT
        if role == Qt.ItemDataRole.DecorationRole and row.error and index.column() == 0:
            return QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )  # seen when selected
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        text = str(value)
        if text == row.shown[index.column()]:
            return False
        shown = list(row.shown)
        shown[index.column()] = text
        row.shown = (shown[0], shown[1], shown[2], shown[3])
        row.folded = ""
        row.edits += 1
        self._changed(index.row())
        self.on_edit(row.entry.id, row.shown, row.edits)
        return True

    # -- what the editor does with it ---------------------------------------------------------------------
    def set_entries(self, entries: Sequence[StoredEntry]) -> None:
        """Show ``entries`` (replacing what was shown)."""
        self.beginResetModel()
        self.rows = [_Row(e, cells(e)) for e in entries]
        self.endResetModel()

    def append(self, entry: StoredEntry) -> int:
        """Add a row for a new entry; returns its row."""
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(_Row(entry, cells(entry)))
        self.endInsertRows()
        return row

    def remove(self, entry_ids: Sequence[int]) -> None:
        """Remove the rows of these entries."""
        gone = set(entry_ids)
        for row in reversed(range(len(self.rows))):
            if self.rows[row].entry.id in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()

    def saved(self, entry: StoredEntry, edit: int) -> None:
        """The engine stored change number ``edit`` of ``entry`` (as the engine cleaned it)."""
        row = self.row_of(entry.id)
        if row is None:
            return
        item = self.rows[row]
        item.entry = entry
        if edit == item.edits:  # a later change is on its way otherwise: keep showing it
            item.shown, item.error, item.folded = cells(entry), "", ""
            self._changed(row)

    def refused(self, entry_id: int, edit: int, message: str) -> None:
        """The engine refused change number ``edit``: keep what was typed and say why."""
        row = self.row_of(entry_id)
        if row is not None and edit == self.rows[row].edits:
            self.rows[row].error = message
            self._changed(row)

    def row_of(self, entry_id: int) -> int | None:
        """The row showing entry ``entry_id``."""
        return next((i for i, r in enumerate(self.rows) if r.entry.id == entry_id), None)

    def entry_at(self, row: int) -> StoredEntry:
        """The stored entry of ``row``."""
        return self.rows[row].entry

    def unsaved(self) -> int:
        """How many rows show a change the engine refused."""
        return sum(1 for r in self.rows if r.error)

    def folded(self, row: int) -> str:
        """The row's text for filtering (cached)."""
        item = self.rows[row]
        if not item.folded:
            item.folded = fold("\n".join(item.shown))
        return item.folded

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))


class EntryFilter(QSortFilterProxyModel):
    """Shows the rows whose terms, alternatives or note contain the filter text (ignoring case and accents)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.needle = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(False)  # a row being edited does not jump away or vanish

    def set_text(self, text: str) -> None:
        """Filter on ``text`` (empty: show everything)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.needle = fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.needle = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        return not self.needle or (isinstance(model, EntryModel) and self.needle in model.folded(source_row))
