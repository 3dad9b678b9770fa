"""Offline executive summary for the client pack, from the approved deliverables in the facts.

It restates what the approved deliverables already say (offer, audience, theme, channels, KPI
targets, calendar dates) and counts what the pack holds; it adds no number of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..phrasebook import Sentences, date_text, keeps_capitals, language_of_inputs, number, target
from ..phrasebook import quote as quote_in
from ..text import (
    days_between,
    first_sentence,
    join_human,
    length_text,
    lower_first,
    sentence,
    strip_end,
)

__all__ = ["compose_delivery"]

_CHANNELS = {
    "linkedin": "LinkedIn", "instagram": "Instagram", "x": "X", "email": "email", "facebook": "Facebook",
    "tiktok": "TikTok", "youtube": "YouTube", "blog": "the blog", "ads": "paid ads",
}  # fmt: skip
_OBJECTIVES = {
    "awareness": "make the audience aware of the brand", "consideration": "get the brand considered",
    "leads": "generate leads", "sales": "drive sales", "retention": "keep existing customers",
    "launch": "launch the offer",
}  # fmt: skip
_Tr = Callable[..., str]


def _first(items: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    for item in items:
        if item.get("kind") == kind:
            return dict(item.get("metadata") or {})
    return {}


class _Words(Sentences):
    """The summary's sentences in the campaign's first language (the strategy's), numbers and
    quotation marks as that language writes them."""

    def low(self, text: str) -> str:
        return text.strip() if keeps_capitals(self.lang) else lower_first(text)


def _what(facts: dict[str, Any], brand: str, intake: dict[str, Any], strategy: dict[str, Any], t: _Words) -> str:
    offer = strip_end(first_sentence(str(intake.get("offer") or strategy.get("offer") or "")))
    audience = strip_end(str(intake.get("audience") or strategy.get("audience") or ""))
    objective = str(intake.get("objective") or "")
    parts = [t("{campaign} is {brand}'s campaign for {audience}.", campaign=facts["campaign_title"], brand=brand,
               audience=t.low(audience)) if audience
             else t("{campaign} is {brand}'s campaign.", campaign=facts["campaign_title"], brand=brand)]  # fmt: skip
    if offer:
        parts.append(t("It puts one offer in front of them: {offer}.", offer=t.low(offer)))
    if objective:
        parts.append(t("Its objective: {objective}.",
                       objective=t(_OBJECTIVES[objective]) if objective in _OBJECTIVES else t.low(objective)))
    return " ".join(parts)


def _strategy(strategy: dict[str, Any], execution: dict[str, Any], messaging: dict[str, Any], intake: dict[str, Any],
              t: _Words) -> str | None:
    if not strategy:
        return None
    channels = [t(_CHANNELS[c]) if c in ("email", "blog", "ads") else _CHANNELS.get(c, c)
                for c in strategy.get("channels") or []]  # fmt: skip
    parts = []
    theme, weeks = strategy.get("theme"), strategy.get("duration_weeks")
    lead = (t("The strategy runs under the theme {theme}", theme=quote_in(t.lang, str(theme))) if theme
            else t("The strategy runs"))  # fmt: skip
    if weeks:  # the length by the one rule (``text.length_text``): "for 3 days", never "for 1 weeks"
        days = days_between(intake.get("start_date"), intake.get("end_date"))
        lead += " " + t("for {length}", length=length_text(int(weeks), days, t))
    if channels:
        lead += " " + t("on {channels}", channels=join_human(channels, t("and")))
    if strategy.get("budget") is not None:
        budget = f"{number(t.lang, float(strategy['budget']))} {strategy.get('currency') or ''}".rstrip()
        lead += ", " + t("within a budget of {budget}", budget=budget)
    parts.append(lead + ".")
    if messaging.get("core_message"):
        parts.append(t("Its core message: {message}", message=sentence(str(messaging["core_message"]))))
    kpis = strategy.get("kpi_targets") or execution.get("kpi_targets") or []
    if kpis:
        parts.append(t("Success is measured against the client's own targets: {targets}.",
                       targets="; ".join(target(t.lang, k) for k in kpis)))
    else:
        parts.append(t("No KPI targets were agreed at intake; they are the first thing to agree."))
    if strategy.get("decision_rules"):
        parts.append(t("{count} decision rules in the strategy say what changes if a channel or a KPI falls behind.",
                       count=len(strategy["decision_rules"])))
    return " ".join(parts)


def _contents(facts: dict[str, Any], t: _Words) -> str:
    counts = [t("{count} from {section}", count=c["count"], section=t(c["title"]).lower()) for c in facts.get("counts") or []]
    total = sum(c["count"] for c in facts.get("counts") or [])
    held = (t("This pack holds {total} approved deliverable: {counts}.", total=total, counts=join_human(counts, t("and")))
            if total == 1 else
            t("This pack holds {total} approved deliverables: {counts}.", total=total, counts=join_human(counts, t("and"))))
    return held + " " + t("Each one is the version the reviewer approved, listed with who approved it and when, and "
                          "every one has passed the pre-flight checks listed at the end of the pack.")


def _next_steps(facts: dict[str, Any], intake: dict[str, Any], execution: dict[str, Any],
                messaging: dict[str, Any], kinds: set[str], t: _Words) -> list[str]:
    steps: list[str] = []
    failed = [c["label"] for c in facts.get("checklist") or [] if not c["passed"] and c["blocking"]]
    if failed:
        steps.append(t("Before this pack is sent, fix what the pre-flight checklist flags: {failed}.",
                       failed="; ".join(lower_first(f) for f in failed)))
    if intake.get("open_questions"):
        steps.append(t("Answer the {count} open questions in the client summary.", count=len(intake["open_questions"])))
    if messaging.get("pillars"):
        steps.append(t("Send the proof each message pillar asks for (real customer examples, with permission) before "
                       "any asset quotes it."))
    start = execution.get("start_date") or facts.get("start_date")
    if "content_calendar" in kinds and start:
        steps.append(t("Confirm the launch: the content calendar starts on {start} and runs to {end}.",
                       start=date_text(t.lang, start), end=date_text(t.lang, execution["end_date"]))
                     if execution.get("end_date") else
                     t("Confirm the launch: the content calendar starts on {start}.", start=date_text(t.lang, start)))
    elif start:
        steps.append(t("Confirm the start date, {start}, and agree the content calendar.", start=date_text(t.lang, start)))
    if "utm_plan" in kinds:
        steps.append(t("Set up the tracked links from the UTM plan before the first post goes out."))
    # Under four weeks the plan is in days (``text.timeline``): a three-day festival has no "first weeks".
    days = days_between(intake.get("start_date") or execution.get("start_date"),
                        intake.get("end_date") or execution.get("end_date"))
    steps.append(t("Share the real performance data from the campaign's first days so results are measured against "
                   "the targets, not estimated.") if days is not None and days < 28 else
                 t("Share the first weeks of real performance data so results are measured against the targets, not "
                   "estimated."))
    if "governance_plan" in kinds:
        steps.append(t("Keep to the review and escalation process in the governance plan for every change."))
    return steps[:8]


def compose_delivery(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    items = facts.get("items") or []
    brand = str(facts.get("brand") or (context.get("brand") or {}).get("name") or "The client")
    intake = _first(items, "client_summary")
    strategy = _first(items, "strategy_document")
    messaging = _first(items, "messaging_framework")
    execution = _first(items, "content_calendar")
    kinds = {str(item.get("kind")) for item in items}
    t = _Words(language_of_inputs(strategy.get("language"), []) if strategy.get("language") else "en")
    paragraphs = [_what(facts, brand, intake, strategy, t)]
    brief = _strategy(strategy, execution, messaging, intake, t)
    if brief:
        paragraphs.append(brief)
    paragraphs.append(_contents(facts, t))
    theme = strip_end(str(strategy.get("theme") or facts["campaign_title"]))
    headline = (t("{theme}: the approved campaign for {brand}, ready for launch", theme=theme, brand=brand)
                if facts.get("preflight_passed", True) else
                t("{theme}: the approved campaign for {brand}, to finish before it is sent", theme=theme, brand=brand))
    return {
        "headline": headline[:200],
        "summary": paragraphs,
        "next_steps": _next_steps(facts, intake, execution, messaging, kinds, t),
    }
