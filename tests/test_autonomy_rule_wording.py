"""Autonomy reads a strategy's rules in the strategy's language: the offline strategy's own
sentences in French, Spanish and German ("est sous 1 250", "se aleja de su objetivo", "vom Ziel
(...) abweicht"), with figures written the language's way, and the way a model would plausibly
write them ("au-dessus de", "por encima de", "über"); the plan's "watch" line names the KPIs as
its KPI table does ("Coût par contact", never "cpl")."""

from __future__ import annotations

import pytest

from aicmo_kernel.modules.autonomy.action_facts import reason_text, rule_status
from aicmo_kernel.modules.autonomy.composer import compose_autonomy
from aicmo_kernel.modules.phrasebook import number, tr

# The strategy composer's decision rules (strategy/timing.py), both campaign-length forms.
PACE = (("If {metric} is below {pace} by the end of week {week} (a straight-line share of the {target} target), "
         "shift effort to the channel with the most results so far and replace the weakest creative."),
        ("If {metric} is below {pace} by {when} (a straight-line share of the {target} target), shift effort to the "
         "channel with the most results so far and replace the weakest creative."))
RATIO = (("If {metric} is off its target ({target}) at the week-{week} review, find where people drop out (landing "
          "page, offer, follow-up) before adding spend."),
         ("If {metric} is off its target ({target}) at the check at {when}, find where people drop out (landing "
          "page, offer, follow-up) before adding spend."))
LANGS = ["fr", "es", "de"]  # English: tests/test_autonomy.py and test_autonomy_languages.py


def _status(text: str, kpis: list[dict], lang: str) -> dict:
    return rule_status({"number": 1, "source": "decision rule", "rule": text}, kpis, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", [0, 1])
@pytest.mark.parametrize(("actual", "expected"), [(1100, "triggered"), (1300, "not triggered")])
def test_the_offline_pace_rule_is_read_in_each_language(lang, form, actual, expected):
    text = tr(lang, PACE[form], metric="sign-ups", pace=number(lang, 1250), week=3, when="3 May",
              target=number(lang, 5000))
    rule = _status(text, [{"metric": "sign-ups", "value": actual}], lang)
    assert rule["status"] == expected, text
    assert number(lang, 1250) in reason_text(lang, rule)  # the limit as the rule wrote it: "1 250", "1.250"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", [0, 1])
@pytest.mark.parametrize(("state", "expected"), [("above target", "triggered"), ("on target", "not triggered")])
def test_the_offline_ratio_rule_is_read_in_each_language(lang, form, state, expected):
    text = tr(lang, RATIO[form], metric="cost per sign-up", target=f"{number(lang, 45.5)} EUR", week=3, when="3 May")
    kpis = [{"metric": "cost per sign-up", "value": 52.25, "target": 45.5, "status": state}]
    assert _status(text, kpis, lang)["status"] == expected, text


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Si le CPL est au-dessus de 45,5 €, réduire les enchères."),
    ("fr", "Si le coût par contact dépasse 45,5 €, réduire les enchères."),
    ("es", "Si el CPL está por encima de 45,5 €, bajar las pujas."),
    ("es", "Si el coste por contacto supera 45,5 €, bajar las pujas."),
    ("de", "Wenn der CPL über 45,5 € liegt, die Gebote senken."),
    ("de", "Wenn die Kosten pro Kontakt 45,5 € übersteigen, die Gebote senken."),
])
@pytest.mark.parametrize(("actual", "expected"), [(50, "triggered"), (40, "not triggered")])
def test_a_model_s_wording_is_read_too(lang, text, actual, expected):
    rule = _status(text, [{"metric": "cpl", "value": actual}], lang)
    assert rule["status"] == expected
    assert number(lang, 45.5) in reason_text(lang, rule) and number(lang, actual) in reason_text(lang, rule)


@pytest.mark.parametrize(("lang", "label"), [("en", "CPL"), ("fr", "coût par contact"), ("es", "coste por contacto"),
                                             ("de", "Kosten pro Kontakt")])
def test_the_watch_line_names_kpis_as_the_kpi_table_does(lang, label):
    kpis = [{"metric": "cpl", "value": 50}]
    text = {"en": "If cpl is above 40, lower the bids.", "fr": "Si le CPL dépasse 40, baisser les enchères.",
            "es": "Si el CPL supera 40, bajar las pujas.", "de": "Wenn der CPL über 40 liegt, die Gebote senken."}[lang]
    facts = {"language": lang, "policy": {"level": "semi"}, "rules": [_status(text, kpis, lang)],
             "monitoring": {"available": True, "kpis": kpis}}
    action = compose_autonomy({"facts": facts})["actions"][0]
    assert label in action["watch"] and "cpl" not in action["watch"], action
