"""Translation memories (TMX, XLIFF 1.2/2.0, TSV, CSV) read into training pairs, with the validation report."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.errors import InputError
from engine.glossary.finetune.memory import read_memories

DATA = Path(__file__).parent / "data"


def test_tmx_pairs_markup_and_rejects_are_counted() -> None:
    report = read_memories([DATA / "memory.tmx"], "en", "pt")
    assert report.pairs == (
        ("Wash your hands often.", "Lave as mãos com frequência."),
        ("The patient has a fever.", "O paciente tem febre."),
    )
    assert report.read == 6
    assert (report.empty, report.duplicates, report.misaligned, report.wrong_direction) == (1, 1, 1, 1)
    assert report.markup == 1
    summary = report.summary()
    assert "2 sentence pairs kept of 6" in summary
    assert "1 written in the other direction" in summary
    assert "markup stripped in 1" in summary


def test_xliff_12_and_20() -> None:
    v12 = read_memories([DATA / "memory12.xlf"], "en", "pt")
    assert v12.pairs == (
        ("Keep a safe distance.", "Mantenha uma distância segura."),
        ("Call your doctor.", "Ligue ao seu médico."),
    )
    assert v12.empty == 1 and v12.markup == 2
    v20 = read_memories([DATA / "memory20.xlf"], "en", "pt")
    assert v20.pairs == (
        ("Vaccines save lives.", "As vacinas salvam vidas."),
        ("Open the window.", "Abra a janela."),
    )


def test_xliff_written_the_other_way_is_swapped() -> None:
    report = read_memories([DATA / "memory20.xlf"], "pt", "en")
    assert report.pairs[0] == ("As vacinas salvam vidas.", "Vaccines save lives.")


def test_tsv_with_header_and_csv_with_quotes() -> None:
    report = read_memories([DATA / "memory.tsv", DATA / "memory.csv"], "en", "pt")
    assert report.pairs == (
        ("The test is negative.", "O teste é negativo."),
        ("Wear gloves.", "Use luvas."),
        ("Rest, and drink water.", "Descanse e beba água."),
        ("The clinic is closed.", "A clínica está fechada."),
    )
    assert report.markup == 1 and report.empty == 1


def test_bad_memories_get_a_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_memories([tmp_path / "missing.tmx"], "en", "pt")
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx><body><tu>", encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed XML"):
        read_memories([broken], "en", "pt")
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("Olá\tHello\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_memories([latin], "en", "pt")
    other = tmp_path / "other.xml"
    other.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(InputError, match="neither TMX nor XLIFF"):
        read_memories([other], "en", "pt")
    with pytest.raises(InputError, match="No usable sentence pair"):
        read_memories([DATA / "memory.tmx"], "en", "fr")


def test_cli_resolves_relative_memory_paths_and_needs_something_to_learn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from engine.glossary.cli_finetune import build_config

    class _Config:
        effective_threads = 2
        device = "cpu"

    class _Engine:
        config = _Config()

    (tmp_path / "tm.tmx").write_bytes((DATA / "memory.tmx").read_bytes())
    monkeypatch.chdir(tmp_path)
    args = argparse.Namespace(
        glossary=None,
        memory=[Path("tm.tmx")],
        sentences=None,
        documents=[],
        minutes=1.0,
        method="full",
        no_install=False,
        source="en",
        target="pt",
        general=None,
        learning_rate=None,
    )
    config = build_config(_Engine(), args)  # the shipped en-pt model comes from the installed package
    assert config.memories == [str(tmp_path / "tm.tmx")] and config.model_name == "en-pt + tm"
    assert config.glossary == "" and Path(config.base_folder).is_dir()
    with pytest.raises(InputError, match="does not exist"):
        build_config(_Engine(), argparse.Namespace(**{**vars(args), "memory": [Path("nope.tmx")]}))
    with pytest.raises(InputError, match="Give a glossary"):
        build_config(_Engine(), argparse.Namespace(**{**vars(args), "memory": []}))
