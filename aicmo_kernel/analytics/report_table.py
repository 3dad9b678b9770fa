"""The computed KPI tables in Markdown: what the report shows first and what narratives cite.

``kpi_tables_markdown(facts, words)`` is the single rendering of the monitoring facts. The report
puts it above the narrative, and the grounding check (``aicmo_kernel.grounding``) accepts a number
in a narrative only if it appears in this exact text, read as the report's language writes numbers.

The table is in the report's language (``facts["language"]``): its numbers through ``format_kpi``
(1 234,50 · 2,44 %), its sentences and labels through ``words``, which the monitoring module
passes in (``phrasebook.Sentences``: analytics sits below the modules and cannot read their
catalogues). Without ``words``, or in English, the text is the English table it always was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from .kpis import KPI_LABELS, format_change, format_kpi, period_word, platform_label
from .number_formats import SYMBOLS, decimal_text, not_available, percent_sign, percent_text

__all__ = ["TableWords", "format_target_value", "kpi_tables_markdown"]


class TableWords(Protocol):
    """Sentences in the report's language: ``words("Totals")``, and ``words.counted(n, one, many)``
    for a counted noun (``phrasebook.Sentences`` is one)."""

    def __call__(self, english: str, **values: object) -> str: ...

    def counted(self, count: int, one: str, many: str, **values: object) -> str: ...


class _English:
    """The table's own English words (no catalogue)."""

    def __call__(self, english: str, **values: object) -> str:
        return english.format(**values) if values else english

    def counted(self, count: int, one: str, many: str, **values: object) -> str:
        return (one if count == 1 else many).format(count=count, **values)


_ENGLISH = _English()
# Each kind of longer period's words (the English table built them from the word; a catalogue
# needs whole sentences): (heading, first column, change column, one counted, many counted).
_PERIOD_WORDS = {
    "month": ("By month", "Month", "Leads vs previous month", ", {count} month", ", {count} months"),
    "quarter": ("By quarter", "Quarter", "Leads vs previous quarter", ", {count} quarter", ", {count} quarters"),
    "period": ("By period", "Period", "Leads vs previous period", ", {count} period", ", {count} periods"),
}
_SHARE_LABELS = {"share_of_leads": "Share of leads", "share_of_spend": "Share of spend"}


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


def _label(key: str, currency: str, words: TableWords = _ENGLISH) -> str:
    money = key in {"spend", "revenue", "cpc", "cpl", "cost_per_conversion"}
    label = words(KPI_LABELS[key])
    return f"{label} ({currency})" if money and currency else label


def format_target_value(row: dict[str, Any], value: float | None, lang: str = "en") -> str:
    """A target's value in the format of the KPI it is measured as (its own unit if unmapped),
    written as ``lang`` writes numbers."""
    if row.get("kpi"):
        return format_kpi(row["kpi"], value, lang)
    if value is None:
        return not_available(lang)
    point = SYMBOLS.get(lang, SYMBOLS["en"])[1]
    number = decimal_text(value, lang).rstrip("0").rstrip(point)
    unit = row.get("unit") or ""
    if lang != "en" and unit.strip().lower() in {"count", "number", "#"}:  # a plain number, as phrasebook.target says
        unit = ""
    if unit == "%":
        return number + percent_sign(lang)
    return f"{number} {unit}".strip()


