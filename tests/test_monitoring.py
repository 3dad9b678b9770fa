"""Monitoring: CSV checks, KPI math, target mapping, charts, the grounding rule, and the module
end to end (NO_DATA, offline, and through the OpenAI SDK to the loopback server)."""

from __future__ import annotations

import base64
import io
from pathlib import Path
from datetime import date
from importlib import resources

import pytest
from fixtures_llm import OPENAI_PATH
from test_execution import seed_until

from aicmo_kernel.analytics import (
    compare_targets,
    compute_kpis,
    kpi_tables_markdown,
    measured_as,
    parse_performance_csv,
)
from aicmo_kernel.analytics.charts import performance_charts
from aicmo_kernel.errors import ContractViolation, NoDataError, ValidationError
from aicmo_kernel.generation import generate
from aicmo_kernel.grounding import ungrounded_numbers
from aicmo_kernel.modules import get_module
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.store import Workspace

SPEC = get_module("monitoring")
HEADER = "date,platform,impressions,clicks,leads,spend"
SMALL_CSV = f"""{HEADER},conversions
2027-03-01,linkedin,1000,20,2,50,1
2027-03-03,linkedin,1000,30,3,70,0
2027-03-02,x,2000,10,0,20,0
2027-03-09,linkedin,500,10,1,30,1
2027-03-09,Twitter,1500,15,1,10,0
"""
TARGETS = [
    {"metric": "sign-ups", "target": 20, "unit": "count"},
    {"metric": "cost per sign-up", "target": 25, "unit": "GBP"},
    {"metric": "trial-to-paid conversion", "target": 25, "unit": "%"},
    {"metric": "brand sentiment", "target": 80, "unit": "%"},
]
EXECUTION = {"execution": [{"id": "e1", "kind": "content_calendar", "title": "Calendar", "platform": None,
                            "hashtags": [], "version": 1, "content_markdown": "# Calendar",
                            "metadata": {"campaign_name": "Spring", "currency": "GBP", "kpi_targets": TARGETS,
                                         "start_date": "2027-03-01", "end_date": "2027-03-28"}}]}  # fmt: skip
BRAND = {"name": "Acme", "website": "https://acme.example"}
CAMPAIGN = {"name": "spring", "start_date": "2027-03-01", "end_date": "2027-03-28"}


def small_facts(**inputs):
    validated = SPEC.validate_inputs({"csv_text": SMALL_CSV, **inputs})
    return validated, SPEC.prepare_facts(
        validated, brand=BRAND, campaign=CAMPAIGN, upstream=EXECUTION
    )


# --------------------------------------------------------------------------- CSV checks


@pytest.mark.parametrize(
    ("text", "message"),
    [("date,platform,clicks\n2027-03-01,x,1\n", "missing the required columns impressions, leads, spend"),
     (f"{HEADER}\n" + "2027-03-01,x,10,5,1,2\n" * 5 + "2027-03-02,x,10,abc,1,2\n",
      "row 7, column clicks: 'abc' is not a number"),
     (f"{HEADER}\n2027-03-01,x,10,5,1,-2\n", "row 2, column spend: '-2' is negative"),
     (f"{HEADER}\n01/03/2027,x,10,5,1,2\n", "column date is ambiguous: '01/03/2027' could be day/month or month/day"),
     (f"{HEADER}\n2027-13-45,x,10,5,1,2\n", "row 2, column date: '2027-13-45' is not an ISO date"),
     (f"{HEADER}\n2027-03-01,x,10,5,1.5,2\n", "row 2, column leads: '1.5' is not a whole number"),
     (f"{HEADER}\n2027-03-01,,10,5,1,2\n", "row 2, column platform: empty"),
     (f"{HEADER}\n2027-03-01,x,10,,1,2\n", "row 2, column clicks: empty")],
)  # fmt: skip
def test_broken_csv_is_refused_naming_rows_and_columns(text, message):
    with pytest.raises(ValidationError, match=message) as caught:
        parse_performance_csv(text, source="uploaded file")
    assert caught.value.field == "inputs.csv_text"


def test_missing_columns_are_listed_in_details():
    with pytest.raises(ValidationError) as caught:
        parse_performance_csv("Date,Platform,Clicks\n", source="f.csv")
    assert caught.value.details["missing_columns"] == ["impressions", "leads", "spend"]


@pytest.mark.parametrize("text", ["", "   \n", HEADER + "\n", HEADER + "\n,,,,,\n"])
def test_empty_csv_is_no_data(text):
    with pytest.raises(
        NoDataError, match="no performance data: .*upload a CSV with columns date, platform"
    ):
        parse_performance_csv(text, source="uploaded file")


