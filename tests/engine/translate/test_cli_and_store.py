"""The ``palavra`` command line (run as a real process) and the model store's atomic installs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.api import Engine
from engine.cancel import CancelToken
from engine.errors import Cancelled
from engine.translate import store
from engine.translate.model_folder import find_source_model
from tests.engine.translate.helpers import sentences, shipped

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[3]


def palavra(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "engine", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=300,
    )


def test_translate_stdin_lines_in_order(translation_models: Path) -> None:
    lines = sentences("en")[:12]
    stdin = ("\n".join(lines[:6]) + "\n\n" + "\n".join(lines[6:]) + "\n").encode()
    result = palavra("translate", "--from", "en", "--to", "pt", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode().splitlines()
    assert len(out) == 13 and out[6] == ""
    expected = [t.text for t in Engine().translate(lines, "en", "pt")]
    assert out[:6] + out[7:] == expected


def test_translate_arguments(translation_models: Path) -> None:
    result = palavra("translate", "--from", "pt", "--to", "en", "Bom dia.", "Obrigado!")
    assert result.returncode == 0
    assert result.stdout.decode().splitlines() == ["Good morning.", "Thank you very much!"]


def test_invalid_utf8_names_the_file_and_position(translation_models: Path, tmp_path: Path) -> None:
    bad = tmp_path / "letter.txt"
    bad.write_bytes(b"Hello there.\nCaf\xe9 au lait.\n")
    result = palavra("translate", "--from", "en", "--to", "pt", "--file", str(bad))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "letter.txt" in err and "position 16" in err and "UTF-8" in err
    result = palavra("translate", "--from", "en", "--to", "pt", stdin=b"ok\n\xff\xfe broken\n")
    assert result.returncode == 1 and "<stdin>" in result.stderr.decode()


def test_translate_a_file_keeps_its_layout(translation_models: Path, tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text("Good morning.\n\nWhere is the station?\n", encoding="utf-8")
    result = palavra("translate", "--from", "en", "--to", "pt", "--file", str(doc), "--output", "-")
    assert result.returncode == 0
    assert result.stdout.decode() == "Bom dia.\n\nOnde está a estação?\n"


def test_unsupported_pair_exit_code_and_message(translation_models: Path) -> None:
    result = palavra("translate", "--from", "en", "--to", "fr", "hello")
    assert result.returncode == 1
    assert "cannot translate from 'en' to 'fr'" in result.stderr.decode()


def test_models_prepare_list_import_activate(tmp_path: Path) -> None:
    listed = palavra("models", "list").stdout.decode()
    assert "en-pt" in listed and "not converted yet" in listed
    prepared = palavra("models", "prepare")
    assert prepared.returncode == 0 and "en-pt: ready" in prepared.stdout.decode()
    assert "already converted" in palavra("models", "prepare").stdout.decode()
    # a user imports another Firefox Translations folder (here a copy of the pt-en one, renamed as a new pair)
    folder = tmp_path / "ptes"
    shutil.copytree(shipped("pt-en").folder, folder)
    for p in folder.iterdir():
        p.rename(p.with_name(p.name.replace("pten", "ptxx")))
    imported = palavra("models", "import", str(folder))
    assert imported.returncode == 0, imported.stderr
    assert "Imported pt-xx" in imported.stdout.decode()
    listed = palavra("models", "list").stdout.decode()
    assert "pt-xx" in listed and "imported" in listed
    out = palavra("translate", "--from", "pt", "--to", "xx", "Bom dia.")
    assert out.stdout.decode().strip() == "Good morning."
    bad = palavra("models", "import", str(tmp_path / "nothing-here"))
    assert bad.returncode == 1 and "not a folder" in bad.stderr.decode()


def test_cancelled_conversion_leaves_nothing_behind() -> None:
    token = CancelToken()
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done >= 1:
            token.cancel()

    with pytest.raises(Cancelled):
        store.convert(shipped("en-pt"), on_progress=progress, cancel=token)
    assert store.installed_models() == []
    assert [p.name for p in store.search_dirs()[-1].iterdir()] == []


def test_failed_validation_keeps_the_previous_model() -> None:
    first = store.convert(shipped("en-pt"), kind="shipped")
    before = (first.folder / "manifest.json").read_text()
    from engine.translate.architecture import Architecture
    from engine.translate.marian import read_marian

    model = read_marian(shipped("en-pt").model)

    def reject(folder: Path) -> None:
        raise RuntimeError("validation failed")

    src = find_source_model(shipped("en-pt").folder)
    with pytest.raises(RuntimeError):
        store.install(
            model.weights,
            Architecture.from_config(model.config),
            alphas=model.quant_multipliers,
            name="en-pt",
            source="en",
            target="pt",
            kind="shipped",
            source_vocab=src.source_vocab,
            target_vocab=src.target_vocab,
            shortlist=src.shortlist,
            validate=reject,
        )
    assert (first.folder / "manifest.json").read_text() == before
    assert [m.name for m in store.installed_models()] == ["en-pt"]
    assert not [p for p in first.folder.parent.iterdir() if p.name.startswith(".")]


def test_activation_is_recorded_and_reversible() -> None:
    store.convert(shipped("en-pt"), kind="shipped")
    store.convert(shipped("en-pt"), name="en-pt + Test", kind="adapted")
    engine = Engine()
    engine.translation.activate_model("en-pt + Test")
    assert store.active_models() == {"en-pt": "en-pt + Test"}
    assert engine.translate(["Hello."], "en", "pt")[0].model == "en-pt + Test"
    active = [m.name for m in engine.list_models() if m.active]
    assert "en-pt + Test" in active and "en-pt" not in active
    engine.translation.activate_model("en-pt")
    assert store.active_models() == {}
    assert Engine().translate(["Hello."], "en", "pt")[0].model == "en-pt"


def test_deleting_an_adapted_model_falls_back_to_the_base() -> None:
    from engine.errors import InputError

    store.convert(shipped("en-pt"), kind="shipped")
    store.convert(shipped("en-pt"), name="en-pt + Legal", kind="adapted")
    engine = Engine()
    engine.translation.activate_model("en-pt + Legal")
    engine.translation.delete_model("en-pt + Legal")
    assert store.active_models() == {}
    assert [m.name for m in store.installed_models()] == ["en-pt"]
    assert engine.translate(["Hello."], "en", "pt")[0].model == "en-pt"
    with pytest.raises(InputError):
        engine.translation.delete_model("en-pt")
