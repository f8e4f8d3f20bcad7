"""Running fine-tuning in a child process: JSON-lines events, cancel by terminating the process group.

The child (:mod:`engine.glossary.finetune.worker`) runs in its own session. Cancelling sends SIGTERM to its whole
process group, then SIGKILL after a timeout; the scratch folder and any unfinished model folder are removed.
Installs are atomic (temporary folder renamed into place), so killing at any point never leaves a half model,
and the base model, the active model and the glossaries are never touched.

The scratch folder (the run's configuration, its log and its working files) lives inside the user's data folder
(``finetune-runs/``, private like the rest of it), never in the shared temporary folder, and a folder left by a run
whose process is gone (the app was killed) is removed when the next run starts. The child watches its parent and
stops when the parent is gone (:func:`engine.glossary.finetune.worker.watch_parent`).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from engine import paths
from engine.cancel import CancelToken
from engine.errors import Cancelled, ModelError
from engine.glossary.finetune.config import FineTuneConfig

log = logging.getLogger(__name__)

#: Seconds between SIGTERM and SIGKILL when cancelling.
KILL_TIMEOUT = 5.0

Event = dict[str, Any]


#: The data folder's sub-folder holding the scratch folders of running fine-tuning jobs.
RUNS_DIR = "finetune-runs"
#: Environment variable telling the child its parent's process id (it stops when the parent is gone).
ENV_PARENT = "PALAVRA_FINETUNE_PARENT"


def runs_dir() -> Path:
    """The folder of the running jobs' scratch folders (created private)."""
    path = paths.data_dir() / RUNS_DIR
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_runs() -> list[Path]:
    """Remove scratch folders of runs whose owner (the app that started them) is gone; returns what was removed."""
    root = paths.data_dir(create=False) / RUNS_DIR
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for folder in root.iterdir():
        owner = folder / "owner.pid"
        try:
            pid = int(owner.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            pid = 0
        if pid > 0 and pid != os.getpid() and _alive(pid):
            continue
        if pid == os.getpid():
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


class FineTuneJob:
    """One fine-tuning child process.

    Args:
        config: the run's options.
    """

    def __init__(self, config: FineTuneConfig) -> None:
        remove_stale_runs()
        self._scratch = Path(tempfile.mkdtemp(prefix="run-", dir=runs_dir()))
        (self._scratch / "owner.pid").write_text(str(os.getpid()), encoding="utf-8")
        config_dict = asdict(config)
        config_dict["work_dir"] = str(self._scratch / "work")
        self.config = FineTuneConfig(**config_dict)
        self._config_path = self._scratch / "config.json"
        self._config_path.write_text(json.dumps(config_dict, ensure_ascii=False), encoding="utf-8")
        self._stderr_path = self._scratch / "stderr.log"
        self._process: subprocess.Popen[str] | None = None
        self._events: queue.Queue[Event | None] = queue.Queue()

    @property
    def pid(self) -> int | None:
        """The child's process id (also its process group id) once started."""
        return self._process.pid if self._process else None

    def start(self) -> None:
        """Start the child process in its own session."""
        env = dict(os.environ)
        env[paths.ENV_DATA_DIR] = str(paths.data_dir())
        env.setdefault("PYTHONUNBUFFERED", "1")
        env[ENV_PARENT] = str(os.getpid())
        stderr = self._stderr_path.open("w", encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "engine.glossary.finetune.worker", str(self._config_path)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
            start_new_session=True,
            env=env,
            cwd=str(Path(__file__).resolve().parents[3]),
        )
        stderr.close()
        threading.Thread(target=self._read, name="palavra-finetune-reader", daemon=True).start()

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            line = line.strip()
            if not line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                log.debug("fine-tuning child wrote a non-event line")
                continue
            if isinstance(event, dict):
                self._events.put(event)
        self._events.put(None)

    def events(self, cancel: CancelToken | None = None, poll: float = 0.2) -> Iterator[Event]:
        """Yield the child's events until it exits; cancelling the token kills it and raises ``Cancelled``.

        Raises:
            Cancelled: ``cancel`` was set.
            ModelError: the child died without reporting a result.
        """
        if self._process is None:
            self.start()
        finished = False
        try:
            while True:
                if cancel is not None and cancel.cancelled:
                    self.cancel()
                    raise Cancelled("Fine-tuning")
                try:
                    event = self._events.get(timeout=poll)
                except queue.Empty:
                    continue
                if event is None:
                    break
                if event.get("event") in ("done", "error"):
                    finished = True
                yield event
        finally:
            if not finished:
                self.cancel()
        code = self._wait()
        if not finished:
            raise ModelError(
                "Fine-tuning stopped unexpectedly (the helper process exited with code "
                f"{code}). Your models and glossaries are unchanged.",
                detail=self._stderr_tail(),
            )
        self.cleanup()

    def cancel(self) -> None:
        """Terminate the child's process group (SIGTERM, then SIGKILL) and remove unfinished files."""
        process = self._process
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=KILL_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass
        self.cleanup()

    def _wait(self) -> int:
        assert self._process is not None
        return self._process.wait()

    def _stderr_tail(self) -> str:
        try:
            return self._stderr_path.read_text(encoding="utf-8")[-2000:]
        except OSError:
            return ""

    def cleanup(self) -> None:
        """Remove the scratch folder and unfinished model folders of this run."""
        shutil.rmtree(self._scratch, ignore_errors=True)
        remove_unfinished_models(self.config.model_name)


def remove_unfinished_models(name: str) -> None:
    """Delete temporary folders an interrupted install of model ``name`` left behind (they have no manifest and
    are ignored by the model list anyway)."""
    from engine.translate.store import slug

    root = paths.models_dir(create=False)
    if not root.is_dir():
        return
    for folder in root.glob(f".tmp-{slug(name)}-*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def run_job(
    config: FineTuneConfig,
    *,
    on_event: Callable[[Event], None] | None = None,
    cancel: CancelToken | None = None,
) -> Event:
    """Run a fine-tuning job to the end.

    Returns:
        The ``done`` event.

    Raises:
        Cancelled: cancelled through ``cancel``.
        ModelError: the run failed (its message says why).
    """
    job = FineTuneJob(config)
    result: Event | None = None
    for event in job.events(cancel):
        if on_event is not None:
            on_event(event)
        if event.get("event") == "error":
            raise ModelError(
                str(event.get("message", "Fine-tuning failed.")), detail=str(event.get("detail"))
            )
        if event.get("event") == "done":
            result = event
    if result is None:  # pragma: no cover - events() raises first
        raise ModelError("Fine-tuning ended without a result.")
    return result
