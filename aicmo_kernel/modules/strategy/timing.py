"""The strategy's dates by the campaign's real length (``text.timeline``, the one rule): the budget
per day or week, the baseline, the kill criteria, the decision rules' checks and the review
cadence, and each channel's posting cadence. A three-day event is planned in days ("days 1 to 2",
"by the end of day 2", "a fuller review after the campaign"), a ten-day sale in days too, a
six-month campaign in weeks; no check or review falls after the campaign's last day. A campaign
under a week (``text.in_days``) posts every day of it on the social channels, sends one email (or
one a day at most over a few days) and keeps paid ads running throughout; from a week up each
channel keeps its standing cadence (``composer.CHANNEL_PLAYBOOK``).
"""

from __future__ import annotations

import math
from typing import Any

from ..text import budget_rate, in_days, length_text, timeline

__all__ = ["SHORT_CADENCE", "baseline_point", "budget_point", "channel_cadence", "halfway_rule", "kill_criteria",
           "pace_rule", "prompt_timing", "ratio_rule", "review_cadence"]  # fmt: skip

# A channel's cadence for a campaign under a week: every day of it on the social channels (execution
# reads "a day" as seven a week, so each day gets its post). Email and paid ads: ``channel_cadence``.
SHORT_CADENCE = {
    "linkedin": "One post a day.",
    "instagram": "One post a day, plus stories through the day.",
    "x": "One post a day, plus replies through the day.",
    "facebook": "One post a day; ads running throughout.",
    "tiktok": "One short video a day.",
    "youtube": "One video during the campaign.",
    "blog": "One article during the campaign.",
    "ads": "Running throughout the campaign.",
}


def _when(f: Any) -> str:
    """When the checkpoint falls, said mid-sentence: "the end of day 2", or "midday" for a
    one-day campaign (the end of its only day is the end of the campaign)."""
    return f.t("midday") if f.plan.length == 1 else f.t("the end of day {day}", day=f.plan.checkpoint)


def channel_cadence(f: Any, channel: str, standing: str) -> str:
    """How often ``channel`` posts, in English (the composer says it in the brief's language): its
    ``standing`` cadence from a week up, ``SHORT_CADENCE`` under a week; email sends once on a
    one-day campaign and at most once a day over a few days."""
    if not in_days(f.weeks, f.days):
        return standing
    if channel == "email":
        return ("One email to opted-in contacts." if f.days == 1
                else "One email a day at most to opted-in contacts.")  # fmt: skip
    return SHORT_CADENCE.get(channel, standing)


def budget_point(f: Any, budget: float, currency: str) -> str:
    if in_days(f.weeks, f.days) and f.days == 1:
        return f.t("Budget: {budget} for {length}. Confirm with the client how much of it is ad spend.",
                   budget=f.budget_text(), length=f.length)
    unit, rate = budget_rate(budget, f.weeks, f.days)
    if unit == "day":
        return f.t("Budget: {budget} over {length}, about {daily} {currency} a day. Confirm with the client how much "
                   "of it is ad spend.", budget=f.budget_text(), length=f.length, daily=f.n(round(rate)),
                   currency=currency)
    return f.t("Budget: {budget} over {length}, about {weekly} {currency} a week. Confirm with the "
               "client how much of it is ad spend.", budget=f.budget_text(), length=f.length,
               weekly=f.n(round(rate)), currency=currency)


def baseline_point(f: Any) -> str:
    if f.plan.unit == "week":
        return f.t("The brief gives no current numbers (traffic, conversion, cost per result), so weeks 1 to "
                   "{checkpoint} establish the baseline.", checkpoint=f.checkpoint)
    if f.plan.baseline == 1:
        return f.t("The brief gives no current numbers (traffic, conversion, cost per result), so the first day "
                   "establishes the baseline.")
    return f.t("The brief gives no current numbers (traffic, conversion, cost per result), so days 1 to {last} "
               "establish the baseline.", last=f.plan.baseline)


def kill_criteria(f: Any, channel: str, result: str) -> str:
    if f.plan.unit == "week":
        return f.t("If by the end of week {week} {channel} has produced no {result} while posting as planned, pause "
                   "it and move its time and budget to the channel with the most {result} so far.",
                   week=f.checkpoint, channel=channel, result=result)
    return f.t("If by {when} {channel} has produced no {result} while posting as planned, pause it and move its "
               "time and budget to the channel with the most {result} so far.",
               when=_when(f), channel=channel, result=result)


def ratio_rule(f: Any, metric: str, target: str) -> str:
    if f.plan.unit == "week":
        return f.t("If {metric} is off its target ({target}) at the week-{week} review, find where people drop out "
                   "(landing page, offer, follow-up) before adding spend.", metric=metric, target=target,
                   week=f.checkpoint)
    return f.t("If {metric} is off its target ({target}) at the check at {when}, find where people drop out "
               "(landing page, offer, follow-up) before adding spend.", metric=metric, target=target, when=_when(f))


