"""The translation service through the facade: real models, real inputs, and every bad input the issue names."""

from __future__ import annotations

import itertools
import sys
import threading
from pathlib import Path

import pytest

from engine.api import Engine
from engine.cancel import CancelToken
from engine.errors import (
    Cancelled,
    CorruptModelError,
    InputError,
    UnsupportedLanguageError,
)
from engine.translate import store
from tests.engine.translate.helpers import sentences

pytestmark = pytest.mark.model


def assert_nearest_hospital(text: str) -> None:
    """The int8 kernels differ by CPU (AVX-512 VNNI or AVX2), so the verb may be "está", "fica" or "é"; the
    rest of the sentence does not change."""
    assert text.startswith("Onde ") and text.endswith(" o hospital mais próximo?"), text
    assert text.split()[1] in {"está", "fica", "é"}, text


@pytest.fixture
def engine(translation_models: Path) -> Engine:
    return Engine()


def test_translates_both_directions(engine: Engine) -> None:
    out = engine.translate(["Where is the nearest hospital?", "Bom dia!"], "en", "pt")
    assert_nearest_hospital(out[0].text)
    assert out[0].model == "en-pt"
    back = engine.translate(["Onde fica a farmácia?"], "pt", "en")[0]
    assert "pharmacy" in back.text.lower()


def test_empty_and_whitespace_give_empty_output(engine: Engine) -> None:
    out = engine.translate(["", "   ", "\n\n", "\t"], "en", "pt")
    assert [t.text for t in out] == ["", "   ", "\n\n", "\t"]
    assert all(not t.text.strip() for t in out)
    assert engine.translate([], "en", "pt") == []


def test_layout_is_preserved(engine: Engine) -> None:
    text = "Good morning.  How are you?\n\n  I lost my passport.\r\nThank you!"
    out = engine.translate([text], "en", "pt")[0].text
    assert out.count("\n") == text.count("\n")
    assert "\n\n  " in out and "\r\n" in out and ".  " in out
    assert out.startswith("Bom dia.")


def test_abbreviations_do_not_split_sentences(engine: Engine) -> None:
    out = engine.translate(["Mr. Smith lives here."], "en", "pt")[0].text
    assert "Smith" in out and out.count(".") <= 2


def test_urls_emails_numbers_and_emoji_survive(engine: Engine) -> None:
    text = "Write to maria.silva@example.org or visit https://example.com/a?b=1 before 12/03/2024. I love pizza 🍕!"
    out = engine.translate([text], "en", "pt")[0].text
    for token in ("maria.silva@example.org", "https://example.com/a?b=1", "12/03/2024", "🍕"):
        assert token in out, (token, out)
    price = engine.translate(["It costs 1,234 dollars."], "en", "pt")[0].text
    assert "1.234" in price or "1,234" in price


def test_existing_bracket_numbers_are_not_confused_with_placeholders(engine: Engine) -> None:
    out = engine.translate(["See note [1] and write to ana@example.com."], "en", "pt")[0].text
    assert "[1]" in out and "ana@example.com" in out


def test_unsupported_pair_says_what_is_installed(engine: Engine) -> None:
    with pytest.raises(UnsupportedLanguageError) as err:
        engine.translate(["hello"], "en", "de")
    assert "en→pt" in err.value.user_message and "'de'" in err.value.user_message


