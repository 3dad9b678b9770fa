"""Facts for the autonomy module's action plan, computed by code.

The rules come from the approved strategy (its decision rules and each channel's kill criteria),
numbered so every planned action can name the rule that triggers it. KPIs come only from an
approved monitoring ``performance_report`` when one exists; its metadata is read defensively
(a list of KPI rows or a mapping of names to values), and nothing is estimated when it is absent.
The spend guard is the weekly budget (budget / duration) times the analyst's cap; the daily budget
for a campaign under a week.
"""

from __future__ import annotations

import re
from typing import Any

from ...analytics.kpis import KPI_LABELS
from ...platforms import platform_name
from ..phrasebook import number, tr
from ..text import budget_rate

__all__ = ["budget_guard", "monitoring_facts", "reason_text", "rule_status", "strategy_rules"]

# Where a performance report keeps its numbers: target rows first (they carry statuses), then totals.
_KPI_KEYS = ("targets", "kpis", "target_comparison", "vs_targets", "totals")
_OFF = ("off track", "off target", "behind", "below target", "above target", "missed", "at risk", "not met", "worse")
_ON = ("on track", "on target", "ahead", "achieved", "better")
_SPEND = re.compile(r"\b(budget|spend|spending|bid|bids|money|cost cap)\b", re.IGNORECASE)
_MAX_KPIS = 60


def strategy_rules(strategy: dict[str, Any]) -> list[dict[str, Any]]:
    """Decision rules, then kill criteria, numbered from 1, each with where it comes from."""
    rules: list[dict[str, Any]] = []
    for text in strategy.get("decision_rules") or []:
        if str(text).strip():
            rules.append({"source": "decision rule", "rule": str(text).strip()})
    for plan in strategy.get("channel_plans") or []:
        text = str((plan or {}).get("kill_criteria") or "").strip()
        if text:
            channel = str(plan.get("channel") or "")
            rules.append({"source": f"kill criteria, {platform_name(channel)}", "channel": platform_name(channel),
                          "rule": text})
    for n, rule in enumerate(rules, 1):
        rule["number"] = n
        rule["touches_spend"] = bool(_SPEND.search(rule["rule"]))
    return rules


def _scalar(value: Any) -> Any:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and len(value) <= 60:
        return value
    return None


def _rows(value: Any, prefix: str = "") -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, dict):
                continue
            metric = item.get("metric") or item.get("kpi") or item.get("name") or item.get("label")
            actual = item.get("actual", item.get("value", item.get("result")))
            if metric is None or _scalar(actual) is None:
                continue
            row = {"metric": f"{prefix}{metric}", "value": _scalar(actual)}
            for key in ("target", "unit", "status", "platform"):
                if _scalar(item.get(key)) is not None:
                    row[key] = _scalar(item.get(key))
            rows.append(row)
    elif isinstance(value, dict):
        for key, item in value.items():
            if _scalar(item) is not None:
                rows.append({"metric": f"{prefix}{key}", "value": _scalar(item)})
            elif isinstance(item, dict) and not prefix:
                rows.extend(_rows(item, prefix=f"{key}: "))
    return rows


def monitoring_facts(workspace: Any, campaign: dict[str, Any]) -> dict[str, Any]:
    """The KPIs of the campaign's approved performance report, or why there are none."""
    empty = {"available": False, "kpis": []}
    if workspace is None or not campaign.get("name"):
        return {**empty, "note": "no workspace to read a monitoring report from"}
    reports = [
        d for d in workspace.list_deliverables(campaign=campaign["name"], module="monitoring")
        if d.kind == "performance_report" and d.state == "approved"
    ]
    if not reports:
        return {**empty, "note": "no approved monitoring performance report yet"}
    report = reports[-1]
    meta = report.metadata or {}
    kpis: list[dict[str, Any]] = []
    for key in _KPI_KEYS:
        if key in meta:
            kpis.extend(_rows(meta[key]))
    kpis = list({(k["metric"], str(k["value"])): k for k in kpis}.values())[:_MAX_KPIS]
    return {
        "available": bool(kpis), "report_id": report.id, "title": report.title,
        "version": report.approved_version, "kpis": kpis, "currency": str(meta.get("currency") or "")[:10],
        "note": "" if kpis else "the approved performance report carries no KPI table this plan can read",
    }


