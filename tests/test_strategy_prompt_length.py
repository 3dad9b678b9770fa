"""The model that writes the strategy is told the campaign's length and the offline plan's rule for
its checkpoints (``strategy.timing.prompt_timing``, from ``text.timeline``): a three-day event is
planned in days with nothing after day 3, a twelve-week campaign in weeks as before."""

from __future__ import annotations

import re

import pytest

from aicmo_kernel.modules import get_module
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

STRATEGY = get_module("strategy")


def _request(start: str, end: str):
    brief = {"client_name": "Riverside Family Fest", "objective": "sales", "channels": "Instagram, Facebook",
             "audience": "Families in Bristol", "offer": "Weekend family tickets", "budget": "£3,000",
             "start_date": start, "end_date": end}  # fmt: skip
    run = drafts_for_brief(brief, modules=("intake",))
    assert not run.errors, run.errors
    upstream = {"intake": run.drafts["intake"]}
    campaign = {"name": "fest", "start_date": start, "end_date": end, "channels": ["instagram", "facebook"]}
    brand = {"name": "Riverside Family Fest"}
    inputs = STRATEGY.default_inputs(brand=brand, campaign=campaign, upstream=upstream)
    facts = STRATEGY.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream)
    return STRATEGY.build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)


def _tail(request) -> str:
    return request.prompt[request.stable_prefix_chars:]


def test_a_three_day_events_prompt_plans_in_days_inside_it():
    request = _request("2027-07-16", "2027-07-18")
    assert request.context["prompt_version"] == "strategy.v4"
    tail = _tail(request)
    assert "The campaign lasts 3 days (2027-07-16 to 2027-07-18)" in tail
    assert "Plan it in days, not weeks" in tail and "by the end of day 2" in tail
    assert "fall after day 3, the campaign's last" in tail and "post every day of it" in tail
    assert not re.search(r"\bweek \d", tail), re.search(r"\bweek \d", tail)
    # the instruction itself is in the stable part, the same for every campaign
    assert "no\ncheckpoint, kill criterion, decision rule or review falls after the campaign's last day" in request.prompt


@pytest.mark.parametrize(("end", "said", "checks"), [
    ("2027-08-14", "4 weeks (30 days, 2027-07-16 to 2027-08-14)", "the halfway review in week 3"),
    ("2027-10-07", "12 weeks (2027-07-16 to 2027-10-07)", "by the end of week 4, the halfway review in week 6"),
])  # fmt: skip
def test_a_long_campaigns_prompt_plans_in_weeks(end, said, checks):
    tail = _tail(_request("2027-07-16", end))
    assert f"The campaign lasts {said}. Plan it in weeks" in tail and checks in tail
    assert f"after the campaign's last day ({end}" in tail
    assert "Plan it in days" not in tail and "end of day" not in tail and "every day of it" not in tail
