"""An edited content calendar is the calendar: QC's calendar checks and the scheduler files read
the calendar's table as the person left it (``qc/calendar_table.py``), not the structured slots
the table was first rendered from, which an edit does not change."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from test_execution import seed_until

from aicmo_kernel import workflow
from aicmo_kernel.export.schedule import campaign_schedule, export_schedule, schedule_from_metadata
from aicmo_kernel.qc import run_qc
from aicmo_kernel.store import Workspace

HEADER = "| Slot | Date | Day | Time | Platform | Asset | Link (UTM-tagged) |\n|---|---|---|---|---|---|---|"
CALENDAR = [
    {"date": "2027-03-02", "time": "09:00", "platform": "linkedin", "asset_id": "a1", "title": "Spring post"},
    {"date": "2027-03-04", "time": "12:30", "platform": "x", "asset_id": "x1", "title": "Spring thread"},
    {"date": "2027-03-09", "time": "09:00", "platform": "linkedin", "asset_id": "a2", "title": "Case study"},
    {"date": "2027-03-11", "time": "12:30", "platform": "x", "asset_id": "x1", "title": "Spring thread"},
]  # fmt: skip
NAMES = {"linkedin": "LinkedIn", "x": "X"}
META = {"calendar": CALENDAR, "blackout_dates": ["2027-03-10"], "campaign_start_date": "2027-03-01",
        "campaign_end_date": "2027-03-31"}  # fmt: skip


def row(number: int, day: str, at: str, platform: str, title: str) -> str:
    weekday = date.fromisoformat(day).strftime("%A") if re.match(r"\d{4}-\d\d-\d\d$", day) else "?"
    return f"| S{number:03d} | {day} | {weekday} | {at} | {NAMES.get(platform, platform)} | {title} | no landing page |"


def text(*rows: str, header: str = HEADER) -> str:
    """A calendar's text as execution renders it: heading, then its table."""
    return "# Content calendar: Spring\n\n**Blackout dates:** 2027-03-10\n\n" + header + "\n" + "\n".join(rows)


AS_GENERATED = [row(n, s["date"], s["time"], s["platform"], s["title"]) for n, s in enumerate(CALENDAR, 1)]


def issues(content: str, **meta) -> dict[str, str]:
    report = run_qc(content, kind="content_calendar", metadata={**META, **meta})
    return {i.check_id: i.message for i in report.issues}


def test_the_table_as_generated_passes():
    assert issues(text(*AS_GENERATED)) == {}


def test_a_slot_moved_onto_a_blackout_date_in_the_text_blocks_approval():
    moved = [AS_GENERATED[0], row(2, "2027-03-10", "12:30", "x", "Spring thread"), *AS_GENERATED[2:]]
    found = issues(text(*moved))
    assert "\u201cSpring thread\u201d (S002) on 2027-03-10 (X)" in found["calendar_blackout"]
    report = run_qc(text(*moved), kind="content_calendar", metadata=META)
    assert [i.check_id for i in report.blockers] == ["calendar_blackout"] and not report.passed


def test_two_rows_edited_to_the_same_platform_date_and_time_clash():
    edited = [AS_GENERATED[0], AS_GENERATED[1], row(3, "2027-03-02", "9:00", "linkedin", "Case study"),
              AS_GENERATED[3]]  # fmt: skip
    message = issues(text(*edited))["calendar_clash"]
    assert "\u201cSpring post\u201d (S001) and \u201cCase study\u201d (S003) on LinkedIn at 2027-03-02 09:00" in message


def test_a_row_moved_outside_the_campaign_is_said_once_by_its_title():
    late = [*AS_GENERATED[:3], row(4, "2027-04-02", "12:30", "x", "Spring thread")]
    message = issues(text(*late))["calendar_range"]
    assert "\u201cSpring thread\u201d (S004) on 2027-04-02" in message and message.count("2027-04-02") == 1


