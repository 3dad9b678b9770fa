"""Edits: a new version of a deliverable (state ``revised``), typed or reset to an earlier one.

See the package docstring for the state diagram and the concurrency rules.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy.orm import Session

from ..errors import WorkflowError
from ..identity import Identity
from ..store import DeliverableView, Workspace
from ..store.inputs import MAX_CONTENT_CHARS, ActorName, validate_input
from ..store.models import DeliverableRow, VersionRow, utcnow
from ..store.records import add_audit, find_deliverable, find_version
from ..store.views import deliverable_view
from .compare_and_set import _compare_and_set, _editable, _require_current
from .review_events import _acting

__all__ = ["edit", "reset_to_version"]


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
