"""run_many(processes=N): campaigns in worker processes under one shared limit on calls in flight."""

from __future__ import annotations

import json
import multiprocessing
import threading
import time

import pytest
from click.testing import CliRunner

from aicmo_kernel.batch import run_many
from aicmo_kernel.errors import ValidationError
from aicmo_kernel.modules import module_names
from aicmo_kernel.providers.limit import SharedCallLimiter
from aicmo_kernel.store import Workspace

from test_batch import _copies

OPENAI = "/v1/chat/completions"


def test_campaigns_in_two_processes_share_one_limit_and_all_complete(llm_env, monkeypatch):
    from aicmo_kernel import workflow

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "20")
    llm_env.latency_ms = 100  # calls overlap, so the limit is what holds them back
    with Workspace.open() as ws:
        names = _copies(ws, 4)
        seen: list[str] = []
        report = run_many(ws, names, autonomy="full", max_in_flight=2, processes=2, use_cache=False,
                          on_campaign=lambda name, _r: seen.append(name))
        assert report.errors == {} and sorted(report.reports) == sorted(names) == sorted(seen)
        for name in names:
            states = {row["module"]: row["state"] for row in workflow.campaign_status(ws, name)}
            assert all(states[m] == "approved" for m in module_names() if m != "learn"), states
    assert report.calls == llm_env.request_count(OPENAI) == 4 * len(module_names())
    assert report.peak_in_flight == 2  # both processes together, never more than the limit


def test_each_campaign_is_reported_as_it_ends_and_this_process_runs_campaigns_too(llm_env, monkeypatch):
    from sqlalchemy import func, select

    from aicmo_kernel.store.models import CampaignRow, RunRow

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "20")
    llm_env.latency_ms = 50
    with Workspace.open() as ws:
        names = _copies(ws, 4)
        reported: dict[str, tuple[float, str]] = {}
        # One campaign at a time in each of the two processes: each runs campaigns one after the other.
        report = run_many(ws, names, autonomy="full", processes=2, max_campaigns=2, use_cache=False,
                          on_campaign=lambda name, _r: reported.setdefault(
                              name, (time.time(), threading.current_thread().name)))
        with ws.reading() as session:
            last_run = dict(session.execute(select(CampaignRow.name, func.max(RunRow.created_at))
                                            .join(RunRow, RunRow.campaign_id == CampaignRow.id)
                                            .group_by(CampaignRow.name)).all())
    assert report.errors == {} and report.processes == 2 and sorted(reported) == sorted(names)
    # The first campaign to end is reported before the batch's last run is recorded; before, the
    # reports came when a worker had run its whole share.
    first = min(reported, key=lambda name: reported[name][0])
    assert reported[first][0] < max(last_run.values()).timestamp()
    # The campaigns this process ran are reported from its own batch threads, the workers' through
    # the progress relay. This process starts at once, while its worker starts its interpreter.
    assert any(thread.startswith("aicmo-batch_") for _at, thread in reported.values()), reported


def test_the_processes_take_each_campaign_once_from_one_queue():
    from aicmo_kernel.batch import CampaignQueue

    context = multiprocessing.get_context("spawn")
    names = [f"campaign-{index}" for index in range(300)]
    counter = context.Value("i", 0)
    with context.Pool(2, initializer=_remember_queue, initargs=(names, counter)) as pool:
        elsewhere = pool.map(_drain_queue, range(4))  # four threads in each of two worker processes at a time
    here = _drain(CampaignQueue(names, counter), threads=4)
    taken = [name for part in [*elsewhere, here] for name in part]
    assert sorted(taken) == sorted(names)  # every campaign once: none twice, none left out
    assert CampaignQueue(names, counter).left() == []


_QUEUE: list = []


def _remember_queue(names, counter) -> None:
    from aicmo_kernel.batch import CampaignQueue

    _QUEUE.append(CampaignQueue(names, counter))


def _drain_queue(_index: int) -> list[str]:
    return _drain(_QUEUE[0], threads=4)


