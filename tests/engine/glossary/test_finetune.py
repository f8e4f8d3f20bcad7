"""Fine-tuning in a child process on the real model: killing it at any point leaves everything intact; a short
run installs an adapted model next to the base, which can be activated and switched back."""

from __future__ import annotations

import hashlib
import os
import signal
import time
from pathlib import Path

import pytest

from engine import paths
from engine.api import Engine
from engine.errors import ModelError
from engine.glossary.finetune.config import FineTuneConfig
from engine.glossary.finetune.runner import FineTuneJob
from engine.glossary.model import GlossaryEntry
from engine.translate import store

pytestmark = [pytest.mark.model, pytest.mark.slow]

ENTRIES = [
    GlossaryEntry("blood pressure", "tensão arterial"),
    GlossaryEntry("shortness of breath", "dificuldade em respirar"),
    GlossaryEntry("contact tracing", "rastreio de contactos"),
]


def _config(engine: Engine, **overrides: object) -> FineTuneConfig:
    base = engine.glossaries.finetune_config("med", minutes=0.05)
    values = {**base.__dict__, "term_sentences": 12, "held_out": 3, "evaluations": 0, **overrides}
    return FineTuneConfig(**values)  # type: ignore[arg-type]


def _snapshot(engine: Engine, prepared: Path) -> tuple[object, ...]:
    active = paths.models_dir() / "active.json"
    base_files = sorted(
        (p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in (prepared / "en-pt").iterdir()
    )
    return (
        active.read_bytes() if active.exists() else None,
        base_files,
        [(e.source, e.target) for e in engine.glossaries.entries("med")],
        sorted(m.name for m in store.installed_models()),
        sorted(p.name for p in paths.models_dir().iterdir()),
    )


@pytest.fixture
def engine(translation_models: Path) -> Engine:
    eng = Engine()
    eng.glossaries.create("med", "en", "pt", ENTRIES, domain="medical")
    eng.translation.activate_model("en-pt")
    yield eng
    eng.close()


@pytest.mark.parametrize("kill_at", ["stage:loading", "progress", "stage:exporting"])
def test_killing_at_any_point_leaves_everything_intact(
    engine: Engine, translation_models: Path, kill_at: str
) -> None:
    before = _snapshot(engine, translation_models)
    job = FineTuneJob(_config(engine, minutes=0.3 if kill_at == "progress" else 0.05))
    finished = False
    try:
        for event in job.events():
            label = event["event"] if event["event"] != "stage" else f"stage:{event['stage']}"
            if label == kill_at:
                if kill_at == "stage:exporting":
                    time.sleep(0.3)  # in the middle of writing the ONNX files
                assert job.pid is not None
                os.killpg(job.pid, signal.SIGKILL)
            finished = finished or event["event"] == "done"
    except ModelError as err:
        assert "unchanged" in err.user_message
    after = _snapshot(engine, translation_models)
    if finished or "en-pt + med" in after[3]:
        # the kill came after the atomic rename (the export won the race): the new model is complete and
        # nothing else changed
        assert after[:3] == before[:3]
        store.verify_files(store.find_installed("en-pt + med"))  # type: ignore[arg-type]
    else:
        assert after == before
    assert not list(paths.models_dir().glob(".tmp-*"))
    store.verify_files(store.find_installed("en-pt"))  # type: ignore[arg-type]
    assert engine.translate(["Good morning."], "en", "pt")[0].model == "en-pt"


def test_short_run_teaches_the_installed_model_and_installs_it_next_to_the_base(
    engine: Engine, translation_models: Path, tmp_path: Path
) -> None:
    """Fails when fine-tuning does not teach: the installed int8 model must use held-out terms more than the base."""
    from engine.glossary.finetune.data import held_out_sources
    from engine.glossary.finetune.runner import run_job
    from engine.glossary.terms import uses_term

    document = tmp_path / "clinic notes.txt"
    document.write_text(
        "The nurse checked his blood pressure twice.\n\nShe had shortness of breath at night. It was cold.\n",
        encoding="utf-8",
    )
    held = held_out_sources(ENTRIES, len(ENTRIES))
    targets = {s: next(e.target for e in ENTRIES if e.source in s) for s in held}

    def term_use(model: str | None) -> int:
        out = engine.translate(held, "en", "pt", model=model)
        return sum(uses_term(o.text, targets[s]) for s, o in zip(held, out, strict=True))

    base_use = term_use(None)
    assert base_use < len(held)  # something to learn
    config = _config(
        engine,
        minutes=0.5,
        term_sentences=60,
        evaluations=1,
        learning_rate=5e-4,
        batch_size=16,
        general_limit=30,
        documents=[str(document)],
        max_general_drop=100.0,  # a run this short costs general quality; the gate is tested on its own
    )
    events: list[dict[str, object]] = []
    done = run_job(config, on_event=events.append)
    prepared = next(e for e in events if e.get("stage") == "prepared")
    assert (
        prepared["term_pairs"] == len(ENTRIES) * 18 + 2
    )  # 18 templates per term + the two document sentences
    phases = [(e["phase"], e["runtime"]) for e in events if e["event"] == "metrics"]
    assert ("before", "onnx-int8") in phases and ("installed", "onnx-int8") in phases
    assert done["installed"] and done["model"] == "en-pt + med", done.get("reason")
    adapted = store.find_installed("en-pt + med")
    assert adapted is not None and adapted.kind == "adapted" and adapted.manifest["glossary"] == "med"
    store.verify_files(adapted)
    # the installed model, without term-aware inference, uses the held-out terms more often than the base
    assert term_use("en-pt + med") > base_use
    assert done["after"]["term_accuracy"] > done["before"]["term_accuracy"]
    # installed, not active; the base stays; the user can switch and switch back
    assert engine.translate(["Hello."], "en", "pt")[0].model == "en-pt"
    engine.translation.activate_model("en-pt + med")
    assert engine.translate(["Hello again."], "en", "pt")[0].model == "en-pt + med"
    engine.translation.activate_model("en-pt")
    assert engine.translate(["Hello, once more."], "en", "pt")[0].model == "en-pt"


def test_a_model_that_does_not_improve_is_not_installed(engine: Engine) -> None:
    from engine.glossary.finetune.runner import run_job

    done = run_job(_config(engine, minutes=0.02, learning_rate=1e-9))
    assert not done["installed"] and "base model is kept" in done["reason"]
    assert store.find_installed("en-pt + med") is None


def test_pt_en_from_a_glossary_alone_is_refused(translation_models: Path) -> None:
    eng = Engine()
    eng.glossaries.create("pt med", "pt", "en", [GlossaryEntry("tensão arterial", "blood pressure")])
    from engine.glossary.finetune.runner import run_job

    config = FineTuneConfig(**{**eng.glossaries.finetune_config("pt med", minutes=0.05).__dict__})
    with pytest.raises(ModelError) as err:
        run_job(config)
    assert "translation memory" in err.value.user_message
    eng.close()


def test_cancel_token_terminates_the_child(engine: Engine) -> None:
    from engine.cancel import CancelToken
    from engine.errors import Cancelled

    token = CancelToken()
    pids: list[int] = []
    job = FineTuneJob(_config(engine, minutes=1.0))
    with pytest.raises(Cancelled):
        for event in job.events(token):
            if event["event"] == "stage" and job.pid is not None:
                pids.append(job.pid)
                token.cancel()
    with pytest.raises(ProcessLookupError):
        os.killpg(pids[0], 0)


_PARENT = """
import json, sys, time
from engine.glossary.finetune.config import FineTuneConfig
from engine.glossary.finetune.runner import FineTuneJob
job = FineTuneJob(FineTuneConfig(**json.loads(open(sys.argv[1], encoding="utf-8").read())))
job.start()
print(job.pid, job._scratch, flush=True)
time.sleep(600)
"""

_SILENT_CHILD = """
import os, subprocess, sys, time
code = "import sys, time; from engine.glossary.finetune.worker import watch_parent; watch_parent(int(sys.argv[1]), 0.2); time.sleep(600)"
child = subprocess.Popen([sys.executable, "-c", code, str(os.getpid())], start_new_session=True)
print(child.pid, flush=True)
time.sleep(600)
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _gone(pid)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc (Linux)")
def test_worker_stops_when_the_app_is_killed_and_its_scratch_is_removed_next_time(
    engine: Engine, tmp_path: Path
) -> None:
    import json
    import subprocess
    import sys
    from dataclasses import asdict

    config = tmp_path / "config.json"
    config.write_text(json.dumps(asdict(_config(engine, minutes=2.0))), encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(config)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=str(Path(__file__).resolve().parents[3]),
    )
    assert parent.stdout is not None
    child_pid, scratch = parent.stdout.readline().split()
    scratch_path = Path(scratch)
    assert scratch_path.parent == paths.data_dir() / "finetune-runs"  # never the shared /tmp
    assert not (scratch_path.parent.stat().st_mode & 0o077)  # private
    time.sleep(1.0)
    assert not _gone(int(child_pid))  # training is running
    parent.kill()
    parent.wait()
    assert _wait_gone(int(child_pid), 15), "the fine-tuning worker outlived the app"
    assert scratch_path.is_dir()  # nobody cleaned up after the killed app...
    FineTuneJob(_config(engine)).cleanup()  # ...until the next run starts
    assert not scratch_path.exists()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc (Linux)")
def test_parent_watch_stops_a_silent_worker() -> None:
    """A worker in a long silent phase (no event to write to the dead pipe) still stops with its parent."""
    import subprocess
    import sys

    parent = subprocess.Popen(
        [sys.executable, "-c", _SILENT_CHILD],
        stdout=subprocess.PIPE,
        text=True,
        cwd=str(Path(__file__).resolve().parents[3]),
    )
    assert parent.stdout is not None
    child_pid = int(parent.stdout.readline())
    time.sleep(1.5)
    assert not _gone(child_pid)
    parent.kill()
    parent.wait()
    try:
        assert _wait_gone(child_pid, 5), "the worker outlived its parent"
    finally:
        if not _gone(child_pid):
            os.kill(child_pid, signal.SIGKILL)
