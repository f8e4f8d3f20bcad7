"""Palavra over HTTP: a local, LibreTranslate-compatible server on the engine's facade.

``palavra serve`` (:mod:`engine.cli.serve_cmd`) runs :func:`engine.server.run.serve`; the app itself is built by
:func:`engine.server.app.create_app` from an :class:`engine.api.Engine` and a :class:`ServerConfig`, so tests and
other hosts can mount it. The server keeps no state of its own apart from short-lived translated files waiting
to be downloaded: several can run behind a load balancer over the same models and glossary database.
"""

from __future__ import annotations

from engine.server.config import ServerConfig

__all__ = ["ServerConfig"]
