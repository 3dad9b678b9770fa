"""KPIs computed by code from performance rows: totals, per platform, per ISO week (and per period).

A row whose figures cover more than one ISO week (a month, a quarter, a 30-day reporting range) is
never split into weeks: the data does not say how its figures fell. Such rows are grouped by their
own period instead (``periods``: "2027-03" for a month), and the weeks come only from rows inside
one ISO week (days, or Google Ads' Monday-to-Sunday weeks).

Ratios are defined only where their denominator is not zero; otherwise the value is ``None`` and
shows as "n/a", never as 0 or infinity. Money and percentages are rounded to two decimals once,
here, and ``format_kpi`` is the one place that turns a value into the text a table shows, so the
report, the offline narrative and the grounding check all see the same strings (written as the
report's language writes numbers: ``format_kpi(key, value, lang)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from .number_formats import decimal_text, not_available, percent_text
from .performance_csv import PerformanceRow

__all__ = [
    "KPI_LABELS",
    "PLATFORM_LABELS",
    "PLATFORM_WORDS",
    "UNMEASURABLE",
    "compute_kpis",
    "format_change",
    "format_kpi",
    "period_label",
    "period_word",
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
PLATFORM_WORDS = ("email", "blog", "ads")  # labels that are words, said in the report's language; the rest are names
_COUNTS = ("impressions", "clicks", "leads", "conversions")
_MONEY = ("spend", "revenue", "cpc", "cpl", "cost_per_conversion")
_PERCENT = ("ctr", "lead_rate", "conversion_rate")


def platform_label(platform: str, words: Callable[[str], str] | None = None) -> str:
    """A platform's name in a report: "LinkedIn", "Email", "Paid ads"; through ``words`` (the report's
    sentences, ``phrasebook.Sentences``: analytics cannot read the catalogues) in its language. Brand
    names read the same in every language; an unknown platform is title-cased, as the data names it."""
    label = PLATFORM_LABELS.get(platform)
    if label is None:
        return platform.title()
    return words(label) if words is not None and platform in PLATFORM_WORDS else label


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


def _within_one_week(row: PerformanceRow) -> bool:
    return row.end is None or _iso_week(row.date)[0] == _iso_week(row.end)[0]


def period_label(first: date, last: date) -> str:
    """"2027-03" for a calendar month, "2027-Q1" for a quarter, "2027" for a year, else the range."""
    following = last + timedelta(days=1)
    if first.day == 1 and following.day == 1:
        months = (following.year - first.year) * 12 + following.month - first.month
        if months == 1:
            return f"{first:%Y-%m}"
        if months == 3 and first.month % 3 == 1:
            return f"{first.year}-Q{first.month // 3 + 1}"
        if months == 12 and first.month == 1:
            return str(first.year)
    return f"{first.isoformat()} to {last.isoformat()}"


def period_word(periods: list[dict[str, Any]]) -> str:
    """"month" when every period is a calendar month (labelled 2027-03), "quarter" likewise, else "period"."""
    labels = [p["period"] for p in periods]
    if all(len(label) == 7 and label[4] == "-" and label[5:].isdigit() for label in labels):
        return "month"
    if all(len(label) == 7 and label[4:6] == "-Q" for label in labels):
        return "quarter"
    return "period"


def _periods(rows: Sequence[PerformanceRow], flags: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows longer than an ISO week, summed per period, each with its change in leads against the
    period just before it (when that one ends the day before this one starts)."""
    by_period: dict[tuple[date, date], list[PerformanceRow]] = {}
    for row in rows:
        by_period.setdefault((row.date, row.last_day), []).append(row)
    periods: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for first, last in sorted(by_period):
        summary = summarise(by_period[(first, last)], **flags)
        follows = previous is not None and date.fromisoformat(previous["end"]) + timedelta(days=1) == first
        summary.update(
            period=period_label(first, last), start=first.isoformat(), end=last.isoformat(),
            days=(last - first).days + 1,
            leads_change=_ratio(summary["leads"] - previous["leads"], previous["leads"], 100)
            if follows and previous else None,
        )  # fmt: skip
        periods.append(summary)
        previous = summary
    return periods


def compute_kpis(
    rows: Sequence[PerformanceRow], *, has_conversions: bool = False, has_revenue: bool = False,
    unmeasured: Iterable[str] = (),
) -> dict[str, Any]:
    """``{"totals", "platforms", "weeks"}``; platforms by leads (then name), weeks in order, each
    week with its change in leads against the previous calendar week when that week has data.
    Rows longer than an ISO week are not in the weeks; they add ``"periods"`` (see ``_periods``).
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
    longer: list[PerformanceRow] = []
    for row in rows:
        if not _within_one_week(row):
            longer.append(row)
            continue
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
    kpis: dict[str, Any] = {"totals": totals, "platforms": platforms, "weeks": weeks}
    if longer:  # only then: daily data keeps the facts it always had
        kpis["periods"] = _periods(longer, flags)
    return kpis


def format_kpi(key: str, value: float | None, lang: str = "en") -> str:
    """The text a table shows for ``value`` of KPI ``key``: 12,345 · 1,234.50 · 4.25% · n/a in
    English; 12 345 · 1 234,50 · 4,25 % in French, 12.345 · 1.234,50 · 4,25 % in Spanish and German
    (``number_formats``)."""
    if value is None:
        return not_available(lang)
    if key in _COUNTS:
        return decimal_text(int(value), lang, 0) if float(value).is_integer() else decimal_text(value, lang)
    if key in _PERCENT or key.startswith("share_of"):
        return percent_text(value, lang)
    return decimal_text(value, lang)


def format_change(value: float | None, lang: str = "en") -> str:
    """A week-over-week change: +12.50%, -8.33%, 0.00%, n/a (+12,50 % in French, Spanish, German)."""
    if value is None:
        return not_available(lang)
    return percent_text(value, lang, signed=True) if value else percent_text(0.0, lang)