def test_lenient_on_format_strict_on_values():
    text = ("\ufeffDate;Platform;Impressions;Clicks;Leads;Spend;Campaign ID;Note\n"
            '2027-03-01;FB;"1,200";12;1;£30.50;abc;example data\n')  # fmt: skip
    data = parse_performance_csv(text, source="export.csv")
    row = data.rows[0]
    assert (row.platform, row.impressions, row.spend) == ("facebook", 1200, 30.5)
    assert data.ignored_columns == ["campaign_id"] and data.notes == ["example data"]
    assert data.warnings == ["column 'campaign_id' is not used by the report and was ignored"]


# --------------------------------------------------------------------------- KPIs and targets


def test_kpis_match_hand_computed_values():
    data = parse_performance_csv(SMALL_CSV, source="s.csv")
    kpis = compute_kpis(data.rows, has_conversions=True)
    t = kpis["totals"]
    assert (t["impressions"], t["clicks"], t["leads"], t["spend"], t["conversions"]) == (
        6000,
        85,
        7,
        180.0,
        2,
    )
    assert t["ctr"] == 1.42  # 85 / 6000 = 1.4166..%
    assert t["cpc"] == 2.12  # 180 / 85 = 2.1176
    assert t["cpl"] == 25.71  # 180 / 7
    assert t["lead_rate"] == 8.24  # 7 / 85
    assert t["conversion_rate"] == 28.57  # 2 / 7
    x = next(p for p in kpis["platforms"] if p["platform"] == "x")  # "Twitter" counted as x
    assert (x["leads"], x["spend"], x["cpl"], x["share_of_leads"]) == (1, 30.0, 30.0, 14.29)
    x_week_one = compute_kpis([r for r in data.rows if r.platform == "x" and r.date.day < 8])[
        "totals"
    ]
    assert (
        x_week_one["cpl"] is None and x_week_one["lead_rate"] == 0.0
    )  # no leads: CPL undefined, not 0
    weeks = kpis["weeks"]
    assert [(w["week"], w["week_start"], w["leads"]) for w in weeks] == [("2027-W09", "2027-03-01", 5),
                                                                        ("2027-W10", "2027-03-08", 2)]  # fmt: skip
    assert weeks[0]["leads_change"] is None and weeks[1]["leads_change"] == -60.0


@pytest.mark.parametrize(
    ("metric", "key"),
    [("free-trial sign-ups", "leads"), ("Leads", "leads"), ("cost per trial sign-up", "cpl"), ("CPL", "cpl"),
     ("cost per click", "cpc"), ("CTR", "ctr"), ("click-through rate", "ctr"), ("trial-to-paid conversion", None),
     ("brand sentiment", None), ("Impressions", "impressions"), ("ad spend", "spend")],
)  # fmt: skip
def test_target_metric_names_map_to_kpis(metric, key):
    found = measured_as(metric)  # no optional columns: conversion rates cannot be measured
    assert (found[0] if found else None) == key


def test_targets_compared_pro_rata_and_unmeasured_listed():
    data = parse_performance_csv(SMALL_CSV, source="s.csv")
    totals = compute_kpis(data.rows, has_conversions=True)["totals"]
    result = compare_targets(TARGETS, totals, available=["conversions"], campaign_start=date(2027, 3, 1),
                             campaign_end=date(2027, 3, 28), data_end=date(2027, 3, 14))  # fmt: skip
    assert result["elapsed"]["percent"] == 50.0
    signups, cost, conversion, sentiment = result["targets"]
    assert (signups["actual"], signups["expected_by_now"], signups["gap"], signups["status"]) == (
        7,
        10.0,
        -13.0,
        "behind pace",
    )
    assert (cost["actual"], cost["status"]) == (25.71, "above target")
    assert (conversion["kpi"], conversion["actual"], conversion["status"]) == (
        "conversion_rate",
        28.57,
        "on target",
    )
    assert (sentiment["kpi"], sentiment["status"]) == (None, "not measured by this data")


# --------------------------------------------------------------------------- grounding


