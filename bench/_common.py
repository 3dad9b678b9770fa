"""Shared helpers for the benchmarks: a loopback server in its own process, fresh workspaces,
timing and the result record every script returns to ``bench/run.py``."""

from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LITELLM_PYTHON = Path(os.environ.get("AICMO_BENCH_LITELLM_PYTHON", ROOT / "bench" / ".venv-litellm" / "bin" / "python"))
FAKE_KEY = "sk-bench-0123456789"


@dataclass
class Section:
    """One measurement's part of docs/benchmarks.md."""

    title: str
    markdown: str
    data: dict[str, Any] = field(default_factory=dict)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def llm_server_process(latency_ms: float = 0.0, default: str = "ok") -> Iterator[str]:
    """The loopback LLM server in its own process (its CPU must not compete with the measured
    process for the GIL), answering every request with the ``default`` behaviour; yields the
    OpenAI base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "aicmo_kernel.testing.llm_server", "--port", str(port),
         "--latency-ms", str(latency_ms), "--default", default],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the loopback LLM server did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(10)


@contextlib.contextmanager
def llm_environment(base_url: str, timeout_s: float = 30.0) -> Iterator[None]:
    """Environment that makes the configured chain the openai SDK against ``base_url``."""
    values = {
        "OPENAI_API_KEY": FAKE_KEY, "OPENAI_BASE_URL": base_url, "AICMO_LLM_PRIMARY_PROVIDER": "openai",
        "AICMO_LLM_FALLBACK_PROVIDERS": "", "AICMO_LLM_TIMEOUT": str(timeout_s), "AICMO_NO_DOTENV": "1",
    }
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def fresh_home() -> Iterator[Path]:
    """A temporary AICMO_HOME (a fresh SQLite workspace)."""
    saved = os.environ.get("AICMO_HOME")
    with tempfile.TemporaryDirectory(prefix="aicmo-bench-") as folder:
        os.environ["AICMO_HOME"] = folder
        try:
            yield Path(folder)
        finally:
            if saved is None:
                os.environ.pop("AICMO_HOME", None)
            else:
                os.environ["AICMO_HOME"] = saved


@dataclass
class CoresBusy:
    """How many cores were busy while the block ran: every process on the machine (``/proc/stat``,
    the loopback server and other users' work included) and this process with the child processes
    it waited for (``os.times``). Filled in when the block ends; None where /proc is missing."""

    wall_s: float = 0.0
    machine: float | None = None
    ours: float = 0.0

    @property
    def pair(self) -> list[float | None]:
        """``[machine, ours]``, as results store it (``cores_text`` shows it)."""
        return [self.machine, self.ours]


def cores_text(pair: list[float | None] | None) -> str:
    """"machine / kernel's" cores busy, from a stored ``CoresBusy.pair``; n/a for a result from
    before this was measured."""
    if not pair:
        return "n/a"
    machine, ours = pair
    return f"{'n/a' if machine is None else f'{machine:.2f}'} / {ours:.2f}"


@dataclass
class WriteLockHeld:
    """How long this process's SQLite write transactions held the database's write lock: from
    ``BEGIN IMMEDIATE`` returning (the lock taken) to the end of its commit or rollback (the lock
    given back). ``cpu_s``: the CPU time of the holding threads meanwhile; the rest of a hold is
    waiting (for the GIL, mostly). ``statements``, ``in_driver_s`` and ``in_driver_cpu_s``: the
    statements run while holding it, the wall time inside their driver calls and the CPU time of
    it: the driver lets go of the GIL for each, and in a busy process a thread that lets go waits
    its turn to take it back. Filled in as transactions end."""

    transactions: int = 0
    held_s: float = 0.0
    cpu_s: float = 0.0
    statements: int = 0
    in_driver_s: float = 0.0
    in_driver_cpu_s: float = 0.0

    def text(self, wall_s: float) -> str:
        if not self.transactions:
            return "n/a"
        each = self.held_s * 1000 / self.transactions
        return (f"{self.held_s / wall_s:.0%} of the wall; {self.transactions} transactions, {each:.1f} ms each, "
                f"{self.cpu_s * 1000 / self.transactions:.1f} ms of it CPU; "
                f"{self.statements / self.transactions:.1f} statements each, "
                f"{self.in_driver_s * 1000 / self.transactions:.1f} ms in their driver calls, "
                f"{self.in_driver_cpu_s * 1000 / self.transactions:.1f} ms of it CPU")


@contextlib.contextmanager
def write_lock_held(engine: Any) -> Iterator[WriteLockHeld]:
    """``WriteLockHeld`` for the write transactions on ``engine`` while the block runs. A measuring
    harness only: it wraps the dialect's commit and rollback of that engine for the block."""
    import threading

    from sqlalchemy import event

    found, local, lock = WriteLockHeld(), threading.local(), threading.Lock()
    dialect = engine.dialect

    def before(*_args: Any) -> None:
        local.statement = (time.perf_counter(), time.thread_time())

    def after(conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if statement == "BEGIN IMMEDIATE":
            local.started, local.driver = (time.perf_counter(), time.thread_time()), [0, 0.0, 0.0]
        elif getattr(local, "started", None) is not None:
            driver, (wall, cpu) = local.driver, local.statement
            driver[0] += 1
            driver[1] += time.perf_counter() - wall
            driver[2] += time.thread_time() - cpu

    def ending(real: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def end(dbapi_connection: Any) -> Any:
            try:
                return real(dbapi_connection)
            finally:
                started = getattr(local, "started", None)
                if started is not None:
                    local.started = None
                    with lock:
                        found.transactions += 1
                        found.held_s += time.perf_counter() - started[0]
                        found.cpu_s += time.thread_time() - started[1]
                        found.statements += local.driver[0]
                        found.in_driver_s += local.driver[1]
                        found.in_driver_cpu_s += local.driver[2]
        return end

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    dialect.do_commit, dialect.do_rollback = ending(dialect.do_commit), ending(dialect.do_rollback)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
        del dialect.do_commit, dialect.do_rollback  # the class's methods again


def _machine_busy_ticks() -> tuple[int, int] | None:
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def _cpu_seconds(times: os.times_result) -> float:
    return times.user + times.system + times.children_user + times.children_system


@contextlib.contextmanager
def cores_busy() -> Iterator[CoresBusy]:
    found = CoresBusy()
    machine, times, started = _machine_busy_ticks(), os.times(), time.perf_counter()
    try:
        yield found
    finally:
        found.wall_s = time.perf_counter() - started
        after, ended = _machine_busy_ticks(), os.times()
        found.ours = (_cpu_seconds(ended) - _cpu_seconds(times)) / found.wall_s
        if machine is not None and after is not None and after[1] > machine[1]:
            cores = os.cpu_count() or 1
            found.machine = cores * (after[0] - machine[0]) / (after[1] - machine[1])


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def seed_campaigns(ws: Any, count: int) -> list[str]:
    """The demo campaign plus ``count - 1`` copies of its brief (same brand, own names)."""
    from aicmo_kernel.demo import seed_demo

    seed_demo(ws)
    demo = ws.get_campaign("demo")
    names = ["demo"]
    for index in range(1, count):
        name = f"demo-{index:03d}"
        ws.create_campaign(demo.brand, name, objective=demo.objective, budget=demo.budget,
                           start_date=demo.start_date, end_date=demo.end_date, channels=demo.channels,
                           brief=demo.brief)
        names.append(name)
    return names


# Side by side with an earlier kernel: AICMO_BENCH_BEFORE names a folder holding an earlier
# ``aicmo_kernel`` package (e.g. ``git archive <commit> aicmo_kernel | tar -x -C /tmp/before``).
BEFORE_VARIABLE = "AICMO_BENCH_BEFORE"


def stop_reasons(report: Any) -> dict[str, int]:
    """How many campaigns of a ``run_many`` report ended where, other than at the end (learn): the
    stop and its reason, or the error; so a table's "ran to the end" count comes with its why."""
    from collections import Counter

    reasons = Counter(f"stopped at {r.stopped_at}: {r.reason}" for r in report.reports.values()
                      if r.stopped_at != "learn")
    reasons.update(f"error: {error}" for error in report.errors.values())
    return dict(reasons)


def stop_text(reasons: dict[str, int] | None) -> str:
    """``stop_reasons`` as a sentence for a section, or nothing when every campaign ran to the end."""
    if not reasons:
        return ""
    return "Did not run to the end: " + "; ".join(f"{count} × {reason}" for reason, count in reasons.items()) + "."


def before_tree() -> Path | None:
    value = os.environ.get(BEFORE_VARIABLE)
    return Path(value).resolve() if value else None


def measure_in(script: Path, part: str, quick: bool, tree: Path | None = None) -> dict[str, Any]:
    """``script --measure part`` in a fresh interpreter, against the kernel in ``tree`` (an earlier
    checkout, first on PYTHONPATH) or this one; returns its JSON result with the load average
    (1 minute) before and after. The loopback server is this checkout's either way."""
    import json

    env = {key: value for key, value in os.environ.items() if key != BEFORE_VARIABLE}
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(tree), env.get("PYTHONPATH", "")) if p)
    with tempfile.TemporaryDirectory(prefix="aicmo-bench-measure-") as folder:
        out = Path(folder) / "out.json"
        load_before = os.getloadavg()[0]
        # cwd outside the checkout, so ``tree`` (not the working tree) is what gets imported
        subprocess.run([sys.executable, str(script), "--measure", part, "--out", str(out)]
                       + (["--quick"] if quick else []), cwd=folder, env=env, check=True)
        data = json.loads(out.read_text())
    data["load"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    return data


def measure_main(measures: dict[str, Callable[[bool], dict[str, Any]]], run: Callable[[bool], Any]) -> None:
    """The ``__main__`` of a script with ``--measure PART --out FILE``; without, it prints its sections."""
    import json

    args = sys.argv[1:]
    quick = "--quick" in args
    if "--measure" in args:
        part, out = args[args.index("--measure") + 1], Path(args[args.index("--out") + 1])
        out.write_text(json.dumps(measures[part](quick), default=str))
        return
    sections = run(quick)
    for section in sections if isinstance(sections, list) else [sections]:
        print(f"## {section.title}\n\n{section.markdown}\n")
