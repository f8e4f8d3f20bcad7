"""Writes small random models in Marian's binary format, so tests can check shapes and tensor types the shipped
models do not have (other dimensions, float32 matrices, separate embeddings)."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import yaml


def write_marian(path: Path, tensors: dict[str, tuple[int, np.ndarray]], config: dict[str, object]) -> None:
    """Write ``tensors`` (name -> (type code, array in the header's ``[in, out]`` orientation)) plus model.yml."""
    items: list[tuple[str, int, tuple[int, ...], bytes]] = []
    for name, (code, array) in sorted(tensors.items()):
        shape = tuple(int(s) for s in (array.shape if array.ndim == 2 else (1, array.shape[0])))
        if code == 0x0404:
            blob = np.ascontiguousarray(array, dtype="<f4").tobytes()
        else:  # intgemm8: int8 values (transposed for non-embedding matrices) then the float multiplier
            values = array if name.endswith("Wemb") or array.ndim != 2 else array.T
            multiplier = np.float32(127.0) / np.float32(np.abs(values).max())
            q = np.clip(np.rint(values * multiplier), -127, 127).astype(np.int8)
            blob = q.tobytes() + struct.pack("<f", multiplier)
        items.append((name, code, shape, blob))
    text = yaml.safe_dump(config).encode() + b"\0"
    items.append(("special:model.yml", 0x0101, (len(text),), text))
    head = struct.pack("<QQ", 1, len(items))
    for name, code, shape, blob in items:
        padded = len(blob) if name == "special:model.yml" else -(-len(blob) // 256) * 256
        head += struct.pack("<QQQQ", len(name) + 1, code, len(shape), padded)
    head += b"".join(n.encode() + b"\0" for n, *_ in items)
    head += b"".join(struct.pack(f"<{len(s)}i", *s) for _, _, s, _ in items)
    pad = (-(len(head) + 8)) % 256
    out = head + struct.pack("<Q", pad) + b"\0" * pad
    for name, _code, _shape, blob in items:
        out += blob if name == "special:model.yml" else blob + b"\0" * ((-len(blob)) % 256)
    path.write_bytes(out)


def random_model(
    path: Path, *, dim: int = 64, heads: int = 4, ffn: int = 96, vocab: int = 32000, seed: int = 0
) -> None:
    """A random "base-like" model: other sizes, separate source/target embeddings, float32 FFN matrices."""
    rng = np.random.default_rng(seed)

    def mat(i: int, o: int) -> np.ndarray:
        return (rng.standard_normal((i, o)) / np.sqrt(i)).astype(np.float32)

    def vec(n: int, scale: float = 0.1) -> np.ndarray:
        return (rng.standard_normal(n) * scale).astype(np.float32)

    t: dict[str, tuple[int, np.ndarray]] = {
        "encoder_Wemb": (0x4101, mat(vocab, dim)),
        "decoder_Wemb": (0x4101, mat(vocab, dim)),
        "decoder_ff_logit_out_b": (0x0404, vec(vocab)),
    }

    def attention(prefix: str) -> None:
        for x in "qkvo":
            t[f"{prefix}_W{x}"] = (0x4101, mat(dim, dim))
            t[f"{prefix}_b{x}"] = (0x0404, vec(dim))
        t[f"{prefix}_Wo_ln_scale"] = (0x0404, 1 + vec(dim))
        t[f"{prefix}_Wo_ln_bias"] = (0x0404, vec(dim))

    def feed_forward(prefix: str) -> None:
        t[f"{prefix}_W1"], t[f"{prefix}_b1"] = (0x0404, mat(dim, ffn)), (0x0404, vec(ffn))
        t[f"{prefix}_W2"], t[f"{prefix}_b2"] = (0x0404, mat(ffn, dim)), (0x0404, vec(dim))
        t[f"{prefix}_ffn_ln_scale"], t[f"{prefix}_ffn_ln_bias"] = (0x0404, 1 + vec(dim)), (0x0404, vec(dim))

    for n in (1, 2):
        attention(f"encoder_l{n}_self")
        feed_forward(f"encoder_l{n}_ffn")
    for n in (1,):
        t[f"decoder_l{n}_rnn_W"] = (0x4101, mat(dim, dim))
        t[f"decoder_l{n}_rnn_Wf"] = (0x4101, mat(dim, dim))
        t[f"decoder_l{n}_rnn_bf"] = (0x0404, vec(dim))
        t[f"decoder_l{n}_rnn_ffn_ln_scale"] = (0x0404, 1 + vec(dim))
        t[f"decoder_l{n}_rnn_ffn_ln_bias"] = (0x0404, vec(dim))
        attention(f"decoder_l{n}_context")
        feed_forward(f"decoder_l{n}_ffn")
    config = {
        "type": "transformer", "dim-emb": dim, "transformer-heads": heads, "transformer-dim-ffn": ffn,
        "enc-depth": 2, "dec-depth": 1, "transformer-ffn-depth": 2, "transformer-ffn-activation": "relu",
        "transformer-decoder-autoreg": "rnn", "dec-cell": "ssru", "transformer-postprocess": "dan",
        "transformer-preprocess": "", "dim-vocabs": [vocab, vocab], "tied-embeddings-all": False,
        "tied-embeddings": True,
    }  # fmt: skip
    write_marian(path, t, config)
