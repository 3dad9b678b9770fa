"""Transparent lead scoring: fit to the ideal customer, engagement and recency, by rules in code.

Every component gives points with a one-line reason, so a reviewer can check a score by hand:

    fit         title 20, industry 15, company size 10, geography 5      (50)
    engagement  email opens 1 each (max 5), clicks 3 each (max 9),
                site visits 2 each (max 6), replied 15                   (35)
    recency     days before the file's latest activity: <=7 15, <=30 10, <=90 5   (15)

Total 0-100; tier hot (70+), warm (45-69), cold (below 45). Recency is measured against the
latest activity date in the file, never today's date, so the same file always scores the same.
The ideal customer comes from the approved intake (audience, geography) and the brand record.
A person (``Lead.person``) is scored on what they bought and how engaged they are instead of
title, industry and size (``people``); the rules and reasons are in ``components``, the ideal
customer in ``ideal_customer``, countries in ``countries``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import people
from .components import SCORE_RULES, ReasonPart, ScoreComponent, capped, part
from .countries import country_of, places_in
from .csv_load import Lead, LeadFile
from .ideal_customer import (
    ROLES,
    SENIOR_ROLES,
    IdealCustomer,
    concepts,
    has_phrase,
    plain,
    words_of,
)
from .people import PEOPLE_SCORE_RULES, PERSON_COLUMNS, median_spend

__all__ = [
    "PEOPLE_SCORE_RULES",
    "SCORE_RULES",
    "TIERS",
    "IdealCustomer",
    "ReasonPart",
    "ScoreComponent",
    "ScoredLead",
    "median_spend",
    "reference_date",
    "score_lead",
    "score_leads",
    "tier_for",
]

TIERS = (("hot", 70), ("warm", 45), ("cold", 0))


@dataclass(frozen=True)
class ScoredLead:
    lead: Lead
    components: tuple[ScoreComponent, ...]
    score: int = field(init=False)
    tier: str = field(init=False)

    def __post_init__(self) -> None:
        points = sum(c.points for c in self.components)
        if self.lead.person:  # a share of what the file's columns can give (the module's docstring)
            total = (points * 100 + self.possible // 2) // self.possible if self.possible else 0
        else:
            total = max(0, min(100, points))
        object.__setattr__(self, "score", total)
        object.__setattr__(self, "tier", tier_for(total))

    @property
    def possible(self) -> int:
        """The points the components can give: 100 for a lead at a company, for a person only the
        components whose column the file has."""
        return sum(c.max_points for c in self.components)

    def group_points(self, group: str) -> int:
        return sum(c.points for c in self.components if c.group == group)

    def as_row(self) -> dict[str, Any]:
        """The lead as plain data for facts and metadata (no email address: it stays in the file);
        a person's row also says what they bought and whether they accept email marketing."""
        lead = self.lead
        row = {
            "row": lead.row, "name": lead.name, "company": lead.company, "title": lead.title,
            "status": lead.status, "industry": lead.industry, "company_size": lead.company_size,
            "country": lead.country, "source": lead.source,
            "last_activity": lead.last_activity.isoformat() if lead.last_activity else None,
            "score": self.score, "tier": self.tier, "fit": self.group_points("fit"),
            "engagement": self.group_points("engagement"), "recency": self.group_points("recency"),
            "reasons": [c.reason for c in self.components if c.points > 0],
            "components": [
                {"key": c.key, "group": c.group, "points": c.points, "max": c.max_points, "reason": c.reason}
                for c in self.components
            ],
        }
        if lead.accepts_marketing is not None:  # said only when the file says it (a CRM export does not)
            row["accepts_marketing"] = lead.accepts_marketing
        if lead.person:
            row.update({"person": True, "orders": lead.orders, "total_spent": lead.spent or None,
                        "member_rating": lead.member_rating, "accepts_marketing": lead.accepts_marketing,
                        "purchases": self.group_points("purchases"),
                        "points": sum(c.points for c in self.components), "possible": self.possible})
        return row


def tier_for(score: int) -> str:
    return next(name for name, floor in TIERS if score >= floor)


def reference_date(leads: Iterable[Lead]) -> date | None:
    """The latest activity date in the file: recency is measured from it, not from today."""
    dates = [lead.last_activity for lead in leads if lead.last_activity is not None]
    return max(dates) if dates else None



def score_lead(
    lead: Lead, icp: IdealCustomer, reference: date | None, spend_median: float | None = None,
    columns: Iterable[str] | None = None,
) -> ScoredLead:  # fmt: skip
    """``spend_median``: the file's (``median_spend``); without it any spend scores 5. ``columns``:
    the file's scored columns (``LeadFile.columns`` less ``LeadFile.unscored``); a person's
    components whose column is not among them count for nothing (max 0). Without ``columns`` every
    component counts."""
    engagement = (
        capped("email_opens", lead.email_opens, 1, 5, ("opened {count} email", "opened {count} emails"),
               "no email opens recorded"),
        capped("email_clicks", lead.email_clicks, 3, 9, ("clicked {count} email link", "clicked {count} email links"),
               "no email clicks recorded"),
        capped("site_visits", lead.site_visits, 2, 6, ("visited the site once", "visited the site {count} times"),
               "no site visits recorded"),
        _replied(lead),
    )  # fmt: skip
    if lead.person:
        components = (_geography(lead, icp), people.orders(lead), people.spent(lead, spend_median),
                      people.marketing(lead), people.rating(lead), *engagement, _recency(lead, reference))
        if columns is not None:
            known = set(columns)
            components = tuple(c if PERSON_COLUMNS[c.key] in known else ScoreComponent(c.key, c.group, 0, 0, *c.parts)
                               for c in components)  # fmt: skip
        return ScoredLead(lead, components)
    return ScoredLead(lead, (
        _title(lead, icp), _industry(lead, icp), _size(lead, icp), _geography(lead, icp),
        *engagement, _recency(lead, reference),
    ))


