"""``python -m engine``: the command line without the GUI."""

from __future__ import annotations

import sys

from engine import offline

offline.apply()  # the entry point: telemetry off before any dependency loads

from engine.cli import main  # noqa: E402

sys.exit(main())
