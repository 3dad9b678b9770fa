"""``aicmo worker start|stop|status``: a warm process that starts each ``aicmo`` command of this
workspace as a forked child, so a fresh ``aicmo run`` skips seconds of imports (the mechanism is
``aicmo_kernel.forkserver``; the ``aicmo`` launcher hands commands over)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime

import click

from ..config import Settings, redact, worker_idle_seconds
from ..forkserver import exit_child, fingerprint, request, serve, socket_path
from ._app import EXIT_FAILED, _counted, _log_unexpected, main

# What the worker imports before it serves: every part a command may need, but not the widgets
# (ipywidgets, Jupyter), the test helpers, or share/ (configuration files that read the
# environment when imported).
PRELOADED_PACKAGES = ("aicmo_kernel.runner", "aicmo_kernel.batch", "aicmo_kernel.estimate",
                      "aicmo_kernel.doctor", "aicmo_kernel.generation", "aicmo_kernel.modules",
                      "aicmo_kernel.workflow", "aicmo_kernel.export", "aicmo_kernel.learn",
                      "aicmo_kernel.cache", "aicmo_kernel.demo", "aicmo_kernel.briefs", "aicmo_kernel.qc",
                      "aicmo_kernel.store", "aicmo_kernel.providers", "aicmo_kernel.analytics",
                      "aicmo_kernel.leads", "aicmo_kernel.grounding", "aicmo_kernel.identity",
                      "aicmo_kernel.schemas")
PRELOADED_SDKS = ("openai", "openai.resources.chat.completions", "openai.resources.batches",
                  "openai.resources.files", "anthropic", "anthropic.resources.messages",
                  "genai_prices", "genai_prices.data_snapshot")
START_SECONDS = 120.0  # how long ``start`` waits for the worker to answer


@main.group("worker")
def worker() -> None:
    """A warm process that starts this workspace's commands (aicmo run, batch, ...) as forked
    children, so they skip Python's imports: opt-in, stops after AICMO_WORKER_IDLE_SECONDS idle."""


@worker.command("start")
def start_cmd() -> None:
    """Start the worker for this workspace ($AICMO_HOME), unless one of this code runs already."""
    settings = Settings.from_env()
    status = request({"op": "status"}, settings.home)
    if status and status.get("fingerprint") == fingerprint() and not status.get("stopping"):
        click.echo(f"aicmo worker already running: pid {status['pid']}, socket {socket_path(settings.home)}")
        return
    if status:  # a worker of other code: it must not serve, so replace it
        request({"op": "stop"}, settings.home)
        _wait_gone(settings.home, 30.0)
        click.echo(f"stopped the worker of other code (pid {status['pid']})")
    idle = worker_idle_seconds(os.environ.get("AICMO_WORKER_IDLE_SECONDS"))
    settings.home.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", "from aicmo_kernel.cli.worker import serve_main; serve_main()"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        cwd=settings.home, start_new_session=True)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        status = request({"op": "status"}, settings.home, timeout=1.0)
        if status and status.get("pid") == process.pid:
            click.echo(f"aicmo worker started: pid {process.pid}, socket {socket_path(settings.home)}; "
                       f"stops after {idle:g} s idle (aicmo worker stop ends it, AICMO_WORKER=off bypasses it)")
            return
        time.sleep(0.05)
    if process.poll() is None:
        process.terminate()
    click.echo(f"error: the worker did not start; see {settings.home / 'logs' / 'worker.log'}", err=True)
    sys.exit(EXIT_FAILED)


@worker.command("stop")
def stop_cmd() -> None:
    """Stop this workspace's worker; commands it runs finish first."""
    home = Settings.from_env().home
    answer = request({"op": "stop"}, home)
    if not answer:
        _remove_stale(home)
        click.echo("aicmo worker is not running")
        return
    running = answer.get("running", 0)
    _wait_gone(home, 10.0)
    click.echo(f"aicmo worker stopped: pid {answer['pid']}"
               + (_counted(running, "; it ends when its running command does", "; it ends when its {count} running commands do")
                  if running else ""))


