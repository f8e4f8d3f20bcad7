"""What makes a start fast, checked for what it must keep doing: checksum records that still catch a changed file,
cached optimized graphs that translate the same, shipped models converted again when their graphs predate the int8
output layer, and a command line that loads only what its command uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from engine import onnx_session, paths
from engine.api import Engine
from engine.errors import CorruptModelError
from engine.translate import store

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[3]


def _age(folder: Path, seconds: float = 60.0) -> None:
    """Make a folder's files look written ``seconds`` ago (records are kept only for files that are not fresh)."""
    then = time.time() - seconds
    for p in folder.iterdir():
        os.utime(p, (then, then))


@pytest.fixture
def installed() -> store.InstalledModel:
    Engine().prepare_models()
    model = store.find_installed("en-pt")
    assert model is not None
    _age(model.folder)
    return model


def test_checksum_record_skips_hashing_but_catches_a_changed_file(
    installed: store.InstalledModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[str] = []
    real = store._sha256

    def counting(path: Path) -> str:
        hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(store, "_sha256", counting)
    store.verify_files(installed, reuse=True)  # first check: every file hashed, then recorded
    assert sorted(hashed) == sorted(installed.manifest["files"])
    hashed.clear()
    store.verify_files(installed, reuse=True)
    assert hashed == []  # unchanged files are trusted by size and time
    decoder = installed.folder / "decoder.onnx"
    data = bytearray(decoder.read_bytes())
    data[100:164] = bytes(b ^ 0xFF for b in data[100:164])
    decoder.write_bytes(bytes(data))  # same size, new modification time
    with pytest.raises(CorruptModelError) as err:
        store.verify_files(installed, reuse=True)
    assert "damaged (decoder.onnx changed)" in err.value.user_message
    stat = decoder.stat()
    _age(installed.folder)
    os.utime(decoder, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**12))
    # a full check (what 'models prepare' does) hashes whatever the record says
    with pytest.raises(CorruptModelError):
        store.verify_files(installed)


def test_optimized_graph_is_kept_and_translates_the_same(installed: store.InstalledModel) -> None:
    encoder = installed.folder / "encoder.onnx"
    first = onnx_session.session(encoder, cache=False)
    kept = list((paths.cache_dir() / "ort").glob("*.onnx"))
    assert len(kept) == 1
    again = onnx_session.session(encoder, cache=False)
    assert again._model_path == str(kept[0])  # opened from the kept graph
    rng = np.random.default_rng(0)
    feed = {
        "src_emb": rng.standard_normal((2, 7, 256)).astype(np.float32),
        "src_mask": np.ones((2, 7), dtype=np.float32),
    }
    for a, b in zip(first.run(None, feed), again.run(None, feed), strict=True):
        np.testing.assert_array_equal(a, b)
    kept[0].write_bytes(b"not a graph")  # a damaged cache file is rebuilt from the model
    rebuilt = onnx_session.session(encoder, cache=False)
    np.testing.assert_array_equal(rebuilt.run(None, feed)[1], first.run(None, feed)[1])
    assert kept[0].stat().st_size > 1000


def test_shipped_model_from_before_the_int8_output_layer_is_converted_again(
    installed: store.InstalledModel,
) -> None:
    manifest = json.loads((installed.folder / store.MANIFEST).read_text(encoding="utf-8"))
    del manifest["output_layer"]
    (installed.folder / store.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert store.outdated(store.find_installed("en-pt"))  # type: ignore[arg-type]
    engine = Engine()
    assert engine.translate(["Good morning."], "en", "pt")[0].text == "Bom dia."
    now = store.find_installed("en-pt")
    assert now is not None and not store.outdated(now) and now.folder != installed.folder
    loaded = engine.translation.model("en", "pt")  # type: ignore[attr-defined]
    assert loaded.translator.int8_output


def test_translate_command_loads_only_what_it_uses(translation_models: Path) -> None:
    probe = (
        "import sys\n"
        "from engine.cli import main\n"
        "assert main(['translate', '--from', 'en', '--to', 'pt', 'Good morning.']) == 0\n"
        "heavy = ('engine.glossary', 'engine.speech', 'engine.server', 'engine.correct', 'engine.batch', 'yaml')\n"
        "print(sorted({m for m in sys.modules if m.startswith(heavy)}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "Bom dia."
    assert lines[-1] == "[]"
    help_text = subprocess.run(
        [sys.executable, "-m", "engine", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    ).stdout
    for command in ("translate", "models", "correct", "transcribe", "drill", "glossary", "finetune", "serve"):
        assert command in help_text
