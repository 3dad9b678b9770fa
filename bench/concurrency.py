"""2. Concurrency: one campaign's nine modules, and a batch of campaigns under a call limit.

Campaign: ``run_campaign(autonomy="full")`` against the loopback server with 300 ms latency per
call, concurrent (modules start as their gates open) against the sequential loop
(``max_workers=1``), plus ``aicmo run --autonomy full`` itself in a fresh process. The bound is
the longest chain of calls in the module graph times the latency (one call per module); a second
bound adds each module's own work, measured on the same machine at zero latency. The concurrent
run is also timed with monitoring's charts drawn after the model's answer, as before they were
drawn ahead during the call (``analytics.charts.draw_ahead``), interleaved with the others.

Batch: ``run_many`` over N copies of the demo campaign with at most 32 calls in flight, and the
limiter alone (the same calls through the limited provider chain, no module work), against the
goal of 90% of 32 / latency calls per second.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Section, fresh_home, llm_environment, llm_server_process, seed_campaigns, table  # noqa: E402

LATENCY_MS = 300.0


def _critical_path(weights: dict[str, float]) -> tuple[float, list[str]]:
    from aicmo_kernel.runner import module_dependencies

    deps = module_dependencies()
    best: dict[str, tuple[float, list[str]]] = {}

    def finish(name: str) -> tuple[float, list[str]]:
        if name not in best:
            before = max((finish(up) for up in deps[name]), default=(0.0, []), key=lambda item: item[0])
            best[name] = (before[0] + weights[name], before[1] + [name])
        return best[name]

    return max((finish(name) for name in deps), key=lambda item: item[0])


def _module_work(ws, campaign: str) -> dict[str, float]:
    """Seconds each module takes at zero latency in the sequential loop (generate + approve)."""
    from aicmo_kernel.runner import run_campaign

    marks: list[tuple[str, float]] = []
    started = time.perf_counter()
    run_campaign(ws, campaign, autonomy="full", max_workers=1, use_cache=False,
                 on_step=lambda step: marks.append((step["module"], time.perf_counter())))
    work: dict[str, float] = {}
    previous = started
    for module, at in marks:
        work[module] = work.get(module, 0.0) + at - previous
        previous = at
    return work


@contextlib.contextmanager
def _charts_drawn_after_the_call() -> Iterator[None]:
    """Monitoring as it was before charts were drawn ahead: drawn after the model's answer."""
    from aicmo_kernel.modules import monitoring

    saved = monitoring.draw_ahead
    monitoring.draw_ahead = lambda facts, label="": None
    try:
        yield
    finally:
        monitoring.draw_ahead = saved


