"""Content-calendar checks: clashes, blackout dates, dates outside the campaign.

They read the structured calendar in ``metadata["calendar"]``, a list of slots
``{"date": "YYYY-MM-DD", "time": "HH:MM", "platform": str, "asset_id": str, "title": str}``,
with ``metadata["blackout_dates"]`` (a list of "YYYY-MM-DD") and, when known, the campaign's
dates: ``metadata["campaign_start_date"]`` and ``metadata["campaign_end_date"]`` (execution's
calendars carry them beside the calendar's own ``start_date`` and ``end_date``, which may be a
shorter span inside the campaign), else ``start_date`` and ``end_date``. The table in
``content_markdown`` is rendered from that data; an edit changes only the text, so
``calendar_range`` also reads the dates in the text's table rows (a slot moved outside the
campaign in an edit is flagged). A fix belongs in the calendar itself (move the slot), not in the
text: these checks offer no automatic fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from ..platforms import platform_name
from . import QCContext, QCIssue, normalise_platform, register_check

__all__ = ["calendar_slots", "parse_date"]

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$")
_APPLIES = 'deliverables with a content calendar (metadata["calendar"])'


def parse_date(value: Any) -> date | None:
    """A date from "YYYY-MM-DD", a date or a datetime; None when it cannot be read."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _time(value: Any) -> str | None:
    """ "HH:MM" (zero-padded) from a slot's time; "" when there is none; None when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def calendar_slots(ctx: QCContext) -> list[dict[str, Any]] | None:
    """The calendar's slots (dicts only), or None when the deliverable has no calendar."""
    calendar = ctx.metadata.get("calendar")
    if not isinstance(calendar, list):
        return None
    return [slot for slot in calendar if isinstance(slot, dict)]


def _label(slot: dict[str, Any], number: int) -> str:
    title = slot.get("title") or slot.get("asset_id") or f"slot {number}"
    return f"\u201c{str(title).strip()[:80]}\u201d"


def _platform(slot: dict[str, Any]) -> str:
    raw = slot.get("platform")
    key = normalise_platform(raw) if isinstance(raw, str) else None
    return key or ""


def _platform_name(key: str) -> str:
    return platform_name(key, "an unnamed platform")


@register_check(
    "calendar_format",
    description="Every calendar slot and blackout date has a readable date (YYYY-MM-DD) and "
    "time (HH:MM), so the other calendar checks can work",
    severity="major",
    applies_to=_APPLIES,
)
def calendar_format(ctx: QCContext) -> Iterator[QCIssue]:
    raw = ctx.metadata.get("calendar")
    if raw is None:
        return
    if not isinstance(raw, list):
        yield QCIssue(
            check_id="calendar_format",
            severity="major",
            message="The content calendar could not be read (it should be a list of dated "
            "slots). Regenerate it or fix it before scheduling anything.",
        )
        return
    problems = []
    for number, slot in enumerate(raw, 1):
        if not isinstance(slot, dict):
            problems.append(f"slot {number} is not a calendar entry")
            continue
        if parse_date(slot.get("date")) is None:
            problems.append(f"{_label(slot, number)} has the date {slot.get('date')!r}")
        if _time(slot.get("time")) is None:
            problems.append(f"{_label(slot, number)} has the time {slot.get('time')!r}")
    blackout = ctx.metadata.get("blackout_dates") or []
    for value in blackout if isinstance(blackout, list) else [blackout]:
        if parse_date(value) is None:
            problems.append(f"the blackout date {value!r}")
    for key in ("start_date", "end_date", "campaign_start_date", "campaign_end_date"):
        if ctx.metadata.get(key) not in (None, "") and parse_date(ctx.metadata.get(key)) is None:
            problems.append(f"the campaign {key.removeprefix('campaign_').replace('_', ' ')} "
                            f"{ctx.metadata.get(key)!r}")
    if problems:
        yield QCIssue(
            check_id="calendar_format",
            severity="major",
            message="Some calendar dates or times cannot be read: "
            + "; ".join(problems[:6])
            + ". Write dates as YYYY-MM-DD and times as HH:MM.",
        )


