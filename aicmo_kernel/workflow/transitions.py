"""Where every approval is decided (``_approve_in``): ``approve`` for one deliverable, and
``auto_approve`` for the waiting drafts of a module (``recording`` records a generation and has its
drafts approved here). The other transitions of single deliverables live beside it, in ``edits``
and ``reviews``, and are importable from here too.

See the package docstring for the state diagram and the concurrency rules.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from ..errors import ConflictError, QCBlockedError, WorkflowError
from ..identity import Identity
from ..registry import load_spec
from ..store import DeliverableView, Workspace
from ..store.inputs import validate_input
from ..store.models import DeliverableRow, VersionRow, utcnow
from ..store.records import (
    add_audits,
    audit_values,
    find_campaign,
    find_deliverable,
    find_version,
    find_versions,
)
from ..store.views import brand_view, deliverable_view
from .compare_and_set import _compare_and_set_each, _editable, _require_current
from .edits import edit, reset_to_version
from .module_state import (
    current_records_of,
    current_rows,
    flag_downstream,
    upstream_basis,
)
from .policy import enforce_policy, policy_in_session
from .review_events import _actor_name, _add_reviews, _review_values, _ReviewInput
from .reviews import add_comment, client_approve, request_changes, revoke
from .roles import RULE_KINDS, authorize, brand_of, check_four_eyes, recorded_name

__all__ = [
    "add_comment",
    "approve",
    "client_approve",
    "edit",
    "request_changes",
    "reset_to_version",
    "revoke",
]


def approve(
    ws: Workspace,
    deliverable_id: str,
    *,
    version: int,
    reviewer: str | Identity,
    comment: str | None = None,
    by_policy: str | None = None,
) -> DeliverableView:
    """Approve ``version`` (the current one) if QC finds no blocker.

    Who: reviewers and admins (``roles``); under a hub the signed-in person, whatever name is
    given; with the brand's four-eyes rule, not the author of ``version``; an autonomy policy
    document or brand-memory rules only by admins. ``by_policy`` (e.g. ``"autonomy:full"``)
    records that a policy, not a person, approved; the campaign's stored autonomy policy must allow
    it (``workflow.policy``), else ``PolicyError``, and the person running it must be one who may
    generate (recorded as ``run_by``). When this approval completes the module with content newer
    than what downstream approvals were based on, those downstream deliverables are flagged
    ``needs_review``. On a campaign with the client stage, the item then waits for the client.
    """
    claimed = reviewer if isinstance(reviewer, Identity) else _actor_name(reviewer, "reviewer")
    with ws.transaction() as session:
        row = find_deliverable(session, deliverable_id)
        campaign = find_campaign(session, row.campaign_id, for_update=True)
        row, actor = _approve_in(session, campaign, deliverable_id, version, claimed, comment, by_policy)
        session.flush()
        flag_downstream(session, campaign.id, row.module, actor, only_if_approved=True)
        return deliverable_view(session, find_deliverable(session, row.id))


def _approve_in(
    session: Session,
    campaign: Any,
    deliverable_id: str,
    version: int,
    claimed: str | Identity,
    comment: str | None,
    by_policy: str | None,
    *,
    basis: dict[str, int] | None = None,
    locked: tuple[DeliverableRow, VersionRow] | None = None,
    batch: _Approvals | None = None,
) -> tuple[DeliverableRow, str]:
    """Where an approval is decided and written, for ``approve`` and ``auto_approve``: inside the
    caller's transaction, with the campaign row locked. Raises before writing anything when the
    approval is refused. ``basis``: the module's upstream basis when the caller read it already;
    ``locked``: the deliverable and its ``version`` when the caller read them under the lock;
    ``batch``: the approvals written together later (``_Approvals``), for a module without an
    ``after_approval`` hook. Returns the row and the recorded reviewer."""
    from ..qc import check_deliverable

    if locked is None:
        row = _editable(session, deliverable_id, "approved")  # re-read under the campaign lock
    else:
        row = locked[0]
    person = authorize(session, claimed, "generate" if by_policy is not None else "review", campaign=campaign)
    if by_policy is None and row.kind in RULE_KINDS:
        person.require(RULE_KINDS[row.kind], brand=brand_of(session, campaign).name)
    review = validate_input(_ReviewInput, {"reviewer": recorded_name(claimed, person), "comment": comment,
                                           "by_policy": by_policy})
    _require_current(session, row, version)
    if row.state == "approved" and not row.needs_review:
        raise WorkflowError(f"Version {version} of {row.title!r} is already approved", field="version")
    text = locked[1] if locked is not None else find_version(session, row.id, version)
    brand = brand_of(session, campaign)
    if by_policy is None:
        check_four_eyes(session, brand, row, version, person)
    report = check_deliverable(row, text=text.content_markdown, hashtags=text.hashtags, brand=brand_view(brand))
    if not report.passed:
        listed = "; ".join(f"[{issue.check_id}] {issue.message}" for issue in report.blockers)
        raise QCBlockedError(
            f"Quality checks block approval of {row.title!r} version {version}: {listed}",
            field="content_markdown",
            details={"blockers": [issue.model_dump() for issue in report.blockers], "qc": report.as_dict()},
        )
    if review.by_policy is not None:  # an auto-approval: only inside the stored autonomy policy
        reason = enforce_policy(session, campaign, row, report, review.by_policy)
        if review.comment is None:
            level = review.by_policy.removeprefix("autonomy:")
            review = review.model_copy(update={"comment": f"approved by the {level} autonomy policy: {reason}"})
    values = {"state": "approved", "approved_version": version,
              "approved_basis": basis if basis is not None else upstream_basis(session, campaign.id, row.module),
              "needs_review": False, "needs_review_reason": None, "updated_by": review.reviewer,
              "updated_at": batch.now if batch is not None else utcnow(),
              "client_state": "waiting" if campaign.client_review else None}
    details: dict[str, Any] = {"version": version, "by_policy": review.by_policy, "qc_issues": len(report.issues)}
    if review.by_policy is not None and person.signed_in:
        details["run_by"] = person.name
    audit = audit_values(actor=review.reviewer, action="deliverable.approved", entity_type="deliverable",
                         entity_id=row.id, from_state=row.state, to_state="approved", details=details)
    decided = (row, version, values, _review_values(row.id, "approve", review, version), audit)
    if batch is not None:
        batch.decided.append(decided)
        return row, review.reviewer
    for _, conflict in _Approvals(decided=[decided]).write(session):  # written now, a batch of one
        raise conflict
    _after_approval(Approval(session, campaign, row, version, review.reviewer, review.by_policy))
    return row, review.reviewer


@dataclass
class _Approvals:
    """Approvals that ``_approve_in`` decided one by one, written together (``write``): one UPDATE
    for the deliverables approved with the same values, one INSERT for their review events and
    one for their audit entries, instead of three statements each. Under the campaign lock, on a
    SQLite workspace that every writer waits for. Their time is one ``now``."""

    now: Any = field(default_factory=utcnow)
    decided: list[tuple[DeliverableRow, int, dict[str, Any], dict[str, Any], dict[str, Any]]] = field(
        default_factory=list)

    def write(self, session: Session) -> list[tuple[DeliverableRow, ConflictError]]:
        """Write what was decided; the deliverables that someone saved a new version of meanwhile
        are left as they are (no review event, no audit entry) and come back with their conflict."""
        groups: list[tuple[int, dict[str, Any], list[DeliverableRow]]] = []
        for row, version, values, _, _ in self.decided:
            same = next((group for group in groups if group[0] == version and group[1] == values), None)
            if same is None:
                groups.append((version, values, [row]))
            else:
                same[2].append(row)
        refused = [conflict for version, values, rows in groups
                   for conflict in _compare_and_set_each(session, rows, version, **values)]
        lost = {row.id for row, _ in refused}
        written = [(event, audit) for row, _, _, event, audit in self.decided if row.id not in lost]
        if written:
            _add_reviews(session, [event for event, _ in written])
            add_audits(session, [audit for _, audit in written])
        return refused


@dataclass(frozen=True)
class Approval:
    """What a module's ``after_approval`` hook is told: the open session (the campaign row is
    locked), the campaign and deliverable rows, the version approved, who approved, and the policy
    that did when no person did (``"autonomy:full"``). The hook may raise to refuse the approval."""

    session: Session
    campaign: Any
    deliverable: DeliverableRow
    version: int
    actor: str
    by_policy: str | None = None


def _has_after_approval(module: str) -> bool:
    from ..errors import ModuleNotAvailableError

    try:
        return getattr(load_spec(module), "after_approval", None) is not None
    except ModuleNotAvailableError:
        return False


def _after_approval(approval: Approval) -> None:
    """The module's own hook (autonomy adopts its policy, learn activates memory rules), found
    through the registry like any module's code, so the workflow names no module."""
    from ..errors import ModuleNotAvailableError

    try:
        spec = load_spec(approval.deliverable.module)
    except ModuleNotAvailableError:  # a plugin since uninstalled: its approvals still stand
        return
    hook = getattr(spec, "after_approval", None)
    if hook is not None:
        hook(approval)


