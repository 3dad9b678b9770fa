"""`aicmo worker`: the warm process that runs commands as forked children, driven through the real
`aicmo` program as a user would (the loopback LLM server stands in for the providers)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures_llm import FAKE_OPENAI_KEY

from aicmo_kernel.forkserver import socket_path, supported
from aicmo_kernel.testing.llm_server import LoopbackLLMServer

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not supported(), reason="aicmo worker needs Linux (SO_PEERCRED, pidfd)")]

AICMO = str(Path(sys.executable).with_name("aicmo"))
NINE = ["intake", "strategy", "creatives", "execution", "monitoring", "leadgen", "autonomy", "delivery", "learn"]


def aicmo(*args: str, env: dict[str, str], cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([AICMO, *args], check=False, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def status(env: dict[str, str]) -> dict:
    return json.loads(aicmo("worker", "status", "--json", env=env).stdout)


def start_worker(env: dict[str, str]) -> int:
    done = aicmo("worker", "start", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    found = status(env)
    if not (found["running"] and found["serves_this_code"]):
        if found.get("pid"):
            stop_worker(env, found["pid"])  # no worker outlives a failed test
        # serves_this_code is False when a file of the package changed since the worker started
        pytest.fail(f"the worker started does not serve this code: {found}")
    return found["pid"]


def stop_worker(env: dict[str, str], pid: int) -> None:
    aicmo("worker", "stop", env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").read_text().split(")")[-1].startswith(" Z")


@pytest.fixture(scope="module")
def server():
    with LoopbackLLMServer() as running:
        yield running


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    """One worker for the module's tests, in a home of its own (each test's database is its own,
    through AICMO_DATABASE_URL); started with a variable no command may see."""
    home = tmp_path_factory.mktemp("worker-home")
    env = {**os.environ, "AICMO_HOME": str(home), "AICMO_NO_DOTENV": "1", "AICMO_REVIEWER": "only-the-worker"}
    pid = start_worker(env)
    yield home
    stop_worker(env, pid)


@pytest.fixture
def caller(worker, server, tmp_path, monkeypatch) -> dict[str, str]:
    """The environment of a caller of the module's worker: its own database, the loopback server."""
    server.reset()
    server.latency_ms = 0.0
    env = {key: value for key, value in os.environ.items() if key != "AICMO_REVIEWER"}
    env.update({"AICMO_HOME": str(worker), "AICMO_DATABASE_URL": f"sqlite:///{tmp_path / 'ws.sqlite'}",
                "OPENAI_API_KEY": FAKE_OPENAI_KEY, "OPENAI_BASE_URL": server.openai_base_url,
                "AICMO_LLM_PRIMARY_PROVIDER": "openai", "AICMO_LLM_TIMEOUT": "30"})
    done = aicmo("init", env=env)
    assert done.returncode == 0, done.stderr
    return env


def served(env: dict[str, str]) -> int:
    return status(env)["served"]


def test_run_through_the_worker_sees_the_callers_environment_folder_and_streams(caller, server, tmp_path):
    before = served(caller)
    env = {**caller, "AICMO_OPENAI_MODEL": "gpt-caller-only"}  # set by the caller, not the worker
    done = aicmo("run", "--campaign", "demo", "--autonomy", "full", env=env, cwd=tmp_path)
    assert served(caller) == before + 1  # the worker ran it
    assert done.returncode == 3, done.stdout + done.stderr  # learn's memory rules wait for a person
    assert "stopped at learn" in done.stdout and "autonomy policy: level full" in done.stdout
    assert server.request_count() == len(NINE)
    assert {request.body["model"] for request in server.requests} == {"gpt-caller-only"}
    exported = aicmo("export", "--campaign", "demo", "--format", "md", "--out", "pack.md", env=env, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "pack.md").is_file()  # a relative path: the caller's folder
    missing = aicmo("approve", "--campaign", "demo", "--module", "learn", "--all", env=env, cwd=tmp_path)
    assert missing.returncode == 2 and "say who approves" in missing.stderr  # the worker's AICMO_REVIEWER stays out
    assert served(caller) == before + 3


def test_exit_codes_and_both_streams_come_back(caller, server):
    before = served(caller)
    assert aicmo("status", "--campaign", "demo", env=caller).returncode == 0
    usage = aicmo("run", "--autonomy", "banana", "--campaign", "demo", env=caller)
    assert usage.returncode == 2 and "banana" in usage.stderr and usage.stdout == ""
    for _ in range(5):
        server.enqueue("auth_error")
    failed = aicmo("run", "--campaign", "demo", "--autonomy", "full", env=caller)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "failed: intake" in failed.stderr
    assert served(caller) == before + 3


