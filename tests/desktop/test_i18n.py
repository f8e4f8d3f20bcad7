"""The Portuguese interface: every string of the code is in the .ts, translated, and compiled into the .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.app import build_window, install_translators
from desktop.common import resources_dir
from tests.desktop.conftest import close_window
from tests.desktop.fakes import FakeEngine

TS = resources_dir() / "i18n" / "palavra_pt.ts"
ROOT = Path(__file__).resolve().parents[2]


def messages(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            out[(name, m.findtext("source") or "")] = (tr.text or "", tr.get("type"))
    return out


def test_every_message_is_translated_and_compiled(qapp: Any) -> None:
    msgs = messages(TS)
    assert len(msgs) > 100
    unfinished = [src for (_ctx, src), (_tr, kind) in msgs.items() if kind == "unfinished" or not _tr]
    assert unfinished == []
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for (ctx, src), (tr, _kind) in msgs.items():
        assert translator.translate(ctx, src) == tr, (ctx, src)


def test_ts_lists_every_string_of_the_code(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py") if p.name != "finetune_wizard.py")
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS))
    assert missing == set(), "run the lupdate command in docs/desktop.md and translate the new strings"


def test_window_in_portuguese(qtbot: Any, qapp: Any, settings: Any) -> None:
    assert install_translators(qapp, "pt") == "pt"
    try:
        window = build_window(FakeEngine(), settings)
        window.show()
        assert window.sidebar.item(0).text() == "Traduzir"
        assert window.sidebar.item(4).text() == "Glossários e modelos"
        assert window.translate_page.clear_button.text() == "Limpar"
        assert QCoreApplication.translate("Languages", "English") == "Inglês"
        close_window(qtbot, window)
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
    assert QCoreApplication.translate("Languages", "English") == "English"