@pytest.mark.parametrize(("header", "at"), [
    ("| Créneau | Date | Jour | Heure | Plateforme | Contenu | Lien (UTM) |\n|---|---|---|---|---|---|---|", "12h30"),
    ("| Franja | Fecha | Día | Hora | Plataforma | Contenido | Enlace (UTM) |\n|:--|:--|:--|:--|:--|:--|:--|", "12:30"),
    ("| Slot | Datum | Tag | Uhrzeit | Plattform | Inhalt | Link (mit UTM) |\n| --- | --- | --- | --- | --- | --- | --- |",
     "12.30 Uhr"),
])  # fmt: skip
def test_a_translated_table_is_read_the_same(header, at):
    moved = [AS_GENERATED[0], row(2, "2027-03-10", at, "x", "Spring thread"), AS_GENERATED[2],
             row(4, "2027-03-10", at, "x", "Spring thread")]  # fmt: skip
    found = issues(text(*moved, header=header))
    assert "\u201cSpring thread\u201d (S002) on 2027-03-10 (X)" in found["calendar_blackout"]
    assert "(S002) and \u201cSpring thread\u201d (S004) on X at 2027-03-10 12:30" in found["calendar_clash"]
    assert "calendar_format" not in found


@pytest.mark.parametrize("word", ["Publicités", "Publicité payante", "Publicidad de pago", "Anzeigen",
                                  "Bezahlte Anzeigen"])
def test_paid_ads_named_as_the_strategy_or_the_calendar_names_them_is_the_same_platform(word):
    from aicmo_kernel.qc.calendar_table import read_calendar

    calendar = [{"date": "2027-03-02", "time": "09:00", "platform": "ads", "asset_id": "ad1", "title": "Spring ad"}]
    reading = read_calendar(text(f"| S001 | 2027-03-03 | Wednesday | 10:00 | {word} | Spring ad | - |"), calendar)
    assert [(s.platform, s.date, s.moved_platform) for s in reading.slots] == [("ads", "2027-03-03", False)]
    assert reading.problems == []


def test_rows_reordered_without_the_slot_column_are_matched_by_title():
    header = "| Date | Time | Platform | Asset |\n|---|---|---|---|"
    rows = ["| 2027-03-09 | 09:00 | LinkedIn | Case study |", "| 2027-03-10 | 08:00 | LinkedIn | Spring post |",
            "| 2027-03-04 | 12:30 | X | Spring thread |", "| 2027-03-11 | 12:30 | X | Spring thread |"]  # fmt: skip
    found = issues(text(*rows, header=header))
    assert found == {"calendar_blackout": found["calendar_blackout"]}
    assert "\u201cSpring post\u201d on 2027-03-10 (LinkedIn)" in found["calendar_blackout"]


def test_a_text_without_its_table_is_checked_on_the_calendar_as_generated_and_says_so():
    prose = "# Content calendar: Spring\n\nWe post on LinkedIn on Tuesdays and on X on Thursdays."
    report = run_qc(prose, kind="content_calendar", metadata={**META, "blackout_dates": ["2027-03-04"]})
    found = {i.check_id: i for i in report.issues}
    assert "\u201cSpring thread\u201d on 2027-03-04 (X)" in found["calendar_blackout"].message
    note = found["calendar_format"]
    assert note.severity == "minor" and "no table of the calendar's posts" in note.message
    assert "calendar as generated" in note.message


def test_a_row_with_an_unreadable_date_is_reported_by_number_and_keeps_its_slot():
    edited = [AS_GENERATED[0], row(2, "10 mars", "12:30", "x", "Spring thread"), *AS_GENERATED[2:]]
    found = issues(text(*edited), blackout_dates=["2027-03-04"])
    assert "row 2 (S002) has the date '10 mars'; the calendar's 2027-03-04 is used" in found["calendar_format"]
    # the slot did not vanish: it is still checked, on the calendar's date
    assert "\u201cSpring thread\u201d (S002) on 2027-03-04 (X)" in found["calendar_blackout"]