def test_ctrl_c_reaches_the_command(caller, server):
    """SIGINT to the launcher (what a terminal sends) interrupts the command in the worker's child,
    which prints and exits as the same command does in its own process (after the call in flight:
    the run waits for its threads)."""
    server.latency_ms = 3000.0
    endings = {}
    for mode in ("on", "off"):
        server.reset()
        before = served(caller)
        process = subprocess.Popen([AICMO, "run", "--campaign", "demo", "--autonomy", "full"],
                                   env={**caller, "AICMO_WORKER": mode}, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True,
                                   # a background CI job may start with SIGINT ignored; a terminal's never does
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # noqa: PLW1509
        try:
            deadline = time.monotonic() + 60
            while server.request_count() == 0 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.05)
            assert server.request_count() == 1, process.communicate(timeout=5)
            process.send_signal(signal.SIGINT)
            _out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        endings[mode] = (process.returncode, err.strip().splitlines()[-1:])
        assert served(caller) == before + (mode == "on")
    assert endings["on"] == endings["off"]
    assert endings["on"][0] == 1 and endings["on"][1] == ["Aborted!"]


def test_worker_status_and_worker_commands_run_locally(caller):
    before = served(caller)
    text = aicmo("worker", "status", env=caller).stdout
    commands = "1 command" if before == 1 else f"{before} commands"
    assert f"served {commands}," in text and "aicmo worker running: pid" in text
    assert served(caller) == before  # neither asking nor status went through it


def test_a_stale_socket_falls_back_to_running_here(tmp_path):
    env = {**os.environ, "AICMO_HOME": str(tmp_path / "home")}
    path = socket_path(tmp_path / "home")
    path.parent.mkdir()
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(path))  # bound and closed: the file of a worker that was killed
    left.close()
    done = aicmo("init", env=env)
    assert done.returncode == 0, done.stderr
    assert "campaign" in done.stdout.lower() and done.stderr == ""
    assert "stale socket" in aicmo("worker", "status", env=env).stdout


def test_a_worker_of_other_code_is_not_used_and_stop_removes_the_socket(tmp_path):
    """A copy of the package, then a file of it changes after its worker started: that worker
    refuses, the command runs in its own process, and ``start`` replaces the worker."""
    import aicmo_kernel

    copy = tmp_path / "code"
    shutil.copytree(Path(aicmo_kernel.__file__).parent, copy / "aicmo_kernel",
                    ignore=shutil.ignore_patterns("__pycache__"))
    program = [sys.executable, "-c", "from aicmo_kernel.launcher import main; main()"]
    env = {**os.environ, "AICMO_HOME": str(tmp_path / "home"), "PYTHONPATH": str(copy)}

    def run(*args: str) -> subprocess.CompletedProcess:
        # in tmp_path: ``-c`` puts the working folder first on sys.path, and this repository holds the original
        return subprocess.run([*program, *args], check=False, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)

    started: list[int] = []
    try:
        assert run("worker", "start").returncode == 0
        first = json.loads(run("worker", "status", "--json").stdout)
        started.append(first["pid"])
        assert first["serves_this_code"] and first["served"] == 0
        assert run("init").returncode == 0
        assert json.loads(run("worker", "status", "--json").stdout)["served"] == 1
        changed = copy / "aicmo_kernel" / "demo.py"
        os.utime(changed, ns=(time.time_ns(), time.time_ns() + 10**9))
        done = run("status", "--campaign", "demo")
        assert done.returncode == 0 and "intake" in done.stdout  # ran here
        now = json.loads(run("worker", "status", "--json").stdout)
        assert now["served"] == 1 and not now["serves_this_code"]
        assert "runs other code" in (tmp_path / "home" / "logs" / "worker.log").read_text()
        restarted = run("worker", "start")
        assert restarted.returncode == 0 and f"stopped the worker of other code (pid {first['pid']})" in restarted.stdout
        second = json.loads(run("worker", "status", "--json").stdout)
        started.append(second["pid"])
        assert second["pid"] != first["pid"] and second["serves_this_code"]
        stopped = run("worker", "stop")
        assert stopped.returncode == 0 and f"pid {second['pid']}" in stopped.stdout
        assert not socket_path(tmp_path / "home").exists()
        assert json.loads(run("worker", "status", "--json").stdout)["running"] is False
    finally:
        for pid in started:  # whatever failed above, no worker outlives the test
            stop_worker(env, pid)


