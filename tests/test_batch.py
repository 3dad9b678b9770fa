"""run_many / aicmo batch: a shared limit on calls in flight, 429s respected, no campaign lost."""

from __future__ import annotations

import json
import threading
import time

from click.testing import CliRunner

from aicmo_kernel.batch import run_many
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import RateLimitError, ValidationError
from aicmo_kernel.modules import module_names
from aicmo_kernel.providers.limit import CallLimiter, LimitedProvider
from aicmo_kernel.store import Workspace

OPENAI = "/v1/chat/completions"


def _copies(ws, count: int) -> list[str]:
    seed_demo(ws)
    demo = ws.get_campaign("demo")
    names = ["demo"]
    for index in range(1, count):
        ws.create_campaign(demo.brand, f"demo-{index}", brief=demo.brief, channels=demo.channels,
                           objective=demo.objective, budget=demo.budget)
        names.append(f"demo-{index}")
    return names


def test_rate_limits_are_respected_and_every_campaign_completes(llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "10")
    # Retry-After above the chain's bound: the chain gives up, so the batch must rerun the module.
    monkeypatch.setenv("AICMO_LLM_MAX_RETRY_AFTER", "0.05")
    for _ in range(3):
        llm_env.enqueue("rate_limit", retry_after=0.2)
    llm_env.enqueue("rate_limit", retry_after=0.01)  # within the bound: the chain's own retry
    with Workspace.open() as ws:
        names = _copies(ws, 3)
        report = run_many(ws, names, autonomy="full", max_in_flight=2, use_cache=False)
        assert report.errors == {}
        assert sorted(report.reports) == sorted(names)
        for name in names:
            result = report.reports[name]
            assert set(result.stops) <= {"learn"}, result.stops  # learn's memory rules wait for a person
            from aicmo_kernel import workflow

            states = {row["module"]: row["state"] for row in workflow.campaign_status(ws, name)}
            assert all(states[m] == "approved" for m in module_names() if m != "learn"), states
        limited = [c for c in ws.list_calls() if c.error_type == "RATE_LIMIT"]
    assert len(limited) == 4 and report.rate_limited == 4
    assert report.reruns >= 1
    assert report.peak_in_flight <= 2
    assert llm_env.request_count(OPENAI) == report.calls == 3 * len(module_names()) + 4


def test_limiter_caps_calls_in_flight_and_pauses_on_retry_after():
    limiter = CallLimiter(3)
    in_flight, peak, lock = [0], [0], threading.Lock()

    class Slow:
        name, model = "fake", "fake-1"

        def unavailable_reason(self):
            return None

        def complete(self, request, **_):
            with lock:
                in_flight[0] += 1
                peak[0] = max(peak[0], in_flight[0])
            time.sleep(0.02)
            with lock:
                in_flight[0] -= 1
            if request == "limited":
                raise RateLimitError("slow down", retry_after=0.3, provider="fake")
            return "ok"

    provider = LimitedProvider(Slow(), limiter)
    threads = [threading.Thread(target=provider.complete, args=("x",)) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak[0] == 3 and limiter.peak == 3 and limiter.calls == 12 and limiter.in_flight == 0
    try:
        provider.complete("limited")
    except RateLimitError:
        pass
    started = time.monotonic()
    assert provider.complete("x") == "ok"
    assert time.monotonic() - started >= 0.25  # the next call waited out the Retry-After
    assert limiter.rate_limited == 1 and (provider.name, provider.model) == ("fake", "fake-1")


def test_limit_below_one_is_refused():
    try:
        CallLimiter(0)
    except ValidationError as exc:
        assert exc.field == "max_in_flight"
    else:
        raise AssertionError("CallLimiter(0) was accepted")


def test_cli_batch_runs_every_campaign_offline():
    from aicmo_kernel.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["init"]).exit_code == 0
    with Workspace.open() as ws:
        _copies(ws, 2)
    done = runner.invoke(main, ["batch", "--autonomy", "full", "--max-in-flight", "4", "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert sorted(data["campaigns"]) == ["demo", "demo-1"] and data["errors"] == {}
    assert data["peak_in_flight"] <= 4 and data["calls"] == 2 * len(module_names())