class AutoApproval(NamedTuple):
    """What ``auto_approve`` did: drafts approved, each draft left for a person (its title and
    why), and the policy level it acted at."""

    approved: int
    held: list[str]
    level: str


def auto_approve(ws: Workspace, campaign: str, module: str, *, level: str | None = None) -> AutoApproval:
    """Approve every waiting draft of ``module`` that the campaign's autonomy policy allows, as
    made by the policy (``autonomy:<level>``), each decided as ``approve`` decides (``_approve_in``)
    and so by its rules alone. One transaction for the module (one campaign lock, one read of the
    upstream basis, downstream flagged once); a refused draft leaves the others' approvals
    standing (a module with an ``after_approval`` hook, which may refuse after the writes, gets a
    savepoint per draft).

    ``level``: the level the caller acts at (the stored policy must be at it); None: the stored
    policy's level as read under the lock, so a policy changed a moment ago is the one applied.
    At manual or assisted nothing is approved: every waiting draft is held for a person."""
    _check_before_the_lock(ws, campaign, module)
    with ws.transaction() as session:
        return _auto_approve_in(session, find_campaign(session, campaign, for_update=True), module, level)


def _auto_approve_in(session: Session, campaign_row: Any, module: str, level: str | None,
                     fresh: list[tuple[DeliverableRow, VersionRow]] | None = None) -> AutoApproval:
    """``auto_approve`` inside the caller's transaction, the campaign row locked. ``fresh``: the
    drafts, with their versions, that this transaction has just stored as the module's only
    current deliverables (``record_and_auto_approve``), so they need not be read back."""
    approved, held = 0, []
    if level is None:
        level = policy_in_session(session, campaign_row, fresh=False).level
    by_policy = actor = f"autonomy:{level}"
    # Every refusal in _approve_in comes before its writes, but the module's own hook runs
    # after them: only then does a draft need a savepoint to roll back alone (and, since a
    # rollback expires what the session holds, each draft is read again).
    hooked = _has_after_approval(module)
    if fresh is not None and not hooked:
        waiting = [row for row, _ in fresh]
        texts = {(row.id, row.current_version): text for row, text in fresh}
    else:
        waiting = [row for row in current_rows(session, campaign_row.id, module)
                   if row.state != "approved"]  # a person re-approves a flagged one
        texts = None
    if level in ("manual", "assisted"):
        return AutoApproval(0, [f"{row.title} (autonomy level {level})" for row in waiting], level)
    basis = upstream_basis(session, campaign_row.id, module) if waiting else {}
    if texts is None and not hooked:  # read here, under the lock, with one query, not by each approval
        texts = find_versions(session, [(row.id, row.current_version) for row in waiting])
    # Without a hook nothing can refuse after the writes: they are made together, after the loop.
    batch = None if hooked else _Approvals()
    for row in waiting:
        deliverable_id, title, version = row.id, row.title, row.current_version
        try:
            with session.begin_nested() if hooked else contextlib.nullcontext():
                _, actor = _approve_in(session, campaign_row, deliverable_id, version, by_policy, None, by_policy,
                                       basis=basis, locked=None if texts is None else (row, texts[(row.id, version)]),
                                       batch=batch)
            approved += 1
        except QCBlockedError as exc:
            held.append(f"{title} (level {level}: QC found {len(exc.details['blockers'])} blocker(s))")
        except WorkflowError as exc:  # PolicyError names its reason; any other refusal its message
            held.append(_held(title, exc))
    for row, conflict in batch.write(session) if batch is not None else []:
        approved -= 1
        held.append(_held(row.title, conflict))
    if approved:
        session.flush()
        flag_downstream(session, campaign_row.id, module, actor, only_if_approved=True)
    return AutoApproval(approved, held, level)


