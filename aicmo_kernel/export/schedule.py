"""The approved content calendar as files that schedulers import: Buffer, Hootsuite, ICS, plain CSV.

``campaign_schedule`` joins the approved calendar (execution), its UTM plan and the approved
creatives into ``ScheduledPost`` rows, each with its time in the campaign's time zone and its full
UTM-tagged link; the writers turn those rows into files:

    buffer-csv     Buffer's bulk upload: Text, Image URL, Tags, Posting Time ("YYYY-MM-DD HH:mm",
                   the channel's local time); the link ends the text. One file per platform
                   (Buffer posts a file to the channels picked at upload), zipped when several.
    hootsuite-csv  Hootsuite's bulk composer: no header; date and time ("DD/MM/YYYY HH:mm" or
                   "MM/DD/YYYY HH:mm", as picked at upload), message, link. Times on a multiple of
                   5 minutes, at most 350 rows a file. One file per platform, zipped when several.
    ics            an iCalendar file (RFC 5545, written with ``icalendar``): one event per post, in
                   UTC, the text and link in the description, the link as URL.
    calendar-csv   every column: local time with its offset, UTC, platform, title, text, link, UTM.

The posts are the calendar as its approved text says it: a person edits the text (the calendar's
Markdown table), never its metadata, so the dates, times and platforms come from the table's rows
as edited (``qc.calendar_table.read_calendar``, the reader QC's calendar checks use), each row
matched to its structured slot for its creative; a row the person removed is left out and listed, a
row they added is scheduled when its title names an approved creative on its platform. A row whose
date or time cannot be read keeps the calendar's value and is named in the file's ``notes``; a text
with no readable table gives the calendar as generated, with a note saying so. Posts whose creative
is not approved (or that have no asset) are left out and listed. Every CSV cell passes
``cells.neutralise_cell``, so nothing in a post runs as a formula in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import ValidationError, WorkflowError
from ..qc.calendar_table import read_calendar
from .cells import neutralise_row
from .model import load_item

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "SCHEDULE_FORMATS",
    "Schedule",
    "ScheduleFile",
    "ScheduledPost",
    "campaign_schedule",
    "export_schedule",
    "schedule_from_metadata",
    "write_buffer_csv",
    "write_calendar_csv",
    "write_hootsuite_csv",
    "write_ics",
]

HOOTSUITE_MAX_ROWS = 350
BUFFER_COLUMNS = ("Text", "Image URL", "Tags", "Posting Time")
CALENDAR_COLUMNS = ("date", "time", "timezone", "local_datetime", "utc_datetime", "platform", "title",
                    "text", "link", "utm_source", "utm_medium", "utm_campaign", "utm_content",
                    "hashtags", "asset_id")  # fmt: skip


@dataclass(frozen=True)
class ScheduledPost:
    slot: int
    when: datetime  # aware, in the campaign's time zone
    platform: str
    title: str
    text: str
    link: str = ""
    utm: dict[str, str] = field(default_factory=dict)
    hashtags: tuple[str, ...] = ()
    asset_id: str = ""

    @property
    def text_with_link(self) -> str:
        """The text as posted where there is no link field: the link on its own last line."""
        if not self.link or self.link in self.text:
            return self.text
        return f"{self.text.rstrip()}\n\n{self.link}"


@dataclass
class Schedule:
    campaign: str
    timezone: str
    posts: list[ScheduledPost]
    left_out: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the calendar's text was read, where a person should know

    @property
    def platforms(self) -> list[str]:
        return sorted({post.platform for post in self.posts})


@dataclass(frozen=True)
class ScheduleFile:
    filename: str
    media_type: str
    data: bytes
    posts: int
    left_out: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"unknown time zone {name!r}; use a name like Europe/London, America/New_York or UTC",
            field="timezone",
        ) from None


def schedule_from_metadata(
    campaign: str,
    calendar: dict[str, Any],
    links: Sequence[dict[str, Any]],
    creatives: dict[str, dict[str, Any]],
    *,
    timezone: str = "UTC",
    text: str | None = None,
) -> Schedule:
    """The posts of a content calendar (``calendar``: its metadata, with the slots' date, time,
    platform, asset_id and title), the UTM plan's ``links`` and the approved ``creatives`` by id
    (content, hashtags). With ``text``, the calendar's approved text, the posts are the slots as
    its table says them (``qc.calendar_table.read_calendar``: dates, times and platforms as edited;
    rows added or removed by the person; unreadable rows kept at the calendar's value and noted)."""
    zone = _zone(timezone)
    by_asset = {(str(link.get("platform")), str(link.get("asset_id") or "")): link for link in links}
    reading = read_calendar("" if text is None else text, calendar.get("calendar") or [])
    posts: list[ScheduledPost] = []
    left_out: list[str] = []
    notes = [f"in the calendar's table, {problem}" for problem in reading.problems]
    if text is not None and reading.note:
        notes.append(f"{reading.note}: the files carry the calendar as generated, which may not be what the "
                     "approved text says")  # fmt: skip
    left_out += [f"post {slot.number} ({slot.date} {slot.time}, {slot.platform}, {slot.label}): it is not in "
                 "the approved text's calendar table" for slot in reading.removed]  # fmt: skip
    notes += [f"post {slot.number} ({slot.label}) was moved from {slot.planned_platform} to {slot.platform} in "
              f"the approved text; its creative was written for {slot.planned_platform}"
              for slot in reading.slots if slot.moved_platform]  # fmt: skip
    for slot in reading.slots:
        number, platform, asset_id = slot.number, slot.platform, slot.asset_id
        day, at = slot.day, slot.at
        if day is None or at is None:
            left_out.append(f"post {number} ({slot.date} {slot.time}, {platform}): its date or time cannot be read")
            continue
        at_time = time.fromisoformat(at or "09:00")
        when = datetime.combine(day, at_time, tzinfo=zone)
        label = f"post {number} ({day.isoformat()} {at_time.strftime('%H:%M')}, {platform})"
        creative = creatives.get(asset_id)
        if not asset_id:
            left_out.append(f"{label}: no creative is assigned to this slot")
            continue
        if creative is None:
            left_out.append(f"{label}: its creative {asset_id} is not approved")
            continue
        link = by_asset.get((platform, asset_id), {})
        posts.append(ScheduledPost(
            slot=number, when=when, platform=platform, title=slot.title or str(creative.get("title") or ""),
            text=str(creative.get("content_markdown") or "").strip(), link=str(link.get("link") or ""),
            utm=dict(link.get("utm") or {}), hashtags=tuple(creative.get("hashtags") or ()), asset_id=asset_id,
        ))  # fmt: skip
    return Schedule(campaign, timezone, posts, left_out, notes)


def campaign_schedule(ws: Workspace, campaign: str, *, timezone: str = "UTC") -> Schedule:
    """The approved calendar of ``campaign`` with its approved creatives and tracked links."""
    record = ws.get_campaign(campaign)
    approved: dict[str, dict[str, Any]] = {}
    calendar: dict[str, Any] | None = None
    text = ""
    links: list[dict[str, Any]] = []
    for view in ws.list_deliverables(campaign=record.name):
        if view.module not in ("execution", "creatives"):
            continue
        if view.state != "approved" or view.approved_version is None:
            if view.kind == "content_calendar":
                raise WorkflowError(
                    f"the content calendar of {record.name!r} is not approved; approve it first "
                    f"(aicmo approve --campaign {record.name} --module execution --all)", field="campaign",
                )  # fmt: skip
            continue
        item = load_item(ws, view).as_dict()
        if view.kind == "content_calendar":
            calendar, text = item["metadata"], str(item.get("content_markdown") or "")
        elif view.kind == "utm_plan":
            links = list(item["metadata"].get("links") or [])
        elif view.module == "creatives":
            approved[view.id] = item
    if calendar is None:
        raise WorkflowError(
            f"campaign {record.name!r} has no content calendar yet; generate and approve the execution module",
            field="campaign",
        )
    return schedule_from_metadata(record.name, calendar, links, approved, timezone=timezone, text=text)


# --------------------------------------------------------------------------- writers


def _csv_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(neutralise_row(row) for row in rows)
    return out.getvalue().encode("utf-8")


def write_buffer_csv(posts: Sequence[ScheduledPost]) -> bytes:
    """Buffer's bulk-upload CSV: the post's local time, the link in the text, hashtags as tags."""
    rows: list[list[object]] = [list(BUFFER_COLUMNS)]
    for post in posts:
        rows.append([post.text_with_link, "", ",".join(t.lstrip("#") for t in post.hashtags),
                     post.when.strftime("%Y-%m-%d %H:%M")])  # fmt: skip
    return _csv_bytes(rows)


def write_hootsuite_csv(posts: Sequence[ScheduledPost], *, date_order: str = "DMY") -> bytes:
    """Hootsuite's bulk-composer CSV: no header; date and time, message, link."""
    if len(posts) > HOOTSUITE_MAX_ROWS:
        raise ValidationError(
            f"Hootsuite takes at most {HOOTSUITE_MAX_ROWS} posts a file and this has {len(posts)}; "
            "export a shorter period or one platform at a time", field="format",
        )  # fmt: skip
    off = [p for p in posts if p.when.minute % 5]
    if off:
        raise ValidationError(
            "Hootsuite schedules only on a multiple of 5 minutes; move "
            + ", ".join(f"post {p.slot} ({p.when:%Y-%m-%d %H:%M})" for p in off[:5])
            + " in the execution module's posting times", field="format",
        )  # fmt: skip
    pattern = "%d/%m/%Y %H:%M" if date_order == "DMY" else "%m/%d/%Y %H:%M"
    return _csv_bytes([[p.when.strftime(pattern), p.text, p.link] for p in posts])


def write_calendar_csv(posts: Sequence[ScheduledPost]) -> bytes:
    """Every column a spreadsheet user may want, times with their offset and in UTC."""
    rows: list[list[object]] = [list(CALENDAR_COLUMNS)]
    for p in posts:
        rows.append([
            p.when.date().isoformat(), p.when.strftime("%H:%M"), str(p.when.tzinfo), p.when.isoformat(),
            p.when.astimezone(UTC).isoformat().replace("+00:00", "Z"), p.platform, p.title, p.text, p.link,
            *(p.utm.get(k, "") for k in ("utm_source", "utm_medium", "utm_campaign", "utm_content")),
            " ".join(p.hashtags), p.asset_id,
        ])  # fmt: skip
    return _csv_bytes(rows)


def write_ics(posts: Sequence[ScheduledPost], *, calendar_name: str, duration_minutes: int = 15) -> bytes:
    """One VEVENT per post, in UTC, with a UID that stays the same on every export of the campaign."""
    from icalendar import Calendar, Event  # imported here: only the ICS export needs it

    cal = Calendar()
    cal.add("prodid", "-//AICMO Workbench//content calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for p in posts:
        event = Event()
        start = p.when.astimezone(UTC)
        event.add("uid", f"{_slug(calendar_name)}-{p.slot}-{p.platform}@aicmo-workbench")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=duration_minutes))
        event.add("summary", f"{p.platform}: {p.title}" if p.title else p.platform)
        event.add("description", p.text_with_link)
        event.add("categories", [p.platform])
        if p.link:
            event.add("url", p.link)
        cal.add_component(event)
    return cal.to_ical()


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "campaign"


