"""The engine's failures: a small hierarchy the GUI and the CLI map to messages a person understands.

Every error carries a ``user_message`` written for the person using the app (what happened and what to do),
while ``str(err)`` may carry technical detail for the log.
"""

from __future__ import annotations


class PalavraError(Exception):
    """Base class of every error the engine raises on purpose."""

    def __init__(self, user_message: str, *, detail: str | None = None) -> None:
        super().__init__(detail or user_message)
        self.user_message = user_message


class InputError(PalavraError):
    """The input (text, file, glossary, audio) cannot be used as given."""


class EncodingError(InputError):
    """A file is not valid text in the expected encoding."""

    def __init__(self, path: str, position: int, reason: str) -> None:
        super().__init__(
            f"'{path}' is not valid UTF-8 text (invalid byte at position {position}). "
            "Save it as UTF-8 and try again.",
            detail=f"{path}: {reason}",
        )
        self.path = path
        self.position = position


class UnsupportedLanguageError(PalavraError):
    """No installed model translates this language pair."""


class ModelError(PalavraError):
    """A model is missing, corrupted or cannot be opened."""


class ModelNotFoundError(ModelError):
    """No model was found where one was expected."""


class CorruptModelError(ModelError):
    """A model file exists but its contents are not what they should be."""


class StorageError(PalavraError):
    """The user's data folder cannot be read or written (permissions, no disk space)."""


class DeviceError(PalavraError):
    """A hardware device (microphone, GPU) is missing or unusable."""


class Cancelled(PalavraError):
    """A long operation was cancelled through its cancel token."""

    def __init__(self, what: str = "The operation") -> None:
        super().__init__(f"{what} was cancelled.")
