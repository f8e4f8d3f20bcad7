"""LibreTranslate's endpoints (``/translate``, ``/detect``, ``/languages``, ``/translate_file``,
``/frontend/settings``) with its request and response shapes, over the engine's facade.

Shapes follow LibreTranslate 1.6: ``q`` is a string or a list and the answer mirrors it; with ``source`` "auto"
each answer carries ``detectedLanguage`` (confidence 0-100); ``alternatives`` asks for up to N other
translations; errors are ``{"error": message}``. Palavra adds two optional fields, ``glossary`` (a stored
glossary whose terms the translation must use) and ``model`` (an installed model name).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse

from engine.cancel import CancelToken
from engine.server import schema
from engine.server.files import FileStore, translate_upload
from engine.server.html import translate_html
from engine.server.params import Params, check_api_key, read_params, texts_of
from engine.server.runtime import ApiError, Runtime

LANGUAGE_NAMES = {"en": "English", "pt": "Portuguese"}
_MAX_ALTERNATIVES = 3


def _pairs(runtime: Runtime) -> set[tuple[str, str]]:
    return {(m.source, m.target) for m in runtime.engine.list_models()}


def _detected(runtime: Runtime, text: str) -> dict[str, Any]:
    guess = runtime.engine.detect_language(text)
    return {"confidence": round(guess.confidence * 100, 1), "language": guess.language or "en"}


def _check_pair(runtime: Runtime, source: str, target: str) -> None:
    pairs = _pairs(runtime)
    sources = {s for s, _ in pairs}
    if source not in sources:
        raise ApiError(400, f"{source} is not supported")
    if (source, target) not in pairs and source != target:
        raise ApiError(400, f"{target} is not supported")


def _translate(
    runtime: Runtime,
    texts: list[str],
    source: str,
    target: str,
    *,
    fmt: str,
    model: str | None,
    glossary: str | None,
    cancel: CancelToken,
) -> list[str]:
    if source == target:
        return list(texts)
    if fmt == "html":
        return translate_html(
            runtime.engine, texts, source, target, model=model, glossary=glossary, cancel=cancel
        )
    done = runtime.engine.translate(texts, source, target, model=model, glossary=glossary, cancel=cancel)
    return [t.text for t in done]


def _alternatives(
    runtime: Runtime,
    texts: list[str],
    source: str,
    target: str,
    used: str | None,
    n: int,
    cancel: CancelToken,
) -> list[list[str]]:
    """Up to ``n`` other translations of each text: those of the pair's other installed models."""
    others = [m.name for m in runtime.engine.list_models() if (m.source, m.target) == (source, target)]
    chosen = used or next(
        (
            m.name
            for m in runtime.engine.list_models()
            if (m.source, m.target) == (source, target) and m.active
        ),
        None,
    )
    result: list[list[str]] = [[] for _ in texts]
    for name in others:
        if name == chosen or all(len(r) >= n for r in result):
            continue
        for i, t in enumerate(runtime.engine.translate(texts, source, target, model=name, cancel=cancel)):
            if len(result[i]) < n and t.text not in result[i]:
                result[i].append(t.text)
    return result


