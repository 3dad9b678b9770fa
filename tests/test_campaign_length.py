"""A campaign's length, one rule everywhere: its days counted inclusively (a campaign from Monday
to Sunday is one week, 1 March to 31 May is 92 days, 14 weeks), the content calendar inside its
dates (a one-day launch, a three-day event, ten days), and a budget per day times its days."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.briefs import BriefError, parse_brief, parse_budget
from aicmo_kernel.errors import ValidationError
from aicmo_kernel.modules import get_module
from aicmo_kernel.modules.execution.calendar import build_calendar
from aicmo_kernel.modules.text import weeks_between
from aicmo_kernel.qc import run_qc
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

# --------------------------------------------------------------------------- weeks, inclusively


@pytest.mark.parametrize(("start", "end", "weeks"), [
    ("2027-03-01", "2027-03-01", 1),   # one day
    ("2027-03-01", "2027-03-07", 1),   # Monday to Sunday
    ("2027-03-01", "2027-03-08", 2),   # Monday to the next Monday: eight days
    ("2027-03-01", "2027-03-28", 4),
    ("2027-03-01", "2027-05-31", 14),  # 92 days
    ("2027-03-01", "2027-05-23", 12),  # the demo's 84 days
])  # fmt: skip
def test_weeks_count_the_campaigns_days_inclusively(start, end, weeks):
    assert weeks_between(start, end) == weeks
    parsed = parse_brief({"client_name": "A", "start_date": start, "end_date": end, "duration_weeks": weeks})
    assert parsed.strategy["duration_weeks"] == weeks and parsed.warnings == []  # the brief agrees


def test_an_end_before_the_start_has_no_length():
    assert weeks_between("2027-03-02", "2027-03-01") is None and weeks_between(None, "2027-03-01") is None


@given(st.dates(date(2026, 1, 1), date(2029, 12, 31)), st.integers(0, 720))
def test_the_intake_text_and_the_brief_count_the_same_weeks(start, days):
    end = start + timedelta(days=days)
    parsed = parse_brief({"client_name": "A", "start_date": start.isoformat(), "end_date": end.isoformat()})
    assert parsed.strategy["duration_weeks"] == min(104, weeks_between(start.isoformat(), end.isoformat()))


def test_the_client_summary_says_the_weeks_the_strategy_plans():
    run = drafts_for_brief({"client_name": "Northwind Ledger", "objective": "leads", "channels": "LinkedIn",
                            "start_date": "1 March 2027", "end_date": "31 May 2027", "budget": "£45,000"},
                           modules=("intake", "strategy"))  # fmt: skip
    assert not run.errors, run.errors
    summary = next(d for d in run.drafts["intake"] if d["kind"] == "client_summary")["content_markdown"]
    # 92 days are said as a person says them, 13 weeks (``text.length_words``), and the budget a week
    # agrees with what is said: 45,000 / 13; the strategy still plans for the brief's 14 weeks
    assert "(13 weeks)" in summary and "3,462 GBP a week" in summary
    strategy = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")
    assert strategy["metadata"]["duration_weeks"] == 14


# --------------------------------------------------------------------------- the calendar inside the dates


def _brief(start: str, end: str) -> dict:
    return {"client_name": "Harbour Lights", "objective": "launch", "channels": "LinkedIn, Instagram, X, Email",
            "audience": "Families in Bristol", "offer": "A harbour light festival",
            "start_date": start, "end_date": end}  # fmt: skip


@pytest.mark.parametrize(("start", "end", "days"), [
    ("2027-06-12", "2027-06-12", 1),   # a launch day (a Saturday)
    ("2027-06-10", "2027-06-12", 3),   # a three-day event, Thursday to Saturday
    ("2027-06-07", "2027-06-16", 10),  # ten days
])  # fmt: skip
def test_the_calendar_schedules_nothing_outside_the_campaign(start, end, days):
    run = drafts_for_brief(_brief(start, end))
    assert not run.errors, run.errors
    calendar = next(d for d in run.drafts["execution"] if d["kind"] == "content_calendar")
    meta = calendar["metadata"]
    dates = [slot["date"] for slot in meta["calendar"]]
    assert dates and all(start <= day <= end for day in dates), dates
    assert (meta["start_date"], meta["end_date"]) == (start, end)
    assert set(Counter(slot["platform"] for slot in meta["calendar"])) == {"linkedin", "instagram", "x", "email"}
    assert ("1 day" if days == 1 else f"{days} days") in calendar["content_markdown"]
    # QC measured against the campaign's own dates finds nothing outside them
    report = run_qc(calendar["content_markdown"], kind="content_calendar",
                    metadata={**meta, "start_date": start, "end_date": end})  # fmt: skip
    assert "calendar_range" not in {issue.check_id for issue in report.issues}


def test_a_shorter_last_week_gets_its_share_of_the_posts():
    start = date(2027, 6, 7)  # a Monday; ten days end on Wednesday of the second week
    cal = build_calendar(start=start, end=start + timedelta(days=9), posts_per_week={"linkedin": 2, "x": 5},
                         times={})  # fmt: skip
    per_week = Counter((s["week"], s["platform"]) for s in cal["slots"])
    assert (per_week[(1, "linkedin")], per_week[(1, "x")]) == (2, 5)  # a full week: as many as asked
    assert (per_week[(2, "linkedin")], per_week[(2, "x")]) == (1, 2)  # three days of seven: 2x3/7, 5x3/7
    assert cal["end_date"] == "2027-06-16" and max(s["date"] for s in cal["slots"]) <= "2027-06-16"
    weekend = build_calendar(start=date(2027, 6, 12), end=date(2027, 6, 12), posts_per_week={"linkedin": 2},
                             times={})  # fmt: skip
    assert [s["date"] for s in weekend["slots"]] == ["2027-06-12"]  # a Saturday launch still gets its post


@given(st.dates(date(2027, 1, 1), date(2027, 12, 31)), st.integers(1, 70),
       st.dictionaries(st.sampled_from(["linkedin", "x", "email", "instagram"]), st.integers(1, 7), min_size=1))
def test_any_calendar_stays_inside_its_dates_and_keeps_each_full_weeks_count(start, days, per_week):
    end = start + timedelta(days=days - 1)
    cal = build_calendar(start=start, end=end, posts_per_week=per_week, times={})
    assert all(start.isoformat() <= s["date"] <= end.isoformat() for s in cal["slots"])
    counts = Counter((s["week"], s["platform"]) for s in cal["slots"])
    for week in range(1, days // 7 + 1):  # the full weeks
        assert all(counts[(week, platform)] == n for platform, n in per_week.items())
    if days % 7:  # a shorter last week: its share, at least one post per platform
        assert all(counts[(days // 7 + 1, platform)] >= 1 for platform in per_week)


def test_whole_weeks_plan_as_before():
    start = date(2027, 3, 3)
    by_weeks = build_calendar(start=start, weeks=4, posts_per_week={"linkedin": 2, "x": 3}, times={})
    by_end = build_calendar(start=start, end=start + timedelta(days=27), posts_per_week={"linkedin": 2, "x": 3},
                            times={})  # fmt: skip
    assert by_weeks == by_end and len(by_weeks["slots"]) == 20


EXECUTION = get_module("execution")
CAMPAIGN = {"name": "launch", "start_date": "2027-06-10", "end_date": "2027-06-12", "channels": ["linkedin"]}


def test_execution_inputs_take_the_campaigns_end_date():
    values = EXECUTION.default_inputs(brand={"name": "A"}, campaign=CAMPAIGN, upstream={})
    assert (values["start_date"], values["end_date"], values["duration_weeks"]) == ("2027-06-10", "2027-06-12", 1)
    inputs = EXECUTION.validate_inputs(values)
    facts = EXECUTION.prepare_facts(inputs, brand={"name": "A"}, campaign=CAMPAIGN, upstream={})
    assert (facts["start_date"], facts["end_date"]) == ("2027-06-10", "2027-06-12")


@pytest.mark.parametrize(("override", "field", "message"), [
    ({"end_date": "2027-06-09"}, "inputs.end_date", "must not be before the start date"),
    ({"end_date": "2028-06-10"}, "inputs.end_date", "the calendar covers at most a year"),
    ({"blackout_dates": ["2027-06-14"]}, "inputs.blackout_dates",
     "2027-06-14 outside the calendar (2027-06-10 to 2027-06-12)"),
])  # fmt: skip
def test_execution_dates_that_disagree_name_the_field(override, field, message):
    values = {**EXECUTION.default_inputs(brand={"name": "A"}, campaign=CAMPAIGN, upstream={}), **override}
    with pytest.raises(ValidationError, match=re.escape(message)) as caught:
        EXECUTION.validate_inputs(values)
    assert caught.value.field == field


def test_with_an_end_date_the_dates_decide_the_weeks():
    values = EXECUTION.default_inputs(brand={"name": "A"}, campaign=CAMPAIGN, upstream={})
    inputs = EXECUTION.validate_inputs({**values, "duration_weeks": 3})  # as a brief's dates decide over its weeks
    assert (inputs.duration_weeks, inputs.last_day) == (1, date(2027, 6, 12))


@pytest.mark.parametrize(("override", "field", "message"), [
    ({"start_date": "2027-06-13", "end_date": None}, "inputs.start_date",
     "2027-06-13 is after the campaign's end date 2027-06-12"),
    ({"end_date": "2027-06-20"}, "inputs.end_date", "2027-06-20 is after the campaign's end date 2027-06-12"),
    ({"start_date": "2027-06-01", "end_date": None}, "inputs.start_date",
     "2027-06-01 is before the campaign's start date 2027-06-10"),
])  # fmt: skip
def test_a_calendar_reaching_outside_the_campaign_is_refused(override, field, message):
    values = {**EXECUTION.default_inputs(brand={"name": "A"}, campaign=CAMPAIGN, upstream={}), **override}
    inputs = EXECUTION.validate_inputs({k: v for k, v in values.items() if v is not None})
    with pytest.raises(ValidationError, match=message) as caught:
        EXECUTION.prepare_facts(inputs, brand={"name": "A"}, campaign=CAMPAIGN, upstream={})
    assert caught.value.field == field


def test_inputs_saved_without_an_end_date_stop_at_the_campaigns_end():
    values = EXECUTION.default_inputs(brand={"name": "A"}, campaign=CAMPAIGN, upstream={})
    values.pop("end_date")  # as execution inputs were saved before they had an end date
    inputs = EXECUTION.validate_inputs({**values, "duration_weeks": 1})
    facts = EXECUTION.prepare_facts(inputs, brand={"name": "A"}, campaign=CAMPAIGN, upstream={})
    assert facts["end_date"] == "2027-06-12" and max(s["date"] for s in facts["slots"]) <= "2027-06-12"


# --------------------------------------------------------------------------- a budget per day


@pytest.mark.parametrize("text", ["€200 per day", "200 €/Tag", "200 € al día", "200 € par jour", "$200 a day",
                                  "€200 daily", "200 € pro Tag", "200 € täglich", "200 € por día",
                                  "200 € diarios", "200 € quotidiens", "€200/day"])  # fmt: skip
def test_a_budget_per_day_is_read_in_four_languages(text):
    budget = parse_budget(text)
    assert (budget["amount"], budget["currency"], budget["period"]) == (200, "EUR" if "$" not in text else "USD", "day")


@pytest.mark.parametrize(("given", "period"), [("day", "day"), ("daily", "day"), ("per day", "day"),
                                               ("Tag", "day"), ("jour", "day"), ("día", "day")])  # fmt: skip
def test_budget_period_may_be_a_day(given, period):
    assert parse_budget(200, period=given)["period"] == period


@pytest.mark.parametrize("text", ["€5,000 for a day-long launch event", "€5,000 for a day of action",
                                  "5.000 € am Tag der Eröffnung"])  # fmt: skip
def test_a_day_long_event_is_not_a_daily_budget(text):
    assert parse_budget(text)["period"] == "total"
    assert parse_budget("200 € am Tag")["period"] == "day"


def test_a_daily_budget_times_the_campaigns_days_is_its_total():
    parsed = parse_brief({"client_name": "A", "budget": "200 € al día", "start_date": "2027-03-01",
                          "end_date": "2027-03-31"})  # fmt: skip
    assert parsed.budget["campaign_total"] == 6200 and parsed.warnings == []
    assert parsed.budget["total_basis"] == "200.00 per day x 31 days"
    assert parsed.intake["budget"] == 6200
    one_day = parse_brief({"client_name": "A", "budget": "€200 per day", "start_date": "2027-06-12",
                           "end_date": "2027-06-12"})  # fmt: skip
    assert one_day.budget["campaign_total"] == 200 and one_day.budget["total_basis"] == "200.00 per day x 1 day"
    undated = parse_brief({"client_name": "A", "budget": "€200 per day"})
    assert undated.budget["campaign_total"] is None and any("per day" in w for w in undated.warnings)


def test_a_daily_budget_reaches_the_intake_form_and_summary():
    intake = get_module("intake")
    inputs = intake.validate_inputs({"client_name": "A", "budget": 6200, "budget_period": "day",
                                     "budget_per_period": 200, "currency": "EUR"})  # fmt: skip
    assert inputs.budget_period == "day"
    run = drafts_for_brief({"client_name": "Harbour Lights", "objective": "awareness", "budget": "€200 per day",
                            "start_date": "2027-03-01", "end_date": "2027-03-31"}, modules=("intake",))  # fmt: skip
    assert not run.errors, run.errors
    summary = next(d for d in run.drafts["intake"] if d["kind"] == "client_summary")
    assert "200 EUR per day, 6,200 EUR over the campaign's dates" in summary["content_markdown"]
    assert (summary["metadata"]["budget_period"], summary["metadata"]["budget_per_period"]) == ("day", 200)


def test_budget_period_still_refuses_what_is_not_a_period():
    with pytest.raises(BriefError, match="'fortnight' is not one of total, day, week, month, quarter, year"):
        parse_budget(200, period="fortnight")