def pace_rule(f: Any, metric: str, target: float) -> str:
    """A count is whole: "below 67 sign-ups", never "below 66.7"; its share is the checkpoint's
    share of the campaign (half of it at midday of a one-day campaign)."""
    if f.plan.unit == "week":
        pace = f.n(math.ceil(target * f.checkpoint / f.weeks))
        return f.t("If {metric} is below {pace} by the end of week {week} (a straight-line share of the {target} "
                   "target), shift effort to the channel with the most results so far and replace the weakest "
                   "creative.", metric=metric, pace=pace, week=f.checkpoint, target=f.n(target))
    share = 0.5 if f.plan.length == 1 else f.plan.checkpoint / f.plan.length
    return f.t("If {metric} is below {pace} by {when} (a straight-line share of the {target} target), shift effort "
               "to the channel with the most results so far and replace the weakest creative.", metric=metric,
               pace=f.n(math.ceil(target * share)), when=_when(f), target=f.n(target))


def halfway_rule(f: Any) -> str:
    if f.plan.unit == "week":
        return f.t("If every KPI is on track at the halfway review (week {week}), keep the channel mix and test one "
                   "new hook a week instead of changing channels.", week=f.midpoint)
    if f.plan.midpoint:
        return f.t("If every KPI is on track at the halfway review (day {day}), keep the channel mix and test one "
                   "new hook instead of changing channels.", day=f.plan.midpoint)
    return f.t("If every KPI is on track at {when}, keep the channel mix to the end and put the rest of the budget "
               "behind the posts that work best.", when=_when(f))


def review_cadence(f: Any) -> str:
    if f.plan.unit == "week":
        return f.t("A weekly look at the numbers, and fuller reviews with the client at weeks {checkpoint} and "
                   "{midpoint}.", checkpoint=f.checkpoint, midpoint=f.midpoint)
    if f.plan.length == 1:
        return f.t("A look at the numbers through the day, a check with the client at {when}, and a fuller review "
                   "after the campaign.", when=_when(f))
    if f.plan.midpoint:
        return f.t("A daily look at the numbers, reviews with the client at the end of days {checkpoint} and "
                   "{midpoint}, and a fuller review after the campaign.", checkpoint=f.plan.checkpoint,
                   midpoint=f.plan.midpoint)
    return f.t("A daily look at the numbers, a check with the client at {when}, and a fuller review after the "
               "campaign.", when=_when(f))


def prompt_timing(weeks: int, days: int | None, start: str | None = None, end: str | None = None) -> dict[str, Any]:
    """The campaign's length and the plan's checkpoints for the model's prompt, by the rule the
    offline plan follows (``text.timeline``): the numbers, and ``rule``, an instruction in plain
    English. A three-day event is planned in days (checks by the end of day 2, a fuller review
    after it), a six-month campaign in weeks; nothing after the campaign's last day."""
    plan = timeline(weeks, days)
    length = length_text(weeks, days)
    count = f"{days} days, " if days and days % 7 and not length.endswith(" days") else ""
    dates = f" ({count}{start} to {end})" if start and end and start != end else (f" (on {start})" if start else "")
    facts: dict[str, Any] = {"start_date": start, "end_date": end, "days": days, "duration_weeks": weeks,
                             "length": length, "plan_in": f"{plan.unit}s", "plan_length": plan.length,
                             "first_check": plan.checkpoint, "halfway_review": plan.midpoint}
    if plan.unit == "week":
        facts["rule"] = (
            f"The campaign lasts {length}{dates}. Plan it in weeks: weeks 1 to {plan.checkpoint} set the baseline, "
            f"kill criteria and the first pace check fall by the end of week {plan.checkpoint}, the halfway review "
            f"in week {plan.midpoint}. No cadence, check, kill criterion, decision rule or review may fall after "
            + (f"the campaign's last day ({end}, in week {plan.length})." if end else f"week {plan.length}, the "
               "campaign's last."))
        return facts
    if plan.length == 1:
        checks = ("the check with the client is at midday, and the fuller review after the campaign; "
                  "each channel posts or sends once or a few times that day")
    else:
        review = (f"a halfway review at the end of day {plan.midpoint}" if plan.midpoint
                  else "no halfway review (none fits before the last day)")
        baseline = "day 1 sets" if plan.baseline == 1 else f"days 1 to {plan.baseline} set"
        checks = (f"{baseline} the baseline, kill criteria and the first pace check fall by the end "
                  f"of day {plan.checkpoint}, {review}, a daily look at the numbers and a fuller review after the "
                  "campaign")
    cadence = (" Under a week, the social channels post every day of it and email sends at most once a day."
               if in_days(weeks, days) else "")
    facts["rule"] = (
        f"The campaign lasts {length}{dates}. Plan it in days, not weeks, and name no week number: {checks}.{cadence} "
        f"No cadence, check, kill criterion, decision rule or review may fall after day {plan.length}, the "
        "campaign's last.")
    return facts
