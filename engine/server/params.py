"""Reading request parameters the way LibreTranslate clients send them: JSON, a form or a multipart upload.

Every check here answers 400 with a sentence that names the field, so a client author can fix the request.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from engine.server.runtime import ApiError

#: Form fields and files one request may carry (a multipart body with thousands of parts is refused).
_MAX_FIELDS = 1000
_MAX_FILES = 2


@dataclass(frozen=True)
class Params:
    """The request's fields: strings (or lists of strings for repeated form fields) and uploaded files."""

    values: Mapping[str, Any]
    files: Mapping[str, UploadFile]

    def text(self, name: str, *, default: str | None = None, required: bool = False) -> str | None:
        """A field as a string; ``required`` fields that are missing or empty answer 400."""
        value = self.values.get(name, default)
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else value
        if value is None or value == "":
            if required:
                raise ApiError(400, f"Invalid request: missing {name} parameter")
            return default
        if not isinstance(value, str):
            raise ApiError(400, f"Invalid request: {name} must be a string")
        return value

    def integer(self, name: str, *, default: int, low: int, high: int) -> int:
        """A field as an integer within [low, high]."""
        raw = self.values.get(name, default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise ApiError(400, f"Invalid request: {name} must be a whole number") from None
        if not low <= value <= high:
            raise ApiError(400, f"Invalid request: {name} must be between {low} and {high}")
        return value

    def file(self, name: str) -> UploadFile:
        """An uploaded file; 400 when it is missing."""
        upload = self.files.get(name)
        if upload is None:
            raise ApiError(400, f"Invalid request: missing {name} file (send multipart/form-data)")
        return upload


async def read_params(request: Request) -> Params:
    """Parse the body as JSON or a form (urlencoded or multipart); query parameters fill the gaps.

    Raises:
        ApiError: 400 for a body that is not what its Content-Type says.
    """
    values: dict[str, Any] = dict(request.query_params)
    files: dict[str, UploadFile] = {}
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        try:
            form = await request.form(max_files=_MAX_FILES, max_fields=_MAX_FIELDS)
        except Exception as exc:  # starlette raises MultiPartException, KeyError, ValueError...
            raise ApiError(400, f"Invalid request: the form could not be read ({exc})") from None
        for key in form:
            items = form.getlist(key)
            uploads = [i for i in items if isinstance(i, UploadFile)]
            if uploads:
                files[key] = uploads[0]
            texts = [i for i in items if isinstance(i, str)]
            if texts:
                values[key] = texts if len(texts) > 1 else texts[0]
    else:
        body = await request.body()
        if body.strip():
            try:
                data = json.loads(body)
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise ApiError(400, "Invalid request: the body is not valid JSON") from None
            if not isinstance(data, dict):
                raise ApiError(400, "Invalid request: the JSON body must be an object")
            values.update(data)
    return Params(values, files)


def check_api_key(request: Request, params: Params, expected: str | None) -> None:
    """Refuse the request (403) unless it carries ``expected``; no key configured means open (loopback)."""
    if not expected:
        return
    given = params.values.get("api_key") or request.headers.get("x-api-key") or ""
    auth = request.headers.get("authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not isinstance(given, str) or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "Invalid API key")


def texts_of(params: Params, name: str = "q") -> tuple[list[str], bool]:
    """The text(s) to work on and whether the client sent a list (the answer mirrors its shape)."""
    value = params.values.get(name)
    if value is None or value == "":
        raise ApiError(400, f"Invalid request: missing {name} parameter")
    if isinstance(value, str):
        return [value], False
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value), True
    raise ApiError(400, f"Invalid request: {name} must be a string or a list of strings")
