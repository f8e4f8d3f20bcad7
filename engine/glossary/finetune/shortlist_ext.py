"""Writing a lexical shortlist extended with glossary terms, so an adapted model can write every term piece."""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from engine.translate.shortlist import MAGIC, Shortlist, checksum, read_shortlist


def extend_shortlist(
    source: Path, destination: Path, additions: Iterable[tuple[Iterable[int], Iterable[int]]]
) -> Shortlist:
    """Copy a Marian shortlist, adding target ids to the candidate lists of source ids.

    Args:
        source: the base model's ``lex.*.s2t.bin``.
        destination: where to write the extended shortlist.
        additions: (source term piece ids, target term piece ids) per glossary entry.

    Returns:
        The extended shortlist, read back from ``destination``.
    """
    base = read_shortlist(source)
    extra: dict[int, set[int]] = {}
    for src_ids, tgt_ids in additions:
        targets = set(int(t) for t in tgt_ids)
        for s in src_ids:
            if 0 <= int(s) < base.source_vocab_size:
                extra.setdefault(int(s), set()).update(targets)
    lists: list[np.ndarray] = []
    offsets = [0]
    for s in range(base.source_vocab_size):
        current = base.candidates_for(s)
        if s in extra:
            current = np.union1d(current, np.fromiter(extra[s], dtype=np.int64))
        lists.append(current.astype(np.uint32))
        offsets.append(offsets[-1] + int(current.shape[0]))
    body = np.asarray(offsets, dtype="<u8").tobytes() + np.concatenate(lists).astype("<u4").tobytes()
    header_tail = struct.pack("<QQQQ", base.first_num, base.best_num, len(offsets), offsets[-1])
    data = bytearray(struct.pack("<QQ", MAGIC, 0) + header_tail + body)
    data[8:16] = struct.pack("<Q", checksum(bytes(data)))
    tmp = destination.with_suffix(".tmp")
    tmp.write_bytes(bytes(data))
    tmp.replace(destination)
    return read_shortlist(destination)
