"""``python -m engine``: the command line without the GUI."""

from __future__ import annotations

import sys

from engine.cli import main

sys.exit(main())
