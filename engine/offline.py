"""Switch off every dependency's telemetry and network look-ups before it loads.

onnxruntime (1.2x+) ships Microsoft's 1DS telemetry in its native library: unless ``ORT_DISABLE_TELEMETRY`` is set
when the library loads, it resolves ``mobile.events.data.microsoft.com`` and keeps a device id and queued events in
``~/.cache/Microsoft/DeveloperTools/.onnxruntime``. ``onnxruntime.disable_telemetry_events()`` alone does not stop
either (measured), so the variable must be in the environment before ``import onnxruntime``. faster-whisper loads
``huggingface_hub``, which is told to stay offline. Child processes (the checker, fine-tuning) inherit the variables.

Nothing happens at import time: the entry points (``desktop.launcher``, ``python -m engine``, the fine-tuning worker,
the test suite) call :func:`apply` first thing, and :mod:`engine.onnx_session` calls it again before it loads
onnxruntime.
"""

from __future__ import annotations

import os

#: Environment that keeps every dependency off the network. Values are forced (a user's ``=0`` is overridden).
OFFLINE_ENVIRONMENT: dict[str, str] = {
    "ORT_DISABLE_TELEMETRY": "1",  # onnxruntime's native 1DS telemetry (read once, when the library loads)
    "HF_HUB_OFFLINE": "1",  # huggingface_hub (imported by faster-whisper): never look anything up
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "HF_HUB_DISABLE_UPDATE_CHECK": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}


def apply() -> None:
    """Put :data:`OFFLINE_ENVIRONMENT` into ``os.environ`` (and so into every child process)."""
    for key, value in OFFLINE_ENVIRONMENT.items():
        if os.environ.get(key) != value:
            os.environ[key] = value
