"""``palavra glossary export`` writes CSV that imports back to the same glossary; it never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.cli import main
from engine.config import EngineConfig
from engine.glossary.service import GlossaryService

CSV = "en,pt,note\nlease agreement,contrato de locação,\nlandlord,locador,\nlandlord,senhorio,\ndeposit,caução,rent\n"


def test_export_round_trips_entries_alternatives_and_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "legal.csv"
    src.write_text(CSV, encoding="utf-8")
    assert main(["glossary", "import", str(src), "--name", "legal"]) == 0
    out = tmp_path / "export.csv"
    assert main(["glossary", "export", "legal", "-o", str(out)]) == 0
    assert main(["glossary", "import", str(out), "--name", "copy"]) == 0
    service = GlossaryService(EngineConfig())
    original = [e.entry for e in service.entries("legal")]
    copy = [e.entry for e in service.entries("copy")]
    service.close()
    assert copy == original
    assert any(e.source == "landlord" and e.alternatives == ("senhorio",) for e in copy)
    assert any(e.note == "rent" for e in copy)


def test_export_keeps_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "legal.csv"
    src.write_text(CSV, encoding="utf-8")
    main(["glossary", "import", str(src), "--name", "legal"])
    out = tmp_path / "mine.csv"
    out.write_text("my own notes", encoding="utf-8")
    assert main(["glossary", "export", "legal", "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert main(["glossary", "export", "legal", "-o", str(out), "--overwrite"]) == 0
    assert out.read_text(encoding="utf-8").startswith("en,pt,note\n")
