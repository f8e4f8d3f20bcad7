"""Fine-tuning the translation model to a glossary, in a child process (see :mod:`.runner`)."""

from __future__ import annotations
