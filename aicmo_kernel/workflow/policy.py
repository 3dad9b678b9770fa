"""The autonomy policy of a campaign, and its enforcement on auto-approvals (module 7).

A policy is a level, a QC-score threshold and the deliverable kinds a policy may approve::

    manual     nothing is auto-approved: a person approves every draft
    assisted   drafts are prepared, and still every one waits for a person
    semi       allowed kinds with QC score >= threshold and no major (or blocker) issue
    full       allowed kinds with QC score >= threshold and no blocker

One policy is stored per campaign (``autonomy_policies``); without one the campaign is manual.
It is set directly (``set_policy``, ``aicmo policy set``), by ``aicmo run --autonomy LEVEL``, or
when a person approves the autonomy module's ``autonomy_policy`` deliverable (its generation
inputs are kept in the deliverable's metadata). ``workflow.approve(..., by_policy=...)`` calls
``enforce_policy`` inside its transaction, so no caller can auto-approve outside the stored
policy. The ``autonomy_policy`` kind itself is never auto-approved: a policy cannot approve its
own change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..config import AUTONOMY_LEVELS
from ..errors import PolicyError, ValidationError, WorkflowError
from ..store import Workspace
from ..store.direct import Direct
from ..store.inputs import ActorName, validate_input
from ..store.models import AutonomyPolicyRow, CampaignRow, DeliverableRow, utcnow
from ..store.records import add_audit, find_campaign

__all__ = [
    "ALL_KINDS",
    "AUDIENCE_FACING_KINDS",
    "AUTONOMY_LEVELS",
    "DEFAULT_THRESHOLD",
    "DELIVERABLE_KINDS",
    "NEVER_AUTO_APPROVED",
    "AutonomyPolicy",
    "PolicyError",
    "adopt_approved_policy",
    "default_settings",
    "enforce_policy",
    "get_policy",
    "may_auto_approve",
    "policy_in_session",
    "set_policy",
]

AutonomyLevel = Literal["manual", "assisted", "semi", "full"]
DEFAULT_THRESHOLD = 80
ALL_KINDS = "all"
POLICY_KIND = "autonomy_policy"

# The deliverable kinds of the nine modules, in module order: the vocabulary of a policy.
DELIVERABLE_KINDS: dict[str, tuple[str, ...]] = {
    "intake": ("client_summary", "persona_card", "brand_voice_guide"),
    "strategy": ("strategy_document", "messaging_framework"),
    "creatives": ("linkedin_post", "instagram_caption", "instagram_carousel", "x_post", "x_thread", "email",
                  "ad_copy", "video_script", "image_prompt"),
    "execution": ("content_calendar", "utm_plan", "governance_plan"),
    "monitoring": ("performance_report", "recommendations"),
    "leadgen": ("scored_leads", "outreach_sequence", "lead_magnet_ideas"),
    "autonomy": ("autonomy_policy", "action_plan"),
    "delivery": ("executive_summary", "preflight_checklist", "client_pack"),
    "learn": ("lessons", "memory_rules"),
}  # fmt: skip
_KNOWN = tuple(kind for kinds in DELIVERABLE_KINDS.values() for kind in kinds)
# What reaches an audience as written (posts, emails, ads, scripts, outreach to real people).
AUDIENCE_FACING_KINDS = frozenset({
    "linkedin_post", "instagram_caption", "instagram_carousel", "x_post", "x_thread", "email", "ad_copy",
    "video_script", "outreach_sequence",
})  # fmt: skip
# Kinds a policy never approves on its own terms. The policy document is the one exception to
# "never": a policy may approve a policy document that restates or narrows it (see
# ``widens``), because that cannot grant it anything; one that widens it waits for a person.
NEVER_AUTO_APPROVED = frozenset({POLICY_KIND})
# Left out of the semi default: approved memory rules change what every later prompt is told.
_SEMI_HELD = AUDIENCE_FACING_KINDS | NEVER_AUTO_APPROVED | {"memory_rules"}


def _kinds(values: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(v.strip().lower() for v in values if v and v.strip()))
    if ALL_KINDS in cleaned:
        return [ALL_KINDS]
    unknown = [v for v in cleaned if v not in _KNOWN]
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}; choose from {ALL_KINDS}, {', '.join(_KNOWN)}")
    return cleaned


KindList = Annotated[list[Annotated[str, Field(max_length=80)]], Field(max_length=60), AfterValidator(_kinds)]


class _PolicySettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: AutonomyLevel
    qc_threshold: int = Field(ge=0, le=100)
    auto_approve_kinds: KindList
    actor: ActorName


class AutonomyPolicy(BaseModel):
    """A campaign's policy as stored (``stored=False``: the default, nothing stored yet)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    campaign: str
    level: AutonomyLevel = "manual"
    qc_threshold: int = Field(default=DEFAULT_THRESHOLD, ge=0, le=100)
    auto_approve_kinds: list[str] = Field(default_factory=list)
    updated_by: str | None = None
    updated_at: datetime | None = None
    stored: bool = False

    @property
    def allows_all_kinds(self) -> bool:
        return ALL_KINDS in self.auto_approve_kinds

    def allows_kind(self, kind: str) -> bool:
        return kind not in NEVER_AUTO_APPROVED and (self.allows_all_kinds or kind in self.auto_approve_kinds)

    def describe(self) -> str:
        kinds = "every kind" if self.allows_all_kinds else ", ".join(self.auto_approve_kinds) or "no kinds"
        return f"level {self.level}, QC threshold {self.qc_threshold}, auto-approvable: {kinds}"


