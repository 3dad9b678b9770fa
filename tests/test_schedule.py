"""Schedules out: the approved calendar as Buffer and Hootsuite bulk uploads, ICS and plain CSV,
each post with its UTM-tagged link, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from test_execution import seed_until

from aicmo_kernel.cli import main
from aicmo_kernel.errors import ValidationError, WorkflowError
from aicmo_kernel.export.cells import neutralise_cell
from aicmo_kernel.export.schedule import (
    BUFFER_COLUMNS,
    campaign_schedule,
    schedule_from_metadata,
    write_buffer_csv,
    write_calendar_csv,
    write_hootsuite_csv,
    write_ics,
)
from aicmo_kernel.store import Workspace

LINK = "https://acme.example/spring?utm_source=linkedin&utm_medium=social&utm_campaign=spring&utm_content=post-a1"
CALENDAR = {"calendar": [
    {"date": "2027-03-26", "time": "09:00", "platform": "linkedin", "asset_id": "a1", "title": "Spring post"},
    {"date": "2027-03-29", "time": "12:30", "platform": "x", "asset_id": "x1", "title": "=SUM(A1)"},
    {"date": "2027-03-30", "time": "09:00", "platform": "x", "asset_id": "", "title": ""},
    {"date": "2027-03-31", "time": "09:00", "platform": "x", "asset_id": "draft", "title": "Draft"},
]}  # fmt: skip
LINKS = [{"platform": "linkedin", "asset_id": "a1", "link": LINK,
          "utm": {"utm_source": "linkedin", "utm_medium": "social", "utm_campaign": "spring", "utm_content": "post-a1"}},
         {"platform": "x", "asset_id": "x1", "link": "https://acme.example/?utm_source=x", "utm": {}}]  # fmt: skip
CREATIVES = {"a1": {"content_markdown": "Spring is here.\nBook a demo.", "hashtags": ["#Spring", "#B2B"]},
             "x1": {"content_markdown": "@everyone +1 =HYPERLINK(\"evil\")", "hashtags": []}}  # fmt: skip


def schedule(tz: str = "Europe/London"):
    return schedule_from_metadata("Spring 2027", CALENDAR, LINKS, CREATIVES, timezone=tz)


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_posts_join_calendar_links_and_approved_creatives_and_list_what_is_left_out():
    plan = schedule()
    assert [p.slot for p in plan.posts] == [1, 2]
    assert plan.posts[0].link == LINK and plan.posts[0].text_with_link.endswith("\n\n" + LINK)
    assert plan.left_out == ["post 3 (2027-03-30 09:00, x): no creative is assigned to this slot",
                             "post 4 (2027-03-31 09:00, x): its creative draft is not approved"]  # fmt: skip


def test_buffer_csv_has_its_columns_local_times_and_the_link_in_the_text():
    table = rows(write_buffer_csv(schedule().posts))
    assert tuple(table[0]) == BUFFER_COLUMNS
    assert table[1] == ["Spring is here.\nBook a demo.\n\n" + LINK, "", "Spring,B2B", "2027-03-26 09:00"]
    assert table[2][3] == "2027-03-29 12:30"  # wall-clock time in the campaign's zone, across the DST change


def test_hootsuite_csv_has_no_header_and_the_date_format_picked_at_upload():
    posts = schedule().posts
    table = rows(write_hootsuite_csv(posts))
    assert table[0] == ["26/03/2027 09:00", "Spring is here.\nBook a demo.", LINK]
    assert rows(write_hootsuite_csv(posts, date_order="MDY"))[0][0] == "03/26/2027 09:00"
    odd = schedule_from_metadata("s", {"calendar": [{**CALENDAR["calendar"][0], "time": "09:07"}]}, LINKS, CREATIVES)
    with pytest.raises(ValidationError, match=r"multiple of 5 minutes; move post 1 \(2027-03-26 09:07\)"):
        write_hootsuite_csv(odd.posts)
    with pytest.raises(ValidationError, match="at most 350 posts"):
        write_hootsuite_csv(posts * 200)


def test_every_csv_neutralises_formula_cells():
    posts = schedule().posts
    for data in (write_buffer_csv(posts), write_hootsuite_csv(posts), write_calendar_csv(posts)):
        cells = [cell for row in rows(data) for cell in row]
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
        assert any(cell.startswith("'@everyone") for cell in cells)
    calendar = rows(write_calendar_csv(posts))
    assert calendar[2][6] == "'=SUM(A1)"  # the title from the calendar
    assert [neutralise_cell(v) for v in ("=1+1", "+44 20", "-x", "@a", "\t=1", "plain", -3, 2.5, None)] == [
        "'=1+1", "'+44 20", "'-x", "'@a", "'\t=1", "plain", "-3", "2.5", ""]


def test_calendar_csv_gives_the_offset_and_utc():
    table = rows(write_calendar_csv(schedule().posts))
    header, first, second = table[0], dict(zip(table[0], table[1], strict=True)), dict(zip(table[0], table[2], strict=True))
    assert header[:5] == ["date", "time", "timezone", "local_datetime", "utc_datetime"]
    assert first["local_datetime"] == "2027-03-26T09:00:00+00:00" and first["utc_datetime"] == "2027-03-26T09:00:00Z"
    assert second["local_datetime"] == "2027-03-29T12:30:00+01:00" and second["utc_datetime"] == "2027-03-29T11:30:00Z"
    assert first["link"] == LINK and first["utm_campaign"] == "spring" and first["hashtags"] == "#Spring #B2B"


def test_ics_is_a_valid_calendar_in_utc_with_the_link():
    from icalendar import Calendar

    plan = schedule()
    parsed = Calendar.from_ical(write_ics(plan.posts, calendar_name="Spring 2027"))
    events = parsed.walk("VEVENT")
    assert len(events) == 2
    first, second = events
    assert first.decoded("dtstart") == datetime(2027, 3, 26, 9, 0, tzinfo=UTC)
    assert second.decoded("dtstart") == datetime(2027, 3, 29, 11, 30, tzinfo=UTC)
    assert str(first["url"]) == LINK and LINK in str(first["description"])
    assert str(first["uid"]) == "spring-2027-1-linkedin@aicmo-workbench"
    assert str(first["summary"]) == "linkedin: Spring post"


def test_unknown_time_zone_names_the_option():
    with pytest.raises(ValidationError, match="unknown time zone 'Mars/Olympus'") as caught:
        schedule("Mars/Olympus")
    assert caught.value.field == "timezone"


def test_the_cli_exports_the_demo_calendar_for_every_scheduler(tmp_path, monkeypatch):
    with Workspace.open() as ws:
        seed_until(ws, "creatives", monkeypatch)
        with pytest.raises(WorkflowError, match="has no content calendar yet"):
            campaign_schedule(ws, "demo")
        seed_until(ws, "execution", monkeypatch)
        plan = campaign_schedule(ws, "demo", timezone="Europe/London")
    assert plan.posts and all(p.link.startswith("http") and "utm_campaign=" in p.link for p in plan.posts)
    runner = CliRunner()
    for fmt in ("ics", "buffer-csv", "hootsuite-csv", "calendar-csv"):
        result = runner.invoke(main, ["schedule", "-c", "demo", "--format", fmt, "--timezone", "Europe/London",
                                      "--out", str(tmp_path)], catch_exceptions=False)  # fmt: skip
        assert result.exit_code == 0, result.output
        assert f"({len(plan.posts)} posts)" in result.output
    written = {p.name: p for p in tmp_path.iterdir()}
    assert "demo.ics" in written and "demo-calendar.csv" in written
    if len(plan.platforms) > 1:
        with zipfile.ZipFile(written["demo-buffer.zip"]) as archive:
            names = sorted(archive.namelist())
            assert names == [f"demo-{p}-buffer.csv" for p in plan.platforms]
            total = sum(len(rows(archive.read(n))) - 1 for n in names)
        assert total == len(plan.posts)
    calendar = rows(written["demo-calendar.csv"].read_bytes())
    assert len(calendar) - 1 == len(plan.posts)
    bad = runner.invoke(main, ["schedule", "-c", "demo", "--timezone", "Nowhere/Else"])
    assert bad.exit_code == 2 and "unknown time zone" in bad.output
