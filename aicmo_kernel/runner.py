"""Run a campaign's modules in order, headless, honouring the campaign's stored autonomy policy.

The policy (``workflow.policy``) decides, not the runner:

    manual     generate the next module, then stop: a person approves
    assisted   same as manual; drafts wait for a person
    semi       auto-approve allowed kinds at or above the QC threshold with no major issue
    full       auto-approve allowed kinds at or above the QC threshold with no blocker

``run_campaign(autonomy=LEVEL)`` first stores LEVEL as the campaign's policy (threshold and kinds
kept from a stored policy that allows any kinds, else the level's defaults), recorded in the
audit log as set by the runner; without a level the stored policy is used as it is. Auto-approvals
go through ``workflow.approve`` with ``by_policy="autonomy:<level>"``, which enforces the stored
policy and records the approval as made by it.

Modules run concurrently, in threads: each starts as soon as its gate opens (every upstream module
approved), so strategy's three dependants (creatives, leadgen, autonomy) are drafted at once, and
execution's two (monitoring, delivery) too. A module that reads another's output when there is
one (``ModuleInfo.reads``: autonomy plans with monitoring's KPIs) starts once that one has ended,
approved or stopped, or can no longer run. learn, whose upstream is "any", reads the whole
campaign and so starts only once every other module is approved. A module whose drafts the policy
leaves for a person (listed, with the reason), that failed, or that is not available yet stops
there: its stop is reported on ``CampaignRunReport.stops`` and only the modules downstream of it
are held back (``blocked``); independent branches go on. ``stopped_at`` / ``reason`` name the
first stop in module order. ``max_workers=1`` is the plain sequential loop.
"""

from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .config import AUTONOMY_LEVELS
from .errors import AicmoError, ModuleNotAvailableError, ValidationError

if TYPE_CHECKING:
    from .providers.base import Provider
    from .store import Workspace

__all__ = ["AUTONOMY_LEVELS", "DEFAULT_WORKERS", "RUNNER_ACTOR", "CampaignRunReport", "calls_to_end", "module_dependencies",
           "run_campaign", "store_run_level"]


@dataclass
class CampaignRunReport:
    campaign: str
    autonomy: str
    steps: list[dict[str, Any]] = field(default_factory=list)
    stopped_at: str | None = None
    reason: str | None = None
    # Every module that stopped -> why; modules held back behind a stop -> the upstreams they wait for.
    stops: dict[str, str] = field(default_factory=dict)
    blocked: dict[str, list[str]] = field(default_factory=dict)
    # The stopped modules that failed (generation or broken data), not merely waiting for a person:
    # a module with no data yet (NO_DATA: no performance export, no leads file) waits for one.
    failed: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.stopped_at is None

    @property
    def outcome(self) -> str:
        """``complete`` (every module approved), ``failed`` (a module failed) or ``waiting``
        (nothing failed; drafts wait for a person, or a module for the data a person uploads, and
        the modules behind them are blocked)."""
        if self.failed:
            return "failed"
        return "complete" if self.completed and not self.blocked else "waiting"


RUNNER_ACTOR = "cli:aicmo run"
# At most three modules are ever ready at once (strategy's dependants), plus headroom.
DEFAULT_WORKERS = 4


def store_run_level(ws: "Workspace", campaign: str, level: str, *, actor: str = RUNNER_ACTOR) -> Any:
    """Store ``level`` as the campaign's policy, keeping a stored policy's threshold and kinds when
    it allows any kinds (a policy allowing none would make the level meaningless: the level's
    defaults are used instead). Returns the stored ``AutonomyPolicy``."""
    from .workflow import policy as autonomy_policy

    if level not in AUTONOMY_LEVELS:
        raise ValidationError(
            f"unknown autonomy level {level!r}; choose one of {', '.join(AUTONOMY_LEVELS)}", field="autonomy"
        )
    stored = autonomy_policy.get_policy(ws, campaign)
    threshold, kinds = autonomy_policy.default_settings(level)
    if stored.stored and stored.auto_approve_kinds:
        threshold, kinds = stored.qc_threshold, list(stored.auto_approve_kinds)
    return autonomy_policy.set_policy(ws, campaign, level=level, qc_threshold=threshold, auto_approve_kinds=kinds,
                                      actor=actor, source=f"aicmo run --autonomy {level}")


