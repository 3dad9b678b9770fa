"""Leadgen's facts, computed by code before any model is asked: the file read and validated, the
ideal customer from the approved brief, every lead scored (``aicmo_kernel.leads``), the filters
applied, the campaign's window for the touches, and the brief's words the writer may draw on."""

from __future__ import annotations

from typing import Any

from ...analytics.saved_mappings import save_mapping, saved_mapping
from ...errors import NoDataError
from ...leads import (
    PEOPLE_SCORE_RULES,
    SCORE_RULES,
    TIERS,
    IdealCustomer,
    load_leads,
    median_spend,
    read_leads_text,
    reference_date,
    score_leads,
)
from ...leads.people import PERSON_COLUMNS
from ..base import Upstream
from ..phrasebook import language_of_inputs
from ..text import audience_kind, days_between, timeline, weeks_between
from .models import LeadgenInputs
from .reasons import localized_row

__all__ = ["TABLE_MAX_ROWS", "prepare"]

TABLE_MAX_ROWS = 100
_TIER_NAMES = tuple(name for name, _ in TIERS)


def _brief(upstream: Upstream, brand: dict[str, Any]) -> dict[str, Any]:
    """What the writer may draw on: the approved intake and messaging, verbatim."""
    summary = next((d.get("metadata") or {} for d in upstream.get("intake", []) if d.get("kind") == "client_summary"), {})
    messaging = next(
        (d.get("metadata") or {} for d in upstream.get("strategy", []) if d.get("kind") == "messaging_framework"), {}
    )
    language = next((m.get("language") for m in (d.get("metadata") or {} for d in upstream.get("strategy", []))
                     if m.get("language")), None)
    return {
        "language": language_of_inputs(language, [summary.get("offer"), summary.get("audience")]),
        "client": brand.get("name") or summary.get("client_name") or "",
        "offer": summary.get("offer") or "", "usp": summary.get("usp") or "",
        "audience": summary.get("audience") or "", "objective": summary.get("objective") or "",
        "pain_points": list(summary.get("pain_points") or []),
        "desired_outcomes": list(summary.get("desired_outcomes") or []),
        "objections": list(summary.get("objections") or []),
        "core_message": messaging.get("core_message") or "",
        "calls_to_action": list(messaging.get("calls_to_action") or []),
        "disclaimers": list(brand.get("disclaimers") or summary.get("disclaimers") or []),
        "website": brand.get("website") or "",
    }


def _window(campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any] | None:
    """When the outreach may run: from the campaign's first day to its last, by the strategy's one
    rule for a campaign's length (``text.timeline``); a touch's day counts from a first touch on
    the first day, so ``last_touch_day`` is the campaign's last day. None without dates or weeks."""
    days = days_between(campaign.get("start_date"), campaign.get("end_date"))
    strategy = next((d.get("metadata") or {} for d in upstream.get("strategy", [])
                     if d.get("kind") == "strategy_document"), {})
    weeks = strategy.get("duration_weeks") or weeks_between(campaign.get("start_date"), campaign.get("end_date"))
    if not weeks:
        return None
    span = timeline(int(weeks), days).days  # the days the strategy plans for; the dates' own when shorter
    span = min(span, days) if days else span
    return {"start_date": str(campaign.get("start_date") or "")[:10] or None,
            "end_date": str(campaign.get("end_date") or "")[:10] or None,
            "days": span, "last_touch_day": span - 1}


def _table_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("row", "name", "company", "title", "status", "industry", "company_size", "country",
            "last_activity", "score", "tier", "fit", "engagement", "recency", "reasons")
    people = ("person", "orders", "total_spent", "member_rating", "accepts_marketing", "purchases")
    return {key: row[key] for key in (*keys, *(people if row.get("person") else ()))}


# A person's components by the names the rules table gives them (``leads.PEOPLE_SCORE_RULES``).
_COMPONENT_NAMES = {"geography": "Geography", "orders": "Orders", "total_spent": "Total spent",
                    "accepts_marketing": "Email marketing", "member_rating": "Member rating",
                    "email_opens": "Email opens", "email_clicks": "Email clicks", "site_visits": "Site visits",
                    "replied": "Replied", "recency": "Recency"}  # fmt: skip


def _rules(scored: list[Any]) -> list[dict[str, Any]]:
    """The scoring rules the leads were scored by: for leads at companies, for people, or both
    (the people's own rules after the others) when the file holds both."""
    persons = sum(s.lead.person for s in scored)
    rules = (SCORE_RULES if persons < len(scored) else ()) + tuple(
        r for r in PEOPLE_SCORE_RULES if persons and (persons == len(scored) or r not in SCORE_RULES))
    return [{"component": name, "max_points": points, "rule": rule} for name, points, rule in rules]


