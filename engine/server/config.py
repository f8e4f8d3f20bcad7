"""The server's settings, checked before anything binds a port."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from engine.errors import InputError

#: Hosts that only this machine can reach.
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is reachable only from this machine."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerConfig:
    """How the HTTP server runs.

    Attributes:
        host: the address to bind; loopback by default. Any other host needs ``api_key``.
        port: the TCP port; 0 picks a free one (printed at start).
        api_key: when set, every request must carry it (``api_key`` field, ``X-API-Key`` or
            ``Authorization: Bearer``).
        max_body_bytes: the largest request body accepted (413 above it).
        max_chars: the most characters of text one ``/translate`` or ``/correct`` request may carry.
        request_timeout_s: a request still running after this long is cancelled and answered 503.
        interactive_threads: threads serving short requests (text under ``bulk_chars``, ``/detect``).
        bulk_threads: threads serving files, audio and long texts, so they never queue in front of short ones.
        bulk_chars: texts longer than this go to the bulk threads.
        drain_s: on SIGTERM, how long in-flight requests may still finish before they are answered 503.
        files_ttl_s: how long a translated file stays downloadable.
    """

    host: str = "127.0.0.1"
    port: int = 5000
    api_key: str | None = None
    max_body_bytes: int = 25 * 1024 * 1024
    max_chars: int = 100_000
    request_timeout_s: float = 300.0
    interactive_threads: int = 4
    bulk_threads: int = 1
    bulk_chars: int = 2_000
    drain_s: float = 3.0
    files_ttl_s: float = 3600.0

    def check(self) -> None:
        """Refuse settings that would expose the engine or cannot work.

        Raises:
            InputError: a host other than loopback without an API key, or a value out of range.
        """
        if not is_loopback(self.host) and not self.api_key:
            raise InputError(
                f"Serving on {self.host} makes Palavra reachable from other machines. Give an API key "
                "(--api-key KEY) so that only the programs you allow can use it, or serve on 127.0.0.1."
            )
        if not 0 <= self.port <= 65535:
            raise InputError(f"The port must be between 0 and 65535 (got {self.port}).")
        if self.api_key is not None and len(self.api_key) < 8:
            raise InputError("The API key is too short: use at least 8 characters.")
        if self.max_body_bytes <= 0 or self.max_chars <= 0 or self.request_timeout_s <= 0:
            raise InputError("The request limits must be positive.")
