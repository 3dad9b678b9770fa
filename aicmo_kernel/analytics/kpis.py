"""KPIs computed by code from performance rows: totals, per platform, per ISO week.

Ratios are defined only where their denominator is not zero; otherwise the value is ``None`` and
shows as "n/a", never as 0 or infinity. Money and percentages are rounded to two decimals once,
here, and ``format_kpi`` is the one place that turns a value into the text a table shows, so the
report, the offline narrative and the grounding check all see the same strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from .performance_csv import PerformanceRow

__all__ = [
    "UNMEASURABLE",
    "KPI_LABELS",
    "PLATFORM_LABELS",
    "compute_kpis",
    "format_change",
    "format_kpi",
    "platform_label",
    "summarise",
]

KPI_LABELS = {
    "impressions": "Impressions", "clicks": "Clicks", "leads": "Leads", "spend": "Spend",
    "conversions": "Conversions", "revenue": "Revenue", "ctr": "CTR", "cpc": "CPC", "cpl": "CPL",
    "lead_rate": "Click-to-lead rate", "conversion_rate": "Lead-to-conversion rate",
    "cost_per_conversion": "Cost per conversion", "roas": "ROAS",
}  # fmt: skip
PLATFORM_LABELS = {
    "linkedin": "LinkedIn", "instagram": "Instagram", "x": "X", "email": "Email", "facebook": "Facebook",
    "tiktok": "TikTok", "youtube": "YouTube", "blog": "Blog", "ads": "Paid ads", "meta": "Meta",
    "google_ads": "Google Ads", "microsoft_ads": "Microsoft Advertising",
}  # fmt: skip
_COUNTS = ("impressions", "clicks", "leads", "conversions")
_MONEY = ("spend", "revenue", "cpc", "cpl", "cost_per_conversion")
_PERCENT = ("ctr", "lead_rate", "conversion_rate")


def platform_label(platform: str) -> str:
    return PLATFORM_LABELS.get(platform, platform.title())


def _ratio(numerator: float | None, denominator: float | None, scale: float = 1.0) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator * scale, 2)


def _count(total: float) -> int | float:
    """A count as a whole number when it is one; Google Ads' fractional conversions keep 2 decimals."""
    rounded = round(total, 2)
    return int(rounded) if float(rounded).is_integer() else rounded


UNMEASURABLE = ("impressions", "spend")  # columns a source may lack (GA4 has neither)


def summarise(
    rows: Iterable[PerformanceRow], *, has_conversions: bool, has_revenue: bool,
    unmeasured: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Sums and ratios over ``rows``. A column in ``unmeasured`` is not in the data: its total and
    every ratio built on it are None ("not measured"), never a 0 the data did not say."""
    rows = list(rows)
    impressions = None if "impressions" in unmeasured else sum(r.impressions for r in rows)
    clicks = sum(r.clicks for r in rows)
    leads = _count(sum(r.leads for r in rows))  # fractional where a platform splits conversions
    spend = None if "spend" in unmeasured else round(sum(r.spend for r in rows), 2)
    out: dict[str, Any] = {
        "impressions": impressions, "clicks": clicks, "leads": leads, "spend": spend,
        "ctr": _ratio(clicks, impressions, 100), "cpc": _ratio(spend, clicks), "cpl": _ratio(spend, leads),
        "lead_rate": _ratio(leads, clicks, 100),
    }  # fmt: skip
    if has_conversions:
        conversions = _count(sum(r.conversions or 0 for r in rows))
        out.update(
            conversions=conversions,
            conversion_rate=_ratio(conversions, leads, 100),
            cost_per_conversion=_ratio(spend, conversions),
        )
    if has_revenue:
        revenue = round(sum(r.revenue or 0.0 for r in rows), 2)
        out.update(revenue=revenue, roas=_ratio(revenue, spend))
    return out


def _iso_week(day: date) -> tuple[str, date]:
    year, week, weekday = day.isocalendar()
    return f"{year}-W{week:02d}", day - timedelta(days=weekday - 1)


def compute_kpis(
    rows: Sequence[PerformanceRow], *, has_conversions: bool = False, has_revenue: bool = False,
    unmeasured: Iterable[str] = (),
) -> dict[str, Any]:
    """``{"totals", "platforms", "weeks"}``; platforms by leads (then name), weeks in order, each
    week with its change in leads against the previous calendar week when that week has data.
    ``unmeasured``: columns the data lacks (see ``summarise``)."""
    flags = {"has_conversions": has_conversions, "has_revenue": has_revenue,
             "unmeasured": frozenset(unmeasured)}
    totals = summarise(rows, **flags)
    platforms = []
    for platform in sorted({r.platform for r in rows}):
        summary = summarise((r for r in rows if r.platform == platform), **flags)
        summary["platform"] = platform
        summary["share_of_leads"] = _ratio(summary["leads"], totals["leads"], 100)
        summary["share_of_spend"] = _ratio(summary["spend"], totals["spend"], 100)
        platforms.append(summary)
    platforms.sort(key=lambda p: (-p["leads"], p["platform"]))
    by_week: dict[str, list[PerformanceRow]] = {}
    starts: dict[str, date] = {}
    for row in rows:
        label, start = _iso_week(row.date)
        by_week.setdefault(label, []).append(row)
        starts[label] = start
    weeks = []
    previous: dict[str, Any] | None = None
    for label in sorted(by_week):
        summary = summarise(by_week[label], **flags)
        consecutive = previous is not None and starts[label] - timedelta(
            days=7
        ) == date.fromisoformat(previous["week_start"])
        summary.update(
            week=label,
            week_start=starts[label].isoformat(),
            leads_change=(
                _ratio(summary["leads"] - previous["leads"], previous["leads"], 100)
                if consecutive and previous
                else None
            ),
        )
        weeks.append(summary)
        previous = summary
    return {"totals": totals, "platforms": platforms, "weeks": weeks}


def format_kpi(key: str, value: float | None) -> str:
    """The text a table shows for ``value`` of KPI ``key``: 12,345 · 1,234.50 · 4.25% · n/a."""
    if value is None:
        return "n/a"
    if key in _COUNTS:
        return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
    if key in _PERCENT or key.startswith("share_of"):
        return f"{value:.2f}%"
    return f"{value:,.2f}"


def format_change(value: float | None) -> str:
    """A week-over-week change: +12.50%, -8.33%, 0.00%, n/a."""
    if value is None:
        return "n/a"
    return f"{value:+.2f}%" if value else "0.00%"