def test_ungrounded_numbers_allows_formatting_variants():
    table = "| 2027-W10 | 2027-03-08 | 1,234 | 4.50% | 52.73 | -12.50% | 1234567.891 |"
    ok = ("1234 leads, 4.5% CTR, a CPL of 52.7 or about 53, down 12.5% in week 10 of 2027 "
          "(week starting 2027-03-08); 1,234,567.89 in total")  # fmt: skip
    assert ungrounded_numbers(ok, table) == []
    bad = "CPL 52.74, 37% more leads, 4.6% CTR, on 2027-03-09; 53.0 rounded"
    assert ungrounded_numbers(bad, table) == ["52.74", "37", "4.6", "2027-03-09", "53.0"]
    assert ungrounded_numbers("No figures at all, only words like two.", "") == []


def test_render_refuses_a_narrative_with_invented_figures():
    inputs, facts = small_facts()
    request = SPEC.build_request(
        inputs, brand=BRAND, campaign=CAMPAIGN, upstream=EXECUTION, facts=facts
    )
    data = OfflineProvider().complete(request).data
    data["insights"][0]["finding"] = "LinkedIn leads grew 300% and will reach 4,321 by May."
    with pytest.raises(Exception, match="not in the computed KPI table .*300, 4,321"):
        request.output_model.model_validate(
            data
        )  # inside the chain: a ContractViolation, then a repair
    with pytest.raises(ContractViolation) as caught:
        SPEC.to_deliverables(data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts)
    assert caught.value.field == "output.insights.0.finding"


def test_the_bound_model_sends_the_schema_of_the_model_it_checks():
    # The request reuses MonitoringOutput's schema (built once) for the per-table model: true only
    # while the grounding model adds checks and no fields.
    inputs, facts = small_facts()
    request = SPEC.build_request(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=EXECUTION, facts=facts)
    assert request.output_model is not SPEC.output_model
    assert request.output_schema == request.output_model.model_json_schema() == SPEC.output_model.model_json_schema()


# --------------------------------------------------------------------------- report and charts


def test_offline_report_is_grounded_and_shows_the_table_first():
    inputs, facts = small_facts()
    request = SPEC.build_request(
        inputs, brand=BRAND, campaign=CAMPAIGN, upstream=EXECUTION, facts=facts
    )
    data = OfflineProvider().complete(request).data
    assert OfflineProvider().complete(request).data == data  # deterministic
    parsed = SPEC.parse_output(data)
    table = kpi_tables_markdown(facts)
    for path, text in parsed.narrative():
        assert ungrounded_numbers(text, table) == [], path
    narrative = " ".join(text for _, text in parsed.narrative())
    assert "LinkedIn has the lowest cost per lead" in narrative  # 150/6 = 25.00 vs X 30.00
    assert (
        "ahead of pace" in narrative and "brand sentiment" in narrative
    )  # 7 leads, 6.43 expected by day 9
    report, recs = SPEC.to_deliverables(
        data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts
    )
    assert (report.kind, recs.kind) == ("performance_report", "recommendations")
    body = report.content_markdown
    assert body.index("### Totals") < body.index("## Insights")
    assert "| 6,000 | 85 | 7 | 180.00 | 1.42% | 2.12 | 25.71 |" in body
    assert "| brand sentiment | 80% | not measured by this data |" in body
    names = [c["name"] for c in report.assets["charts"]]
    assert names == ["leads_spend_weekly", "ctr_by_platform", "cpl_by_platform"]
    for chart in report.assets["charts"]:
        assert f"![{chart['title']}](chart:{chart['name']})" in body
    assert "Example data" not in body  # only the shipped example file is labelled as such


def test_charts_are_valid_deterministic_pngs():
    from PIL import Image

    _, facts = small_facts()
    first, second = performance_charts(facts), performance_charts(facts)
    assert first == second  # same facts, same bytes
    for chart in first:
        png = base64.b64decode(chart["png_base64"])
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        with Image.open(io.BytesIO(png)) as image:
            image.load()
            assert image.size == (700, 360)
        assert b"Software" not in png and b"matplotlib" not in png


def test_a_report_names_its_charts_and_an_export_draws_them_once(monkeypatch):
    from aicmo_kernel.analytics import charts
    from aicmo_kernel.export.model import charts_of

    charts._drawn.clear()  # charts other tests' facts left drawn
    drawn = []
    draw = charts._draw
    monkeypatch.setattr(charts, "_draw", lambda facts, label, words=None: drawn.append(label) or draw(facts, label, words))
    inputs, facts = small_facts()
    request = SPEC.build_request(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=EXECUTION, facts=facts)
    data = OfflineProvider().complete(request).data
    report, _ = SPEC.to_deliverables(data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts)
    assert drawn == []  # generating the report draws nothing
    expected = draw(facts, "")
    assert report.assets["charts"] == [{"name": c["name"], "title": c["title"]} for c in expected]
    pictures = charts_of(report.assets)  # what every export format reads
    assert pictures == {c["name"]: (c["title"], base64.b64decode(c["png_base64"])) for c in expected}
    assert charts_of(report.assets) == pictures and drawn == [""]  # drawn once, the same bytes as drawing now


