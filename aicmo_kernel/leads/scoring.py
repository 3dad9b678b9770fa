"""Transparent lead scoring: fit to the ideal customer, engagement and recency, by rules in code.

Every component gives points with a one-line reason, so a reviewer can check a score by hand:

    fit         title 20, industry 15, company size 10, geography 5      (50)
    engagement  email opens 1 each (max 5), clicks 3 each (max 9),
                site visits 2 each (max 6), replied 15                   (35)
    recency     days before the file's latest activity: <=7 15, <=30 10, <=90 5   (15)

Total 0-100; tier hot (70+), warm (45-69), cold (below 45). Recency is measured against the
latest activity date in the file, never today's date, so the same file always scores the same.
The ideal customer comes from the approved intake (audience, geography) and the brand record.

A person (``Lead.person``: someone buying for themselves, a row of a consumer brand's file) has no
job title, industry or company size, so those components are left out, not scored as a misfit;
what people's data offers is scored instead (``PEOPLE_SCORE_RULES``):

    fit         geography 5                                                  (5)
    purchases   orders 5 each (max 15), total spent 10 at or above the
                file's median among buyers, 5 below it                       (25)
    engagement  accepts email marketing 10, member rating 10 (5 stars;
                4 stars 6, 3 stars 3), email opens, clicks, site visits
                and replied as above                                         (55)
    recency     as above                                                     (15)

The median spend, like the reference date, comes from the file. A person's score is their points
as a share of the points the file's columns can give (``ScoredLead.possible``): a component whose
column the file lacks (a Shopify export has no member rating, a Mailchimp one no orders) is said
as not recorded and counts for nothing either way, so a shop's best customers can be hot on what
the shop knows of them. A blank cell in a column the file has counts: no points out of its max.

A reason is English (``reason``), and also its sentences with their blanks (``parts``: the English
sentence is a catalogue key, as in gettext, with the plural sentence when it counts something), so
a module writes it in its document's language; the components' keys stay the same in every language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .csv_load import Lead, LeadFile

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
SCORE_RULES: tuple[tuple[str, int, str], ...] = (
    ("Title", 20, "20 when the job title names a role the audience names; 10 for another senior role"),
    ("Industry", 15, "15 when the lead's industry is one the brief names"),
    ("Company size", 10, "10 when the head count overlaps the size range in the brief"),
    ("Geography", 5, "5 when the country is in the brief's geography; 2 for the same country, region unconfirmed"),
    ("Email opens", 5, "1 point per open, at most 5"),
    ("Email clicks", 9, "3 points per click, at most 9"),
    ("Site visits", 6, "2 points per visit, at most 6"),
    ("Replied", 15, "15 when the lead replied"),
    ("Recency", 15, "15 if active within 7 days of the file's latest activity, 10 within 30, 5 within 90"),
)
# For people: no title, industry or company size; what they bought and how engaged they are instead.
PEOPLE_SCORE_RULES: tuple[tuple[str, int, str], ...] = (
    SCORE_RULES[3],
    ("Orders", 15, "5 points per order, at most 15"),
    ("Total spent", 10, "10 at or above the file's median spend among people who bought; 5 below it"),
    ("Email marketing", 10, "10 when the person accepts email marketing"),
    ("Member rating", 10, "10 for a member rating of 5 stars, 6 for 4 stars, 3 for 3 stars"),
    *SCORE_RULES[4:],
)

# Roles, most specific first, so "general manager" wins over "manager".
_ROLES = (
    "general manager", "managing director", "operations manager", "owner operator", "co founder",
    "owner", "founder", "proprietor", "operator", "director", "manager", "head", "chief", "ceo", "coo",
    "cfo", "cmo", "partner", "president", "vp",
)  # fmt: skip
_SENIOR = {"owner", "founder", "co founder", "proprietor", "director", "managing director", "general manager",
           "ceo", "coo", "cfo", "cmo", "chief", "head", "partner", "president", "vp", "manager",
           "operations manager", "owner operator"}  # fmt: skip
# Words that say nothing about a customer's industry (nor roles: those are scored separately).
_GENERIC_WORDS = (
    "a an and or of with the for to in on at by from who whose that their they them our your its is are be "
    "small medium large independent local business businesse company team staff people employee customer "
    "client user member worker seat headcount site firm organisation organization sector industry market "
    "based across around about than more less up over under between starting start mainly mostly especially "
    "including plus new existing other such"
)
_STOP = frozenset(_GENERIC_WORDS.split()) | {w for role in _ROLES for w in role.split()}
_SIZE_IN_TEXT = re.compile(
    r"(\d[\d,]*)\s*(?:to|-|–)\s*(\d[\d,]*)\s*(?:staff|employees|people|team members|workers|seats|head ?count)",
    re.IGNORECASE,
)
_UK_NAMES = {"uk", "united kingdom", "great britain", "britain", "gb"}
_UK_NATIONS = {"england", "scotland", "wales", "northern ireland"}


def _plain(text: str) -> str:
    """Lower case, accents dropped, punctuation as spaces: 'Owner-operators, cafés' -> 'owner operators cafes'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxh":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_singular(w) for w in _plain(text).split()]