def _drain(queue, *, threads: int) -> list[str]:
    taken: list[str] = []

    def take_all() -> None:
        while (name := queue.take()) is not None:
            taken.append(name)
            time.sleep(0.001)

    running = [threading.Thread(target=take_all) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return taken


def test_a_callback_that_fails_is_its_campaigns_error_and_the_others_still_pass(llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "20")
    with Workspace.open() as ws:
        names = _copies(ws, 3)
        seen: list[str] = []

        def on_campaign(name, _result):
            seen.append(name)
            if name == names[0]:
                raise RuntimeError("the terminal went away")

        report = run_many(ws, names, autonomy="full", processes=2, use_cache=False, on_campaign=on_campaign)
    assert sorted(seen) == sorted(names) and sorted(report.reports) == sorted(names)
    assert report.errors == {names[0]: "INTERNAL_ERROR: RuntimeError: the terminal went away"}


@pytest.mark.parametrize(("cores", "campaigns", "expected"), [
    (8, 100, 4),  # at most four
    (8, 20, 2),   # at least eight campaigns each
    (2, 100, 2),  # one per core
    (1, 100, 1),
    (8, 7, 1),
])
def test_the_default_number_of_processes(tmp_path, monkeypatch, cores, campaigns, expected):
    from aicmo_kernel.batch import default_processes

    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    with Workspace.open(f"sqlite:///{tmp_path / 'w.sqlite'}") as ws:
        assert default_processes(ws, campaigns) == expected
    with Workspace.open("sqlite://") as ws:  # other processes cannot open an in-memory workspace
        assert default_processes(ws, 100) == 1


def test_the_shared_limit_holds_across_processes():
    context = multiprocessing.get_context("spawn")
    limiter = SharedCallLimiter(3, context)
    with context.Pool(2, initializer=_remember, initargs=(limiter,)) as pool:
        pool.map(_hold_a_slot, range(12))
    assert limiter.calls == 36 and limiter.peak == 3 and limiter.in_flight == 0  # 12 tasks of 3 calls


_LIMITER: list = []


def _remember(limiter) -> None:
    _LIMITER.append(limiter)


def _hold_a_slot(_index: int) -> None:
    def one() -> None:
        _LIMITER[0].acquire()
        time.sleep(0.05)
        _LIMITER[0].release()

    threads = [threading.Thread(target=one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_a_pause_in_one_process_holds_the_others(monkeypatch):
    limiter = SharedCallLimiter(2, multiprocessing.get_context("spawn"))
    limiter.pause(0.3)
    started = time.monotonic()
    limiter.acquire()
    assert time.monotonic() - started >= 0.25 and limiter.rate_limited == 1
    limiter.release()


def test_processes_need_the_configured_chain_and_a_shared_workspace():
    with Workspace.open("sqlite://") as ws:
        with pytest.raises(ValidationError, match="in-memory"):
            run_many(ws, ["a", "b"], processes=2)
        with pytest.raises(ValidationError, match="provider object"):
            run_many(ws, ["a", "b"], processes=2, provider=object())


def test_aicmo_batch_processes(llm_env, monkeypatch):
    from aicmo_kernel.cli import main

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "20")
    with Workspace.open() as ws:
        _copies(ws, 2)
    result = CliRunner().invoke(main, ["batch", "--processes", "2", "--autonomy", "full", "--json", "--no-cache"])
    assert result.exit_code == 3, result.output  # learn's memory rules wait for a person
    found = json.loads(result.output)
    assert found["errors"] == {} and len(found["campaigns"]) == 2 and found["processes"] == 2
    assert found["calls"] == llm_env.request_count(OPENAI) == 2 * len(module_names())


@pytest.mark.parametrize("value", ["0", "65", "many"])
def test_aicmo_batch_refuses_a_number_of_processes_it_cannot_use(value):
    from aicmo_kernel.cli import main

    result = CliRunner().invoke(main, ["batch", "--processes", value])
    assert result.exit_code == 2 and "--processes" in result.output and "1 to 64, or auto" in result.output


@pytest.mark.parametrize("processes", ["1", "2"])
def test_ctrl_c_stops_a_batch_soon_and_the_same_command_goes_on_from_there(llm_server, monkeypatch, processes):
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from aicmo_kernel.cli import main

    from fixtures_llm import FAKE_OPENAI_KEY

    settings = {"OPENAI_API_KEY": FAKE_OPENAI_KEY, "OPENAI_BASE_URL": llm_server.openai_base_url,
                "AICMO_LLM_PRIMARY_PROVIDER": "openai", "AICMO_LLM_TIMEOUT": "20", "AICMO_WORKER": "off"}
    for key, value in settings.items():
        monkeypatch.setenv(key, value)
    with Workspace.open() as ws:
        names = _copies(ws, 4)
    llm_server.latency_ms = 1500  # the whole batch would take well over ten seconds
    args = ["batch", "--autonomy", "full", "--no-cache", "--processes", processes]
    # A command started in the background of a script (as CI runs the suite) inherits SIGINT ignored,
    # and Python then keeps it ignored; a handler here is reset to the default in the child instead.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen([str(Path(sys.executable).with_name("aicmo")), *args], env=dict(os.environ),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        deadline = time.monotonic() + 60
        while llm_server.request_count(OPENAI) < 4 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert llm_server.request_count(OPENAI) >= 4, process.communicate(timeout=5)
        process.send_signal(signal.SIGINT)
        interrupted = time.monotonic()
        _out, err = process.communicate(timeout=30)
        stopped_in = time.monotonic() - interrupted
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1 and "interrupted:" in err and "run the same command again" in err, err
    assert "Traceback" not in err and stopped_in < 5  # the calls in flight cancelled, not awaited
    with Workspace.open() as ws:
        runs = [run for name in names for run in ws.list_runs(name)]
    assert any(run.status == "FAILED" and run.error["type"] == "CANCELLED" for run in runs)  # stored, as every attempt
    llm_server.latency_ms = 0
    result = CliRunner().invoke(main, ["batch", "--autonomy", "full", "--no-cache", "--json"])
    found = json.loads(result.output)
    assert result.exit_code == 3 and not found["interrupted"], result.output  # learn's rules wait for a person
    assert all(c["stopped_at"] == "learn" for c in found["campaigns"].values()) and found["errors"] == {}
