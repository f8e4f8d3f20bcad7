"""SentencePiece vocabulary of a Marian model (ids are Marian ids; ``</s>`` = 0, ``<unk>`` = 1, no BOS)."""

from __future__ import annotations

from pathlib import Path

import sentencepiece as spm

from engine.errors import CorruptModelError, ModelNotFoundError

EOS_ID = 0
UNK_ID = 1


class Vocab:
    """Encodes text to Marian source ids (with the final EOS) and decodes target ids to text."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ModelNotFoundError(f"The vocabulary file {path} is missing. Re-import the model folder.")
        self._sp = spm.SentencePieceProcessor()
        try:
            ok = self._sp.Load(str(path))
        except (OSError, RuntimeError) as exc:
            raise CorruptModelError(
                f"The vocabulary file {path.name} is damaged. Re-import the model folder, or reinstall Palavra.",
                detail=str(exc),
            ) from exc
        if not ok:  # pragma: no cover - Load raises on failure in practice
            raise CorruptModelError(f"The vocabulary file {path.name} could not be read.")
        self.path = path

    def __len__(self) -> int:
        return int(self._sp.GetPieceSize())

    def encode(self, text: str) -> list[int]:
        """Source ids for ``text``, EOS appended."""
        ids: list[int] = self._sp.EncodeAsIds(text)
        return [*ids, EOS_ID]

    def decode(self, ids: list[int]) -> str:
        """Text for target ids (a final EOS is dropped)."""
        if ids and ids[-1] == EOS_ID:
            ids = ids[:-1]
        return str(self._sp.DecodeIds(ids))

    def pieces(self, ids: list[int]) -> list[str]:
        """The SentencePiece pieces for ``ids`` (for debugging and glossary matching)."""
        return [str(self._sp.IdToPiece(i)) for i in ids]

    def piece_to_id(self, piece: str) -> int:
        """Id of a piece (UNK_ID when absent)."""
        return int(self._sp.PieceToId(piece))
