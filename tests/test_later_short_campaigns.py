"""The modules after execution (monitoring, delivery, learn) on a short campaign, with the real
data a user gives them: a three-day festival's Meta Ads Manager export (12-14 March) has no
"next week" and no "first weeks", a report on one platform names no "lowest" platform, and learn
never says there is no performance data when an approved report holds some. In every language
the composers write, with no English sentence left untranslated."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from fixtures_store import generate, item, make_campaign

from aicmo_kernel import workflow
from aicmo_kernel.generation import generate as generate_module
from aicmo_kernel.grounding import ungrounded_numbers
from aicmo_kernel.modules.autonomy import SPEC as AUTONOMY
from aicmo_kernel.modules.autonomy.composer import compose_autonomy
from aicmo_kernel.modules.delivery.composer import compose_delivery
from aicmo_kernel.modules.monitoring.composer import compose_monitoring
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
FIXTURE = Path(__file__).parent / "data" / "imports" / "meta_ads_manager.csv"
# "next week", "two weeks", "first weeks" in each language the composers write.
WEEKS = re.compile(r"\bweeks?\b|semaines?|semanas?|\bWochen?\b", re.IGNORECASE)
LOWEST = {"en": "lowest", "fr": "le plus bas", "es": "más bajo", "de": "niedrigsten"}
ONLY = {"en": "is the only platform", "fr": "est la seule plateforme", "es": "es la única plataforma",
        "de": "ist die einzige Plattform"}  # fmt: skip


def _festival_export(folder: Path) -> Path:
    """The Meta fixture's first three days moved to the festival's 12-14 March 2027, as a user
    would export them: same columns, same figures."""
    rows = list(csv.reader(FIXTURE.open(encoding="utf-8-sig")))
    moved = {"2027-03-01": "2027-03-12", "2027-03-02": "2027-03-13", "2027-03-03": "2027-03-14"}
    kept = [[moved[r[0]], moved[r[0]], *r[2:]] for r in rows[1:] if r[0] in moved]
    path = folder / "festival_meta.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows([rows[0], *kept])
    return path


def _festival(lang: str, csv_path: Path, modules: tuple[str, ...]) -> dict[str, list[dict]]:
    brief = {"client_name": "Harbour Lights Festival", "campaign": "lights-weekend", "name": "Harbour Lights weekend",
             "industry": "events", "offer": "A three-night light festival on the harbourside, free entry",
             "audience": "Families and young adults in Bristol", "geography": "Bristol", "objective": "Awareness",
             "budget": "GBP 3,000", "channels": "Instagram, Facebook", "start_date": "2027-03-12",
             "end_date": "2027-03-14", "languages": LANGUAGES[lang]}  # fmt: skip
    run = drafts_for_brief(brief, modules=modules, inputs={"monitoring": {"csv_path": str(csv_path)}})
    assert not run.errors, run.errors
    return run.drafts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_three_day_festivals_report_names_no_week_and_no_lowest_of_one(missing_sentences, tmp_path, lang):
    drafts = _festival(lang, _festival_export(tmp_path), ("intake", "strategy", "creatives", "execution", "monitoring"))
    by_kind = {d["kind"]: d for d in drafts["monitoring"]}
    report, advice = by_kind["performance_report"]["content_markdown"], by_kind["recommendations"]["content_markdown"]
    # The data ends on the festival's last day: nothing is to be reviewed "next week".
    assert not WEEKS.search(advice), advice
    # One platform in the data: it is the only one, not the "lowest" of one.
    assert LOWEST[lang] not in report and ONLY[lang] in report, report
    assert not missing_sentences, sorted(missing_sentences)


def _facts(elapsed: dict | None, platforms: int) -> dict:
    rows = [{"platform": "meta", "impressions": 1000, "clicks": 50, "leads": 5, "spend": 100.0, "ctr": 5.0,
             "cpl": 20.0, "share_of_leads": 50.0, "share_of_spend": 40.0},
            {"platform": "google_ads", "impressions": 800, "clicks": 40, "leads": 5, "spend": 150.0, "ctr": 5.0,
             "cpl": 30.0, "share_of_leads": 50.0, "share_of_spend": 60.0}][:platforms]  # fmt: skip
    return {"language": "en", "currency": "GBP", "platforms": rows, "weeks": [], "targets": [], "elapsed": elapsed,
            "period": {"start": "2027-03-12", "end": "2027-03-13"},
            "totals": {"impressions": 1800, "clicks": 90, "leads": 10, "spend": 250.0, "ctr": 5.0, "cpl": 25.0}}


@pytest.mark.parametrize(("elapsed", "expected"), [
    ({"days": 3, "of_days": 3, "fraction": 1.0, "percent": 100.0}, "In the next campaign, give Meta a larger share"),
    ({"days": 2, "of_days": 3, "fraction": 2 / 3, "percent": 66.67}, "to Meta for the rest of the campaign"),
    ({"days": 7, "of_days": 60, "fraction": 7 / 60, "percent": 11.67}, "to Meta for the next two weeks"),
    (None, "to Meta for the next two weeks"),
])  # fmt: skip
def test_a_budget_move_looks_no_further_than_the_campaign_lasts(elapsed, expected):
    output = compose_monitoring({"facts": _facts(elapsed, platforms=2)})
    actions = [r["action"] for r in output["recommendations"]]
    assert any(expected in a for a in actions), actions


def test_one_platforms_cost_is_stated_without_ranking_it():
    output = compose_monitoring({"facts": _facts({"days": 1, "of_days": 3, "fraction": 1 / 3, "percent": 33.33}, 1)})
    findings = [i["finding"] for i in output["insights"]]
    assert findings[0] == "Meta is the only platform in this data; its cost per lead is 20.00 GBP."
    assert not any("lowest" in f for f in findings)
    assert not ungrounded_numbers(findings[0], "| 20.00 |")
    assert output["recommendations"][0]["action"] == ("Keep the current plan and budget split, and review this table "
                                                      "again before the campaign ends.")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_client_pack_asks_for_a_short_campaigns_days_not_weeks(missing_sentences, tmp_path, lang):
    drafts = _festival(lang, tmp_path / "unused.csv", ("intake", "strategy", "creatives", "execution"))
    items = [{"kind": d["kind"], "metadata": d["metadata"]} for module in drafts.values() for d in module]
    summary = compose_delivery({"facts": {"items": items, "brand": "Harbour Lights Festival",
                                          "campaign_title": "Harbour Lights weekend", "counts": [], "checklist": []}})
    steps = "\n".join(summary["next_steps"])
    assert not WEEKS.search(steps), steps
    assert not missing_sentences, sorted(missing_sentences)


def test_learn_reads_an_approved_report_on_one_platform_as_performance_data(workspace):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "monitoring", [
        item("Performance report", "# Performance report\n\nKPIs computed from the uploaded CSV.",
             kind="performance_report",
             metadata={"currency": "GBP", "targets": [],
                       "platforms": [{"platform": "meta", "leads": 74, "spend": 9468.12, "cpl": 127.95}]}),
    ])  # fmt: skip
    report = workspace.list_deliverables(campaign.name, "monitoring")[0]
    workflow.approve(workspace, report.id, version=1, reviewer="rita")
    result = generate_module(workspace, campaign.name, "learn")
    assert result.ok, result.envelope.error
    lessons = next(d for d in workspace.list_deliverables(campaign.name, "learn") if d.kind == "lessons")
    text = lessons.content_markdown
    assert "No performance data yet" not in text and "no approved performance data" not in text
    assert "no per-platform or KPI table" not in text
    assert "One platform, nothing to rank" in text
    assert "covers one platform, Meta, and no KPI target it could measure" in text
    # Counted as a person counts: "one deliverable", "1 version", never "deliverable(s)".
    assert "(s)" not in text, text
    assert "one deliverable approved, as generated" in text
    assert "The one approved deliverable was approved exactly as generated" in text


def _plan_facts(lang: str, rules: int) -> dict:
    """An action plan's facts after a three-day festival's approved report (one platform, GBP)."""
    kpis = [{"metric": "impressions", "value": 96672}, {"metric": "spend", "value": 9468.12},
            {"metric": "ctr", "value": 2.44}, {"metric": "cpl", "value": 127.95}]
    title = {"en": "Performance report: Harbour Lights weekend",
             "fr": "Rapport de performance\u00a0: Harbour Lights weekend"}[lang]
    return {"campaign_name": "Harbour Lights weekend", "approver": "Rita", "language": lang,
            "period": {"start": "2027-03-12", "end": "2027-03-14"},
            "policy": {"level": "manual", "meaning": "manual", "qc_threshold": 80, "auto_approve_kinds": [],
                       "auto_approvable": [], "always_a_person": ["autonomy_policy"], "audience_facing_allowed": [],
                       "never_auto_approved": ["autonomy_policy"], "qc_score_start": 100,
                       "qc_score_penalties": {"blocker": 40, "major": 15, "minor": 5}},
            "rules": [{"number": n, "source": "decision rule", "rule": "If leads stall, refresh the hook.",
                       "touches_spend": False, "kpis": [], "status": "to check", "reason": ""}
                      for n in range(1, rules + 1)],
            "monitoring": {"available": True, "kpis": kpis, "title": title, "version": 1, "currency": "GBP",
                           "note": ""},
            "spend_guard": None}  # fmt: skip


def _plan(lang: str, rules: int) -> str:
    facts = _plan_facts(lang, rules)
    output = compose_autonomy({"facts": facts})
    items = AUTONOMY.to_deliverables(output, inputs=AUTONOMY.validate_inputs({"level": "manual"}), brand={},
                                     campaign={}, facts=facts)
    return next(i for i in items if i.kind == "action_plan").content_markdown


def test_the_action_plans_data_reads_as_the_reports_figures_in_english():
    plan = _plan("en", rules=4)
    assert "rule(s)" not in plan and "This plan turns the 4 rules of the approved strategy" in plan
    assert "\u201cPerformance report: Harbour Lights weekend\u201d (version 1)" in plan
    for row in ("| Impressions | 96,672 |", "| Spend | 9,468.12 GBP |", "| CTR | 2.44% |", "| CPL | 127.95 GBP |"):
        assert row in plan, plan
    assert "This plan turns the one rule of the approved strategy into a guarded action" in _plan("en", rules=1)


def test_the_action_plans_data_is_written_the_french_way(missing_sentences):
    plan = _plan("fr", rules=4)
    assert "\\xa0" not in plan and "'Rapport" not in plan  # the title was its Python repr()
    assert "«\u00a0Rapport de performance\u00a0: Harbour Lights weekend\u00a0»" in plan
    for row in ("| Impressions | 96\u202f672 |", "| Dépenses | 9\u202f468,12 GBP |", "| Taux de clics | 2,44\u00a0% |",
                "| Coût par contact | 127,95 GBP |"):  # fmt: skip
        assert row in plan, plan
    assert "Ce plan transforme l'unique règle" in _plan("fr", rules=1)
    assert not missing_sentences, sorted(missing_sentences)


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_scoring_rules_are_explained_in_the_documents_language(missing_sentences, tmp_path, lang):
    brief = {"client_name": "Harbour Lights Festival", "campaign": "lights-weekend", "name": "Harbour Lights weekend",
             "geography": "Bristol", "objective": "Awareness", "budget": "GBP 3,000", "channels": "Instagram, Facebook",
             "start_date": "2027-03-12", "end_date": "2027-03-14", "languages": LANGUAGES[lang],
             "industry": "events", "offer": "A three-night light festival", "audience": "Families in Bristol"}
    leads = Path(__file__).parent / "data" / "leads" / "hubspot_contacts.csv"
    run = drafts_for_brief(brief, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_path": str(leads), "min_score": 20}})
    assert not run.errors, run.errors
    scored = next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")["content_markdown"]
    rules = scored.split("\n## ")[-1]
    assert "| 15 |" in rules  # the rules table is there, with its points
    for english in ("when the", "per click", "Company size", "Email opens", "at most"):
        assert english not in rules, rules
    assert not missing_sentences, sorted(missing_sentences)


@pytest.mark.parametrize(("elapsed", "watch"), [
    ({"days": 30, "of_days": 30, "fraction": 1.0, "percent": 100.0}, None),
    ({"days": 25, "of_days": 30, "fraction": 25 / 30, "percent": 83.33},
     "Whether the fall in leads in 2027-W39 continues for the rest of the campaign."),
    ({"days": 7, "of_days": 60, "fraction": 7 / 60, "percent": 11.67},
     "Whether the fall in leads in 2027-W39 continues into the next week."),
])  # fmt: skip
def test_a_fall_in_leads_is_watched_only_while_the_campaign_runs(elapsed, watch):
    facts = _facts(elapsed, platforms=1)
    facts["weeks"] = [{"week": "2027-W38", "leads": 9, "cpl": 20.0, "leads_change": None},
                      {"week": "2027-W39", "leads": 5, "cpl": 22.0, "leads_change": -44.44}]
    output = compose_monitoring({"facts": facts})
    assert output["watch_next"] == ([watch] if watch else []), output["watch_next"]


def _qc_lessons(lang: str, fixed: int) -> dict:
    from aicmo_kernel.modules.learn.composer import compose_learn

    check = {"id": "Q1", "source": "qc", "topic": "qc_check", "statement": "QC check 'cta' flagged ...",
             "data": {"check_id": "cta", "first_drafts_flagged": 1, "fixed_before_approval": fixed}}
    facts = {"language": lang, "campaign": "martin-rentree", "brand": "Boulangerie Martin", "evidence": [check],
             "edits": {"approved": 24, "edited": 0}, "qc": {"checks": [check["data"]], "versions_checked": 29}}
    return next(lesson for lesson in compose_learn({"facts": facts})["lessons"] if lesson["evidence"] == ["Q1"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_qc_flag_nobody_fixed_is_not_called_a_fix(missing_sentences, lang):
    open_flag, fixed = _qc_lessons(lang, fixed=0)["lesson"], _qc_lessons(lang, fixed=1)["lesson"]
    assert "(s)" not in open_flag + fixed and "(en)" not in open_flag + fixed
    if lang == "en":
        assert open_flag == "QC flagged problems in first drafts: 'cta' flagged 1 first draft, none fixed before approval."
        assert fixed == "QC caught problems reviewers then had to fix: 'cta' flagged 1 first draft; fixed before approval: 1."
    had_to_fix = {"en": "had to fix", "fr": "ont ensuite dû corriger", "es": "tuvieron que corregir",
                  "de": "beheben mussten"}[lang]
    assert had_to_fix not in open_flag and had_to_fix in fixed, (open_flag, fixed)
    assert not missing_sentences, sorted(missing_sentences)
