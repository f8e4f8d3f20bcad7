"""Writing correction for learners (English and Portuguese): see :mod:`engine.correct.service`."""

from __future__ import annotations
