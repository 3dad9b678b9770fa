"""9. A batch on every core: ``run_many(processes=N)`` against one process, same campaigns, same
limit (issue 15).

The loopback server runs in its own process with 300 ms latency per call; the limit is 32 calls
in flight, so the ceiling is 32 / 0.3 s = 106.7 calls/s. The batch is CPU-bound (about 150 ms of
the kernel's own work per call, see section 2b), so the worker processes gain at most the number
of free cores; the machine's other work shows in the numbers.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Section, fresh_home, llm_environment, llm_server_process, seed_campaigns, table  # noqa: E402

LATENCY_MS = 300.0
LIMIT = 32


def run(quick: bool = False) -> Section:
    from aicmo_kernel.batch import run_many
    from aicmo_kernel.store import Workspace

    campaigns = 6 if quick else 30
    target = LIMIT / (LATENCY_MS / 1000)
    rows, data = [], {}
    for processes in (1, 2):
        with fresh_home(), llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
            names = seed_campaigns(ws, campaigns)
            started = time.perf_counter()
            report = run_many(ws, names, autonomy="full", max_in_flight=LIMIT, use_cache=False, processes=processes)
            wall = time.perf_counter() - started
        finished = sum(1 for r in report.reports.values() if r.stopped_at == "learn")
        rate = report.calls / wall
        rows.append([processes, campaigns, report.calls, f"{wall:.1f}", f"{rate:.1f}", report.peak_in_flight,
                     f"{rate / target:.0%}", f"{finished} of {campaigns}", len(report.errors)])
        data[f"processes={processes}"] = {"calls_per_s": rate, "wall_s": wall}
    speedup = data["processes=1"]["wall_s"] / data["processes=2"]["wall_s"]
    load = os.getloadavg()[0]
    md = (f"Limit {LIMIT} calls in flight, latency {LATENCY_MS:.0f} ms: ceiling {target:.1f} calls/s. "
          f"{os.cpu_count()} logical cores; load average {load:.1f} when the runs ended (other work on the "
          "machine takes its share of the cores).\n\n"
          + table(["processes", "campaigns", "calls", "wall s", "calls/s", "peak in flight", "of ceiling",
                   "ran to the end", "errors"], rows)
          + f"\n\nTwo processes against one: **{speedup:.2f}x** (wall time, including each worker's start-up).")
    data["speedup"] = speedup
    return Section("9. A batch on every core", md, data)


if __name__ == "__main__":
    section = run("--quick" in sys.argv)
    print(f"## {section.title}\n\n{section.markdown}\n")
