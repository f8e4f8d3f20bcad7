"""Reader for Marian's binary model format (v1), as used by Firefox Translations models.

Every tensor is returned as float32 in PyTorch orientation: intgemm8 matrices are dequantized
(``w = q * (1/s)``) and, except the embedding ``Wemb``, were stored transposed (``[out, in]`` bytes under an
``[in, out]`` header), which is exactly ``nn.Linear.weight``. Float matrices are stored ``[in, out]`` and are
transposed here so every weight has the same layout. See ``shared/docs/bergamot-tiny.md`` §1-§2.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from engine.errors import CorruptModelError, ModelNotFoundError

log = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float32]

TYPE_FLOAT32 = 0x0404
TYPE_FLOAT16 = 0x0402
TYPE_INT8 = 0x0101
TYPE_INTGEMM8 = 0x4101
TYPE_INTGEMM16 = 0x4102
_HEADER = struct.Struct("<QQQQ")
_EMBEDDING_NAMES = ("Wemb", "encoder_Wemb", "decoder_Wemb")


@dataclass(frozen=True)
class MarianModel:
    """A Marian model read from disk.

    Attributes:
        weights: every parameter as float32, PyTorch layout (``[out, in]`` for matrices, 1-D for biases/norms).
        config: the embedded ``special:model.yml`` (architecture hyper-parameters).
        quant_multipliers: the ``*_QuantMultA`` activation scales (only needed to emulate int8 Marian).
    """

    weights: dict[str, FloatArray]
    config: dict[str, Any]
    quant_multipliers: dict[str, float] = field(default_factory=dict)


def read_marian(path: Path) -> MarianModel:
    """Read and dequantize a Marian binary model.

    Args:
        path: the ``model.*.bin`` file.

    Returns:
        The dequantized model.

    Raises:
        ModelNotFoundError: the file does not exist.
        CorruptModelError: the file is truncated, has an unknown version or type, or is inconsistent.
    """
    if not path.is_file():
        raise ModelNotFoundError(
            f"The translation model file {path} is missing. Reinstall or re-import the model."
        )
    import yaml  # only while converting a model (30 ms of the command line's start otherwise)

    data = path.read_bytes()
    try:
        return _parse(data, path)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _corrupt(path, str(exc)) from exc


def _corrupt(path: Path, why: str) -> CorruptModelError:
    return CorruptModelError(
        f"The translation model file {path.name} is damaged or not a Marian model. "
        "Re-import the model folder, or reinstall Palavra to restore the shipped models.",
        detail=f"{path}: {why}",
    )


def _parse(data: bytes, path: Path) -> MarianModel:
    if len(data) < 16:
        raise _corrupt(path, "file shorter than its header")
    version, count = struct.unpack_from("<QQ", data, 0)
    if version != 1:
        raise _corrupt(path, f"unsupported binary version {version}")
    if count == 0 or count > 100_000:
        raise _corrupt(path, f"implausible item count {count}")
    offset = 16
    headers = []
    for _ in range(count):
        headers.append(_HEADER.unpack_from(data, offset))
        offset += _HEADER.size
    names = []
    for name_len, _type, _shape_len, _data_len in headers:
        raw = data[offset : offset + name_len]
        if len(raw) != name_len or not raw.endswith(b"\0"):
            raise _corrupt(path, "bad item name")
        names.append(raw[:-1].decode("utf-8"))
        offset += name_len
    shapes = []
    for _name_len, _type, shape_len, _data_len in headers:
        shapes.append(struct.unpack_from(f"<{shape_len}i", data, offset))
        offset += 4 * shape_len
    (pad,) = struct.unpack_from("<Q", data, offset)
    offset += 8 + pad
    weights: dict[str, FloatArray] = {}
    multipliers: dict[str, float] = {}
    config: dict[str, Any] = {}
    for name, (_nl, type_code, _sl, data_len), shape in zip(names, headers, shapes, strict=True):
        blob = data[offset : offset + data_len]
        if len(blob) != data_len:
            raise _corrupt(path, f"item {name} runs past the end of the file")
        offset += data_len
        if name == "special:model.yml":
            text = blob.split(b"\0", 1)[0].decode("utf-8")
            import yaml

            loaded = yaml.safe_load(text)
            config = loaded if isinstance(loaded, dict) else {}
            continue
        array = _decode(name, type_code, shape, blob, path)
        if name.endswith("_QuantMultA"):
            multipliers[name] = float(array.reshape(-1)[0])
            continue
        weights[name] = array
    if offset != len(data):
        raise _corrupt(path, f"{len(data) - offset} unexpected trailing bytes")
    if not config:
        raise _corrupt(path, "no embedded model.yml")
    if not any(n in weights for n in _EMBEDDING_NAMES):
        raise _corrupt(path, "no embedding matrix")
    log.debug("read %d tensors from %s", len(weights), path)
    return MarianModel(weights=weights, config=config, quant_multipliers=multipliers)


def _decode(name: str, type_code: int, shape: tuple[int, ...], blob: bytes, path: Path) -> FloatArray:
    n = int(np.prod(shape)) if shape else 1
    if type_code == TYPE_INTGEMM8:
        if len(blob) < n + 4:
            raise _corrupt(path, f"item {name} is truncated")
        q = np.frombuffer(blob, dtype=np.int8, count=n)
        (scale,) = struct.unpack_from("<f", blob, n)
        if not np.isfinite(scale) or scale == 0.0:
            raise _corrupt(path, f"item {name} has an invalid quantization multiplier")
        inv = np.float32(1.0) / np.float32(scale)
        values = q.astype(np.float32) * inv
        return _orient(name, values, shape, stored_transposed=True)
    if type_code in (TYPE_FLOAT32, TYPE_FLOAT16):
        dtype = np.float32 if type_code == TYPE_FLOAT32 else np.float16
        size = np.dtype(dtype).itemsize
        if len(blob) < n * size:
            raise _corrupt(path, f"item {name} is truncated")
        values = np.frombuffer(blob, dtype=dtype, count=n).astype(np.float32)
        return _orient(name, values, shape, stored_transposed=False)
    raise _corrupt(path, f"item {name} has unsupported type 0x{type_code:04x}")


def _orient(name: str, values: FloatArray, shape: tuple[int, ...], *, stored_transposed: bool) -> FloatArray:
    """Return a tensor in PyTorch orientation (see the module docstring)."""
    if len(shape) == 2 and shape[0] == 1:  # biases, layer norms, scalars: [1, n]
        return values.reshape(shape[1]).copy()
    if len(shape) != 2:
        return values.reshape(shape).copy()
    rows, cols = shape
    if name in _EMBEDDING_NAMES:  # embeddings are [vocab, dim] and never transposed
        return values.reshape(rows, cols).copy()
    if stored_transposed:  # intgemm bytes are W^T, i.e. [out, in]
        return values.reshape(cols, rows).copy()
    return np.ascontiguousarray(values.reshape(rows, cols).T)  # float [in, out] -> [out, in]