def _has_phrase(words: Sequence[str], phrase: str) -> bool:
    return f" {phrase} " in f" {' '.join(words)} "


# Job titles are compared by meaning: words that say the same thing become one concept, and an
# abbreviation becomes the words it stands for, so "finance controllers and CFOs" scores a
# "Financial Controller" and a "Chief Financial Officer". Extend the tables, not the matching.
_ABBREVIATIONS = {
    "cfo": "chief finance officer", "ceo": "chief executive officer", "coo": "chief operations officer",
    "cmo": "chief marketing officer", "cto": "chief technology officer", "cio": "chief technology officer",
    "cro": "chief revenue officer", "chro": "chief people officer", "vp": "vice president",
    "svp": "senior vice president", "evp": "executive vice president", "fd": "finance director",
    "md": "managing director", "gm": "general manager", "hr": "people", "it": "technology",
    "ops": "operations", "bd": "sales", "fp a": "finance planning",
}  # fmt: skip
_SYNONYMS = {
    "financial": "finance", "fin": "finance", "accounting": "finance", "account": "finance",
    "treasury": "finance", "comptroller": "controller", "controlling": "controller",
    "human": "people", "resource": "people", "talent": "people", "personnel": "people",
    "tech": "technology", "information": "technology", "engineering": "technology",
    "commercial": "sales", "revenue": "sales", "business": "sales", "development": "sales",
    "growth": "marketing", "marketer": "marketing", "brand": "marketing", "demand": "marketing",
    "operational": "operations", "operating": "operations", "purchasing": "procurement", "buyer": "procurement",
    "owner operator": "owner", "proprietor": "owner", "co": "", "founding": "founder",
}  # fmt: skip
# Words that name a job (not only a department): a phrase of the audience is a role when it has one.
_OCCUPATIONS = frozenset(
    ["controller", "accountant", "bookkeeper", "officer", "executive", "director", "manager", "head", "chief", "owner", "founder", "partner", "president", "analyst", "engineer", "developer", "planner", "administrator", "coordinator", "specialist", "lead", "consultant", "adviser", "advisor", "treasurer", "secretary", "clerk", "buyer", "recruiter", "operator", "principal"]
)
_FUNCTIONS = frozenset(["finance", "marketing", "sales", "people", "technology", "operations", "procurement", "legal"])
_ROLE_GLUE = frozenset({"of", "and", "vice", "senior", "general", "managing", "executive", "deputy", "assistant"})


@lru_cache(maxsize=4096)
def _concepts(text: str) -> frozenset[str]:
    """The meaning of a title or role: 'Financial Controller' and 'finance controllers' -> {finance, controller}.
    Remembered: a file repeats its titles, and each lead is compared with every role of the audience."""
    words = " ".join(_words(text))
    for short, long in _ABBREVIATIONS.items():
        words = re.sub(rf"\b{short}\b", long, words)
    for phrase, same in _SYNONYMS.items():
        words = re.sub(rf"\b{phrase}\b", same, words)
    return frozenset(w for w in words.split() if w and w not in {"of", "and", "the", "a", "for", "in", "at"})


def _role_phrases(audience: str) -> tuple[str, ...]:
    """The roles an audience names, as written: 'finance controllers and CFOs at manufacturers' ->
    ('finance controller', 'cfo'). A role is a run of department and job words holding a job word."""
    phrases: list[str] = []
    for part in re.split(r",|;|/|\band\b|\bor\b|&|\bat\b|\bin\b|\bwith\b|\bfor\b|\bwho\b", _plain(audience)):
        words = [_singular(w) for w in part.split()]
        run: list[str] = []
        for word in [*words, ""]:
            meaning = _concepts(word) if word else frozenset()
            if word and (meaning & (_OCCUPATIONS | _FUNCTIONS) or word in _ROLE_GLUE or word in _ABBREVIATIONS):
                run.append(word)
                continue
            while run and run[-1] in _ROLE_GLUE:
                run.pop()
            if run and _concepts(" ".join(run)) & _OCCUPATIONS:
                phrases.append(" ".join(run))
            run = []
    return tuple(dict.fromkeys(phrases))


