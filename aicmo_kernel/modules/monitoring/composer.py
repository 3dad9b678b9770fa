"""Offline monitoring narrative: insights and recommendations read off the computed facts.

Every figure is produced by the same formatters that render the KPI table (``format_kpi``,
``format_change``, ``format_target_value``), so the narrative passes the grounding rule by
construction: best and worst platform by CPL among platforms with spend, platforms that spent
without a lead, the latest week-on-week change in leads, the best CTR, and each KPI target's
status. Nothing is estimated, projected or compared with outside benchmarks. The sentences are in
the campaign's language (``facts["language"]``, the strategy's, carried by execution's calendar),
and so are the figures, in the KPI table's own format for that language (1 234,50 EUR, 2,44 % in
French), so the grounding rule still matches them.
"""

from __future__ import annotations

from typing import Any

from ...analytics.kpis import format_change, format_kpi, platform_label
from ...analytics.report_table import format_target_value
from ..phrasebook import quote, tr
from ..text import join_human

__all__ = ["compose_monitoring"]


def compose_monitoring(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    return _Narrative(facts).compose()


class _Narrative:
    def __init__(self, facts: dict[str, Any]) -> None:
        self.f = facts
        self.lang = str(facts.get("language") or "en")
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

    def t(self, english: str, **values: object) -> str:
        return tr(self.lang, english, **values)

    def names(self, platforms: Any) -> str:
        """Platform names joined as the language joins a list ('A, B and C', 'A, B et C')."""
        return join_human((platform_label(p["platform"], self.t) for p in platforms), self.t("and"))

    def kpi(self, key: str, value: Any) -> str:
        text = format_kpi(key, value, self.lang)
        money = key in {"spend", "cpc", "cpl", "revenue", "cost_per_conversion"}
        return f"{text}{self.money}" if money and value is not None else text

    def target_value(self, target: dict[str, Any], value: float | None) -> str:
        text = format_target_value(target, value, self.lang)
        money = target["kpi"] in {"spend", "cpc", "cpl", "revenue", "cost_per_conversion"}
        return f"{text}{self.money}" if money and value is not None else text

    def compose(self) -> dict[str, Any]:
        self._platform_costs()
        self._weekly_change()
        self._click_through()
        self._targets()
        if not self.insights:
            self.insights.append(self._totals_insight())
        if not self.recommendations:
            self.recommendations.append({
                "action": self.t({
                    "ended": "Keep this plan and budget split as the starting point for the next campaign.",
                    "days": "Keep the current plan and budget split, and review this table again before the "
                            "campaign ends.",
                    "weeks": "Keep the current plan and budget split, and review this table again next week.",
                }[self._horizon()]),
                "reason": self.t("No platform or target in this data calls for a change yet."),
                "priority": "low",
            })  # fmt: skip
        return {
            "headline": self._headline(),
            "insights": self.insights[:8],
            "recommendations": self.recommendations[:6],
            "watch_next": self.watch[:5],
        }

    def _horizon(self) -> str:
        """How far ahead a recommendation may look: "ended" when the data reaches the campaign's
        last day, "days" when under two weeks are left (a three-day festival has no "next week"),
        else "weeks". Without campaign dates (``elapsed`` is None) the report cannot tell: "weeks"."""
        elapsed = self.f.get("elapsed")
        if not elapsed:
            return "weeks"
        if elapsed["fraction"] >= 1:
            return "ended"
        return "days" if elapsed["of_days"] - elapsed["days"] < 14 else "weeks"

    def _headline(self) -> str:
        period = self.f["period"]
        leads, spend = (
            self.kpi("leads", self.totals["leads"]),
            self.kpi("spend", self.totals["spend"]),
        )
        start, end = period["start"], period["end"]
        if self.totals["spend"] is None:  # the data records no spend (GA4): say so, never 0
            return self.t("From {start} to {end}: {leads} leads; spend is not measured by this data, so there is no "
                          "cost per lead.", start=start, end=end, leads=leads)
        if not self.totals["leads"]:
            return self.t("From {start} to {end}: no leads yet from {spend} of spend.", start=start, end=end, spend=spend)
        return self.t("From {start} to {end}: {leads} leads from {spend} of spend, a cost per lead of {cpl}.",
                      start=start, end=end, leads=leads, spend=spend, cpl=self.kpi("cpl", self.totals["cpl"]))

    def _totals_insight(self) -> dict[str, str]:
        t = self.totals
        if t["impressions"] is None:
            return {"finding": self.t("{clicks} clicks (impressions are not measured by this data) brought {leads} leads.",
                                      clicks=self.kpi("clicks", t["clicks"]), leads=self.kpi("leads", t["leads"])),
                    "evidence": self.t("Totals")}
        return {
            "finding": self.t("{clicks} clicks from {impressions} impressions (CTR {ctr}) brought {leads} leads.",
                              clicks=self.kpi("clicks", t["clicks"]), impressions=self.kpi("impressions", t["impressions"]),
                              ctr=self.kpi("ctr", t["ctr"]), leads=self.kpi("leads", t["leads"])),
            "evidence": self.t("Totals"),
        }

    def _platform_costs(self) -> None:
        t = self.t
        if len(self.by_cpl) == 1 and len(self.f["platforms"]) == 1:
            # One platform: there is no "lowest" to name, and its share of leads is all of them.
            only = self.by_cpl[0]
            self.insights.append({
                "finding": t("{platform} is the only platform in this data; its cost per lead is {cpl}.",
                             platform=platform_label(only["platform"], self.t), cpl=self.kpi("cpl", only["cpl"])),
                "evidence": t("By platform, CPL"),
            })  # fmt: skip
        elif self.by_cpl:
            best = self.by_cpl[0]
            self.insights.append({
                "finding": t("{platform} has the lowest cost per lead among platforms with spend: {cpl}, with {share} "
                             "of all leads.", platform=platform_label(best["platform"], self.t), cpl=self.kpi("cpl", best["cpl"]),
                             share=self.kpi("share_of_leads", best["share_of_leads"])),
                "evidence": t("By platform, CPL and share of leads"),
            })  # fmt: skip
        if len(self.by_cpl) >= 2:
            best, worst = self.by_cpl[0], self.by_cpl[-1]
            good, bad = platform_label(best["platform"], self.t), platform_label(worst["platform"], self.t)
            self.insights.append({
                "finding": t("{platform} has the highest cost per lead: {cpl}, taking {spend_share} of spend for "
                             "{lead_share} of leads.", platform=bad, cpl=self.kpi("cpl", worst["cpl"]),
                             spend_share=self.kpi("share_of_spend", worst["share_of_spend"]),
                             lead_share=self.kpi("share_of_leads", worst["share_of_leads"])),
                "evidence": t("By platform, CPL, share of spend and share of leads"),
            })  # fmt: skip
            self.recommendations.append({
                "action": t({
                    "ended": "In the next campaign, give {best} a larger share of the budget than {worst}, then "
                             "compare cost per lead again.",
                    "days": "Move part of the {worst} budget to {best} for the rest of the campaign, then compare "
                            "cost per lead again.",
                    "weeks": "Move part of the {worst} budget to {best} for the next two weeks, then compare cost per "
                             "lead again.",
                }[self._horizon()], worst=bad, best=good),
                "reason": t("{best}'s cost per lead is {best_cpl} against {worst_cpl} on {worst}.", best=good,
                            best_cpl=self.kpi("cpl", best["cpl"]), worst_cpl=self.kpi("cpl", worst["cpl"]), worst=bad),
                "priority": "high" if self._cpl_above_target() else "medium",
            })  # fmt: skip
        for platform in self.no_leads:
            name, spend = platform_label(platform["platform"], self.t), self.kpi("spend", platform["spend"])
            self.insights.append({
                "finding": t("{name} spent {spend} without a single lead.", name=name, spend=spend),
                "evidence": t("By platform, {name}", name=name),
            })  # fmt: skip
            self.recommendations.append({
                "action": t("Pause paid activity on {name} or change its creative and offer before spending more.",
                            name=name),
                "reason": t("{spend} of spend on {name} brought no leads.", spend=spend, name=name),
                "priority": "high",
            })  # fmt: skip
        if self.free:
            leads = join_human((self.kpi("leads", p["leads"]) for p in self.free), self.t("and"))
            many = len(self.free) > 1
            self.insights.append({
                "finding": t("{names} brought {leads} leads with no recorded spend respectively." if many else
                             "{names} brought {leads} leads with no recorded spend.", names=self.names(self.free),
                             leads=leads),
                "evidence": t("By platform, leads and spend"),
            })  # fmt: skip

    def _weekly_change(self) -> None:
        weeks = [w for w in self.f["weeks"] if w.get("leads_change") is not None]
        if not weeks:
            return
        last = weeks[-1]
        change = last["leads_change"]
        values = {"week": last["week"], "leads": self.kpi("leads", last["leads"]),
                  "amount": format_change(abs(change), self.lang).lstrip("+"), "cpl": self.kpi("cpl", last["cpl"])}
        if change > 0:
            finding = self.t("In {week} leads rose by {amount} against the week before, to {leads} leads", **values)
        elif change < 0:
            finding = self.t("In {week} leads fell by {amount} against the week before, to {leads} leads", **values)
        else:
            finding = self.t("In {week} leads held steady against the week before, to {leads} leads", **values)
        if last["cpl"] is not None:
            finding += self.t(" at a cost per lead of {cpl}", **values)
        self.insights.append({"finding": finding + ".", "evidence": self.t("By ISO week, leads vs previous week")})
        horizon = self._horizon()
        if change < 0 and horizon != "ended":  # an ended campaign has no next week to watch
            self.watch.append(self.t("Whether the fall in leads in {week} continues into the next week." if horizon == "weeks"
                                     else "Whether the fall in leads in {week} continues for the rest of the campaign.",
                                     **values))

    def _click_through(self) -> None:
        rated = [p for p in self.f["platforms"] if p.get("ctr") is not None]
        if len(rated) >= 2:
            top = max(rated, key=lambda p: (p["ctr"], p["platform"]))
            self.insights.append({
                "finding": self.t("{platform} has the highest click-through rate, {ctr}.",
                                  platform=platform_label(top["platform"], self.t), ctr=self.kpi("ctr", top["ctr"])),
                "evidence": self.t("By platform, CTR"),
            })  # fmt: skip

    def _cpl_above_target(self) -> bool:
        return any(
            t["kpi"] == "cpl" and t["status"] == "above target" for t in self.f.get("targets") or []
        )

    def _targets(self) -> None:
        for t in self.f.get("targets") or []:
            metric = quote(self.lang, t["metric"])
            if t["kpi"] is None:
                self.watch.append(self.t("The strategy target {metric} is not measured by this data; add the column "
                                         "that records it to the performance CSV.", metric=metric))
                continue
            if t["actual"] is None:
                continue
            actual, target = self.target_value(t, t["actual"]), self.target_value(t, t["target"])
            status = self.t(t["status"])
            if t["expected_by_now"] is not None:
                finding = self.t("Target {metric}: {actual} so far for {target}, against {expected} expected by now "
                                 "({status}).", metric=metric, actual=actual, target=target, status=status,
                                 expected=self.target_value(t, t["expected_by_now"]))
            else:
                finding = self.t("Target {metric}: {actual} so far for {target} ({status}).", metric=metric,
                                 actual=actual, target=target, status=status)
            self.insights.append({"finding": finding, "evidence": self.t("Against the strategy's KPI targets")})
            if t["status"] in {"behind pace", "not met", "above target", "below target"}:
                self.recommendations.append(self._target_action(t, actual, target))

    def _target_action(self, t: dict[str, Any], actual: str, target: str) -> dict[str, str]:
        if t["kpi"] == "cpl":
            under = [p for p in self.by_cpl if p["cpl"] <= t["target"]]
            where = (
                self.t("Keep budget on {names}, where cost per lead is within the target, and cut the platforms above "
                       "it.", names=self.names(under))
                if under
                else self.t("Test a new offer or landing page before adding budget: no platform is within the target yet.")
            )
            return {
                "action": where,
                "reason": self.t("Cost per lead is {actual} against a target of {target}.", actual=actual, target=target),
                "priority": "high",
            }
        metric = quote(self.lang, t["metric"])
        return {
            "action": self.t("Agree with the client how to close the gap on {metric} before the next report.",
                             metric=metric),
            "reason": self.t("{metric} is at {actual} for a target of {target} ({status}).", metric=metric,
                             actual=actual, target=target, status=self.t(t["status"])),
            "priority": "high" if t["status"] in {"behind pace", "not met"} else "medium",
        }
