"""Module 7, autonomy: the campaign's autonomy policy, and a guarded action plan for the next period.

The policy's settings (level, QC threshold, kinds) are inputs; ``render`` writes them out in words
by code and keeps them in the ``autonomy_policy`` deliverable's metadata, from which the workflow
stores the policy when a person approves it (``workflow.policy.adopt_approved_policy``).

The action plan is built on facts from code: the strategy's numbered decision rules and kill
criteria, the KPIs of an approved monitoring report when there is one, and the spend guard. The
documents are written in the strategy's language (``facts["language"]``, a code; labels through
``phrasebook.tr``). The model writes the actions; each must name a rule by its number (others are dropped), sentences
citing numbers absent from the facts and inputs are removed, and every guard (who approves, the
spend cap) is written by code, never by the model.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from .composer import compose_autonomy
from ...qc import SEVERITY_PENALTY
from ...schemas import Deliverable
from ...workflow.policy import (
    ALL_KINDS,
    AUDIENCE_FACING_KINDS,
    DELIVERABLE_KINDS,
    NEVER_AUTO_APPROVED,
    adopt_approved_policy,
    default_settings,
)
from ...registry import module_info
from ...workflow import Approval
from .action_facts import budget_guard, monitoring_facts, reason_text, rule_status, strategy_rules
from ...analytics.kpis import KPI_LABELS
from ..phrasebook import labelled, language_of_inputs, number, percent, quote, tr
from ..text import days_between
from ..translations import catalog
from ..fields import Flag, InputModel, Integer, Label, OutputModel, OutText, choice
from ...grounding import allowed_numbers, keep_grounded
from ..templates import SHARED_SYSTEM_TEMPLATE, bullets
from ..base import ModuleSpec, Upstream

__all__ = ["LEVEL_MEANING", "SPEC", "AutonomyInputs", "AutonomyOutput"]

Level = choice("manual", "assisted", "semi", "full")
# The monitoring report's computed KPIs by kind of unit (``analytics.kpis``).
_PERCENT_KPIS = {"ctr", "lead_rate", "conversion_rate"}
_MONEY_KPIS = {"spend", "revenue", "cpc", "cpl", "cost_per_conversion"}
KindChoice = choice(ALL_KINDS, *(k for kinds in DELIVERABLE_KINDS.values() for k in kinds))
LEVEL_MEANING = {
    "manual": "manual: nothing is approved without a person, and each module is generated on request",
    "assisted": "assisted: drafts are prepared ahead, and a person still approves every one",
    "semi": ("semi-autonomous: drafts of the allowed kinds are approved by the policy when their QC score "
             "reaches the threshold with no major issue; everything else waits for a person"),
    "full": ("full: drafts of the allowed kinds are approved by the policy when their QC score reaches the "
             "threshold with no blocker; everything else waits for a person"),
}
_Line = Annotated[str, StringConstraints(min_length=1, max_length=600)]


class AutonomyInputs(InputModel):
    level: Level = "manual"
    qc_threshold: int = Field(default=80, ge=0, le=100, description="auto-approve only at or above this QC score")
    auto_approve_kinds: list[KindChoice] | None = Field(
        default=None, max_length=60, description="kinds the policy may approve ('all' for every kind); "
        "empty: the level's default")
    period_start: date | None = None
    period_end: date | None = None
    approver: Label = Field(default="", description="who approves what the policy leaves for a person")
    spend_cap_pct: int = Field(default=20, ge=0, le=100,
                               description="largest share of the weekly budget an approved action may move")

    @model_validator(mode="after")
    def _resolve(self) -> AutonomyInputs:
        kinds = list(dict.fromkeys(self.auto_approve_kinds or []))
        if not kinds:
            kinds = default_settings(self.level)[1]
        self.auto_approve_kinds = [ALL_KINDS] if ALL_KINDS in kinds else kinds
        if self.period_start and self.period_end:
            if self.period_end <= self.period_start:
                raise ValueError(f"period_end must be after period_start ({self.period_start.isoformat()})")
            if (self.period_end - self.period_start).days > 183:
                raise ValueError("the period is longer than 26 weeks; plan a shorter next period")
        return self


class PlannedAction(OutputModel):
    rule: Integer = Field(ge=1, le=40, description="the number of the rule in facts.rules that triggers this action")
    action: _Line
    watch: Annotated[str, StringConstraints(max_length=400)] = ""
    changes_spend: Flag = False


class AutonomyOutput(OutputModel):
    policy_rationale: OutText
    human_checkpoints: list[_Line] = Field(min_length=1, max_length=6)
    plan_summary: OutText
    actions: list[PlannedAction] = Field(min_length=1, max_length=15)


# ----------------------------------------------------------------------------- facts


def _strategy(upstream: Upstream) -> dict[str, Any]:
    return next((dict(d.get("metadata") or {}) for d in upstream.get("strategy", [])
                 if d.get("kind") == "strategy_document"), {})


def _policy_facts(inputs: AutonomyInputs) -> dict[str, Any]:
    kinds = list(inputs.auto_approve_kinds or [])
    every = ALL_KINDS in kinds
    allowed = [k for m in DELIVERABLE_KINDS.values() for k in m if (every or k in kinds) and k not in NEVER_AUTO_APPROVED]
    held = [k for m in DELIVERABLE_KINDS.values() for k in m if k not in allowed]
    return {
        "level": inputs.level, "meaning": LEVEL_MEANING[inputs.level], "qc_threshold": inputs.qc_threshold,
        "auto_approve_kinds": kinds,
        "auto_approvable": allowed if inputs.level in ("semi", "full") else [],
        "always_a_person": held if inputs.level in ("semi", "full") else [k for m in DELIVERABLE_KINDS.values() for k in m],
        "audience_facing_allowed": sorted(k for k in allowed if k in AUDIENCE_FACING_KINDS),
        "never_auto_approved": sorted(NEVER_AUTO_APPROVED),
        "qc_score_start": 100,
        "qc_score_penalties": dict(SEVERITY_PENALTY),
    }


def _prepare(
    inputs: AutonomyInputs, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream, workspace: Any = None
) -> dict[str, Any]:
    strategy = _strategy(upstream)
    monitoring = monitoring_facts(workspace, campaign)
    rules = [rule_status(rule, monitoring["kpis"], _language(strategy)) for rule in strategy_rules(strategy)]
    start, end = inputs.period_start, inputs.period_end
    return {
        "campaign_name": strategy.get("campaign_name") or campaign.get("name") or "",
        "policy": _policy_facts(inputs),
        "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
        "rules": rules,
        "kpi_targets": list(strategy.get("kpi_targets") or []),
        "channels": list(strategy.get("channels") or []),
        "monitoring": monitoring,
        "spend_guard": budget_guard(strategy, inputs.spend_cap_pct,
                                    days_between(campaign.get("start_date"), campaign.get("end_date"))),
        "approver": inputs.approver or tr(_language(strategy), "the campaign lead"),
        "language": _language(strategy),
    }


def _language(strategy: dict[str, Any]) -> str:
    """The strategy's first language as a code ('en' when it names none)."""
    return language_of_inputs(strategy.get("language"), []) if strategy.get("language") else "en"


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    start = campaign.get("start_date")
    if not start:
        return {}
    first = date.fromisoformat(str(start))
    last = first + timedelta(days=27)
    if campaign.get("end_date"):
        last = min(last, date.fromisoformat(str(campaign["end_date"])))
    return {"period_start": first.isoformat(), "period_end": last.isoformat()} if last > first else {}


