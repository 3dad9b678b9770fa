"""QC outcomes across a campaign's history: which checks fired, on which versions, and what was
fixed before approval.

Approvals store only a count of QC issues, so the QC engine (``aicmo_kernel.qc.run_qc``) is run
again on every stored version: versions never change, so the result is what the reviewer saw,
with the checks of today (a check added since then shows what it would have caught).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import bindparam, select

if TYPE_CHECKING:
    from ..store import Workspace
    from ..store.direct import Direct

__all__ = ["CheckOutcome", "QCOutcomes", "qc_outcomes"]

_SKIPPED_MODULES = ("learn",)


@lru_cache(maxsize=2)
def _statements(of_module: bool) -> tuple[Direct, Direct]:
    """A campaign's deliverables (of one module) and all their versions, read on the driver as
    read-only rows: learn checks every version of the campaign."""
    from ..store.direct import Direct
    from ..store.models import DeliverableRow, VersionRow

    wanted = [DeliverableRow.campaign_id == bindparam("campaign_id"), DeliverableRow.module.not_in(_SKIPPED_MODULES)]
    if of_module:
        wanted.append(DeliverableRow.module == bindparam("module"))
    rows = select(DeliverableRow).where(*wanted).order_by(DeliverableRow.created_at, DeliverableRow.position,
                                                          DeliverableRow.id)
    versions = (select(VersionRow).join(DeliverableRow).where(*wanted)
                .order_by(VersionRow.deliverable_id, VersionRow.version))
    return Direct(rows), Direct(versions)
_RANK = {"blocker": 0, "major": 1, "minor": 2}


class CheckOutcome(BaseModel):
    """One QC check's record over the campaign's versions."""

    model_config = ConfigDict(extra="forbid")

    check_id: str
    description: str
    severity: str  # the most severe level it was raised at
    versions_flagged: int = 0
    deliverables_flagged: int = 0
    first_drafts_flagged: int = 0  # version 1 (as generated)
    fixed_before_approval: int = 0  # flagged on an earlier version, gone from the approved one
    open_now: int = 0  # flagged on the current version of a deliverable that is not approved


class QCOutcomes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    deliverables_checked: int
    versions_checked: int
    checks: list[CheckOutcome]


def qc_outcomes(ws: Workspace, campaign: str, *, module: str | None = None) -> QCOutcomes:
    """Run QC on every version of every deliverable of ``campaign`` and add the results up."""
    from ..qc import CHECKS, check_deliverable
    from ..store.records import brand_record, find_campaign
    from ..store.views import brand_view

    outcomes: dict[str, CheckOutcome] = {}
    deliverables = versions_checked = 0
    with ws.reading() as session:
        campaign_row = find_campaign(session, campaign)
        brand = brand_view(brand_record(session, campaign_row.brand_id))
        rows_read, versions_read = _statements(module is not None)
        parameters = {"campaign_id": campaign_row.id, "module": module}
        rows = rows_read.rows(session, parameters)
        # Every version of those deliverables in one query, not one query per deliverable.
        versions_of: dict[str, list[Any]] = {row.id: [] for row in rows}
        for version in versions_read.rows(session, parameters):
            versions_of[version.deliverable_id].append(version)
        for row in rows:
            deliverables += 1
            flagged_in: dict[str, list[int]] = {}
            for version in versions_of[row.id]:
                versions_checked += 1
                report = check_deliverable(row, text=version.content_markdown, hashtags=version.hashtags or [],
                                           brand=brand)
                for issue in report.issues:
                    outcome = outcomes.get(issue.check_id)
                    if outcome is None:
                        registered = CHECKS.get(issue.check_id)
                        outcome = outcomes[issue.check_id] = CheckOutcome(
                            check_id=issue.check_id,
                            description=registered.description if registered else issue.check_id,
                            severity=issue.severity,
                        )
                    if _RANK[issue.severity] < _RANK.get(outcome.severity, 3):
                        outcome.severity = issue.severity
                    seen = flagged_in.setdefault(issue.check_id, [])
                    if version.version not in seen:
                        seen.append(version.version)
                        outcome.versions_flagged += 1
            for check_id, flagged_versions in flagged_in.items():
                outcome = outcomes[check_id]
                outcome.deliverables_flagged += 1
                if 1 in flagged_versions:
                    outcome.first_drafts_flagged += 1
                approved = row.approved_version
                if approved is not None and approved not in flagged_versions and min(flagged_versions) < approved:
                    outcome.fixed_before_approval += 1
                if row.state not in ("approved", "superseded") and row.current_version in flagged_versions:
                    outcome.open_now += 1
    checks = sorted(outcomes.values(), key=lambda o: (_RANK.get(o.severity, 3), -o.versions_flagged, o.check_id))
    return QCOutcomes(deliverables_checked=deliverables, versions_checked=versions_checked, checks=checks)
