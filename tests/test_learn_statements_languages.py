"""Learn's fact statements in a French, Spanish or German campaign are written in its language,
through the catalogues, the one platform of a report named the language's way ("E-mail", never
"Email"); English campaigns read as before, and the proposed brand-memory rules stay as code writes
them in English (later prompts read them)."""

from __future__ import annotations

import re

import pytest
from fixtures_store import generate, item, make_campaign

from aicmo_kernel import workflow
from aicmo_kernel.generation import generate as generate_module
from aicmo_kernel.learn import learn_facts
from aicmo_kernel.modules.phrasebook import Sentences

LANGUAGE = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
# (a statement the document must say, the report's one platform as the language names it)
SAID = {
    "fr": ("Le mot interdit «\u00a0cheapest\u00a0» a été supprimé par les relecteurs deux fois", "E-mail"),
    "es": ("Los revisores eliminaron la palabra prohibida «cheapest» dos veces", "Correo"),
    "de": ("Das verbotene Wort „cheapest“ wurde von den Prüfenden zweimal entfernt", "E-Mail"),
}
# Words only code's English statements use.
ENGLISH = re.compile(r"deliverables? of campaign|was removed|approved report|covers one platform|\bEmail\b|"
                     r"opening line|\bremoved\b|\badded\b|QC check|performance report for campaign")


def _campaign(ws, lang: str):
    campaign = make_campaign(ws)
    generate(ws, campaign.name, "strategy", [item("Strategy", kind="strategy_document",
                                                  metadata={"language": LANGUAGE[lang]})])
    generate(ws, campaign.name, "creatives", [
        item("X post", "The cheapest kit in town.\n\nSee the spring range: acme.example", kind="x_post", platform="x"),
        item("LinkedIn post", "The cheapest kit for wet walks, built to last.\n\nSee the range: acme.example",
             kind="linkedin_post", platform="linkedin")])  # fmt: skip
    for draft in ws.list_deliverables(campaign.name, "creatives"):
        workflow.edit(ws, draft.id, "Kit for wet spring walks.\n\nSee the spring range: acme.example", base_version=1,
                      editor="ed")
        workflow.approve(ws, draft.id, version=2, reviewer="rita")
    generate(ws, campaign.name, "monitoring", [item(
        "Performance report", "# Performance report", kind="performance_report",
        metadata={"currency": "EUR", "targets": [], "platforms": [{"platform": "email", "leads": 12}]})])
    report = ws.list_deliverables(campaign.name, "monitoring")[0]
    workflow.approve(ws, report.id, version=1, reviewer="rita")
    return campaign


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_statements_are_written_in_the_campaigns_language(workspace, missing_sentences, lang):
    campaign = _campaign(workspace, lang)
    assert generate_module(workspace, campaign.name, "learn").ok
    lessons, rules = workspace.list_deliverables(campaign.name, "learn")
    facts = lessons.content_markdown.split("\n## ")[-1]  # the facts computed by code, quoted
    said, platform = SAID[lang]
    assert said in facts and f", {platform}, " in facts, facts
    kind = {"fr": "- E3: Post LinkedIn «\u00a0LinkedIn post\u00a0»", "es": "- E3: Publicación de LinkedIn «LinkedIn post»",
            "de": "- E3: LinkedIn-Beitrag „LinkedIn post“"}[lang]  # the deliverable's kind as the documents name it
    assert kind in facts, facts
    assert not ENGLISH.search(facts), ENGLISH.search(facts)
    assert not missing_sentences, sorted(missing_sentences)
    # The rules a later prompt reads stay code's English; the evidence they cite is the document's.
    proposed = [r["rule"] for r in rules.metadata["rules"]]
    assert "Never use the word 'cheapest' in Acme Outdoor copy: reviewers removed it twice." in proposed
    assert not any(ENGLISH.search(s) for r in rules.metadata["rules"] for s in r["evidence_statements"])


def test_english_statements_count_as_a_person_counts(workspace):
    campaign = _campaign(workspace, "en")
    statements = [e["statement"] for e in learn_facts(workspace, campaign.name, words=Sentences("en"))["evidence"]]
    assert statements == [e["statement"] for e in learn_facts(workspace, campaign.name)["evidence"]]
    text = "\n".join(statements)
    assert "3 deliverables of campaign 'Spring launch' have an approved version: 2 edited" in text
    assert "The banned word 'cheapest' was removed by reviewers twice, in 2 deliverables." in text
    assert ", Email, and no KPI target it could measure" in text
    assert re.search(r"\d+ words removed and \d+ words? added, 1 line removed and 1 line added", text), text



# What the 'claims' and 'banned_words' checks check, and how severe they are, as a QC statement says it.
QC_SAID = {
    "fr": ["des affirmations qui demandent une preuve\u202f; problème mineur",
           "aucun des mots interdits par la marque\u202f; problème bloquant"],
    "es": ["afirmaciones que necesitan pruebas; problema leve",
           "ninguna de las palabras prohibidas por la marca; problema bloqueante"],
    "de": ["Aussagen, die Belege brauchen; leichtes Problem",
           "keines der verbotenen Wörter der Marke; blockierendes Problem"],
}  # fmt: skip


def _builtin_checks():
    from aicmo_kernel.qc import CHECKS, describe_checks

    describe_checks()  # registers the built-in families
    return [c for c in CHECKS.values() if c.function.__module__.startswith("aicmo_kernel.qc.")]


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_a_qc_statement_says_what_the_check_checks_in_the_campaigns_language(workspace, missing_sentences, lang):
    campaign = _campaign(workspace, lang)
    assert generate_module(workspace, campaign.name, "learn").ok
    lessons, rules = workspace.list_deliverables(campaign.name, "learn")
    qc = [e["statement"] for e in lessons.metadata["evidence"] if e["source"] == "qc"]
    assert len(qc) == 2 and all(s in lessons.content_markdown for s in qc), qc
    assert all(said in " ".join(qc) for said in QC_SAID[lang]), qc
    # Nothing of the registry's English descriptions or severities is left in the statements.
    english = [c.description for c in _builtin_checks()]
    assert not [s for s in qc if any(d.split(" (")[0].split(";")[0] in s for d in english)], qc
    assert not re.search(r"\b(minor|major|blocker)\b|; (leichtes|schweres|blockierendes)\)", " ".join(qc)), qc
    assert not missing_sentences, sorted(missing_sentences)
    # The rules a later prompt reads stay English, with the check's English description.
    assert any(r["rule"].startswith("Before a draft goes to review, check it against 'claims' (Claims that need "
                                    "evidence)") for r in rules.metadata["rules"]), rules.metadata["rules"]


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_every_built_in_qc_check_says_what_it_checks_in_each_language(lang):
    from aicmo_kernel.modules.translations import catalog

    checks = _builtin_checks()
    assert len(checks) >= 20
    missing = [c.check_id for c in checks if not c.summary or c.summary not in catalog(lang)]
    assert not missing, missing
    assert "{severity} issue" in catalog(lang)


def test_english_qc_statements_say_the_checks_summary_and_severity(workspace):
    campaign = _campaign(workspace, "en")
    qc = [e["statement"] for e in learn_facts(workspace, campaign.name)["evidence"] if e["source"] == "qc"]
    assert any(s.startswith("QC check 'claims' (claims that need evidence; minor issue) flagged 2 versions") for s in qc), qc
