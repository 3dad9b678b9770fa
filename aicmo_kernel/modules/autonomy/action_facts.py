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

__all__ = ["budget_guard", "kpi_name", "monitoring_facts", "reason_text", "rule_status", "strategy_rules"]

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


# How a rule says "below N", "above N" and "off its target": the offline strategy's own sentences
# ("est sous 1 250", "está por debajo de 42", "unter 1.250 liegt", "s'écarte de son objectif") and
# the way a model plausibly writes them ("au-dessus de", "por encima de", "über", "supera").
_BELOW = {
    "en": r"below|under|less than|lower than|fewer than",
    "fr": r"en[- ]dessous de|en deçà de|inférieure?s? à|moins de|plus bas que|sous",
    "es": r"por debajo de|debajo de|menos de|inferior(?:es)? a|bajo",
    "de": r"unter|weniger als|niedriger als|kleiner als|geringer als",
}
_ABOVE = {
    "en": r"above|over|more than|higher than|greater than|exceeds?",
    "fr": r"au[- ]dessus de|supérieure?s? à|plus de|au-delà de|dépassen?t?|excèden?t?",
    "es": r"por encima de|encima de|más de|superior(?:es)? a|superan?|exceden?",
    "de": r"über|mehr als|höher als|größer als",
}
_AFTER_NUMBER = {"de": (r"unterschreiten|unterschreitet", r"übersteigen|übersteigt|überschreiten|überschreitet")}
_OFF_TARGET = {
    "en": r"off (?:its |their |the )?targets?|miss(?:es)? (?:its |their |the )?targets?",
    "fr": r"s['’]écarten?t? de (?:son |leur |l['’])\s?objectif|n['’]atteignen?t? pas (?:son |leur |l['’])\s?objectif"
          r"|hors objectif",
    "es": r"se (?:alejan?|desvían?) de su objetivo|no alcanzan? su objetivo|fuera de(?:l)? objetivo",
    "de": r"vom ziel\b.{0,40}?\babweich(?:t|en)|ziel verfehl(?:t|en)|ziel nicht erreich(?:t|en)",
}
_NUMBER = r"\d{1,3}(?:[,.\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_NUMBER_FR = r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"  # also "1 250", a plain space
_MONEY = r"(?:[€$£]\s?)?"
# A condition's clause ends at a full stop, a semicolon, a comma before a word or "and"/"or"
# (numbers keep their commas: "1,250", "45,5"): "cpl is off target and leads are below 40" is two.
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|,\s|\n|\s(?:and|or|but|et|ou|mais|y|o|pero|und|oder|aber)\s")


def _languages(lang: str) -> tuple[str, ...]:
    """The rule's language first, then English: a model may keep English wording in any document."""
    return (lang, "en") if lang in _BELOW and lang != "en" else ("en",)


def _names(metric: str, lang: str) -> list[str]:
    """The ways a rule names a KPI: its key ("cpl", "lead rate"), the KPI table's label in English
    and in the document's language ("Coût par contact"); a target's metric as the brief wrote it."""
    names = {metric, metric.replace("_", " ")}
    if metric in KPI_LABELS:
        names |= {KPI_LABELS[metric], tr(lang, KPI_LABELS[metric])}
    return sorted((n.lower() for n in names if n.strip()), key=len, reverse=True)


def _mention(text: str, names: list[str]) -> re.Match[str] | None:
    pattern = "|".join(re.escape(n) for n in names)
    return re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", text)


def _read_number(lang: str, written: str) -> float | None:
    """A rule's figure as its language writes it: 1,250.5 (en); 1 250,5 (fr); 1.250,5 (es, de)."""
    digits = re.sub(r"[\s\u202f\u00a0]", "", written)
    if lang == "en":
        digits = digits.replace(",", "")
    elif "," in digits:
        digits = digits.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    try:
        return float(digits)
    except ValueError:
        return None


