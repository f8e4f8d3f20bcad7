"""The one resolver for resources shipped with the app (``resources/``: drills, icons, UI translations).

They live next to the packages in a source tree or an editable install, and under ``resources/`` inside a
PyInstaller bundle (``installers/palavra.spec``). Environment overrides exist for tests and packagers. Nothing
here creates a folder or reads a file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from engine.errors import ModelNotFoundError

#: Overrides the drills folder (tests, packagers).
ENV_DRILLS_DIR = "PALAVRA_DRILLS_DIR"


def resources_dir() -> Path:
    """The ``resources/`` folder: inside a frozen app's bundle, else next to the ``engine`` package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path under :func:`resources_dir` (it may not exist)."""
    return resources_dir().joinpath(*parts)


def drills_dir() -> Path:
    """Folder of the drill sentence files: ``$PALAVRA_DRILLS_DIR``, else ``resources/drills``.

    Raises:
        ModelNotFoundError: the folder is missing (a broken installation).
    """
    override = os.environ.get(ENV_DRILLS_DIR)
    if override:
        return Path(override).expanduser()
    folder = resource("drills")
    if not folder.is_dir():
        raise ModelNotFoundError("The drill sentences are missing. Reinstall Palavra.", detail=str(folder))
    return folder
