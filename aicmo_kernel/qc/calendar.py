"""Content-calendar checks: clashes, blackout dates, dates outside the campaign.

They apply to deliverables with a structured calendar in ``metadata["calendar"]``, a list of slots
``{"date": "YYYY-MM-DD", "time": "HH:MM", "platform": str, "asset_id": str, "title": str}``,
with ``metadata["blackout_dates"]`` (a list of "YYYY-MM-DD") and, when known, the campaign's
dates: ``metadata["campaign_start_date"]`` and ``metadata["campaign_end_date"]`` (execution's
calendars carry them beside the calendar's own ``start_date`` and ``end_date``, which may be a
shorter span inside the campaign), else ``start_date`` and ``end_date``. An edit changes only the
text, so the table in ``content_markdown`` as edited is the calendar they check: clash, blackout
and range read the slots through ``calendar_table.read_calendar`` (the reader the scheduler files
use too), the structured calendar only where the text has no readable table (``calendar_format``
then says so). ``calendar_format`` reports the structured calendar's unreadable values and the
table's rows whose date or time cannot be read, by row number. A fix belongs in the calendar's
table (move the slot): these checks offer no automatic fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..platforms import platform_name
from . import QCContext, QCIssue, register_check
from .calendar_table import CalendarReading, parse_date, parse_time, read_calendar

__all__ = ["calendar_slots", "parse_date", "written_calendar"]

_APPLIES = 'deliverables with a content calendar (metadata["calendar"])'


def calendar_slots(ctx: QCContext) -> list[dict[str, Any]] | None:
    """The structured calendar's slots (dicts only), or None when the deliverable has no calendar."""
    calendar = ctx.metadata.get("calendar")
    if not isinstance(calendar, list):
        return None
    return [slot for slot in calendar if isinstance(slot, dict)]


# The last QC contexts' readings: a check run's four calendar checks share one reading of the
# table (about 15 ms for the demo's 171 rows). Keyed by the context, which is held so that its id
# is not reused while cached; a new check run has a new context, so an edit is always read afresh.
_READINGS: dict[int, tuple[QCContext, CalendarReading]] = {}
_READINGS_KEPT = 8


def written_calendar(ctx: QCContext) -> CalendarReading | None:
    """The calendar as the version's text says it (``read_calendar``), or None without a calendar."""
    calendar = ctx.metadata.get("calendar")
    if not isinstance(calendar, list):
        return None
    found = _READINGS.get(id(ctx))
    if found is not None and found[0] is ctx:
        return found[1]
    reading = read_calendar(ctx.content_markdown, calendar)
    if len(_READINGS) >= _READINGS_KEPT:
        _READINGS.clear()
    _READINGS[id(ctx)] = (ctx, reading)
    return reading


def _label(slot: dict[str, Any], number: int) -> str:
    title = slot.get("title") or slot.get("asset_id") or f"slot {number}"
    return f"\u201c{str(title).strip()[:80]}\u201d"


def _listed(entries: list[str]) -> str:
    """The first six entries, and how many more: a message names what to fix without a wall of text."""
    return "; ".join(entries[:6]) + (f" and {len(entries) - 6} more" if len(entries) > 6 else "")


def _platform_name(key: str) -> str:
    return platform_name(key, "an unnamed platform")


