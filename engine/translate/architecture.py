"""Hyper-parameters of a Bergamot Marian transformer, read from its embedded ``model.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.errors import CorruptModelError


@dataclass(frozen=True)
class Architecture:
    """The shape of a transformer-encoder / SSRU-decoder Marian model (tiny, base, any language pair)."""

    dim: int
    heads: int
    ffn_dim: int
    enc_depth: int
    dec_depth: int
    ffn_depth: int
    activation: str
    vocab_size: int
    tied_all: bool

    @property
    def head_dim(self) -> int:
        """Size of one attention head."""
        return self.dim // self.heads

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Architecture:
        """Build from ``special:model.yml``; rejects models this engine cannot run."""
        if config.get("type", "transformer") != "transformer":
            raise CorruptModelError(
                f"Unsupported model type {config.get('type')!r}: Palavra runs transformers."
            )
        if (
            config.get("transformer-decoder-autoreg", "self-attention") != "rnn"
            or config.get("dec-cell") != "ssru"
        ):
            raise CorruptModelError("Unsupported decoder: Palavra runs Bergamot models with an SSRU decoder.")
        if config.get("transformer-postprocess", "dan") != "dan" or config.get("transformer-preprocess", ""):
            raise CorruptModelError("Unsupported layer order: Palavra runs post-norm ('dan') transformers.")
        vocabs = config.get("dim-vocabs", [32000, 32000])
        return cls(
            dim=int(config.get("dim-emb", 512)),
            heads=int(config.get("transformer-heads", 8)),
            ffn_dim=int(config.get("transformer-dim-ffn", 2048)),
            enc_depth=int(config.get("enc-depth", 6)),
            dec_depth=int(config.get("dec-depth", 2)),
            ffn_depth=int(config.get("transformer-ffn-depth", 2)),
            activation=str(config.get("transformer-ffn-activation", "relu")),
            vocab_size=int(vocabs[-1]),
            tied_all=bool(config.get("tied-embeddings-all", False)),
        )
