"""Offline monitoring narrative: insights and recommendations read off the computed facts.

Every figure is produced by the same formatters that render the KPI table (``format_kpi``,
``format_change``, ``format_target_value``), so the narrative passes the grounding rule by
construction: best and worst platform by CPL among platforms with spend, platforms that spent
without a lead, the latest week-on-week change in leads, the best CTR, and each KPI target's
status. Nothing is estimated, projected or compared with outside benchmarks.
"""

from __future__ import annotations

from typing import Any

from ...analytics.kpis import format_change, format_kpi, platform_label
from ...analytics.report_table import format_target_value
from ..text import join_human

__all__ = ["compose_monitoring"]


def compose_monitoring(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    return _Narrative(facts).compose()


class _Narrative:
    def __init__(self, facts: dict[str, Any]) -> None:
        self.f = facts
        self.money = f" {facts['currency']}" if facts.get("currency") else ""
        self.totals = facts["totals"]
        # Spend is None when the data has none (GA4): then nothing is said about what was spent.
        spent = [p for p in facts["platforms"] if p["spend"] is not None]
        paid = [p for p in spent if p["spend"] > 0 and p["cpl"] is not None]
        self.by_cpl = sorted(paid, key=lambda p: (p["cpl"], p["platform"]))
        self.no_leads = [p for p in spent if p["spend"] > 0 and p["leads"] == 0]
        self.free = [p for p in spent if p["spend"] == 0 and p["leads"] > 0]
        self.insights: list[dict[str, str]] = []
        self.recommendations: list[dict[str, str]] = []
        self.watch: list[str] = []

    def kpi(self, key: str, value: Any) -> str:
        text = format_kpi(key, value)
        money = key in {"spend", "cpc", "cpl", "revenue", "cost_per_conversion"}
        return f"{text}{self.money}" if money and text != "n/a" else text

    def target_value(self, target: dict[str, Any], value: float | None) -> str:
        text = format_target_value(target, value)
        money = target["kpi"] in {"spend", "cpc", "cpl", "revenue", "cost_per_conversion"}
        return f"{text}{self.money}" if money and text != "n/a" else text

    def compose(self) -> dict[str, Any]:
        self._platform_costs()
        self._weekly_change()
        self._click_through()
        self._targets()
        if not self.insights:
            self.insights.append(self._totals_insight())
        if not self.recommendations:
            self.recommendations.append({
                "action": "Keep the current plan and budget split, and review this table again next week.",
                "reason": "No platform or target in this data calls for a change yet.",
                "priority": "low",
            })  # fmt: skip
        return {
            "headline": self._headline(),
            "insights": self.insights[:8],
            "recommendations": self.recommendations[:6],
            "watch_next": self.watch[:5],
        }

    def _headline(self) -> str:
        period = self.f["period"]
        leads, spend = (
            self.kpi("leads", self.totals["leads"]),
            self.kpi("spend", self.totals["spend"]),
        )
        if self.totals["spend"] is None:  # the data records no spend (GA4): say so, never 0
            return (f"From {period['start']} to {period['end']}: {leads} leads; spend is not measured by "
                    "this data, so there is no cost per lead.")
        if not self.totals["leads"]:
            return f"From {period['start']} to {period['end']}: no leads yet from {spend} of spend."
        return (
            f"From {period['start']} to {period['end']}: {leads} leads from {spend} of spend, "
            f"a cost per lead of {self.kpi('cpl', self.totals['cpl'])}."
        )

    def _totals_insight(self) -> dict[str, str]:
        t = self.totals
        if t["impressions"] is None:
            return {"finding": f"{self.kpi('clicks', t['clicks'])} clicks (impressions are not measured by this data) "
                    f"brought {self.kpi('leads', t['leads'])} leads.", "evidence": "Totals"}
        return {
            "finding": f"{self.kpi('clicks', t['clicks'])} clicks from {self.kpi('impressions', t['impressions'])} "
            f"impressions (CTR {self.kpi('ctr', t['ctr'])}) brought {self.kpi('leads', t['leads'])} leads.",
            "evidence": "Totals",
        }

    def _platform_costs(self) -> None:
        if self.by_cpl:
            best = self.by_cpl[0]
            self.insights.append({
                "finding": f"{platform_label(best['platform'])} has the lowest cost per lead among platforms with "
                f"spend: {self.kpi('cpl', best['cpl'])}, with {self.kpi('share_of_leads', best['share_of_leads'])} "
                "of all leads.",
                "evidence": "By platform, CPL and share of leads",
            })  # fmt: skip
        if len(self.by_cpl) >= 2:
            best, worst = self.by_cpl[0], self.by_cpl[-1]
            self.insights.append({
                "finding": f"{platform_label(worst['platform'])} has the highest cost per lead: "
                f"{self.kpi('cpl', worst['cpl'])}, taking {self.kpi('share_of_spend', worst['share_of_spend'])} "
                f"of spend for {self.kpi('share_of_leads', worst['share_of_leads'])} of leads.",
                "evidence": "By platform, CPL, share of spend and share of leads",
            })  # fmt: skip
            self.recommendations.append({
                "action": f"Move part of the {platform_label(worst['platform'])} budget to "
                f"{platform_label(best['platform'])} for the next two weeks, then compare cost per lead again.",
                "reason": f"{platform_label(best['platform'])}'s cost per lead is {self.kpi('cpl', best['cpl'])} "
                f"against {self.kpi('cpl', worst['cpl'])} on {platform_label(worst['platform'])}.",
                "priority": "high" if self._cpl_above_target() else "medium",
            })  # fmt: skip
        for platform in self.no_leads:
            name = platform_label(platform["platform"])
            self.insights.append({
                "finding": f"{name} spent {self.kpi('spend', platform['spend'])} without a single lead.",
                "evidence": f"By platform, {name}",
            })  # fmt: skip
            self.recommendations.append({
                "action": f"Pause paid activity on {name} or change its creative and offer before spending more.",
                "reason": f"{self.kpi('spend', platform['spend'])} of spend on {name} brought no leads.",
                "priority": "high",
            })  # fmt: skip
        if self.free:
            names = join_human(platform_label(p["platform"]) for p in self.free)
            leads = join_human(self.kpi("leads", p["leads"]) for p in self.free)
            self.insights.append({
                "finding": f"{names} brought {leads} leads with no recorded spend"
                + (" respectively." if len(self.free) > 1 else "."),
                "evidence": "By platform, leads and spend",
            })  # fmt: skip

    def _weekly_change(self) -> None:
        weeks = [w for w in self.f["weeks"] if w.get("leads_change") is not None]
        if not weeks:
            return
        last = weeks[-1]
        change = last["leads_change"]
        verb = "rose" if change > 0 else "fell" if change < 0 else "held steady"
        amount = f" by {format_change(abs(change)).lstrip('+')}" if change else ""
        self.insights.append({
            "finding": f"In {last['week']} leads {verb}{amount} against the week before, to "
            f"{self.kpi('leads', last['leads'])} leads"
            + (f" at a cost per lead of {self.kpi('cpl', last['cpl'])}." if last["cpl"] is not None else "."),
            "evidence": "By ISO week, leads vs previous week",
        })  # fmt: skip
        if change < 0:
            self.watch.append(
                f"Whether the fall in leads in {last['week']} continues into the next week."
            )

    def _click_through(self) -> None:
        rated = [p for p in self.f["platforms"] if p.get("ctr") is not None]
        if len(rated) >= 2:
            top = max(rated, key=lambda p: (p["ctr"], p["platform"]))
            self.insights.append({
                "finding": f"{platform_label(top['platform'])} has the highest click-through rate, "
                f"{self.kpi('ctr', top['ctr'])}.",
                "evidence": "By platform, CTR",
            })  # fmt: skip

    def _cpl_above_target(self) -> bool:
        return any(
            t["kpi"] == "cpl" and t["status"] == "above target" for t in self.f.get("targets") or []
        )

    def _targets(self) -> None:
        for t in self.f.get("targets") or []:
            if t["kpi"] is None:
                self.watch.append(
                    f"The strategy target \u201c{t['metric']}\u201d is not measured by this data; add the "
                    "column that records it to the performance CSV."
                )
                continue
            if t["actual"] is None:
                continue
            actual, target = self.target_value(t, t["actual"]), self.target_value(t, t["target"])
            expected = (
                f", against {self.target_value(t, t['expected_by_now'])} expected by now"
                if t["expected_by_now"] is not None
                else ""
            )
            self.insights.append({
                "finding": f"Target \u201c{t['metric']}\u201d: {actual} so far for {target}{expected} ({t['status']}).",
                "evidence": "Against the strategy's KPI targets",
            })  # fmt: skip
            if t["status"] in {"behind pace", "not met", "above target", "below target"}:
                self.recommendations.append(self._target_action(t, actual, target))

    def _target_action(self, t: dict[str, Any], actual: str, target: str) -> dict[str, str]:
        if t["kpi"] == "cpl":
            under = [p for p in self.by_cpl if p["cpl"] <= t["target"]]
            where = (
                f"Keep budget on {join_human(platform_label(p['platform']) for p in under)}, where cost per "
                "lead is within the target, and cut the platforms above it."
                if under
                else "Test a new offer or landing page before adding budget: no platform is within the target yet."
            )
            return {
                "action": where,
                "reason": f"Cost per lead is {actual} against a target of {target}.",
                "priority": "high",
            }
        return {
            "action": f"Agree with the client how to close the gap on \u201c{t['metric']}\u201d before the next report.",
            "reason": f"\u201c{t['metric']}\u201d is at {actual} for a target of {target} ({t['status']}).",
            "priority": "high" if t["status"] in {"behind pace", "not met"} else "medium",
        }