@register_check(
    "calendar_format",
    summary="a readable date and time for every calendar slot",
    description="Every calendar slot, row of the calendar's table and blackout date has a readable "
    "date (YYYY-MM-DD) and time (HH:MM), so the other calendar checks can work (rows by number); "
    "a text without the calendar's table is noted (minor): the calendar as generated is checked",
    severity=("major", "minor"),
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
        if parse_time(slot.get("time")) is None:
            problems.append(f"{_label(slot, number)} has the time {slot.get('time')!r}")
    blackout = ctx.metadata.get("blackout_dates") or []
    for value in blackout if isinstance(blackout, list) else [blackout]:
        if parse_date(value) is None:
            problems.append(f"the blackout date {value!r}")
    reading = written_calendar(ctx)
    problems += [f"in the calendar's table, {problem}" for problem in reading.problems] if reading else []
    for key in ("start_date", "end_date", "campaign_start_date", "campaign_end_date"):
        if ctx.metadata.get(key) not in (None, "") and parse_date(ctx.metadata.get(key)) is None:
            problems.append(f"the campaign {key.removeprefix('campaign_').replace('_', ' ')} "
                            f"{ctx.metadata.get(key)!r}")
    if problems:
        yield QCIssue(
            check_id="calendar_format",
            severity="major",
            message="Some calendar dates or times cannot be read: "
            + _listed(problems)
            + ". Write dates as YYYY-MM-DD and times as HH:MM.",
        )
    if reading.note:
        yield QCIssue(
            check_id="calendar_format",
            severity="minor",
            message=f"{reading.note[0].upper()}{reading.note[1:]}, so the calendar checks read the "
            "calendar as generated, and the scheduler files would carry it. To check and schedule "
            "what the text says, keep the calendar's table (Slot, Date, Time, Platform, Asset) in it.",
        )


@register_check(
    "calendar_clash",
    summary="no two calendar slots on the same platform at the same time",
    description="No two calendar slots on the same platform at the same date and time, in the "
    "calendar's table as edited",
    severity="major",
    applies_to=_APPLIES,
)
def calendar_clash(ctx: QCContext) -> Iterator[QCIssue]:
    reading = written_calendar(ctx)
    if reading is None:
        return
    groups: dict[tuple[str, date, str], list[str]] = {}
    for slot in reading.slots:
        when, at = slot.day, slot.at
        if when is None or at is None:
            continue  # reported by calendar_format
        groups.setdefault((slot.platform, when, at), []).append(slot.label)
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
    summary="no calendar slot on a blackout date",
    description="No calendar slot on a blackout date, in the calendar's table as edited",
    severity="blocker",
    applies_to=_APPLIES,
)
def calendar_blackout(ctx: QCContext) -> Iterator[QCIssue]:
    reading = written_calendar(ctx)
    blackout = _blackout_dates(ctx)
    if reading is None or not blackout:
        return
    hits = [
        f"{slot.label} on {when.isoformat()} ({_platform_name(slot.platform)})"
        for slot in reading.slots
        if (when := slot.day) is not None and when in blackout
    ]
    if hits:
        yield QCIssue(
            check_id="calendar_blackout",
            severity="blocker",
            message="Posts are scheduled on blackout dates, when nothing may go out: "
            + _listed(hits)
            + ". Move them to other days.",
        )


@register_check(
    "calendar_platform",
    summary="each post kept on the platform its creative was written for",
    description="No post moved in the calendar's table to another platform than the one its creative "
    "was written for (its length, format and hashtags fit that platform)",
    severity="major",
    applies_to=_APPLIES,
)
def calendar_platform(ctx: QCContext) -> Iterator[QCIssue]:
    reading = written_calendar(ctx)
    moved = [f"{slot.label} from {_platform_name(slot.planned_platform)} to {_platform_name(slot.platform)}"
             for slot in (reading.slots if reading is not None else []) if slot.moved_platform]
    if moved:
        yield QCIssue(
            check_id="calendar_platform",
            severity="major",
            message="Some posts were moved to another platform in the calendar's table, but their creative "
            "was written for the first one: " + _listed(moved)
            + ". Give each a creative for its new platform, or move it back.",
        )


@register_check(
    "calendar_range",
    summary="every calendar slot within the campaign's dates",
    description="Every calendar slot falls between the campaign's start and end dates, in the "
    "calendar's table as edited",
    severity="major",
    applies_to=_APPLIES,
)
def calendar_range(ctx: QCContext) -> Iterator[QCIssue]:
    reading = written_calendar(ctx)
    start, end = _campaign_range(ctx)
    if reading is None or (start is None and end is None):
        return
    outside = [
        f"{slot.label} on {when.isoformat()}"
        for slot in reading.slots
        if (when := slot.day) is not None
        and ((start is not None and when < start) or (end is not None and when > end))
    ]
    if outside:
        span = f"{start.isoformat() if start else 'the start'} to {end.isoformat() if end else 'the end'}"
        yield QCIssue(
            check_id="calendar_range",
            severity="major",
            message=f"Some posts fall outside the campaign ({span}): "
            + _listed(outside)
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
