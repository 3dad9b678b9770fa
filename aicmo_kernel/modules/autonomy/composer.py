"""Offline autonomy draft: the policy's reasons and one guarded action per strategy rule.

Actions are rewritten from the rules themselves ("If X, do Y" -> "check X; if it holds, do Y"),
in the strategy's language (``facts["language"]``; French, Spanish and German read "Si X, Y",
"Wenn X, Y"),
so every number in them is the strategy's own. Without monitoring data the plan only says what
to watch; with it, the report's own statuses decide which rules are triggered.
"""

from __future__ import annotations

import re
from typing import Any

from ..phrasebook import mid_sentence, tr
from ..text import mentions_any, sentence, strip_end
from .action_facts import kpi_name, reason_text

__all__ = ["compose_autonomy"]

_RATIONALE = {
    "manual": ("The campaign is at an early or sensitive stage, so every draft waits for a person. This keeps "
               "the team close to the work while the brief, the voice and the rules settle."),
    "assisted": ("Drafts are prepared ahead of time so reviewers spend their time judging, not writing, and "
                 "nothing is approved without them."),
    "semi": ("Working documents with clean QC results can move without waiting for a reviewer, while anything "
             "that reaches an audience as written, or that QC has doubts about, stays with a person."),
    "full": ("The policy approves drafts of the allowed kinds with a clean enough QC result, so the campaign keeps "
             "moving; people concentrate on spend, the policy itself and whatever QC questions."),
}
_CONDITION = re.compile(r"^\s*(?:if|si|wenn|falls)\s+(.+?),\s+(.+)$", re.IGNORECASE | re.DOTALL)


def compose_autonomy(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    lang = str(facts.get("language") or "en")
    policy = facts.get("policy") or {}
    level = policy.get("level") or "manual"
    banned = list((context.get("brand") or {}).get("banned_words") or [])
    rules = facts.get("rules") or []
    monitoring = facts.get("monitoring") or {}
    approver = facts.get("approver") or tr(lang, "the campaign lead")
    checkpoints = [
        tr(lang, "Approving the autonomy policy itself: a policy never widens its own permissions."),
        tr(lang, "Every change of spend, signed off by {approver}.", approver=approver),
        tr(lang, "Any draft QC blocks, or that falls below the threshold, with the QC findings shown to the reviewer."),
    ]
    if level == "semi":
        checkpoints.append(tr(lang, "Posts, emails, ads and outreach that reach an audience as written, unless the "
                                    "policy lists them."))
    if level in ("manual", "assisted"):
        checkpoints.append(tr(lang, "Every draft, at this level."))
    if monitoring.get("available"):
        basis = tr(lang, "the KPIs of the approved monitoring report decide which rules are triggered")
    else:
        basis = tr(lang, "there is no monitoring data yet, so the plan names what to watch and acts only when a rule is met")
    summary = (tr(lang, "This plan turns the one rule of the approved strategy into a guarded action; {basis}. The "
                        "action names its rule, and code adds who approves it and any spend cap.", basis=basis)
               if len(rules) == 1 else
               tr(lang, "This plan turns the {count} rules of the approved strategy into guarded actions; {basis}. "
                        "Each action names its rule, and code adds who approves it and any spend cap.",
                  count=len(rules), basis=basis))
    return {
        "policy_rationale": tr(lang, _RATIONALE[level]),
        "human_checkpoints": [c for c in checkpoints if not mentions_any(c, banned)],
        "plan_summary": summary if rules else tr(lang, "The approved strategy has no rules yet, so the plan only watches."),
        "actions": [_action(lang, rule, monitoring.get("available", False)) for rule in rules[:15]]
        or [{"rule": 1, "action": tr(lang, "Add decision rules to the strategy before the next review."), "watch": "",
             "changes_spend": False}],
    }


def _action(lang: str, rule: dict[str, Any], has_data: bool) -> dict[str, Any]:
    text = str(rule.get("rule") or "")
    match = _CONDITION.match(text)
    condition, consequence = (strip_end(match.group(1)), strip_end(match.group(2))) if match else ("", strip_end(text))
    consequence = mid_sentence(lang, consequence)
    status = rule.get("status") or "to check"
    # The KPIs as the plan's KPI table names them, in its language ("coût par contact", never "cpl").
    metrics = ", ".join(mid_sentence(lang, kpi_name(lang, k.get("metric"))) for k in rule.get("kpis") or [])
    reason = reason_text(lang, rule)
    if status == "triggered":
        action = tr(lang, "The figures meet this rule ({reason}), so {consequence}", reason=reason, consequence=consequence)
        watch = tr(lang, "whether the change moves {metrics} at the next review", metrics=metrics) if metrics else ""
    elif status == "not triggered":
        action = tr(lang, "No change: the figures do not meet this rule ({reason}), so keep the current plan", reason=reason)
        watch = tr(lang, "{metrics} at the next review", metrics=metrics) if metrics else ""
    else:
        check = (tr(lang, "check whether {condition}", condition=mid_sentence(lang, condition)) if condition
                 else tr(lang, "check the rule as written"))
        action = tr(lang, "At the review, {check}; if it holds, {consequence}", check=check, consequence=consequence)
        watch = tr(lang, "the numbers this rule names, in the next approved monitoring report") if has_data else tr(
            lang, "no monitoring data yet: the numbers this rule names, once a monitoring report is approved")
    return {"rule": rule.get("number", 1), "action": sentence(action)[:600], "watch": sentence(watch)[:400],
            "changes_spend": bool(rule.get("touches_spend"))}