# ----------------------------------------------------------------------------- render


def _money(facts: dict[str, Any], amount: float, currency: str) -> str:
    """An amount as the document's language writes it: 1,000 GBP (en), 1 000 GBP (fr), 1.000 GBP (de)."""
    return f"{number(str(facts.get('language') or 'en'), amount)} {currency}".strip()


def _kpi_label(facts: dict[str, Any], kpi: dict[str, Any]) -> str:
    """The report's own name for a computed KPI ('CTR', 'Click-to-lead rate'), a target's as written."""
    metric = str(kpi["metric"])
    return _t(facts, KPI_LABELS[metric]) if metric in KPI_LABELS else metric


def _kpi_value(facts: dict[str, Any], kpi: dict[str, Any], value: Any) -> str:
    """A figure copied from the report as the document's language writes it (12,345 · 12 345 ·
    12.345), with its unit: % for a rate, the report's currency for money. The value is the
    report's, never rounded or converted."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    lang = str(facts.get("language") or "en")
    metric = str(kpi["metric"])
    if metric in _PERCENT_KPIS:
        return percent(lang, float(value))
    text = number(lang, float(value))
    currency = facts["monitoring"].get("currency")
    return f"{text} {currency}" if metric in _MONEY_KPIS and currency else text


def _t(facts: dict[str, Any], english: str, **values: object) -> str:
    """``english`` in the documents' language (the strategy's)."""
    return tr(str(facts.get("language") or "en"), english, **values)


def _guard(facts: dict[str, Any], changes_spend: bool) -> str:
    """One line per action; the guards themselves are spelled out once, in the plan's Guards section."""
    if changes_spend:
        return _t(facts, "{approver} approves the action; content guard and spend guard apply.", approver=facts["approver"])
    return _t(facts, "{approver} approves the action; content guard applies; no change of spend.", approver=facts["approver"])


