"""2. Concurrency: one campaign's nine modules, and a batch of campaigns under a call limit.

Campaign: ``run_campaign(autonomy="full")`` against the loopback server with 300 ms latency per
call, concurrent (modules start as their gates open) against the sequential loop
(``max_workers=1``), plus ``aicmo run --autonomy full`` itself in a fresh process, without and with
``aicmo worker`` running in the same home (started before the runs, stopped after; the two kinds of
process alternate, and the worker must have served each of its runs). The bound is
the longest chain of calls in the module graph times the latency (one call per module); a second
bound adds each module's own work, measured on the same machine at zero latency.

Batch: ``run_many`` over N copies of the demo campaign with at most 32 calls in flight, and the
limiter alone (the same calls through the limited provider chain, no module work, after a warm-up
round), against the goal of 90% of 32 / latency calls per second. The process's CPU time per call is the kernel's own
work per model call (the loopback server runs in its own process).

Each measurement runs in a fresh interpreter. With ``AICMO_BENCH_BEFORE=<folder holding an earlier
aicmo_kernel>`` each is also run against that kernel, just before, so before and after sit side by
side in one run (issue 15 used ``git archive <commit> aicmo_kernel | tar -x -C <folder>``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
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
    write_lock_held,
)

LATENCY_MS = 300.0
SCRIPT = Path(__file__).resolve()


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


def measure_campaign(quick: bool) -> dict[str, Any]:
    from aicmo_kernel.modules import module_names
    from aicmo_kernel.runner import run_campaign
    from aicmo_kernel.store import Workspace

    repeats = 1 if quick else 3
    with fresh_home():
        with llm_server_process(0) as url, llm_environment(url), Workspace.open() as ws:
            names = seed_campaigns(ws, 1 + repeats)
            run_campaign(ws, names[0], autonomy="full", use_cache=False)  # warm up
            works = [_module_work(ws, name) for name in names[1:]]
    work = {name: sorted(w.get(name, 0.0) for w in works)[len(works) // 2] for name in module_names()}
    latency = LATENCY_MS / 1000
    calls_bound, calls_path = _critical_path({name: latency for name in module_names()})
    work_bound, work_path = _critical_path({name: latency + work[name] for name in module_names()})
    concurrent, sequential, cli, cli_worker = [], [], [], []
    program, has_worker = _cli_program()
    with fresh_home() as home:
        with llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
            env = {**os.environ, "AICMO_HOME": str(home)}  # the loopback server's variables included
            names = seed_campaigns(ws, 1 + 4 * repeats)
            run_campaign(ws, names[0], autonomy="full", use_cache=False)  # warm up
            if has_worker:  # started before, in the same home, as a user would; stopped after
                subprocess.run([*program, "worker", "start"], env=env, check=True, capture_output=True)
            try:
                for index in range(repeats):
                    first = 1 + 4 * index
                    for workers, sink, name in ((4, concurrent, names[first]), (1, sequential, names[first + 1])):
                        started = time.perf_counter()
                        report = run_campaign(ws, name, autonomy="full", max_workers=workers, use_cache=False)
                        sink.append(time.perf_counter() - started)
                        assert report.stopped_at == "learn", report.reason  # memory rules wait for a person
                    for worker, sink, name in ((False, cli, names[first + 2]), (True, cli_worker, names[first + 3])):
                        if worker and not has_worker:
                            continue
                        started = time.perf_counter()
                        done = subprocess.run([*program, "run", "--campaign", name, "--autonomy", "full", "--no-cache"], check=False,
                                              capture_output=True, text=True,
                                              env={**env, "AICMO_WORKER": "on" if worker else "off"})
                        sink.append(time.perf_counter() - started)
                        assert "stopped at learn" in done.stdout, done.stdout + done.stderr
                served = _served(program, env) if has_worker else None
            finally:
                if has_worker:
                    subprocess.run([*program, "worker", "stop"], env=env, capture_output=True, check=False)
    assert served is None or served == len(cli_worker), f"the worker served {served} of {len(cli_worker)} runs"
    med = lambda values: sorted(values)[len(values) // 2]  # noqa: E731
    return {"repeats": repeats, "work_ms": {k: v * 1000 for k, v in work.items()},
            "calls_bound_s": calls_bound, "calls_path": calls_path, "work_bound_s": work_bound, "work_path": work_path,
            "sequential_bound_s": sum(latency + w for w in work.values()),
            "concurrent_s": med(concurrent), "sequential_s": med(sequential), "cli_s": med(cli),
            "cli_worker_s": med(cli_worker) if cli_worker else None}


def _cli_program() -> tuple[list[str], bool]:
    """The ``aicmo`` program of the kernel measured, and whether it has ``aicmo worker``. A kernel
    from before the launcher (``AICMO_BENCH_BEFORE``) gets what its console script ran: the console
    script now imports the launcher, which the editable install would find in this checkout."""
    import aicmo_kernel

    package = Path(aicmo_kernel.__file__).parent
    if not (package / "launcher.py").is_file():
        return [sys.executable, "-c", "import sys; from aicmo_kernel.cli import main; sys.exit(main())"], False
    return [str(Path(sys.executable).with_name("aicmo"))], (package / "cli" / "worker.py").is_file()


def _served(program: list[str], env: dict[str, str]) -> int:
    import json

    done = subprocess.run([*program, "worker", "status", "--json"], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["served"]


def measure_batch(quick: bool) -> dict[str, Any]:
    from concurrent.futures import ThreadPoolExecutor

    from aicmo_kernel.batch import run_many
    from aicmo_kernel.config import Settings
    from aicmo_kernel.generation import shared_chain
    from aicmo_kernel.providers.limit import CallLimiter, limit_provider
    from aicmo_kernel.store import Workspace
    from bench_provider import intake_request

    campaigns = 10 if quick else 100
    limit = 32
    with fresh_home():
        with llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
            names = seed_campaigns(ws, campaigns)
            request = intake_request(ws)
            # The limiter alone: the same number of calls, no module work around them, after a round
            # that opens the connections and makes the SDK's first calls (about 10% of a cold round).
            chain = limit_provider(shared_chain(Settings.from_env()), CallLimiter(limit))
            calls = max(campaigns * 9, 320)
            with ThreadPoolExecutor(max_workers=64) as pool:
                list(pool.map(lambda _i: chain.complete(request), range(limit * 2)))
            limiter = CallLimiter(limit)
            chain = limit_provider(shared_chain(Settings.from_env()), limiter)
            alone_cpu = time.process_time()
            with cores_busy() as alone, ThreadPoolExecutor(max_workers=64) as pool:
                list(pool.map(lambda _i: chain.complete(request), range(calls)))
            alone_cpu = time.process_time() - alone_cpu
            cpu = time.process_time()
            with cores_busy() as busy, write_lock_held(ws.engine) as held:
                report = run_many(ws, names, autonomy="full", max_in_flight=limit, use_cache=False)
            cpu = time.process_time() - cpu
    return {"campaigns": campaigns, "alone_calls": calls, "alone_s": alone.wall_s, "alone_peak": limiter.peak,
            "alone_cpu_ms_per_call": alone_cpu * 1000 / calls, "write_lock": held.text(busy.wall_s),
            "alone_cores": alone.pair, "cores": busy.pair,
            "calls": report.calls, "wall_s": report.wall_s, "peak": report.peak_in_flight,
            "cpu_ms_per_call": cpu * 1000 / max(1, report.calls), "errors": len(report.errors),
            "reruns": report.reruns,
            "finished": sum(1 for r in report.reports.values() if r.stopped_at == "learn"),
            "unfinished": stop_reasons(report)}


def _pair(part: str, quick: bool) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    tree = before_tree()
    before = measure_in(SCRIPT, part, quick, tree) if tree is not None else None
    return before, measure_in(SCRIPT, part, quick)


def _load(data: dict[str, Any]) -> str:
    return f"{data['load'][0]}→{data['load'][1]}"


def campaign_section(quick: bool) -> Section:
    before, after = _pair("campaign", quick)
    bound = after["calls_bound_s"]
    runs = [("sequential loop (max_workers=1)", "sequential_s"), ("concurrent run_campaign (max_workers=4)", "concurrent_s"),
            ("`aicmo run --autonomy full` (fresh process, incl. start-up)", "cli_s"),
            ("`aicmo run --autonomy full` (fresh process with `aicmo worker` running)", "cli_worker_s")]
    runs = [(label, key) for label, key in runs if after.get(key) is not None]

    def seconds(data: dict[str, Any], key: str, divisor: float = 1.0) -> str:
        return "n/a" if data.get(key) is None else f"{data[key] / divisor:.2f}"

    if before:
        rows = [[label, seconds(before, key), seconds(before, key, bound), f"{after[key]:.2f}",
                 f"{after[key] / bound:.2f}", f"{after[key] / after['work_bound_s']:.2f}"] for label, key in runs]
        rows.append(["load average (1 min) before → after the measurement", _load(before), "", _load(after), "", ""])
        head = ["run", "before: wall s", "÷ call bound", "after: wall s", "÷ call bound", "÷ bound with work"]
        work_rows = [[name, f"{before['work_ms'].get(name, 0):.0f}", f"{ms:.0f}"] for name, ms in after["work_ms"].items()]
        work_rows.append(["all nine", f"{sum(before['work_ms'].values()):.0f}", f"{sum(after['work_ms'].values()):.0f}"])
        work_head = ["module", "before: ms", "after: ms"]
    else:
        rows = [[label, f"{after[key]:.2f}", f"{after[key] / bound:.2f}", f"{after[key] / after['work_bound_s']:.2f}"]
                for label, key in runs]
        head = ["run", "wall s", "÷ call bound", "÷ bound with work"]
        work_rows = [[name, f"{ms:.0f}"] for name, ms in after["work_ms"].items()]
        work_rows.append(["all nine", f"{sum(after['work_ms'].values()):.0f}"])
        work_head = ["module", "ms"]
    c, s = after["concurrent_s"], after["sequential_s"]
    md = (
        f"Latency {LATENCY_MS:.0f} ms per call; {after['repeats']} run(s) each, median. Critical path of calls: "
        f"{' → '.join(after['calls_path'])} = {len(after['calls_path'])} calls = **{bound:.2f} s** (sequential: 9 "
        f"calls = {9 * LATENCY_MS / 1000:.2f} s). Bound including each module's own work (measured at zero "
        f"latency, after): {' → '.join(after['work_path'])} = **{after['work_bound_s']:.2f} s**; the sequential "
        f"loop's equivalent is {after['sequential_bound_s']:.2f} s."
        + (" Before and after: the same measurement against the kernel before issue 15's speed work "
           "and against this one, each in a fresh interpreter, one just after the other." if before else "")
        + "\n\n" + table(head, rows)
        + f"\n\nConcurrent vs sequential: **{s / c:.2f}x** faster.\n\n"
        "Each module's own work at zero latency (generate + QC + auto-approve, ms, median of "
        f"{after['repeats']}):\n\n" + table(work_head, work_rows)
    )
    return Section("2a. Concurrency: one campaign", md, {"before": before, "after": after})


def batch_section(quick: bool) -> Section:
    before, after = _pair("batch", quick)
    target = 32 / (LATENCY_MS / 1000)

    def rows_of(data: dict[str, Any], label: str) -> list[list[Any]]:
        alone = data["alone_calls"] / data["alone_s"]
        rate = data["calls"] / data["wall_s"]
        return [
            [f"{label}limited provider chain alone (no module work)", data["alone_calls"], f"{data['alone_s']:.1f}",
             f"{alone:.1f}", data["alone_peak"], f"{alone / target:.0%}",
             f"{data['alone_cpu_ms_per_call']:.0f}" if "alone_cpu_ms_per_call" in data else "",
             cores_text(data.get("alone_cores")),
             _load(data)],
            [f"{label}run_many: {data['campaigns']} campaigns, autonomy full", data["calls"], f"{data['wall_s']:.1f}",
             f"{rate:.1f}", data["peak"], f"{rate / target:.0%}", f"{data['cpu_ms_per_call']:.0f}",
             cores_text(data.get("cores")), _load(data)],
        ]

    rows = (rows_of(before, "before: ") if before else []) + rows_of(after, "after: " if before else "")
    md = (f"Limit 32 calls in flight, latency {LATENCY_MS:.0f} ms: the ceiling is 32 / 0.3 s = {target:.1f} calls/s, "
          f"the goal 90% of it = {0.9 * target:.1f} calls/s. CPU ms per call: the batch process's CPU time over "
          "its calls (the kernel's own work per model call, SDK included; the server is another process; "
          "alone: the SDK's and the limiter's part). "
          "Cores busy: \"all\" counts every process on the machine (the loopback server's too), \"kernel's\" the "
          f"measured process; {os.cpu_count()} logical cores.\n\n"
          + table(["what", "calls", "wall s", "calls/s", "peak in flight", "of ceiling", "CPU ms per call",
                   "cores busy: all / kernel's", "load before→after"], rows)
          + "\n\nCampaigns that ran to the end (all modules approved, learn's memory rules left for a person): "
          + (f"before {before['finished']} of {before['campaigns']}, errors {before['errors']}; " if before else "")
          + f"{'after ' if before else ''}{after['finished']} of {after['campaigns']}; errors: {after['errors']}; "
          f"RATE_LIMIT reruns: {after['reruns']}."
          + "".join(f"\n\n{label}, SQLite's write lock held: {found['write_lock']}." for label, found in
                    (("Before", before), ("After", after)) if found and found.get("write_lock"))
          + "".join(f"\n\n{label}: {stop_text(found.get('unfinished'))}" for label, found in
                    (("Before", before), ("After", after)) if found and found.get("unfinished")))
    data = {"before": before, "after": after, "batch_calls_per_s": after["calls"] / after["wall_s"]}
    return Section("2b. Batch under a call limit", md, data)


def run(quick: bool = False) -> list[Section]:
    return [campaign_section(quick), batch_section(quick)]


if __name__ == "__main__":
    measure_main({"campaign": measure_campaign, "batch": measure_batch}, run)
