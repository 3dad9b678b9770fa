"""9. A batch on every core: ``run_many(processes=N)`` against one process, same campaigns, same
limit (issue 15).

The loopback server runs in its own process with 300 ms latency per call; the limit is 32 calls
in flight, so the ceiling is 32 / 0.3 s = 106.7 calls/s. Worker processes gain at most the number
of free cores; the machine's other work shows in the numbers, so the load average is given with
each. With ``AICMO_BENCH_BEFORE`` (see ``bench/concurrency.py``) each measurement is also run
against an earlier kernel, just before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    Section,
    before_tree,
    cores_busy,
    cores_text,
    fresh_home,
    llm_environment,
    llm_server_process,
    measure_in,
    measure_main,
    seed_campaigns,
    stop_reasons,
    stop_text,
    table,
)

LATENCY_MS = 300.0
LIMIT = 32
SCRIPT = Path(__file__).resolve()


def _campaigns(quick: bool) -> int:
    return 10 if quick else 100


def measure(processes: int, quick: bool) -> dict[str, Any]:
    from aicmo_kernel.batch import run_many
    from aicmo_kernel.store import Workspace

    campaigns = _campaigns(quick)
    with fresh_home(), llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
        names = seed_campaigns(ws, campaigns)
        with cores_busy() as busy:
            report = run_many(ws, names, autonomy="full", max_in_flight=LIMIT, use_cache=False, processes=processes)
    return {"processes": processes, "campaigns": campaigns, "calls": report.calls, "wall_s": busy.wall_s,
            "cores": busy.pair,
            "peak": report.peak_in_flight, "errors": len(report.errors),
            "finished": sum(1 for r in report.reports.values() if r.stopped_at == "learn"),
            "unfinished": stop_reasons(report)}


def run(quick: bool = False) -> Section:
    target = LIMIT / (LATENCY_MS / 1000)
    tree = before_tree()
    rows, data = [], {}
    for processes in (1, 2):
        pair = [("before", measure_in(SCRIPT, str(processes), quick, tree))] if tree is not None else []
        pair.append(("after", measure_in(SCRIPT, str(processes), quick)))
        for when, found in pair:
            rate = found["calls"] / found["wall_s"]
            rows.append(([when] if tree is not None else []) + [
                processes, found["campaigns"], found["calls"], f"{found['wall_s']:.1f}", f"{rate:.1f}", found["peak"],
                f"{rate / target:.0%}", f"{found['finished']} of {found['campaigns']}", found["errors"],
                cores_text(found.get("cores")), f"{found['load'][0]}→{found['load'][1]}"])
            data[f"{when}:processes={processes}"] = {**found, "calls_per_s": rate}
    md = (f"Limit {LIMIT} calls in flight, latency {LATENCY_MS:.0f} ms: ceiling {target:.1f} calls/s. "
          f"{os.cpu_count()} logical cores; the load average (1 minute) is read before and after each measurement "
          "(other work on the machine takes its share of the cores). Cores busy during the batch: \"all\" counts "
          "every process on the machine (the loopback server's too), \"kernel's\" the measured process and its "
          "worker processes. Each measurement runs in a fresh interpreter."
          + (" Before: the kernel before issue 15's speed work; after: this one." if tree is not None else "")
          + "\n\n"
          + table((["kernel"] if tree is not None else []) + ["processes", "campaigns", "calls", "wall s", "calls/s",
                   "peak in flight", "of ceiling", "ran to the end", "errors", "cores busy: all / kernel's",
                   "load before→after"], rows))
    for when in ("before", "after") if tree is not None else ("after",):
        one, two = data[f"{when}:processes=1"], data[f"{when}:processes=2"]
        speedup = one["wall_s"] / two["wall_s"]
        data[f"{when}:speedup"] = speedup
        md += f"\n\n{when.capitalize() + ': t' if tree is not None else 'T'}wo processes against one: **{speedup:.2f}x** (wall time, including each worker's start-up)."
    for key, found in data.items():
        if isinstance(found, dict) and found.get("unfinished"):
            md += f"\n\n{key}: {stop_text(found['unfinished'])}"
    return Section("9. A batch on every core", md, data)


if __name__ == "__main__":
    measure_main({"1": lambda quick: measure(1, quick), "2": lambda quick: measure(2, quick)}, run)
