"""A folder translated over a real local Ray cluster gives byte-identical files to the local run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.api import Engine
from engine.batch.folder import plan_folder, run_local
from engine.batch.ray_runner import run_on_ray

pytestmark = [pytest.mark.model, pytest.mark.slow]

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'palavra[cluster]')")

TEXTS = [
    "Wash your hands with soap and water.\nKeep a distance of two metres.",
    "The pharmacy opens at nine.",
    "Take one tablet every eight hours.\n\nDo not drive after taking it.",
    "Where is the nearest hospital?",
]


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
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
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
        ray_plan = plan_folder(src, tmp_path / "ray", "en", "pt")
        results = list(run_on_ray(ray_plan.jobs, address=f"127.0.0.1:{port}", workers=2))
    finally:
        subprocess.run([ray_bin, "stop", "--force"], env=env, capture_output=True, timeout=120)
    assert sorted(r.job.path.name for r in results) == sorted(j.path.name for j in ray_plan.jobs)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert len({r.worker for r in results}) == 2  # both actors did work
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
