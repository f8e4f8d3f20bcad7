"""Load on ``palavra serve`` from real HTTP clients, next to the same work done in process.

Starts ``palavra serve --port 0`` (the real CLI, a separate process), then runs C parallel clients each sending
R ``/translate`` requests of one Tatoeba sentence (as a browser extension or a CAT tool does while a user
works), and the same C x R calls to ``Engine.translate`` from C threads in this process. Also: the cost of the
HTTP stack itself (``/health``, no engine work) and the import time of the stack.

    .venv/bin/python benchmarks/server_load.py [--clients 16] [--requests 25]

Reads Tatoeba from ../shared/data (says so and stops when it is absent).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _mt_common import require_data, tatoeba

REPO = Path(__file__).resolve().parents[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _run(clients: int, work: list[list[str]], call: Callable[[str], bool]) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(items: list[str]) -> None:
        nonlocal errors
        for text in items:
            t0 = time.perf_counter()
            ok = call(text)
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                latencies.append(dt)
                errors += 0 if ok else 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, work))
    return latencies, errors, time.perf_counter() - t0


def _row(name: str, latencies: list[float], errors: int, wall: float) -> str:
    return (
        f"| {name} | {len(latencies)} | {errors} | {statistics.median(latencies):.1f} | {_pct(latencies, 0.95):.1f} "
        f"| {max(latencies):.1f} | {len(latencies) / wall:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=25)
    args = parser.parse_args()
    require_data()
    import httpx

    en, _ = tatoeba(args.clients * args.requests)
    work = [en[i * args.requests : (i + 1) * args.requests] for i in range(args.clients)]

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import fastapi, uvicorn"], check=True)
    stack_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t0

    process = subprocess.Popen(
        [sys.executable, "-m", "engine", "serve", "--port", "0"], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    url = process.stdout.readline().split("serving on ", 1)[1].split(" ", 1)[0]
    try:
        client = httpx.Client(base_url=url, timeout=120, limits=httpx.Limits(max_connections=args.clients))
        client.post("/translate", json={"q": "Warm up.", "source": "en", "target": "pt"})

        def over_http(text: str) -> bool:
            r = client.post("/translate", json={"q": text, "source": "en", "target": "pt"})
            return r.status_code == 200 and bool(r.json().get("translatedText"))

        def health(_: str) -> bool:
            return client.get("/health").status_code == 200

        http = _run(args.clients, work, over_http)
        stack = _run(args.clients, work, health)

        # one client typing (a sentence at a time) while another sends a long document's text
        more, _ = tatoeba(3000)
        long_text = " ".join(more)[:95_000]
        background = threading.Thread(
            target=lambda: httpx.post(
                f"{url}/translate", json={"q": long_text, "source": "en", "target": "pt"}, timeout=600
            )
        )
        alone = _run(1, [en[:40]], over_http)
        background.start()
        time.sleep(0.5)
        beside = _run(1, [en[40:80]], over_http)
        long_running = background.is_alive()
        background.join()
    finally:
        process.terminate()
        process.wait(10)

    from engine.api import Engine

    engine = Engine()
    engine.translate(["Warm up."], "en", "pt")

    def in_process(text: str) -> bool:
        return bool(engine.translate([text], "en", "pt")[0].text)

    local = _run(args.clients, work, in_process)
    engine.close()

    load = os.getloadavg()[0]
    print(
        f"{args.clients} clients x {args.requests} requests, one Tatoeba en->pt sentence each; load avg {load:.1f}"
    )
    print()
    print("| path | requests | errors | p50 ms | p95 ms | max ms | requests/s |")
    print("|---|---|---|---|---|---|---|")
    print(_row("HTTP /translate (palavra serve)", *http))
    print(_row("in process, Engine.translate from the same threads", *local))
    print(_row("HTTP /health (the stack alone, no engine work)", *stack))
    print(_row("1 client typing, server otherwise idle", *alone))
    label = "1 client typing while a long text is translated" + (
        "" if long_running else " (it finished first!)"
    )
    print(_row(label, *beside))
    print()
    print(f"importing fastapi + uvicorn: {stack_import - bare:.2f} s over a bare interpreter start")


if __name__ == "__main__":
    main()
