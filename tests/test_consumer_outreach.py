"""Leadgen for people buying for themselves, and for campaigns shorter than an outreach sequence.

A family festival's leads are families: they get an email, a reminder email and a last reminder
about the offer, never a LinkedIn note to a decision-maker "at" a company. Every touch falls inside
the campaign (``text.fit_days``, from the strategy's rule for a campaign's length): a three-day
event's touches on its days 0 to 2, never on day 14, also when a model planned them later. A B2B
brief's outreach stays as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aicmo_kernel.modules import get_module
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

LEADGEN = get_module("leadgen")
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
# "Touch 2, day 7", "Contact 2, jour 7", "Contacto 2, día 7", "Kontakt 2, Tag 7": the day of each touch.
TOUCH_DAY = re.compile(r"(?:Touch|Contact|Contacto|Kontakt) \d, (?:day|jour|día|Tag) (\d+)")
LINKEDIN = re.compile(r"linkedin", re.IGNORECASE)
FAMILIES = """name,company,title,email,status,country,last_activity,email_opens,email_clicks,site_visits,replied
Amy Parker,Household,Parent,amy@example.com,engaged,England,2027-07-01,5,3,4,yes
Ben Lowe,Household,Parent,ben@example.com,new,England,2027-06-28,2,1,2,no
Cara Singh,Household,Parent,cara@example.com,contacted,England,2027-06-20,1,0,1,no
Dev Patel,Household,Parent,dev@example.com,engaged,England,2027-07-02,4,2,3,no
"""
HUBSPOT = Path(__file__).parent / "data" / "leads" / "hubspot_contacts.csv"


def _festival(lang: str, start: str = "2027-07-16", end: str = "2027-07-18") -> dict:
    return {"client_name": "Riverside Family Fest", "campaign": "riverside-fest", "name": "Riverside Family Fest",
            "industry": "Family festival and live events", "geography": "Bristol, UK", "objective": "sales",
            "audience": "Families with children aged 4 to 12 living in and around Bristol",
            "offer": "Weekend family tickets, £45 for two adults and two children",
            "pain_points": ["Days out that cost a fortune once food and extras are added",
                            "Crowded venues with long queues for everything"],
            "desired_outcomes": ["A full day out where the whole family has fun"],
            "objections": ["Worried about the weather"], "budget": "£3,000", "channels": "Instagram, Facebook",
            "start_date": start, "end_date": end, "languages": LANGUAGES[lang]}  # fmt: skip


def _leadgen(brief: dict, csv_path: Path) -> list[dict]:
    run = drafts_for_brief(brief, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_path": str(csv_path), "min_score": 0}})
    assert not run.errors, run.errors
    return run.drafts["leadgen"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_three_day_festivals_families_get_reminders_inside_its_days(missing_sentences, tmp_path, lang):
    leads = tmp_path / "families.csv"
    leads.write_text(FAMILIES, encoding="utf-8")
    drafts = _leadgen(_festival(lang), leads)
    sequences = [d for d in drafts if d["kind"] == "outreach_sequence"]
    assert sequences
    for sequence in sequences:
        text = sequence["content_markdown"]
        days = [int(d) for d in TOUCH_DAY.findall(text)]
        assert len(days) == 3 and max(days) <= 2 and days == sorted(days), (lang, days)
        meta = sequence["metadata"]
        assert max(meta[t]["day"] for t in ("email", "linkedin", "follow_up")) <= 2
        assert not LINKEDIN.search(text), (lang, text)  # families are emailed, not messaged on LinkedIn
        assert "Household" not in text  # a person, not "Parent at Household"
        assert "2027" in text  # the campaign's dates anchor day 0
    scored = next(d for d in drafts if d["kind"] == "scored_leads")["content_markdown"]
    assert "two working days" not in scored and "Household:" not in scored
    assert not missing_sentences, sorted(missing_sentences)


def test_a_one_day_launch_sends_every_touch_on_its_day(tmp_path):
    leads = tmp_path / "families.csv"
    leads.write_text(FAMILIES, encoding="utf-8")
    drafts = _leadgen(_festival("en", "2027-07-17", "2027-07-17"), leads)
    for sequence in (d for d in drafts if d["kind"] == "outreach_sequence"):
        assert [int(d) for d in TOUCH_DAY.findall(sequence["content_markdown"])] == [0, 0, 0]


def test_a_model_touch_after_the_last_day_is_moved_to_it(tmp_path):
    """A model's sequence planned over two weeks for a three-day event: rendered inside its days,
    and the moves are listed in the metadata."""
    leads = tmp_path / "families.csv"
    leads.write_text(FAMILIES, encoding="utf-8")
    run = drafts_for_brief(_festival("en"), modules=("intake", "strategy"))
    upstream = {m: items for m, items in run.drafts.items()}
    campaign = {"name": "riverside-fest", "start_date": "2027-07-16", "end_date": "2027-07-18"}
    brand = {"name": "Riverside Family Fest", "industry": "Family festival and live events"}
    inputs = {"csv_path": str(leads), "min_score": 0}
    facts = LEADGEN.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream)
    assert facts["campaign_window"]["last_touch_day"] == 2 and facts["audience_kind"] == "consumer"
    touch = lambda day: {"day": day, "subject": "A note", "message": "Hello, the festival is on."}
    sequence = {"angle": "Remind them", "email": touch(0), "linkedin": touch(7), "follow_up": touch(14)}
    output = {"lead_notes": [], "sequences": {tier: sequence for tier in facts["outreach_tiers"]},
              "lead_magnets": [{"title": "Planner", "format": "Checklist", "pain": "Queues", "outline": ["Plan"],
                                "cta": "Book"}] * 2}  # fmt: skip
    items = LEADGEN.to_deliverables(output, inputs=inputs, brand=brand, campaign=campaign, facts=facts)
    for item in (i for i in items if i.kind == "outreach_sequence"):
        assert [int(d) for d in TOUCH_DAY.findall(item.content_markdown)] == [0, 2, 2]
        assert item.metadata["touch_days_moved"] == [{"touch": "linkedin", "from_day": 7, "to_day": 2},
                                                     {"touch": "follow_up", "from_day": 14, "to_day": 2}]


def test_the_prompt_says_who_the_leads_are_and_the_last_day(tmp_path):
    leads = tmp_path / "families.csv"
    leads.write_text(FAMILIES, encoding="utf-8")
    run = drafts_for_brief(_festival("en"), modules=("intake", "strategy"))
    campaign = {"name": "riverside-fest", "start_date": "2027-07-16", "end_date": "2027-07-18"}
    brand = {"name": "Riverside Family Fest", "industry": "Family festival and live events"}
    inputs = {"csv_path": str(leads), "min_score": 0}
    facts = LEADGEN.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=run.drafts)
    request = LEADGEN.build_request(inputs, brand=brand, campaign=campaign, upstream=run.drafts, facts=facts)
    assert request.context["prompt_version"] == "leadgen.v4"
    assert '"audience_kind": "consumer"' in request.prompt and '"last_touch_day": 2' in request.prompt
    assert "no day may be greater than `campaign_window.last_touch_day`" in request.prompt


B2B = {"client_name": "Northwind Ledger", "industry": "Month-end close software for mid-sized manufacturers",
       "audience": "Finance controllers and CFOs at manufacturers with 200 to 2,000 staff",
       "offer": "A 30-day pilot of automated reconciliations", "objective": "Leads", "channels": "LinkedIn",
       "pain_points": ["Month-end close takes twelve working days"], "geography": "UK and Ireland",
       "start_date": "2027-03-01", "end_date": "2027-05-31", "budget": "GBP 45,000"}  # fmt: skip


def test_a_b2b_briefs_outreach_is_as_before():
    """Guard: a business audience keeps its email, LinkedIn message and follow-up on the usual
    days, each lead named with their title and company, and no note on the campaign's days."""
    run = drafts_for_brief(B2B, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_path": str(HUBSPOT), "min_score": 0, "max_leads": 50}})
    assert not run.errors, run.errors
    sequences = {d["metadata"]["tier"]: d for d in run.drafts["leadgen"] if d["kind"] == "outreach_sequence"}
    assert sequences
    usual = {"hot": [0, 2, 5], "warm": [0, 4, 10], "cold": [0, 7, 14]}
    for tier, sequence in sequences.items():
        text = sequence["content_markdown"]
        assert [int(d) for d in TOUCH_DAY.findall(text)] == usual[tier]
        assert f"Touch 2, day {usual[tier][1]}: LinkedIn message" in text and "Hello, I work with Northwind" in text
        assert " at " in text.split("## Touch 1")[0]  # "Name, Title at Company (score ...)"
        assert "The campaign runs from" not in text and "touch_days_moved" not in sequence["metadata"]


@pytest.mark.parametrize("days", range(1, 30))
def test_fitted_touch_days_stay_in_order_inside_the_campaign(days):
    from aicmo_kernel.modules.text import fit_days

    for offsets in ((0, 2, 5), (0, 4, 10), (0, 7, 14)):
        fitted = fit_days(offsets, days)
        assert list(fitted) == sorted(fitted) and fitted[0] == 0 and max(fitted) <= days - 1, (days, fitted)
        if max(offsets) <= days - 1:
            assert fitted == offsets  # a sequence that fits is left as planned
