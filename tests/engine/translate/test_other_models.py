"""Models of other shapes load and run: a random model with other dimensions, float32 matrices and separate
embeddings (as "base" models and other pairs have), exported without Marian's alphas (dynamic int8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from engine.api import Engine
from engine.translate import onnx_export
from engine.translate.architecture import Architecture
from engine.translate.embeddings import Embeddings
from engine.translate.marian import read_marian
from engine.translate.model_folder import find_source_model
from engine.translate.onnx_translator import OnnxTranslator
from engine.translate.torch_model import MarianTransformer
from tests.engine.translate.helpers import shipped
from tests.engine.translate.marian_writer import random_model


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A model folder "en-xx" with a random base-like model and the shipped vocabulary and shortlist."""
    out = tmp_path / "enxx"
    out.mkdir()
    random_model(out / "model.enxx.intgemm.alphas.bin")
    src = shipped("en-pt")
    shutil.copyfile(src.source_vocab, out / "vocab.enxx.spm")
    assert src.shortlist is not None
    shutil.copyfile(src.shortlist, out / "lex.50.50.enxx.s2t.bin")
    return out


@pytest.mark.model
def test_reader_handles_float_matrices_and_separate_embeddings(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine.translate import onnx_translator

    # this model's weights are random, so greedy decoding repeats one token: compare without the repetition guard
    # (plain PyTorch greedy has none)
    monkeypatch.setattr(onnx_translator, "NO_REPEAT_TOKENS", 10**6)
    model = read_marian(folder / "model.enxx.intgemm.alphas.bin")
    arch = Architecture.from_config(model.config)
    assert (arch.dim, arch.heads, arch.enc_depth, arch.dec_depth, arch.tied_all) == (64, 4, 2, 1, False)
    assert model.weights["encoder_l1_ffn_W1"].shape == (96, 64)  # float [in, out] transposed to [out, in]
    assert model.weights["encoder_Wemb"].shape == (32000, 64)
    torch_model = MarianTransformer(arch, model.weights).eval()
    onnx_export.save(onnx_export.build_encoder(arch, model.weights), tmp_path / "e.onnx")
    onnx_export.save(onnx_export.build_decoder(arch, model.weights), tmp_path / "d.onnx")
    runtime = OnnxTranslator(
        tmp_path / "e.onnx", tmp_path / "d.onnx", Embeddings.from_weights(model.weights, arch), None
    )
    batch = [[38, 3992, 13075, 0], [1200, 55, 0]]
    expected = torch_model.greedy(batch)
    assert runtime.translate_ids(batch) == [[t for t in seq if t != 0] for seq in expected]
    assert all(len(seq) <= np.ceil(2.5 * len(src)) for seq, src in zip(expected, batch, strict=True))


@pytest.mark.model
def test_import_converts_with_dynamic_int8_and_translates(folder: Path) -> None:
    info = Engine().import_model(folder)
    assert (info.name, info.source, info.target, info.kind, info.ready) == (
        "en-xx",
        "en",
        "xx",
        "imported",
        True,
    )
    out = Engine().translate(["The cat sat on the mat."], "en", "xx")[0]
    assert out.model == "en-xx" and isinstance(out.text, str)
    assert find_source_model(folder).pair == "en-xx"
