"""Term-aware greedy decoding on the PyTorch port: the glossary's target term is written where the model
translates the source term.

At each step the decoder's cross-attention says which source tokens the model is translating. When the model is
about to start a new word while it attends to a glossary term's source tokens, the term's target pieces are
forced instead of the model's own choice; the decoder then continues from them, so the rest of the sentence
agrees with the term. A term the model never attended to at a word boundary (rare) is forced in a second pass at
the step where its attention was highest. Terms are never appended at the end.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import Tensor

from engine.cancel import CancelToken, ProgressCallback, check
from engine.glossary.align import ATTENTION_THRESHOLD, Constraint, TermAligner
from engine.glossary.model import GlossaryEntry
from engine.translate.shortlist import Shortlist
from engine.translate.torch_model import DecoderState, MarianTransformer, pad_batch
from engine.translate.vocab import EOS_ID, UNK_ID


@dataclass
class _Row:
    constraints: Sequence[Constraint]
    plan: dict[int, int] = field(default_factory=dict)  # step -> constraint forced at that step (second pass)
    pending: set[int] = field(default_factory=set)
    queue: list[int] = field(default_factory=list)
    out: list[int] = field(default_factory=list)
    done: bool = False
    best_step: dict[int, tuple[float, int]] = field(default_factory=dict)  # constraint -> (mass, step)


def decode_step(model: MarianTransformer, x: Tensor, state: DecoderState) -> tuple[Tensor, Tensor]:
    """One decoder step that also returns the cross-attention over the source.

    Args:
        model: the PyTorch port.
        x: decoder inputs ``[B, 1, dim]``.
        state: updated in place.

    Returns:
        Hidden states ``[B, dim]`` and attention ``[B, S]`` (last layer, mean over heads).
    """
    hidden, attention = model.decode_with_attention(x, state)
    return hidden[:, 0], attention[:, 0]


@torch.no_grad()
def constrained_greedy(
    model: MarianTransformer,
    batch: Sequence[Sequence[int]],
    constraints: Sequence[Sequence[Constraint]],
    candidates: Sequence[np.ndarray] | None,
    word_start: np.ndarray,
    *,
    function_word: np.ndarray | None = None,
    cancel: CancelToken | None = None,
) -> list[list[int]]:
    """Greedy decoding that writes each row's glossary terms where the model translates them.

    Args:
        model: the PyTorch port.
        batch: source ids per sentence (each ending with EOS).
        constraints: the terms to write, per sentence.
        candidates: shortlist per sentence (the terms' pieces are added), or ``None`` for the full vocabulary.
        word_start: boolean mask over the vocabulary: pieces that begin a new word.
        function_word: boolean mask over the vocabulary: articles and prepositions, written before a term.
        cancel: checked between steps.

    Returns:
        Output ids per sentence (without the final EOS).
    """
    boundary = word_start.copy()
    if function_word is not None:
        boundary &= ~function_word
    rows = [_Row(list(c)) for c in constraints]
    result = _run(model, batch, rows, candidates, boundary, cancel)
    retry = [i for i, row in enumerate(rows) if row.pending and row.best_step]
    if retry:
        second = []
        for i in retry:
            plan = {step: j for j, (_, step) in rows[i].best_step.items() if j in rows[i].pending}
            second.append(_Row(rows[i].constraints, plan=plan))
        redo = _run(
            model,
            [batch[i] for i in retry],
            second,
            [candidates[i] for i in retry] if candidates is not None else None,
            boundary,
            cancel,
        )
        for i, out in zip(retry, redo, strict=True):
            result[i] = out
    return result


def _run(
    model: MarianTransformer,
    batch: Sequence[Sequence[int]],
    rows: list[_Row],
    candidates: Sequence[np.ndarray] | None,
    word_start: np.ndarray,
    cancel: CancelToken | None,
) -> list[list[int]]:
    src, src_mask = pad_batch(batch)
    b = src.shape[0]
    memory = model.encode(src, src_mask)
    state = model.start_state(memory, src_mask)
    vocab = model.arch.vocab_size
    allowed = torch.full((b, vocab), float("-inf"))
    for i, row in enumerate(rows):
        if candidates is None:
            allowed[i] = 0.0
        else:
            allowed[i, torch.from_numpy(np.asarray(candidates[i], dtype=np.int64))] = 0.0
        for c in row.constraints:
            allowed[i, list(c.target_ids)] = 0.0
        row.pending = set(range(len(row.constraints)))
    allowed[:, UNK_ID] = float("-inf")
    extra = [sum(len(c.target_ids) for c in row.constraints) for row in rows]
    limits = [math.ceil(2.5 * len(seq)) + e for seq, e in zip(batch, extra, strict=True)]
    prev = torch.full((b, 1), -1, dtype=torch.long)
    for t in range(max(limits)):
        check(cancel, "The translation")
        hidden, attention = decode_step(model, model.embed_targets(prev, t), state)
        scores = model.logits(hidden) + allowed
        best = scores.argmax(dim=-1).tolist()
        attn = attention.numpy()
        nxt = []
        for i, row in enumerate(rows):
            token = _choose(row, t, int(best[i]), attn[i], word_start) if not row.done else EOS_ID
            if not row.done:
                row.out.append(token)
                row.done = (token == EOS_ID and not row.queue) or len(row.out) >= limits[i]
            nxt.append(token)
        if all(row.done for row in rows):
            break
        prev = torch.tensor(nxt, dtype=torch.long).unsqueeze(1)
    return [row.out[:-1] if row.out and row.out[-1] == EOS_ID else row.out for row in rows]


def _choose(row: _Row, step: int, token: int, attn: np.ndarray, word_start: np.ndarray) -> int:
    if row.queue:
        return row.queue.pop(0)
    if not row.pending:
        return token
    boundary = token == EOS_ID or bool(word_start[token])
    chosen: int | None = None
    if row.plan.get(step) in row.pending:
        chosen = row.plan[step]
    elif boundary and token != EOS_ID:
        peak = int(attn.argmax())
        best_mass = 0.0
        for j in sorted(row.pending):
            c = row.constraints[j]
            mass = float(attn[c.start : c.end].sum())
            if boundary and mass > row.best_step.get(j, (-1.0, 0))[0]:
                row.best_step[j] = (mass, step)
            if (c.start <= peak < c.end or mass >= ATTENTION_THRESHOLD) and mass > best_mass:
                chosen, best_mass = j, mass
    if chosen is None:
        return token
    row.pending.discard(chosen)
    c = row.constraints[chosen]
    pieces = list(c.capitalized_ids if step == 0 and c.capitalized_ids else c.target_ids)
    row.queue = pieces[1:]
    return pieces[0]


# -- aligned substitution ---------------------------------------------------------------------------------


@torch.no_grad()
def greedy_with_attention(
    model: MarianTransformer,
    batch: Sequence[Sequence[int]],
    candidates: Sequence[np.ndarray] | None,
    *,
    cancel: CancelToken | None = None,
) -> list[tuple[list[int], np.ndarray]]:
    """The base model's greedy decoding, also returning each output token's attention over the source.

    Returns:
        Per sentence: output ids (without EOS) and attention ``[len(ids), source length]``.
    """
    src, src_mask = pad_batch(batch)
    b = src.shape[0]
    memory = model.encode(src, src_mask)
    state = model.start_state(memory, src_mask)
    allowed = model.allowed_mask(b, candidates)
    limits = [math.ceil(2.5 * len(seq)) for seq in batch]
    prev = torch.full((b, 1), -1, dtype=torch.long)
    outs: list[list[int]] = [[] for _ in range(b)]
    attns: list[list[np.ndarray]] = [[] for _ in range(b)]
    done = [False] * b
    for t in range(max(limits)):
        check(cancel, "The translation")
        hidden, attention = decode_step(model, model.embed_targets(prev, t), state)
        nxt = (model.logits(hidden) + allowed).argmax(dim=-1)
        att = attention.numpy()
        for i in range(b):
            if done[i]:
                continue
            token = int(nxt[i])
            done[i] = token == EOS_ID or len(outs[i]) + 1 >= limits[i]
            if token != EOS_ID:
                outs[i].append(token)
                attns[i].append(att[i, : len(batch[i])])
        if all(done):
            break
        prev = nxt.unsqueeze(1)
    return [
        (o, np.stack(a) if a else np.zeros((0, len(seq)), dtype=np.float32))
        for o, a, seq in zip(outs, attns, batch, strict=True)
    ]


class TermAwareTranslator:
    """Term-aware translation on the PyTorch port (used to evaluate fine-tuned weights before export).

    Args:
        model: the PyTorch port, in eval mode.
        vocab_path: the SentencePiece model shared by source and target.
        shortlist: the lexical shortlist, or ``None`` to decode over the full vocabulary.
        entries: the glossary (may be empty: plain translation).
    """

    def __init__(
        self,
        model: MarianTransformer,
        vocab_path: Path,
        shortlist: Shortlist | None,
        entries: Sequence[GlossaryEntry],
    ) -> None:
        self.model = model
        self.shortlist = shortlist
        self.aligner = TermAligner(vocab_path, entries)

    def translate(
        self,
        sentences: Sequence[str],
        *,
        method: str = "align",
        batch_size: int = 32,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[str]:
        """Translate single sentences with the glossary enforced.

        Args:
            sentences: source sentences.
            method: ``"align"`` (the model's rendering of each term, found by attention, is replaced by the
                term), ``"force"`` (the term's pieces are forced into the decoding) or ``"none"``.
            batch_size: sentences decoded together (sorted by length).
            on_progress: called with (sentences done, total).
            cancel: stops between batches and steps.

        Returns:
            One translation per sentence, in order.
        """
        al = self.aligner
        prepared = [al.prepare(s) for s in sentences]
        order = sorted(range(len(sentences)), key=lambda i: len(prepared[i][0]))
        results = [""] * len(sentences)
        for k in range(0, len(order), batch_size):
            check(cancel, "The translation")
            chunk = order[k : k + batch_size]
            ids = [prepared[i][0] for i in chunk]
            cons = [prepared[i][1] if method != "none" else [] for i in chunk]
            cands = [self.shortlist.candidates(x) for x in ids] if self.shortlist is not None else None
            if method == "force":
                outs = constrained_greedy(
                    self.model, ids, cons, cands, al.word_start, function_word=al.function_word, cancel=cancel
                )
            else:
                decoded = greedy_with_attention(self.model, ids, cands, cancel=cancel)
                outs = [al.finish(o, a, c) for (o, a), c in zip(decoded, cons, strict=True)]
            for i, out in zip(chunk, outs, strict=True):
                results[i] = al.decode(out)
            if on_progress is not None:
                on_progress(min(k + batch_size, len(order)), len(order))
        return results