def kpi_tables_markdown(facts: dict[str, Any], words: TableWords | None = None) -> str:
    lang = str(facts.get("language") or "en")
    w = words if words is not None and lang != "en" else _ENGLISH
    lang = lang if w is not _ENGLISH else "en"  # an English table has English numbers
    na = not_available(lang)

    def kpi(key: str, value: float | None) -> str:
        return format_kpi(key, value, lang)

    currency = str(facts.get("currency") or "")
    keys = _columns(facts)
    period = facts["period"]
    periods = facts.get("periods") or []  # rows longer than an ISO week (months, reporting ranges)
    # The data's last day is the end of its last period, not that period's first day.
    end = max([period["end"], *(p["end"] for p in periods)])
    longer = w.counted(len(periods), *_PERIOD_WORDS[period_word(periods)][3:]) if periods else ""
    parts = [w("**Period:** {start} to {end} ({rows}, {weeks}{longer})", start=period["start"], end=end,
               rows=w.counted(period["rows"], "{count} row", "{count} rows"),
               weeks=w.counted(len(facts["weeks"]), "{count} ISO week with data", "{count} ISO weeks with data"),
               longer=longer)]
    elapsed = facts.get("elapsed")
    if facts.get("unmeasured"):
        parts.append(w("**Not measured by this data:** {columns}, and what is computed from them; no figure is shown "
                       "for them.", columns=", ".join(w(column) for column in facts["unmeasured"])))
    if elapsed:
        parts.append(w("**Campaign elapsed by {end}:** {days} of {of_days} days ({percent})", end=period["end"],
                       days=elapsed["days"], of_days=elapsed["of_days"], percent=percent_text(elapsed["percent"], lang)))
    parts.append(
        f"### {w('Totals')}\n\n"
        + _table(
            [_label(k, currency, w) for k in keys],
            [[kpi(k, facts["totals"].get(k)) for k in keys]],
        )
    )
    shares = [k for k in ("share_of_leads", "share_of_spend") if k not in _unmeasured_keys(facts)]
    platform_keys = [*keys, *shares]
    parts.append(
        f"### {w('By platform')}\n\n"
        + _table(
            [w("Platform"), *(_label(k, currency, w) for k in keys), *(w(_SHARE_LABELS[k]) for k in shares)],
            [
                [platform_label(p["platform"], w), *(kpi(k, p.get(k)) for k in platform_keys)]
                for p in facts["platforms"]
            ],
        )
    )
    week_keys = [k for k in ("impressions", "clicks", "leads", "spend", "ctr", "cpl") if k not in _unmeasured_keys(facts)]
    if periods:
        parts.append(_periods_table(periods, week_keys, currency, w, lang))
    if facts["weeks"] or not periods:
        parts.append(
            f"### {w('By ISO week')}\n\n"
            + _table(
                [
                    w("Week"),
                    w("Week starting"),
                    *(_label(k, currency, w) for k in week_keys),
                    w("Leads vs previous week"),
                ],
                [
                    [
                        row["week"],
                        row["week_start"],
                        *(kpi(k, row.get(k)) for k in week_keys),
                        format_change(row.get("leads_change"), lang),
                    ]
                    for row in facts["weeks"]
                ],
            )
        )
    targets = facts.get("targets") or []
    heading = "### " + w("Against the strategy's KPI targets") + "\n\n"
    if targets:
        parts.append(
            heading
            + _table(
                [
                    w("Target"),
                    w("Target value"),
                    w("Measured as"),
                    w("Actual"),
                    w("Expected by now (pro rata)"),
                    w("Gap"),
                    w("Status"),
                ],
                [
                    [
                        t["metric"],
                        format_target_value(t, t["target"], lang),
                        w(t["measured_as"]),
                        format_target_value(t, t["actual"], lang) if t["kpi"] else na,
                        format_target_value(t, t["expected_by_now"], lang)
                        if t["expected_by_now"] is not None
                        else na,
                        _gap(t, lang),
                        w(t["status"]),
                    ]
                    for t in targets
                ],
            )
        )
    else:
        parts.append(heading + w("The approved strategy records no KPI targets, so nothing is compared."))
    return "\n\n".join(parts)


def _periods_table(periods: list[dict[str, Any]], keys: list[str], currency: str, w: TableWords = _ENGLISH,
                   lang: str = "en") -> str:
    heading, first, change = _PERIOD_WORDS[period_word(periods)][:3]
    return f"### {w(heading)}\n\n" + _table(
        [w(first), w("From"), w("To"), *(_label(k, currency, w) for k in keys), w(change)],
        [[p["period"], p["start"], p["end"], *(format_kpi(k, p.get(k), lang) for k in keys),
          format_change(p.get("leads_change"), lang)]
         for p in periods],
    )  # fmt: skip


def _gap(row: dict[str, Any], lang: str = "en") -> str:
    if row["gap"] is None:
        return not_available(lang)
    text = format_target_value(row, abs(row["gap"]), lang)
    return f"+{text}" if row["gap"] > 0 else f"-{text}" if row["gap"] < 0 else text
