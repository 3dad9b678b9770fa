"""QC on content calendars (metadata["calendar"], as the execution module writes it): clashes,
blackout dates, dates outside the campaign, unreadable dates."""

from __future__ import annotations

from datetime import date

import pytest

from aicmo_kernel.qc import run_qc

TABLE = "| date | time | platform | asset |\n|---|---|---|---|\n| 2027-03-02 | 09:00 | LinkedIn | Sunday post |"


def slot(day: str, time: str = "09:00", platform: str = "linkedin", title: str = "Sunday post", **extra) -> dict:
    return {"date": day, "time": time, "platform": platform, "asset_id": f"a-{title}", "title": title, **extra}


def table(calendar) -> str:
    """The calendar's table as its text shows it, rendered from its slots (as execution does): the
    checks read the table as edited, so a text that agrees with its metadata is the usual case."""
    rows = [f"| {s['date']} | {s['time']} | {s['platform']} | {s['title']} |" for s in calendar if isinstance(s, dict)]
    return "\n".join(["| date | time | platform | asset |", "|---|---|---|---|", *rows])


def qc(calendar, **meta):
    text = table(calendar) if isinstance(calendar, list) else TABLE
    return run_qc(text, kind="content_calendar", metadata={"calendar": calendar, **meta})


def by_check(report):
    return {i.check_id: i for i in report.issues}


GOOD = [slot("2027-03-02"), slot("2027-03-02", "12:00"), slot("2027-03-02", platform="x", title="X post"),
        slot("2027-03-03", "9:00", platform="Twitter", title="Thread")]
RANGE = {"start_date": "2027-03-01", "end_date": "2027-05-23"}


def test_a_well_formed_calendar_passes():
    assert qc(GOOD, blackout_dates=["2027-04-18"], **RANGE).issues == []


def test_same_platform_same_date_and_time_is_a_major_clash():
    calendar = [*GOOD, slot("2027-03-02", title="Carousel"), slot("2027-03-03", "09:00", platform="X", title="Poll")]
    issue = by_check(qc(calendar))["calendar_clash"]
    assert issue.severity == "major" and issue.fix is None
    assert "\u201cSunday post\u201d and \u201cCarousel\u201d on LinkedIn at 2027-03-02 09:00" in issue.message
    # "Twitter" and "X" are the same platform, and "9:00" is "09:00".
    assert "\u201cThread\u201d and \u201cPoll\u201d on X at 2027-03-03 09:00" in issue.message


def test_a_slot_on_a_blackout_date_blocks_approval():
    report = qc(GOOD, blackout_dates=["2027-03-03", "2027-12-25"])
    [issue] = report.blockers
    assert issue.check_id == "calendar_blackout" and "\u201cThread\u201d on 2027-03-03 (X)" in issue.message
    assert not report.passed


def test_slots_outside_the_campaign_dates_are_major():
    calendar = [*GOOD, slot("2027-02-28", title="Teaser"), slot("2027-05-24", title="Late")]
    issue = by_check(qc(calendar, **RANGE))["calendar_range"]
    assert issue.severity == "major"
    assert "Teaser" in issue.message and "Late" in issue.message and "Sunday post" not in issue.message
    assert "2027-03-01 to 2027-05-23" in issue.message
    only_end = by_check(qc(calendar, end_date="2027-05-23"))["calendar_range"]
    assert "Late" in only_end.message and "Teaser" not in only_end.message


def test_no_dates_means_no_range_check_and_dates_may_be_date_objects():
    assert qc([slot("2030-01-01")]).issues == []
    assert qc([slot("2027-03-02")], start_date=date(2027, 3, 1), end_date=date(2027, 3, 31),
              blackout_dates=[date(2027, 3, 5)]).issues == []


