"""Translate a batch of files over a Ray cluster: one actor per worker, each holding its own engine.

``palavra translate --dir IN --out OUT --ray ADDRESS`` uses this. ``ADDRESS`` is a running cluster
(``ray start --head`` prints it; ``auto`` finds the local one) or ``local`` to start one on this machine for
the run. Every worker must see the same models and glossary database (a shared folder, or the same install);
the driver passes its data and models folders to the actors. Ray's usage statistics are switched off before
Ray is imported, and a local cluster binds to loopback only.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator, Sequence
from typing import Any

from engine.batch.jobs import FileJob, FileResult, translate_file
from engine.errors import InputError

log = logging.getLogger(__name__)

#: Environment passed to the actors so that they use the driver's models, glossaries and settings.
_FORWARDED = ("PALAVRA_DATA_DIR", "PALAVRA_MODELS_DIR", "PALAVRA_DEVICE", "PALAVRA_THREADS")


class _Worker:
    """A Ray actor: one engine, translating the files it is given one after another."""

    def __init__(self, env: dict[str, str]) -> None:
        os.environ.update(env)
        from engine.api import Engine

        self.engine = Engine()
        self.name = f"{socket.gethostname()}:{os.getpid()}"

    def run(self, job: FileJob) -> FileResult:
        return translate_file(self.engine, job, worker=self.name)


def _ray() -> Any:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage statistics sent anywhere
    os.environ.setdefault("RAY_DISABLE_DOCKER_CPU_WARNING", "1")
    try:
        import ray
    except ImportError as exc:
        raise InputError(
            "Translating over a cluster needs Ray, which is not installed. Install it with "
            "'pip install \"palavra[cluster]\"' (or 'pip install ray'), or leave out --ray.",
            detail=str(exc),
        ) from exc
    return ray


def run_on_ray(jobs: Sequence[FileJob], *, address: str, workers: int) -> Iterator[FileResult]:
    """Translate ``jobs`` on ``workers`` Ray actors, yielding each result as it finishes.

    Raises:
        InputError: Ray is not installed, or the cluster cannot be reached.
    """
    if workers < 1:
        raise InputError("The number of workers must be at least 1.")
    ray = _ray()
    env = {k: os.environ[k] for k in _FORWARDED if k in os.environ}
    started_here = not ray.is_initialized()
    try:
        if started_here:
            if address == "local":
                ray.init(
                    num_cpus=workers,
                    include_dashboard=False,
                    log_to_driver=False,
                    object_store_memory=100 * 1024 * 1024,
                    _node_ip_address="127.0.0.1",
                    runtime_env={"env_vars": env},
                )
            else:
                ray.init(address=address, log_to_driver=False, runtime_env={"env_vars": env})
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise InputError(
            f"Palavra cannot reach the Ray cluster at '{address}': {exc}. Start it with 'ray start --head' "
            "and give the address it prints, or use --ray local. A cluster with token authentication also needs "
            "RAY_AUTH_MODE=token and RAY_AUTH_TOKEN (its 'ray get-auth-token' prints the token).",
            detail=repr(exc),
        ) from exc
    try:
        actor = ray.remote(num_cpus=1)(_Worker)
        actors = [actor.remote(env) for _ in range(workers)]
        pool = ray.util.ActorPool(actors)
        yield from pool.map_unordered(lambda a, job: a.run.remote(job), list(jobs))
        for a in actors:
            ray.kill(a)
    finally:
        if started_here:
            ray.shutdown()
