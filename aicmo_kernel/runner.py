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
policy and records the approval as made by it. The run stops at the first module with drafts the
policy leaves for a person (listed, with the reason), that failed, or that is not available yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .errors import AicmoError, ModuleNotAvailableError, ValidationError

if TYPE_CHECKING:
    from .providers.base import Provider
    from .store import Workspace

__all__ = ["AUTONOMY_LEVELS", "RUNNER_ACTOR", "CampaignRunReport", "run_campaign", "store_run_level"]

AUTONOMY_LEVELS = ("manual", "assisted", "semi", "full")


@dataclass
class CampaignRunReport:
    campaign: str
    autonomy: str
    steps: list[dict[str, Any]] = field(default_factory=list)
    stopped_at: str | None = None
    reason: str | None = None

    @property
    def completed(self) -> bool:
        return self.stopped_at is None


RUNNER_ACTOR = "cli:aicmo run"


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


def run_campaign(
    ws: "Workspace",
    campaign: str,
    *,
    autonomy: str | None = None,
    provider: "Provider | None" = None,
    on_step: Callable[[dict[str, Any]], None] | None = None,
) -> CampaignRunReport:
    """Generate and (within the stored policy) approve the modules in order; see the module docstring."""
    from . import workflow
    from .generation import generate
    from .modules import MODULES
    from .qc import run_qc

    record = ws.get_campaign(campaign)
    policy = store_run_level(ws, record.name, autonomy) if autonomy is not None else workflow.get_policy(ws, record.name)
    brand = ws.get_brand(record.brand_id).model_dump(mode="json")
    report = CampaignRunReport(campaign=record.name, autonomy=policy.level)

    def stop(module: str, reason: str) -> CampaignRunReport:
        report.stopped_at, report.reason = module, reason
        return report

    for info in MODULES:
        status = workflow.module_status(ws, record.name, info.name)
        if status["state"] == "approved":
            step = {"module": info.name, "action": "already approved"}
            report.steps.append(step)
            if on_step:
                on_step(step)
            continue
        if status["state"] == "in_review":
            items = ws.list_deliverables(campaign=record.name, module=info.name)
        else:
            inputs = None
            if info.name == "autonomy" and autonomy is not None:
                # The policy document of a run records the level the run was given.
                inputs = {"level": policy.level, "qc_threshold": policy.qc_threshold,
                          "auto_approve_kinds": list(policy.auto_approve_kinds)}
            try:
                result = generate(ws, record.name, info.name, inputs, provider=provider,
                                  actor=f"autonomy:{policy.level}")
            except ModuleNotAvailableError as exc:
                return stop(info.name, str(exc))
            step = {
                "module": info.name,
                "action": "generated",
                "status": result.envelope.status,
                "provider": result.envelope.meta.provider,
                "model": result.envelope.meta.model,
                "deliverables": len(result.envelope.deliverables),
                "run_id": result.run_id,
            }
            report.steps.append(step)
            if on_step:
                on_step(step)
            if not result.ok:
                error = result.envelope.error
                return stop(info.name, f"{error.type}: {error.message} (trace id {error.trace_id})")
            items = ws.list_deliverables(campaign=record.name, module=info.name)

        waiting = [item for item in items if item.state != "approved"]
        policy = workflow.get_policy(ws, record.name)  # a person may have changed it during the run
        level = policy.level
        if level in ("manual", "assisted"):
            return stop(info.name, f"{len(waiting)} draft(s) in {info.name} wait for a reviewer "
                                   f"(autonomy level {level})")
        held: list[str] = []
        for item in waiting:
            qc = run_qc(item.content_markdown, kind=item.kind, platform=item.platform,
                        hashtags=item.hashtags, metadata=item.metadata, brand=brand)
            allowed, why = workflow.may_auto_approve(
                policy, kind=item.kind, qc_score=qc.score, blockers=len(qc.blockers),
                majors=sum(issue.severity == "major" for issue in qc.issues), proposal=item.metadata)
            if not allowed:
                held.append(f"{item.title} ({why})")
                continue
            try:
                workflow.approve(ws, item.id, version=item.current_version, reviewer=f"autonomy:{level}",
                                 comment=f"approved by the {level} autonomy policy: {why}",
                                 by_policy=f"autonomy:{level}")
            except AicmoError as exc:  # the workflow enforces the policy too, and has the last word
                held.append(f"{item.title} ({exc.message})")
        if held:
            return stop(info.name, f"{len(held)} draft(s) in {info.name} need a reviewer: " + "; ".join(held[:5])
                        + (f"; and {len(held) - 5} more" if len(held) > 5 else ""))
        step = {"module": info.name, "action": f"auto-approved by autonomy:{level}", "deliverables": len(waiting)}
        report.steps.append(step)
        if on_step:
            on_step(step)
    return report
