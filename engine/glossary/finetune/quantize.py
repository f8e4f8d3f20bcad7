"""Re-deriving the int8 activation scales after training, on the user's own sentences.

The installed graphs are int8 with static activation multipliers (Marian's ``*_QuantMultA``: ``round(x * alpha)``).
The weights' scales are re-derived from the trained weights at export (:mod:`engine.translate.onnx_export`); the
activation multipliers were calibrated by Marian for the base model. After training, the activations entering each
matrix product change range, so each multiplier is rescaled by how much that range moved on the user's sentences:
``alpha_new = alpha_base * max|x|_base / max|x|_trained`` (Marian's own calibration choice is kept, only
moved with the activations). Multipliers of products this does not observe keep their base value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: A multiplier moves at most by this factor (guards against a degenerate calibration batch).
MAX_RATIO = 4.0


def activation_ranges(
    model: Any, pairs: Sequence[tuple[list[int], list[int]]], *, batch_size: int = 16
) -> dict[str, float]:
    """The largest absolute activation entering each named matrix product, teacher-forced over ``pairs``.

    Returns:
        ``{weight name: max |x|}``.
    """
    import torch

    from engine.translate.torch_model import pad_batch

    seen: dict[str, float] = {}
    original = model._lin

    def recording(x: Any, w: str, b: str | None) -> Any:
        value = float(x.detach().abs().max()) if x.numel() else 0.0
        if value > seen.get(w, 0.0):
            seen[w] = value
        return original(x, w, b)

    model._lin = recording
    try:
        model.eval()
        with torch.no_grad():
            for start in range(0, len(pairs), batch_size):
                chunk = pairs[start : start + batch_size]
                src, src_mask = pad_batch([s for s, _ in chunk])
                width = max(len(t) for _, t in chunk)
                tgt_in = torch.full((len(chunk), width), -1, dtype=torch.long)
                for i, (_, t) in enumerate(chunk):
                    prev = [-1, *t[:-1]]
                    tgt_in[i, : len(prev)] = torch.tensor(prev)
                memory = model.encode(src, src_mask)
                state = model.start_state(memory, src_mask)
                model.decode(model.embed_targets(tgt_in, 0), state)
    finally:
        del model._lin  # back to the class's method
    return seen


def recalibrate(
    alphas: dict[str, float], base_ranges: dict[str, float], new_ranges: dict[str, float]
) -> tuple[dict[str, float], int]:
    """Rescale the base multipliers by how the activation ranges moved.

    Returns:
        (the new multipliers, how many were changed).
    """
    out = dict(alphas)
    changed = 0
    for weight, new in new_ranges.items():
        key = weight + "_QuantMultA"
        old = base_ranges.get(weight, 0.0)
        if key not in out or new <= 0.0 or old <= 0.0:
            continue
        ratio = min(MAX_RATIO, max(1.0 / MAX_RATIO, old / new))
        if abs(ratio - 1.0) > 1e-6:
            out[key] = float(out[key] * ratio)
            changed += 1
    return out, changed
