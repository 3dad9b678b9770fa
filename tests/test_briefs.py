"""Briefs in: YAML or JSON briefs as people write them, through `aicmo new`, into a brand and a
campaign whose intake and strategy forms are prefilled; anything unclear names the key."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.briefs import (
    BriefError,
    brief_json_schema,
    parse_brief,
    parse_budget,
    parse_channels,
    parse_kpi_line,
)
from aicmo_kernel.cli import main
from aicmo_kernel.generation import generate
from aicmo_kernel.modules import get_module
from aicmo_kernel.store import Workspace

DOCS = Path(__file__).resolve().parents[1] / "docs" / "briefs.md"


def doc_examples() -> list[tuple[str, str]]:
    return re.findall(r"```(yaml|json)\n(.*?)```", DOCS.read_text("utf-8"), re.DOTALL)


def write_examples(folder: Path) -> list[Path]:
    paths = []
    for number, (lang, body) in enumerate(doc_examples(), 1):
        path = folder / f"brief{number}.{lang}"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_docs_have_three_examples_and_each_creates_a_campaign_the_forms_accept(tmp_path, monkeypatch):
    paths = write_examples(tmp_path)
    assert len(paths) == 3
    result = invoke("new", "--brief", str(paths[0]), "--json")
    assert result.exit_code == 0, result.output
    created = json.loads(result.output)
    campaign = created["campaign"]
    assert created["brand"]["name"] == "Northwind Ledger" and created["brand_created"] is True
    assert (campaign["name"], campaign["objective"], campaign["channels"]) == ("northwind-spring-2027", "leads", ["linkedin", "ads"])
    assert campaign["budget"] == 45000 and campaign["brief"]["budget"]["period"] == "quarter"
    assert campaign["brief"]["display_name"] == "Close in five days"
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    with Workspace.open() as ws:
        result = generate(ws, "northwind-spring-2027", "intake")
        assert result.ok, result.envelope.error
        record = ws.get_campaign("northwind-spring-2027")
        strategy_inputs = record.brief["inputs"]["strategy"]
    spec = get_module("strategy")
    validated = spec.validate_inputs(strategy_inputs)  # the prefilled strategy form is valid as it stands
    assert validated.objectives[0] == "60 pilot requests" and validated.duration_weeks == 14
    assert validated.kpi_targets[1].metric == "cost per pilot request"
    for path in paths[1:]:
        assert invoke("new", "--brief", str(path)).exit_code == 0


def test_a_folder_of_briefs_is_checked_whole_before_anything_is_created(tmp_path):
    folder = tmp_path / "briefs"
    folder.mkdir()
    write_examples(folder)
    (folder / "zz-broken.yaml").write_text("client_name: Oops\nobjective: Virality\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "--briefs", str(folder)])
    assert result.exit_code == 2
    assert "zz-broken.yaml: brief: objective: 'Virality' is not an objective" in result.output
    with Workspace.open() as ws:
        assert ws.list_campaigns() == []
    (folder / "zz-broken.yaml").unlink()
    result = invoke("new", "--briefs", str(folder), "--json")
    assert [r["campaign"]["name"] for r in json.loads(result.output)] == [
        "northwind-spring-2027", "little-bean-autumn", "helio-new-year-2028"]
    again = CliRunner().invoke(main, ["new", "--brief", str(folder / "brief1.yaml")])
    assert again.exit_code == 2 and "campaign: a campaign named 'northwind-spring-2027' already exists" in again.output


def test_schema_lists_the_keys():
    result = invoke("new", "--schema")
    schema = json.loads(result.output)
    assert schema == brief_json_schema()
    assert schema["required"] == ["client_name"] and {"budget", "channels", "kpi_targets", "campaign"} <= set(schema["properties"])


@pytest.mark.parametrize(("text", "expected"), [
    ("GBP 45,000 per quarter", (45000, "GBP", "quarter")), ("£6k in total", (6000, "GBP", "total")),
    ("$2,500/month", (2500, "USD", "month")), ("45.000 € pro Monat", (45000, "EUR", "month")),
    ("EUR 1.234,56 monthly", (1234.56, "EUR", "month")), ("1.5m annually", (1_500_000, None, "year")),
    (6000, (6000, None, "total")),
])  # fmt: skip
def test_budgets_as_people_write_them(text, expected):
    budget = parse_budget(text)
    assert (budget["amount"], budget["currency"], budget["period"]) == expected


def test_a_budget_per_period_is_not_a_total():
    parsed = parse_brief({"client_name": "A", "budget": "GBP 45,000 per quarter", "start_date": "2027-03-01",
                          "end_date": "2027-05-23"})  # fmt: skip
    assert parsed.budget["campaign_total"] == 41129.03 and parsed.intake["budget"] == 41129.03
    undated = parse_brief({"client_name": "A", "budget": "£3,000 a month"})
    assert undated.budget["campaign_total"] is None and "budget" not in undated.intake
    assert "campaign total is not known" in undated.warnings[0]


def test_channels_by_display_name():
    assert parse_channels("LinkedIn, Google Ads (search), Meta / Facebook, TikTok, YouTube") == [
        "linkedin", "ads", "facebook", "tiktok", "youtube"]
    assert parse_channels(["X (Twitter)", "twitter", "E-mail", "Instagram"]) == ["x", "email", "instagram"]
    spec = get_module("strategy")
    field = spec.input_model.model_fields["channels"]
    assert field is not None  # every key parse_channels returns is a channel the strategy form accepts:
    spec.input_model.model_validate({"campaign_name": "c", "objectives": ["o"], "channels": ["linkedin", "ads", "facebook", "tiktok",
                                                                        "youtube", "x", "email", "instagram", "blog"]})


@pytest.mark.parametrize(("line", "metric", "target", "unit"), [
    ("120 free-trial sign-ups", "free-trial sign-ups", 120, "count"),
    ("cost per sign-up under £35", "cost per sign-up", 35, "GBP"),
    ("25% trial-to-paid conversion", "trial-to-paid conversion", 25, "%"),
    ("CPL: 35 GBP", "CPL", 35, "GBP"),
    ("15,000 local reach", "local reach", 15000, "count"),
    ("120 sign-ups by 31 May", None, None, ""),
])  # fmt: skip
def test_kpi_lines_are_kept_and_parsed_when_unambiguous(line, metric, target, unit):
    parsed = parse_kpi_line(line)
    assert parsed["text"] == line and (parsed["metric"], parsed["target"], parsed["unit"]) == (metric, target, unit)


@pytest.mark.parametrize(("data", "key", "words"), [
    ({"objective": "Leads"}, "client_name", "is required"),
    ({"client_name": "A", "objective": "Virality"}, "objective", "is not an objective; write one of awareness"),
    ({"client_name": "A", "budget": "about 40 or 50k"}, "budget", "has more than one number"),
    ({"client_name": "A", "budget": "GBP 4,000", "currency": "USD"}, "currency", "says USD but budget is in GBP"),
    ({"client_name": "A", "budget": "4,000 per month", "budget_period": "quarter"}, "budget_period", "says quarter"),
    ({"client_name": "A", "channels": "LinkedIn, Snapchat"}, "channels", "'Snapchat' is not a channel"),
    ({"client_name": "A", "buget": 5}, "buget", "did you mean budget?"),
    ({"client_name": "A", "start_date": "01/03/2027"}, "start_date", "not a date I can read without guessing"),
    ({"client_name": "A", "start_date": "2027-03-01", "end_date": "2027-02-01"}, "end_date", "is before start_date"),
    ({"client_name": "A", "kpi_targets": [{"metric": "x"}]}, "kpi_targets[0]", "give metric and target"),
])  # fmt: skip
def test_anything_unclear_fails_naming_the_key(data, key, words):
    with pytest.raises(BriefError) as caught:
        parse_brief(data)
    assert caught.value.field == f"brief.{key}" and words in caught.value.message


def test_lists_as_arrays_lines_or_separated_text():
    parsed = parse_brief({"client_name": "A", "pain_points": "- one, with a comma\n- two",
                          "objections": "too dear; too slow", "banned_words": "synergy, disrupt",
                          "desired_outcomes": ["x", "y"], "start_date": date(2027, 3, 1)})  # fmt: skip
    assert parsed.intake["pain_points"] == ["one, with a comma", "two"]
    assert parsed.intake["objections"] == ["too dear", "too slow"]
    assert parsed.brand["banned_words"] == ["synergy", "disrupt"] and parsed.intake["desired_outcomes"] == ["x", "y"]


def test_a_thousands_separator_is_not_a_list_break():
    parsed = parse_brief({"client_name": "A", "kpi_targets": "2,000 product tour visits, 120 sign-ups",
                          "pain_points": "Q1, 2027 launch"})
    assert [k["text"] for k in parsed.kpi_lines] == ["2,000 product tour visits", "120 sign-ups"]
    assert [k["target"] for k in parsed.kpi_lines] == [2000, 120]
    assert parsed.intake["pain_points"] == ["Q1", "2027 launch"]


@pytest.mark.parametrize("line", [
    "20 000 personnes touchées",            # French: a space between groups of three
    "20\u00a0000 personnes touchées",       # a no-break space
    "20\u202f000 personnes touchées",       # a narrow no-break space, as French typography sets it
    "20.000 personnes touchées",            # German: a full stop
    "20,000 personnes touchées",            # English: a comma
    "20 k personnes touchées",
    "20k personnes touchées",
    "Au moins 20 000 personnes touchées",   # the comparator is not part of the metric
])  # fmt: skip
def test_a_kpi_reads_twenty_thousand_people_however_the_thousands_are_separated(line):
    parsed = parse_kpi_line(line)
    assert (parsed["metric"], parsed["target"], parsed["unit"]) == ("personnes touchées", 20000, "count")


@pytest.mark.parametrize(("line", "metric", "target", "unit"), [
    ("2 000 000 impressions", "impressions", 2_000_000, "count"),
    ("Coût par lead : 35 €", "Coût par lead", 35, "EUR"),
    ("Kosten pro Lead unter 40 €", "Kosten pro Lead", 40, "EUR"),
    ("Conversión 3,5 %", "Conversión", 3.5, "%"),
    ("1 200 inscriptions avant le 31 mai", None, None, ""),  # two numbers: kept as text, not guessed
])  # fmt: skip
def test_kpi_lines_in_other_languages(line, metric, target, unit):
    parsed = parse_kpi_line(line)
    assert (parsed["metric"], parsed["target"], parsed["unit"]) == (metric, target, unit)


def test_a_french_brief_keeps_its_spaced_kpi_target():
    parsed = parse_brief({"client_name": "A", "kpi_targets": "20 000 personnes touchées; 1 200 abonnés"})
    assert [(k["metric"], k["target"]) for k in parsed.kpi_lines] == [("personnes touchées", 20000),
                                                                     ("abonnés", 1200)]


def test_yaml_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("client_name: A\n  budget: : 5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "--brief", str(path)])
    assert result.exit_code == 2 and "bad.yaml is not valid YAML (line 2: mapping values are not allowed here)" in result.output
    assert yaml.safe_load("a: 1") == {"a": 1}


def test_an_uploaded_brief_reads_like_a_file():
    from aicmo_kernel.briefs import read_brief_bytes

    assert read_brief_bytes("client_name: Café Ünal\nbudget: €5k\n".encode(), "brief.yml") == {
        "client_name": "Café Ünal", "budget": "€5k"}
    assert read_brief_bytes(b'{"client_name": "A"}', "brief.JSON") == {"client_name": "A"}
    with pytest.raises(BriefError, match=r"brief.json is not valid JSON \(line 1"):
        read_brief_bytes(b"{client_name: A}", "brief.json")
    with pytest.raises(BriefError, match="must hold keys and values"):
        read_brief_bytes(b"- a\n- b\n", "brief.yaml")


@given(st.integers(min_value=0, max_value=99_999_999), st.sampled_from([0, 2]),
       st.sampled_from([(",", "."), (".", ","), (" ", ","), (" ", "."), ("", ".")]))  # fmt: skip
def test_money_is_read_as_written_in_any_convention(cents, decimals, style):
    from aicmo_kernel.briefs.values import parse_money

    thousands, decimal = style
    amount = cents / 100 if decimals else cents
    text = f"{amount:,.{decimals}f}".replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    assert parse_money(f"GBP {text}") == pytest.approx(round(amount, decimals))


def test_a_per_quarter_budget_reaches_the_intake_draft_as_stated_and_as_a_total(tmp_path):
    from aicmo_kernel.briefs import create_from_brief
    from aicmo_kernel.generation import generate, prepare_inputs
    from aicmo_kernel.store import Workspace

    brief = {"client_name": "Harbor Dental", "campaign": "spring-smiles", "objective": "Leads",
             "budget": "GBP 45,000 per quarter", "start_date": "2027-03-01", "end_date": "2027-05-23",
             "offer": "Same-week check-ups", "audience": "Families in Leith"}
    with Workspace.open() as ws:
        created = create_from_brief(ws, brief)
        name = created["campaign"]["name"]
        inputs = prepare_inputs(ws, name, "intake")
        assert inputs["budget_period"] == "quarter" and inputs["budget_per_period"] == 45_000
        total = inputs["budget"]
        assert 40_000 < total < 45_000  # less than one quarter: not 45,000, never a per-quarter figure as a total
        result = generate(ws, name, "intake")
        assert result.ok, result.envelope.error
        summary = result.envelope.deliverables[0].content_markdown
        assert "45,000 GBP per quarter" in summary and f"{total:,.2f}".rstrip("0").rstrip(".") in summary


def test_batch_creates_and_runs_one_campaign_per_brief_file(tmp_path):
    from click.testing import CliRunner

    from aicmo_kernel.cli import main

    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "dental.yaml").write_text("client_name: Harbor Dental\ncampaign: spring-smiles\nobjective: Leads\n")
    (folder / "bakery.json").write_text('{"client_name": "Boulangerie Lune", "campaign": "rentree", '
                                        '"objective": "awareness", "languages": "French"}')
    done = CliRunner().invoke(main, ["batch", "--briefs", str(folder), "--json"])
    assert done.exit_code == 3, done.output  # manual autonomy: each waits for a reviewer after intake
    data = json.loads(done.output)
    assert sorted(data["campaigns"]) == ["rentree", "spring-smiles"]
    assert all(c["outcome"] == "waiting" and c["stopped_at"] == "intake" for c in data["campaigns"].values())
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text("client_name: A Co\ncampaign: a-one\n")
    (broken / "b.yaml").write_text("client_name: B Co\ncampaign: b-one\nbuget: 10\n")
    refused = CliRunner().invoke(main, ["batch", "--briefs", str(broken)])
    assert refused.exit_code == 2 and "b.yaml" in refused.output and "buget" in refused.output
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        assert "a-one" not in [c.name for c in ws.list_campaigns()]  # one broken file creates nothing


def assert_one_note_line_per_brief(lines: list[str]) -> list[str]:
    """The command's lines about ``_briefs_with_notes``' two briefs: one each, the first note cut short."""
    noted = [line for line in lines if line.startswith("  note: ")]
    assert [line.split(":")[1].strip() for line in noted] == ["cafe.yaml (campaign cafe-noir)",
                                                              "lisboa.yaml (campaign lisboa)"]  # fmt: skip
    assert "is not UTF-8: it was read as Windows-1252" in noted[0]
    assert "duration_weeks 8 does not match" in noted[1] and "(and 1 more note)" in noted[1]
    assert all(len(line) <= 200 for line in noted)  # a line each, whatever the notes' length
    return noted


def _briefs_with_notes(folder: Path) -> None:
    folder.mkdir()
    # Word's plain text on a Western European Windows; a period in Portuguese; weeks that disagree with the dates
    (folder / "cafe.yaml").write_bytes("client_name: Café Noir\ncampaign: cafe-noir\n".encode("cp1252"))
    (folder / "lisboa.yaml").write_text("client_name: Lisboa Tours\ncampaign: lisboa\nbudget: 5.000 € por mês\n"
                                        "start_date: 2027-03-01\nend_date: 2027-05-31\nduration_weeks: 8\n")
    (folder / "plain.yaml").write_text("client_name: Plain Co\ncampaign: plain\n")


def test_batch_shows_each_briefs_notes_one_line_per_brief_and_in_full_in_json(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    _briefs_with_notes(tmp_path / "briefs")
    done = CliRunner().invoke(main, ["batch", "--briefs", str(tmp_path / "briefs"), "--processes", "1"])
    assert done.exit_code == 3, done.output
    lines = done.output.splitlines()
    noted = assert_one_note_line_per_brief(lines)
    assert "2 briefs with notes (above; --json has them in full)" in lines[-1]
    assert lines.index(noted[-1]) < min(i for i, line in enumerate(lines) if ": waiting;" in line)  # before the run
    rerun = tmp_path / "again"
    _briefs_with_notes(rerun)
    for path in rerun.iterdir():  # new campaign ids: the first batch's campaigns exist
        path.write_bytes(path.read_bytes().replace(b"campaign: ", b"campaign: json-"))
    data = json.loads(CliRunner().invoke(main, ["batch", "--briefs", str(rerun), "--processes", "1", "--json"]).output)
    briefs = {entry["campaign"]: entry for entry in data["briefs"]}
    assert set(briefs) == {"json-cafe-noir", "json-lisboa", "json-plain"}
    assert briefs["json-plain"] == {"file": "plain.yaml", "campaign": "json-plain", "notes": []}
    lisboa = briefs["json-lisboa"]["notes"]
    assert len(lisboa) == 2 and any("the words 'por mês' were not read" in note for note in lisboa)
    assert set(data["campaigns"]) == set(briefs)


def test_batch_without_briefs_has_no_briefs_key(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    invoke("init")
    data = json.loads(CliRunner().invoke(main, ["batch", "--json", "--processes", "1"]).output)
    assert "briefs" not in data


def test_yaml_values_are_read_as_written_not_as_yaml_1_1_guesses():
    from aicmo_kernel.briefs import read_brief_bytes

    data = read_brief_bytes(b"client_name: Fjord Council\ngeography: NO\nwebsite: no\nlanguages: [EN, NO]\n"
                            b"campaign: 0042\nname: 12:30\ntone: yes\nbudget: 45.000\ncurrency: EUR\n", "b.yaml")  # fmt: skip
    assert (data["geography"], data["campaign"], data["name"], data["tone"]) == ("NO", "0042", "12:30", "yes")
    parsed = parse_brief(data)
    assert parsed.intake["languages"] == ["EN", "NO"] and parsed.brand["website"] is None
    assert parsed.budget["amount"] == 45000  # '45.000' is forty-five thousand, as money is written in Germany
    assert parse_brief(read_brief_bytes(b'{"client_name": "A", "budget": 45.000}', "b.json")).budget["amount"] == 45000


def test_a_key_given_twice_is_refused_not_silently_overwritten():
    from aicmo_kernel.briefs import read_brief_bytes

    with pytest.raises(BriefError, match=r"b.yaml is not valid YAML \(line 3: .*'budget' is given twice"):
        read_brief_bytes(b"client_name: A\nbudget: 10k\nbudget: 20k\n", "b.yaml")
    with pytest.raises(BriefError, match=r"b.json: 'budget' is given twice"):
        read_brief_bytes(b'{"client_name": "A", "budget": "10k", "budget": "20k"}', "b.json")
    with pytest.raises(BriefError, match=r"brief: Client name: is given twice \(also as client_name\)") as caught:
        parse_brief({"client_name": "A", "Client name": "A Ltd"})
    assert caught.value.field == "brief.Client name"


def test_a_tab_indented_yaml_brief_says_what_is_wrong(tmp_path):
    from aicmo_kernel.briefs import read_brief_bytes

    with pytest.raises(BriefError, match=r"line 3: found character '\\t' that cannot start any token"):
        read_brief_bytes(b"client_name: A\nkpi_targets:\n\t- 100 leads\n", "b.yaml")


def test_a_start_date_with_a_time_is_read_as_its_day():
    from datetime import datetime

    parsed = parse_brief({"client_name": "A", "start_date": datetime(2027, 3, 1, 9, 0), "end_date": date(2027, 4, 30),
                          "budget": "£3,000 a month"})  # fmt: skip
    assert parsed.campaign["start_date"] == date(2027, 3, 1) and parsed.budget["campaign_total"] == 6000


def test_a_boolean_where_text_belongs_names_the_key():
    with pytest.raises(BriefError, match="brief: website: .*write it as text") as caught:
        parse_brief({"client_name": "A", "website": False})
    assert caught.value.field == "brief.website"


@pytest.mark.parametrize(("text", "expected"), [
    ("2,5 Mio. €", (2_500_000, "EUR", "total")), ("1,2 Mio. EUR pro Jahr", (1_200_000, "EUR", "year")),
    ("₹5 lakh per month", (500_000, "INR", "month")), ("₹2 crore", (20_000_000, "INR", "total")),
    ("$2MM annually", (2_000_000, "USD", "year")), ("月額50万円", (500_000, "JPY", "total")),
    ("R$ 12.000/month", (12_000, "BRL", "month")), ("CHF 8’000 per month", (8000, "CHF", "month")),
    ("AED 50,000 per month", (50_000, "AED", "month")), ("5000 euros per month", (5000, "EUR", "month")),
    ("$5k across Europe", (5000, "USD", "total")),
])  # fmt: skip
def test_budgets_with_scale_words_and_more_currencies(text, expected):
    budget = parse_budget(text)
    assert (budget["amount"], budget["currency"], budget["period"]) == expected


def test_mil_in_a_budget_is_not_guessed():
    with pytest.raises(BriefError, match="budget: 'R\\$ 12 mil por mês' says 'mil', a thousand in Spanish"):
        parse_budget("R$ 12 mil por mês")


def test_a_budget_read_as_a_total_notes_the_words_it_did_not_read():
    parsed = parse_brief({"client_name": "A", "budget": "6.000 € al mese", "start_date": "2027-03-01",
                          "end_date": "2027-05-31"})  # Italian: not a language the workbench writes
    assert parsed.budget["period"] == "total"
    assert any("'al mese'" in w and "per month" in w for w in parsed.warnings), parsed.warnings
    approx = parse_brief({"client_name": "A", "budget": "approx. €25,000 excl. VAT"})
    assert "the words 'approx. excl. VAT' were not read" in approx.warnings[0]  # as written, not lowercased
    assert parse_brief({"client_name": "A", "budget": "£6k in total"}).warnings == []
    assert parse_brief({"client_name": "A", "budget": "GBP 6,000"}).warnings == []


@pytest.mark.parametrize(("line", "metric", "target", "unit"), [
    ("50K site visits", "site visits", 50_000, "count"),
    ("Reach 1.2M impressions", "Reach impressions", 1_200_000, "count"),
    ("CTR > 2%", "CTR", 2, "%"),
    ("CPA ≤ €40", "CPA", 40, "EUR"),
    ("+20% organic traffic", "organic traffic", 20, "%"),
])  # fmt: skip
def test_kpi_lines_with_capital_suffixes_and_comparison_signs(line, metric, target, unit):
    parsed = parse_kpi_line(line)
    assert (parsed["metric"], parsed["target"], parsed["unit"]) == (metric, target, unit)


def test_a_structured_kpi_target_keeps_its_currency_or_percent():
    parsed = parse_brief({"client_name": "A", "kpi_targets": [{"metric": "CPL", "target": "€35"},
                                                             {"metric": "CTR", "target": "2.5%"},
                                                             {"metric": "leads", "target": 120}]})
    assert [(k["metric"], k["target"], k["unit"]) for k in parsed.kpi_lines] == [
        ("CPL", 35, "EUR"), ("CTR", 2.5, "%"), ("leads", 120, "count")]


def test_a_campaign_id_keeps_the_letters_of_an_accented_client_name():
    assert parse_brief({"client_name": "Zahnarztpraxis Dr. Müller"}).campaign["name"] == "zahnarztpraxis-dr-muller"
    assert parse_brief({"client_name": "Fondation Océan Bleu"}).campaign["name"] == "fondation-ocean-bleu"


def test_a_number_below_one_is_not_read_as_thousands():
    from aicmo_kernel.briefs import read_brief_bytes
    from aicmo_kernel.briefs.values import parse_money

    assert (parse_money("0.035"), parse_money("0,035"), parse_money("1.035")) == (0.035, 0.035, 1035)
    data = read_brief_bytes(b"client_name: A\nkpi_targets:\n  - metric: conversion rate\n    target: 0.035\n", "b.yaml")
    assert parse_brief(data).kpi_lines[0]["target"] == 0.035


def test_duration_weeks_gives_the_missing_date_and_the_dates_win_when_both_are_given():
    monthly = parse_brief({"client_name": "A", "start_date": "2027-03-01", "duration_weeks": 8,
                           "budget": "EUR 2,000 per month"})
    assert (monthly.campaign["start_date"], monthly.campaign["end_date"]) == (date(2027, 3, 1), date(2027, 4, 25))
    assert monthly.strategy["duration_weeks"] == 8 and monthly.budget["campaign_total"] == pytest.approx(3666.67)
    assert not monthly.warnings  # the total is known: no "has no start_date and end_date"
    backwards = parse_brief({"client_name": "A", "end_date": "2027-04-25", "duration_weeks": "8 weeks"})
    assert backwards.campaign["start_date"] == date(2027, 3, 1)
    both = parse_brief({"client_name": "A", "start_date": "2027-03-01", "end_date": "2027-03-31", "duration_weeks": 8})
    assert both.strategy["duration_weeks"] == 5 and "duration_weeks 8 does not match" in both.warnings[0]
    assert parse_brief({"client_name": "A", "duration_weeks": 6}).strategy["duration_weeks"] == 6
    for bad in ("eight", 0, 200):
        with pytest.raises(BriefError, match="duration_weeks: .* is not a number of weeks from 1 to 104"):
            parse_brief({"client_name": "A", "duration_weeks": bad})


def test_channels_named_in_brackets_count_and_other_words_there_only_qualify():
    assert parse_channels(["Meta (Facebook & Instagram)", "Google Ads (search)", "LinkedIn (organic)"]) == [
        "facebook", "instagram", "ads", "linkedin"]
