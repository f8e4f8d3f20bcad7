"""LoRA for the PyTorch port: low-rank adapters on every projection matrix, merged into the weights at export."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from engine.translate.architecture import Architecture
from engine.translate.marian import FloatArray
from engine.translate.torch_model import MarianTransformer

_SKIP = ("Wemb", "encoder_Wemb", "decoder_Wemb", "decoder_ff_logit_out_W")


class LoraMarian(MarianTransformer):
    """The port with frozen weights and trainable ``W + B·A·(alpha/rank)`` on every 2-D projection.

    Args:
        arch: the architecture.
        weights: the base weights.
        rank: adapter rank.
        alpha: adapter scale numerator.
    """

    def __init__(
        self, arch: Architecture, weights: dict[str, FloatArray], rank: int = 16, alpha: float = 32.0
    ):
        super().__init__(arch, weights)
        for param in self.params.values():
            param.requires_grad_(False)
        self.scale = alpha / rank
        self.lora_a = nn.ParameterDict()
        self.lora_b = nn.ParameterDict()
        for name, param in self.params.items():
            if param.dim() == 2 and name not in _SKIP:
                out_dim, in_dim = param.shape
                self.lora_a[name] = nn.Parameter(torch.randn(rank, in_dim) / rank)
                self.lora_b[name] = nn.Parameter(torch.zeros(out_dim, rank))

    def p(self, name: str) -> Tensor:
        """The parameter with its adapter added."""
        weight: Tensor = self.params[name]
        if name in self.lora_a:
            delta: Tensor = (self.lora_b[name] @ self.lora_a[name]) * self.scale
            return weight + delta
        return weight


def trainable_parameters(model: nn.Module) -> list[nn.Parameter]:
    """The parameters the optimizer updates."""
    return [p for p in model.parameters() if p.requires_grad]


@torch.no_grad()
def merged_weights(model: Any) -> dict[str, FloatArray]:
    """Every weight as float32 numpy, with LoRA adapters merged in."""
    out: dict[str, FloatArray] = {}
    for name in model.params:
        out[name] = np.ascontiguousarray(model.p(name).detach().cpu().numpy().astype(np.float32))
    return out
