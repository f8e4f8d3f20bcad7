"""Work-arounds for bugs of particular Qt for Python releases, detected at run time (not by version number).

PySide6 6.12.0: ``Signal.emit()`` returns ``True`` without taking a reference, so every emit from Python
lowers ``True``'s reference count by one and a long session ends with "Fatal Python error: bool_dealloc".
:func:`emit` gives the reference back when (and only when) the running PySide6 has the bug.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_steals_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)
    return lost >= 8


EMIT_STEALS_TRUE = _emit_steals_true()
if EMIT_STEALS_TRUE:
    log.debug("PySide6 Signal.emit() reference bug detected; compensating")


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe on PySide6 releases whose ``emit`` leaks a reference to ``True``."""
    result = signal.emit(*args)
    if EMIT_STEALS_TRUE and result is True:
        _incref(True)