def _comparison(clause: str, lang: str) -> tuple[bool, str, float] | None:
    """(below?, the limit as written, its value) when the clause compares its KPI with a number."""
    clause = re.sub(r"\([^)]*\)", " ", clause)  # "(a straight-line share of the 120 target)" is no limit
    for code in _languages(lang):
        figure = _NUMBER_FR if code == "fr" else _NUMBER
        for below, words in ((True, _BELOW[code]), (False, _ABOVE[code])):
            found = re.search(rf"(?<!\w)(?:{words})\s+{_MONEY}({figure})", clause)
            if found is None and code in _AFTER_NUMBER:  # "40 € übersteigt"
                verbs = _AFTER_NUMBER[code][0 if below else 1]
                found = re.search(rf"({figure})\s*(?:[€$£%]|[a-z]{{3}})?\s*(?:{verbs})(?!\w)", clause)
            limit = _read_number(code, found.group(1)) if found else None
            if found and limit is not None:
                return below, found.group(1), limit
    return None


def _off_target(clause: str, lang: str) -> bool:
    return any(re.search(_OFF_TARGET[code], clause) for code in _languages(lang))


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def rule_status(rule: dict[str, Any], kpis: list[dict[str, Any]], lang: str = "en") -> dict[str, Any]:
    """Which KPIs a rule names, and whether the figures meet its condition, decided by code only
    where that is unambiguous, in the rule's language (``lang``, the strategy's) or English:

    - "<metric> is below|above N" ("est sous 1 250", "por encima de 45,5", "unter 1.250 liegt"):
      the metric's value compared with N, read as the language writes numbers;
    - "<metric> is off its target" ("s'écarte de son objectif", "se aleja de su objetivo", "vom
      Ziel abweicht"): the report's own status for that target;
    - anything else is left "to check" by a person at the review, with the figures shown.

    Only the clause that follows the KPI's name counts ("cpl is off target and leads are below 40"
    compares leads, not cpl, with 40).
    """
    text = rule["rule"].lower()
    mentions = [(k, _mention(text, _names(str(k["metric"]).split(": ")[-1], lang))) for k in kpis]
    matched = [k for k, found in mentions if found]
    status, reason, said = "to check", "", {}
    for kpi, found in mentions:
        if found is None:
            continue
        rest = text[found.end():found.end() + 160]
        end = _CLAUSE_END.search(rest)
        clause = rest[:end.start()] if end else rest
        value = _number(kpi["value"])
        compare = _comparison(clause, lang)
        if compare and value is not None:
            below, written, limit = compare
            met = value < limit if below else value > limit
            word = "below" if below else "above"
            status = "triggered" if met else "not triggered"
            reason = f"{kpi['metric']} is {kpi['value']}, {'' if met else 'not '}{word} {written}"
            said = {"template": f"{{metric}} is {{value}}, {'' if met else 'not '}{word} {{limit}}",
                    "metric": kpi["metric"], "value": kpi["value"], "limit": limit}
            break
        if _off_target(clause, lang) and kpi.get("status"):
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


def kpi_name(lang: str, metric: Any) -> str:
    """A KPI as the action plan's KPI table labels it, in the document's language ("Coût par
    contact" for "cpl"); a target's metric as the brief wrote it."""
    key = str(metric)
    return tr(lang, KPI_LABELS[key]) if key in KPI_LABELS else key


def reason_text(lang: str, rule: dict[str, Any]) -> str:
    """Why a rule is (not) triggered, in the document's language: the figures as the language writes
    them (45,5 in French: the grounding rule reads the document's figures its way), the KPI's and the
    report status's words from the catalogues. English is the ``reason`` code wrote."""
    said = rule.get("reason_said") or {}
    if lang == "en" or not said.get("template"):
        return str(rule.get("reason") or "")
    metric = str(said.get("metric") or "")
    values: dict[str, Any] = {"metric": kpi_name(lang, metric),
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