def campaign_section(quick: bool) -> Section:
    from aicmo_kernel.modules import module_names
    from aicmo_kernel.runner import run_campaign
    from aicmo_kernel.store import Workspace

    repeats = 1 if quick else 3
    with fresh_home():
        with llm_server_process(0) as url, llm_environment(url), Workspace.open() as ws:
            seed_campaigns(ws, 2)
            run_campaign(ws, "demo", autonomy="full", use_cache=False)  # warm up
            work = _module_work(ws, "demo-001")
    latency = LATENCY_MS / 1000
    calls_bound, calls_path = _critical_path({name: latency for name in module_names()})
    work_bound, work_path = _critical_path({name: latency + work.get(name, 0.0) for name in module_names()})
    sequential_bound = sum(latency + work.get(name, 0.0) for name in module_names())
    concurrent, inline_charts, sequential, cli = [], [], [], []
    with fresh_home() as home:
        with llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
            names = seed_campaigns(ws, 1 + 4 * repeats)
            run_campaign(ws, names[0], autonomy="full", use_cache=False)  # warm up
            for index in range(repeats):
                first = 1 + 4 * index
                for workers, sink, name in ((4, concurrent, names[first]), (4, inline_charts, names[first + 1]),
                                            (1, sequential, names[first + 2])):
                    before = _charts_drawn_after_the_call() if sink is inline_charts else contextlib.nullcontext()
                    with before:
                        started = time.perf_counter()
                        report = run_campaign(ws, name, autonomy="full", max_workers=workers, use_cache=False)
                        sink.append(time.perf_counter() - started)
                    assert report.stopped_at == "learn", report.reason  # memory rules wait for a person
                started = time.perf_counter()
                done = subprocess.run([str(Path(sys.executable).with_name("aicmo")), "run", "--campaign",
                                       names[first + 3], "--autonomy", "full", "--no-cache"],
                                      capture_output=True, text=True, env={**os.environ, "AICMO_HOME": str(home)})
                cli.append(time.perf_counter() - started)
                assert "stopped at learn" in done.stdout, done.stdout + done.stderr
    med = lambda values: sorted(values)[len(values) // 2]  # noqa: E731
    c, i, s, k = med(concurrent), med(inline_charts), med(sequential), med(cli)
    rows = [
        ["sequential loop (max_workers=1)", f"{s:.2f}", f"{s / calls_bound:.2f}", f"{s / work_bound:.2f}"],
        ["before: concurrent, monitoring's charts drawn after the call", f"{i:.2f}", f"{i / calls_bound:.2f}",
         f"{i / work_bound:.2f}"],
        ["concurrent run_campaign (max_workers=4)", f"{c:.2f}", f"{c / calls_bound:.2f}", f"{c / work_bound:.2f}"],
        ["`aicmo run --autonomy full` (fresh process, incl. start-up)", f"{k:.2f}", f"{k / calls_bound:.2f}",
         f"{k / work_bound:.2f}"],
    ]
    work_rows = [[name, f"{work.get(name, 0.0) * 1000:.0f}"] for name in module_names()]
    md = (
        f"Latency {LATENCY_MS:.0f} ms per call; {repeats} run(s) each, median. Critical path of calls: "
        f"{' → '.join(calls_path)} = {len(calls_path)} calls = **{calls_bound:.2f} s** (sequential: 9 calls = "
        f"{9 * latency:.2f} s). Bound including each module's own work (measured at zero latency): "
        f"{' → '.join(work_path)} = **{work_bound:.2f} s**; the sequential loop's equivalent is {sequential_bound:.2f} s.\n\n"
        + table(["run", "wall s", "÷ call bound", "÷ bound with work"], rows)
        + f"\n\nConcurrent vs sequential: **{s / c:.2f}x** faster. Charts drawn during the call vs after it: "
        f"**{i / c:.2f}x** faster ({(i - c) * 1000:.0f} ms).\n\n"
        "Each module's own work at zero latency (generate + QC + auto-approve, ms; at zero latency there is "
        "no wait for monitoring's charts to fill, so its figure includes them):\n\n"
        + table(["module", "ms"], work_rows)
    )
    return Section("2a. Concurrency: one campaign", md, {"concurrent_s": c, "inline_charts_s": i,
                                                          "sequential_s": s, "cli_s": k,
                                                          "calls_bound_s": calls_bound, "work_bound_s": work_bound,
                                                          "work_ms": {k_: v * 1000 for k_, v in work.items()}})


def batch_section(quick: bool) -> Section:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from aicmo_kernel.batch import run_many
    from aicmo_kernel.config import Settings
    from aicmo_kernel.generation import shared_chain
    from aicmo_kernel.providers.limit import CallLimiter, limit_provider
    from aicmo_kernel.store import Workspace
    from bench_provider import intake_request

    campaigns = 10 if quick else 100
    limit = 32
    target = limit / (LATENCY_MS / 1000)
    with fresh_home():
        with llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
            names = seed_campaigns(ws, campaigns)
            request = intake_request(ws)
            # The limiter alone: the same number of calls, no module work around them.
            limiter = CallLimiter(limit)
            chain = limit_provider(shared_chain(Settings.from_env()), limiter)
            calls = max(campaigns * 9, 320)
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=64) as pool:
                list(pool.map(lambda _i: chain.complete(request), range(calls)))
            alone_s = time.perf_counter() - started
            report = run_many(ws, names, autonomy="full", max_in_flight=limit, use_cache=False)
    finished = sum(1 for r in report.reports.values() if r.stopped_at == "learn")
    rate_alone = calls / alone_s
    rows = [
        ["limited provider chain alone (32 threads ≥ limit, no module work)", calls, f"{alone_s:.1f}",
         f"{rate_alone:.1f}", limiter.peak, f"{rate_alone / target:.0%}"],
        [f"run_many: {campaigns} campaigns, autonomy full", report.calls, f"{report.wall_s:.1f}",
         f"{report.calls_per_second:.1f}", report.peak_in_flight, f"{report.calls_per_second / target:.0%}"],
    ]
    md = (f"Limit 32 calls in flight, latency {LATENCY_MS:.0f} ms: the ceiling is 32 / 0.3 s = {target:.1f} calls/s, "
          f"the goal 90% of it = {0.9 * target:.1f} calls/s.\n\n"
          + table(["what", "calls", "wall s", "calls/s", "peak in flight", "of ceiling"], rows)
          + f"\n\nCampaigns that ran to the end (all modules approved, learn's memory rules left for a person): "
          f"{finished} of {campaigns}; errors: {len(report.errors)}; RATE_LIMIT reruns: {report.reruns}.")
    return Section("2b. Batch under a call limit", md, {"alone_calls_per_s": rate_alone,
                                                        "batch_calls_per_s": report.calls_per_second,
                                                        "campaigns": campaigns, "finished": finished})


def run(quick: bool = False) -> list[Section]:
    return [campaign_section(quick), batch_section(quick)]


if __name__ == "__main__":
    for section in run("--quick" in sys.argv):
        print(f"## {section.title}\n\n{section.markdown}\n")