@pytest.mark.parametrize(("calendar", "meta", "needle"), [
    ([slot("02/03/2027")], {}, "'02/03/2027'"),
    ([slot("2027-03-02", "9am")], {}, "'9am'"),
    (["not a slot"], {}, "slot 1"),
    ([slot("2027-03-02")], {"blackout_dates": ["Easter"]}, "'Easter'"),
    ([slot("2027-03-02")], {"start_date": "March"}, "start date 'March'"),
    ("Monday: post", {}, "could not be read"),
])
def test_unreadable_calendar_data_is_reported_not_crashed_on(calendar, meta, needle):
    issue = by_check(qc(calendar, **meta))["calendar_format"]
    assert issue.severity == "major" and needle in issue.message


def test_calendar_checks_apply_to_any_kind_with_a_calendar_and_only_then():
    assert run_qc(TABLE, kind="content_calendar").issues == []
    report = run_qc("Plan.", kind="governance_plan",
                    metadata={"calendar": [slot("2027-03-02")], "blackout_dates": ["2027-03-02"]})
    assert [i.check_id for i in report.blockers] == ["calendar_blackout"]


def test_the_campaigns_dates_decide_over_the_calendars_own_span():
    # execution's calendar may plan a shorter span inside the campaign: a slot moved within the
    # campaign is fine, one moved outside it is not
    span = {"start_date": "2027-03-08", "end_date": "2027-03-21",
            "campaign_start_date": "2027-03-01", "campaign_end_date": "2027-03-31"}  # fmt: skip
    assert qc([slot("2027-03-02"), slot("2027-03-30", title="Late")], **span).issues == []
    issue = by_check(qc([slot("2027-04-02", title="Too late")], **span))["calendar_range"]
    assert "campaign (2027-03-01 to 2027-03-31)" in issue.message
    assert "\u201cToo late\u201d on 2027-04-02" in issue.message


def test_a_row_of_the_text_outside_the_campaign_is_flagged():
    text = TABLE + "\n| 2027-06-01 | 09:00 | LinkedIn | Moved in the text |"
    report = run_qc(text, kind="content_calendar", metadata={"calendar": GOOD, **RANGE})
    issue = by_check(report)["calendar_range"]
    assert "\u201cMoved in the text\u201d on 2027-06-01" in issue.message and "Sunday post" not in issue.message
    # a row whose date is also a structured slot's is said once
    both = run_qc(text, kind="content_calendar", metadata={"calendar": [*GOOD, slot("2027-06-01", title="Moved")],
                                                           **RANGE})  # fmt: skip
    assert by_check(both)["calendar_range"].message.count("2027-06-01") == 1


def test_a_slot_edited_outside_the_campaign_is_flagged(monkeypatch):
    """The demo's calendar, approved; an analyst moves a post past the campaign's end in the
    editor. The edit changes the text only (the structured calendar stays as generated)."""
    import re
    from datetime import timedelta

    from test_execution import seed_until

    from aicmo_kernel import workflow
    from aicmo_kernel.qc import check_deliverable
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        seed_until(ws, "execution", monkeypatch)
        campaign = ws.get_campaign("demo")
        first, last = (date.fromisoformat(str(day)[:10]) for day in (campaign.start_date, campaign.end_date))
        calendar = next(d for d in ws.list_deliverables(campaign="demo", module="execution")
                        if d.kind == "content_calendar")  # fmt: skip
        assert calendar.metadata["campaign_end_date"] == last.isoformat()
        text = ws.get_version(calendar.id, calendar.current_version).content_markdown
        assert "calendar_range" not in by_check(check_deliverable(calendar, text=text))
        row = next(line for line in text.splitlines() if re.match(r"\| S\d{3} \| ", line))
        slot_id, day = (cell.strip() for cell in row.split("|")[1:3])
        late = (last + timedelta(days=3)).isoformat()
        view = workflow.edit(ws, calendar.id, text.replace(row, row.replace(f"| {day} |", f"| {late} |", 1)),
                             base_version=calendar.current_version, editor="ed")  # fmt: skip
        edited = ws.get_version(calendar.id, view.current_version).content_markdown
        issue = by_check(check_deliverable(view, text=edited))["calendar_range"]
        assert issue.severity == "major"
        assert f"({slot_id}) on {late}" in issue.message
        assert f"campaign ({first.isoformat()} to {last.isoformat()})" in issue.message
