"""The one owner of the models folder's layout: atomic installs, deletes, leftovers, and the change stamp.

Layout: each installed model is a versioned folder ``<models>/<slug>/`` (version 0, the first install) or
``<models>/<slug>@<n>/`` (each replacement) whose ``manifest.json`` is written last. An install is built in ``.tmp-<slug>-p<pid>-*``,
validated, and published by **one** rename to the next version number: the new version wins at that instant, and a
kill before it leaves the previous version untouched, a kill after it leaves the new one complete. Older versions are
removed afterwards (or, after a kill, by :func:`cleanup` on the next start).

Every change (install, activate, delete, repair) rewrites ``registry.stamp``; a process that caches sessions, loaded
models or translations compares :func:`stamp` with the one it loaded under and drops its caches when it moved, so a
model replaced by another process (the fine-tuning child, the CLI) is used at the next translation.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

SEP = "@"
STAMP = "registry.stamp"
MANIFEST = "manifest.json"
_LEFTOVER = re.compile(r"^\.(tmp|old|trash)-.*?(?:-p(\d+)-.*)?$")
#: Leftovers without a process id in their name are removed when older than this (seconds).
_STALE_S = 3600.0


def split_version(folder_name: str) -> tuple[str, int]:
    """``"en-pt@3"`` -> ``("en-pt", 3)``; a folder without a version is version 0."""
    base, sep, version = folder_name.rpartition(SEP)
    if sep and version.isdigit():
        return base, int(version)
    return folder_name, 0


def versions(root: Path, slug: str) -> list[Path]:
    """The folders of model ``slug`` under ``root``, oldest first (finished or not: check the manifest)."""
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        if folder.name.startswith(".") or not folder.is_dir() or folder.is_symlink():
            continue
        base, number = split_version(folder.name)
        if base == slug:
            found.append((number, folder))
    return [f for _, f in sorted(found)]


def current_folders(root: Path) -> list[Path]:
    """For every model under ``root``: its newest finished version (a folder with a manifest)."""
    if not root.is_dir():
        return []
    best: dict[str, tuple[int, Path]] = {}
    for folder in root.iterdir():
        if folder.name.startswith(".") or folder.is_symlink() or not (folder / MANIFEST).is_file():
            continue
        base, number = split_version(folder.name)
        if base not in best or number > best[base][0]:
            best[base] = (number, folder)
    return [f for _, f in sorted(best.values(), key=lambda item: item[1].name)]


def scratch(root: Path, slug: str) -> Path:
    """A new empty build folder for model ``slug`` on the same filesystem as ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".tmp-{slug}-p{os.getpid()}-", dir=root))


def publish(built: Path, root: Path, slug: str) -> Path:
    """Make the finished folder ``built`` the current version of ``slug`` with one rename; retire older versions.

    Returns:
        The published folder ``<root>/<slug>`` or ``<root>/<slug>@<n>``.
    """
    for _attempt in range(20):
        existing = versions(root, slug)
        number = split_version(existing[-1].name)[1] + 1 if existing else 0
        final = root / (f"{slug}{SEP}{number}" if number else slug)
        try:
            os.rename(built, final)  # the switch: fails if another install took this number
        except FileExistsError:
            continue
        except OSError as exc:
            if final.exists():
                continue
            raise exc
        for older in existing:
            retire(older)
        bump(root)
        log.info("published %s", final.name)
        return final
    raise OSError(f"could not publish {slug}: too many concurrent installs")


def retire(folder: Path) -> None:
    """Remove a folder: renamed out of sight first, so a kill mid-deletion leaves only a leftover."""
    trash = folder.with_name(f".old-{folder.name}-p{os.getpid()}-{time.time_ns()}")
    try:
        os.rename(folder, trash)
    except FileNotFoundError:
        return
    shutil.rmtree(trash, ignore_errors=True)


def remove(root: Path, slug: str) -> None:
    """Delete every version of ``slug``; the newest goes last, so a kill never brings an older one back."""
    for folder in versions(root, slug):
        retire(folder)
    bump(root)


def cleanup(root: Path) -> list[str]:
    """Remove what killed runs left in ``root``: build folders of dead processes, retired and shadowed versions.

    Returns:
        The names removed.
    """
    removed: list[str] = []
    if not root.is_dir():
        return removed
    for entry in root.iterdir():
        m = _LEFTOVER.match(entry.name)
        if m is None:
            continue
        pid = int(m.group(2)) if m.group(2) else None
        if pid is not None and pid != os.getpid() and _alive(pid):
            continue
        if pid is None and time.time() - _mtime(entry) < _STALE_S:
            continue
        if pid == os.getpid() and m.group(1) == "tmp":
            continue  # our own build in progress
        _remove_path(entry)
        removed.append(entry.name)
    current = {f.name for f in current_folders(root)}
    for folder in current_folders(root):
        slug = split_version(folder.name)[0]
        for older in versions(root, slug):
            if older.name not in current and split_version(older.name)[1] < split_version(folder.name)[1]:
                retire(older)
                removed.append(older.name)
    if removed:
        log.info("removed %d leftovers of interrupted runs from %s", len(removed), root)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # Windows: os.kill(pid, 0) is not a probe
        return True
    return True


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0


def _remove_path(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


# -- change stamp -------------------------------------------------------------------------------------------------
def bump(root: Path) -> None:
    """Record that the models changed (every process drops its caches at its next use); also here and now."""
    from engine import onnx_session

    onnx_session.clear_cache()
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".tmp-stamp-p{os.getpid()}-", dir=root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"changed_ns": time.time_ns(), "pid": os.getpid()}, fh)
        os.replace(tmp, root / STAMP)
    except OSError:
        log.warning("could not record the model change in %s", root, exc_info=True)


def stamp(root: Path) -> tuple[int, int, int] | None:
    """What identifies the last change under ``root`` (None before any)."""
    try:
        st = (root / STAMP).stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)
