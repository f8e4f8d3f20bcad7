"""The one device probe: which inference runtime can use a CUDA GPU here, and what a device choice means.

Three runtimes run models: ONNX Runtime (translation), CTranslate2 (Whisper) and PyTorch (fine-tuning). Each is
asked the same question, "can you run on a CUDA GPU on this machine?", and a device choice means the same for
all of them:

* ``"cpu"``: the CPU;
* ``"cuda"``: the GPU, or a :class:`~engine.errors.DeviceError` that says what to do when the runtime cannot use
  one (never a silent fall-back);
* ``"auto"``: the GPU when the runtime can use one, else the CPU.

Probes never import a runtime that is not loaded yet when the answer can be read from disk (importing
onnxruntime holds the GIL for a while, and the GUI asks from a worker thread), and their answers are cached.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import sys
from pathlib import Path
from typing import Literal

from engine.config import Device
from engine.errors import DeviceError

log = logging.getLogger(__name__)

Runtime = Literal["onnxruntime", "ctranslate2", "torch"]

_ADVICE: dict[str, str] = {
    "onnxruntime": "Install onnxruntime-gpu with a CUDA-capable GPU, or choose CPU in Settings.",
    "ctranslate2": "Speech recognition needs a CUDA-capable GPU and driver for that; choose CPU in Settings.",
    "torch": "Fine-tuning on the GPU needs PyTorch built with CUDA and a CUDA-capable GPU; choose CPU in Settings.",
}


def _onnxruntime_has_cuda() -> bool:
    """Whether this onnxruntime build has the CUDA provider (asked directly once it is loaded, else on disk)."""
    ort = sys.modules.get("onnxruntime")
    if ort is not None and hasattr(ort, "get_available_providers"):
        return "CUDAExecutionProvider" in ort.get_available_providers()
    spec = importlib.util.find_spec("onnxruntime")
    if spec is None or not spec.submodule_search_locations:
        return False
    capi = Path(next(iter(spec.submodule_search_locations))) / "capi"
    return any(capi.glob("*onnxruntime_providers_cuda*"))


@functools.cache
def cuda_device_count() -> int:
    """CUDA GPUs the driver reports (0 without a driver or a GPU); asked through CTranslate2, which is light,
    else read from the NVIDIA driver's folder on Linux."""
    try:
        import ctranslate2

        return int(ctranslate2.get_cuda_device_count())
    except Exception:  # no CUDA runtime in CTranslate2, or no CTranslate2
        gpus = Path("/proc/driver/nvidia/gpus")
        try:
            return sum(1 for _ in gpus.iterdir()) if gpus.is_dir() else 0
        except OSError:
            return 0


@functools.cache
def cuda_available(runtime: Runtime) -> bool:
    """Whether ``runtime`` can run on a CUDA GPU on this machine."""
    if runtime == "torch":
        try:
            import torch
        except ImportError:
            return False
        return bool(torch.cuda.is_available())
    if runtime == "onnxruntime":
        # a GPU build on a machine without a GPU would fail at session creation: both must be there
        return _onnxruntime_has_cuda() and cuda_device_count() > 0
    return cuda_device_count() > 0


def resolve_device(device: Device | str, runtime: Runtime) -> Literal["cpu", "cuda"]:
    """What ``device`` means for ``runtime`` here: ``"cpu"`` or ``"cuda"`` (see the module docstring).

    Raises:
        DeviceError: ``"cuda"`` was chosen and ``runtime`` cannot use a GPU on this machine, or ``device`` is
            none of ``"auto"``, ``"cpu"``, ``"cuda"``.
    """
    if device not in ("auto", "cpu", "cuda"):
        raise DeviceError(f"Unknown device '{device}': choose auto, cpu or cuda.")
    if device == "cpu":
        return "cpu"
    available = cuda_available(runtime)
    if device == "cuda" and not available:
        raise DeviceError(
            "GPU inference was requested but this installation has no CUDA support. " + _ADVICE[runtime],
            detail=f"{runtime}: CUDA unavailable (devices: {cuda_device_count()})",
        )
    chosen: Literal["cpu", "cuda"] = "cuda" if available else "cpu"
    log.debug("device %s for %s -> %s", device, runtime, chosen)
    return chosen
