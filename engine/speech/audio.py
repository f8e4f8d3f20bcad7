"""Reading audio into 16 kHz mono float32, the only format the speech package works with."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import numpy.typing as npt

from engine.errors import InputError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
AudioArray = npt.NDArray[np.float32]


def load_audio(audio: str | Path | np.ndarray, sample_rate: int = SAMPLE_RATE) -> AudioArray:
    """Return ``audio`` as 16 kHz mono float32 samples in [-1, 1].

    Args:
        audio: a file in any format FFmpeg reads (wav, flac, mp3, m4a, ogg...), or samples: float in [-1, 1]
            or int16, 1-D or (frames, channels), already at ``sample_rate``.
        sample_rate: the rate of ``audio`` when it is an array.

    Raises:
        InputError: the file is missing or cannot be decoded, or the array has a shape that is not audio.
    """
    if isinstance(audio, np.ndarray):
        return _from_array(audio, sample_rate)
    path = Path(audio)
    if not path.is_file():
        raise InputError(f"The audio file '{path}' does not exist.", detail=str(path))
    from faster_whisper.audio import decode_audio

    try:
        samples = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # PyAV raises many types (InvalidDataError, ValueError...)
        raise InputError(
            f"'{path.name}' could not be read as audio. Use a wav, flac, mp3, m4a or ogg file.",
            detail=repr(exc),
        ) from exc
    return np.ascontiguousarray(samples, dtype=np.float32)


def _from_array(audio: np.ndarray, sample_rate: int) -> AudioArray:
    data = np.asarray(audio)
    if data.ndim == 2:
        data = data.mean(axis=1) if data.shape[1] <= 8 else data.mean(axis=0)
    if data.ndim != 1:
        raise InputError(
            "The audio buffer must be mono or (frames, channels).", detail=f"shape {audio.shape}"
        )
    if data.dtype == np.int16:
        data = data.astype(np.float32) / 32768.0
    data = data.astype(np.float32, copy=False)
    if sample_rate != SAMPLE_RATE:
        data = resample(data, sample_rate, SAMPLE_RATE)
    return np.ascontiguousarray(data)


def resample(samples: np.ndarray, rate_in: int, rate_out: int) -> AudioArray:
    """Resample mono float samples with FFmpeg's resampler (band-limited, through PyAV)."""
    data = np.ascontiguousarray(samples, dtype=np.float32)
    if rate_in == rate_out or data.size == 0:
        return data
    import av

    frame = av.AudioFrame.from_ndarray(data[None, :], format="flt", layout="mono")
    frame.sample_rate = rate_in
    resampler = av.AudioResampler(format="flt", layout="mono", rate=rate_out)
    chunks = [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.ascontiguousarray(np.concatenate(chunks) if chunks else data[:0], dtype=np.float32)