def default_settings(level: str) -> tuple[int, list[str]]:
    """The threshold and kinds a level starts from when nobody configured them.

    full: every kind at QC 60; semi: QC 80 and every kind except what reaches an audience as
    written (posts, emails, ads, scripts, outreach) and brand-memory rules; manual and assisted:
    none (they never auto-approve anyway).
    """
    if level == "full":
        return 60, [ALL_KINDS]
    if level == "semi":
        return DEFAULT_THRESHOLD, [k for k in _KNOWN if k not in _SEMI_HELD]
    if level in ("manual", "assisted"):
        return DEFAULT_THRESHOLD, []
    raise ValidationError(f"unknown autonomy level {level!r}; choose one of {', '.join(AUTONOMY_LEVELS)}",
                          field="level")


def may_auto_approve(
    policy: AutonomyPolicy, *, kind: str, qc_score: int, blockers: int = 0, majors: int = 0,
    proposal: dict[str, Any] | None = None,
) -> tuple[bool, str]:
    """Whether ``policy`` lets a draft of ``kind`` with this QC result be approved without a person,
    and why (the reason is shown to reviewers and written on refusals).

    For an ``autonomy_policy`` document, ``proposal`` is its metadata (the settings it would
    enforce): the policy may approve it only when it restates or narrows the policy.
    """
    where = f"level {policy.level}"
    if policy.level in ("manual", "assisted"):
        return False, f"{where}: every draft waits for a person"
    if kind == POLICY_KIND:
        widening = widens(policy, proposal) if proposal is not None else "its settings are unknown"
        if widening:
            return False, f"{kind} needs a person: a policy never widens itself ({widening})"
    elif kind in NEVER_AUTO_APPROVED:
        return False, f"{kind} always needs a person"
    elif not policy.allows_kind(kind):
        allowed = ", ".join(policy.auto_approve_kinds) or "none"
        return False, f"{where}: kind {kind} is not among the kinds it may approve ({allowed})"
    if blockers:
        return False, f"{where}: QC found {blockers} blocker(s)"
    if policy.level == "semi" and majors:
        return False, f"{where}: semi-autonomous approval needs no major QC issue; found {majors}"
    if qc_score < policy.qc_threshold:
        return False, f"{where}: QC score {qc_score} is below the threshold {policy.qc_threshold}"
    return True, f"{where}: kind {kind} allowed, QC score {qc_score} >= threshold {policy.qc_threshold}"


