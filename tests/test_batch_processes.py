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
    assert found["errors"] == {} and len(found["campaigns"]) == 2
    assert found["calls"] == llm_env.request_count(OPENAI) == 2 * len(module_names())
