"""The Marian binary reader, the shortlist and the vocabulary, checked against the documented conformance values."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from engine.errors import CorruptModelError, ModelNotFoundError
from engine.translate.architecture import Architecture
from engine.translate.marian import read_marian
from engine.translate.model_folder import find_source_model
from engine.translate.shortlist import checksum, read_shortlist
from engine.translate.vocab import Vocab
from tests.engine.translate.helpers import shipped

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def enpt() -> tuple[object, object]:
    src = shipped("en-pt")
    return src, read_marian(src.model)


def test_every_item_is_read_and_dequantized(enpt: tuple[object, object]) -> None:
    _, model = enpt
    weights = model.weights  # type: ignore[attr-defined]
    # 195 items = 140 tensors + 54 activation multipliers + model.yml
    assert len(weights) == 140
    assert len(model.quant_multipliers) == 54  # type: ignore[attr-defined]
    assert all(w.dtype == np.float32 for w in weights.values())
    # Wemb is not transposed: ▁Hello (9086) = int8 [9, -7, 9, 9] / 153.83002
    np.testing.assert_allclose(
        weights["Wemb"][9086, :4], [0.0585061, -0.0455048, 0.0585061, 0.0585061], rtol=1e-6
    )
    # other matrices are stored transposed: PyTorch weight[out=0, in=0..3] = int8 [-1, -5, -1, 4] / 232.27322
    np.testing.assert_allclose(weights["encoder_l1_self_Wq"][0, :4] * 232.27322, [-1, -5, -1, 4], atol=1e-4)
    assert weights["encoder_l1_ffn_W1"].shape == (1536, 256)
    assert weights["decoder_ff_logit_out_b"].shape == (32000,)
    # the intgemm-typed Wemb_QuantMultA decodes to the same value as none_QuantMultA
    assert model.quant_multipliers["Wemb_QuantMultA"] == pytest.approx(8.778423, rel=1e-6)  # type: ignore[attr-defined]


def test_architecture_from_embedded_config(enpt: tuple[object, object]) -> None:
    _, model = enpt
    arch = Architecture.from_config(model.config)  # type: ignore[attr-defined]
    assert (arch.dim, arch.heads, arch.enc_depth, arch.dec_depth, arch.ffn_dim) == (256, 8, 6, 2, 1536)
    assert arch.tied_all and arch.vocab_size == 32000


def test_both_directions_load() -> None:
    model = read_marian(shipped("pt-en").model)
    assert model.weights["Wemb"].shape == (32000, 256)


def test_shortlist_checksum_and_candidates() -> None:
    src = shipped("en-pt")
    assert src.shortlist is not None
    data = src.shortlist.read_bytes()
    assert checksum(data) == struct.unpack_from("<Q", data, 8)[0]
    shortlist = read_shortlist(src.shortlist, verify=True)
    ids = Vocab(src.source_vocab).encode("The cat sat on the mat.")
    assert ids == [38, 3992, 13075, 39, 6, 7519, 3, 0]
    candidates = shortlist.candidates(ids)
    assert len(candidates) == 344 and len(candidates) % 8 == 0
    assert list(candidates[:50]) == list(range(50))
    assert np.all(np.diff(candidates) > 0)


def test_truncated_model_is_reported(tmp_path: Path) -> None:
    data = shipped("en-pt").model.read_bytes()
    bad = tmp_path / "model.enpt.intgemm.alphas.bin"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptModelError) as err:
        read_marian(bad)
    assert "damaged" in err.value.user_message


@pytest.mark.parametrize("payload", [b"", b"\x02" + b"\0" * 15, b"not a model at all" * 100])
def test_garbage_model_is_reported(tmp_path: Path, payload: bytes) -> None:
    bad = tmp_path / "model.xxyy.bin"
    bad.write_bytes(payload)
    with pytest.raises(CorruptModelError):
        read_marian(bad)


def test_missing_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        read_marian(tmp_path / "nope.bin")
    with pytest.raises(ModelNotFoundError):
        find_source_model(tmp_path)
    with pytest.raises(ModelNotFoundError):
        read_shortlist(tmp_path / "lex.bin")


def test_corrupted_shortlist_is_reported(tmp_path: Path) -> None:
    src = shipped("en-pt")
    assert src.shortlist is not None
    data = bytearray(src.shortlist.read_bytes())
    data[100] ^= 0xFF
    bad = tmp_path / "lex.bin"
    bad.write_bytes(bytes(data))
    with pytest.raises(CorruptModelError):
        read_shortlist(bad, verify=True)
    bad.write_bytes(bytes(data[:-4]))
    with pytest.raises(CorruptModelError):
        read_shortlist(bad)


def test_model_folder_discovery() -> None:
    src = shipped("pt-en")
    assert (src.source, src.target) == ("pt", "en")
    assert src.source_vocab == src.target_vocab
    assert src.shortlist is not None
