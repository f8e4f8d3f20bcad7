"""OpenAPI descriptions of the request bodies (the handlers read JSON and forms alike, so FastAPI cannot
infer them) and of the answers, field by field as LibreTranslate documents them."""

from __future__ import annotations

from typing import Any

_STR_OR_LIST = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
_ERROR = {
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        }
    }
}
_ERRORS = {
    "400": {"description": "Invalid request", **_ERROR},
    "403": {"description": "Invalid or missing API key", **_ERROR},
    "413": {"description": "Request too large", **_ERROR},
    "503": {"description": "Timed out, or the server is shutting down", **_ERROR},
}
_DETECTED = {
    "type": "object",
    "properties": {"confidence": {"type": "number"}, "language": {"type": "string"}},
}


def _body(properties: dict[str, Any], required: list[str], *, multipart: bool = False) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required}
    kinds = (
        ("multipart/form-data",)
        if multipart
        else (
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        )
    )
    return {"required": True, "content": {k: {"schema": schema} for k in kinds}}


def _answer(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}, **_ERRORS}


_KEY = {"api_key": {"type": "string", "description": "needed when the server was started with --api-key"}}
_ROUTING = {
    "model": {"type": "string", "description": "Palavra: an installed model name (default: the active one)"},
    "glossary": {"type": "string", "description": "Palavra: a stored glossary whose terms must be used"},
}

TRANSLATE = {
    "requestBody": _body(
        {
            "q": {**_STR_OR_LIST, "description": "text, or a list of texts"},
            "source": {"type": "string", "description": "language code, or auto"},
            "target": {"type": "string"},
            "format": {"type": "string", "enum": ["text", "html"], "default": "text"},
            "alternatives": {"type": "integer", "minimum": 0, "maximum": 3, "default": 0},
            **_ROUTING,
            **_KEY,
        },
        ["q", "source", "target"],
    ),
    "responses": _answer(
        {
            "type": "object",
            "properties": {
                "translatedText": _STR_OR_LIST,
                "detectedLanguage": {"oneOf": [_DETECTED, {"type": "array", "items": _DETECTED}]},
                "alternatives": {"type": "array"},
            },
            "required": ["translatedText"],
        }
    ),
}
DETECT = {
    "requestBody": _body({"q": {"type": "string"}, **_KEY}, ["q"]),
    "responses": _answer({"type": "array", "items": _DETECTED}),
}
LANGUAGES = {
    "responses": _answer(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": {"type": "string"},
                    "name": {"type": "string"},
                    "targets": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    )
}
TRANSLATE_FILE = {
    "requestBody": _body(
        {
            "file": {"type": "string", "format": "binary"},
            "source": {"type": "string"},
            "target": {"type": "string"},
            **_ROUTING,
            **_KEY,
        },
        ["file", "source", "target"],
        multipart=True,
    ),
    "responses": _answer(
        {
            "type": "object",
            "properties": {"translatedFileUrl": {"type": "string"}},
            "required": ["translatedFileUrl"],
        }
    ),
}
CORRECT = {
    "requestBody": _body(
        {
            "text": {"type": "string"},
            "lang": {
                "type": "string",
                "description": "en, pt, en-US, en-GB, pt-BR, pt-PT or auto",
                "default": "auto",
            },
            **_KEY,
        },
        ["text"],
    ),
    "responses": _answer(
        {
            "type": "object",
            "properties": {
                "language": {"type": "string"},
                "corrected": {"type": "string"},
                "edits": {"type": "array", "items": {"type": "object"}},
            },
        }
    ),
}
TRANSCRIBE = {
    "requestBody": _body(
        {"file": {"type": "string", "format": "binary"}, "language": {"type": "string"}, **_KEY},
        ["file"],
        multipart=True,
    ),
    "responses": _answer({"type": "object"}),
}
DRILL_SCORE = {
    "requestBody": _body(
        {
            "file": {"type": "string", "format": "binary"},
            "target": {"type": "string"},
            "lang": {"type": "string"},
            **_KEY,
        },
        ["file", "target", "lang"],
        multipart=True,
    ),
    "responses": _answer({"type": "object"}),
}
