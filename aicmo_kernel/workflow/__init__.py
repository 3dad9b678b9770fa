"""The one place that decides deliverable state transitions (SPEC sections 3 and 5).

States::

    draft ──edit──▶ revised ──approve──▶ approved ──edit──▶ revised (approval no longer applies)
      │                │                    │ └──revoke──▶ draft / revised
      └─request_changes┴──▶ changes_requested ◀──request_changes
    any current deliverable ──(a later generation of its module)──▶ superseded (kept, never deleted)

Every function takes the ``Workspace`` first and runs in one write transaction. Each refused
transition raises before anything is written, and every change leaves an audit row.

Who may make a transition is decided here too (``roles``, from the signed-in person's JupyterHub
groups, ``aicmo_kernel.identity``): analysts generate and edit; reviewers and admins approve,
request changes and revoke; admins change autonomy policies, brand rules and review settings;
a brand's client users act only on their brand's items, at the client stage.

Approval is decided in one function, ``approve``: QC blockers refuse it; an approval made by a
policy (``by_policy``) must be allowed by the campaign's stored autonomy policy; then the module's
own ``after_approval`` hook runs in the same transaction (found through the registry, so the
workflow names no module); then downstream modules are flagged. ``auto_approve`` is what a
headless run asks: it goes through ``approve`` for each waiting draft.

Concurrency: saves are optimistic. A new version is written with a compare-and-set
``UPDATE deliverables ... WHERE id = :id AND current_version = :base`` backed by the UNIQUE
(deliverable_id, version) constraint, so two kernels (or processes, or machines on PostgreSQL)
saving from the same base cannot both win: the loser gets a ConflictError saying who saved which
version and when. Module-level decisions (generation, approval and the downstream flags it raises)
lock the campaign row, so they take turns per campaign.
"""

from __future__ import annotations

from .module_state import (
    STATES,
    approved_upstream,
    campaign_status,
    check_gate,
    is_module_approved,
    module_state,
    module_status,
)
from .policy import (
    AutonomyPolicy,
    PolicyError,
    get_policy,
    may_auto_approve,
    set_policy,
)
from .recording import record_and_auto_approve, record_generation
from .roles import set_client_review, set_four_eyes
from .transitions import (
    Approval,
    AutoApproval,
    add_comment,
    approve,
    auto_approve,
    client_approve,
    edit,
    request_changes,
    reset_to_version,
    revoke,
)

__all__ = [
    "STATES",
    "Approval",
    "AutoApproval",
    "AutonomyPolicy",
    "PolicyError",
    "add_comment",
    "approve",
    "approved_upstream",
    "auto_approve",
    "campaign_status",
    "check_gate",
    "client_approve",
    "edit",
    "get_policy",
    "is_module_approved",
    "may_auto_approve",
    "module_state",
    "module_status",
    "record_and_auto_approve",
    "record_generation",
    "request_changes",
    "reset_to_version",
    "revoke",
    "set_client_review",
    "set_four_eyes",
    "set_policy",
]
