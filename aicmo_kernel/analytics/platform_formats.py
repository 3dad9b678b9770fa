"""The ad platforms' own exports, recognised by their header, and the column mapping for any other file.

Each format says which of its columns give our fields (date, platform, campaign, impressions,
clicks, leads, spend, conversions, revenue, currency), which platform it is when the file does not
say, and what it assumes (Google Ads "Conversions" are the leads of a lead-generation account;
GA4 counts sessions, not ad clicks). Those assumptions are shown as warnings on the import, so a
reviewer sees what each number was read from.

Header names are compared lower-cased with spaces collapsed, and a currency code in brackets at the
end ("Amount spent (USD)", "Cost (EUR)") is taken off the name and kept as the file's currency.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "FIELDS",
    "FORMATS",
    "ColumnMapping",
    "ExportFormat",
    "detect_format",
    "normal_header",
]

FIELDS = ("date", "platform", "campaign", "impressions", "clicks", "leads", "spend", "conversions",
          "revenue", "currency")  # fmt: skip
_CURRENCY_SUFFIX = re.compile(r"^(.*?)\s*\(([A-Za-z]{3})\)$")


def normal_header(name: str) -> tuple[str, str | None]:
    """``("amount spent", "USD")`` for "Amount spent (USD)"; ``("impr.", None)`` for "Impr."."""
    text = " ".join(name.replace("\ufeff", "").split()).lower()
    match = _CURRENCY_SUFFIX.match(text)
    if match and match[2].upper() not in {"ALL", "UTC"}:
        return match[1], match[2].upper()
    return text, None


@dataclass(frozen=True)
class ExportFormat:
    """One platform's export: ``signatures`` are sets of header names, any one of which identifies
    it; ``columns`` maps our fields to its header names, the first one present winning."""

    key: str
    name: str
    platform: str
    signatures: tuple[frozenset[str], ...]
    columns: Mapping[str, tuple[str, ...]]
    fractional_leads: bool = False
    blank_is_zero: bool = True
    # First cells of total rows and footers; a row is one only when it has no date.
    skip_prefixes: tuple[str, ...] = ("total", "grand total", "gesamt", "©", "(c)")
    # Meta's export puts a summary row (no campaign, ad set or ad name) above the named rows.
    unnamed_row_is_summary: bool = False
    assumptions: tuple[str, ...] = ()
    measures: frozenset[str] = field(default=frozenset({"impressions", "clicks", "spend"}))
    # A date column whose rows may cover a range, and the column giving the range's last day.
    period_ends: Mapping[str, str] = field(default_factory=dict)

    def matches(self, names: set[str]) -> bool:
        return any(signature <= names for signature in self.signatures)


def _sig(*names: str) -> frozenset[str]:
    return frozenset(names)


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "meta_ads", "Meta Ads Manager", "meta",
        (_sig("reporting starts", "amount spent"), _sig("campaign name", "amount spent", "impressions")),
        {"date": ("day", "reporting starts"), "platform": ("platform",),
         "campaign": ("campaign name", "ad set name", "ad name"), "impressions": ("impressions",),
         "clicks": ("link clicks", "clicks (all)"), "leads": ("leads", "results"),
         "spend": ("amount spent",), "conversions": ("purchases",),
         "revenue": ("purchases conversion value",), "currency": ("currency",)},
        assumptions=("clicks are Meta's link clicks",), unnamed_row_is_summary=True,
        period_ends={"reporting starts": "reporting ends"},
    ),
    ExportFormat(
        "google_ads", "Google Ads", "google_ads",
        (_sig("impr.", "cost"), _sig("impressions", "cost", "conversions", "campaign")),
        {"date": ("day", "date", "week", "month", "quarter", "year"), "campaign": ("campaign",),
         "impressions": ("impr.", "impressions"), "clicks": ("clicks",),
         "leads": ("conversions",), "spend": ("cost",),
         "revenue": ("conv. value", "conversion value", "all conv. value"),
         "currency": ("currency code", "currency")},
        fractional_leads=True,
        assumptions=(("Google Ads conversions are read as leads (fractions kept: the platform "
                      "splits a conversion between clicks)"),),
    ),
    ExportFormat(
        "linkedin_ads", "LinkedIn Campaign Manager", "linkedin",
        (_sig("start date (in utc)", "total spent"), _sig("campaign name", "total spent", "impressions")),
        {"date": ("start date (in utc)", "start date"), "campaign": ("campaign name", "campaign group name"),
         "impressions": ("impressions",), "clicks": ("clicks",), "leads": ("leads",),
         "spend": ("total spent",), "conversions": ("conversions", "total conversions"),
         "currency": ("currency",)},
        period_ends={"start date (in utc)": "end date (in utc)", "start date": "end date"},
    ),
    ExportFormat(
        "ga4", "Google Analytics 4", "",
        (_sig("date", "sessions", "session primary channel group (default channel group)"),
         _sig("date", "sessions", "session primary channel group"),
         _sig("date", "sessions", "session source / medium"),
         _sig("date", "sessions", "key events")),
        {"date": ("date",),
         "platform": ("session primary channel group (default channel group)",
                      "session primary channel group", "session source / medium", "session source"),
         "campaign": ("session campaign", "session campaign name"), "clicks": ("sessions",),
         "leads": ("key events", "conversions"), "revenue": ("total revenue", "purchase revenue")},
        fractional_leads=True,
        assumptions=(("GA4 counts sessions, read as clicks; it has no ad impressions or spend, so "
                      "CTR, spend and cost per lead are not measured"),
                     "GA4 key events (conversions) are read as leads"),
        measures=frozenset({"clicks"}),
    ),
    ExportFormat(
        "tiktok_ads", "TikTok Ads Manager", "tiktok",
        (_sig("clicks (destination)", "cost"), _sig("by day", "cost", "impressions"),
         _sig("stat time day", "cost", "impressions")),
        {"date": ("by day", "stat time day", "date"), "campaign": ("campaign name",),
         "impressions": ("impressions",), "clicks": ("clicks (destination)", "clicks (all)", "clicks"),
         "leads": ("leads", "results", "conversions"), "spend": ("cost", "total cost"),
         "currency": ("currency",)},
    ),
    ExportFormat(
        "microsoft_ads", "Microsoft Advertising", "microsoft_ads",
        (_sig("impr.", "spend"), _sig("gregorian date", "spend"), _sig("timeperiod", "spend")),
        {"date": ("gregorian date", "timeperiod", "day", "date"), "campaign": ("campaign name", "campaign"),
         "impressions": ("impr.", "impressions"), "clicks": ("clicks",), "leads": ("conversions", "conv."),
         "spend": ("spend",), "revenue": ("revenue",), "currency": ("currency code", "currency")},
        fractional_leads=True,
        assumptions=("Microsoft Advertising conversions are read as leads",),
    ),
)
# Our own column names: the format the workbench documents, read strictly (no blanks for 0).
GENERIC = ExportFormat(
    "workbench", "Workbench CSV", "", (),
    {name: (name,) for name in FIELDS}, blank_is_zero=False, skip_prefixes=(),
)  # fmt: skip


class ColumnMapping(BaseModel):
    """Which column of an arbitrary file gives each of our fields, chosen by the user (in the
    monitoring widget, saved per brand) or given in the inputs. Column names as the file writes
    them; ``platform`` names the platform when the file has no platform column."""

    model_config = ConfigDict(extra="forbid")

    columns: dict[str, str] = Field(
        default_factory=dict, description="our field -> the file's column, e.g. {'date': 'Tag'}"
    )
    platform: str = Field(default="", description="the platform, when no column names it")
    date_order: Literal["", "DMY", "MDY"] = Field(
        default="", description="day/month order when the dates cannot tell (01/02/2027)"
    )
    decimal_separator: Literal["", ".", ","] = Field(
        default="", description="the decimal separator when the numbers cannot tell (12.000)"
    )
    fractional_leads: bool = Field(default=False, description="leads may have fractions (conversions)")

    def as_format(self) -> ExportFormat:
        unknown = sorted(set(self.columns) - set(FIELDS))
        if unknown:
            raise ValueError(
                f"the column mapping names {', '.join(unknown)}, which "
                f"{'are not fields' if len(unknown) > 1 else 'is not a field'}; "
                f"fields are {', '.join(FIELDS)}"
            )
        return ExportFormat(
            "mapped", "column mapping", self.platform.strip().lower(), (),
            {name: (normal_header(source)[0],) for name, source in self.columns.items()},
            fractional_leads=self.fractional_leads,
        )  # fmt: skip


def detect_format(header: Sequence[str]) -> ExportFormat | None:
    """The platform export this header belongs to, or None (then our own columns are expected)."""
    names = {normal_header(name)[0] for name in header}
    return next((f for f in FORMATS if f.matches(names)), None)
