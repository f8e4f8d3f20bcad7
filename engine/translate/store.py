"""Palavra's converted translation models: conversion, atomic install, listing, activation.

A converted model is a folder ``<data>/models/<slug>/`` holding ``encoder.onnx``, ``decoder.onnx`` (int8),
``embeddings.npz`` (the int8 embedding/output tables), the vocabularies, the shortlist and ``manifest.json`` (written last).
Installs go to a temporary folder on the same filesystem, are validated by opening sessions and translating a
sentence, and only then renamed into place. The active model of each pair is recorded in ``active.json``, replaced
atomically.
"""

from __future__ import annotations

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
from engine.translate.architecture import Architecture
from engine.translate.embeddings import Embeddings
from engine.translate.marian import FloatArray, read_marian
from engine.translate.model_folder import SourceModel

log = logging.getLogger(__name__)

FORMAT_VERSION = 3
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


def installed_models() -> list[InstalledModel]:
    """Every valid converted model (folders without a manifest, i.e. unfinished, are ignored)."""
    found: dict[str, InstalledModel] = {}
    for root in search_dirs():
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            manifest = folder / MANIFEST
            if folder.name.startswith(".") or not manifest.is_file():
                continue
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                log.warning("ignoring model folder with unreadable manifest: %s", folder)
                continue
            if data.get("format") != FORMAT_VERSION:
                continue
            name = str(data["name"])
            found.setdefault(
                name,
                InstalledModel(
                    name, data["source"], data["target"], data.get("kind", "imported"), folder, data
                ),
            )
    return list(found.values())


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


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StorageError(
            f"Could not save {path.name}: {exc.strerror or exc}. Check the free disk space."
        ) from exc


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
    final = root / slug(name)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{slug(name)}-", dir=root))
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
            "architecture": arch.__dict__,
            "files": {p.name: _sha256(p) for p in sorted(tmp.iterdir())},
            **(extra or {}),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        installed = InstalledModel(name, source, target, kind, tmp, manifest)
        if validate is not None:
            validate(tmp)
        report(5, total)
        _swap_into_place(tmp, final)
        report(total, total)
        log.info("installed model %s in %s", name, final)
        return InstalledModel(name, source, target, kind, final, installed.manifest)
    except OSError as exc:
        raise StorageError(
            f"Could not write the converted model to {root}: {exc.strerror or exc}. "
            "Free some disk space and try again; your existing models are unchanged."
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
    pair = f"{model.source}-{model.target}"
    if active_models().get(pair) == name:
        set_active(pair, None)
    trash = model.folder.with_name(f".trash-{model.folder.name}-{os.getpid()}")
    os.replace(model.folder, trash)  # gone from listings at once, even if the deletion below is interrupted
    shutil.rmtree(trash, ignore_errors=True)


def _swap_into_place(tmp: Path, final: Path) -> None:
    """Rename the finished folder into place; an older folder of the same name is replaced, never half-written."""
    if final.exists():
        old = final.with_name(f".old-{final.name}-{os.getpid()}")
        os.replace(final, old)
        os.replace(tmp, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, final)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_files(model: InstalledModel) -> None:
    """Check every file of an installed model against its manifest checksum.

    Raises:
        CorruptModelError: a file is missing or changed.
    """
    for filename, digest in model.manifest.get("files", {}).items():
        path = model.folder / filename
        if not path.is_file():
            raise ModelNotFoundError(
                f"The model '{model.name}' is missing {filename}. Run 'palavra models prepare' or re-import it."
            )
        if _sha256(path) != digest:
            raise CorruptModelError(
                f"The model '{model.name}' is damaged ({filename} changed). Run 'palavra models prepare' or "
                "re-import it.",
                detail=str(path),
            )
