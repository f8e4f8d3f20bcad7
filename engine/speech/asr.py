"""One Whisper model (CTranslate2 through faster-whisper), owned by one worker: every call holds its lock.

Two paths:

- :meth:`Recognizer.transcribe` for files of any length: faster-whisper's segment generator over 30 s windows,
  with language detection, word timestamps, progress and cancel between segments.
- :meth:`Recognizer.analyse_utterance` for drills (one utterance up to ~25 s): the audio plus a little silence
  is encoded once, with a window just as long as needed instead of Whisper's fixed 30 s, and both the free
  decode and the forced alignment of the target read that one encoder output. docs/speech.md has the measured
  latencies.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.cancel import CancelToken, ProgressCallback, check
from engine.config import EngineConfig
from engine.devices import resolve_device
from engine.errors import InputError, ModelError
from engine.speech import model as model_files
from engine.speech.audio import MIN_SECONDS, SAMPLE_RATE, AudioArray, too_short
from engine.speech.normalize import recogniser_spelling, split_words
from engine.speech.rivals import RivalScore, forced_text, rivals_for
from engine.speech.types import ForcedWord, Segment, Transcript, Word

log = logging.getLogger(__name__)

#: Seconds of silence appended to an utterance before encoding: enough for the decoder to see the speech end
#: (with less, free decoding repeats itself), far less than the 30 s window.
UTTERANCE_PAD_S = 4.0
MAX_UTTERANCE_S = 26.0
_PUNCT_ONLY = set(".,;:!?¿¡\"'«»()[]{}-–—…")


@dataclass(frozen=True)
class UtteranceAnalysis:
    """Free transcript and forced scores of one utterance, from one encoder pass."""

    transcript: str
    forced: tuple[ForcedWord, ...] | None
    duration: float
    rivals: tuple[RivalScore, ...] = ()


class Recognizer:
    """The Whisper model, loaded on first use; thread-safe (calls are serialised)."""

    def __init__(self, config: EngineConfig, model_path: Path | None = None) -> None:
        self._config = config
        self._model_path = model_path
        self._model: Any = None
        self._tokenizers: dict[str, Any] = {}
        self._lock = threading.RLock()

    # -- loading -------------------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        """Whether the model is in memory."""
        return self._model is not None

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        from faster_whisper import WhisperModel

        folder = model_files.model_dir(self._model_path)
        device = resolve_device(self._config.device, "ctranslate2")
        compute_type = "float16" if device == "cuda" else "int8"
        log.info("Loading Whisper from %s on %s (%s)", folder, device, compute_type)
        try:
            self._model = WhisperModel(
                str(folder),
                device=device,
                compute_type=compute_type,
                cpu_threads=self._config.effective_threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(
                "The speech recognition model could not be loaded. Reinstall Palavra.", detail=repr(exc)
            ) from exc
        return self._model

    def _tokenizer(self, language: str) -> Any:
        from faster_whisper.tokenizer import Tokenizer

        model = self._load()
        if language not in self._tokenizers:
            if language not in model.supported_languages:
                raise InputError(f"Speech in '{language}' is not supported.", detail=language)
            self._tokenizers[language] = Tokenizer(
                model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
            )
        return self._tokenizers[language]

    def close(self) -> None:
        """Free the model."""
        with self._lock:
            self._model = None
            self._tokenizers.clear()

    # -- long audio ----------------------------------------------------------------------------------------
    def transcribe(
        self,
        audio: AudioArray | Iterable[AudioArray],
        language: str | None = None,
        *,
        beam_size: int = 5,
        word_timestamps: bool = True,
        total_ms: int | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        """Transcribe 16 kHz mono samples of any length, or consecutive chunks of them (bounded memory).

        Args:
            audio: the samples, or an iterable of consecutive chunks (:func:`engine.speech.audio.stream_audio`).
            language: language code, or None to detect it from the first 30 s (then kept for every chunk).
            beam_size: 1 is faster, 5 (default) more accurate.
            word_timestamps: also time each word.
            total_ms: the audio's length when ``audio`` is chunks (for progress; 0 if unknown).
            on_progress: called with (milliseconds of audio done, milliseconds total) after each segment.
            cancel: checked between segments; raises :class:`engine.errors.Cancelled`.

        Raises:
            InputError: the audio is shorter than :data:`engine.speech.audio.MIN_SECONDS`.
        """
        chunks: Iterable[AudioArray] = [audio] if isinstance(audio, np.ndarray) else audio
        if isinstance(audio, np.ndarray):
            total_ms = int(len(audio) * 1000 / SAMPLE_RATE)
        total = total_ms or 0
        with self._lock:
            model = self._load()
            check(cancel, "Transcription")
            segments: list[Segment] = []
            offset = 0.0
            detected: tuple[str, float] | None = None
            if on_progress:
                on_progress(0, total)
            for chunk in chunks:
                if offset == 0.0 and (error := too_short(chunk)) is not None:
                    raise error
                if len(chunk) < SAMPLE_RATE * MIN_SECONDS:  # a sliver at the end of a long file
                    offset += len(chunk) / SAMPLE_RATE
                    continue
                segments_iter, info = model.transcribe(
                    chunk,
                    language=language or (detected[0] if detected else None),
                    beam_size=beam_size,
                    temperature=0.0,
                    condition_on_previous_text=False,
                    word_timestamps=word_timestamps,
                )
                if detected is None:
                    detected = (str(info.language), float(info.language_probability))
                for seg in segments_iter:
                    words = tuple(
                        Word(
                            w.word.strip(),
                            offset + float(w.start),
                            offset + float(w.end),
                            float(w.probability),
                        )
                        for w in (seg.words or ())
                    )
                    segments.append(
                        Segment(offset + float(seg.start), offset + float(seg.end), seg.text.strip(), words)
                    )
                    if on_progress:
                        on_progress(min(total, int((offset + seg.end) * 1000)) if total else 0, total)
                    check(cancel, "Transcription")  # before the generator decodes the next window
                offset += len(chunk) / SAMPLE_RATE
            if detected is None:
                raise InputError("The audio file holds no sound to transcribe.")
            if on_progress:
                on_progress(total or int(offset * 1000), total or int(offset * 1000))
            return Transcript(
                text=" ".join(s.text for s in segments if s.text),
                language=language or detected[0],
                language_probability=1.0 if language else detected[1],
                duration=offset,
                segments=tuple(segments),
            )

    # -- drill utterances ----------------------------------------------------------------------------------
    def analyse_utterance(
        self,
        audio: AudioArray,
        language: str,
        target: str | None = None,
        *,
        free: bool = True,
        on_forced: Callable[[tuple[ForcedWord, ...]], None] | None = None,
        disputes: Callable[[str], dict[int, str | None]] | None = None,
    ) -> UtteranceAnalysis:
        """Encode one utterance once; score ``target``'s words against it, then decode it freely.

        Args:
            audio: up to ~26 s of 16 kHz mono samples (longer audio is cut).
            language: the language spoken.
            target: text whose words get forced probabilities and timings (None: transcript only).
            free: run the free decode (False gives the forced scores alone, the fastest result).
            on_forced: called with the forced scores as soon as they exist, before the free decode (which
                reuses the same encoder output), so a first result can be shown early.
            disputes: given the free transcript, the target words it disputes (index -> what it heard
                there; :func:`engine.speech.scoring.disputed_words`). Each gets rival sentences
                (:func:`engine.speech.rivals.rivals_for`, with Whisper's continuation of the target's words
                before it), scored against the target on the same encoder output.
        """
        with self._lock:
            model = self._load()
            tokenizer = self._tokenizer(language)
            audio = audio[: int(MAX_UTTERANCE_S * SAMPLE_RATE)]
            num_frames = max(1, len(audio) // model.feature_extractor.hop_length)
            padded = np.concatenate([audio, np.zeros(int(UTTERANCE_PAD_S * SAMPLE_RATE), np.float32)])
            features = model.feature_extractor(padded)[:, : model.feature_extractor.nb_max_frames]
            encoder_output = model.encode(features)
            forced = None
            if target is not None:
                forced = self._forced(model, tokenizer, encoder_output, target, num_frames)
                if on_forced is not None:
                    on_forced(forced)
            transcript = ""
            if free:
                transcript = self._free_decode(
                    model, tokenizer, encoder_output, len(audio) / SAMPLE_RATE, target
                )
            scored: tuple[RivalScore, ...] = ()
            if target is not None and free and disputes is not None:
                disputed = disputes(transcript)
                if disputed:
                    words = split_words(target)
                    heard_next = self._continuations(
                        model, tokenizer, encoder_output, words, sorted(disputed)
                    )
                    candidates = rivals_for(target, language, disputed, heard_next)
                    texts = [forced_text(words, language), *(r.text for r in candidates)]
                    logps = self._log_probabilities(model, tokenizer, encoder_output, texts, num_frames)
                    scored = tuple(
                        RivalScore(r.word_index, r.kind, lp - logps[0])
                        for r, lp in zip(candidates, logps[1:], strict=True)
                    )
            return UtteranceAnalysis(transcript, forced, len(audio) / SAMPLE_RATE, scored)

    def _continuations(
        self, model: Any, tokenizer: Any, encoder_output: Any, words: Sequence[str], indices: Sequence[int]
    ) -> dict[int, str]:
        """For each index k, the first word Whisper decodes after the target's words before k (one batch)."""
        language = tokenizer.language_code
        prefixes = [tokenizer.encode(forced_text(list(words[:k]), language)) if k else [] for k in indices]
        start = [*tokenizer.sot_sequence, tokenizer.no_timestamps]
        prompts = [start + p for p in prefixes]
        longest = max(len(p) for p in prompts)
        options: dict[str, Any] = {"beam_size": 1, "max_length": longest + 6, "suppress_blank": False}
        batch = self._batch(encoder_output, len(prompts))
        if batch is not None:
            results = model.model.generate(batch, prompts, **options)
        else:
            results = [model.model.generate(encoder_output, [p], **options)[0] for p in prompts]
        found: dict[int, str] = {}
        for k, prefix, result in zip(indices, prefixes, results, strict=True):
            pieces: list[str] = []
            for token in result.sequences_ids[0][len(prefix) :]:
                if token >= tokenizer.eot:
                    break
                piece = tokenizer.decode([token])
                if pieces and piece.startswith(" "):
                    break
                pieces.append(piece)
            word = "".join(pieces).strip()
            if word:
                found[k] = word
        return found

    @staticmethod
    def _batch(encoder_output: Any, size: int) -> Any:
        """The encoder output repeated ``size`` times (CPU); on a GPU, None (callers go one by one)."""
        import ctranslate2

        if getattr(encoder_output, "device", "cpu") != "cpu":
            return None
        encoded = np.repeat(np.asarray(encoder_output), size, axis=0)
        return ctranslate2.StorageView.from_array(np.ascontiguousarray(encoded))

    def _log_probabilities(
        self, model: Any, tokenizer: Any, encoder_output: Any, texts: Sequence[str], num_frames: int
    ) -> list[float]:
        """Sum of the token log-probabilities of each text under teacher forcing (one batched decoder pass)."""
        tokens = [tokenizer.encode(t) for t in texts]
        start = list(tokenizer.sot_sequence)
        batch = self._batch(encoder_output, len(texts))
        if batch is not None:
            results = model.model.align(batch, start, tokens, [num_frames] * len(texts))
        else:  # a GPU encoder output is not copied to the host: one text at a time
            results = [model.model.align(encoder_output, start, [t], num_frames)[0] for t in tokens]
        return [float(np.sum(np.log(np.maximum(np.asarray(r.text_token_probs), 1e-12)))) for r in results]

    def _free_decode(
        self, model: Any, tokenizer: Any, encoder_output: Any, seconds: float, target: str | None
    ) -> str:
        """Greedy decode with timestamp tokens; text the model places after the speech (in the padding) is cut.

        Without timestamps the decoder sometimes repeats the sentence into the silence that pads a short
        window; with them, a segment starting after the end of the audio gives the repetition away.
        """
        limit = 12 + int(seconds * 12)
        if target:
            limit = max(limit, 2 * len(tokenizer.encode(" " + target)) + 16)
        result = model.model.generate(
            encoder_output,
            [list(tokenizer.sot_sequence)],
            beam_size=1,
            max_length=min(220, limit),
            suppress_blank=True,
            suppress_tokens=[-1],
        )[0]
        text_ids: list[int] = []
        segment_start = 0.0
        opened = False
        for token in result.sequences_ids[0]:
            if token >= tokenizer.timestamp_begin:
                stamp = (token - tokenizer.timestamp_begin) * 0.02
                if not opened:
                    segment_start, opened = stamp, True
                    if segment_start >= seconds - 0.1:
                        break
                else:
                    opened = False
            elif token < tokenizer.eot:
                text_ids.append(token)
        return trim_repetition(tokenizer.decode(text_ids).strip())

    def _forced(
        self, model: Any, tokenizer: Any, encoder_output: Any, target: str, num_frames: int
    ) -> tuple[ForcedWord, ...]:
        """Forced alignment of ``target`` (as written: case and punctuation help), mapped onto its words."""
        words = [recogniser_spelling(w, tokenizer.language_code) for w in split_words(target)]
        text = " " + " ".join(words)
        tokens = tokenizer.encode(text)
        if not tokens or not words:
            return tuple(ForcedWord(0.0, 0.0, 0.0) for _ in words)
        pieces = model.find_alignment(tokenizer, [tokens], encoder_output, num_frames)[0]
        # Map Whisper's word pieces (punctuation split off) back onto the target's words by character
        # position.
        bounds: list[tuple[int, int]] = []
        pos = 0
        for w in words:
            start = text.index(w, pos)
            bounds.append((start, start + len(w)))
            pos = start + len(w)
        probs: list[list[float]] = [[] for _ in words]
        starts: list[float | None] = [None] * len(words)
        ends: list[float] = [0.0] * len(words)
        pos = 0
        for piece in pieces:
            piece_text: str = piece["word"]
            begin = pos + (len(piece_text) - len(piece_text.lstrip()))
            pos += len(piece_text)
            core = piece_text.strip()
            if not core:
                continue
            index = next((k for k, (a, b) in enumerate(bounds) if a <= begin < b), None)
            if index is None:
                continue
            if not all(c in _PUNCT_ONLY for c in core):
                probs[index].append(float(piece["probability"]))
            if starts[index] is None:
                starts[index] = float(piece["start"])
            ends[index] = float(piece["end"])
        return tuple(
            ForcedWord(
                float(np.mean(p)) if p else 0.0,
                s if s is not None else 0.0,
                e,
            )
            for p, s, e in zip(probs, starts, ends, strict=True)
        )


def trim_repetition(text: str, min_words: int = 3) -> str:
    """Cut a decoder loop: the same run of words (at least ``min_words``) repeated back to back at the end."""
    words = text.split()
    for size in range(len(words) // 2, min_words - 1, -1):
        for start in range(0, len(words) - 2 * size + 1):
            if words[start : start + size] == words[start + size : start + 2 * size]:
                rest = words[start + 2 * size :]
                if all(w in words[start : start + size] for w in rest):
                    return " ".join(words[: start + size])
    return text