def score_leads(leads: LeadFile | Sequence[Lead], icp: IdealCustomer) -> list[ScoredLead]:
    """Every lead scored, highest score first (then file order, so ties are stable)."""
    rows = leads.leads if isinstance(leads, LeadFile) else tuple(leads)
    columns = None
    if isinstance(leads, LeadFile):
        columns = tuple(c for c in leads.columns if c not in leads.unscored)
    reference, median = reference_date(rows), median_spend(rows)
    return sorted((score_lead(lead, icp, reference, median, columns) for lead in rows),
                  key=lambda s: (-s.score, s.lead.row))


def _title(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if not lead.title:  # only in a file of people (consumer brief), where a row may have a company but no title
        return ScoreComponent("title", "fit", 0, 20, "job title not recorded")
    words = words_of(lead.title)
    meaning = concepts(lead.title)
    matched = next((r for r in icp.roles if has_phrase(words, r) or concepts(r) <= meaning), None)
    title = {"title": lead.title, "quoted": ("title",)}
    if matched:
        return ScoreComponent("title", "fit", 20, 20, part("title {title} is a role the audience names ({role})",
                                                           role=matched, **title))
    senior = next((r for r in ROLES if r in SENIOR_ROLES and has_phrase(words, r)), None)
    if senior and not icp.roles:
        return ScoreComponent("title", "fit", 10, 20, part("title {title} is a senior role ({role}); the audience "
                                                           "names no roles", role=senior, **title))
    if senior:
        return ScoreComponent("title", "fit", 10, 20, part("title {title} is senior ({role}) but not a role the "
                                                           "audience names ({roles})", role=senior,
                                                           roles=", ".join(icp.roles), **title))
    return ScoreComponent("title", "fit", 0, 20, part("title {title} is not a role the audience names", **title))


def _industry(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if not lead.industry:
        return ScoreComponent("industry", "fit", 0, 15, "industry not recorded")
    if not icp.industries:
        return ScoreComponent("industry", "fit", 0, 15, "the brief names no customer industry to compare with")
    hit = next((w for w in words_of(lead.industry) if w in icp.industries), None)
    industry = {"industry": lead.industry, "quoted": ("industry",)}
    if hit:
        return ScoreComponent("industry", "fit", 15, 15, part("industry {industry} is one the brief names ({word})",
                                                              word=hit, **industry))
    return ScoreComponent("industry", "fit", 0, 15, part("industry {industry} is not one the brief names", **industry))


def _size(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if icp.size_range is None:
        return ScoreComponent("company_size", "fit", 0, 10, "the brief gives no company size to compare with")
    if lead.size_range is None:
        return ScoreComponent("company_size", "fit", 0, 10, "company size not recorded")
    low, high = icp.size_range
    lead_low, lead_high = lead.size_range
    size = {"size": lead.company_size, "low": low, "high": high}
    if lead_low <= high and (lead_high is None or lead_high >= low):
        return ScoreComponent("company_size", "fit", 10, 10, part("company size {size} fits {low} to {high}", **size))
    return ScoreComponent("company_size", "fit", 0, 10, part("company size {size} is outside {low} to {high}", **size))


def _geography(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    """Countries are compared as countries (``countries``): "GB" and "United Kingdom" are in "UK and
    Ireland" and in "Bristol, UK". A brief that names only a region of a country (England) gives 2
    to a lead in that country whose region is not known ("UK"). When the lead's country or the
    brief's geography names no country ISO knows ("the Midlands"), the words are compared."""
    if not icp.geography:
        return ScoreComponent("geography", "fit", 0, 5, "the brief names no geography")
    if not lead.country:
        return ScoreComponent("geography", "fit", 0, 5, "country not recorded")
    country = {"country": lead.country}
    lead_place, brief_places = country_of(lead.country), places_in(icp.geography)
    if lead_place is None or not brief_places:
        inside = f" {plain(lead.country)} " in f" {plain(icp.geography)} "
    else:
        same = [p for p in brief_places if p.country == lead_place.country]
        inside = any(p.region is None or p.region == lead_place.region for p in same)
        if not inside and same and lead_place.region is None:
            return ScoreComponent("geography", "fit", 2, 5, part("{country}: the same country as the brief's "
                                                                 "geography, region not confirmed", **country))
    if inside:
        return ScoreComponent("geography", "fit", 5, 5, part("{country} is in the brief's geography", **country))
    return ScoreComponent("geography", "fit", 0, 5, part("{country} is outside the brief's geography", **country))


def _replied(lead: Lead) -> ScoreComponent:
    if lead.replied:
        return ScoreComponent("replied", "engagement", 15, 15, "replied to outreach")
    return ScoreComponent("replied", "engagement", 0, 15,
                          "has not replied" if lead.replied is False else "replies not recorded")


def _recency(lead: Lead, reference: date | None) -> ScoreComponent:
    if lead.last_activity is None or reference is None:
        return ScoreComponent("recency", "recency", 0, 15, "no last activity date")
    days = (reference - lead.last_activity).days
    points = 15 if days <= 7 else 10 if days <= 30 else 5 if days <= 90 else 0
    on = reference.isoformat()
    when = (part("last active on the file's latest activity date ({date})", date=on) if days == 0
            else part("last active {count} day before the file's latest activity ({date})",
                      "last active {count} days before the file's latest activity ({date})", count=days, date=on))
    return ScoreComponent("recency", "recency", points, 15, when)
