"""Leadgen: the leads CSV, transparent scoring, NO_DATA runs, and that no lead is ever invented."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from aicmo_kernel.errors import NoDataError, ValidationError
from aicmo_kernel.grounding import keep_grounded, numbers_in
from aicmo_kernel.leads import IdealCustomer, Lead, load_leads, score_lead, score_leads, tier_for
from aicmo_kernel.modules import get_module
from aicmo_kernel.providers.offline import OfflineProvider

SPEC = get_module("leadgen")
HEADER = "name,company,title,email,status,industry,company_size,country,last_activity,email_opens,email_clicks,site_visits,replied"
ICP = IdealCustomer(audience="Owners and general managers of cafés with 8 to 40 staff",
                    roles=("general manager", "owner", "manager"), industries=("cafe", "restaurant"),
                    size_range=(8, 40), geography="England, the Midlands")


def demo_csv_text() -> str:
    return resources.files("aicmo_kernel").joinpath("data", "examples", "demo_leads.csv").read_text("utf-8")


def demo_names() -> set[str]:
    rows = [line for line in demo_csv_text().splitlines() if not line.startswith("#")]
    return {row["name"] for row in csv.DictReader(rows)}


def lead(**fields) -> Lead:
    base = dict(row=2, name="Ann Example", company="Example Café", title="Owner", email="ann@example.com",
                status="new")
    base.update(fields)
    return Lead(**base)


def points(scored, key: str) -> int:
    return next(c.points for c in scored.components if c.key == key)


# ----------------------------------------------------------------------------- inputs


def test_inputs_defaults_and_validation_name_the_field():
    inputs = SPEC.validate_inputs({"csv_path": "/tmp/leads.csv"})
    assert inputs.min_score == 50 and "lost" not in inputs.statuses and inputs.max_leads == 10
    for bad, field in (({"min_score": 101}, "inputs.min_score"), ({"statuses": ["hot"]}, "inputs.statuses.0"),
                       ({"statuses": []}, "inputs.statuses"), ({"max_leads": 0}, "inputs.max_leads"),
                       ({"leads": "x"}, "inputs.leads")):
        with pytest.raises(ValidationError) as err:
            SPEC.validate_inputs(bad)
        assert err.value.field == field


# ----------------------------------------------------------------------------- CSV


@pytest.mark.parametrize("row, column, words", [
    ("Bo,Acme,Owner,bo@example.com,new,Café,12,England,2027-01-02,abc,0,0,no", "email_opens", "not a number"),
    ("Bo,Acme,Owner,bo@example.com,hot,Café,12,England,2027-01-02,1,0,0,no", "status", "not one of"),
    ("Bo,Acme,Owner,not-an-email,new,Café,12,England,2027-01-02,1,0,0,no", "email", "not an email"),
    ("Bo,Acme,Owner,bo@example.com,new,Café,12,England,02/01/2027,1,0,0,no", "last_activity", "not a date"),
    ("Bo,Acme,Owner,bo@example.com,new,Café,12,England,2027-01-02,1,0,0,perhaps", "replied", "yes or no"),
    ("Bo,Acme,Owner,bo@example.com,new,Café,lots,England,2027-01-02,1,0,0,no", "company_size", "head count"),
    ("Bo,Acme,Owner,bo@example.com,new,Café,12,England,2027-01-02,-1,0,0,no", "email_opens", "whole number"),
    (",Acme,Owner,bo@example.com,new,Café,12,England,2027-01-02,1,0,0,no", "name", "empty"),
])
def test_csv_errors_name_row_and_column(row, column, words):
    text = f"{HEADER}\nAl,Acme,Owner,al@example.com,new,Café,12,England,2027-01-01,1,0,0,no\n{row}\n"
    with pytest.raises(ValidationError) as err:
        load_leads(text, field="inputs.csv_text")
    assert f"row 3, column {column}" in err.value.message and words in err.value.message
    assert err.value.field == "inputs.csv_text" and err.value.details == {"row": 3, "column": column}


def test_csv_missing_columns_extra_cells_and_empty_files():
    with pytest.raises(ValidationError) as err:
        load_leads("name,company,email\nBo,Acme,bo@example.com\n")
    assert "title, status" in err.value.message and err.value.details["missing_columns"] == ["title", "status"]
    with pytest.raises(ValidationError, match="row 2 has 6 cells"):
        load_leads("name,company,title,email,status\nBo,Acme,Owner,bo@example.com,new,extra\n")
    with pytest.raises(NoDataError):
        load_leads("")
    with pytest.raises(NoDataError, match="no lead rows"):
        load_leads("# a comment\nname,company,title,email,status\n\n")


def test_csv_comments_aliases_duplicates_and_example_marking():
    text = ("# Example data: made up\nFull Name,Company,Job Title,E-mail,Status,Notes\n"
            "Bo,Acme,Owner,bo@corp.co.uk,New,keep\nBo Again,Acme,Owner,BO@corp.co.uk,new,dup\n")
    loaded = load_leads(text)
    assert [l.name for l in loaded.leads] == ["Bo"] and loaded.leads[0].status == "new"
    assert loaded.leads[0].row == 3  # line numbers of the file, comment and header included
    assert loaded.example_data and "made up" in loaded.example_reason
    assert "1 row repeats the email address of row 3 and was left out: row 4" in loaded.warnings
    assert loaded.ignored_columns == ("notes",)
    real = load_leads("name,company,title,email,status\nBo,Acme,Owner,bo@corp.co.uk,new\n")
    assert not real.example_data
    assert load_leads(demo_csv_text()).example_data  # the shipped file is marked as example data


# ----------------------------------------------------------------------------- scoring


def test_fit_components_by_hand():
    ref = date(2027, 3, 1)
    assert points(score_lead(lead(title="General Manager"), ICP, ref), "title") == 20
    assert points(score_lead(lead(title="Managing Director"), ICP, ref), "title") == 10  # senior, not named
    assert points(score_lead(lead(title="Barista"), ICP, ref), "title") == 0
    assert points(score_lead(lead(industry="Cafés"), ICP, ref), "industry") == 15
    assert points(score_lead(lead(industry="Software"), ICP, ref), "industry") == 0
    assert points(score_lead(lead(company_size="30-60", size_range=(30, 60)), ICP, ref), "company_size") == 10
    assert points(score_lead(lead(company_size="50+", size_range=(50, None)), ICP, ref), "company_size") == 0
    assert points(score_lead(lead(country="England"), ICP, ref), "geography") == 5
    assert points(score_lead(lead(country="United Kingdom"), ICP, ref), "geography") == 2
    assert points(score_lead(lead(country="France"), ICP, ref), "geography") == 0


def test_engagement_and_recency_components_by_hand():
    ref = date(2027, 3, 1)
    scored = score_lead(lead(email_opens=7, email_clicks=2, site_visits=1, replied=True), ICP, ref)
    assert (points(scored, "email_opens"), points(scored, "email_clicks"), points(scored, "site_visits"),
            points(scored, "replied")) == (5, 6, 2, 15)
    assert "capped at 5 points" in next(c.reason for c in scored.components if c.key == "email_opens")
    assert points(score_lead(lead(email_clicks=5), ICP, ref), "email_clicks") == 9
    for days, expected in ((0, 15), (7, 15), (8, 10), (30, 10), (31, 5), (90, 5), (91, 0)):
        active = date.fromordinal(ref.toordinal() - days)
        assert points(score_lead(lead(last_activity=active), ICP, ref), "recency") == expected, days
    assert points(score_lead(lead(), ICP, ref), "recency") == 0


def test_total_tier_and_reference_date_is_the_file_not_today():
    full = lead(title="Owner", industry="Café", company_size="12", size_range=(12, 12), country="England",
                email_opens=5, email_clicks=3, site_visits=3, replied=True, last_activity=date(2001, 5, 1))
    older = lead(row=3, email="b@example.com", last_activity=date(2001, 4, 1))
    scored = score_leads([older, full], ICP)
    assert scored[0].lead is full and scored[0].score == 100 and scored[0].tier == "hot"
    assert points(scored[1], "recency") == 10  # 30 days before the file's latest date, decades before today
    assert (tier_for(70), tier_for(69), tier_for(45), tier_for(44)) == ("hot", "warm", "warm", "cold")
    assert all(s.score == sum(c.points for c in s.components) for s in scored)


def test_ideal_customer_comes_from_the_approved_brief():
    upstream = {"intake": [{"kind": "client_summary", "metadata": {
        "audience": "Owner-operators and general managers of independent restaurants and cafés with 8 to 40 staff",
        "offer": "A rota app for independent restaurants and cafés: a 30-day free trial",
        "industry": "Scheduling software for hospitality", "geography": "England"}}]}
    icp = IdealCustomer.from_brief(upstream, {})
    assert {"general manager", "owner", "operator"} <= set(icp.roles)
    assert set(icp.industries) == {"restaurant", "cafe", "hospitality"}
    assert icp.size_range == (8, 40) and icp.geography == "England"


def test_an_audience_of_people_and_the_place_name_no_industry():
    # "Families and young adults in Bristol" buy for themselves: their words are no company's
    # industry, nor is the city; read as a business audience, the city still is not one.
    upstream = {"intake": [{"kind": "client_summary", "metadata": {
        "audience": "Families and young adults in Bristol", "offer": "A light festival for families",
        "industry": "events", "geography": "Bristol, UK"}}]}
    assert IdealCustomer.from_brief(upstream, {}, people=True).industries == ()
    assert "bristol" not in IdealCustomer.from_brief(upstream, {}).industries
    # leadgen reads the audience as the strategy does (text.audience_kind) and scores no industry
    from aicmo_kernel.testing.offline_drafts import drafts_for_brief

    brief = {"client_name": "Harbour Lights Festival", "industry": "events", "geography": "Bristol",
             "audience": "Families and young adults in Bristol", "offer": "A three-night light festival",
             "channels": "Instagram", "start_date": "2027-03-12", "end_date": "2027-03-14"}
    leads = Path(__file__).parent / "data" / "leads" / "hubspot_contacts.csv"
    run = drafts_for_brief(brief, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_path": str(leads), "min_score": 20}})
    scored = next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")["content_markdown"]
    assert "the brief names no customer industry" in scored and "young, adult" not in scored


def test_grounding_drops_sentences_with_numbers_not_in_the_facts():
    kept, dropped = keep_grounded("Scores 82. It saves 5 hours a week! Costs 1,200 GBP.", {"82", "1200"})
    assert kept == "Scores 82. Costs 1,200 GBP." and dropped == ["It saves 5 hours a week!"]
    assert numbers_in("1,200.50 and 25% and 3") == ["1,200.50", "25", "3"]


# ----------------------------------------------------------------------------- generation


def _approved_demo(ws) -> None:
    """The demo campaign with intake and strategy generated offline and approved by a person."""
    from aicmo_kernel import workflow
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import generate

    seed_demo(ws)
    for module in ("intake", "strategy"):
        assert generate(ws, "demo", module, provider=OfflineProvider()).ok
        for item in ws.list_deliverables("demo", module):
            workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")


def _names_shown(items) -> set[str]:
    """Every lead name the leadgen deliverables show: table rows, headings and outreach lists."""
    names: set[str] = set()
    for item in items:
        text = item.content_markdown
        names |= {m.group(1) for m in re.finditer(r"^\| \d+ \| ([^|]+?) \|", text, re.MULTILINE)}
        names |= {m.group(1) for m in re.finditer(r"^### \d+\. ([^,]+),", text, re.MULTILINE)}
        names |= {m.group(1) for m in re.finditer(r"^- ([^,]+), .+ \(score \d+\)$", text, re.MULTILINE)}
        names |= set(item.metadata.get("lead_names") or [])
        names |= {row["name"] for row in item.metadata.get("rows") or []}
    return names


@pytest.mark.parametrize("overrides, words", [
    ({"csv_path": "/nowhere/leads.csv"}, "No leads file"),
    ({"min_score": 100, "statuses": ["new"]}, "No leads left"),
])
def test_no_data_is_a_stored_failed_run(workspace, overrides, words):
    from aicmo_kernel.generation import generate

    _approved_demo(workspace)
    result = generate(workspace, "demo", "leadgen", overrides, provider=OfflineProvider())
    assert result.envelope.status == "FAILED" and result.envelope.error.type == "NO_DATA"
    assert words in result.envelope.error.message
    run = workspace.get_run(result.run_id)
    assert run.status == "FAILED" and run.error["type"] == "NO_DATA"
    assert workspace.list_deliverables("demo", "leadgen") == []


def test_offline_generation_only_shows_leads_from_the_csv(workspace):
    from aicmo_kernel.generation import generate

    _approved_demo(workspace)
    result = generate(workspace, "demo", "leadgen", provider=OfflineProvider())
    assert result.ok, result.envelope.error
    items = workspace.list_deliverables("demo", "leadgen")
    kinds = [i.kind for i in items]
    assert kinds == ["scored_leads", "outreach_sequence", "outreach_sequence", "lead_magnet_ideas"]
    shown = _names_shown(items)
    assert shown and shown <= demo_names()
    table = items[0]
    assert "Example data" in table.content_markdown and table.metadata["example_data"] is True
    assert [r["score"] for r in table.metadata["rows"]] == sorted((r["score"] for r in table.metadata["rows"]), reverse=True)
    assert all(r["score"] >= 50 and r["status"] != "lost" for r in table.metadata["rows"])
    assert "@" not in json.dumps(table.metadata)  # email addresses stay in the file


def test_offline_draft_is_deterministic():
    from aicmo_kernel.demo import load_demo_brief

    brief = load_demo_brief()
    upstream = {"intake": [{"kind": "client_summary", "metadata": brief["inputs"]["intake"]}], "strategy": []}
    inputs = SPEC.validate_inputs({"csv_text": demo_csv_text()})
    drafts = []
    for _ in range(2):
        facts = SPEC.prepare_facts(inputs, brand=brief["brand"], campaign=brief["campaign"], upstream=upstream)
        request = SPEC.build_request(inputs, brand=brief["brand"], campaign=brief["campaign"], upstream=upstream,
                                     facts=facts)
        drafts.append(json.dumps(OfflineProvider().complete(request).data, sort_keys=True))
    assert drafts[0] == drafts[1]
    assert "@" not in request.prompt  # the file's email addresses never reach a prompt


def test_loopback_openai_generation_keeps_to_the_csv(workspace, llm_env):
    from aicmo_kernel.generation import generate

    _approved_demo(workspace)
    result = generate(workspace, "demo", "leadgen")
    assert result.ok, result.envelope.error
    assert result.envelope.meta.provider.startswith("openai")
    assert llm_env.request_count("/v1/chat/completions") >= 1
    assert "@" not in json.dumps(llm_env.last_request.body)  # no email address is sent to the model
    items = workspace.list_deliverables("demo", "leadgen")
    assert {i.kind for i in items} == {"scored_leads", "outreach_sequence", "lead_magnet_ideas"}
    assert _names_shown(items) <= demo_names()
    plan_rows = items[0].metadata["outreach_rows"]
    notes = items[0].metadata["notes"]
    assert set(notes) == {str(r) for r in plan_rows}  # a note per planned lead, none for anyone else


def test_facts_ground_a_rounded_figure_but_not_an_invented_one():
    from aicmo_kernel.grounding import allowed_numbers, ungrounded_numbers

    allowed = allowed_numbers({"score": 82.44, "rows": [{"opens": 12}], "note": "since 2027-03-01"})
    assert ungrounded_numbers("Scored 82.4 (82), opened 12 times since 2027-03-01.", allowed) == []
    assert ungrounded_numbers("Scored 83, opened 1,200 times since 2027-03-02.", allowed) == [
        "83", "1,200", "2027-03-02"]


# -- a brand's own leads sheet: mapped once, its status names in our vocabulary ----------------

OWN_LEADS = """Kontakt,E-Mail-Adresse,Firma,Position,Phase,Branche
Ada Example,ada@northwind.example,Northwind Clinics,Practice Manager,Termin gebucht,Healthcare
Ben Example,ben@contoso.example,Contoso Physio,Clinic Owner,Neu,Healthcare
Cy Example,cy@oldclient.example,Old Client Ltd,Owner,Kunde,Healthcare
"""


def test_a_mapped_leads_sheet_and_its_status_table_are_kept_for_the_brand(monkeypatch):
    from test_execution import seed_until

    from aicmo_kernel.generation import generate
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        seed_until(ws, "strategy", monkeypatch)
        inputs = {"csv_text": OWN_LEADS, "min_score": 0,
                  "column_mapping": {"name": "Kontakt", "email": "E-Mail-Adresse", "company": "Firma", "title": "Position", "status": "Phase",
                                     "industry": "Branche"},
                  "status_table": {"Termin gebucht": "engaged", "Neu": "new", "Kunde": "skip"}}
        first = generate(ws, "demo", "leadgen", inputs)
        assert first.ok, first.envelope.error
        text = " ".join(d.content_markdown for d in first.envelope.deliverables)
        assert "Northwind Clinics" in text and "Contoso Physio" in text and "Old Client Ltd" not in text
        saved = ws.get_campaign("demo").brief["column_mappings"]["leads"]
        assert saved["statuses"] == {"Termin gebucht": "engaged", "Neu": "new", "Kunde": None}
        again = generate(ws, "demo", "leadgen", {"csv_text": OWN_LEADS, "min_score": 0})  # the saved mapping reads it
        assert again.ok, again.envelope.error
        assert "Northwind Clinics" in " ".join(d.content_markdown for d in again.envelope.deliverables)