# --------------------------------------------------------------------------- one call for the CLI


def _per_platform(
    schedule: Schedule, suffix: str, write: Callable[[Sequence[ScheduledPost]], bytes]
) -> tuple[str, str, bytes]:
    stem = _slug(schedule.campaign)
    platforms = schedule.platforms
    if len(platforms) == 1:
        return f"{stem}-{platforms[0]}-{suffix}.csv", "text/csv", write(schedule.posts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for platform in platforms:
            posts = [p for p in schedule.posts if p.platform == platform]
            archive.writestr(f"{stem}-{platform}-{suffix}.csv", write(posts))
    return f"{stem}-{suffix}.zip", "application/zip", buffer.getvalue()


SCHEDULE_FORMATS = ("ics", "buffer-csv", "hootsuite-csv", "calendar-csv")


def export_schedule(
    ws: Workspace, campaign: str, fmt: str, *, timezone: str = "UTC", date_order: str = "DMY"
) -> ScheduleFile:
    """The campaign's approved calendar as one file (or a zip of one file per platform)."""
    if fmt not in SCHEDULE_FORMATS:
        raise ValidationError(
            f"unknown schedule format {fmt!r}; choose one of {', '.join(SCHEDULE_FORMATS)}", field="format"
        )
    schedule = campaign_schedule(ws, campaign, timezone=timezone)
    if not schedule.posts:
        raise WorkflowError(
            f"no post of {schedule.campaign!r} can be scheduled: " + "; ".join(schedule.left_out[:5]),
            field="campaign",
        )
    notes = list(schedule.notes)
    stem = _slug(schedule.campaign)
    if fmt == "ics":
        name, media, data = f"{stem}.ics", "text/calendar", write_ics(schedule.posts, calendar_name=schedule.campaign)
    elif fmt == "calendar-csv":
        name, media, data = f"{stem}-calendar.csv", "text/csv", write_calendar_csv(schedule.posts)
    elif fmt == "buffer-csv":
        name, media, data = _per_platform(schedule, "buffer", write_buffer_csv)
        notes.append(f"Posting Time is local time in {timezone}: set the Buffer channel's time zone to match")
    else:
        name, media, data = _per_platform(
            schedule, "hootsuite", lambda posts: write_hootsuite_csv(posts, date_order=date_order)
        )
        notes.append(f"times are local time in {timezone}; pick the date format "
                     f"{'DD/MM/YYYY' if date_order == 'DMY' else 'MM/DD/YYYY'} HH:mm when uploading")  # fmt: skip
    return ScheduleFile(name, media, data, len(schedule.posts), tuple(schedule.left_out), tuple(notes))
