"""``palavra glossary ...`` through the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.cli import main


def test_import_list_show_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "med.tsv"
    path.write_text("fever\tfebre\ncough\ttosse\ncough\ttossir\n", encoding="utf-8")
    assert main(["glossary", "import", str(path), "--name", "Med", "--from", "en", "--to", "pt"]) == 0
    out = capsys.readouterr().out
    assert "'cough' has more than one translation" in out and "Imported 'Med' (en->pt): 2 entries." in out
    assert main(["glossary", "list"]) == 0
    assert "Med  en->pt       2 entries" in capsys.readouterr().out
    assert main(["glossary", "show", "med"]) == 0
    assert "fever\tfebre" in capsys.readouterr().out
    assert main(["glossary", "delete", "Med"]) == 0
    assert main(["glossary", "show", "Med"]) == 1
    assert "no glossary named 'Med'" in capsys.readouterr().err


def test_bad_file_imports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.csv"
    path.write_text("".join(f"term {i},termo {i}\n" for i in range(100_000)), encoding="utf-8")
    assert main(["glossary", "import", str(path), "--name", "big"]) == 1
    err = capsys.readouterr().err
    assert "100,000 rows" in err and "Nothing was imported." in err
    assert main(["glossary", "list"]) == 0
    assert "No glossaries" in capsys.readouterr().out


def test_check_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "febre,fever\nvacinação,vaccination\ntosse seca,dry cough\nlavagem das mãos,hand washing\n"
    )
    assert main(["glossary", "import", str(path), "--name", "x", "--check"]) == 1
    assert "wrong way round" in capsys.readouterr().out
    assert main(["glossary", "import", str(path), "--name", "x", "--check", "--swap"]) == 0