def _mentions(text: str, metric: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(metric.lower())}(?![\w-])", text) is not None


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def rule_status(rule: dict[str, Any], kpis: list[dict[str, Any]]) -> dict[str, Any]:
    """Which KPIs a rule names, and whether the figures meet its condition, decided by code only
    where that is unambiguous:

    - "<metric> is below|above N": the metric's value compared with N;
    - "<metric> is off its target": the report's own status for that target;
    - anything else is left "to check" by a person at the review, with the figures shown.
    """
    text = rule["rule"].lower()
    matched = [k for k in kpis if _mentions(text, str(k["metric"]).split(": ")[-1])]
    status, reason, said = "to check", "", {}
    for kpi in matched:
        metric = str(kpi["metric"]).split(": ")[-1].lower()
        value = _number(kpi["value"])
        compare = re.search(rf"{re.escape(metric)}\s+(?:is|are|falls|fall)?\s*(below|under|less than|above|over|more than)"
                            r"\s+([\d,]+(?:\.\d+)?)", text)
        if compare and value is not None:
            limit = _number(compare.group(2))
            below = compare.group(1) in ("below", "under", "less than")
            met = value < limit if below else value > limit
            word = "below" if below else "above"
            status = "triggered" if met else "not triggered"
            reason = f"{kpi['metric']} is {kpi['value']}, {'' if met else 'not '}{word} {compare.group(2)}"
            said = {"template": f"{{metric}} is {{value}}, {'' if met else 'not '}{word} {{limit}}",
                    "metric": kpi["metric"], "value": kpi["value"], "limit": compare.group(2)}
            break
        if re.search(rf"{re.escape(metric)}\s+(?:is|are)?\s*off (?:its |their )?target", text) and kpi.get("status"):
            state = str(kpi["status"]).lower()
            by_report = {"template": "{metric} is {value}, {status} by the report", "metric": kpi["metric"],
                         "value": kpi["value"], "status": kpi["status"]}
            if any(word in state for word in _OFF):
                status, reason, said = "triggered", f"{kpi['metric']} is {kpi['value']}, {kpi['status']} by the report", by_report
                break
            if any(word in state for word in _ON):
                status, reason, said = "not triggered", f"{kpi['metric']} is {kpi['value']}, {kpi['status']} by the report", by_report
                break
    return {**rule, "kpis": matched, "status": status, "reason": reason, "reason_said": said}


def reason_text(lang: str, rule: dict[str, Any]) -> str:
    """Why a rule is (not) triggered, in the document's language: the figures as the language writes
    them (45,5 in French: the grounding rule reads the document's figures its way), the KPI's and the
    report status's words from the catalogues. English is the ``reason`` code wrote."""
    said = rule.get("reason_said") or {}
    if lang == "en" or not said.get("template"):
        return str(rule.get("reason") or "")
    metric = str(said.get("metric") or "")
    values: dict[str, Any] = {"metric": tr(lang, KPI_LABELS[metric]) if metric in KPI_LABELS else metric,
                              "value": _figure(lang, said.get("value"))}
    if "limit" in said:
        values["limit"] = _figure(lang, said["limit"])
    if "status" in said:
        values["status"] = tr(lang, str(said["status"]))
    return tr(lang, str(said["template"]), **values)


def _figure(lang: str, value: Any) -> str:
    """A figure of the report or the rule as ``lang`` writes it; text that is no figure as it is."""
    found = None if isinstance(value, bool) else float(value) if isinstance(value, (int, float)) else _number(value)
    return str(value) if found is None else number(lang, found)


def budget_guard(strategy: dict[str, Any], cap_pct: int, days: int | None = None) -> dict[str, Any] | None:
    """The spend guard: the cap's share of the budget a week, or a day for a campaign under a week
    (``days``, the campaign's own; ``text.budget_rate``, as the strategy says its budget)."""
    budget, weeks = strategy.get("budget"), strategy.get("duration_weeks")
    if not budget or not weeks:
        return None
    per, rate = budget_rate(float(budget), int(weeks), days)
    rate = round(rate, 2)
    return {"budget": float(budget), "duration_weeks": int(weeks), "per": per,
            "daily_budget" if per == "day" else "weekly_budget": rate, "cap_pct": cap_pct,
            "cap_amount": round(rate * cap_pct / 100, 2), "currency": strategy.get("currency") or ""}
