"""Speaking practice: Whisper transcription, word-by-word drill scoring, drills and spaced repetition.

The public entry point is :class:`engine.speech.service.SpeechService` (``Engine().speech``).
"""