def _guards_section(facts: dict[str, Any]) -> str:
    approver, level = facts["approver"], facts["policy"]["level"]
    if level in ("manual", "assisted"):
        content = _t(facts, "every draft an action produces waits for a person ({approver} or a reviewer) at the "
                            "{level} level.", approver=approver, level=_t(facts, level))
    else:
        content = _t(facts, "drafts an action produces may be approved by the {level} policy only within its kinds and "
                            "its QC threshold (see the autonomy policy); everything else waits for a person.",
                     level=_t(facts, level))
    spend = facts.get("spend_guard")
    if spend is None:
        money = _t(facts, "no budget is on record, so any change of spend needs the explicit approval of {approver}.",
                   approver=approver)
    elif spend.get("per") == "day":  # a campaign under a week: its budget is said per day
        money = _t(facts, "spend changes are never approved by the policy: {approver} signs them off, and one action "
                          "moves at most {pct}% of the daily budget ({cap} of {daily} a day).", approver=approver,
                   pct=spend["cap_pct"], cap=_money(facts, spend["cap_amount"], spend["currency"]),
                   daily=_money(facts, spend["daily_budget"], spend["currency"]))
    else:
        money = _t(facts, "spend changes are never approved by the policy: {approver} signs them off, and one action "
                          "moves at most {pct}% of the weekly budget ({cap} of {weekly} a week).", approver=approver,
                   pct=spend["cap_pct"], cap=_money(facts, spend["cap_amount"], spend["currency"]),
                   weekly=_money(facts, spend["weekly_budget"], spend["currency"]))
    return (f"## {_t(facts, 'Guards')}\n\n- **{_t(facts, 'Content guard:')}** {content}\n"
            f"- **{_t(facts, 'Spend guard:')}** {money}")


def _period(facts: dict[str, Any]) -> str:
    period = facts["period"]
    if period["start"] and period["end"]:
        return _t(facts, "{start} to {end}", start=period["start"], end=period["end"])
    return _t(facts, "the next review period (dates not set)")


def _source(facts: dict[str, Any], rule: dict[str, Any]) -> str:
    """Where a rule comes from: 'decision rule', 'kill criteria, Instagram'."""
    if rule.get("channel"):  # a platform's own name (Instagram) stays; a generic one (Paid ads) is translated
        channel = str(rule["channel"])
        if channel in catalog(str(facts.get("language") or "en")):
            channel = _t(facts, channel)
        return _t(facts, "kill criteria, {channel}", channel=channel)
    return _t(facts, str(rule.get("source") or "decision rule"))


def _by_module(kinds: list[str]) -> str:
    lines = [f"- {module}: {', '.join(k for k in own if k in kinds)}"
             for module, own in DELIVERABLE_KINDS.items() if any(k in kinds for k in own)]
    return "\n".join(lines)


def _kinds_list(kinds: list[str]) -> str:
    return ", ".join(kinds) if kinds else "none"


