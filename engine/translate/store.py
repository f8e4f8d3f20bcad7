"""Palavra's converted translation models: conversion, atomic install, listing, activation.

A converted model is a folder ``<data>/models/<slug>/`` holding ``encoder.onnx``, ``decoder.onnx`` (int8),
``embeddings.npz`` (the int8 embedding/output tables), the vocabularies, the shortlist and ``manifest.json`` (written last).
Installs go to a temporary folder on the same filesystem, are validated by opening sessions and translating a
sentence, and only then published by one rename as the next version (:mod:`engine.models.registry` owns the layout).
The active model of each pair is recorded in ``active.json``, replaced atomically.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine import paths
from engine.cancel import CancelToken, ProgressCallback, check
from engine.errors import CorruptModelError, InputError, ModelNotFoundError, StorageError
from engine.models import registry
from engine.translate.architecture import Architecture
from engine.translate.embeddings import Embeddings
from engine.translate.marian import FloatArray, read_marian
from engine.translate.model_folder import SourceModel

log = logging.getLogger(__name__)

FORMAT_VERSION = 3
#: The manifest's ``output_layer`` for a decoder whose output layer is int8 (models converted before it was have no
#: such entry and a float output layer: they still translate the same, more slowly).
OUTPUT_LAYER_INT8 = "int8"
MANIFEST = "manifest.json"
ENV_MODELS = "PALAVRA_MODELS_DIR"


@dataclass(frozen=True)
class InstalledModel:
    """A converted model folder and what its manifest says."""

    name: str
    source: str
    target: str
    kind: str  # "shipped" | "imported" | "adapted"
    folder: Path
    manifest: dict[str, Any]

    @property
    def size_bytes(self) -> int:
        """Bytes on disk."""
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())


def slug(name: str) -> str:
    """A folder name for a model name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "model"


def search_dirs() -> list[Path]:
    """Where converted models are looked for: ``$PALAVRA_MODELS_DIR`` first, then the data folder."""
    dirs = []
    override = os.environ.get(ENV_MODELS)
    if override:
        dirs.append(Path(override).expanduser())
    dirs.append(paths.models_dir())
    return dirs


_cleaned: set[str] = set()


def installed_models() -> list[InstalledModel]:
    """Every valid converted model: the newest finished version of each (unfinished folders and folders whose
    manifest is damaged are left out, with a warning for the latter: ``palavra models prepare`` rebuilds them)."""
    found: dict[str, InstalledModel] = {}
    writable = paths.models_dir()
    if str(writable) not in _cleaned:  # once per process: what killed runs left behind
        _cleaned.add(str(writable))
        registry.cleanup(writable)
    for root in search_dirs():
        for folder in registry.current_folders(root):
            model = read_manifest(folder)
            if model is not None:
                found.setdefault(model.name, model)
    return list(found.values())


_KINDS = ("shipped", "imported", "adapted")


