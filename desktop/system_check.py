"""Before Qt starts: the system libraries its X11 platform plugin needs, named with the package to install.

Without them Qt aborts with "Could not load the Qt platform plugin xcb" and a core dump; on a fresh Debian or
Ubuntu desktop ``libxcb-cursor0`` is often the one missing. This check runs in the launcher, before Qt is
imported, and prints one ``apt-get install`` line with every missing package instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterable

#: Shared libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(
    libraries: dict[str, str] = XCB_LIBRARIES, loads: Callable[[str], bool] = _loads
) -> list[str]:
    """The packages of the libraries that cannot be loaded, in a stable order, without duplicates."""
    return sorted({package for soname, package in libraries.items() if not loads(soname)})


def message(packages: Iterable[str]) -> str:
    """What to tell the person: which libraries are missing and the one command that installs them."""
    names = " ".join(packages)
    return (
        "Palavra's window needs system libraries that are not installed: "
        f"{names}.\nOn Debian or Ubuntu: sudo apt-get install {names}\n"
        "(The command line works without them: palavra --help.)"
    )


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will pick its X11 plugin: Linux, no other platform asked for, and no Wayland session."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def check() -> str | None:
    """The message to print before starting the window, or None when nothing is missing."""
    if not uses_xcb():
        return None
    missing = missing_packages()
    return message(missing) if missing else None
