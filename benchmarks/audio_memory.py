"""Peak memory of reading a long recording for transcription: whole file vs the chunk stream the app uses.

Each way runs in its own child process (peak RSS from ``resource.getrusage``). "whole" is what transcription did
before: decode the file into one array and compute Whisper's log-mel features over all of it (faster-whisper does
that before decoding the first window). "chunks" is :func:`engine.speech.audio.stream_audio` with the features of
one chunk at a time. The decoder's own memory (the model, one 30 s window) is the same for both and left out.

    python benchmarks/audio_memory.py --minutes 120
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys
from faster_whisper.feature_extractor import FeatureExtractor
from engine.speech.audio import load_audio, stream_audio
fe = FeatureExtractor()
way, path = sys.argv[1], sys.argv[2]
frames = 0
if way == "whole":
    frames = fe(load_audio(path)).shape[-1]
else:
    for chunk in stream_audio(path):
        frames += fe(chunk).shape[-1]
print(frames, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _write_wav(path: Path, minutes: float) -> None:
    import numpy as np
    import soundfile

    rate = 16000
    with soundfile.SoundFile(path, "w", samplerate=rate, channels=1, subtype="PCM_16") as out:
        rng = np.random.default_rng(0)
        for _ in range(int(minutes)):
            out.write((0.05 * rng.standard_normal(rate * 60)).astype(np.float32))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=120.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "long.wav"
        _write_wav(wav, args.minutes)
        print(f"{args.minutes:.0f}-minute 16 kHz WAV ({wav.stat().st_size / 1e6:.0f} MB)")
        print(f"{'way':8} {'mel frames':>12} {'peak RSS MB':>12}")
        for way in ("chunks", "whole"):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, way, str(wav)], capture_output=True, text=True, check=False
            )
            if out.returncode != 0:
                print(f"{way:8} failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            frames, peak = out.stdout.split()
            print(f"{way:8} {int(frames):>12} {int(peak):>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
