"""The one ONNX Runtime session factory: explicit options and providers, cached per (model, provider, threads).

onnxruntime is loaded here on first use, after :func:`engine.offline.apply` has switched its native telemetry off
(the switch is read once, when the library loads; see :mod:`engine.offline`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import platform
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from engine import devices, offline, paths
from engine.config import Device
from engine.errors import CorruptModelError, ModelNotFoundError

if TYPE_CHECKING:
    import onnxruntime as ort

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str, int, tuple[str, ...]], ort.InferenceSession] = {}
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
    path: Path,
    *,
    device: Device = "cpu",
    threads: int = 1,
    cache: bool = True,
    optimize_cache: bool = True,
    disabled_optimizers: Sequence[str] = (),
) -> ort.InferenceSession:
    """Open (or reuse) an inference session.

    Args:
        path: the ``.onnx`` file.
        device: ``cpu``, ``cuda`` or ``auto``.
        threads: intra-op threads (inter-op is 1: our graphs are sequential).
        cache: reuse a session already opened with the same arguments.
        optimize_cache: on the CPU, open the graph ONNX Runtime optimized the last time this file was opened (kept
            in the cache folder, see :func:`engine.paths.cache_dir`), or keep it for next time.
        disabled_optimizers: ONNX Runtime graph optimizers not to apply (names as ORT's
            ``disabled_optimizers`` takes them).

    Raises:
        ModelNotFoundError: the file is missing.
        CorruptModelError: ONNX Runtime cannot load it.
        DeviceError: CUDA was requested and is unavailable.
    """
    providers = providers_for(device)
    key = (str(path.resolve()), providers[0], threads, tuple(disabled_optimizers))
    with _lock:
        if cache and key in _cache:
            return _cache[key]
    if not path.is_file():
        raise ModelNotFoundError(
            f"The model file {path} is missing. Run 'palavra models prepare' to rebuild it."
        )
    rt = runtime()
    cpu = providers[0] == "CPUExecutionProvider"
    disabled = sorted(disabled_optimizers)
    optimized = _optimized_path(path, rt, disabled) if cpu and optimize_cache else None
    sess: ort.InferenceSession | None = None
    if optimized is not None and optimized.is_file():
        try:  # the graph as ORT optimized it last time: no optimization passes to run again
            sess = rt.InferenceSession(
                str(optimized),
                sess_options=_options(rt, threads, rt.GraphOptimizationLevel.ORT_DISABLE_ALL),
                providers=providers,
            )
        except Exception as exc:  # a damaged cache file: rebuilt below from the model itself
            log.debug("optimized graph %s not usable (%s); rebuilding it", optimized, exc)
            optimized.unlink(missing_ok=True)
    if sess is None:
        sess = _open(rt, path, threads, providers, optimized, disabled)
    log.debug("opened %s with %s, %d threads", path, providers, threads)
    if cache:
        with _lock:
            _cache[key] = sess
    return sess


def _options(rt: ModuleType, threads: int, level: object) -> ort.SessionOptions:
    opts = rt.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = rt.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = level
    opts.log_severity_level = 3
    # Our tensors are small: without the arena, memory stays close to the weights' size at no measurable speed cost.
    opts.enable_cpu_mem_arena = False
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0" if threads > 1 else "1")
    options: ort.SessionOptions = opts
    return options


def _open(
    rt: ModuleType,
    path: Path,
    threads: int,
    providers: list[str],
    optimized: Path | None,
    disabled: list[str],
) -> ort.InferenceSession:
    """Open ``path`` with every graph optimization; with ``optimized``, also keep the optimized graph there."""
    tmp: Path | None = None
    if optimized is not None:
        try:
            optimized.parent.mkdir(parents=True, exist_ok=True)
            tmp = optimized.with_name(f".{optimized.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        except OSError as exc:  # a cache folder that cannot be written costs time only
            log.debug("no optimized-graph cache in %s: %s", optimized.parent, exc)
    # On the CPU, graphs are optimized to the extended level: the "all" level adds only layout changes for the CPU
    # it runs on (for convolutions, which these graphs do not have), and a kept graph then stays valid on any CPU.
    cpu = providers[0] == "CPUExecutionProvider"
    level = rt.GraphOptimizationLevel.ORT_ENABLE_EXTENDED if cpu else rt.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts = _options(rt, threads, level)
    if tmp is not None:
        opts.optimized_model_filepath = str(tmp)
    try:
        sess: ort.InferenceSession = rt.InferenceSession(
            str(path), sess_options=opts, providers=providers, disabled_optimizers=disabled or None
        )
    except Exception as exc:  # onnxruntime raises its own exception types for a bad file
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise CorruptModelError(
            f"The model file {path.name} could not be opened; it may be damaged. "
            "Run 'palavra models prepare' to rebuild it.",
            detail=str(exc),
        ) from exc
    if tmp is not None and optimized is not None:
        try:
            if tmp.is_file():
                os.replace(tmp, optimized)
                _drop_stale(optimized)
        except OSError as exc:
            log.debug("optimized graph not kept: %s", exc)
            tmp.unlink(missing_ok=True)
    return sess


#: A model file changed this short a time ago may still change within its timestamp's resolution: its optimized
#: graph is not kept (git's "racy" rule).
RACY_SECONDS = 2.0


def _optimized_path(path: Path, rt: ModuleType, disabled: list[str]) -> Path | None:
    """Where the optimized graph of ``path`` is kept: the cache folder, named by the model file's resolved path,
    size and modification time and by the ONNX Runtime version (None for a file too fresh to trust its time)."""
    try:
        st = path.stat()
        resolved = str(path.resolve())
    except OSError:
        return None
    if time.time() - st.st_mtime < RACY_SECONDS:
        return None
    where = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    what = hashlib.sha256(
        f"{st.st_size}\0{st.st_mtime_ns}\0{rt.__version__}\0{platform.machine()}\0{','.join(disabled)}".encode()
    ).hexdigest()[:16]
    return paths.cache_dir(create=False) / "ort" / f"{where}-{what}.onnx"


def _drop_stale(kept: Path) -> None:
    """Remove optimized graphs of earlier versions of the same model file."""
    where = kept.name.split("-", 1)[0]
    for other in kept.parent.glob(f"{where}-*.onnx"):
        if other != kept:
            other.unlink(missing_ok=True)


def clear_cache() -> None:
    """Forget every cached session (after a model is replaced or removed)."""
    with _lock:
        _cache.clear()
