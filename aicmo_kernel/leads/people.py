"""Scoring people (``Lead.person``: someone buying for themselves, a row of a consumer brand's file).

A person has no job title, industry or company size, so those components are left out, not scored
as a misfit; what people's data offers is scored instead (``PEOPLE_SCORE_RULES``):

    fit         geography 5                                                  (5)
    purchases   orders 5 each (max 15), total spent 10 at or above the
                file's median among buyers, 5 below it                       (25)
    engagement  accepts email marketing 10, member rating 10 (5 stars;
                4 stars 6, 3 stars 3), email opens, clicks, site visits
                and replied as for any lead                                  (55)
    recency     as for any lead                                              (15)

The median spend (``median_spend``), like the reference date, comes from the file. A person's
score is their points as a share of the points the file's columns can give (``ScoredLead.possible``):
a component whose column the file lacks (``PERSON_COLUMNS``: a Shopify export has no member rating,
a Mailchimp one no orders) is said as not recorded and counts for nothing either way, so a shop's
best customers can be hot on what the shop knows of them. A blank cell in a column the file has
counts: no points out of its max, except in a column that tells no one apart
(``LeadFile.unscored``: a free event's total spent, 0 on every row), which counts as not recorded.
"""

from __future__ import annotations

from collections.abc import Iterable

from .components import SCORE_RULES, ScoreComponent, capped, part
from .csv_load import Lead

__all__ = ["PEOPLE_SCORE_RULES", "PERSON_COLUMNS", "marketing", "median_spend", "orders", "rating", "spent"]

# For people: no title, industry or company size; what they bought and how engaged they are instead.
PEOPLE_SCORE_RULES: tuple[tuple[str, int, str], ...] = (
    SCORE_RULES[3],
    ("Orders", 15, "5 points per order, at most 15"),
    ("Total spent", 10, "10 at or above the file's median spend among people who bought; 5 below it"),
    ("Email marketing", 10, "10 when the person accepts email marketing"),
    ("Member rating", 10, "10 for a member rating of 5 stars, 6 for 4 stars, 3 for 3 stars"),
    *SCORE_RULES[4:],
)


def median_spend(leads: Iterable[Lead]) -> float | None:
    """The median of what the people who bought spent (a spend above 0): a person's spend is
    compared with it, so it is measured against the file, like recency."""
    spends = sorted(lead.total_spent for lead in leads if lead.total_spent)
    if not spends:
        return None
    middle = len(spends) // 2
    return spends[middle] if len(spends) % 2 else (spends[middle - 1] + spends[middle]) / 2


# The column each of a person's components reads: without it in the file, the component gives nothing.
PERSON_COLUMNS = {"geography": "country", "orders": "orders", "total_spent": "total_spent",
                  "accepts_marketing": "accepts_marketing", "member_rating": "member_rating",
                  "email_opens": "email_opens", "email_clicks": "email_clicks", "site_visits": "site_visits",
                  "replied": "replied", "recency": "last_activity"}  # fmt: skip


def orders(lead: Lead) -> ScoreComponent:
    if lead.orders == 0:
        return ScoreComponent("orders", "purchases", 0, 15, "no orders yet")
    return capped("orders", lead.orders, 5, 15, ("placed {count} order", "placed {count} orders"),
                  "orders not recorded", group="purchases")


def spent(lead: Lead, median: float | None) -> ScoreComponent:
    if lead.total_spent is None:
        return ScoreComponent("total_spent", "purchases", 0, 10, "total spent not recorded")
    if not lead.total_spent:
        return ScoreComponent("total_spent", "purchases", 0, 10, "nothing spent yet")
    if median is None:
        return ScoreComponent("total_spent", "purchases", 5, 10, part("spent {spent} in total", amounts=("spent",),
                                                                      spent=lead.total_spent))
    shown = {"spent": lead.total_spent, "median": median, "amounts": ("spent", "median")}
    if lead.total_spent >= median:
        return ScoreComponent("total_spent", "purchases", 10, 10, part(
            "spent {spent} in total, at or above the file's median among people who bought ({median})", **shown))
    return ScoreComponent("total_spent", "purchases", 5, 10, part(
        "spent {spent} in total, below the file's median among people who bought ({median})", **shown))


def marketing(lead: Lead) -> ScoreComponent:
    if lead.accepts_marketing:
        return ScoreComponent("accepts_marketing", "engagement", 10, 10, "accepts email marketing")
    return ScoreComponent("accepts_marketing", "engagement", 0, 10,
                          "has not accepted email marketing" if lead.accepts_marketing is False
                          else "consent to email marketing not recorded")


def rating(lead: Lead) -> ScoreComponent:
    if lead.member_rating is None:
        return ScoreComponent("member_rating", "engagement", 0, 10, "member rating not recorded")
    points = {5: 10, 4: 6, 3: 3}.get(lead.member_rating, 0)
    return ScoreComponent("member_rating", "engagement", points, 10,
                          part("member rating {rating} of 5", rating=lead.member_rating))