def _policy_markdown(output: AutonomyOutput, facts: dict[str, Any], clean: dict[str, Any]) -> str:
    policy = facts["policy"]
    level = policy["level"]
    t = lambda english, **values: _t(facts, english, **values)
    held = [t("{kind} (a policy never approves its own change)", kind=kind) for kind in policy["never_auto_approved"]]
    conditions = [t("any draft with a QC blocker")]
    if level == "semi":
        conditions.append(t("any draft with a major QC issue"))
    if level in ("semi", "full"):
        conditions.append(t("any draft whose QC score is below {threshold}", threshold=policy["qc_threshold"]))
        others = [k for k in policy["always_a_person"] if k not in policy["never_auto_approved"]]
        conditions.append(t("these kinds, which the policy does not cover: {kinds}",
                            kinds=", ".join(others) if others else t("none")))
    else:
        conditions.append(t("every draft of every kind, at this level"))
    conditions.append(t("any change of spend, whatever the level ({approver} signs it off)", approver=facts["approver"]))
    audience = policy["audience_facing_allowed"]
    penalties = ", ".join(t("{points} per {severity} issue", points=points, severity=t(severity))
                          for severity, points in policy["qc_score_penalties"].items())
    lines = [
        f"# {t('Autonomy policy: {name}', name=facts['campaign_name'] or t('campaign'))}",
        f"**{t('Level:')}** {t(policy['meaning'])}.",
        f"**{t('QC threshold:')}** {policy['qc_threshold']}. "
        + t("The QC score of a draft is {start}, less {penalties}.", start=policy["qc_score_start"], penalties=penalties),
        f"## {t('What the policy may approve')}\n\n" + (
            _by_module(policy["auto_approvable"]) if policy["auto_approvable"]
            else t("Nothing: at this level every draft waits for a person.")),
    ]
    if audience:
        lines.append(t("Text that reaches an audience as written is included: {kinds}. Reviewers should spot-check it "
                       "after approval.", kinds=", ".join(audience)))
    lines += [
        f"## {t('What always needs a person')}\n\n" + bullets(held + conditions),
        f"## {t('Why')}\n\n{clean['policy_rationale']}\n\n{bullets(clean['human_checkpoints'])}",
        f"## {t('When it applies')}\n\n" + t(
            "Approving this document stores the settings above as the campaign's autonomy policy, and the workflow "
            "enforces them on every approval made by the policy (recorded as made by the policy). Editing this wording "
            "does not change the stored settings; generate again to change them."),
    ]
    return "\n\n".join(lines)


def _plan_markdown(facts: dict[str, Any], actions: list[dict[str, Any]], clean: dict[str, Any]) -> str:
    t = lambda english, **values: _t(facts, english, **values)
    monitoring = facts["monitoring"]
    if monitoring["available"]:
        rows = "\n".join(
            f"| {_kpi_label(facts, k)} | {_kpi_value(facts, k, k['value'])} | {_kpi_value(facts, k, k.get('target', ''))} "
            f"| {t(str(k['status'])) if k.get('status') else ''} |" for k in monitoring["kpis"]
        )
        title = quote(str(facts.get("language") or "en"), str(monitoring["title"]))  # never repr(): no "\xa0"
        basis = (t("Based on the approved monitoring report {title} (version {version}).", title=title,
                   version=monitoring["version"]) + " " + t("The figures below are copied from it as computed.")
                 + f"\n\n| {t('KPI')} | {t('Value')} | {t('Target')} | {t('Status')} |\n|---|---|---|---|\n{rows}")
    else:
        basis = t("No monitoring data yet ({note}). This plan says what to watch and what to do if a rule is met; it "
                  "reports no results.", note=t(monitoring["note"]))
    by_rule = {r["number"]: r for r in facts["rules"]}
    parts = []
    for n, act in enumerate(actions, 1):
        rule = by_rule[act["rule"]]
        kpis = "; ".join(f"{_kpi_label(facts, k)} {_kpi_value(facts, k, k['value'])}"
                         + (f" ({t(str(k['status']))})" if k.get("status") else "") for k in rule["kpis"])
        reason = reason_text(str(facts.get("language") or "en"), rule)
        parts.append(
            f"### {n}. {t('Rule {number}, {source}', number=rule['number'], source=_source(facts, rule))}\n\n"
            f"> {rule['rule']}\n\n"
            f"**{t('Trigger:')}** {t(rule['status'])}" + (f" ({reason})" if reason else "")
            + (f"; {t('figures:')} {kpis}" if kpis else "") + "\n\n"
            f"**{t('Action:')}** {act['action']}\n\n" + (f"**{t('Watch:')}** {act['watch']}\n\n" if act["watch"] else "")
            + f"**{t('Guard:')}** {act['guard']}"
        )
    covered = {a["rule"] for a in actions}
    idle = [r for r in facts["rules"] if r["number"] not in covered]
    sections = [
        f"# {t('Action plan: {period}', period=_period(facts))}",
        clean["plan_summary"],
        f"## {t('Data')}\n\n" + basis,
        _guards_section(facts),
        f"## {t('Actions')}\n\n" + "\n\n".join(parts),
    ]
    if idle:
        sections.append(f"## {t('Rules with no action this period')}\n\n" + "\n".join(
            "- " + labelled(facts.get("language") or "en", t("Rule {number} ({source})", number=r["number"],
                                                              source=_source(facts, r)), r["rule"]) for r in idle))
    return "\n\n".join(sections)