# ----------------------------------------------------------------------------- storage


def _view(campaign: CampaignRow, row: AutonomyPolicyRow | None) -> AutonomyPolicy:
    if row is None:
        return AutonomyPolicy(campaign=campaign.name)
    return AutonomyPolicy(
        campaign=campaign.name, level=row.level, qc_threshold=round(row.qc_threshold),
        auto_approve_kinds=list(row.auto_approve_kinds or []), updated_by=row.updated_by,
        updated_at=row.updated_at, stored=True,
    )


_POLICY = Direct(select(AutonomyPolicyRow).where(AutonomyPolicyRow.campaign_id == bindparam("campaign_id")))


def policy_in_session(session: Session, campaign: Any, *, fresh: bool = True) -> AutonomyPolicy:
    """The campaign's policy as this session sees it; ``fresh=False`` takes what this session read
    already, if it did (a caller holding the campaign lock since before its first read: each
    approval of a module asks again)."""
    known = session.info.setdefault("aicmo_policies", {})
    if fresh or campaign.id not in known:
        known[campaign.id] = _view(campaign, _POLICY.first(session, {"campaign_id": campaign.id}))
    return known[campaign.id]


def get_policy(ws: Workspace, campaign: str) -> AutonomyPolicy:
    """The campaign's stored policy, or the default (manual, threshold 80, no kinds)."""
    with ws.reading() as session:
        return policy_in_session(session, find_campaign(session, campaign))


def _store(session: Session, campaign: CampaignRow, data: _PolicySettings, source: str) -> AutonomyPolicy:
    row = session.get(AutonomyPolicyRow, campaign.id)
    before = _view(campaign, row)
    now = utcnow()
    if row is None:
        row = AutonomyPolicyRow(campaign_id=campaign.id)
        session.add(row)
    row.level, row.qc_threshold, row.auto_approve_kinds = data.level, float(data.qc_threshold), list(data.auto_approve_kinds)
    row.updated_by, row.updated_at = data.actor, now
    add_audit(session, actor=data.actor, action="autonomy_policy.set", entity_type="campaign", entity_id=campaign.id,
              from_state=before.level if before.stored else None, to_state=data.level,
              details={"source": source, "qc_threshold": data.qc_threshold,
                       "auto_approve_kinds": list(data.auto_approve_kinds),
                       "before": before.model_dump(mode="json", include={"level", "qc_threshold", "auto_approve_kinds"})
                       if before.stored else None})
    session.flush()
    session.info.get("aicmo_policies", {}).pop(campaign.id, None)
    return _view(campaign, row)


def _validated(level: Any, qc_threshold: Any, auto_approve_kinds: Any, actor: Any) -> _PolicySettings:
    if isinstance(auto_approve_kinds, str):
        auto_approve_kinds = [k for k in auto_approve_kinds.split(",")]
    return validate_input(_PolicySettings, {"level": level, "qc_threshold": qc_threshold,
                                            "auto_approve_kinds": auto_approve_kinds, "actor": actor})


def set_policy(
    ws: Workspace, campaign: str, *, level: str, qc_threshold: int, auto_approve_kinds: list[str] | str,
    actor: str, source: str = "set directly",
) -> AutonomyPolicy:
    """Store the campaign's policy (validated; one audit row naming the actor and the change).
    Under a hub only admins change a policy, and the audit row names the signed-in admin.

    ``auto_approve_kinds`` is a list of kinds, ``["all"]``, or a comma-separated string.
    """
    from .roles import authorize, recorded_name

    data = _validated(level, qc_threshold, auto_approve_kinds, actor)
    with ws.transaction() as session:
        # Locking the campaign makes a policy change and an auto-approval of the campaign take turns.
        row = find_campaign(session, campaign, for_update=True)
        # Admins only (under a hub); the signed-in person is recorded, not a label from code.
        person = authorize(session, data.actor, "set_policy", campaign=row, field="actor", strict=False)
        data = data.model_copy(update={"actor": recorded_name(data.actor, person)})
        return _store(session, row, data, source)


