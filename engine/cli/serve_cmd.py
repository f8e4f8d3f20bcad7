"""``palavra serve``: the engine over HTTP, LibreTranslate-compatible (see :mod:`engine.server`)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from engine.cli.common import engine

#: The API key may come from the environment, so that it does not show in the process list.
ENV_API_KEY = "PALAVRA_API_KEY"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``serve``."""
    p = sub.add_parser(
        "serve",
        help="serve translation, correction and speech over HTTP (LibreTranslate-compatible)",
        description=(
            "Serve Palavra's engine on a local HTTP port. Programs that speak the LibreTranslate API (CAT "
            "tools, browser extensions, editors) can then translate with it. Binds to 127.0.0.1 unless told "
            "otherwise; any other address needs an API key."
        ),
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="TCP port (default 5000; 0 picks a free one)")
    p.add_argument("--api-key", help=f"key every request must carry (or set ${ENV_API_KEY})")
    p.add_argument("--max-chars", type=int, default=100_000, help="most characters of text per request")
    p.add_argument("--max-mb", type=int, default=25, help="largest request body in MB (files, audio)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds before a request is stopped (503)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until SIGTERM or Ctrl+C."""
    from engine.server.config import ServerConfig
    from engine.server.run import serve

    config = ServerConfig(
        host=args.host,
        port=args.port,
        api_key=args.api_key or os.environ.get(ENV_API_KEY) or None,
        max_chars=args.max_chars,
        max_body_bytes=args.max_mb * 1024 * 1024,
        request_timeout_s=args.timeout,
    )

    def ready(url: str) -> None:
        print(f"Palavra is serving on {url} (LibreTranslate API; OpenAPI at {url}/openapi.json).", flush=True)
        print("Press Ctrl+C to stop.", file=sys.stderr, flush=True)

    serve(engine(), config, on_ready=ready)
    return 0
