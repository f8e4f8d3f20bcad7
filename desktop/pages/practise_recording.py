"""The Practise page's score of a recording taken at a pause, so the feedback is ready when the recorder declares
the end of the utterance."""

from __future__ import annotations

from typing import Any

import numpy as np


class EarlyScore:
    """A score of the recording as it stood at a pause, computed while the recorder waits for the end."""

    def __init__(self, audio: np.ndarray, drill: Any) -> None:
        self.audio = audio
        self.drill = drill
        self.attempt: Any = None

    def for_recording(self, audio: np.ndarray, drill: Any) -> Any:
        """The early attempt when the final recording is the one scored early (no speech after the pause)."""
        same = drill is self.drill and audio.shape == self.audio.shape and np.array_equal(audio, self.audio)
        return self.attempt if same else None