def _held(title: str, refusal: WorkflowError) -> str:
    """Why a draft waits for a person: a PolicyError names its reason; any other refusal its message."""
    return f"{title} ({(refusal.details or {}).get('reason') or refusal.message})"


def _check_before_the_lock(ws: Workspace, campaign: str, module: str) -> None:
    """QC of the module's waiting drafts, read without a lock, before ``auto_approve`` takes one.

    QC is most of an approval's work and its reports are remembered by what they were computed
    from (``qc.run_qc``), so the checks ``_approve_in`` runs under the campaign lock find them
    ready unless a draft changed meanwhile. A SQLite workspace has one writer at a time: in a batch,
    QC run under the lock kept every other campaign's writes waiting."""
    from ..qc import check_deliverable

    with ws.reading() as session:
        campaign_row = find_campaign(session, campaign)
        if policy_in_session(session, campaign_row).level in ("manual", "assisted"):
            return  # nothing will be approved (nor when no policy is stored: manual)
        brand = brand_of(session, campaign_row)
        waiting = [row for row in current_records_of(session, campaign_row.id, [module])[module]
                   if row.state != "approved"]
        texts = find_versions(session, [(row.id, row.current_version) for row in waiting])
    shown = brand_view(brand)
    for row in waiting:
        text = texts[(row.id, row.current_version)]
        check_deliverable(row, text=text.content_markdown, hashtags=text.hashtags, brand=shown)
