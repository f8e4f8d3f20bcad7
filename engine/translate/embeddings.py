"""The model's embedding tables, kept once in int8 outside the ONNX graphs.

Bergamot models tie the source embedding, the target embedding and the output projection to one matrix; keeping it
once (int8, 8 MB for the tiny models) instead of once per graph is what keeps our memory below the reference
engine's. The graphs receive ready embedded inputs (``16 * E[id] + PE(position)``) and the shortlisted output
matrix per batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from engine.translate.architecture import Architecture
from engine.translate.marian import FloatArray
from engine.translate.weights import (
    output_bias,
    output_matrix_name,
    positions,
    source_embedding_name,
    target_embedding_name,
)

IntArray = npt.NDArray[np.int64]
ROLES = ("source", "target", "output")
MAX_POSITIONS = 4096
_FIRST_POSITIONS = 256


@dataclass(frozen=True)
class Table:
    """An int8 matrix ``[vocab, dim]`` with Marian's multiplier (``w = q * (1/s)``)."""

    q: npt.NDArray[np.int8]
    multiplier: float

    def rows(self, ids: npt.NDArray[np.int64]) -> FloatArray:
        """Dequantized rows, float32, computed as Marian does (``q * (1/s)``)."""
        inv = np.float32(1.0) / np.float32(self.multiplier)
        return self.q[ids].astype(np.float32) * inv

    @classmethod
    def from_float(cls, matrix: FloatArray) -> Table:
        """Symmetric per-tensor int8 (gives back Bergamot's stored int8 values exactly)."""
        multiplier = np.float32(127.0) / np.float32(np.abs(matrix).max())
        q = np.clip(np.rint(matrix * multiplier), -127, 127).astype(np.int8)
        return cls(q=q, multiplier=float(multiplier))


class Embeddings:
    """Source/target embeddings, output matrix and bias; tied roles share one table."""

    def __init__(self, tables: dict[str, Table], bias: FloatArray, dim: int) -> None:
        self.source = tables["source"]
        self.target = tables["target"]
        self.output = tables["output"]
        self.bias = bias
        self.dim = dim
        self.scale = np.float32(np.sqrt(dim))
        self._pe = positions(_FIRST_POSITIONS, dim)

    def _positions(self, count: int) -> FloatArray:
        """The position signal for at least ``count`` positions: the first ones are computed at load time, all
        :data:`MAX_POSITIONS` on first need (rows are the same either way; a tenth of a model's load time)."""
        if count > self._pe.shape[0]:
            self._pe = positions(MAX_POSITIONS, self.dim)
        return self._pe

    @property
    def vocab_size(self) -> int:
        """Rows of the output matrix."""
        return int(self.output.q.shape[0])

    def embed_source(self, ids: IntArray) -> FloatArray:
        """Encoder input ``[B, S, dim]`` for padded ids ``[B, S]``."""
        s = ids.shape[1]
        out: FloatArray = self.source.rows(ids) * self.scale + self._positions(s)[:s]
        return out

    def embed_target(self, prev: IntArray, step: int) -> FloatArray:
        """Decoder input ``[B, dim]`` at ``step``: the previous token's embedding (none at step 0) plus PE."""
        pe = self._positions(step + 1)
        if step == 0:
            return np.broadcast_to(pe[0], (prev.shape[0], self.dim)).copy()
        out: FloatArray = self.target.rows(prev) * self.scale + pe[step]
        return out

    def save(self, path: Path) -> None:
        """Write ``embeddings.npz`` (each distinct table once)."""
        arrays: dict[str, np.ndarray] = {"bias": self.bias}
        seen: dict[int, str] = {}
        for role in ROLES:
            table: Table = getattr(self, role)
            if id(table) in seen:
                arrays[f"{role}_same_as"] = np.asarray(seen[id(table)])
            else:
                seen[id(table)] = role
                arrays[f"{role}_q"] = table.q
                arrays[f"{role}_multiplier"] = np.asarray(table.multiplier, dtype=np.float32)
        np.savez(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> Embeddings:
        """Read ``embeddings.npz``."""
        tables: dict[str, Table] = {}
        with np.load(path) as data:
            for role in ROLES:
                if f"{role}_same_as" in data:
                    tables[role] = tables[str(data[f"{role}_same_as"])]
                else:
                    tables[role] = Table(data[f"{role}_q"], float(data[f"{role}_multiplier"]))
            bias = data["bias"].astype(np.float32)
        return cls(tables, bias, int(tables["output"].q.shape[1]))

    @classmethod
    def from_weights(cls, weights: dict[str, FloatArray], arch: Architecture) -> Embeddings:
        """Build from a float weights dict (tied matrices become one shared table)."""
        by_name: dict[str, Table] = {}
        tables: dict[str, Table] = {}
        for role, name in zip(
            ROLES,
            (source_embedding_name(weights), target_embedding_name(weights), output_matrix_name(weights)),
            strict=True,
        ):
            if name not in by_name:
                by_name[name] = Table.from_float(weights[name])
            tables[role] = by_name[name]
        return cls(tables, output_bias(weights, arch).astype(np.float32), arch.dim)
