"""Quantization-aware fine-tuning: training sees the int8 weights the installed model gets, on the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from engine.glossary.finetune.qat import QuantAwareMarian, fake_int8, int8_names
from engine.translate.architecture import Architecture
from engine.translate.embeddings import Table
from engine.translate.marian import read_marian
from engine.translate.model_folder import find_source_model, shipped_model_folders
from engine.translate.torch_model import MarianTransformer, pad_batch

pytestmark = pytest.mark.model


def _base() -> tuple[Architecture, dict[str, np.ndarray], set[str]]:
    folder = next(f for f in shipped_model_folders() if find_source_model(f).pair == "en-pt")
    marian = read_marian(find_source_model(folder).model)
    return Architecture.from_config(marian.config), marian.weights, int8_names(marian)


def test_rounding_matches_the_installed_int8_format_and_passes_the_gradient() -> None:
    rng = np.random.default_rng(0)
    w = rng.normal(0, 0.05, size=(64, 32)).astype(np.float32)
    table = Table.from_float(w)  # what the export stores
    t = torch.tensor(w, requires_grad=True)
    rounded = fake_int8(t)
    np.testing.assert_allclose(rounded.detach().numpy(), table.rows(np.arange(64)), rtol=0, atol=1e-7)
    (rounded * torch.arange(32.0)).sum().backward()
    assert t.grad is not None and torch.equal(t.grad[0], torch.arange(32.0))  # straight through


def test_small_updates_are_invisible_until_a_weight_crosses_to_the_next_int8_value(
    translation_models: Path,
) -> None:
    arch, weights, names = _base()
    q = QuantAwareMarian(arch, weights, names)
    f = MarianTransformer(arch, weights)
    assert "Wemb" in q.quantized and len(q.quantized) > 20
    src, mask = pad_batch([[120, 57, 9, 0], [44, 0]])
    with torch.no_grad():
        # the shipped weights are int8 already: rounding them changes nothing
        torch.testing.assert_close(q.encode(src, mask), f.encode(src, mask), rtol=0, atol=1e-5)
        name = "encoder_l1_self_Wq"
        w = q.params[name]
        step = float(w.abs().max()) / 127.0
        before = q.encode(src, mask).clone()
        w.add_(0.3 * step * torch.sign(torch.randn_like(w)) * (w.abs() < 0.9 * w.abs().max()))
        torch.testing.assert_close(
            q.encode(src, mask), before, rtol=0, atol=1e-6
        )  # rounded away, as at export
        w.add_(0.4 * step * torch.sign(w - torch.tensor(weights[name])) * (w.abs() < 0.9 * w.abs().max()))
        assert (
            float((q.encode(src, mask) - before).abs().max()) > 1e-3
        )  # crossed: the installed model changes


def test_term_tokens_are_learnt_and_the_rest_distilled() -> None:
    from engine.glossary.finetune.batches import term_positions

    assert term_positions([5, 6, 7, 8, 6, 7], [[6, 7]]) == (0.0, 1.0, 1.0, 0.0, 1.0, 1.0)
    assert term_positions([5, 8], [[6, 7]]) is None  # no term found: the pair is learnt whole


def test_distilled_tokens_cost_nothing_while_the_model_is_the_base(translation_models: Path) -> None:
    from engine.glossary.finetune.batches import loss
    from engine.translate.vocab import EOS_ID

    arch, weights, names = _base()
    model = QuantAwareMarian(arch, weights, names)
    base = MarianTransformer(arch, weights).eval().requires_grad_(False)
    pair = ([120, 57, 9, 300, EOS_ID], [44, 81, 1200, EOS_ID])
    with torch.no_grad():
        distilled = loss(model, [(*pair, (0.0, 0.0, 0.0, 0.0))], EOS_ID, "cpu", 0.0, None, teacher=base)
        learnt = loss(model, [(*pair, None)], EOS_ID, "cpu", 0.0, None, teacher=base)
    assert abs(float(distilled)) < 1e-4  # KL from the base to itself
    assert float(learnt) > 0.1  # cross-entropy on a target the model does not predict with certainty