def test_a_report_stored_with_its_pictures_is_exported_as_stored(monkeypatch):
    from aicmo_kernel.analytics import charts
    from aicmo_kernel.export.model import charts_of

    _, facts = small_facts()
    stored = charts._draw(facts, "")
    monkeypatch.setattr(charts, "_draw", lambda *args: pytest.fail("a stored picture was drawn again"))
    pictures = charts_of({"charts": stored, "chart_data": charts.chart_data(facts)})
    assert list(pictures) == ["leads_spend_weekly", "ctr_by_platform", "cpl_by_platform"]


def test_reporting_period_filters_rows_and_names_the_field_when_empty():
    _, facts = small_facts(period_start="2027-03-08")
    assert facts["period"] == {"start": "2027-03-09", "end": "2027-03-09", "rows": 2}
    with pytest.raises(NoDataError, match="no performance data between 2027-04-01") as caught:
        small_facts(period_start="2027-04-01")
    assert caught.value.field == "inputs.period_start"
    with pytest.raises(ValidationError) as bad:
        SPEC.validate_inputs(
            {"csv_text": SMALL_CSV, "period_start": "2027-03-10", "period_end": "2027-03-01"}
        )
    assert bad.value.field == "inputs.period_end"


def test_shipped_example_csv_is_labelled_and_in_the_demo_dates():
    text = (
        resources.files("aicmo_kernel")
        .joinpath("data", "examples", "demo_performance.csv")
        .read_text("utf-8")
    )
    data = parse_performance_csv(text, source="demo_performance.csv")
    assert 40 <= len(data.rows) <= 80
    assert {r.platform for r in data.rows} == {"instagram", "facebook", "email", "linkedin", "x"}
    assert date(2027, 3, 1) <= data.rows[0].date and data.rows[-1].date <= date(2027, 5, 23)
    assert all("example data" in note.lower() for note in data.notes)


# --------------------------------------------------------------------------- end to end


@pytest.fixture
def ws():
    with Workspace.open() as workspace:
        yield workspace


def test_missing_csv_is_a_stored_no_data_run(ws, monkeypatch):
    seed_until(ws, "execution", monkeypatch)
    for inputs in (
        {"csv_path": ""},
        {"csv_path": "/nowhere/perf.csv"},
        {"csv_path": "", "csv_text": HEADER},
    ):
        result = generate(ws, "demo", "monitoring", inputs)
        assert result.envelope.status == "FAILED"
        assert result.envelope.error.type == "NO_DATA"
        assert "no performance data" in result.envelope.error.message
        run = ws.get_run(result.run_id)
        assert run.status == "FAILED"
    assert ws.list_deliverables(campaign="demo", module="monitoring") == []


def test_demo_monitoring_offline_reports_example_data(ws, monkeypatch):
    seed_until(ws, "monitoring", monkeypatch)
    items = {d.kind: d for d in ws.list_deliverables(campaign="demo", module="monitoring")}
    assert set(items) == {"performance_report", "recommendations"}
    report = items["performance_report"]
    assert (
        "Example data." in report.content_markdown
        and "demo_performance.csv" in report.content_markdown
    )
    assert "| free-trial sign-ups | 120 | leads total |" in report.content_markdown


def test_demo_monitoring_through_the_openai_sdk(ws, llm_env, monkeypatch):
    seed_until(ws, "execution", monkeypatch)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    result = generate(ws, "demo", "monitoring")
    # The generic schema-fitting answer cites no figures, so it passes the grounding rule.
    assert result.ok, result.envelope.error
    assert result.envelope.meta.provider.startswith("openai")
    assert (
        "free-trial sign-ups" in llm_env.last_request.prompt_text
    )  # the KPI table reached the model
    report = next(d for d in result.envelope.deliverables if d.kind == "performance_report")
    table = report.metadata["kpi_table"]
    for text in [report.metadata["headline"], *(i["finding"] for i in report.metadata["insights"])]:
        assert ungrounded_numbers(text, table) == []


def _answer_with_invented_figure() -> dict:
    return {"headline": "Leads grew 250% in a month.",
            "insights": [{"finding": "Facebook brought 999 leads.", "evidence": "By platform"}],
            "recommendations": [{"action": "Double the budget.", "reason": "Leads grew 250%.", "priority": "high"}],
            "watch_next": []}  # fmt: skip