def module_dependencies() -> dict[str, tuple[str, ...]]:
    """What each module waits for in a run: its gates (``_gates``), then the modules it reads
    (``ModuleInfo.reads``)."""
    from .registry import all_modules

    gates = _gates()
    return {info.name: (*gates[info.name], *(r for r in info.reads if r not in gates[info.name]))
            for info in all_modules()}


def calls_to_end() -> dict[str, int]:
    """For each module, the longest chain of modules a run has to go through from it to its end,
    itself included (``module_dependencies``): 7 for intake, 1 for learn. Each is one model call
    when nothing needs repairing."""
    waits_for = module_dependencies()
    chain: dict[str, int] = {}

    def length(name: str) -> int:
        if name not in chain:
            chain[name] = 1 + max((length(later) for later, ups in waits_for.items() if name in ups), default=0)
        return chain[name]

    return {name: length(name) for name in waits_for}


def _gates() -> dict[str, tuple[str, ...]]:
    """The modules that must be approved before each module runs: its upstream modules; for a
    module whose upstream is "any" (learn), every other module, because it summarises the whole
    campaign."""
    from .registry import all_modules

    first = all_modules()[0].name
    names = [info.name for info in all_modules()]
    return {
        info.name: info.upstream if (info.upstream or info.name == first)
        else tuple(n for n in names if n != info.name)
        for info in all_modules()
    }


def _cannot_run(gates: dict[str, tuple[str, ...]], started: set[str], stopped: set[str]) -> set[str]:
    """Modules not started whose gate can no longer open in this run: an upstream stopped, or
    cannot run either."""
    out: set[str] = set()
    while True:
        more = {name for name, ups in gates.items()
                if name not in started and name not in out and any(up in stopped or up in out for up in ups)}
        if not more:
            return out
        out |= more


def _counted(count: int, one: str, many: str, **values: object) -> str:
    """A stop message's counted noun in English (the CLI's language): "1 draft", "5 drafts"."""
    from .modules.phrasebook import counted  # the phrase banks load only when a run stops

    return counted("en", count, one, many, **values)


class _Stop(Exception):
    """A module's run ended where a person (``failed=False``) or a fix (``failed=True``) is needed."""

    def __init__(self, message: str, *, failed: bool = False):
        super().__init__(message)
        self.failed = failed


def run_campaign(
    ws: "Workspace",
    campaign: str,
    *,
    autonomy: str | None = None,
    provider: "Provider | None" = None,
    on_step: Callable[[dict[str, Any]], None] | None = None,
    max_workers: int = DEFAULT_WORKERS,
    use_cache: bool | None = None,
) -> CampaignRunReport:
    """Generate and (within the stored policy) approve the modules, each as soon as its gate opens;
    see the module docstring. ``on_step`` may be called from worker threads (one at a time)."""
    from . import workflow
    from .registry import all_modules

    record = ws.get_campaign(campaign)
    policy = store_run_level(ws, record.name, autonomy) if autonomy is not None else workflow.get_policy(ws, record.name)
    report = CampaignRunReport(campaign=record.name, autonomy=policy.level)
    order = {info.name: info.order for info in all_modules()}
    gates = _gates()
    reads = {info.name: info.reads for info in all_modules()}
    lock = threading.Lock()

    def emit(step: dict[str, Any]) -> None:
        with lock:
            report.steps.append(step)
            if on_step:
                on_step(step)

    def run_one(name: str) -> None:
        _run_module(ws, record.name, name, autonomy=autonomy, policy=policy, provider=provider,
                    emit=emit, use_cache=use_cache)

    approved: set[str] = set()
    started: set[str] = set()
    workers = 1 if _single_connection(ws) else max(1, max_workers)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="aicmo-run") as pool:
        running: dict[Future[None], str] = {}
        while True:
            ended = approved | set(report.stops) | _cannot_run(gates, started, set(report.stops))
            for info in all_modules():
                name = info.name
                if (name not in started and all(up in approved for up in gates[name])
                        and all(read in ended for read in reads[name])):
                    started.add(name)
                    running[pool.submit(run_one, name)] = name
                    if workers == 1:
                        break  # the sequential loop: one module at a time, in order
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                name = running.pop(future)
                try:
                    future.result()
                    approved.add(name)
                except _Stop as stop:
                    report.stops[name] = str(stop)
                    if stop.failed:
                        report.failed.append(name)
    for info in all_modules():
        if info.name not in started:
            report.blocked[info.name] = [up for up in gates[info.name] if up not in approved] or [
                read for read in reads[info.name] if read not in approved]
    report.steps.sort(key=lambda step: order[step["module"]])  # stable: a module's steps keep their order
    report.failed.sort(key=order.__getitem__)
    if report.stops:
        first = min(report.stops, key=order.__getitem__)
        report.stopped_at, report.reason = first, report.stops[first]
    return report


