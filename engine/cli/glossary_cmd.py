"""Sub-commands of this area (filled in by the issue that owns it)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to the ``palavra`` parser."""
