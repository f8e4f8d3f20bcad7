"""Work-arounds for bugs of particular Qt for Python releases, detected at run time (not by version number).

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void method, and ``True`` from ``Signal.emit()``,
without taking a reference (harmless on Python >= 3.12, where these objects are immortal). Each such call
lowers the object's reference count by one, and a session of a few minutes ends with "Fatal Python error:
none_dealloc" (or ``bool_dealloc``). :func:`install` detects the bug and, only then, gives ``None``, ``True``
and ``False`` a reference count so large that no session can exhaust it - what Python 3.12 does for them.
PySide6 6.11.3 does not have the bug.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

log = logging.getLogger(__name__)

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

#: Added to the reference counts when the bug is present (2**40 void calls would take years).
_RESERVE = 1 << 40
_installed = False
#: Whether the running PySide6 loses references to ``None`` (set by :func:`install`).
LEAKS_REFERENCES = False


def _loses_none() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")  # a void method
    return sys.getrefcount(None) <= before - 64


def _loses_true() -> bool:
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(64):
        probe.ping.emit()
    return sys.getrefcount(True) <= before - 64


def install() -> None:
    """Detect the reference bug once; when present, make ``None``/``True``/``False`` practically immortal."""
    global _installed, LEAKS_REFERENCES
    if _installed:
        return
    _installed = True
    if sys.version_info >= (3, 12):
        return  # immortal objects: nothing can go wrong
    if not (_loses_none() or _loses_true()):
        return
    LEAKS_REFERENCES = True
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        refcnt.value += _RESERVE
    log.info("PySide6 reference-count bug detected; None/True/False made immortal")


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)`` (kept as one place to adapt emitting to the binding's quirks)."""
    signal.emit(*args)
