"""Palavra's engine: translation, correction, speech and storage. Never imports Qt."""

from __future__ import annotations

__version__ = "0.1.0"
