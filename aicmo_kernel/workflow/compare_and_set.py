"""Writing a deliverable's row: only one still open to transitions (``_editable``), and only from
the version the person opened: a compare-and-set on its current version, refused with a
``ConflictError`` that says who saved which version and when (``_conflict``).

See the package docstring for the concurrency rules.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..errors import ConflictError, WorkflowError
from ..store.direct import Direct
from ..store.models import DeliverableRow
from ..store.records import find_deliverable, find_version


def _editable(session: Session, deliverable_id: str, verb: str) -> DeliverableRow:
    row = find_deliverable(session, deliverable_id)
    if row.state == "superseded":
        raise WorkflowError(
            f"Deliverable {row.title!r} was replaced by a later generation and cannot be {verb}; "
            "work on the current deliverables of this module instead",
            field="deliverable_id",
        )
    return row


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