def test_the_socket_is_the_users_and_other_users_are_refused(worker):
    path = socket_path(worker)
    assert path.stat().st_mode & 0o777 == 0o600 and path.stat().st_uid == os.getuid()
    if os.getuid() != 0:
        pytest.skip("connecting as another user needs root")
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="aicmo-worker-"))  # a folder another user can reach
    env = {**os.environ, "AICMO_HOME": str(home)}
    try:
        home.chmod(0o755)
        pid = start_worker(env)
        try:
            socket_path(home).chmod(0o666)  # past the file's mode: the worker's own check must refuse
            assert _answer_as_nobody(socket_path(home)) == b""  # closed without a word
            assert "refused: a caller of uid 65534" in (home / "logs" / "worker.log").read_text()
        finally:
            stop_worker(env, pid)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _answer_as_nobody(path: Path) -> bytes:
    """What the worker answers a caller of another uid (nobody), in a forked child of this test."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # only system calls from here to _exit
        try:
            os.setgid(65534)
            os.setuid(65534)
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.settimeout(20)
            probe.connect(str(path))
            os.write(write, b"answer:" + probe.recv(100))
        except BaseException as exc:  # noqa: BLE001
            os.write(write, f"error: {exc!r}".encode())
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    with os.fdopen(read, "rb") as pipe:
        said = pipe.read()
    assert said.startswith(b"answer:"), said
    return said.removeprefix(b"answer:")


def test_aicmo_worker_off_bypasses_a_running_worker(caller):
    before = served(caller)
    done = aicmo("status", "--campaign", "demo", env={**caller, "AICMO_WORKER": "off"})
    assert done.returncode == 0 and "intake" in done.stdout
    assert served(caller) == before


@pytest.mark.parametrize("home", [None, "", "  ", "~/elsewhere", "/tmp/a home"])
def test_the_launcher_finds_the_home_config_names(home, monkeypatch):
    """The launcher reads AICMO_HOME itself (importing config would slow every command)."""
    from aicmo_kernel.config import default_home

    if home is None:
        monkeypatch.delenv("AICMO_HOME", raising=False)
    else:
        monkeypatch.setenv("AICMO_HOME", home)
    assert socket_path() == default_home() / "worker.sock"


def test_an_idle_worker_stops_by_itself(tmp_path):
    env = {**os.environ, "AICMO_HOME": str(tmp_path / "home"), "AICMO_WORKER_IDLE_SECONDS": "1"}
    pid = start_worker(env)
    try:
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid)
        assert not socket_path(tmp_path / "home").exists()
        assert re.search(r"idle for \d+ s: stopping", (tmp_path / "home" / "logs" / "worker.log").read_text())
    finally:
        stop_worker(env, pid)


def test_a_malformed_idle_setting_is_named(tmp_path):
    env = {**os.environ, "AICMO_HOME": str(tmp_path / "home"), "AICMO_WORKER_IDLE_SECONDS": "soon"}
    done = aicmo("worker", "start", env=env)
    assert done.returncode == 2 and "AICMO_WORKER_IDLE_SECONDS='soon'" in done.stderr
    assert not socket_path(tmp_path / "home").exists()


def test_a_worker_whose_socket_is_gone_or_taken_stops(tmp_path):
    """Its home deleted, or a second worker bound the same path: the first one stops (without
    removing the second's socket) instead of idling unreachable."""
    serve_here = ("import sys; from pathlib import Path; from aicmo_kernel.forkserver import _serve; "
                  "_serve.SOCKET_CHECK_SECONDS = 0.2; "
                  "_serve.serve(Path(sys.argv[1]), 'code', idle_seconds=60, log=lambda line: print(line, flush=True))")
    path = tmp_path / "worker.sock"

    def start() -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", serve_here, str(path)], stdout=subprocess.PIPE, text=True)
        assert "started" in process.stdout.readline()
        return process

    first = start()
    path.unlink()
    assert first.wait(timeout=20) == 0 and "the socket is gone" in first.stdout.read()
    first, second = start(), None
    try:
        second = start()
        assert first.wait(timeout=20) == 0 and "another worker's" in first.stdout.read()
        assert path.is_socket() and second.poll() is None
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=20)
    assert not path.exists()  # the second removed its own socket when it stopped


def test_the_warm_up_runs_the_demo_offline_in_memory_and_leaves_nothing_behind(tmp_path, monkeypatch):
    """The worker's rehearsal before it serves: the whole demo campaign through the offline
    composer, approved to the end, with no file written, no thread left and no network used."""
    import threading

    from aicmo_kernel import runner
    from aicmo_kernel.cli import worker
    from aicmo_kernel.modules import module_names
    from aicmo_kernel.runner import CampaignRunReport

    monkeypatch.setenv("AICMO_HOME", str(tmp_path))
    seen: list[CampaignRunReport] = []

    original = runner.run_campaign
    monkeypatch.setattr(runner, "run_campaign", lambda *a, **k: seen.append(original(*a, **k)) or seen[-1])
    threads = set(threading.enumerate())
    worker.rehearse()
    [report] = seen
    assert (report.stops, report.failed, report.blocked) == ({}, [], {})
    assert {step["module"] for step in report.steps} == set(module_names())
    # none of its own left running (another test's thread may end meanwhile: count none of those)
    assert set(threading.enumerate()) - threads == set()
    assert list(tmp_path.iterdir()) == []
    # It ran on the engine this process's next Workspace.open() of the home's file gets, with the
    # statements compiled; that opens the real file, where the rehearsal left nothing.
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.store.database import _rehearsed

    [(url, engine)] = [(url, engine) for url, engine in _rehearsed.items() if str(tmp_path) in url]
    assert len(engine._compiled_cache) > 20  # SQLAlchemy's, and the statements run on the driver:
    from aicmo_kernel.store import records
    from aicmo_kernel.workflow.module_state import _CURRENT_STATES
    for statement in (records._CAMPAIGN_RECORD, records._RUN_INSERT, _CURRENT_STATES):
        assert statement.compiled_for(engine.dialect)
    with Workspace.open() as ws:
        assert ws.engine is engine and url not in _rehearsed
        assert ws.list_campaigns() == [] and ws.list_brands() == []
    assert list(tmp_path.iterdir())  # the real workspace file