def test_invented_figures_get_one_repair_then_fail(ws, llm_env, monkeypatch):
    seed_until(ws, "execution", monkeypatch)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    llm_env.enqueue("ok", data=_answer_with_invented_figure())
    llm_env.enqueue("ok", data=_answer_with_invented_figure())
    result = generate(ws, "demo", "monitoring")
    assert result.envelope.status == "FAILED" and result.envelope.error.type == "CONTRACT_ERROR"
    assert "not in the computed KPI table" in result.envelope.error.message
    assert llm_env.request_count(OPENAI_PATH) == 2  # the answer, then one repair attempt
    assert "250" in llm_env.last_request.prompt_text  # the repair prompt quotes the problem


def test_invented_figures_fall_back_to_the_grounded_offline_draft(ws, llm_env, monkeypatch):
    seed_until(ws, "execution", monkeypatch)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "offline")
    llm_env.enqueue("ok", data=_answer_with_invented_figure())
    llm_env.enqueue("ok", data=_answer_with_invented_figure())
    result = generate(ws, "demo", "monitoring")
    assert result.ok and result.envelope.meta.provider == "offline"
    assert [a["status"] for a in result.attempts] == ["failed", "failed", "ok"]


# -- a client's own spreadsheet: mapped once, kept for the brand ---------------------------------

OWN_SHEET = """Tag;Kanal;Einblendungen;Klicks;Anmeldungen;Kosten
01.03.2027;LinkedIn;12.000;240;12;1.250,50
08.03.2027;LinkedIn;10.000;200;9;1.100,00
15.03.2027;LinkedIn;9.500;150;6;980,25
"""
OWN_MAPPING = {"date": "Tag", "platform": "Kanal", "impressions": "Einblendungen", "clicks": "Klicks",
               "leads": "Anmeldungen", "spend": "Kosten"}


def test_a_mapped_spreadsheet_is_read_and_its_mapping_kept_for_the_brand(ws, monkeypatch):
    seed_until(ws, "execution", monkeypatch)
    first = generate(ws, "demo", "monitoring", {"csv_text": OWN_SHEET, "column_mapping": OWN_MAPPING,
                                                "date_order": "DMY"})
    assert first.ok, first.envelope.error
    # Totals of the sheet, read in its own (German) conventions: 12.000 is twelve thousand.
    expected = f"| {12_000 + 10_000 + 9_500:,} | {240 + 200 + 150} | {12 + 9 + 6} | {1250.50 + 1100 + 980.25:,.2f} |"
    assert expected in first.envelope.deliverables[0].content_markdown
    saved = ws.get_campaign("demo").brief["column_mappings"]["performance"]
    assert saved["columns"] == OWN_MAPPING and saved["date_order"] == "DMY"
    # The next week's file: no mapping given, the brand's saved one reads it, and the report says so.
    second = generate(ws, "demo", "monitoring", {"csv_text": OWN_SHEET})
    assert second.ok, second.envelope.error
    report = second.envelope.deliverables[0].content_markdown
    assert expected in report and "saved for this brand" in report


def test_a_mapping_naming_a_column_the_file_lacks_is_refused_naming_it(ws, monkeypatch):
    seed_until(ws, "execution", monkeypatch)
    result = generate(ws, "demo", "monitoring", {"csv_text": OWN_SHEET, "date_order": "DMY",
                                                 "column_mapping": {**OWN_MAPPING, "leads": "Signups"}})
    assert not result.ok and "Signups" in result.envelope.error.message


def test_data_without_spend_or_impressions_says_not_measured_never_zero(ws, monkeypatch):
    # GA4 has sessions and key events but no ad impressions and no spend.
    ga4 = (Path(__file__).parent / "data" / "imports" / "ga4_traffic_acquisition.csv").read_text()
    seed_until(ws, "execution", monkeypatch)
    result = generate(ws, "demo", "monitoring", {"csv_text": ga4})
    assert result.ok, result.envelope.error
    report = result.envelope.deliverables[0].content_markdown
    assert "spend is not measured by this data" in report
    assert "**Not measured by this data:** impressions, spend" in report
    assert "of spend" not in report and "Spend (" not in report and "CPL" not in report.split("## Charts")[0]
    assert "0.00 GBP" not in report
    facts = ws.get_run(result.run_id)
    assert facts.status == "SUCCESS"