def router(runtime: Runtime, files: FileStore) -> APIRouter:
    """The LibreTranslate-compatible routes."""
    api = APIRouter()

    async def params_of(request: Request) -> Params:
        params = await read_params(request)
        check_api_key(request, params, runtime.config.api_key)
        return params

    @api.post("/translate", openapi_extra=schema.TRANSLATE, summary="Translate text")
    async def translate(request: Request) -> JSONResponse:
        params = await params_of(request)
        texts, as_list = texts_of(params)
        chars = sum(len(t) for t in texts)
        if chars > runtime.config.max_chars:
            raise ApiError(
                400, f"Invalid request: request ({chars}) exceeds text limit ({runtime.config.max_chars})"
            )
        source = params.text("source", required=True) or ""
        target = params.text("target", required=True) or ""
        fmt = params.text("format", default="text") or "text"
        if fmt not in ("text", "html"):
            raise ApiError(400, "Invalid request: format must be text or html")
        n_alt = params.integer("alternatives", default=0, low=0, high=_MAX_ALTERNATIVES)
        model = params.text("model")
        glossary = params.text("glossary")

        def work(cancel: CancelToken) -> dict[str, Any]:
            detected: list[dict[str, Any]] = []
            if source == "auto":
                detected = [_detected(runtime, t) for t in texts]
                sources = [d["language"] for d in detected]
            else:
                sources = [source] * len(texts)
            out: list[str] = [""] * len(texts)
            alts: list[list[str]] = [[] for _ in texts]
            for src in sorted(set(sources)):
                idx = [i for i, s in enumerate(sources) if s == src]
                _check_pair(runtime, src, target)
                batch = [texts[i] for i in idx]
                done = _translate(
                    runtime, batch, src, target, fmt=fmt, model=model, glossary=glossary, cancel=cancel
                )
                more = (
                    _alternatives(runtime, batch, src, target, model, n_alt, cancel)
                    if n_alt and src != target and fmt == "text"
                    else [[] for _ in batch]
                )
                for i, text, alt in zip(idx, done, more, strict=True):
                    out[i], alts[i] = text, alt
            body: dict[str, Any] = {"translatedText": out if as_list else out[0]}
            if detected:
                body["detectedLanguage"] = detected if as_list else detected[0]
            if n_alt:
                body["alternatives"] = alts if as_list else alts[0]
            return body

        return JSONResponse(await runtime.call(runtime.pool_for(chars), work))

    @api.post("/detect", openapi_extra=schema.DETECT, summary="Detect the language of a text")
    async def detect(request: Request) -> JSONResponse:
        params = await params_of(request)
        text = params.text("q", required=True) or ""
        if len(text) > runtime.config.max_chars:
            raise ApiError(400, "Invalid request: the text is too long")

        def work(cancel: CancelToken) -> list[dict[str, Any]]:
            guess = runtime.engine.detect_language(text)
            if not guess.language:
                return []
            first = {"confidence": round(guess.confidence * 100, 1), "language": guess.language}
            other = {"en": "pt", "pt": "en"}.get(guess.language)
            rest = (
                [{"confidence": round((1 - guess.confidence) * 100, 1), "language": other}] if other else []
            )
            return [first, *rest]

        return JSONResponse(await runtime.call(runtime.interactive, work))

    @api.get("/languages", openapi_extra=schema.LANGUAGES, summary="The languages Palavra translates")
    async def languages() -> JSONResponse:
        def work(cancel: CancelToken) -> list[dict[str, Any]]:
            pairs = _pairs(runtime)
            codes = sorted({c for pair in pairs for c in pair})
            return [
                {
                    "code": code,
                    "name": LANGUAGE_NAMES.get(code, code),
                    "targets": sorted({t for s, t in pairs if s == code} | {code}),
                }
                for code in codes
            ]

        return JSONResponse(await runtime.call(runtime.interactive, work))

    @api.get("/frontend/settings", include_in_schema=False)
    async def frontend_settings() -> JSONResponse:
        return JSONResponse(
            {
                "charLimit": runtime.config.max_chars,
                "frontendTimeout": 500,
                "apiKeys": bool(runtime.config.api_key),
                "keyRequired": bool(runtime.config.api_key),
                "suggestions": False,
                "filesTranslation": True,
                "supportedFilesFormat": sorted(files.suffixes()),
                "language": {
                    "source": {"code": "auto", "name": "Auto Detect"},
                    "target": {"code": "pt", "name": "Portuguese"},
                },
            }
        )

    @api.post("/translate_file", openapi_extra=schema.TRANSLATE_FILE, summary="Translate a document")
    async def translate_file(request: Request) -> JSONResponse:
        params = await params_of(request)
        upload = params.file("file")
        source = params.text("source", required=True) or ""
        target = params.text("target", required=True) or ""
        model = params.text("model")
        glossary = params.text("glossary")
        staged = await files.stage(upload)

        def work(cancel: CancelToken) -> str:
            return translate_upload(
                runtime, files, staged, source, target, model=model, glossary=glossary, cancel=cancel
            )

        name = await runtime.call(runtime.bulk, work)
        base = str(request.base_url).rstrip("/")
        return JSONResponse({"translatedFileUrl": f"{base}/download_file/{name}"})

    @api.get("/download_file/{token}/{filename}", include_in_schema=False)
    async def download_file(token: str, filename: str) -> FileResponse:
        path = files.lookup(token, filename)
        if path is None:
            raise ApiError(404, "This file does not exist or has expired. Translate it again.")
        return FileResponse(path, filename=filename)

    return api
