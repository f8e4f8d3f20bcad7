"""Where Palavra keeps the user's data: platformdirs, overridable with ``PALAVRA_DATA_DIR``.

Nothing here runs at import time; folders are created only when asked for. The data folder holds history, glossaries
and recordings: it is created (and kept) readable by its owner only (0700).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "PALAVRA_DATA_DIR"
APP_NAME = "Palavra"


def data_dir(create: bool = True) -> Path:
    """Return the user data folder (``PALAVRA_DATA_DIR`` if set, else the platform's data folder)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    if create:
        _make_private(path)
    return path


def _make_private(path: Path) -> None:
    """Create ``path`` (0700) or make an existing one 0700; errors surface when it is written."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix" and path.stat().st_mode & 0o077:
            path.chmod(0o700)
    except OSError:
        pass  # a read-only or foreign folder: the write that follows reports it with a message


ENV_CACHE_DIR = "PALAVRA_CACHE_DIR"


def cache_dir(create: bool = True) -> Path:
    """Folder for files Palavra can rebuild at any time (optimized model graphs, checksum records).

    ``PALAVRA_CACHE_DIR`` if set; else ``cache`` inside ``PALAVRA_DATA_DIR`` when that is set (a data folder chosen
    by hand keeps its own cache); else the platform's cache folder.
    """
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        path = Path(override).expanduser()
    elif os.environ.get(ENV_DATA_DIR):
        path = data_dir(create=False) / "cache"
    else:
        path = Path(platformdirs.user_cache_dir(APP_NAME, False))
    if create:
        _make_private(path)
    return path


def models_dir(create: bool = True) -> Path:
    """Folder holding converted and imported models."""
    path = data_dir(create) / "models"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    """Path of the SQLite database holding history, glossaries, drill progress."""
    return data_dir(True) / "palavra.sqlite3"