@worker.command("status")
@click.option("--json", "as_json", is_flag=True)
def status_cmd(as_json: bool) -> None:
    """Whether this workspace's worker runs: pid, uptime, commands served, and whether it serves
    this code."""
    home = Settings.from_env().home
    status = request({"op": "status"}, home)
    current = bool(status) and status.get("fingerprint") == fingerprint()
    if as_json:
        from ._app import _echo_json

        _echo_json({"running": bool(status), "socket": str(socket_path(home)),
                    **({"pid": status["pid"], "uptime_s": round(time.time() - status["started"], 1),
                        "served": status["served"], "running_commands": status["running"],
                        "version": status["version"], "serves_this_code": current} if status else {})})
        return
    if not status:
        stale = " (a stale socket is left; aicmo worker start replaces it)" if socket_path(home).exists() else ""
        click.echo(f"aicmo worker is not running for {home}{stale}")
        return
    since = datetime.fromtimestamp(status["started"], tz=UTC)
    click.echo(f"aicmo worker running: pid {status['pid']}, up {_duration(time.time() - status['started'])} "
               f"(since {since:%Y-%m-%d %H:%M:%S} UTC), "
               f"served {_counted(status['served'], '{count} command', '{count} commands')}, "
               f"{status['running']} running now")
    if not current:
        click.echo("it started from other code than this aicmo, so commands run in their own process; "
                   "aicmo worker start replaces it")


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def _wait_gone(home, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while socket_path(home).exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def _remove_stale(home) -> None:
    path = socket_path(home)
    if path.is_socket() and request({"op": "status"}, home) is None:
        path.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the worker process


def preload() -> None:
    """Import what commands need (no database connection, no thread): the kernel's packages and
    every module in them, the SDKs, every module's spec and QC check, the shared templates."""
    import importlib
    import pkgutil

    for name in PRELOADED_PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(getattr(package, "__path__", []), prefix=f"{name}."):
            importlib.import_module(info.name)
    for name in PRELOADED_SDKS:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # an optional SDK: commands that need it say so
    from sqlalchemy.orm import configure_mappers

    from ..modules.base import output_schema_of
    from ..providers import rehearse_calls
    from ..qc import describe_checks
    from ..registry import all_modules, load_spec

    for info in all_modules():
        # The output schema too: pydantic builds it on a module's first request otherwise.
        output_schema_of(load_spec(info.name).output_model)
    describe_checks()
    configure_mappers()  # the store's models: what the first query of a fresh process does
    rehearse_calls()  # the SDKs' first request and answer, and the shared TLS context


def rehearse() -> None:
    """Run the demo campaign once with the offline composer in an in-memory workspace, so what a
    campaign builds on first use (regular expressions, pydantic and SQLAlchemy internals, the QC
    checks' tables) is ready in every child (measured: `aicmo run` at zero latency through the
    worker, 0.84 -> 0.81 s). Nothing is written to disk, nothing leaves the process, no thread outlives it."""
    from importlib import resources

    from ..demo import DEMO_CAMPAIGN, seed_demo
    from ..providers.offline import OfflineProvider
    from ..runner import run_campaign
    from ..store import Workspace

    examples = resources.files("aicmo_kernel").joinpath("data", "examples")
    workspace = Settings.from_env().resolved_database_url
    with resources.as_file(examples) as folder, Workspace.rehearsal(workspace) as ws:
        seed_demo(ws, examples_dir=folder)
        run_campaign(ws, DEMO_CAMPAIGN, autonomy="full", provider=OfflineProvider(), use_cache=False, max_workers=1)


def _log(line: str) -> None:
    try:
        logs = Settings.from_env(dotenv=False).home / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / "worker.log", "a", encoding="utf-8") as handle:
            handle.write(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} {redact(line)}\n")
    except OSError:
        pass


def serve_main() -> None:
    """The worker process (started by ``aicmo worker start``); in each forked child, the command."""
    import gc
    import threading

    try:
        started_with = fingerprint()  # before importing: files changed while it imports count
        home = Settings.from_env().home
        preload()
        try:
            rehearse()
        except Exception as exc:  # noqa: BLE001 - a warm-up that fails costs only speed
            _log(f"warm-up skipped: {exc.__class__.__name__} (trace id {_log_unexpected(exc)}, in logs/errors.log)")
        gc.collect()
        gc.freeze()  # children's collections leave the preloaded objects (and their pages) alone
        if threading.active_count() != 1:
            _log(f"not started: importing started {_counted(threading.active_count() - 1, 'a thread', '{count} threads')}, and forking "
                 "a process with threads is unsafe")
            sys.exit(EXIT_FAILED)
        child = serve(socket_path(home), started_with, log=_log,
                      idle_seconds=worker_idle_seconds(os.environ.get("AICMO_WORKER_IDLE_SECONDS")))
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - the worker has no terminal: log, redacted
        _log(f"failed: {exc.__class__.__name__} (trace id {_log_unexpected(exc)}, in logs/errors.log)")
        sys.exit(EXIT_FAILED)
    if child is None:
        return
    try:
        child.enter()
    except OSError as exc:
        os.write(2, f"aicmo: could not take over the caller's folder or terminal: {exc}\n".encode())
        os._exit(EXIT_FAILED)
    try:
        main(args=child.argv[1:])  # click ends it with SystemExit
        code: object = 0
    except SystemExit as done:
        code = done.code
    exit_child(code, child.status_fd)
