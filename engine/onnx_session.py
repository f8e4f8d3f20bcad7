"""The one ONNX Runtime session factory: explicit options and providers, cached per (model, provider, threads).

onnxruntime is loaded here on first use, after :func:`engine.offline.apply` has switched its native telemetry off
(the switch is read once, when the library loads; see :mod:`engine.offline`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from engine import devices, offline
from engine.config import Device
from engine.errors import CorruptModelError, ModelNotFoundError

if TYPE_CHECKING:
    import onnxruntime as ort

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str, int], ort.InferenceSession] = {}
_lock = threading.Lock()


def runtime() -> ModuleType:
    """The onnxruntime module, loaded with its telemetry off (every caller in the engine goes through here)."""
    offline.apply()
    import onnxruntime

    onnxruntime.disable_telemetry_events()
    module: ModuleType = onnxruntime
    return module


def available_providers() -> list[str]:
    """The execution providers this onnxruntime build offers."""
    return list(runtime().get_available_providers())


def cuda_available() -> bool:
    """Whether translation can use a CUDA GPU here (see :mod:`engine.devices`)."""
    return devices.cuda_available("onnxruntime")


def providers_for(device: Device) -> list[str]:
    """The provider list for a device choice (its meaning is :func:`engine.devices.resolve_device`'s)."""
    if devices.resolve_device(device, "onnxruntime") == "cuda":
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    return ["CPUExecutionProvider"]


def session(
    path: Path, *, device: Device = "cpu", threads: int = 1, cache: bool = True
) -> ort.InferenceSession:
    """Open (or reuse) an inference session.

    Args:
        path: the ``.onnx`` file.
        device: ``cpu``, ``cuda`` or ``auto``.
        threads: intra-op threads (inter-op is 1: our graphs are sequential).
        cache: reuse a session already opened with the same arguments.

    Raises:
        ModelNotFoundError: the file is missing.
        CorruptModelError: ONNX Runtime cannot load it.
        DeviceError: CUDA was requested and is unavailable.
    """
    providers = providers_for(device)
    key = (str(path.resolve()), providers[0], threads)
    with _lock:
        if cache and key in _cache:
            return _cache[key]
    if not path.is_file():
        raise ModelNotFoundError(
            f"The model file {path} is missing. Run 'palavra models prepare' to rebuild it."
        )
    rt = runtime()
    opts = rt.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = rt.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = rt.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    # Our tensors are small: without the arena, memory stays close to the weights' size at no measurable speed cost.
    opts.enable_cpu_mem_arena = False
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0" if threads > 1 else "1")
    try:
        sess: ort.InferenceSession = rt.InferenceSession(str(path), sess_options=opts, providers=providers)
    except Exception as exc:  # onnxruntime raises its own exception types for a bad file
        raise CorruptModelError(
            f"The model file {path.name} could not be opened; it may be damaged. "
            "Run 'palavra models prepare' to rebuild it.",
            detail=str(exc),
        ) from exc
    log.debug("opened %s with %s, %d threads", path, providers, threads)
    if cache:
        with _lock:
            _cache[key] = sess
    return sess


def clear_cache() -> None:
    """Forget every cached session (after a model is replaced or removed)."""
    with _lock:
        _cache.clear()
