"""Greedy (and constrained) decoding over the exported ONNX graphs with ONNX Runtime.

One :class:`OnnxTranslator` per model; it is thread-safe (ONNX Runtime sessions may run concurrently and all
per-call state is local). Batches keep a per-sentence shortlist: the batch decodes over the union of the
sentences' candidate ids, and each row masks the ids that are not its own, so a sentence translates the same alone
or in a batch. Finished rows are dropped from the batch as they end.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from engine import onnx_session
from engine.config import Device
from engine.translate.embeddings import Embeddings
from engine.translate.shortlist import Shortlist
from engine.translate.vocab import EOS_ID, UNK_ID

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

#: A per-step hook for constrained decoding: (step, row indices into the original batch [B'], candidate ids [V'],
#: logits [B', V'], last-layer cross-attention averaged over heads [B', S]) -> logits to take the argmax of.
LogitsHook = Callable[[int, IntArray, IntArray, FloatArray, FloatArray], FloatArray]

#: Repetition guard: an output never repeats a stretch of this many tokens (a repeated 6-word stretch holds at
#: least this many), unless its source repeats such a stretch itself.
NO_REPEAT_TOKENS = 6


#: ONNX Runtime's fused Add + LayerNormalization kernel (SkipLayerNormalization) was slower than the two nodes it
#: replaces on these small matrices: without it, 10-11 % less CPU per sentence (min of 5 interleaved rounds, both
#: directions); its different float rounding changes 1.5-2.5 % of translations, chrF++ within 0.06 (docs/translation.md).
DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)


def _repeats(ids: Sequence[int], n: int) -> bool:
    seen: set[tuple[int, ...]] = set()
    for i in range(len(ids) - n + 1):
        gram = tuple(ids[i : i + n])
        if gram in seen:
            return True
        seen.add(gram)
    return False


class OnnxTranslator:
    """Runs one exported model: token ids in, token ids out."""

    def __init__(
        self,
        encoder: Path,
        decoder: Path,
        embeddings: Embeddings,
        shortlist: Shortlist | None,
        *,
        device: Device = "cpu",
        threads: int = 1,
        max_length_factor: float = 2.5,
    ) -> None:
        self.encoder = onnx_session.session(
            encoder, device=device, threads=threads, disabled_optimizers=DISABLED_OPTIMIZERS
        )
        self.decoder = onnx_session.session(
            decoder, device=device, threads=threads, disabled_optimizers=DISABLED_OPTIMIZERS
        )
        self.embeddings = embeddings
        self.shortlist = shortlist
        self.max_length_factor = max_length_factor
        self.dec_depth = sum(1 for i in self.decoder.get_inputs() if i.name.startswith("cells_"))
        #: Whether the decoder's output layer is int8 (it takes the int8 table's rows as they are stored); models
        #: converted before it was are float there (dequantized rows).
        self.int8_output = any(
            i.name == "out_w" and i.type == "tensor(int8)" for i in self.decoder.get_inputs()
        )
        self.dim = embeddings.dim

    def candidates(self, source_ids: Sequence[int]) -> IntArray:
        """The output ids a sentence may use (its shortlist, or the whole vocabulary without one)."""
        if self.shortlist is None:
            return np.arange(self.embeddings.vocab_size, dtype=np.int64)
        return self.shortlist.candidates(source_ids)

    def output_layer(
        self, per_row: Sequence[IntArray]
    ) -> tuple[IntArray, npt.NDArray[np.generic], FloatArray]:
        """The output layer of a batch: the union of its rows' candidates, the output matrix cut to them (int8 rows
        as stored, or dequantized for a float output layer) and the bias with each row's foreign ids masked."""
        b = len(per_row)
        cand = _union(per_row)
        out_w: npt.NDArray[np.generic]
        if self.int8_output:
            out_w = np.ascontiguousarray(self.embeddings.output.q[cand].T)
        else:
            out_w = np.ascontiguousarray(self.embeddings.output.rows(cand).T)
        out_b = np.full((b, cand.shape[0]), -np.inf, dtype=np.float32)
        bias = self.embeddings.bias[cand]
        for i, ids in enumerate(per_row):
            cols = np.searchsorted(cand, ids) if b > 1 else np.arange(cand.shape[0])
            out_b[i, cols] = bias[cols]
        out_b[:, cand == UNK_ID] = -np.inf
        return cand, out_w, out_b

    def translate_ids(
        self,
        batch: Sequence[Sequence[int]],
        *,
        hook: LogitsHook | None = None,
        extra_candidates: Sequence[IntArray] | None = None,
    ) -> list[list[int]]:
        """Greedy-decode a batch of source id sequences (each ending with EOS).

        Args:
            batch: source ids per sentence.
            hook: optional per-step logits processor (used by glossary-constrained decoding).
            extra_candidates: optional ids to add to each sentence's shortlist (e.g. glossary term pieces).

        Returns:
            Output ids per sentence (without the final EOS).
        """
        b = len(batch)
        if b == 0:
            return []
        width = max(len(s) for s in batch)
        src = np.zeros((b, width), dtype=np.int64)
        mask = np.zeros((b, width), dtype=np.float32)
        for i, seq in enumerate(batch):
            src[i, : len(seq)] = seq
            mask[i, : len(seq)] = 1.0
        enc = self.encoder.run(None, {"src_emb": self.embeddings.embed_source(src), "src_mask": mask})
        mask_bias = enc[0]
        keys = enc[1::2]
        values = enc[2::2]
        per_row = [self.candidates(seq) for seq in batch]
        if extra_candidates is not None:
            # the ids index the embeddings: an empty extra array (float64 by NumPy's default) must not make them float
            per_row = [
                np.union1d(c, np.asarray(e, dtype=np.int64))
                for c, e in zip(per_row, extra_candidates, strict=True)
            ]
        cand, out_w, out_b = self.output_layer(per_row)
        limits = np.asarray([math.ceil(self.max_length_factor * len(s)) for s in batch], dtype=np.int64)
        rows = np.arange(b, dtype=np.int64)  # original index of each active row
        cells = [np.zeros((b, self.dim), dtype=np.float32) for _ in range(self.dec_depth)]
        prev = np.zeros(b, dtype=np.int64)
        results: list[list[int]] = [[] for _ in range(b)]
        n = NO_REPEAT_TOKENS
        guarded = [not _repeats(seq, n) for seq in batch]
        follow: list[dict[tuple[int, ...], set[int]]] = [
            {} for _ in range(b)
        ]  # (n-1 tokens) -> next tokens seen
        step = 0
        while rows.shape[0]:
            feed: dict[str, object] = {
                "dec_in": self.embeddings.embed_target(prev, step),
                "mask_bias": mask_bias,
            }
            for layer in range(self.dec_depth):
                feed[f"cells_{layer + 1}"] = cells[layer]
                feed[f"keys_{layer + 1}"] = keys[layer]
                feed[f"values_{layer + 1}"] = values[layer]
            feed["out_w"] = out_w
            feed["out_b"] = out_b
            logits, *cells, attention = self.decoder.run(None, feed)
            if hook is not None:
                logits = hook(step, rows, cand, logits, attention)
            if step >= n - 1:
                logits = _block_repeats(logits, rows, cand, results, follow, guarded, n)
            best = cand[np.argmax(logits, axis=1)]
            step += 1
            keep = []
            for j, (row, token) in enumerate(zip(rows.tolist(), best.tolist(), strict=True)):
                if token == EOS_ID:
                    continue
                out = results[row]
                if guarded[row] and len(out) >= n - 1:
                    follow[row].setdefault(tuple(out[-(n - 1) :]), set()).add(token)
                out.append(token)
                if step < limits[row]:
                    keep.append(j)
            if len(keep) != rows.shape[0]:
                idx = np.asarray(keep, dtype=np.int64)
                rows, best = rows[idx], best[idx]
                cells = [c[idx] for c in cells]
                keys = [k[idx] for k in keys]
                values = [v[idx] for v in values]
                mask_bias, out_b = mask_bias[idx], out_b[idx]
            prev = best
        return results


