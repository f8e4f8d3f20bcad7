"""The fault suite for translation models: each damaged file and each kill point of an install leaves a working
app after at most one repair; imports refuse links and never replace another model; caches follow the registry."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from engine import paths
from engine.api import Engine
from engine.errors import InputError, StorageError
from engine.models import registry
from engine.translate import store
from tests.engine.translate.helpers import shipped

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def en_pt(prepared_models: Path) -> Path:
    """A writable copy of the prepared en-pt model in this test's data folder (shared conversion, no re-export)."""
    folder = paths.models_dir() / "en-pt"
    shutil.copytree(prepared_models / "en-pt", folder)
    return folder


def _flip(path: Path, at: float = 0.5, count: int = 64) -> None:
    data = bytearray(path.read_bytes())
    start = int(len(data) * at)
    data[start : start + count] = bytes(b ^ 0xFF for b in data[start : start + count])
    path.write_bytes(bytes(data))


def _works(engine: Engine) -> None:
    assert engine.translate(["Good morning."], "en", "pt")[0].text == "Bom dia."


def palavra(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


@pytest.mark.parametrize(
    "damage",
    ["encoder.onnx", "decoder.onnx", "embeddings.npz", "shortlist.bin", "source.spm", "manifest.json"],
)
def test_damaged_file_is_repaired_on_first_use(en_pt: Path, damage: str) -> None:
    if damage == "manifest.json":
        (en_pt / damage).write_text(json.dumps({"format": 3}), encoding="utf-8")
    else:
        _flip(en_pt / damage)
    engine = Engine()
    _works(engine)  # the repair happens here, at most once
    assert store.find_installed("en-pt") is not None
    store.verify_files(store.find_installed("en-pt"))  # type: ignore[arg-type]
    if damage != "manifest.json":  # an unreadable manifest is not a model: converted as on first use
        assert engine.translation.repaired == ["en-pt"]
    assert not [p.name for p in paths.models_dir().iterdir() if p.name.startswith((".tmp", ".old"))]
    _works(Engine())  # and it stays repaired


def test_prepare_repairs_what_failed_its_checksum(en_pt: Path) -> None:
    _flip(en_pt / "decoder.onnx")
    result = palavra("models", "prepare")
    assert result.returncode == 0, result.stderr
    assert "en-pt: repaired" in result.stdout
    assert "already converted and intact" in palavra("models", "prepare").stdout
    _works(Engine())


def test_damaged_adapted_model_says_what_to_do(en_pt: Path) -> None:
    adapted = paths.models_dir() / "en-pt + Mine"
    shutil.copytree(en_pt, adapted)
    manifest = json.loads((adapted / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(name="en-pt + Mine", kind="adapted")
    (adapted / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    _flip(adapted / "encoder.onnx")
    result = palavra("translate", "--from", "en", "--to", "pt", "--model", "en-pt + Mine", "Hello.")
    assert result.returncode == 1
    assert (
        "damaged" in result.stderr and "models delete" in result.stderr and "Traceback" not in result.stderr
    )
    prepared = palavra("models", "prepare")
    assert prepared.returncode == 1 and "cannot be rebuilt" in prepared.stdout
    assert palavra("models", "delete", "en-pt + Mine").returncode == 0
    assert store.find_installed("en-pt + Mine") is None
    _works(Engine())


# -- kill points of an install ---------------------------------------------------------------------------------
_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from engine import offline
    offline.apply()
    from engine.models import registry
    from engine.translate import store
    from engine.translate.model_folder import find_source_model
    point = sys.argv[2]
    def die(*_a):
        os.kill(os.getpid(), signal.SIGKILL)
    if point.startswith("progress:"):
        wanted = int(point.split(":")[1])
        progress = lambda done, total: die() if done >= wanted else None
    else:
        progress = None
    if point == "after-publish":
        real = registry.publish
        def publish(built, root, slug):
            os.rename(built, root / (slug + "@1"))
            die()
        registry.publish = publish
    if point == "mid-retire":
        real_retire = registry.retire
        def retire(folder):
            os.rename(folder, folder.with_name(".old-" + folder.name + "-p" + str(os.getpid()) + "-1"))
            die()
        registry.retire = retire
    store.convert(find_source_model(__import__("pathlib").Path(sys.argv[1])), kind="shipped", on_progress=progress)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("point", ["progress:1", "progress:4", "progress:5", "after-publish", "mid-retire"])
def test_killed_install_leaves_a_working_app(en_pt: Path, point: str) -> None:
    before = (en_pt / "manifest.json").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", _KILLER, str(shipped("en-pt").folder), point], cwd=ROOT, timeout=300
    )
    assert proc.returncode == -signal.SIGKILL
    model = store.find_installed("en-pt")
    assert model is not None
    store.verify_files(model)  # never a half model
    if point.startswith("progress"):
        assert model.folder == en_pt and (en_pt / "manifest.json").read_bytes() == before
    else:
        assert model.folder.name == "en-pt@1"  # the switch happened: the new version is complete
    engine = Engine()
    _works(engine)
    assert engine.translation.repaired == []
    leftovers = [p.name for p in paths.models_dir().iterdir() if p.name.startswith(".")]
    assert leftovers == [], "the next start cleans what the killed run left"
    assert [f.name for f in registry.versions(paths.models_dir(), "en-pt")] == [model.folder.name]


# -- imports ---------------------------------------------------------------------------------------------------
def _copy_shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "to-import"
    shutil.copytree(shipped("en-pt").folder, folder)
    return folder


def test_import_refuses_links_to_files_outside(tmp_path: Path) -> None:
    folder = _copy_shipped(tmp_path)
    secret = tmp_path / "secret.spm"
    secret.write_text("not for the data folder")
    vocab = next(folder.glob("vocab.*.spm"))
    vocab.unlink()
    vocab.symlink_to(secret)
    with pytest.raises(InputError) as err:
        Engine().import_model(folder)
    assert "link" in err.value.user_message
    assert store.installed_models() == []
    assert not any(p.name.endswith(".spm") for p in paths.data_dir().rglob("*"))


def test_malformed_model_info_gets_a_message(tmp_path: Path) -> None:
    folder = _copy_shipped(tmp_path)
    for p in folder.iterdir():  # no pair in the file names: the pair comes from model_info.json
        p.rename(p.with_name(p.name.replace(".enpt.", ".x.")))
    (folder / "model_info.json").write_text("{not json", encoding="utf-8")
    result = palavra("models", "import", str(folder))
    assert result.returncode == 1 and "model_info.json" in result.stderr and "Traceback" not in result.stderr


def test_import_never_replaces_a_shipped_model(en_pt: Path, tmp_path: Path) -> None:
    before = (en_pt / "manifest.json").read_bytes()
    engine = Engine()
    info = engine.import_model(_copy_shipped(tmp_path))
    assert info.name == "en-pt imported" and info.kind == "imported"
    assert (en_pt / "manifest.json").read_bytes() == before
    assert engine.import_model(_copy_shipped(tmp_path / "again")).name == "en-pt imported 2"
    assert engine.translate(["Good morning."], "en", "pt")[0].model == "en-pt"


def test_import_that_cannot_translate_is_not_installed(tmp_path: Path) -> None:
    folder = _copy_shipped(tmp_path)
    model = next(folder.glob("model.*.bin"))
    _flip(model, at=0.6, count=4096)  # weights of garbage: the sessions open, the output is nonsense or empty
    try:
        Engine().import_model(folder)
    except Exception as exc:  # refused (damaged file or a failed test translation), with a message
        assert getattr(exc, "user_message", "")
        assert store.installed_models() == []
    assert not [p for p in paths.models_dir().iterdir() if p.name.startswith(".")]


# -- activation and caches -------------------------------------------------------------------------------------
def test_install_activate_delete_evict_every_cache(en_pt: Path) -> None:
    engine = Engine()
    first = engine.translate(["Good morning."], "en", "pt")[0]
    assert first.model == "en-pt"
    # another process (the fine-tuning child, the CLI) installs and activates a model
    adapted = paths.models_dir() / "en-pt + Other"
    shutil.copytree(en_pt, adapted)
    manifest = json.loads((adapted / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(name="en-pt + Other", kind="adapted")
    (adapted / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert palavra("models", "activate", "en-pt + Other").returncode == 0
    assert engine.translate(["Good morning."], "en", "pt")[0].model == "en-pt + Other"
    assert palavra("models", "delete", "en-pt + Other").returncode == 0
    assert engine.translate(["Good morning."], "en", "pt")[0].model == "en-pt"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_activate_when_active_json_cannot_be_written(en_pt: Path) -> None:
    target = paths.models_dir() / "active.json"
    target.mkdir()  # even root cannot replace a folder with a file: the write fails like a read-only folder's
    with pytest.raises(StorageError) as err:
        store.set_active("en-pt", "en-pt")
    assert "active.json" in err.value.user_message and "nothing was changed" in err.value.user_message.lower()
    assert "full" not in err.value.user_message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_activate_on_a_chmod_read_only_folder(en_pt: Path) -> None:
    root = paths.models_dir()
    root.chmod(0o500)
    try:
        with pytest.raises(StorageError) as err:
            Engine().translation.activate_model("en-pt")
        assert "can be written" in err.value.user_message
    finally:
        root.chmod(0o700)
