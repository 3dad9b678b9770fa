"""run_campaign runs modules whose upstreams are approved at the same time; stops are per module."""

from __future__ import annotations

import threading
import time

import pytest

from aicmo_kernel.demo import seed_demo
from aicmo_kernel.modules import module_names
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.runner import module_dependencies, run_campaign


class SlowRecorder:
    """The offline provider, slowed down, recording when each module's call starts and ends."""

    def __init__(self, delay: float = 0.15, *, meet: tuple[tuple[str, ...], ...] = ()) -> None:
        self.inner = OfflineProvider()
        self.name, self.model = self.inner.name, self.inner.model
        self.delay = delay
        self.lock = threading.Lock()
        self.in_flight = self.peak = 0
        self.spans: dict[str, tuple[float, float]] = {}
        # Modules in one group wait inside their call until the whole group is in flight: the
        # barrier only breaks (after its timeout) if the runner does not run them at once.
        self.barriers: dict[str, threading.Barrier] = {}
        for group in meet:
            barrier = threading.Barrier(len(group), timeout=10)
            self.barriers.update(dict.fromkeys(group, barrier))
        self.met: dict[str, bool] = {}

    def unavailable_reason(self):
        return None

    def complete(self, request, *, progress=None, cancel=None):
        with self.lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        started = time.monotonic()
        try:
            barrier = self.barriers.get(request.module)
            if barrier is not None:
                try:
                    barrier.wait()
                    self.met[request.module] = True
                except threading.BrokenBarrierError:
                    self.met[request.module] = False
            time.sleep(self.delay)
            return self.inner.complete(request, progress=progress, cancel=cancel)
        finally:
            with self.lock:
                self.in_flight -= 1
                self.spans[request.module] = (started, time.monotonic())


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_learn_waits_for_every_module_and_the_rest_follow_the_gates():
    deps = module_dependencies()
    assert deps["intake"] == () and deps["creatives"] == ("strategy",)
    assert set(deps["learn"]) == set(module_names()) - {"learn"}


def test_independent_modules_run_at_once_and_the_gates_still_hold(workspace):
    seed_demo(workspace)
    provider = SlowRecorder(0.05, meet=(("creatives", "leadgen"), ("monitoring", "delivery")))
    report = run_campaign(workspace, "demo", autonomy="full", provider=provider, max_workers=4)
    spans = provider.spans
    assert set(spans) == set(module_names())
    # strategy's two dependants that read nothing else were in flight together, and execution's two
    assert provider.met == dict.fromkeys(("creatives", "leadgen", "monitoring", "delivery"), True)
    assert provider.peak >= 2 and _overlap(spans["creatives"], spans["leadgen"])
    # nothing started before its upstream's call had finished (and been approved)
    for name, upstream in module_dependencies().items():
        for up in upstream:
            assert spans[name][0] >= spans[up][1], (name, up)
    generated = [s["module"] for s in report.steps if s["action"] == "generated"]
    assert generated == module_names()  # reported in module order, whatever the finishing order
    assert set(report.stops) <= {"learn"} and report.blocked == {}


def test_autonomy_plans_with_the_monitoring_report_of_the_same_run(workspace):
    seed_demo(workspace)  # the demo has a performance export: monitoring has KPIs to report
    provider = SlowRecorder(0.02)
    report = run_campaign(workspace, "demo", autonomy="full", provider=provider, max_workers=4)
    assert set(report.stops) <= {"learn"}
    # autonomy reads monitoring's approved report: it started once monitoring had ended
    assert provider.spans["autonomy"][0] >= provider.spans["monitoring"][1]
    plan = next(item for item in workspace.list_deliverables(campaign="demo", module="autonomy")
                if "Based on the approved monitoring report" in item.content_markdown or "No monitoring data" in
                item.content_markdown)
    assert "Based on the approved monitoring report" in plan.content_markdown, plan.content_markdown[:600]


def test_autonomy_does_not_wait_for_a_monitoring_report_that_cannot_come(workspace):
    seed_demo(workspace)
    campaign = workspace.get_campaign("demo")
    brief = dict(campaign.brief)
    inputs = dict(brief.get("inputs", {}))
    inputs["execution"] = {**inputs.get("execution", {}), "start_date": "not a date"}
    workspace.update_campaign("demo", brief={**brief, "inputs": inputs})
    report = run_campaign(workspace, "demo", autonomy="full", provider=OfflineProvider())
    assert "execution" in report.stops and "monitoring" in report.blocked
    ran = {s["module"]: s.get("status") for s in report.steps if s["action"] == "generated"}
    assert ran["autonomy"] == "SUCCESS"  # it planned without data rather than wait for ever


def test_one_worker_is_the_sequential_loop(workspace):
    seed_demo(workspace)
    provider = SlowRecorder(delay=0.02)
    report = run_campaign(workspace, "demo", autonomy="full", provider=provider, max_workers=1)
    assert provider.peak == 1
    starts = sorted(provider.spans, key=lambda name: provider.spans[name][0])
    assert starts == module_names()
    assert set(report.stops) <= {"learn"}


def test_a_hold_stops_its_branch_only(workspace):
    seed_demo(workspace)
    report = run_campaign(workspace, "demo", autonomy="semi", provider=OfflineProvider())
    assert report.stopped_at == "creatives" and "need a reviewer" in report.reason
    # the branches that do not need creatives still ran
    ran = {s["module"] for s in report.steps if s["action"] == "generated"}
    assert {"intake", "strategy", "creatives", "leadgen", "autonomy"} <= ran
    assert {"execution", "monitoring", "delivery", "learn"}.isdisjoint(ran)
    assert "creatives" in report.blocked["execution"] and "execution" in report.blocked["monitoring"]
    assert "creatives" in report.stops


def test_a_failed_module_is_reported_and_its_siblings_go_on(workspace, monkeypatch):
    seed_demo(workspace)
    campaign = workspace.get_campaign("demo")
    brief = dict(campaign.brief)
    inputs = dict(brief.get("inputs", {}))
    inputs["leadgen"] = {**inputs.get("leadgen", {}), "csv_path": "/nonexistent/leads.csv"}
    workspace.update_campaign("demo", brief={**brief, "inputs": inputs})
    report = run_campaign(workspace, "demo", autonomy="full", provider=OfflineProvider())
    assert "leadgen" in report.stops
    statuses = {s["module"]: s.get("status") for s in report.steps if s["action"] == "generated"}
    assert statuses["leadgen"] == "FAILED"
    assert statuses["creatives"] == statuses["autonomy"] == statuses["delivery"] == "SUCCESS"
    assert "leadgen" in report.blocked["learn"]


@pytest.mark.parametrize("workers", [0, -3])
def test_workers_below_one_mean_one(workspace, workers):
    seed_demo(workspace)
    provider = SlowRecorder(delay=0.0)
    run_campaign(workspace, "demo", autonomy="full", provider=provider, max_workers=workers)
    assert provider.peak == 1


def test_inputs_that_no_longer_validate_stop_their_module_only(workspace):
    seed_demo(workspace)
    campaign = workspace.get_campaign("demo")
    inputs = dict(campaign.brief.get("inputs", {}))
    inputs["autonomy"] = {"no_such_field": 1}
    workspace.update_campaign("demo", brief={**campaign.brief, "inputs": inputs})
    report = run_campaign(workspace, "demo", autonomy="full", provider=OfflineProvider())
    assert report.stops["autonomy"].startswith("VALIDATION_ERROR") and "no_such_field" in report.stops["autonomy"]
    assert {"creatives", "leadgen", "execution"} <= {s["module"] for s in report.steps if s["action"] == "generated"}
