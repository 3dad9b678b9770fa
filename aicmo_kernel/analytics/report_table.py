"""The computed KPI tables in Markdown: what the report shows first and what narratives cite.

``kpi_tables_markdown(facts)`` is the single rendering of the monitoring facts. The report puts
it above the narrative, and the grounding check (``analytics.grounding``) accepts a number in a
narrative only if it appears in this exact text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .kpis import KPI_LABELS, format_change, format_kpi, period_word, platform_label

__all__ = ["format_target_value", "kpi_tables_markdown"]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# What a column the data lacks takes with it (GA4 has no impressions and no spend).
_DEPENDS_ON = {
    "impressions": {"impressions", "ctr"},
    "spend": {"spend", "cpc", "cpl", "cost_per_conversion", "roas", "share_of_spend"},
}


def _unmeasured_keys(facts: dict[str, Any]) -> set[str]:
    return {key for column in facts.get("unmeasured") or () for key in _DEPENDS_ON.get(column, ())}


def _columns(facts: dict[str, Any]) -> list[str]:
    keys = ["impressions", "clicks", "leads", "spend", "ctr", "cpc", "cpl", "lead_rate"]
    if facts.get("has_conversions"):
        keys += ["conversions", "conversion_rate", "cost_per_conversion"]
    if facts.get("has_revenue"):
        keys += ["revenue", "roas"]
    gone = _unmeasured_keys(facts)
    return [key for key in keys if key not in gone]


def _label(key: str, currency: str) -> str:
    money = key in {"spend", "revenue", "cpc", "cpl", "cost_per_conversion"}
    return f"{KPI_LABELS[key]} ({currency})" if money and currency else KPI_LABELS[key]


def format_target_value(row: dict[str, Any], value: float | None) -> str:
    """A target's value in the format of the KPI it is measured as (its own unit if unmapped)."""
    if row.get("kpi"):
        return format_kpi(row["kpi"], value)
    if value is None:
        return "n/a"
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    unit = row.get("unit") or ""
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()


def kpi_tables_markdown(facts: dict[str, Any]) -> str:
    currency = str(facts.get("currency") or "")
    keys = _columns(facts)
    period = facts["period"]
    periods = facts.get("periods") or []  # rows longer than an ISO week (months, reporting ranges)
    # The data's last day is the end of its last period, not that period's first day.
    end = max([period["end"], *(p["end"] for p in periods)])
    longer = f", {len(periods)} {period_word(periods)}{'s' if len(periods) != 1 else ''}" if periods else ""
    parts = [
        (
            f"**Period:** {period['start']} to {end} ({period['rows']} rows, "
            f"{len(facts['weeks'])} ISO weeks with data{longer})"
        )
    ]
    elapsed = facts.get("elapsed")
    if facts.get("unmeasured"):
        parts.append(f"**Not measured by this data:** {', '.join(facts['unmeasured'])}, and what is computed "
                     "from them; no figure is shown for them.")
    if elapsed:
        parts.append(
            f"**Campaign elapsed by {period['end']}:** {elapsed['days']} of {elapsed['of_days']} days "
            f"({elapsed['percent']:.2f}%)"
        )
    parts.append(
        "### Totals\n\n"
        + _table(
            [_label(k, currency) for k in keys],
            [[format_kpi(k, facts["totals"].get(k)) for k in keys]],
        )
    )
    shares = [k for k in ("share_of_leads", "share_of_spend") if k not in _unmeasured_keys(facts)]
    platform_keys = [*keys, *shares]
    parts.append(
        "### By platform\n\n"
        + _table(
            ["Platform", *(_label(k, currency) for k in keys), *(KPI_LABELS.get(k, k.replace("_", " ").capitalize())
                                                                 for k in shares)],
            [
                [platform_label(p["platform"]), *(format_kpi(k, p.get(k)) for k in platform_keys)]
                for p in facts["platforms"]
            ],
        )
    )
    week_keys = [k for k in ("impressions", "clicks", "leads", "spend", "ctr", "cpl") if k not in _unmeasured_keys(facts)]
    if periods:
        parts.append(_periods_table(periods, week_keys, currency))
    if facts["weeks"] or not periods:
        parts.append(
            "### By ISO week\n\n"
            + _table(
                [
                    "Week",
                    "Week starting",
                    *(_label(k, currency) for k in week_keys),
                    "Leads vs previous week",
                ],
                [
                    [
                        w["week"],
                        w["week_start"],
                        *(format_kpi(k, w.get(k)) for k in week_keys),
                        format_change(w.get("leads_change")),
                    ]
                    for w in facts["weeks"]
                ],
            )
        )
    targets = facts.get("targets") or []
    if targets:
        parts.append(
            "### Against the strategy's KPI targets\n\n"
            + _table(
                [
                    "Target",
                    "Target value",
                    "Measured as",
                    "Actual",
                    "Expected by now (pro rata)",
                    "Gap",
                    "Status",
                ],
                [
                    [
                        t["metric"],
                        format_target_value(t, t["target"]),
                        t["measured_as"],
                        format_target_value(t, t["actual"]) if t["kpi"] else "n/a",
                        format_target_value(t, t["expected_by_now"])
                        if t["expected_by_now"] is not None
                        else "n/a",
                        _gap(t),
                        t["status"],
                    ]
                    for t in targets
                ],
            )
        )
    else:
        parts.append(
            "### Against the strategy's KPI targets\n\nThe approved strategy records no KPI targets, "
            "so nothing is compared."
        )
    return "\n\n".join(parts)


def _periods_table(periods: list[dict[str, Any]], keys: list[str], currency: str) -> str:
    word = period_word(periods)
    return f"### By {word}\n\n" + _table(
        [word.capitalize(), "From", "To", *(_label(k, currency) for k in keys), f"Leads vs previous {word}"],
        [[p["period"], p["start"], p["end"], *(format_kpi(k, p.get(k)) for k in keys), format_change(p.get("leads_change"))]
         for p in periods],
    )  # fmt: skip


def _gap(row: dict[str, Any]) -> str:
    if row["gap"] is None:
        return "n/a"
    text = format_target_value(row, abs(row["gap"]))
    return f"+{text}" if row["gap"] > 0 else f"-{text}" if row["gap"] < 0 else text
