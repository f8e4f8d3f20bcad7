"""A folder translated over a real local Ray cluster gives byte-identical files to the local run."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.api import Engine
from engine.batch.folder import plan_folder, run_local

pytestmark = [pytest.mark.model, pytest.mark.slow]

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'palavra[cluster]')")

TEXTS = [
    "Wash your hands with soap and water.\nKeep a distance of two metres.",
    "The pharmacy opens at nine.",
    "Take one tablet every eight hours.\n\nDo not drive after taking it.",
    "Where is the nearest hospital?",
]


_DRIVER = """
import json, sys
from pathlib import Path
from engine.batch.folder import plan_folder
from engine.batch.ray_runner import run_on_ray
plan = plan_folder(Path(sys.argv[1]), Path(sys.argv[2]), "en", "pt")
for r in run_on_ray(plan.jobs, address=sys.argv[3], workers=2):
    print(json.dumps({"name": r.job.path.name, "ok": r.ok, "error": r.error, "worker": r.worker}), flush=True)
"""


def _folder(root: Path, n: int) -> Path:
    src = root / "in"
    for i in range(n):
        sub = src / ("sub" if i % 2 else "")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"note{i}.txt").write_text(TEXTS[i % len(TEXTS)] + f"\nFile number {i}.\n", encoding="utf-8")
    (src / "image.png").write_bytes(b"\x89PNG")
    return src


def test_ray_cluster_output_is_identical_to_the_local_run(translation_models: Path, tmp_path: Path) -> None:
    src = _folder(tmp_path, 8)
    local_plan = plan_folder(src, tmp_path / "local", "en", "pt")
    assert len(local_plan.jobs) == 8 and [p.name for p in local_plan.unsupported] == ["image.png"]
    engine = Engine()
    assert all(r.ok for r in run_local(engine, local_plan.jobs))
    engine.close()

    port = 6390 + os.getpid() % 500
    # The cluster and its driver agree on a token explicitly: newer Ray turns token authentication on by default
    # for some set-ups and not others, so nothing is left to what this machine happens to have in ~/.ray.
    env = {
        **os.environ,
        "RAY_USAGE_STATS_ENABLED": "0",
        "RAY_AUTH_MODE": "token",
        "RAY_AUTH_TOKEN": secrets.token_hex(32),
    }
    ray_bin = str(Path(sys.executable).with_name("ray"))
    subprocess.run(
        [
            ray_bin,
            "start",
            "--head",
            f"--port={port}",
            "--num-cpus=2",
            "--include-dashboard=false",
            "--node-ip-address=127.0.0.1",
            "--disable-usage-stats",
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    try:
        # The driver runs in its own process so that Ray reads the authentication settings when it starts.
        driver = subprocess.run(
            [sys.executable, "-c", _DRIVER, str(src), str(tmp_path / "ray"), f"127.0.0.1:{port}"],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        subprocess.run([ray_bin, "stop", "--force"], env=env, capture_output=True, timeout=120)
    assert driver.returncode == 0, driver.stderr[-3000:]
    results = [json.loads(line) for line in driver.stdout.splitlines() if line.startswith("{")]
    assert sorted(r["name"] for r in results) == sorted(j.path.name for j in local_plan.jobs)
    assert all(r["ok"] for r in results), [r["error"] for r in results if not r["ok"]]
    assert len({r["worker"] for r in results}) == 2  # both actors did work
    for job in local_plan.jobs:
        twin = tmp_path / "ray" / job.out.relative_to(tmp_path / "local")
        assert twin.read_bytes() == job.out.read_bytes()
        assert "File number" not in job.out.read_text()  # it was translated

    again = plan_folder(src, tmp_path / "ray", "en", "pt")
    assert again.jobs == () and len(again.done) == 8  # resumes: nothing left to do


def test_a_folder_resumes_without_redoing_finished_files(translation_models: Path, tmp_path: Path) -> None:
    src = _folder(tmp_path, 4)
    out = tmp_path / "out"
    plan = plan_folder(src, out, "en", "pt")
    engine = Engine()
    first = next(run_local(engine, plan.jobs))  # "killed" after the first file
    stamp = first.job.out.stat().st_mtime_ns
    rest = plan_folder(src, out, "en", "pt")
    assert len(rest.jobs) == 3 and first.job.path in rest.done
    list(run_local(engine, rest.jobs))
    engine.close()
    assert first.job.out.stat().st_mtime_ns == stamp
    with pytest.raises(Exception, match="outside the folder"):
        plan_folder(src, src / "out", "en", "pt")
    shutil.rmtree(out)