def test_large_text_is_chunked_with_progress(engine: Engine) -> None:
    paragraph = " ".join(sentences("en")) + "\n"
    text = paragraph * (1_000_000 // len(paragraph) + 1)  # 1 MB of real sentences (repeats hit the cache)
    assert len(text) >= 1_000_000
    seen: list[tuple[int, int]] = []
    out = engine.translate([text], "en", "pt", on_progress=lambda d, t: seen.append((d, t)))[0].text
    assert out.count("\n") == text.count("\n")
    assert len(seen) >= 2 and seen[-1][0] == seen[-1][1] > 20_000
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_too_much_text_gets_a_clear_message(engine: Engine) -> None:
    with pytest.raises(InputError) as err:
        engine.translate(["a" * 6_000_000], "en", "pt")
    assert "too long" in err.value.user_message


def test_very_long_sentence_is_cut_and_translated(engine: Engine) -> None:
    sentence = ", ".join(["the doctor visited the patient"] * 60) + "."
    out = engine.translate([sentence], "en", "pt")[0].text
    assert out.lower().count("médico") >= 30


def test_cancel_stops_translation(engine: Engine) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        engine.translate(sentences("en"), "en", "pt", cancel=token)


def test_concurrent_calls_are_safe(engine: Engine) -> None:
    texts = sentences("en")
    expected = [t.text for t in engine.translate(texts, "en", "pt")]
    engine.translation.close()  # empty the cache so the threads really decode
    results: list[list[str]] = []

    def work() -> None:
        results.append([t.text for t in engine.translate(texts, "en", "pt")])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_language_detection(engine: Engine) -> None:
    assert engine.detect_language("Where is the train station?").language == "en"
    guess = engine.detect_language("Onde está o autocarro? Estou a esperar há uma hora.")
    assert (guess.language, guess.variant) == ("pt", "pt-PT")
    assert engine.detect_language("Você está fazendo o quê?").variant == "pt-BR"


def test_translation_opens_no_network_connection(engine: Engine) -> None:
    events: list[tuple[str, object]] = []
    recording = threading.Event()
    recording.set()

    def hook(event: str, args: object) -> None:
        if recording.is_set() and event.startswith(("socket.", "urllib.", "http.")):
            events.append((event, args))

    sys.addaudithook(hook)
    try:
        Engine().translate(["The hospital is open.", "Tudo bem?"], "en", "pt")
        Engine().translate(["Tudo bem?"], "pt", "en")
    finally:
        recording.clear()
    assert events == []


def test_first_use_converts_into_the_data_folder(tmp_path: Path) -> None:
    engine = Engine()
    assert engine.needs_preparation()
    out = engine.translate(["Where is the nearest hospital?"], "en", "pt")[0]
    assert_nearest_hospital(out.text)
    installed = store.find_installed("en-pt")
    assert installed is not None and installed.folder.is_relative_to(tmp_path)
    assert not any(p.name.startswith(".tmp") for p in installed.folder.parent.iterdir())


def test_corrupted_model_file_gets_a_clear_message(tmp_path: Path) -> None:
    engine = Engine()
    engine.prepare_models()
    installed = store.find_installed("en-pt")
    assert installed is not None
    enc = installed.folder / "encoder.onnx"
    data = bytearray(enc.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
    enc.write_bytes(bytes(data))
    # a shipped model is rebuilt from the shipped files, and says so
    repairing = Engine()
    assert repairing.translate(["Hello."], "en", "pt")[0].text == "Olá."
    assert repairing.translation.repaired == ["en-pt"]
    store.verify_files(store.find_installed("en-pt"))  # type: ignore[arg-type]
    # an adapted model cannot be rebuilt: the message says what to do
    from engine.translate.model_folder import find_source_model, shipped_model_folders

    base = next(f for f in shipped_model_folders() if "enpt" in f.name)
    store.convert(find_source_model(base), name="en-pt + Mine", kind="adapted")
    mine = store.find_installed("en-pt + Mine")
    assert mine is not None
    (mine.folder / "decoder.onnx").unlink()
    with pytest.raises(CorruptModelError) as missing:
        Engine().translate(["Hello."], "en", "pt", model="en-pt + Mine")
    assert "missing" in missing.value.user_message and "models delete" in missing.value.user_message


@pytest.mark.gpu
def test_cuda_provider_translates_like_the_cpu(translation_models: Path) -> None:
    from engine import onnx_session
    from engine.config import EngineConfig

    if not onnx_session.cuda_available():
        pytest.skip("no CUDA provider: onnxruntime-gpu and an NVIDIA GPU are needed")
    texts = sentences("en")
    cpu = [t.text for t in Engine(EngineConfig(device="cpu")).translate(texts, "en", "pt")]
    gpu = [t.text for t in Engine(EngineConfig(device="cuda")).translate(texts, "en", "pt")]
    assert sum(a == b for a, b in zip(cpu, gpu, strict=True)) >= 0.9 * len(texts)


def test_asking_for_cuda_without_it_says_what_to_do(translation_models: Path) -> None:
    from engine import onnx_session
    from engine.config import EngineConfig
    from engine.errors import DeviceError

    if onnx_session.cuda_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(DeviceError) as err:
        Engine(EngineConfig(device="cuda")).translate(["Hello."], "en", "pt")
    assert "onnxruntime-gpu" in err.value.user_message


def test_short_phrases_without_a_stop_do_not_ramble(engine: Engine) -> None:
    from engine.translate.text import open_phrase

    assert open_phrase("Hello") and open_phrase("Good night") and not open_phrase("Hello.")
    assert not open_phrase("Where is the nearest hospital")  # four words: translated as written
    out = [t.text for t in engine.translate(["Hello", "Good night", "Water"], "en", "pt")]
    assert out == ["Olá", "Boa noite", "Água"], out  # alone, "Hello" came out as "Olá, Olá"
    assert engine.translate(["Hello."], "en", "pt")[0].text == "Olá."  # a stop the user wrote stays
