"""Matching the strategy's KPI targets to the KPIs the performance data can measure.

The mapping is a short, ordered list of readable rules on the target's metric name ("cost per
trial sign-up" -> CPL, "free-trial sign-ups" -> the leads total, "CTR" -> CTR), and every target
in the report says what it was measured as. A target no rule matches, or one that needs a
column the data lacks (a conversion rate without a conversions column), is listed as "not
measured by this data" rather than compared with something that only sounds similar.

Totals (leads, spend, ...) are campaign-long targets: when the data ends before the campaign
does, they are compared with the pro-rata share of the target for the time elapsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

__all__ = ["NOT_MEASURED", "TARGET_RULES", "compare_targets", "measured_as"]

NOT_MEASURED = "not measured by this data"
# (pattern on the lower-cased metric name, KPI key, description shown in the report)
TARGET_RULES: tuple[tuple[str, str, str], ...] = (
    (r"\bcpc\b|cost[ -]per[ -]click", "cpc", "CPC: spend / clicks"),
    (r"cost[ -]per[ -](sale|customer|paid|purchase|order|conversion)", "cost_per_conversion",
     "cost per conversion: spend / conversions"),
    (r"\bcp[la]\b|cost[ -]per", "cpl", "CPL: spend / leads"),
    (r"\bctr\b|click[ -]?through", "ctr", "CTR: clicks / impressions"),
    (r"\broas\b|return on ad spend", "roas", "ROAS: revenue / spend"),
    (r"conversion|to[ -]paid|close rate|win rate", "conversion_rate", "lead-to-conversion rate: conversions / leads"),
    (r"(lead|sign[ -]?up|trial|registration).*\brate\b|\brate\b.*(lead|sign[ -]?up)", "lead_rate",
     "click-to-lead rate: leads / clicks"),
    (r"revenue|sales value", "revenue", "revenue total"),
    (r"impression", "impressions", "impressions total"),
    (r"\bclicks?\b", "clicks", "clicks total"),
    (r"\bspend\b|budget", "spend", "spend total"),
    (r"lead|sign[ -]?ups?\b|signups?|trial|registration|enquir|inquir|demo request|booking",
     "leads", "leads total"),
    (r"customer|\bsales\b|purchase|order|conversions", "conversions", "conversions total"),
)  # fmt: skip
_TOTALS = frozenset({"impressions", "clicks", "leads", "spend", "conversions", "revenue"})
_LOWER_IS_BETTER = frozenset({"cpc", "cpl", "cost_per_conversion", "spend"})
# The columns a KPI needs beyond clicks and leads, which every source has.
_NEEDS = {"conversion_rate": ("conversions",), "cost_per_conversion": ("conversions", "spend"),
          "conversions": ("conversions",), "revenue": ("revenue",), "roas": ("revenue", "spend"),
          "cpc": ("spend",), "cpl": ("spend",), "spend": ("spend",), "ctr": ("impressions",),
          "impressions": ("impressions",)}  # fmt: skip


def measured_as(metric: str, *, available: Iterable[str] = (), unmeasured: Iterable[str] = ()
                ) -> tuple[str, str] | None:
    """``(kpi_key, description)`` for a target metric name, or None if the data cannot measure it.

    ``available`` names the optional columns present (``conversions``, ``revenue``);
    ``unmeasured`` the usual ones a source lacks (``spend``, ``impressions``: GA4 has neither)."""
    name = metric.lower()
    present = (set(available) | {"spend", "impressions"}) - set(unmeasured)
    for pattern, key, description in TARGET_RULES:
        if re.search(pattern, name):
            return (key, description) if all(n in present for n in _NEEDS.get(key, ())) else None
    return None


def compare_targets(
    targets: Iterable[Mapping[str, Any]],
    totals: Mapping[str, Any],
    *,
    available: Iterable[str] = (),
    unmeasured: Iterable[str] = (),
    campaign_start: date | None = None,
    campaign_end: date | None = None,
    data_end: date | None = None,
) -> dict[str, Any]:
    """Each target with what it was measured as, the actual, the pro-rata expectation, the gap and
    a status; plus the share of the campaign elapsed (``elapsed``) when the dates are known."""
    available, unmeasured = list(available), list(unmeasured)
    elapsed = _elapsed(campaign_start, campaign_end, data_end)
    rows = []
    for target in targets:
        metric, value = str(target.get("metric") or ""), float(target.get("target") or 0)
        found = measured_as(metric, available=available, unmeasured=unmeasured)
        row: dict[str, Any] = {"metric": metric, "target": value, "unit": str(target.get("unit") or ""),
                               "kpi": None, "measured_as": NOT_MEASURED, "actual": None,
                               "expected_by_now": None, "gap": None, "status": NOT_MEASURED}  # fmt: skip
        if found is not None:
            key, description = found
            actual = totals.get(key)
            row.update(kpi=key, measured_as=description, actual=actual)
            if key in _TOTALS and elapsed is not None and elapsed["fraction"] < 1:
                row["expected_by_now"] = round(value * elapsed["fraction"], 2)
            row["gap"] = None if actual is None else round(actual - value, 2)
            row["status"] = _status(key, actual, value, row["expected_by_now"])
        rows.append(row)
    return {"targets": rows, "elapsed": elapsed}


def _elapsed(start: date | None, end: date | None, data_end: date | None) -> dict[str, Any] | None:
    if not (start and end and data_end) or end < start:
        return None
    total = (end - start).days + 1
    done = min(max((data_end - start).days + 1, 0), total)
    return {
        "days": done,
        "of_days": total,
        "fraction": done / total,
        "percent": round(done / total * 100, 2),
    }


def _status(key: str, actual: float | None, target: float, expected: float | None) -> str:
    if actual is None:
        return "n/a (no data for the ratio)"
    if key in _LOWER_IS_BETTER:
        return "on target" if actual <= target else "above target"
    if key in _TOTALS:
        if actual >= target:
            return "met"
        if expected is not None:
            return "ahead of pace" if actual >= expected else "behind pace"
        return "not met"
    return "on target" if actual >= target else "below target"