@dataclass(frozen=True)
class IdealCustomer:
    """What a good lead looks like, derived from the approved brief (never invented)."""

    audience: str = ""
    roles: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    size_range: tuple[int, int] | None = None
    geography: str = ""

    @classmethod
    def from_brief(cls, upstream: dict[str, list[dict[str, Any]]], brand: dict[str, Any], *,
                   people: bool = False) -> IdealCustomer:
        """``people``: the audience is people buying for themselves (families, fans), so neither its
        words nor what the offer is "for" ("for families") name a lead's industry; only what the
        brand's industry is "for" does. The place the brief names is never an industry ("bristol")."""
        summary: dict[str, Any] = {}
        for item in upstream.get("intake", []):
            if item.get("kind") == "client_summary":
                summary = dict(item.get("metadata") or {})
        strategy: dict[str, Any] = {}
        for item in upstream.get("strategy", []):
            if item.get("kind") == "strategy_document":
                strategy = dict(item.get("metadata") or {})
        audience = str(summary.get("audience") or strategy.get("audience") or "")
        offer = str(summary.get("offer") or strategy.get("offer") or "")
        industry = str(summary.get("industry") or brand.get("industry") or "")
        words = _words(audience)
        roles = tuple(dict.fromkeys([*(r for r in _ROLES if _has_phrase(words, r)), *_role_phrases(audience)]))
        # The customer's industry: the audience, what the offer is "for", and the brand's "for ..." part.
        sources = [*([] if people else [audience, *re.findall(r"\bfor ([^:;,.()]+)", offer)]),
                   *re.findall(r"\bfor ([^:;,.()]+)", industry)]
        geography = str(summary.get("geography") or brand.get("geography") or "")
        excluded = {w for role in roles for w in role.split()} | set(_words(geography))
        industries = tuple(dict.fromkeys(
            w for text in sources for w in _words(text)
            if w not in _STOP and w not in excluded and not w.isdigit() and len(w) > 2
        ))
        size = _SIZE_IN_TEXT.search(f"{audience} {offer}")
        size_range = (int(size.group(1).replace(",", "")), int(size.group(2).replace(",", ""))) if size else None
        return cls(audience, roles, industries, size_range, geography)

    def as_dict(self) -> dict[str, Any]:
        return {"audience": self.audience, "roles": list(self.roles), "industries": list(self.industries),
                "size_range": list(self.size_range) if self.size_range else None, "geography": self.geography}


@dataclass(frozen=True)
class ReasonPart:
    """One sentence of a reason: ``text`` with its blanks ("opened {count} email"), ``plural`` the
    sentence for any other count ("opened {count} emails", empty when nothing is counted).
    ``quoted``: the blanks that hold a value from the file (a job title, an industry);
    ``amounts``: the blanks that hold an amount of money, written with two decimals the
    language's way (1,204.99 in English)."""

    text: str
    values: tuple[tuple[str, Any], ...] = ()
    plural: str = ""
    quoted: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()

    def english(self) -> str:
        values = dict(self.values)
        text = self.plural if self.plural and values.get("count") != 1 else self.text
        shown = {k: repr(v) if k in self.quoted else f"{v:,.2f}" if k in self.amounts else v for k, v in values.items()}
        return text.format(**shown) if values else text


def _part(text: str, plural: str = "", quoted: tuple[str, ...] = (), amounts: tuple[str, ...] = (),
          **values: Any) -> ReasonPart:  # fmt: skip
    return ReasonPart(text, tuple(values.items()), plural, quoted, amounts)


@dataclass(frozen=True, init=False)
class ScoreComponent:
    key: str
    group: str  # fit, engagement or recency
    points: int
    max_points: int
    reason: str  # in English, the parts joined
    parts: tuple[ReasonPart, ...]

    def __init__(self, key: str, group: str, points: int, max_points: int, *parts: ReasonPart | str) -> None:
        made = tuple(_part(p) if isinstance(p, str) else p for p in parts)
        for name, value in (("key", key), ("group", group), ("points", points), ("max_points", max_points),
                            ("reason", " ".join(p.english() for p in made)), ("parts", made)):
            object.__setattr__(self, name, value)


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


def median_spend(leads: Iterable[Lead]) -> float | None:
    """The median of what the people who bought spent (a spend above 0): a person's spend is
    compared with it, so it is measured against the file, like recency."""
    spends = sorted(lead.total_spent for lead in leads if lead.total_spent)
    if not spends:
        return None
    middle = len(spends) // 2
    return spends[middle] if len(spends) % 2 else (spends[middle - 1] + spends[middle]) / 2


