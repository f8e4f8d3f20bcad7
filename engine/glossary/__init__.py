"""Glossaries: import and validation, SQLite storage, term-aware translation, fine-tuning."""

from __future__ import annotations
