"""One resolver for shipped resources and one device probe, used by every part that needs them."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from engine import devices, resources
from engine.config import EngineConfig
from engine.errors import DeviceError, ModelNotFoundError

ROOT = Path(__file__).resolve().parents[2]
RUNTIMES: tuple[devices.Runtime, ...] = ("onnxruntime", "ctranslate2", "torch")
DRILL_HEADER = "id\tlevel\ttopic\ttext\ttranslation\ttranslation_source\n"


def test_resources_are_found_in_the_source_tree_and_in_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(resources.ENV_DRILLS_DIR, raising=False)
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.drills_dir() == ROOT / "resources" / "drills"
    assert (resources.resource("i18n", "palavra_pt.qm")).is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)  # a PyInstaller bundle
    assert resources.resources_dir() == tmp_path / "resources"
    with pytest.raises(ModelNotFoundError) as missing:
        resources.drills_dir()
    assert "Reinstall" in missing.value.user_message
    (tmp_path / "resources" / "drills").mkdir(parents=True)
    assert resources.drills_dir() == tmp_path / "resources" / "drills"


def test_practice_and_fine_tuning_read_drills_from_the_one_resolver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine.glossary.finetune.data import drill_sentences
    from engine.speech.drills import load_drills

    rows = [
        f"en-a1-travel-{i:02d}\tA1\ttravel\tSentence {i} is here.\tA frase {i} está aqui.\tfixed\n"
        for i in range(5)
    ]
    (tmp_path / "en.tsv").write_text(DRILL_HEADER + "".join(rows), encoding="utf-8")
    monkeypatch.setenv(resources.ENV_DRILLS_DIR, str(tmp_path))
    assert [d.text for d in load_drills("en")] == [f"Sentence {i} is here." for i in range(5)]
    replay, general = drill_sentences()
    assert replay == [f"Sentence {i} is here." for i in range(4)]
    assert [(p.source, p.target) for p in general] == [("Sentence 4 is here.", "A frase 4 está aqui.")]


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_one_meaning_of_each_device_choice(runtime: devices.Runtime) -> None:
    available = devices.cuda_available(runtime)
    assert devices.resolve_device("cpu", runtime) == "cpu"
    assert devices.resolve_device("auto", runtime) == ("cuda" if available else "cpu")
    if available:
        assert devices.resolve_device("cuda", runtime) == "cuda"
    else:
        with pytest.raises(DeviceError) as err:
            devices.resolve_device("cuda", runtime)
        assert "choose CPU in Settings" in err.value.user_message
    with pytest.raises(DeviceError):
        devices.resolve_device("gpu", runtime)


def test_translation_and_speech_follow_the_probe(translation_models: Path) -> None:
    """Asking for CUDA where a runtime cannot use it gives the probe's message, for translation and for Whisper."""
    from engine import onnx_session
    from engine.speech.service import SpeechService

    assert onnx_session.providers_for("auto")[0] == (
        "CUDAExecutionProvider" if devices.cuda_available("onnxruntime") else "CPUExecutionProvider"
    )
    if devices.cuda_available("ctranslate2"):
        pytest.skip("this machine has a CUDA GPU for CTranslate2")
    speech = SpeechService(EngineConfig(device="cuda"))
    try:
        with pytest.raises(DeviceError) as err:
            speech.transcribe(np.zeros(16000, dtype=np.float32), "en")
        assert "Speech recognition" in err.value.user_message
    finally:
        speech.close()


@pytest.mark.gpu
def test_auto_uses_the_gpu_where_there_is_one() -> None:
    if devices.cuda_device_count() == 0:
        pytest.skip("no CUDA GPU here")
    assert devices.resolve_device("auto", "ctranslate2") == "cuda"
    if devices.cuda_available("torch"):
        assert devices.resolve_device("auto", "torch") == "cuda"
