"""Run a campaign's modules in order, headless, honouring an autonomy level.

The levels (SPEC section 3, module 7):

    manual     generate the next module, then stop: a person approves
    assisted   same as manual; drafts wait for a person
    semi       auto-approve drafts whose QC finds neither blockers nor major issues
    full       auto-approve drafts whose QC finds no blockers

Auto-approvals go through ``workflow.approve`` with ``by_policy="autonomy:<level>"``, so they are
recorded as made by the policy. The run stops at the first module that needs a person, that
failed, or that is not available yet, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .errors import AicmoError, ModuleNotAvailableError, QCBlockedError, ValidationError

if TYPE_CHECKING:
    from .providers.base import Provider
    from .store import Workspace

__all__ = ["AUTONOMY_LEVELS", "CampaignRunReport", "run_campaign"]

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


def _auto_approvable(report: Any, level: str) -> bool:
    if level == "full":
        return not report.blockers
    if level == "semi":
        return not any(issue.severity in ("blocker", "major") for issue in report.issues)
    return False


def run_campaign(
    ws: "Workspace",
    campaign: str,
    *,
    autonomy: str = "manual",
    provider: "Provider | None" = None,
    on_step: Callable[[dict[str, Any]], None] | None = None,
) -> CampaignRunReport:
    from . import workflow
    from .generation import generate
    from .modules import MODULES
    from .qc import run_qc

    if autonomy not in AUTONOMY_LEVELS:
        raise ValidationError(
            f"unknown autonomy level {autonomy!r}; choose one of {', '.join(AUTONOMY_LEVELS)}", field="autonomy"
        )
    record = ws.get_campaign(campaign)
    brand = ws.get_brand(record.brand_id).model_dump(mode="json")
    report = CampaignRunReport(campaign=record.name, autonomy=autonomy)

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
            try:
                result = generate(ws, record.name, info.name, provider=provider, actor=f"autonomy:{autonomy}")
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
        if autonomy in ("manual", "assisted"):
            return stop(info.name, f"{len(waiting)} draft(s) in {info.name} wait for a reviewer")
        held: list[str] = []
        for item in waiting:
            qc = run_qc(item.content_markdown, kind=item.kind, platform=item.platform,
                        hashtags=item.hashtags, metadata=item.metadata, brand=brand)
            if not _auto_approvable(qc, autonomy):
                held.append(item.title)
                continue
            try:
                workflow.approve(ws, item.id, version=item.current_version, reviewer=f"autonomy:{autonomy}",
                                 comment=f"approved by the {autonomy} autonomy policy", by_policy=f"autonomy:{autonomy}")
            except (QCBlockedError, AicmoError):
                held.append(item.title)
        if held:
            return stop(info.name, f"{len(held)} draft(s) need a reviewer: " + "; ".join(held[:5]))
        step = {"module": info.name, "action": f"auto-approved by autonomy:{autonomy}", "deliverables": len(waiting)}
        report.steps.append(step)
        if on_step:
            on_step(step)
    return report
