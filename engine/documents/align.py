"""Word alignment of a sentence and its translation, from the translation model's own cross-attention.

Inline formatting (a bold word, a link inside a sentence) is carried onto the words of the translation that the
decoder attended to when it wrote them, as Bergamot's HTML mode does with its alignments. The translation itself is
made as usual (cache, glossary, threads); the aligner then feeds the finished translation back through the decoder
(teacher forcing, no search) and reads, for each target token, the source token its attention weighs most.

Only sentences that carry inline formatting are aligned, so plain documents pay nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from engine.translate.service import LoadedModel


@dataclass(frozen=True, eq=False)
class Alignment:
    """Soft word alignment of one (source, translation) pair.

    Attributes:
        source: character span of each source token (the final EOS left out).
        target: character span of each target token.
        weights: ``[target tokens, source tokens]``: how much each target token attended to each source token.
    """

    source: tuple[tuple[int, int], ...]
    target: tuple[tuple[int, int], ...]
    weights: npt.NDArray[np.float32]


#: ``align([(source sentence, translated sentence), ...]) -> one Alignment per pair``.
AlignFn = Callable[[Sequence[tuple[str, str]]], list[Alignment]]

#: Pairs force-decoded together (sorted by length, so little padding).
_BATCH = 32


@dataclass(frozen=True)
class _Tokens:
    ids: list[int]
    spans: list[tuple[int, int]]  # character offsets of each id (EOS: an empty span at the end)


class _Pieces:
    """SentencePiece with character offsets (the model's :class:`Vocab` gives ids only)."""

    def __init__(self, path: str) -> None:
        import sentencepiece as spm

        self._sp = spm.SentencePieceProcessor(model_file=path)
        self._lock = threading.Lock()

    def tokens(self, text: str) -> _Tokens:
        with self._lock:
            proto = self._sp.encode(text, return_type="proto")
        raw = text.encode("utf-8")
        # byte offset -> character offset
        char_at = np.zeros(len(raw) + 1, dtype=np.int64)
        pos = 0
        for i, ch in enumerate(text):
            n = len(ch.encode("utf-8"))
            char_at[pos : pos + n] = i
            pos += n
        char_at[pos] = len(text)
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        for piece in proto.pieces:
            start, end = int(char_at[piece.begin]), int(char_at[piece.end])
            while start < end and text[start].isspace():  # "▁word" covers the space before the word
                start += 1
            ids.append(int(piece.id))
            spans.append((start, end))
        ids.append(0)
        spans.append((len(text), len(text)))
        return _Tokens(ids, spans)


class Aligner:
    """Aligns sentences and their translations with one loaded model (thread-safe).

    Args:
        loaded: the model that made the translations (``Engine().translation.model(source, target, name)``).
        threads: batches force-decoded at once, each on its own thread (the model's sessions are single-threaded,
            as translation uses them; ONNX Runtime releases the GIL while it runs, so two threads use two cores).
    """

    def __init__(self, loaded: LoadedModel, *, threads: int = 1) -> None:
        self.translator = loaded.translator
        self.threads = max(1, threads)
        self.source = _Pieces(str(loaded.source_vocab.path))
        target_path = loaded.target_vocab.path
        self.target = self.source if target_path == loaded.source_vocab.path else _Pieces(str(target_path))

    def __call__(self, pairs: Sequence[tuple[str, str]]) -> list[Alignment]:
        """One :data:`Alignment` per (source, translation) pair."""
        src = [self.source.tokens(s) for s, _ in pairs]
        tgt = [self.target.tokens(t) for _, t in pairs]
        out: list[Alignment | None] = [None] * len(pairs)
        order = sorted(range(len(pairs)), key=lambda k: (len(src[k].ids), len(tgt[k].ids)))
        size = max(1, min(_BATCH, -(-len(order) // self.threads)))  # every thread gets a share
        chunks = [order[k : k + size] for k in range(0, len(order), size)]

        def run(chunk: list[int]) -> list[npt.NDArray[np.float32]]:
            return self._attention([src[i].ids for i in chunk], [tgt[i].ids for i in chunk])

        if self.threads > 1 and len(chunks) > 1:
            with ThreadPoolExecutor(max_workers=min(self.threads, len(chunks))) as pool:
                results = list(pool.map(run, chunks))
        else:
            results = [run(chunk) for chunk in chunks]
        for chunk, attention in zip(chunks, results, strict=True):
            for i, att in zip(chunk, attention, strict=True):
                out[i] = Alignment(
                    tuple(src[i].spans[:-1]), tuple(tgt[i].spans[:-1]), np.ascontiguousarray(att[:-1, :-1])
                )
        return [a if a is not None else Alignment((), (), np.zeros((0, 0), np.float32)) for a in out]

    def _attention(self, sources: list[list[int]], targets: list[list[int]]) -> list[npt.NDArray[np.float32]]:
        """Cross-attention ``[target tokens, source tokens]`` of each pair, the target given (teacher forcing)."""
        tr = self.translator
        b = len(sources)
        width = max(len(s) for s in sources)
        steps = max(len(t) for t in targets)
        src = np.zeros((b, width), dtype=np.int64)
        mask = np.zeros((b, width), dtype=np.float32)
        for i, seq in enumerate(sources):
            src[i, : len(seq)] = seq
            mask[i, : len(seq)] = 1.0
        enc = tr.encoder.run(None, {"src_emb": tr.embeddings.embed_source(src), "src_mask": mask})
        mask_bias, keys, values = enc[0], enc[1::2], enc[2::2]
        forced = np.zeros((b, steps), dtype=np.int64)
        for i, seq in enumerate(targets):
            forced[i, : len(seq)] = seq
        # the graph needs an output layer but its logits are not used: one column, in the decoder's own format
        # (int8 rows as stored for an int8 output layer, dequantized otherwise)
        _cand, out_w, out_b = tr.output_layer([np.zeros(1, dtype=np.int64)] * b)
        cells = [np.zeros((b, tr.dim), dtype=np.float32) for _ in range(tr.dec_depth)]
        prev = np.zeros(b, dtype=np.int64)
        att_all = np.zeros((b, steps, width), dtype=np.float32)
        for step in range(steps):
            feed: dict[str, object] = {
                "dec_in": tr.embeddings.embed_target(prev, step),
                "mask_bias": mask_bias,
                "out_w": out_w,
                "out_b": out_b,
            }
            for layer in range(tr.dec_depth):
                feed[f"cells_{layer + 1}"] = cells[layer]
                feed[f"keys_{layer + 1}"] = keys[layer]
                feed[f"values_{layer + 1}"] = values[layer]
            _logits, *cells, attention = tr.decoder.run(None, feed)
            att_all[:, step, :] = attention
            prev = forced[:, step]
        return [att_all[i, : len(t), : len(s)] for i, (s, t) in enumerate(zip(sources, targets, strict=True))]
