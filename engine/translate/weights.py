"""Names of a Marian model's tensors, and the sinusoidal position table both runtimes share."""

from __future__ import annotations

import numpy as np

from engine.translate.architecture import Architecture
from engine.translate.marian import FloatArray


def source_embedding_name(weights: dict[str, FloatArray]) -> str:
    """The source embedding tensor's name."""
    return "Wemb" if "Wemb" in weights else "encoder_Wemb"


def target_embedding_name(weights: dict[str, FloatArray]) -> str:
    """The target embedding tensor's name."""
    return "Wemb" if "Wemb" in weights else "decoder_Wemb"


def output_matrix_name(weights: dict[str, FloatArray]) -> str:
    """The output projection ``[vocab, dim]``: a separate matrix, or the (tied) target embedding."""
    return "decoder_ff_logit_out_W" if "decoder_ff_logit_out_W" in weights else target_embedding_name(weights)


def output_bias(weights: dict[str, FloatArray], arch: Architecture) -> FloatArray:
    """The output bias (zeros when the model omits it)."""
    bias = weights.get("decoder_ff_logit_out_b")
    return bias if bias is not None else np.zeros(arch.vocab_size, dtype=np.float32)


def positions(count: int, dim: int) -> FloatArray:
    """Marian's sinusoidal position signal, ``[count, dim]`` (sines then cosines, denominator dim/2 - 1)."""
    half = dim // 2
    omega = np.exp(np.arange(half, dtype=np.float32) * np.float32(-np.log(10000.0) / (half - 1))).astype(
        np.float32
    )
    p = np.arange(count, dtype=np.float32)[:, None] * omega[None, :]
    return np.concatenate([np.sin(p), np.cos(p)], axis=1).astype(np.float32)
