"""CRM stages and statuses mapped to ours, through a table the user can change.

Our statuses are new, contacted, engaged, qualified and lost. HubSpot's lifecycle stages and lead
statuses, Salesforce's lead statuses and Pipedrive's deal stages map to them by default; a brand
can change any row or add its own (``status_table(overrides)``), e.g. ``{"demo booked":
"engaged"}``. A value that maps to ``None`` is not a lead to work on (a customer) and the row is
left out with a warning; a value the table does not know fails naming the row, the value and the
table to extend. Keys are compared lower-cased with spaces collapsed.

Past customers (``PAST_CUSTOMERS``: HubSpot's Customer and Evangelist, Pipedrive's Won) depend on
the file: in a pipeline of leads at companies a customer is no lead, so the row is left out; in a
file of people (``status_table(people=True)``) a past customer is the first audience of a consumer
brand's repeat purchase (a returning festival-goer), read as qualified. A format may bring its own
rows (``rows``: Eventbrite's attendee and order statuses); the user's rows win over both.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DEFAULT_STATUS_TABLE", "LEAD_STATUSES", "PAST_CUSTOMERS", "status_for", "status_key", "status_table"]

LEAD_STATUSES = ("new", "contacted", "engaged", "qualified", "lost")
DEFAULT_STATUS_TABLE: dict[str, str | None] = {
    # HubSpot lead status
    "open": "new", "attempted to contact": "contacted", "connected": "engaged",
    "in progress": "engaged", "open deal": "qualified", "unqualified": "lost", "bad timing": "lost",
    # HubSpot lifecycle stage
    "subscriber": "new", "lead": "new", "marketing qualified lead": "engaged", "mql": "engaged",
    "sales qualified lead": "qualified", "sql": "qualified", "opportunity": "qualified",
    "customer": None, "evangelist": None, "other": "new",
    # Salesforce lead status
    "open - not contacted": "new", "working - contacted": "contacted", "nurturing": "engaged",
    "closed - converted": "qualified", "closed - not converted": "lost",
    # Pipedrive deal stages and statuses
    "lead in": "new", "contact made": "contacted", "demo scheduled": "engaged",
    "needs defined": "engaged", "proposal made": "qualified", "negotiations started": "qualified",
    "won": None, "lost": "lost",
}  # fmt: skip
# In a file of people, the default table's customers are an audience: what they are read as there.
PAST_CUSTOMERS: dict[str, str] = {"customer": "qualified", "evangelist": "qualified", "won": "qualified"}


def status_key(value: str) -> str:
    """A status as the table's keys are written: lower-cased, spaces collapsed."""
    return " ".join(value.lower().split())


def status_table(
    overrides: Mapping[str, str | None] | None = None, *, people: bool = False,
    rows: Mapping[str, str | None] | None = None,
) -> dict[str, str | None]:  # fmt: skip
    """The default table (with ``PAST_CUSTOMERS`` for a file of people, and a format's own
    ``rows``) and the user's rows on top; a target must be one of our statuses or None."""
    table = {**DEFAULT_STATUS_TABLE, **(PAST_CUSTOMERS if people else {}), **(rows or {})}
    for source, target in (overrides or {}).items():
        if target is not None and status_key(target) not in LEAD_STATUSES:
            raise ValueError(
                f"the status table maps {source!r} to {target!r}; map it to one of "
                f"{', '.join(LEAD_STATUSES)}, or to null to leave such rows out"
            )
        table[status_key(source)] = status_key(target) if target is not None else None
    return table


def status_for(value: str, table: Mapping[str, str | None]) -> tuple[bool, str | None]:
    """``(known, status)``: our status for a CRM value, None for "not a lead"; known is False when
    neither our statuses nor the table know the value."""
    key = status_key(value)
    if key in LEAD_STATUSES:
        return True, key
    if key in table:
        return True, table[key]
    return False, None