# The column each of a person's components reads: without it in the file, the component gives nothing.
_PERSON_COLUMNS = {"geography": "country", "orders": "orders", "total_spent": "total_spent",
                   "accepts_marketing": "accepts_marketing", "member_rating": "member_rating",
                   "email_opens": "email_opens", "email_clicks": "email_clicks", "site_visits": "site_visits",
                   "replied": "replied", "recency": "last_activity"}  # fmt: skip


def score_lead(
    lead: Lead, icp: IdealCustomer, reference: date | None, spend_median: float | None = None,
    columns: Iterable[str] | None = None,
) -> ScoredLead:  # fmt: skip
    """``spend_median``: the file's (``median_spend``); without it any spend scores 5. ``columns``:
    the file's (``LeadFile.columns``); a person's components whose column is not among them count
    for nothing (max 0). Without ``columns`` every component counts."""
    engagement = (
        _capped("email_opens", lead.email_opens, 1, 5, ("opened {count} email", "opened {count} emails"),
                "no email opens recorded"),
        _capped("email_clicks", lead.email_clicks, 3, 9, ("clicked {count} email link", "clicked {count} email links"),
                "no email clicks recorded"),
        _capped("site_visits", lead.site_visits, 2, 6, ("visited the site once", "visited the site {count} times"),
                "no site visits recorded"),
        _replied(lead),
    )  # fmt: skip
    if lead.person:
        components = (_geography(lead, icp), _orders(lead), _spent(lead, spend_median), _marketing(lead),
                      _rating(lead), *engagement, _recency(lead, reference))
        if columns is not None:
            known = set(columns)
            components = tuple(c if _PERSON_COLUMNS[c.key] in known else ScoreComponent(c.key, c.group, 0, 0, *c.parts)
                               for c in components)  # fmt: skip
        return ScoredLead(lead, components)
    return ScoredLead(lead, (
        _title(lead, icp), _industry(lead, icp), _size(lead, icp), _geography(lead, icp),
        *engagement, _recency(lead, reference),
    ))


def score_leads(leads: LeadFile | Sequence[Lead], icp: IdealCustomer) -> list[ScoredLead]:
    """Every lead scored, highest score first (then file order, so ties are stable)."""
    rows = leads.leads if isinstance(leads, LeadFile) else tuple(leads)
    columns = leads.columns if isinstance(leads, LeadFile) else None
    reference, median = reference_date(rows), median_spend(rows)
    return sorted((score_lead(lead, icp, reference, median, columns) for lead in rows),
                  key=lambda s: (-s.score, s.lead.row))