def read_manifest(folder: Path) -> InstalledModel | None:
    """The model a folder holds, or None (with a warning) when its manifest is unreadable or incomplete."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("ignoring the model folder %s: its manifest cannot be read (%s)", folder.name, exc)
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        log.warning("ignoring the model folder %s: its manifest is of another format", folder.name)
        return None
    fields = [data.get(k) for k in ("name", "source", "target")]
    files = data.get("files")
    if not all(isinstance(v, str) and v for v in fields) or not isinstance(files, dict) or not files:
        log.warning("ignoring the model folder %s: its manifest is incomplete", folder.name)
        return None
    kind = data.get("kind", "imported")
    kind = kind if kind in _KINDS else "imported"
    return InstalledModel(str(fields[0]), str(fields[1]), str(fields[2]), kind, folder, data)


def outdated(model: InstalledModel) -> bool:
    """Whether a model converted with activation scales predates the int8 output layer (a shipped one is then
    converted again: its translations are the same, its decoding a third faster)."""
    manifest = model.manifest
    return manifest.get("quantization") == "static-int8-alphas" and "output_layer" not in manifest


def find_installed(name: str) -> InstalledModel | None:
    """The installed model called ``name``, if any."""
    return next((m for m in installed_models() if m.name == name), None)


# -- activation ---------------------------------------------------------------------------------------------------
def _active_file() -> Path:
    return paths.models_dir() / "active.json"


def active_models() -> dict[str, str]:
    """Pair (``"en-pt"``) -> name of the model chosen for it."""
    try:
        data = json.loads(_active_file().read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def set_active(pair: str, name: str | None) -> None:
    """Choose the model for a pair (``None``: back to the base model); written atomically."""
    current = active_models()
    if name is None:
        current.pop(pair, None)
    else:
        current[pair] = name
    write_json_atomic(_active_file(), current)
    registry.bump(paths.models_dir())


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temporary file beside ``path`` and rename it into place.

    Raises:
        StorageError: the folder cannot be written (read-only, full disk); the file is unchanged.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".tmp-json-p{os.getpid()}-", dir=path.parent)
    except OSError as exc:
        raise StorageError(
            f"Could not save {path.name} in {path.parent}: {exc.strerror or exc}. {write_advice(exc)}",
            detail=repr(exc),
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StorageError(
            f"Could not save {path.name} in {path.parent}: {exc.strerror or exc}. {write_advice(exc)}",
            detail=repr(exc),
        ) from exc


def write_advice(exc: OSError) -> str:
    """What a person can do about a failed write, from its errno (never a guess)."""
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return "The disk is full: free some space and try again; nothing was changed."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "Check that the folder can be written by you; nothing was changed."
    return "Nothing was changed."


# -- conversion ---------------------------------------------------------------------------------------------------
def convert(
    source: SourceModel,
    *,
    name: str | None = None,
    kind: str = "imported",
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> InstalledModel:
    """Convert a Firefox Translations model folder into an installed ONNX int8 model, atomically.

    Raises:
        CorruptModelError: a file of the model is damaged.
        StorageError: the data folder cannot be written (for instance the disk is full).
        Cancelled: ``cancel`` was set; nothing is left behind.
    """
    model = read_marian(source.model)
    arch = Architecture.from_config(model.config)
    return install(
        model.weights,
        arch,
        alphas=model.quant_multipliers or None,
        name=name or source.pair,
        source=source.source,
        target=source.target,
        kind=kind,
        source_vocab=source.source_vocab,
        target_vocab=source.target_vocab,
        shortlist=source.shortlist,
        extra={"origin": str(source.folder), "origin_sha256": _sha256(source.model)},
        on_progress=on_progress,
        cancel=cancel,
    )


def install(
    weights: dict[str, FloatArray],
    arch: Architecture,
    *,
    alphas: dict[str, float] | None,
    name: str,
    source: str,
    target: str,
    kind: str,
    source_vocab: Path,
    target_vocab: Path,
    shortlist: Path | None,
    extra: dict[str, Any] | None = None,
    validate: Callable[[Path], None] | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> InstalledModel:
    """Export weights to ONNX int8 and install them as model ``name`` (replacing a model of that name atomically).

    ``alphas`` are the static int8 activation multipliers (Marian's ``*_QuantMultA``); without them the graphs are
    quantized by ONNX Runtime's dynamic quantization.
    """
    total = 6
    report = on_progress or (lambda _done, _total: None)
    root = paths.models_dir()
    try:
        tmp = registry.scratch(root, slug(name))
    except OSError as exc:
        raise StorageError(f"Cannot write to the models folder {root}: {exc.strerror or exc}.") from exc
    try:
        report(0, total)
        check(cancel, "Model conversion")
        _export(weights, arch, alphas, tmp, report, cancel)
        shutil.copyfile(source_vocab, tmp / "source.spm")
        shutil.copyfile(target_vocab, tmp / "target.spm")
        if shortlist is not None:
            shutil.copyfile(shortlist, tmp / "shortlist.bin")
        Embeddings.from_weights(weights, arch).save(tmp / "embeddings.npz")
        report(4, total)
        check(cancel, "Model conversion")
        manifest = {
            "format": FORMAT_VERSION,
            "name": name,
            "source": source,
            "target": target,
            "kind": kind,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "quantization": "static-int8-alphas" if alphas else "dynamic-int8",
            "output_layer": OUTPUT_LAYER_INT8 if alphas and "Wemb_QuantMultA" in alphas else "float",
            "architecture": arch.__dict__,
            "files": {p.name: _sha256(p) for p in sorted(tmp.iterdir())},
            **(extra or {}),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        installed = InstalledModel(name, source, target, kind, tmp, manifest)
        (validate or validate_folder)(tmp)
        report(5, total)
        final = registry.publish(tmp, root, slug(name))
        report(total, total)
        log.info("installed model %s in %s", name, final)
        return InstalledModel(name, source, target, kind, final, installed.manifest)
    except OSError as exc:
        raise StorageError(
            f"Could not write the converted model to {root}: {exc.strerror or exc}. "
            f"{write_advice(exc).replace('nothing was changed', 'your existing models are unchanged')}",
            detail=repr(exc),
        ) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _export(
    weights: dict[str, FloatArray],
    arch: Architecture,
    alphas: dict[str, float] | None,
    folder: Path,
    report: ProgressCallback,
    cancel: CancelToken | None,
) -> None:
    from engine.translate import onnx_export  # onnx is needed only while converting

    for step, (filename, builder) in enumerate(
        (("encoder.onnx", onnx_export.build_encoder), ("decoder.onnx", onnx_export.build_decoder)), start=1
    ):
        check(cancel, "Model conversion")
        if alphas:
            onnx_export.save(builder(arch, weights, alphas), folder / filename)
        else:
            tmp = folder / f"{filename}.f32"
            onnx_export.save(builder(arch, weights, None), tmp)
            onnx_export.quantize(tmp, folder / filename)
            tmp.unlink()
        report(step * 2 - 1, 6)


def remove(name: str) -> None:
    """Delete an imported or adapted model (shipped base models stay); its pair falls back to the base model.

    Raises:
        ModelNotFoundError: no such model.
        InputError: the model is a shipped base model.
    """
    model = find_installed(name)
    if model is None:
        raise ModelNotFoundError(f"There is no installed model called '{name}'.")
    if model.kind == "shipped":
        raise InputError(f"'{name}' is a base model that ships with Palavra; it cannot be deleted.")
    root = model.folder.parent
    if root != paths.models_dir():
        raise InputError(f"'{name}' is in {root}, which Palavra does not manage; delete it there.")
    pair = f"{model.source}-{model.target}"
    if active_models().get(pair) == name:
        set_active(pair, None)
    try:
        registry.remove(root, registry.split_version(model.folder.name)[0])
    except OSError as exc:
        raise StorageError(
            f"Could not delete '{name}': {exc.strerror or exc}. Check that {root} can be written."
        ) from exc


def validate_folder(folder: Path) -> None:
    """Check a built model before it is published: its sessions open and a sentence translates.

    Raises:
        CorruptModelError: the model cannot be opened or translates to nothing.
    """
    from engine.config import EngineConfig
    from engine.translate.service import LoadedModel

    model = read_manifest(folder)
    if model is None:
        raise CorruptModelError("The new model's manifest could not be written.", detail=str(folder))
    try:
        loaded = LoadedModel(model, EngineConfig())
        ids = loaded.translator.translate_ids([loaded.source_vocab.encode("Hello, how are you?")])[0]
        out = loaded.target_vocab.decode(ids)
    except CorruptModelError:
        raise
    except Exception as exc:
        raise CorruptModelError(
            "The model could not translate a test sentence, so it was not installed. Your models are "
            "unchanged.",
            detail=repr(exc),
        ) from exc
    if not out.strip():
        raise CorruptModelError(
            "The model translated a test sentence to nothing, so it was not installed. Your models are "
            "unchanged."
        )


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    return _sha256(path)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


#: A file changed this short a time before its check is hashed again the next time (it may still be changing within
#: the file system's timestamp resolution; git's "racy" rule for its index).
RACY_SECONDS = 2.0


def verify_files(model: InstalledModel, *, reuse: bool = False) -> None:
    """Check every file of an installed model against its manifest checksum.

    Each file that matches is recorded (size, modification time, checksum) in the cache folder.

    Args:
        model: the installed model.
        reuse: trust a file whose size, modification time and manifest checksum are those recorded when it last
            matched (what loading a model does: hashing 23 MB on every start was a tenth of the command line's
            start-up); without it every file is hashed (``palavra models prepare``, the repair path).

    Raises:
        CorruptModelError: a file is missing or changed.
    """
    recorded = _verified_record(model.folder) if reuse else {}
    matched: dict[str, list[Any]] = {}
    now = time.time()
    for filename, digest in model.manifest.get("files", {}).items():
        path = model.folder / filename
        try:
            st = path.stat()
            regular = path.is_file()
        except OSError:
            regular = False
        if regular:
            signature: list[Any] = [st.st_size, st.st_mtime_ns, digest]
            if recorded.get(filename) == signature:
                matched[filename] = signature
                continue
        if not regular or _sha256(path) != digest:
            what = "is missing" if not regular else "changed"
            raise CorruptModelError(
                f"The model '{model.name}' is damaged ({filename} {what}). Run 'palavra models prepare' to "
                f"repair it, or 'palavra models delete \"{model.name}\"' to remove it.",
                detail=str(path),
            )
        if now - st.st_mtime > RACY_SECONDS:
            matched[filename] = signature
    if matched != recorded:
        _record_verified(model.folder, matched)


def _verified_path(folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return paths.cache_dir(create=False) / "verified" / f"{key}.json"


def _verified_record(folder: Path) -> dict[str, list[Any]]:
    """What the last check of ``folder`` recorded: file name -> [size, mtime_ns, sha256] ({} when unknown)."""
    try:
        data = json.loads(_verified_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("folder") != str(folder.resolve()):
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _record_verified(folder: Path, files: dict[str, list[Any]]) -> None:
    """Keep the record of a check (best effort: a cache folder that cannot be written only costs time)."""
    try:
        paths.cache_dir()
        write_json_atomic(_verified_path(folder), {"folder": str(folder.resolve()), "files": files})
    except (OSError, StorageError) as exc:
        log.debug("checksum record for %s not kept: %s", folder, exc)
