"""Transitions of single deliverables: edits and reviews, and where every approval is decided
(``_approve_in``; ``recording`` records a generation and has its drafts approved here).

See the package docstring for the state diagram and the concurrency rules.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..errors import ConflictError, QCBlockedError, ValidationError, WorkflowError
from ..identity import Identity
from ..registry import load_spec
from ..store import DeliverableView, ReviewEventView, Workspace
from ..store.direct import Direct
from ..store.inputs import MAX_CONTENT_CHARS, ActorName, LongText, validate_input
from ..store.models import (
    DeliverableRow,
    ReviewEventRow,
    VersionRow,
    utcnow,
)
from ..store.records import (
    add_audit,
    add_audits,
    audit_values,
    find_campaign,
    find_deliverable,
    find_version,
    find_versions,
)
from ..store.views import brand_view, deliverable_view, review_event_view
from .module_state import (
    current_records_of,
    current_rows,
    flag_downstream,
    upstream_basis,
)
from .policy import enforce_policy, policy_in_session
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

_REVIEWABLE = ("draft", "revised", "approved")


class _EditInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content_markdown: str = Field(min_length=1, max_length=MAX_CONTENT_CHARS)
    editor: ActorName
    title: str | None = Field(default=None, min_length=1, max_length=300)
    hashtags: list[str] | None = Field(default=None, max_length=100)

    @field_validator("content_markdown", "title")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank")
        return value


class _ReviewInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewer: ActorName
    comment: LongText | None = None
    by_policy: str | None = Field(default=None, min_length=1, max_length=100)


def _actor_name(value: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
        raise ValidationError(f"{field}: give a name of 1 to 200 characters", field=field)
    return value.strip()


# ----------------------------------------------------------------------------- edits


def edit(
    ws: Workspace,
    deliverable_id: str,
    content_markdown: str,
    *,
    base_version: int,
    editor: str | Identity,
    title: str | None = None,
    hashtags: list[str] | None = None,
) -> DeliverableView:
    """Save a new version (state ``revised``) based on ``base_version``, which must be current.

    Editing an approved deliverable creates a new version that the approval does not cover (nor
    the client's). Analysts, reviewers and admins edit; the version records the signed-in person.
    """
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "edited")
        editor = _acting(session, row, editor, "edit", field="editor")
        data = _validate_edit(content_markdown=content_markdown, editor=editor, title=title, hashtags=hashtags)
        return _save_version(session, row, data, base_version=base_version, source="edited")


def reset_to_version(
    ws: Workspace, deliverable_id: str, *, to_version: int, base_version: int, editor: str | Identity
) -> DeliverableView:
    """Save a new version with the content of ``to_version`` (nothing is lost: it is a new version)."""
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "reset")
        editor = _acting(session, row, editor, "edit", field="editor")
        old = find_version(session, deliverable_id, to_version)
        if to_version == row.current_version == base_version:
            raise WorkflowError(f"Version {to_version} is already the current version", field="to_version")
        data = _validate_edit(content_markdown=old.content_markdown, editor=editor, title=old.title,
                              hashtags=list(old.hashtags))
        return _save_version(session, row, data, base_version=base_version, source="reset", based_on=to_version)


def _validate_edit(**fields: Any) -> _EditInput:
    return validate_input(_EditInput, fields)


def _acting(session: Session, row: DeliverableRow, claimed: str | Identity, permission: Any, *,
            field: str = "reviewer") -> str:
    """The name to record for ``claimed`` doing ``permission`` on ``row`` (``roles.authorize``)."""
    if not isinstance(claimed, Identity):
        claimed = _actor_name(claimed, field)
    campaign = find_campaign(session, row.campaign_id)
    return recorded_name(claimed, authorize(session, claimed, permission, campaign=campaign, field=field))


def _editable(session: Session, deliverable_id: str, verb: str) -> DeliverableRow:
    row = find_deliverable(session, deliverable_id)
    if row.state == "superseded":
        raise WorkflowError(
            f"Deliverable {row.title!r} was replaced by a later generation and cannot be {verb}; "
            "work on the current deliverables of this module instead",
            field="deliverable_id",
        )
    return row


def _save_version(
    session: Session, row: DeliverableRow, data: _EditInput, *, base_version: int, source: str,
    based_on: int | None = None,
) -> DeliverableView:
    _require_current(session, row, base_version)
    new_version, from_state, now = base_version + 1, row.state, utcnow()
    title = data.title.strip() if data.title else row.title
    hashtags = list(data.hashtags) if data.hashtags is not None else list(row.hashtags)
    _compare_and_set(session, row, base_version, current_version=new_version, state="revised", title=title,
                     hashtags=hashtags, updated_by=data.editor, updated_at=now, client_state=None)
    session.add(VersionRow(
        deliverable_id=row.id, version=new_version, content_markdown=data.content_markdown, title=title,
        hashtags=hashtags, author=data.editor, source=source, based_on_version=based_on, created_at=now,
    ))
    add_audit(session, actor=data.editor, action=f"deliverable.{source}", entity_type="deliverable",
              entity_id=row.id, from_state=from_state, to_state="revised",
              details={"version": new_version, "base_version": base_version, "based_on_version": based_on,
                       "approval_withdrawn": from_state == "approved"})
    session.flush()
    return deliverable_view(session, find_deliverable(session, row.id))


def _require_current(session: Session, row: DeliverableRow, version: int) -> None:
    if version != row.current_version:
        raise _conflict(session, row, version)


def _compare_and_set(session: Session, row: DeliverableRow, expected_version: int, **values: Any) -> None:
    """Write ``values`` only if the deliverable is still at ``expected_version``."""
    written = _compare_and_set_statement(tuple(sorted(values))).execute(
        session, {"cas_id": row.id, "cas_version": expected_version,
                  **{f"cas_{key}": value for key, value in values.items()}})
    if written != 1:
        raise _conflict(session, find_deliverable(session, row.id), expected_version)
    # The UPDATE bypassed the ORM: give the row the values it wrote (no SELECT to reload them).
    for key, value in values.items():
        set_committed_value(row, key, value)


def _compare_and_set_each(
    session: Session, rows: list[DeliverableRow], expected_version: int, **values: Any
) -> list[tuple[DeliverableRow, ConflictError]]:
    """``_compare_and_set`` of the same ``values`` on several deliverables, with one UPDATE. Those
    no longer at ``expected_version`` are left as they are and come back with their conflict."""
    ids = [row.id for row in rows]
    written = _compare_and_set_statement(tuple(sorted(values)), many=True).execute(
        session, {"cas_ids": ids, "cas_version": expected_version,
                  **{f"cas_{key}": value for key, value in values.items()}})
    refused: list[tuple[DeliverableRow, ConflictError]] = []
    if written != len(rows):
        # The UPDATE leaves current_version alone: the rows still at the expected one are those it wrote.
        versions = {deliverable_id: version for deliverable_id, version in session.execute(
            select(DeliverableRow.id, DeliverableRow.current_version).where(DeliverableRow.id.in_(ids)))}
        refused = [(row, _conflict(session, find_deliverable(session, row.id), expected_version))
                   for row in rows if versions.get(row.id) != expected_version]
    lost = {row.id for row, _ in refused}
    for row in rows:
        if row.id not in lost:
            for key, value in values.items():
                set_committed_value(row, key, value)
    return refused


@lru_cache(maxsize=32)
def _compare_and_set_statement(keys: tuple[str, ...], many: bool = False) -> Direct:
    """The UPDATE of ``_compare_and_set`` for these columns (``many``: of ``_compare_and_set_each``),
    built once (each transition writes the same few sets of columns; building the statement again
    cost as much as running it), run on the driver."""
    table, mapper = DeliverableRow.__table__, DeliverableRow.__mapper__
    # Table level (the ORM's update path costs more); attribute names mapped to column names.
    columns = {key: mapper.get_property(key).columns[0].name for key in keys}  # type: ignore[attr-defined]
    which = table.c.id.in_(bindparam("cas_ids", expanding=True)) if many else table.c.id == bindparam("cas_id")
    return Direct(update(table)
                  .where(which, table.c.current_version == bindparam("cas_version"))
                  .values({table.c[columns[key]]: bindparam(f"cas_{key}") for key in keys}))


def _conflict(session: Session, row: DeliverableRow, opened: int) -> ConflictError:
    latest = find_version(session, row.id, row.current_version)
    saved_at = latest.created_at.strftime("%Y-%m-%d %H:%M UTC")
    details = {"current_version": latest.version, "saved_by": latest.author, "saved_at": latest.created_at.isoformat(),
               "your_version": opened}
    if opened < latest.version:
        message = (f"Version {latest.version} was saved by {latest.author} at {saved_at} after you opened "
                   f"version {opened}; reload, reapply your change and save again")
    else:
        message = (f"Version {opened} does not exist; the current version is {latest.version}, saved by "
                   f"{latest.author} at {saved_at}; reload and try again")
    return ConflictError(message, field="base_version", details=details)


# ----------------------------------------------------------------------------- reviews


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


def request_changes(
    ws: Workspace, deliverable_id: str, *, version: int, reviewer: str | Identity, comment: str
) -> DeliverableView:
    """Send ``version`` (the current one) back to the writers with a comment (required).

    Reviewers and admins; a client of the brand too, for an item waiting for the client."""
    if not isinstance(comment, str) or not comment.strip():
        raise ValidationError("comment: say what should change", field="comment")
    claimed = reviewer if isinstance(reviewer, Identity) else _actor_name(reviewer, "reviewer")
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "sent back")
        campaign = find_campaign(session, row.campaign_id)
        person = authorize(session, claimed, "view", campaign=campaign)
        if person.is_client:
            person.require("client_review", brand=brand_of(session, campaign).name)
            if row.client_state != "waiting":
                raise WorkflowError(f"{row.title!r} is not waiting for the client's review", field="deliverable_id")
        else:
            person.require("review")
        review = validate_input(_ReviewInput, {"reviewer": recorded_name(claimed, person), "comment": comment})
        _require_current(session, row, version)
        if row.state not in _REVIEWABLE:
            raise WorkflowError(f"Changes were already requested on {row.title!r}; add a comment instead",
                                field="deliverable_id")
        return _transition(session, row, review, "request_changes", "changes_requested", version)


def revoke(
    ws: Workspace, deliverable_id: str, *, reviewer: str | Identity, comment: str | None = None
) -> DeliverableView:
    """Withdraw the approval of an approved deliverable (and the client's, if any): reviewers and
    admins."""
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "revoked")
        review = validate_input(_ReviewInput, {"reviewer": _acting(session, row, reviewer, "review"),
                                               "comment": comment})
        if row.state != "approved":
            raise WorkflowError(f"{row.title!r} is {row.state.replace('_', ' ')}, not approved; "
                                "only an approval can be revoked", field="deliverable_id")
        source = find_version(session, row.id, row.current_version).source
        return _transition(session, row, review, "revoke", "draft" if source == "generated" else "revised",
                           row.current_version)


def add_comment(
    ws: Workspace, deliverable_id: str, *, reviewer: str | Identity, comment: str, version: int | None = None
) -> ReviewEventView:
    """Comment on a version (the current one by default) without changing the state."""
    if not isinstance(comment, str) or not comment.strip():
        raise ValidationError("comment: must not be blank", field="comment")
    with ws.transaction() as session:
        row = find_deliverable(session, deliverable_id)
        review = validate_input(_ReviewInput, {"reviewer": _acting(session, row, reviewer, "comment"),
                                               "comment": comment})
        version = row.current_version if version is None else find_version(session, row.id, version).version
        event = ReviewEventRow(**_review_values(row.id, "comment", review, version))
        session.add(event)
        add_audit(session, actor=review.reviewer, action="deliverable.commented", entity_type="deliverable",
                  entity_id=row.id, details={"version": version})
        session.flush()
        return review_event_view(event)


def client_approve(
    ws: Workspace, deliverable_id: str, *, version: int, reviewer: str | Identity, comment: str | None = None
) -> DeliverableView:
    """The client's approval of ``version``, the internally approved current version of an item
    waiting for the client (a campaign with the client stage). Only the brand's client users; the
    internal approval stays recorded beside it, and the client pack names both."""
    claimed = reviewer if isinstance(reviewer, Identity) else _actor_name(reviewer, "reviewer")
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "approved by the client")
        campaign = find_campaign(session, row.campaign_id, for_update=True)
        person = authorize(session, claimed, "client_review", campaign=campaign)
        review = validate_input(_ReviewInput, {"reviewer": recorded_name(claimed, person), "comment": comment})
        _require_current(session, row, version)
        if row.state != "approved" or row.client_state != "waiting":
            waiting = "it is not approved internally yet" if row.state != "approved" else (
                "the client approved it already" if row.client_state == "approved" else
                "its campaign has no client stage")
            raise WorkflowError(f"{row.title!r} is not waiting for the client: {waiting}", field="deliverable_id")
        now = utcnow()
        _compare_and_set(session, row, version, client_state="approved", client_version=version,
                         client_by=review.reviewer, client_at=now, updated_at=now)
        _add_review(session, row.id, "client_approve", review, version)
        add_audit(session, actor=review.reviewer, action="deliverable.client_approved", entity_type="deliverable",
                  entity_id=row.id, from_state="approved", to_state="approved",
                  details={"version": version, "stage": "client"})
        session.flush()
        return deliverable_view(session, find_deliverable(session, row.id))


def _transition(
    session: Session, row: DeliverableRow, review: _ReviewInput, action: str, to_state: str, version: int
) -> DeliverableView:
    from_state = row.state
    _compare_and_set(session, row, version, state=to_state, needs_review=False, needs_review_reason=None,
                     updated_by=review.reviewer, updated_at=utcnow(), client_state=None)
    _add_review(session, row.id, action, review, version)
    add_audit(session, actor=review.reviewer, action=f"deliverable.{action}", entity_type="deliverable",
              entity_id=row.id, from_state=from_state, to_state=to_state, details={"version": version})
    session.flush()
    return deliverable_view(session, find_deliverable(session, row.id))


def _add_review(session: Session, deliverable_id: str, action: str, review: _ReviewInput, version: int | None) -> None:
    """Write the review event now, at table level (as ``add_audit`` does)."""
    _add_reviews(session, [_review_values(deliverable_id, action, review, version)])


def _add_reviews(session: Session, events: list[dict[str, Any]]) -> None:
    """Write review events (``_review_values``) with one statement."""
    _REVIEW_INSERT.execute(session, events)


def _review_values(deliverable_id: str, action: str, review: _ReviewInput, version: int | None) -> dict[str, Any]:
    return {"deliverable_id": deliverable_id, "action": action, "actor": review.reviewer, "version": version,
            "comment": review.comment, "by_policy": review.by_policy, "at": utcnow()}


_REVIEW_INSERT = Direct(insert(ReviewEventRow.__table__))