def test_the_reader_matches_rows_added_removed_and_reordered():
    from aicmo_kernel.qc.calendar_table import read_calendar

    rows = [row(3, "2027-03-16", "14h30", "linkedin", "Case study"), AS_GENERATED[0],
            row(9, "2027-03-18", "12:30", "x", "Spring thread"), "| | 2027-03-19 | Friday | 10:00 | X | A new idea \\| v2 | |",
            row(5, "not yet", "10:00", "x", "Launch recap")]  # fmt: skip
    reading = read_calendar(text(*rows), CALENDAR)
    got = [(s.number, s.date, s.time, s.platform, s.asset_id, s.title, s.row, s.added) for s in reading.slots]
    assert got == [
        (3, "2027-03-16", "14:30", "linkedin", "a2", "Case study", 1, False),
        (1, "2027-03-02", "09:00", "linkedin", "a1", "Spring post", 2, False),
        (2, "2027-03-18", "12:30", "x", "x1", "Spring thread", 3, False),  # S009 is no slot: its title is S002's
        (5, "2027-03-19", "10:00", "x", "", "A new idea | v2", 4, True),  # added, no creative of that title
    ]  # fmt: skip
    assert [s.number for s in reading.removed] == [4]
    assert reading.problems == [("row 5 (S005), a post added in the text, has the date 'not yet': it is not "
                                 "scheduled until the date is written as YYYY-MM-DD")]  # fmt: skip


LINKS = [{"platform": "linkedin", "asset_id": "a1", "link": "https://acme.example/?utm_content=a1", "utm": {}},
         {"platform": "x", "asset_id": "x1", "link": "https://acme.example/?utm_content=x1", "utm": {}}]  # fmt: skip
CREATIVES = {"a1": {"content_markdown": "Spring is here."}, "x1": {"content_markdown": "A thread."}}


def test_the_schedule_of_a_text_lists_removed_rows_and_notes_unreadable_ones():
    edited = [row(1, "2027-03-03", "07:45", "linkedin", "Spring post"), row(2, "soon", "12:30", "x", "Spring thread")]
    plan = schedule_from_metadata("Spring", {"calendar": CALENDAR}, LINKS, CREATIVES, text=text(*edited))
    assert [(p.slot, p.when.strftime("%Y-%m-%d %H:%M")) for p in plan.posts] == [
        (1, "2027-03-03 07:45"), (2, "2027-03-04 12:30")]  # fmt: skip
    assert plan.notes == [("in the calendar's table, row 2 (S002) has the date 'soon'; the calendar's 2027-03-04 "
                           "is used until it is fixed")]  # fmt: skip
    assert plan.left_out == [
        "post 3 (2027-03-09 09:00, linkedin, \u201cCase study\u201d): it is not in the approved text's calendar table",
        "post 4 (2027-03-11 12:30, x, \u201cSpring thread\u201d): it is not in the approved text's calendar table"]


def test_a_post_moved_to_another_platform_is_flagged_and_noted():
    # S002's thread was written for X; the person moved it to LinkedIn in the table.
    moved = [AS_GENERATED[0], row(2, "2027-03-04", "12:30", "linkedin", "Spring thread"), *AS_GENERATED[2:]]
    message = issues(text(*moved))["calendar_platform"]
    assert "\u201cSpring thread\u201d (S002) from X to LinkedIn" in message and "S004" not in message
    assert "calendar_platform" not in issues(text(*AS_GENERATED))
    plan = schedule_from_metadata("Spring", {"calendar": CALENDAR}, LINKS, CREATIVES, text=text(*moved))
    assert [(p.slot, p.platform) for p in plan.posts][:2] == [(1, "linkedin"), (2, "linkedin")]
    assert plan.notes == [("post 2 (\u201cSpring thread\u201d (S002)) was moved from x to linkedin in the "
                           "approved text; its creative was written for x")]  # fmt: skip


# --------------------------------------------------------------------------- the demo, edited and approved


def _calendar(ws: Workspace):
    return next(d for d in ws.list_deliverables(campaign="demo", module="execution") if d.kind == "content_calendar")