def _title(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if not lead.title:  # only in a file of people (consumer brief), where a row may have a company but no title
        return ScoreComponent("title", "fit", 0, 20, "job title not recorded")
    words = _words(lead.title)
    meaning = _concepts(lead.title)
    matched = next((r for r in icp.roles if _has_phrase(words, r) or _concepts(r) <= meaning), None)
    title = {"title": lead.title, "quoted": ("title",)}
    if matched:
        return ScoreComponent("title", "fit", 20, 20, _part("title {title} is a role the audience names ({role})",
                                                            role=matched, **title))
    senior = next((r for r in _ROLES if r in _SENIOR and _has_phrase(words, r)), None)
    if senior and not icp.roles:
        return ScoreComponent("title", "fit", 10, 20, _part("title {title} is a senior role ({role}); the audience "
                                                            "names no roles", role=senior, **title))
    if senior:
        return ScoreComponent("title", "fit", 10, 20, _part("title {title} is senior ({role}) but not a role the "
                                                            "audience names ({roles})", role=senior,
                                                            roles=", ".join(icp.roles), **title))
    return ScoreComponent("title", "fit", 0, 20, _part("title {title} is not a role the audience names", **title))


def _industry(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if not lead.industry:
        return ScoreComponent("industry", "fit", 0, 15, "industry not recorded")
    if not icp.industries:
        return ScoreComponent("industry", "fit", 0, 15, "the brief names no customer industry to compare with")
    hit = next((w for w in _words(lead.industry) if w in icp.industries), None)
    industry = {"industry": lead.industry, "quoted": ("industry",)}
    if hit:
        return ScoreComponent("industry", "fit", 15, 15, _part("industry {industry} is one the brief names ({word})",
                                                               word=hit, **industry))
    return ScoreComponent("industry", "fit", 0, 15, _part("industry {industry} is not one the brief names", **industry))


def _size(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if icp.size_range is None:
        return ScoreComponent("company_size", "fit", 0, 10, "the brief gives no company size to compare with")
    if lead.size_range is None:
        return ScoreComponent("company_size", "fit", 0, 10, "company size not recorded")
    low, high = icp.size_range
    lead_low, lead_high = lead.size_range
    size = {"size": lead.company_size, "low": low, "high": high}
    if lead_low <= high and (lead_high is None or lead_high >= low):
        return ScoreComponent("company_size", "fit", 10, 10, _part("company size {size} fits {low} to {high}", **size))
    return ScoreComponent("company_size", "fit", 0, 10, _part("company size {size} is outside {low} to {high}", **size))


def _geography(lead: Lead, icp: IdealCustomer) -> ScoreComponent:
    if not icp.geography:
        return ScoreComponent("geography", "fit", 0, 5, "the brief names no geography")
    if not lead.country:
        return ScoreComponent("geography", "fit", 0, 5, "country not recorded")
    geo, country = _plain(icp.geography), _plain(lead.country)
    if f" {country} " in f" {geo} " or (country in _UK_NATIONS and any(f" {n} " in f" {geo} " for n in _UK_NAMES)):
        return ScoreComponent("geography", "fit", 5, 5, _part("{country} is in the brief's geography",
                                                              country=lead.country))
    if country in _UK_NAMES and any(f" {n} " in f" {geo} " for n in _UK_NATIONS):
        return ScoreComponent("geography", "fit", 2, 5, _part("{country}: the same country as the brief's geography, "
                                                              "region not confirmed", country=lead.country))
    return ScoreComponent("geography", "fit", 0, 5, _part("{country} is outside the brief's geography",
                                                          country=lead.country))


def _capped(key: str, count: int | None, each: int, cap: int, said: tuple[str, str], none: str,
            group: str = "engagement") -> ScoreComponent:  # fmt: skip
    """``said``: the reason for one and for several ("opened {count} email", "opened {count} emails")."""
    if not count:
        return ScoreComponent(key, group, 0, cap, none)
    points = min(cap, count * each)
    capped = (_part("(capped at {cap} points)", cap=cap),) if count * each > cap else ()
    return ScoreComponent(key, group, points, cap, _part(said[0], said[1], count=count), *capped)


def _orders(lead: Lead) -> ScoreComponent:
    if lead.orders == 0:
        return ScoreComponent("orders", "purchases", 0, 15, "no orders yet")
    return _capped("orders", lead.orders, 5, 15, ("placed {count} order", "placed {count} orders"),
                   "orders not recorded", group="purchases")


def _spent(lead: Lead, median: float | None) -> ScoreComponent:
    if lead.total_spent is None:
        return ScoreComponent("total_spent", "purchases", 0, 10, "total spent not recorded")
    if not lead.total_spent:
        return ScoreComponent("total_spent", "purchases", 0, 10, "nothing spent yet")
    if median is None:
        return ScoreComponent("total_spent", "purchases", 5, 10, _part("spent {spent} in total", amounts=("spent",),
                                                                       spent=lead.total_spent))
    shown = {"spent": lead.total_spent, "median": median, "amounts": ("spent", "median")}
    if lead.total_spent >= median:
        return ScoreComponent("total_spent", "purchases", 10, 10, _part(
            "spent {spent} in total, at or above the file's median among people who bought ({median})", **shown))
    return ScoreComponent("total_spent", "purchases", 5, 10, _part(
        "spent {spent} in total, below the file's median among people who bought ({median})", **shown))


def _marketing(lead: Lead) -> ScoreComponent:
    if lead.accepts_marketing:
        return ScoreComponent("accepts_marketing", "engagement", 10, 10, "accepts email marketing")
    return ScoreComponent("accepts_marketing", "engagement", 0, 10,
                          "has not accepted email marketing" if lead.accepts_marketing is False
                          else "consent to email marketing not recorded")


def _rating(lead: Lead) -> ScoreComponent:
    if lead.member_rating is None:
        return ScoreComponent("member_rating", "engagement", 0, 10, "member rating not recorded")
    points = {5: 10, 4: 6, 3: 3}.get(lead.member_rating, 0)
    return ScoreComponent("member_rating", "engagement", points, 10,
                          _part("member rating {rating} of 5", rating=lead.member_rating))


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
    when = (_part("last active on the file's latest activity date ({date})", date=on) if days == 0
            else _part("last active {count} day before the file's latest activity ({date})",
                       "last active {count} days before the file's latest activity ({date})", count=days, date=on))
    return ScoreComponent("recency", "recency", points, 15, when)
