"""Palavra's own endpoints beside LibreTranslate's: ``/correct``, ``/transcribe``, ``/drill/score``,
``/health`` and ``/models``. Results are the engine's own frozen dataclasses, written out field by field."""

from __future__ import annotations

import dataclasses
import os
import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from engine import __version__
from engine.cancel import CancelToken
from engine.server import schema
from engine.server.files import FileStore
from engine.server.params import Params, check_api_key, read_params
from engine.server.runtime import ApiError, Runtime

_CHUNK = 1 << 20


def to_json(value: Any) -> Any:
    """A dataclass (nested, with tuples and paths) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    return value


async def _audio_file(files: FileStore, upload: UploadFile) -> Path:
    """Write an uploaded recording to a private scratch file (removed by the caller)."""
    suffix = Path(upload.filename or "audio.wav").suffix.lower()[:8] or ".wav"
    path = files.root / f".audio-{secrets.token_hex(8)}{suffix}"
    size = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > files.max_bytes:
                out.close()
                path.unlink(missing_ok=True)
                raise ApiError(413, f"The recording is larger than {files.max_bytes // (1 << 20)} MB.")
            out.write(chunk)
    if size == 0:
        path.unlink(missing_ok=True)
        raise ApiError(400, "Invalid request: the audio file is empty")
    return path


def router(runtime: Runtime, files: FileStore) -> APIRouter:
    """Palavra's own routes."""
    api = APIRouter()

    async def params_of(request: Request) -> Params:
        params = await read_params(request)
        check_api_key(request, params, runtime.config.api_key)
        return params

    @api.get("/health", summary="Whether the server is up")
    async def health() -> JSONResponse:
        status = "draining" if runtime.drain.draining else "ok"
        return JSONResponse(
            {"status": status, "version": __version__}, status_code=503 if runtime.drain.draining else 200
        )

    @api.get("/models", summary="Installed translation models")
    async def models(request: Request) -> JSONResponse:
        check_api_key(request, Params({}, {}), runtime.config.api_key)

        def work(cancel: CancelToken) -> list[dict[str, Any]]:
            return [
                {"name": m.name, "source": m.source, "target": m.target, "kind": m.kind, "active": m.active}
                for m in runtime.engine.list_models()
            ]

        return JSONResponse(await runtime.call(runtime.interactive, work))

    @api.post(
        "/correct", openapi_extra=schema.CORRECT, summary="Correct a text, with an explanation per edit"
    )
    async def correct(request: Request) -> JSONResponse:
        params = await params_of(request)
        text = params.text("text", required=True) or ""
        if len(text) > runtime.config.max_chars:
            raise ApiError(400, "Invalid request: the text is too long")
        lang = params.text("lang", default="auto") or "auto"

        def work(cancel: CancelToken) -> dict[str, Any]:
            language = lang
            if language == "auto":
                guess = runtime.engine.detect_language(text)
                language = guess.variant or guess.language or "en"
            result = runtime.engine.correction.check(text, language, cancel=cancel)
            return {
                "language": result.language,
                "text": result.text,
                "corrected": result.corrected,
                "edits": to_json(result.edits),
            }

        return JSONResponse(await runtime.call(runtime.pool_for(len(text)), work))

    @api.post("/transcribe", openapi_extra=schema.TRANSCRIBE, summary="Transcribe a recording (Whisper)")
    async def transcribe(request: Request) -> JSONResponse:
        params = await params_of(request)
        path = await _audio_file(files, params.file("file"))
        language = params.text("language")

        def work(cancel: CancelToken) -> Any:
            try:
                return to_json(runtime.engine.speech.transcribe(path, language, cancel=cancel))
            finally:
                path.unlink(missing_ok=True)

        return JSONResponse(await runtime.call(runtime.bulk, work))

    @api.post("/drill/score", openapi_extra=schema.DRILL_SCORE, summary="Score a reading of a sentence")
    async def drill_score(request: Request) -> JSONResponse:
        params = await params_of(request)
        target = params.text("target", required=True) or ""
        lang = params.text("lang", required=True) or ""
        path = await _audio_file(files, params.file("file"))

        def work(cancel: CancelToken) -> Any:
            try:
                return to_json(runtime.engine.speech.score_attempt(target, path, lang))
            finally:
                path.unlink(missing_ok=True)

        return JSONResponse(await runtime.call(runtime.bulk, work))

    return api
