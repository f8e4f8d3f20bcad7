"""Uploaded documents and their translations, kept only until they are downloaded or expire.

Files live under ``<data folder>/server-files/<token>/`` with private permissions; the token is random, so one
client cannot guess another's download. Expired folders are removed whenever a new file arrives.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from starlette.datastructures import UploadFile

from engine.cancel import CancelToken, ProgressCallback
from engine.documents import SUPPORTED_SUFFIXES
from engine.paths import data_dir
from engine.server.runtime import ApiError, Runtime

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class Staged:
    """An upload written to disk: its folder token and path."""

    token: str
    path: Path


class FileStore:
    """The folder of uploads and translated files."""

    def __init__(self, ttl_s: float, max_bytes: int, root: Path | None = None) -> None:
        self._root = root
        self.ttl_s = ttl_s
        self.max_bytes = max_bytes

    @property
    def root(self) -> Path:
        """The folder (created 0700 on first use)."""
        root = self._root or data_dir(True) / "server-files"
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return root

    @staticmethod
    def suffixes() -> frozenset[str]:
        """The document suffixes the server translates."""
        return frozenset(SUPPORTED_SUFFIXES)

    def sweep(self) -> None:
        """Remove folders older than the time to live."""
        cutoff = time.time() - self.ttl_s
        for folder in self.root.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue

    async def stage(self, upload: UploadFile) -> Staged:
        """Write ``upload`` to a new private folder, refusing unsupported kinds and oversized files."""
        name = _safe_name(upload.filename or "")
        suffix = Path(name).suffix.lower()
        if suffix not in self.suffixes():
            kinds = ", ".join(sorted(self.suffixes()))
            raise ApiError(
                400, f"Invalid request: {suffix or 'this kind of file'} is not supported ({kinds})"
            )
        self.sweep()
        token = secrets.token_urlsafe(18)
        folder = self.root / token
        folder.mkdir(mode=0o700)
        path = folder / name
        size = 0
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            while chunk := await upload.read(_CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    out.close()
                    shutil.rmtree(folder, ignore_errors=True)
                    raise ApiError(413, f"The file is larger than {self.max_bytes // (1 << 20)} MB.")
                out.write(chunk)
        return Staged(token, path)

    def lookup(self, token: str, filename: str) -> Path | None:
        """The translated file of ``token`` named ``filename``, or None (also for anything outside the store)."""
        if not _TOKEN.match(token) or _safe_name(filename) != filename:
            return None
        path = self.root / token / filename
        return path if path.is_file() else None


def _safe_name(filename: str) -> str:
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120]
    return base or "document.txt"


def translate_upload(
    runtime: Runtime,
    files: FileStore,
    staged: Staged,
    source: str,
    target: str,
    *,
    model: str | None,
    glossary: str | None,
    cancel: CancelToken,
) -> str:
    """Translate a staged upload with the document path the app uses; returns ``token/filename``."""
    engine = runtime.engine
    document = engine.load_document(staged.path)
    if source == "auto":
        sample = " ".join(document.segments)[:5000]
        source = engine.detect_language(sample).language or "en"

    def translate(
        texts: Sequence[str], on_progress: ProgressCallback | None, token: CancelToken | None
    ) -> list[str]:
        done = engine.translate(texts, source, target, model=model, glossary=glossary, cancel=token or cancel)
        return [t.text for t in done]

    out = engine.document_output_path(staged.path, target)
    align = engine.document_aligner(source, target, model=model) if document.marks else None
    for _step in engine.translate_document(document, translate, out, cancel=cancel, align=align):
        pass
    staged.path.unlink(missing_ok=True)
    return f"{staged.token}/{out.name}"
