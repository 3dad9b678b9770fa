"""Offline executive summary for the client pack, from the approved deliverables in the facts.

It restates what the approved deliverables already say (offer, audience, theme, channels, KPI
targets, calendar dates) and counts what the pack holds; it adds no number of its own.
"""

from __future__ import annotations

from typing import Any

from ..fields import format_number, format_target
from ..text import first_sentence, join_human, lower_first, sentence, strip_end

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


def _first(items: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    for item in items:
        if item.get("kind") == kind:
            return dict(item.get("metadata") or {})
    return {}


def _what(facts: dict[str, Any], brand: str, intake: dict[str, Any], strategy: dict[str, Any]) -> str:
    offer = strip_end(first_sentence(str(intake.get("offer") or strategy.get("offer") or "")))
    audience = strip_end(str(intake.get("audience") or strategy.get("audience") or ""))
    objective = str(intake.get("objective") or "")
    parts = [f"{facts['campaign_title']} is {brand}'s campaign"
             + (f" for {lower_first(audience)}" if audience else "") + "."]
    if offer:
        parts.append(f"It puts one offer in front of them: {lower_first(offer)}.")
    if objective:
        parts.append(f"Its objective: {_OBJECTIVES.get(objective, lower_first(objective))}.")
    return " ".join(parts)


def _strategy(strategy: dict[str, Any], execution: dict[str, Any], messaging: dict[str, Any]) -> str | None:
    if not strategy:
        return None
    channels = [_CHANNELS.get(c, c) for c in strategy.get("channels") or []]
    parts = []
    theme = strategy.get("theme")
    weeks = strategy.get("duration_weeks")
    lead = f"The strategy runs under the theme \u201c{strip_end(str(theme))}\u201d" if theme else "The strategy runs"
    if weeks:
        lead += f" for {weeks} weeks"
    if channels:
        lead += f" on {join_human(channels)}"
    if strategy.get("budget") is not None:
        lead += f", within a budget of {format_number(float(strategy['budget']))} {strategy.get('currency') or ''}".rstrip()
    parts.append(lead + ".")
    if messaging.get("core_message"):
        parts.append(f"Its core message: {sentence(str(messaging['core_message']))}")
    kpis = strategy.get("kpi_targets") or execution.get("kpi_targets") or []
    if kpis:
        parts.append("Success is measured against the client's own targets: "
                     + "; ".join(format_target(k) for k in kpis) + ".")
    else:
        parts.append("No KPI targets were agreed at intake; they are the first thing to agree.")
    if strategy.get("decision_rules"):
        parts.append(f"{len(strategy['decision_rules'])} decision rules in the strategy say what changes "
                     "if a channel or a KPI falls behind.")
    return " ".join(parts)


def _contents(facts: dict[str, Any]) -> str:
    counts = [f"{c['count']} from {c['title'].lower()}" for c in facts.get("counts") or []]
    total = sum(c["count"] for c in facts.get("counts") or [])
    return (f"This pack holds {total} approved deliverable{'s' if total != 1 else ''}: {join_human(counts)}. "
            "Each one is the version the reviewer approved, listed with who approved it and when, "
            "and every one has passed the pre-flight checks listed at the end of the pack.")


def _next_steps(facts: dict[str, Any], intake: dict[str, Any], execution: dict[str, Any],
                messaging: dict[str, Any], kinds: set[str]) -> list[str]:
    steps: list[str] = []
    failed = [c["label"] for c in facts.get("checklist") or [] if not c["passed"] and c["blocking"]]
    if failed:
        steps.append("Before this pack is sent, fix what the pre-flight checklist flags: "
                     + "; ".join(lower_first(f) for f in failed) + ".")
    if intake.get("open_questions"):
        steps.append(f"Answer the {len(intake['open_questions'])} open questions in the client summary.")
    if messaging.get("pillars"):
        steps.append("Send the proof each message pillar asks for (real customer examples, with permission) "
                     "before any asset quotes it.")
    start = execution.get("start_date") or facts.get("start_date")
    if "content_calendar" in kinds and start:
        steps.append(f"Confirm the launch: the content calendar starts on {start}"
                     + (f" and runs to {execution['end_date']}." if execution.get("end_date") else "."))
    elif start:
        steps.append(f"Confirm the start date, {start}, and agree the content calendar.")
    if "utm_plan" in kinds:
        steps.append("Set up the tracked links from the UTM plan before the first post goes out.")
    steps.append("Share the first weeks of real performance data so results are measured against the "
                 "targets, not estimated.")
    if "governance_plan" in kinds:
        steps.append("Keep to the review and escalation process in the governance plan for every change.")
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
    paragraphs = [_what(facts, brand, intake, strategy)]
    brief = _strategy(strategy, execution, messaging)
    if brief:
        paragraphs.append(brief)
    paragraphs.append(_contents(facts))
    theme = strategy.get("theme") or facts["campaign_title"]
    status = "ready for launch" if facts.get("preflight_passed", True) else "to finish before it is sent"
    return {
        "headline": f"{strip_end(str(theme))}: the approved campaign for {brand}, {status}"[:200],
        "summary": paragraphs,
        "next_steps": _next_steps(facts, intake, execution, messaging, kinds),
    }