def _edit_and_approve(ws: Workspace, change) -> str:
    calendar = _calendar(ws)
    before = ws.get_version(calendar.id, calendar.current_version).content_markdown
    after = change(before)
    assert after != before
    view = workflow.edit(ws, calendar.id, after, base_version=calendar.current_version, editor="ed")
    workflow.approve(ws, calendar.id, version=view.current_version, reviewer="rita")
    return after


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_the_scheduler_files_carry_the_edited_date_and_time(monkeypatch):
    from icalendar import Calendar

    with Workspace.open() as ws:
        seed_until(ws, "execution", monkeypatch)
        plan = campaign_schedule(ws, "demo", timezone="Europe/London")
        post = plan.posts[0]
        slot_id = f"S{post.slot:03d}"
        last = date.fromisoformat(_calendar(ws).metadata["campaign_end_date"])
        new_day = post.when.date() + timedelta(days=1)
        new_day = new_day if new_day <= last else post.when.date() - timedelta(days=1)

        def move(content: str) -> str:
            line = next(x for x in content.splitlines() if x.startswith(f"| {slot_id} |"))
            cells = line.split(" | ")
            cells[1], cells[3] = new_day.isoformat(), "06:40"
            return content.replace(line, " | ".join(cells))

        _edit_and_approve(ws, move)
        edited = campaign_schedule(ws, "demo", timezone="Europe/London")
        local = f"{new_day.isoformat()} 06:40"
        moved = next(p for p in edited.posts if p.slot == post.slot)
        assert moved.when.strftime("%Y-%m-%d %H:%M") == local and moved.asset_id == post.asset_id
        assert len(edited.posts) == len(plan.posts) and edited.left_out == plan.left_out and not edited.notes

        buffer = export_schedule(ws, "demo", "buffer-csv", timezone="Europe/London")
        ics = export_schedule(ws, "demo", "ics", timezone="Europe/London")
        table = export_schedule(ws, "demo", "calendar-csv", timezone="Europe/London")
    if buffer.filename.endswith(".zip"):
        import zipfile

        with zipfile.ZipFile(io.BytesIO(buffer.data)) as archive:
            name = next(n for n in archive.namelist() if n.endswith(f"-{post.platform}-buffer.csv"))
            buffer_rows = rows_of(archive.read(name))[1:]
    else:
        buffer_rows = rows_of(buffer.data)[1:]
    times = [r[3] for r in buffer_rows]  # the post's platform's file: its Posting Time column
    assert local in times and post.when.strftime("%Y-%m-%d %H:%M") not in times
    # the same event (its UID names the slot, so a re-import moves it), at the edited time
    [event] = [e for e in Calendar.from_ical(ics.data).walk("VEVENT")
               if str(e["uid"]).endswith(f"-{post.slot}-{post.platform}@aicmo-workbench")]  # fmt: skip
    assert event.decoded("dtstart") == moved.when.astimezone(UTC) != post.when.astimezone(UTC)
    assert event.decoded("dtstart").replace(tzinfo=None) == (datetime.fromisoformat(f"{new_day.isoformat()}T06:40")
                                                             - moved.when.utcoffset())  # fmt: skip
    calendar_rows = rows_of(table.data)
    header = calendar_rows[0]
    found = [dict(zip(header, r, strict=True)) for r in calendar_rows[1:]]
    assert any(r["date"] == new_day.isoformat() and r["time"] == "06:40" and r["asset_id"] == post.asset_id
               for r in found)  # fmt: skip


def test_a_calendar_rewritten_as_prose_exports_as_generated_with_a_note(monkeypatch):
    with Workspace.open() as ws:
        seed_until(ws, "execution", monkeypatch)
        plan = campaign_schedule(ws, "demo")
        _edit_and_approve(ws, lambda content: "# Content calendar\n\nWe post twice a week; see the plan.")
        done = export_schedule(ws, "demo", "calendar-csv")
    assert done.posts == len(plan.posts)
    assert any("no table of the calendar's posts" in note and "calendar as generated" in note for note in done.notes)


