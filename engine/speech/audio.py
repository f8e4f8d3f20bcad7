"""Reading audio into 16 kHz mono float32, the only format the speech package works with.

Files of any length are read as a stream of chunks (:func:`stream_audio`), each cut in the quietest moment near its
end, so a 2-hour recording is transcribed in bounded memory (a few hundred MB instead of several GB).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from engine.errors import InputError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
AudioArray = npt.NDArray[np.float32]
#: Shortest audio Whisper can transcribe (below one 20 ms frame pair its word alignment has nothing to align).
MIN_SECONDS = 0.2
#: Length of the pieces a long file is transcribed in, and how far back from a piece's end a quiet cut is looked for.
CHUNK_SECONDS = 600.0
CUT_WINDOW_SECONDS = 20.0


def too_short(samples: AudioArray) -> InputError | None:
    """The error to raise for audio too short to transcribe, or None."""
    seconds = len(samples) / SAMPLE_RATE
    if seconds >= MIN_SECONDS:
        return None
    return InputError(
        f"The recording is too short to transcribe ({seconds * 1000:.0f} ms): record at least "
        f"{MIN_SECONDS:.1f} seconds.",
        detail=f"{len(samples)} samples",
    )


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


def stream_audio(
    path: str | Path,
    chunk_seconds: float = CHUNK_SECONDS,
    cut_window_seconds: float = CUT_WINDOW_SECONDS,
) -> Iterator[AudioArray]:
    """Decode a file into consecutive 16 kHz mono chunks of about ``chunk_seconds``, holding one chunk at a time.

    Each chunk ends at the quietest 100 ms of its last ``cut_window_seconds`` (so words are rarely cut); the rest
    starts the next chunk. Concatenated, the chunks are the whole file.

    Raises:
        InputError: the file is missing or cannot be decoded.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"The audio file '{path}' does not exist.", detail=str(path))
    import av

    size = int(chunk_seconds * SAMPLE_RATE)
    window = min(int(cut_window_seconds * SAMPLE_RATE), size // 2)
    pending: list[AudioArray] = []
    held = 0
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise ValueError("no audio stream")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            frames = (f for packet in container.demux(stream) for f in packet.decode())
            for frame in _with_flush(frames):
                for out in resampler.resample(frame):
                    piece = np.ascontiguousarray(out.to_ndarray().reshape(-1), dtype=np.float32)
                    pending.append(piece)
                    held += len(piece)
                while held >= size + window:
                    buffer = np.concatenate(pending)
                    cut = _quiet_cut(buffer, size, window)
                    yield buffer[:cut]
                    pending, held = [buffer[cut:]], len(buffer) - cut
    except InputError:
        raise
    except Exception as exc:  # PyAV raises many types (InvalidDataError, ValueError...)
        raise InputError(
            f"'{path.name}' could not be read as audio. Use a wav, flac, mp3, m4a or ogg file.",
            detail=repr(exc),
        ) from exc
    if held:
        yield np.concatenate(pending)


def audio_duration_ms(path: str | Path) -> int:
    """The file's duration from its header (0 when the container does not say)."""
    import av

    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if container.duration:
                return int(container.duration * 1000 / av.time_base)
            stream = container.streams.audio[0] if container.streams.audio else None
            if stream is not None and stream.duration and stream.time_base:
                return int(stream.duration * stream.time_base * 1000)
    except Exception:  # undecodable: stream_audio says so with a message
        return 0
    return 0


def _with_flush(frames: Iterator[Any]) -> Iterator[Any]:
    yield from frames
    yield None  # flushes the resampler


def _quiet_cut(buffer: AudioArray, size: int, window: int) -> int:
    """Index of the quietest 100 ms frame between ``size - window`` and ``size`` (its middle)."""
    hop = SAMPLE_RATE // 10
    start = size - window
    region = buffer[start : start + (window // hop) * hop].reshape(-1, hop)
    energy = np.einsum("ij,ij->i", region, region)
    return int(start + int(np.argmin(energy)) * hop + hop // 2)


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