def _single_connection(ws: "Workspace") -> bool:
    # An in-memory SQLite workspace is one shared connection: threads must not use it at once.
    return ws.dialect == "sqlite" and ws.engine.url.database in (None, "", ":memory:")


def _run_module(
    ws: "Workspace",
    campaign: str,
    name: str,
    *,
    autonomy: str | None,
    policy: Any,
    provider: "Provider | None",
    emit: Callable[[dict[str, Any]], None],
    use_cache: bool | None,
) -> None:
    """Generate (unless drafts are already there) and auto-approve one module; raise _Stop where
    the run cannot go on past it."""
    from . import workflow
    from .generation import generate
    from .registry import load_spec

    state = workflow.module_state(ws, campaign, name)
    if state == "approved":
        emit({"module": name, "action": "already approved"})
        return
    approval = None  # what the generation's own transaction approved, if it tried
    if state != "in_review":
        try:
            hook = load_spec(name).inputs_for_run  # autonomy: its document records the run's level
            inputs = hook(policy, autonomy is not None) if hook is not None else None
            # Where the policy approves, it does in the transaction that stores the drafts: one
            # write, not two (the level is read again under the lock there, as auto_approve does).
            result = generate(ws, campaign, name, inputs, provider=provider, actor=f"autonomy:{policy.level}",
                              use_cache=use_cache, approve=policy.level not in ("manual", "assisted"))
        except ModuleNotAvailableError as exc:
            raise _Stop(str(exc), failed=True) from None
        except AicmoError as exc:  # e.g. saved inputs that no longer validate: this module's stop only
            raise _Stop(f"{exc.error_type}: {exc.message}", failed=True) from None
        emit({
            "module": name,
            "action": "generated",
            "status": result.envelope.status,
            "provider": result.envelope.meta.provider,
            "model": result.envelope.meta.model,
            "deliverables": len(result.envelope.deliverables),
            "run_id": result.run_id,
            "cached": any(a.get("status") == "cached" for a in result.attempts),
        })
        if not result.ok:
            error = result.envelope.error
            # No data yet is not a failure: a new campaign has no performance export or leads file
            # until someone uploads one (exit 3, as for drafts that wait for a reviewer).
            raise _Stop(f"{error.type}: {error.message} (trace id {error.trace_id})", failed=error.type != "NO_DATA")
        approval = result.approval
    # At the stored level, read under the campaign lock: a person may have changed it during the run.
    approved, held, level = approval if approval is not None else workflow.auto_approve(ws, campaign, name)
    if level in ("manual", "assisted"):
        raise _Stop(_counted(len(held), "{count} draft in {name} waits for a reviewer (autonomy level {level})",
                             "{count} drafts in {name} wait for a reviewer (autonomy level {level})",
                             name=name, level=level))
    if held:
        raise _Stop(_counted(len(held), "{count} draft in {name} needs a reviewer: ",
                             "{count} drafts in {name} need a reviewer: ", name=name)
                    + "; ".join(held[:5]) + (f"; and {len(held) - 5} more" if len(held) > 5 else ""))
    emit({"module": name, "action": f"auto-approved by autonomy:{level}", "deliverables": approved})