def _render(
    output: AutonomyOutput, inputs: AutonomyInputs, brand: dict[str, Any], campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    facts = facts or {}
    allowed = allowed_numbers(facts, inputs.model_dump(mode="json"))
    removed: list[str] = []

    def grounded(text: str) -> str:
        kept, dropped = keep_grounded(text, allowed, str(facts.get("language") or "en"))
        removed.extend(dropped)
        return kept

    clean = {
        "policy_rationale": grounded(output.policy_rationale) or _t(facts, LEVEL_MEANING[inputs.level]).capitalize() + ".",
        "human_checkpoints": [c for c in (grounded(x) for x in output.human_checkpoints) if c]
        or [_t(facts, "A person approves the policy itself and every change of spend.")],
        "plan_summary": grounded(output.plan_summary)
        or _t(facts, "Actions for {period}, each tied to a strategy rule.", period=_period(facts)),
    }
    rules = {r["number"]: r for r in facts.get("rules") or []}
    actions: list[dict[str, Any]] = []
    dropped_actions: list[dict[str, Any]] = []
    for planned in output.actions:
        rule = rules.get(planned.rule)
        text = grounded(planned.action)
        if rule is None or not text:
            dropped_actions.append(planned.model_dump(mode="json"))
            continue
        spend = planned.changes_spend or rule["touches_spend"]
        actions.append({"rule": planned.rule, "action": text, "watch": grounded(planned.watch),
                        "changes_spend": spend, "guard": _guard(facts, spend), "status": rule["status"]})
    if not actions and rules:  # nothing usable came back: the plan still lists every rule to watch
        actions = [{"rule": n, "action": _t(facts, "At the review, check the rule as written and act only as it says."),
                    "watch": "", "changes_spend": r["touches_spend"], "guard": _guard(facts, r["touches_spend"]),
                    "status": r["status"]} for n, r in rules.items()]
    settings = {"level": inputs.level, "qc_threshold": inputs.qc_threshold,
                "auto_approve_kinds": list(inputs.auto_approve_kinds or []), "approver": facts.get("approver"),
                "spend_cap_pct": inputs.spend_cap_pct, "period": facts.get("period")}
    name = facts.get("campaign_name") or campaign.get("name") or "campaign"
    items = [
        Deliverable(kind="autonomy_policy", title=_t(facts, "Autonomy policy: {level} ({name})", level=_t(facts, inputs.level), name=name)[:300],
                    content_markdown=_policy_markdown(output, facts, clean),
                    metadata={**settings, "auto_approvable": facts["policy"]["auto_approvable"],
                              "always_a_person": facts["policy"]["always_a_person"]}),
        Deliverable(kind="action_plan", title=_t(facts, "Action plan: {period}", period=_period(facts))[:300],
                    content_markdown=_plan_markdown(facts, actions, clean) if rules else _no_rules_plan(facts, clean),
                    metadata={**settings, "actions": actions, "rules": facts.get("rules") or [],
                              "monitoring": facts.get("monitoring"), "spend_guard": facts.get("spend_guard"),
                              "dropped_actions": dropped_actions}),
    ]
    if removed:
        for item in items:
            item.metadata["removed_ungrounded_sentences"] = list(removed)
    return items


def _no_rules_plan(facts: dict[str, Any], clean: dict[str, Any]) -> str:
    return "\n\n".join([
        f"# {_t(facts, 'Action plan: {period}', period=_period(facts))}", clean["plan_summary"],
        _t(facts, "The approved strategy has no decision rules or kill criteria, so there is nothing the plan may act on "
                  "by itself. Add decision rules to the strategy (\"if this happens by then, we do that\") and generate "
                  "this plan again.")])


def _adopt_policy(approval: Approval) -> None:
    """An approved policy document becomes the campaign's stored policy (other kinds: nothing)."""
    adopt_approved_policy(approval.session, approval.campaign, approval.deliverable, approval.actor)


def _inputs_for_run(policy: Any, level_given: bool) -> dict[str, Any] | None:
    """A run given an autonomy level writes that level into the policy document it drafts."""
    if not level_given:
        return None
    return {"level": policy.level, "qc_threshold": policy.qc_threshold,
            "auto_approve_kinds": list(policy.auto_approve_kinds)}


SPEC = ModuleSpec(
    info=module_info("autonomy"),
    input_model=AutonomyInputs,
    output_model=AutonomyOutput,
    prompt_template="autonomy.v2.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_autonomy,
    prepare=_prepare,
    after_approval=_adopt_policy,
    inputs_for_run=_inputs_for_run,
)