def _union(per_row: Sequence[IntArray]) -> IntArray:
    """The sorted union of the rows' candidate ids (a mark per id: cheaper than ``np.unique`` of them all)."""
    if len(per_row) == 1:
        return per_row[0]
    marks = np.zeros(max((int(ids.max()) + 1 for ids in per_row if ids.shape[0]), default=0), dtype=np.bool_)
    for ids in per_row:
        marks[ids] = True
    return np.flatnonzero(marks).astype(np.int64, copy=False)


def _block_repeats(
    logits: FloatArray,
    rows: IntArray,
    cand: IntArray,
    results: list[list[int]],
    follow: list[dict[tuple[int, ...], set[int]]],
    guarded: list[bool],
    n: int,
) -> FloatArray:
    """Forbid, per row, each token that would complete an n-token stretch the output already holds."""
    copied = False
    for j, row in enumerate(rows.tolist()):
        out = results[row]
        if not guarded[row] or len(out) < n - 1:
            continue
        banned = follow[row].get(tuple(out[-(n - 1) :]))
        if not banned:
            continue
        ids = np.fromiter(banned, dtype=np.int64)
        cols = np.searchsorted(cand, ids)
        cols = cols[(cols < cand.shape[0]) & (cand[np.minimum(cols, cand.shape[0] - 1)] == ids)]
        if cols.shape[0]:
            allowed = np.isfinite(logits[j])
            allowed[cols] = False
            if not allowed.any():
                continue  # the only token left (one a term hook forces): banning it would end the sentence
            if not copied:
                logits, copied = np.array(logits, copy=True), True
            logits[j, cols] = -np.inf
    return logits
