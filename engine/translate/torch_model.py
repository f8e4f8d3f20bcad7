"""The PyTorch port of the Bergamot transformer: encoder, SSRU decoder, greedy and beam search.

Used for parity checks and fine-tuning (inference in the app runs the ONNX export, which needs no torch).
Parameters keep their Marian names, so a fine-tuned model exports through the same ONNX builder as the original.
Formulas: ``shared/docs/bergamot-tiny.md`` §5-§7.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from engine.translate.architecture import Architecture
from engine.translate.marian import FloatArray
from engine.translate.vocab import EOS_ID, UNK_ID
from engine.translate.weights import (
    output_bias,
    output_matrix_name,
    positions,
    source_embedding_name,
    target_embedding_name,
)

MASK_VALUE = -99999999.0
LN_EPS = 1e-6


@dataclass
class DecoderState:
    """Per-sentence decoder state: SSRU cells and the cached cross-attention keys/values."""

    cells: list[Tensor]  # dec_depth x [B, dim]
    keys: list[Tensor]  # dec_depth x [B, H, S, dh]
    values: list[Tensor]
    mask: Tensor  # [B, 1, 1, S] additive


class MarianTransformer(nn.Module):
    """Transformer encoder + SSRU decoder with Marian's parameter names."""

    def __init__(self, arch: Architecture, weights: dict[str, FloatArray]) -> None:
        super().__init__()
        self.arch = arch
        full = dict(weights)
        full.setdefault("decoder_ff_logit_out_b", output_bias(weights, arch))
        self.params = nn.ParameterDict({k: nn.Parameter(torch.from_numpy(v.copy())) for k, v in full.items()})
        self.src_emb = source_embedding_name(weights)
        self.tgt_emb = target_embedding_name(weights)
        self.out_w = output_matrix_name(weights)
        self.register_buffer("pe", torch.from_numpy(positions(1024, arch.dim)), persistent=False)
        self.emb_scale = math.sqrt(arch.dim)

    # -- building blocks --------------------------------------------------------------------------------------------
    def p(self, name: str) -> Tensor:
        """A parameter by Marian name."""
        param: Tensor = self.params[name]
        return param

    def _lin(self, x: Tensor, w: str, b: str | None) -> Tensor:
        return F.linear(x, self.p(w), self.p(b) if b else None)

    def _ln(self, x: Tensor, prefix: str) -> Tensor:
        return F.layer_norm(
            x, (self.arch.dim,), self.p(prefix + "_ln_scale"), self.p(prefix + "_ln_bias"), LN_EPS
        )

    def _heads(self, x: Tensor) -> Tensor:
        b, t, _ = x.shape
        return x.view(b, t, self.arch.heads, self.arch.head_dim).transpose(1, 2)

    def _attend(self, q: Tensor, k: Tensor, v: Tensor, mask: Tensor) -> Tensor:
        z = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.arch.head_dim) + mask
        o = torch.matmul(torch.softmax(z, dim=-1), v)
        b, _, t, _ = o.shape
        return o.transpose(1, 2).reshape(b, t, self.arch.dim)

    def _ffn(self, x: Tensor, prefix: str) -> Tensor:
        y = x
        for i in range(1, self.arch.ffn_depth + 1):
            y = self._lin(y, f"{prefix}_W{i}", f"{prefix}_b{i}")
            if i < self.arch.ffn_depth:
                y = torch.relu(y) if self.arch.activation == "relu" else F.silu(y)
        return self._ln(y + x, prefix + "_ffn")

    # -- encoder ----------------------------------------------------------------------------------------------------
    def encode(self, src: Tensor, src_mask: Tensor) -> Tensor:
        """Encode ``src`` ids ``[B, S]``; ``src_mask`` is 1 for real tokens, 0 for padding."""
        s = src.shape[1]
        pe: Tensor = self.pe  # type: ignore[assignment]
        x = F.embedding(src, self.p(self.src_emb)) * self.emb_scale + pe[:s]
        mask = ((1.0 - src_mask.float()) * MASK_VALUE)[:, None, None, :]
        for n in range(1, self.arch.enc_depth + 1):
            pre = f"encoder_l{n}_self"
            q = self._heads(self._lin(x, pre + "_Wq", pre + "_bq"))
            k = self._heads(self._lin(x, pre + "_Wk", pre + "_bk"))
            v = self._heads(self._lin(x, pre + "_Wv", pre + "_bv"))
            o = self._lin(self._attend(q, k, v, mask), pre + "_Wo", pre + "_bo")
            x = self._ln(o + x, pre + "_Wo")
            x = self._ffn(x, f"encoder_l{n}_ffn")
        return x

    # -- decoder ----------------------------------------------------------------------------------------------------
    def start_state(self, memory: Tensor, src_mask: Tensor) -> DecoderState:
        """Cache cross-attention keys/values and zero the SSRU cells."""
        b = memory.shape[0]
        keys, values = [], []
        for n in range(1, self.arch.dec_depth + 1):
            pre = f"decoder_l{n}_context"
            keys.append(self._heads(self._lin(memory, pre + "_Wk", pre + "_bk")))
            values.append(self._heads(self._lin(memory, pre + "_Wv", pre + "_bv")))
        cells = [memory.new_zeros(b, self.arch.dim) for _ in range(self.arch.dec_depth)]
        mask = ((1.0 - src_mask.float()) * MASK_VALUE)[:, None, None, :]
        return DecoderState(cells, keys, values, mask)

    def embed_targets(self, prev: Tensor, start: int) -> Tensor:
        """Decoder inputs for previous-token ids ``[B, T]`` at positions ``start..``; id -1 means "no token"."""
        emb = F.embedding(prev.clamp(min=0), self.p(self.tgt_emb)) * self.emb_scale
        emb = emb * (prev >= 0).unsqueeze(-1).to(emb.dtype)
        pe: Tensor = self.pe  # type: ignore[assignment]
        return emb + pe[start : start + prev.shape[1]]

    def decode(self, x: Tensor, state: DecoderState) -> Tensor:
        """Run the decoder over inputs ``x`` ``[B, T, dim]`` (T >= 1), updating ``state``; returns hidden states."""
        return self.decode_with_attention(x, state)[0]

    def decode_with_attention(self, x: Tensor, state: DecoderState) -> tuple[Tensor, Tensor]:
        """Like :meth:`decode`, also returning the last layer's cross-attention averaged over heads ``[B, T, S]``
        (the same quantity the ONNX decoder step outputs as ``attention``; used to place glossary terms)."""
        attention = x.new_zeros(1)
        for n in range(1, self.arch.dec_depth + 1):
            pre = f"decoder_l{n}_rnn"
            u = F.linear(x, self.p(pre + "_W"))
            f = torch.sigmoid(self._lin(x, pre + "_Wf", pre + "_bf"))
            c = state.cells[n - 1]
            outs = []
            for t in range(x.shape[1]):
                c = f[:, t] * c + (1.0 - f[:, t]) * u[:, t]
                outs.append(c)
            state.cells[n - 1] = c
            x = self._ln(torch.relu(torch.stack(outs, dim=1)) + x, pre + "_ffn")
            pre = f"decoder_l{n}_context"
            q = self._heads(self._lin(x, pre + "_Wq", pre + "_bq"))
            z = (
                torch.matmul(q, state.keys[n - 1].transpose(-1, -2)) / math.sqrt(self.arch.head_dim)
                + state.mask
            )
            probs = torch.softmax(z, dim=-1)
            attention = probs.mean(dim=1)
            o = torch.matmul(probs, state.values[n - 1])
            b, _, t, _ = o.shape
            o = self._lin(o.transpose(1, 2).reshape(b, t, self.arch.dim), pre + "_Wo", pre + "_bo")
            x = self._ln(o + x, pre + "_Wo")
            x = self._ffn(x, f"decoder_l{n}_ffn")
        return x, attention

    def allowed_mask(self, batch_size: int, candidates: Sequence[np.ndarray] | None) -> Tensor:
        """Additive output mask ``[B, V]``: 0 for each row's shortlist ids, -inf elsewhere and for ``<unk>``."""
        allowed = torch.full((batch_size, self.arch.vocab_size), float("-inf"))
        for i in range(batch_size):
            if candidates is None:
                allowed[i] = 0.0
            else:
                allowed[i, torch.from_numpy(np.asarray(candidates[i], dtype=np.int64))] = 0.0
        allowed[:, UNK_ID] = float("-inf")
        return allowed

    def logits(self, hidden: Tensor, candidates: Tensor | None = None) -> Tensor:
        """Output scores, over the full vocabulary or the ``candidates`` ids."""
        w = self.p(self.out_w)
        b = self.p("decoder_ff_logit_out_b")
        if candidates is not None:
            w, b = w[candidates], b[candidates]
        return F.linear(hidden, w, b)

    def forward(self, src: Tensor, src_mask: Tensor, tgt_in: Tensor) -> Tensor:
        """Teacher-forced log-probabilities over the full vocabulary for training: ``[B, T, V]``.

        ``tgt_in`` holds the previous-token ids for each position (-1 at position 0, EOS-padded after the end).
        """
        memory = self.encode(src, src_mask)
        state = self.start_state(memory, src_mask)
        hidden = self.decode(self.embed_targets(tgt_in, 0), state)
        return torch.log_softmax(self.logits(hidden), dim=-1)

    # -- search -----------------------------------------------------------------------------------------------------
    @torch.no_grad()
    def greedy(
        self, batch: Sequence[Sequence[int]], candidates: Sequence[np.ndarray] | None = None
    ) -> list[list[int]]:
        """Greedy decoding as Marian does it (shortlist per sentence, ``<unk>`` banned, max length 2.5 x source)."""
        src, src_mask = pad_batch(batch)
        b = src.shape[0]
        memory = self.encode(src, src_mask)
        state = self.start_state(memory, src_mask)
        allowed = self.allowed_mask(b, candidates)
        limits = [math.ceil(2.5 * len(seq)) for seq in batch]
        prev = torch.full((b, 1), -1, dtype=torch.long)
        out: list[list[int]] = [[] for _ in range(b)]
        done = [False] * b
        for t in range(max(limits)):
            hidden = self.decode(self.embed_targets(prev, t), state)
            scores = self.logits(hidden[:, 0]) + allowed
            nxt = scores.argmax(dim=-1)
            for i in range(b):
                if not done[i]:
                    out[i].append(int(nxt[i]))
                    done[i] = int(nxt[i]) == EOS_ID or len(out[i]) >= limits[i]
            if all(done):
                break
            prev = nxt.unsqueeze(1)
        return out

    @torch.no_grad()
    def beam(
        self,
        source: Sequence[int],
        candidates: np.ndarray | None = None,
        beam_size: int = 4,
        normalize: float = 1.0,
    ) -> list[int]:
        """Beam search for one sentence; hypotheses ranked by sum of log-probabilities / length**normalize."""
        src, src_mask = pad_batch([source])
        memory = self.encode(src, src_mask)
        cand = torch.from_numpy(np.asarray(candidates, dtype=np.int64)) if candidates is not None else None
        limit = math.ceil(2.5 * len(source))
        state = self.start_state(memory, src_mask)
        hyps: list[tuple[list[int], float]] = [([], 0.0)]
        finished: list[tuple[list[int], float]] = []
        for t in range(limit):
            k = len(hyps)
            prev = torch.tensor([[h[0][-1] if h[0] else -1] for h in hyps], dtype=torch.long)
            hidden = self.decode(self.embed_targets(prev, t), state)
            logits = self.logits(hidden[:, 0], cand)
            ids = cand if cand is not None else torch.arange(self.arch.vocab_size)
            logits[:, ids == UNK_ID] = float("-inf")
            logp = torch.log_softmax(logits, dim=-1)
            total = logp + torch.tensor([h[1] for h in hyps])[:, None]
            top = torch.topk(total.view(-1), min(beam_size, total.numel()))
            new_hyps: list[tuple[list[int], float]] = []
            rows: list[int] = []
            for score, flat in zip(top.values.tolist(), top.indices.tolist(), strict=True):
                row, col = divmod(flat, logp.shape[1])
                token = int(ids[col])
                seq = [*hyps[row][0], token]
                if token == EOS_ID or t + 1 == limit:
                    finished.append((seq, score / (len(seq) ** normalize)))
                else:
                    new_hyps.append((seq, score))
                    rows.append(row)
            if not new_hyps or len(finished) >= beam_size:
                break
            index = torch.tensor(rows)
            state = DecoderState(
                [c[index] for c in state.cells],
                [kk.expand(k, -1, -1, -1)[index] for kk in state.keys],
                [vv.expand(k, -1, -1, -1)[index] for vv in state.values],
                state.mask.expand(k, -1, -1, -1)[index],
            )
            hyps = new_hyps
        best = max(
            finished or [(h[0], h[1] / max(1, len(h[0])) ** normalize) for h in hyps], key=lambda h: h[1]
        )
        return best[0]


def pad_batch(batch: Sequence[Sequence[int]]) -> tuple[Tensor, Tensor]:
    """Right-pad source id sequences: ids ``[B, S]`` and a mask (1 real, 0 padding)."""
    width = max(len(seq) for seq in batch)
    src = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.float32)
    for i, seq in enumerate(batch):
        src[i, : len(seq)] = torch.tensor(list(seq), dtype=torch.long)
        mask[i, : len(seq)] = 1.0
    return src, mask