@register_check(
    "calendar_clash",
    description="No two calendar slots on the same platform at the same date and time",
    severity="major",
    applies_to=_APPLIES,
)
def calendar_clash(ctx: QCContext) -> Iterator[QCIssue]:
    slots = calendar_slots(ctx)
    if not slots:
        return
    groups: dict[tuple[str, date, str], list[str]] = {}
    for number, slot in enumerate(slots, 1):
        when, at = parse_date(slot.get("date")), _time(slot.get("time"))
        if when is None or at is None:
            continue  # reported by calendar_format
        groups.setdefault((_platform(slot), when, at), []).append(_label(slot, number))
    clashes = [(key, labels) for key, labels in groups.items() if len(labels) > 1]
    if not clashes:
        return
    described = "; ".join(
        f"{' and '.join(labels)} on {_platform_name(platform)} at {when.isoformat()}"
        + (f" {at}" if at else "")
        for (platform, when, at), labels in clashes[:5]
    )
    yield QCIssue(
        check_id="calendar_clash",
        severity="major",
        message=f"Posts are scheduled on the same platform at the same time: {described}. Move "
        "one of each pair to another slot.",
    )


def _blackout_dates(ctx: QCContext) -> set[date]:
    raw = ctx.metadata.get("blackout_dates") or []
    values = raw if isinstance(raw, list) else [raw]
    return {d for d in (parse_date(v) for v in values) if d is not None}


@register_check(
    "calendar_blackout",
    description="No calendar slot on a blackout date",
    severity="blocker",
    applies_to=_APPLIES,
)
def calendar_blackout(ctx: QCContext) -> Iterator[QCIssue]:
    slots = calendar_slots(ctx)
    blackout = _blackout_dates(ctx)
    if not slots or not blackout:
        return
    hits = [
        f"{_label(slot, n)} on {when.isoformat()} ({_platform_name(_platform(slot))})"
        for n, slot in enumerate(slots, 1)
        if (when := parse_date(slot.get("date"))) is not None and when in blackout
    ]
    if hits:
        yield QCIssue(
            check_id="calendar_blackout",
            severity="blocker",
            message="Posts are scheduled on blackout dates, when nothing may go out: "
            + "; ".join(hits[:6])
            + (f" and {len(hits) - 6} more" if len(hits) > 6 else "")
            + ". Move them to other days.",
        )


@register_check(
    "calendar_range",
    description="Every calendar slot falls between the campaign's start and end dates, in the "
    "calendar and in its table as edited",
    severity="major",
    applies_to=_APPLIES,
)
def calendar_range(ctx: QCContext) -> Iterator[QCIssue]:
    slots = calendar_slots(ctx)
    start, end = _campaign_range(ctx)
    if slots is None or (start is None and end is None):
        return

    def outside_of(when: date) -> bool:
        return (start is not None and when < start) or (end is not None and when > end)

    outside = [
        f"{_label(slot, n)} on {when.isoformat()}"
        for n, slot in enumerate(slots, 1)
        if (when := parse_date(slot.get("date"))) is not None and outside_of(when)
    ]
    reported = {entry.rsplit(" on ", 1)[1] for entry in outside}
    # An edit changes the text, not the structured calendar: a slot moved in the table counts too.
    outside += [
        f"{row} on {when.isoformat()} (in the text)"
        for row, when in _table_dates(ctx.content_markdown)
        if outside_of(when) and when.isoformat() not in reported
    ]
    if outside:
        span = f"{start.isoformat() if start else 'the start'} to {end.isoformat() if end else 'the end'}"
        yield QCIssue(
            check_id="calendar_range",
            severity="major",
            message=f"Some posts fall outside the campaign ({span}): "
            + "; ".join(outside[:6])
            + (f" and {len(outside) - 6} more" if len(outside) > 6 else "")
            + ". Move them inside the campaign dates or change the dates.",
        )


def _campaign_range(ctx: QCContext) -> tuple[date | None, date | None]:
    """The campaign's dates: ``campaign_start_date``/``campaign_end_date`` where the calendar
    carries them (execution's, which may plan a shorter span inside the campaign), else its
    ``start_date``/``end_date``."""
    meta = ctx.metadata
    start = meta.get("campaign_start_date") or meta.get("start_date")
    end = meta.get("campaign_end_date") or meta.get("end_date")
    return parse_date(start), parse_date(end)


_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _table_dates(markdown: str) -> list[tuple[str, date]]:
    """(row label, date) of each table row of ``markdown`` with a YYYY-MM-DD cell: the calendar
    as the text shows it, edits included. The label is the row's first cell (the slot id)."""
    found = []
    for line in markdown.splitlines():
        match = _ROW.match(line)
        if not match:
            continue
        cells = [cell.strip() for cell in match.group(1).split("|")]
        when = next((parse_date(cell) for cell in cells if _ISO_DAY.match(cell)), None)
        if when is not None:
            found.append((f"\u201c{cells[0][:80]}\u201d" if cells[0] else "a row", when))
    return found