# ----------------------------------------------------------------------------- workflow hooks


def widens(policy: AutonomyPolicy, meta: dict[str, Any]) -> str | None:
    """How a proposed policy (an ``autonomy_policy`` deliverable's metadata) would go beyond
    ``policy``, or None when it restates or narrows it."""
    try:
        proposed = _validated(meta.get("level"), meta.get("qc_threshold"), meta.get("auto_approve_kinds") or [],
                              "policy")
    except ValidationError as exc:
        return f"its settings are not valid ({exc.message})"
    rank = AUTONOMY_LEVELS.index
    if rank(proposed.level) > rank(policy.level):
        return f"it raises the level from {policy.level} to {proposed.level}"
    if proposed.qc_threshold < policy.qc_threshold:
        return f"it lowers the QC threshold from {policy.qc_threshold} to {proposed.qc_threshold}"
    kinds = set(proposed.auto_approve_kinds)
    if not policy.allows_all_kinds and (ALL_KINDS in kinds or not kinds <= set(policy.auto_approve_kinds)):
        return "it adds kinds the current policy may not approve"
    return None


def enforce_policy(session: Session, campaign: CampaignRow, row: DeliverableRow, report: Any, by_policy: str) -> str:
    """Refuse (``PolicyError``) an approval made by a policy that the stored policy does not allow;
    return why it is allowed (written on the approval).

    Called by ``workflow.approve`` inside its transaction, with the campaign row locked: every
    read of the policy in that transaction came after the lock, so the session's row is current
    (and a policy adopted by an approval in the same transaction is the row the session holds).
    """
    policy = policy_in_session(session, campaign, fresh=False)
    score = int(report.score)
    blockers = sum(issue.severity == "blocker" for issue in report.issues)
    majors = sum(issue.severity == "major" for issue in report.issues)
    details = {"level": policy.level, "kind": row.kind, "qc_score": score, "qc_threshold": policy.qc_threshold,
               "auto_approve_kinds": list(policy.auto_approve_kinds), "by_policy": by_policy}
    claimed = by_policy.split(":", 1)[1] if by_policy.startswith("autonomy:") else None
    if claimed is not None and claimed != policy.level:
        raise PolicyError(
            f"Auto-approval of {row.title!r} refused: it claims the {claimed} level but the stored policy of "
            f"campaign {campaign.name!r} is {policy.describe()}",
            field="by_policy", details=details,
        )
    allowed, reason = may_auto_approve(policy, kind=row.kind, qc_score=score, blockers=blockers, majors=majors,
                                       proposal=row.meta or {} if row.kind == POLICY_KIND else None)
    if not allowed:
        raise PolicyError(
            f"Auto-approval of {row.title!r} refused by the autonomy policy of campaign {campaign.name!r} "
            f"(level {policy.level}, kind {row.kind}, QC score {score}, threshold {policy.qc_threshold}): {reason}",
            field="by_policy", details={**details, "reason": reason},
        )
    return reason


def adopt_approved_policy(session: Session, campaign: CampaignRow, row: DeliverableRow, actor: str) -> None:
    """When a person approves an ``autonomy_policy`` deliverable, its settings become the policy.

    The settings come from the deliverable's metadata (the generation inputs), not from its text,
    so an edited wording never changes what is enforced. Other kinds are left alone.
    """
    if row.module != "autonomy" or row.kind != POLICY_KIND:
        return
    meta = row.meta or {}
    try:
        data = _validated(meta.get("level"), meta.get("qc_threshold"), meta.get("auto_approve_kinds") or [], actor)
    except ValidationError as exc:
        raise WorkflowError(
            f"{row.title!r} cannot be approved: its stored policy settings are not valid ({exc.message}); "
            "generate the autonomy module again", field="metadata", details=exc.details,
        ) from None
    _store(session, campaign, data, source=f"approved deliverable {row.id}")