def prepare(
    inputs: LeadgenInputs, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream, workspace: Any = None
) -> dict[str, Any]:
    text, source, field = read_leads_text(inputs.csv_path, inputs.csv_text)
    given = inputs.mapping()
    mapping = given
    if mapping is None and workspace is not None and campaign.get("name"):
        mapping = saved_mapping(workspace, campaign["name"], "leads")  # mapped once per brand
    icp = IdealCustomer.from_brief(upstream, brand)
    kind = audience_kind(icp.audience, brand.get("industry"))
    if kind == "consumer":  # families name no company's industry
        icp = IdealCustomer.from_brief(upstream, brand, people=True)
    # For a consumer brief, a row without a company is a person, not an error.
    lead_file = load_leads(text, field=field, mapping=mapping, people=kind == "consumer")
    if given is not None and workspace is not None and campaign.get("name"):
        save_mapping(workspace, campaign["name"], "leads", given)
    scored = score_leads(lead_file, icp)
    by_status = [s for s in scored if s.lead.status in inputs.statuses]
    kept = [s for s in by_status if s.score >= inputs.min_score]
    if not kept:
        best = max((s.score for s in by_status), default=None)
        raise NoDataError(
            f"No leads left to work on: {len(scored)} in {source}, {len(scored) - len(by_status)} left out by "
            f"status (keeping {', '.join(inputs.statuses)}), {len(by_status) - len(kept)} below the minimum score "
            f"{inputs.min_score}" + (f" (the highest is {best})" if best is not None else "")
            + ". Lower min_score or include more statuses; leadgen never invents leads.",
            field="inputs.min_score" if by_status else "inputs.statuses",
        )
    brief = _brief(upstream, brand)
    rows = [localized_row(s, brief["language"]) for s in kept]  # reasons in the documents' language
    # Whoever has said no to email marketing is not emailed: out of the plan, listed and counted instead.
    declined = [r for r in rows if r.get("accepts_marketing") is False]
    top = [r for r in rows if r.get("accepts_marketing") is not False][: inputs.max_leads]
    if not top:
        raise NoDataError(
            f"No lead to contact: the {len(rows)} qualifying {'leads have' if len(rows) > 1 else 'lead has'} not "
            "accepted email marketing, and leadgen never emails a person without their consent. Include more "
            "statuses or lower min_score, or use a file of people who accept email marketing.",
            field=field,
        )
    # People in the plan whose file records no consent either way (no such column, a blank cell): the
    # documents say so, so whoever sends checks first. Only such a plan says so.
    unrecorded = [r for r in top if r.get("person") and r.get("accepts_marketing") is None]
    consent_unrecorded = {"consent_unrecorded": {"count": len(unrecorded), "rows": [r["row"] for r in unrecorded]}
                          } if unrecorded else {}  # fmt: skip
    reference = reference_date(lead_file.leads)
    persons = [s for s in scored if s.lead.person]
    # Only a file with people says so: a B2B run's facts (and its prompt) stay as they were.
    people = {"people": {
        "in_file": len(persons), "all": len(persons) == len(scored), "possible_points": persons[0].possible,
        "median_spend": median_spend(lead_file.leads),
        "not_in_file": [_COMPONENT_NAMES[c.key] for c in persons[0].components
                        if not c.max_points and PERSON_COLUMNS[c.key] not in lead_file.unscored],
        # Only a file whose spend tells no one apart (a free event) says so: other runs' facts stay as they were.
        **({"unscored": [_COMPONENT_NAMES[c] for c in lead_file.unscored]} if lead_file.unscored else {}),
    }} if persons else {}  # fmt: skip
    # Only a plan that leaves someone out says so: other runs' facts stay as they were.
    not_contacted = {"not_contacted": {
        "reason": "no consent to email marketing", "count": len(declined),
        "leads": [{key: r[key] for key in ("row", "name", "score", "tier")} for r in declined[:TABLE_MAX_ROWS]],
    }} if declined else {}  # fmt: skip
    return {
        "source": source,
        "example_data": lead_file.example_data,
        "example_note": lead_file.example_reason,
        "file_warnings": list(lead_file.warnings),
        "reference_date": reference.isoformat() if reference else None,
        "ideal_customer": icp.as_dict(),
        "rules": _rules(scored),
        "tiers": {name: floor for name, floor in TIERS},
        "filters": {"statuses": list(inputs.statuses), "min_score": inputs.min_score, "max_leads": inputs.max_leads},
        "counts": {
            "in_file": len(scored), "left_out_by_status": len(scored) - len(by_status),
            "below_min_score": len(by_status) - len(kept), "qualifying": len(kept), "in_outreach_plan": len(top),
            "listed": min(len(kept), TABLE_MAX_ROWS),
            "by_tier": {tier: sum(r["tier"] == tier for r in rows) for tier in _TIER_NAMES},
        },
        "leads": [_table_row(r) for r in rows[:TABLE_MAX_ROWS]],
        "outreach_leads": top,
        "outreach_tiers": [t for t in _TIER_NAMES if any(r["tier"] == t for r in top)],
        # People buying for themselves get reminders and offers, not a note to a decision-maker.
        "audience_kind": kind,
        "campaign_window": _window(campaign, upstream),
        "brief": brief,
        **people,
        **not_contacted,
        **consent_unrecorded,
    }

