"""Autonomy's action plan in the strategy's language: the monitoring report's statuses in the data
table and in each rule's trigger ("en retard sur le rythme", never "behind pace"), and the figures
that decide a rule written as the language writes them (45,5 in French), so the offline plan's
actions pass the grounding rule that reads the document's figures its way."""

from __future__ import annotations

import re

import pytest

from aicmo_kernel.modules import get_module
from aicmo_kernel.modules.autonomy.action_facts import rule_status, strategy_rules
from aicmo_kernel.modules.autonomy.composer import compose_autonomy

SPEC = get_module("autonomy")
KPIS = [{"metric": "cpl", "value": 45.5},
        {"metric": "free-trial sign-ups", "value": 31, "target": 120.0, "status": "behind pace"},
        {"metric": "cost per trial sign-up", "value": 1041.5, "target": 35.0, "status": "above target"}]
STRATEGY = {"decision_rules": ["If cpl is above 40, move budget to the best platform.",
                               "If cost per trial sign-up is off its target, rewrite the offer page."]}
SAID = {  # (a status in the table, the first rule's reason, the second's)
    "fr": ("| en retard sur le rythme |", "Coût par contact\u00a0: 45,5, au-dessus de 40",
           "cost per trial sign-up\u00a0: 1\u202f041,5, au-dessus de l'objectif selon le rapport"),
    "es": ("| por detrás del ritmo |", "Coste por contacto: 45,5, por encima de 40",
           "cost per trial sign-up: 1.041,5, por encima del objetivo según el informe"),
    "de": ("| hinter dem Zeitplan |", "Kosten pro Kontakt: 45,5, über 40",
           "cost per trial sign-up: 1.041,5, laut Bericht über dem Ziel"),
}


def _facts(lang: str) -> dict:
    return {"campaign_name": "C", "approver": "Rita", "period": {"start": None, "end": None}, "language": lang,
            "policy": {"level": "semi", "meaning": "semi", "qc_threshold": 80, "auto_approve_kinds": ["action_plan"],
                       "auto_approvable": ["action_plan"], "always_a_person": ["autonomy_policy"],
                       "audience_facing_allowed": [], "never_auto_approved": ["autonomy_policy"],
                       "qc_score_start": 100, "qc_score_penalties": {"blocker": 40, "major": 15, "minor": 5}},
            "rules": [rule_status(rule, KPIS) for rule in strategy_rules(STRATEGY)],
            "monitoring": {"available": True, "title": "Rapport", "version": 1, "kpis": KPIS, "currency": "EUR"},
            "spend_guard": None}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_action_plan_gives_statuses_and_figures_in_its_language(missing_sentences, lang):
    facts = _facts(lang)
    assert [rule["status"] for rule in facts["rules"]] == ["triggered", "triggered"]
    output = compose_autonomy({"facts": facts})
    inputs = SPEC.validate_inputs({"level": "semi"})
    plan = SPEC.to_deliverables(output, inputs=inputs, brand={}, campaign={}, facts=facts)[1]
    text = plan.content_markdown
    status, first, second = SAID[lang]
    assert status in text and first in text and second in text, text
    assert not re.search(r"behind pace|above target|by the report|\b45\.5\b|\b1,?041\.5\b", text), text
    # Both actions are the offline plan's own, kept whole by the grounding rule read in the document's language.
    assert [a["rule"] for a in plan.metadata["actions"]] == [1, 2], plan.metadata
    assert not plan.metadata.get("removed_ungrounded_sentences"), plan.metadata
    assert all(first in a["action"] or second in a["action"] for a in plan.metadata["actions"])
    assert not missing_sentences, sorted(missing_sentences)

    english = SPEC.to_deliverables(compose_autonomy({"facts": _facts("en")}), inputs=inputs, brand={}, campaign={},
                                   facts=_facts("en"))[1].content_markdown  # English: the reasons code wrote
    assert "cpl is 45.5, above 40" in english and "| behind pace |" in english
    assert "cost per trial sign-up is 1041.5, above target by the report" in english
