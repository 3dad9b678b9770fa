"""QC on content calendars (metadata["calendar"], as the execution module writes it): clashes,
blackout dates, dates outside the campaign, unreadable dates."""

from __future__ import annotations

from datetime import date

import pytest

from aicmo_kernel.qc import run_qc

TABLE = "| date | time | platform | asset |\n|---|---|---|---|\n| 2027-03-02 | 09:00 | LinkedIn | Sunday post |"


def slot(day: str, time: str = "09:00", platform: str = "linkedin", title: str = "Sunday post", **extra) -> dict:
    return {"date": day, "time": time, "platform": platform, "asset_id": f"a-{title}", "title": title, **extra}


def qc(calendar, **meta):
    return run_qc(TABLE, kind="content_calendar", metadata={"calendar": calendar, **meta})


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