def test_an_unreadable_row_is_named_and_its_post_kept(monkeypatch):
    with Workspace.open() as ws:
        seed_until(ws, "execution", monkeypatch)
        plan = campaign_schedule(ws, "demo")
        slot_id = f"S{plan.posts[0].slot:03d}"
        day = plan.posts[0].when.date().isoformat()
        text = _edit_and_approve(ws, lambda content: re.sub(rf"(\| {slot_id} \| ){day}", r"\1le 3 mars", content))
        number = next(n for n, line in enumerate((x for x in text.splitlines() if re.match(r"\| S\d{3} \|", x)), 1)
                      if line.startswith(f"| {slot_id} |"))  # fmt: skip
        done = export_schedule(ws, "demo", "calendar-csv")
    assert done.posts == len(plan.posts)
    assert f"in the calendar's table, row {number} ({slot_id}) has the date 'le 3 mars'; the calendar's {day} is used" in done.notes[0]


def test_a_table_without_slot_and_asset_columns_is_matched_by_position():
    from aicmo_kernel.qc.calendar_table import read_calendar

    header = "| Date | Time | Platform |\n|---|---|---|"
    rows = ["| 2027-03-03 | 08:00 | LinkedIn |", "| 2027-03-05 | 12:30 | X |"]
    reading = read_calendar(text(*rows, header=header), CALENDAR)
    assert [(s.number, s.date, s.time, s.asset_id, s.title) for s in reading.slots] == [
        (1, "2027-03-03", "08:00", "a1", "Spring post"), (2, "2027-03-05", "12:30", "x1", "Spring thread")]
    assert [s.number for s in reading.removed] == [3, 4] and not reading.problems


def _as_structured(reading) -> list[tuple[str, str, str, str]]:
    return [(s.date, s.time, s.platform, s.asset_id) for s in reading.slots]


# The calendar's header as execution writes it in each language (qc/calendar_table.py reads them all).
RENDERED_HEADERS = {
    "demo": "| Slot | Date | Day | Time | Platform | Asset | Link (UTM-tagged) |",
    "fr-boulangerie": "| Créneau | Date | Jour | Heure | Plateforme | Création | Lien (avec UTM) |",
    "es-clinica": "| Franja | Fecha | Día | Hora | Plataforma | Pieza | Enlace (con UTM) |",
    "de-saas": "| Slot | Datum | Tag | Uhrzeit | Plattform | Inhalt | Link (mit UTM) |",
}


@pytest.mark.parametrize("brief", list(RENDERED_HEADERS))
def test_the_rendered_table_reads_back_as_the_structured_calendar(brief, monkeypatch):
    """What execution writes is read back slot for slot (title included, a slot that needs an asset
    too), in English and in a French, Spanish and German campaign, under the header in its language."""
    from pathlib import Path

    from aicmo_kernel.qc.calendar_table import read_calendar
    from aicmo_kernel.testing.offline_drafts import drafts_for_file

    if brief == "demo":
        with Workspace.open() as ws:
            seed_until(ws, "execution", monkeypatch)
            view = _calendar(ws)
            item = {"metadata": view.metadata,
                    "content_markdown": ws.get_version(view.id, view.current_version).content_markdown}
    else:
        run = drafts_for_file(Path(__file__).parent / "data" / "briefs_corpus" / f"{brief}.yaml")
        item = next(d for d in run.drafts["execution"] if d["kind"] == "content_calendar")
    structured = item["metadata"]["calendar"]
    reading = read_calendar(item["content_markdown"], structured)
    assert reading.from_text and not reading.problems and not reading.removed and len(structured) > 3
    assert _as_structured(reading) == [(s["date"], s["time"], s["platform"], s["asset_id"]) for s in structured]
    assert [s.slot_id for s in reading.slots] == [f"S{n:03d}" for n in range(1, len(structured) + 1)]
    assert [s.title for s in reading.slots] == [s["title"] for s in structured]
    assert RENDERED_HEADERS[brief] in item["content_markdown"].splitlines()
