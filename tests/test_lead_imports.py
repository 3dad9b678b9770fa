"""Leads in: HubSpot, Salesforce and Pipedrive exports as they come, any table through a mapping,
statuses through a table the user can change, and titles matched by meaning. What each file holds
is counted by the fixture generator before writing (tests/data/leads/make_fixtures.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.leads import IdealCustomer, Lead, load_leads, read_leads_text, score_lead
from aicmo_kernel.leads.statuses import DEFAULT_STATUS_TABLE, status_table

DATA = Path(__file__).parent / "data" / "leads"
TRUTH = json.loads((DATA / "truth.json").read_text("utf-8"))


def _load(name: str, **options):
    text, _, field = read_leads_text(str(DATA / name))
    return load_leads(text, field=field, **options)


def test_hubspot_contacts_join_names_and_take_lead_status_before_lifecycle_stage():
    leads = _load("hubspot_contacts.csv")
    truth = TRUTH["hubspot_contacts.csv"]
    assert len(leads.leads) == truth["leads"]
    assert leads.warnings[0] == "read as a HubSpot contacts export"
    assert any("status 'Customer' left out" in w for w in leads.warnings) == bool(truth["left_out_customers"])
    first = leads.leads[0]
    assert " " in first.name and first.company and first.title and first.last_activity is not None
    assert {lead.status for lead in leads.leads} <= {"new", "contacted", "engaged", "qualified", "lost"}
    assert first.email_opens is not None and first.company_size


def test_salesforce_semicolon_report_with_footers_and_day_first_dates():
    leads = _load("salesforce_leads.csv")
    truth = TRUTH["salesforce_leads.csv"]
    assert len(leads.leads) == truth["leads"]
    counts = truth["statuses"]
    by_status = {s: sum(1 for lead in leads.leads if lead.status == s) for s in ("new", "contacted", "engaged", "qualified", "lost")}
    assert by_status == {"new": counts["Open - Not Contacted"], "contacted": counts["Working - Contacted"],
                         "engaged": counts["Nurturing"], "qualified": counts["Closed - Converted"],
                         "lost": counts["Closed - Not Converted"]}  # fmt: skip
    assert all(lead.last_activity <= date(2027, 3, 14) for lead in leads.leads)
    assert any(lead.last_activity.day > 12 for lead in leads.leads)  # read day first, not swapped


def test_pipedrive_xlsx_reads_the_stage_and_leaves_won_deals_out():
    leads = _load("pipedrive_deals.xlsx")
    assert len(leads.leads) == TRUTH["pipedrive_deals.xlsx"]["leads"]
    assert any("status 'Won' left out" in w for w in leads.warnings)
    assert {lead.status for lead in leads.leads} >= {"new", "contacted"}


def test_the_status_table_can_be_changed_and_unknown_statuses_name_the_row():
    text = "First Name,Last Name,Company Name,Job Title,Email,Lifecycle Stage,Lead Status\n" \
           "Bo,Li,Acme,CFO,bo@corp.co.uk,Lead,Demo booked\n"
    with pytest.raises(ValidationError, match=r"row 2, column status: 'Demo booked' is not one of .* nor in the status table"):
        load_leads(text)
    changed = load_leads(text, statuses={"Demo booked": "engaged"})
    assert changed.leads[0].status == "engaged"
    assert status_table({"Customer": "qualified"})["customer"] == "qualified" and DEFAULT_STATUS_TABLE["customer"] is None
    with pytest.raises(ValueError, match="map it to one of new, contacted"):
        status_table({"Demo booked": "hot"})


def test_any_table_through_a_lead_mapping():
    text = "Contact;Firma;Position;E-Mail;Phase\nAnna Berg;Acme GmbH;Leiterin Controlling;anna@acme.de;Erstkontakt\n"
    mapping = {"columns": {"name": "Contact", "company": "Firma", "title": "Position", "email": "E-Mail",
                           "status": "Phase"}, "statuses": {"Erstkontakt": "contacted"}}  # fmt: skip
    lead = load_leads(text, mapping=mapping).leads[0]
    assert (lead.name, lead.company, lead.status) == ("Anna Berg", "Acme GmbH", "contacted")
    with pytest.raises(ValidationError, match="the lead mapping gives no column for email"):
        load_leads(text, mapping={**mapping, "columns": {**mapping["columns"], "email": "Mail"}})


def test_a_crm_export_without_a_needed_column_says_what_it_looked_for():
    with pytest.raises(ValidationError, match=r"looks like a Salesforce leads export but has no column for email"):
        load_leads("First Name,Last Name,Title,Company / Account,Lead Status\nBo,Li,CFO,Acme,Nurturing\n")


def test_a_delimiter_ending_every_line_is_not_a_nameless_column():
    text = "name,company,title,email,status,\nA B,Acme,CFO,a@acme.de,new,\nC D,Beta,CFO,c@beta.de,contacted,\n"
    assert [lead.company for lead in load_leads(text).leads] == ["Acme", "Beta"]
    with pytest.raises(ValidationError, match="row 2 has 6 cells but the header has 5 columns"):
        load_leads("name,company,title,email,status\nA B,Acme, Inc,CFO,a@acme.de,new\n")


@pytest.mark.parametrize(("title", "points"), [
    ("Financial Controller", 20), ("Group Financial Controller", 20), ("CFO", 20),
    ("Chief Financial Officer", 20), ("Finance Director", 10), ("Software Engineer", 0),
])  # fmt: skip
def test_titles_match_the_audience_by_meaning(title, points):
    upstream = {"intake": [{"kind": "client_summary",
                            "metadata": {"audience": "finance controllers and CFOs at mid-sized manufacturers"}}]}
    icp = IdealCustomer.from_brief(upstream, {})
    assert "manufacturer" in icp.industries and "controller" not in icp.industries
    lead = Lead(row=2, name="A", company="B", title=title, email="a@b.co.uk", status="new")
    assert next(c for c in score_lead(lead, icp, None).components if c.key == "title").points == points


def test_uploads_in_xlsx_and_utf16_read_like_files():
    from aicmo_kernel.leads import leads_text_from_upload

    xlsx = leads_text_from_upload((DATA / "pipedrive_deals.xlsx").read_bytes(), "deals.xlsx")
    assert len(load_leads(xlsx).leads) == TRUTH["pipedrive_deals.xlsx"]["leads"]
    utf16 = (DATA / "salesforce_leads.csv").read_text("utf-8-sig").encode("utf-16")
    assert len(load_leads(leads_text_from_upload(utf16, "leads.csv")).leads) == TRUTH["salesforce_leads.csv"]["leads"]
    with pytest.raises(ValidationError, match="is not UTF-8 text"):
        leads_text_from_upload(b"\xff\x00\xfe name", "leads.csv")


# A HubSpot contacts export with a street address and notes over several lines: quoted, valid CSV.
HUBSPOT_MULTILINE = (
    "Record ID,First Name,Last Name,Email,Company Name,Job Title,Lifecycle Stage,Lead Status,Street Address,Notes\r\n"
    '1001,Ana,Ruiz,ana@ruiz-logistics.es,Ruiz Logistics,CFO,Lead,New,"Calle Mayor 5\r\n2º izquierda",\r\n'
    '1002,Ben,Ode,ben@odeco.co.uk,"OdeCo\r\nHoldings",Head of Finance,Lead,Attempted to contact,'
    '"Unit 4\r\nRiverside Park\r\nLeeds","Met at the expo.\r\nWants a demo in May."\r\n'
    "1003,Cy,Lo,cy@locorp.de,LoCorp,Controller,Lead,New,,\r\n"
)


def test_cells_holding_line_breaks_are_read_and_rows_numbered_as_a_spreadsheet_shows_them():
    leads = load_leads(HUBSPOT_MULTILINE)
    assert [(lead.row, lead.name, lead.company) for lead in leads.leads] == [
        (2, "Ana Ruiz", "Ruiz Logistics"), (3, "Ben Ode", "OdeCo Holdings"), (4, "Cy Lo", "LoCorp")]
    broken = HUBSPOT_MULTILINE.replace("cy@locorp.de", "cy@locorp")
    with pytest.raises(ValidationError) as caught:
        load_leads(broken)
    message = caught.value.message
    assert "row 4 as a spreadsheet counts rows (line 9 of the file" in message and "column email" in message
    assert caught.value.details == {"row": 4, "column": "email"}


def test_a_multi_line_record_names_its_lines_and_unused_notes_are_not_checked():
    text = ("name,company,title,email,status,notes\n"
            'Ana Ruiz,Ruiz Logistics,CFO,ana@ruiz-logistics.es,new,"' + "Long call notes. " * 40 + '\nNext: demo."\n'
            'Ben Ode,OdeCo,"Head of\nFinance",ben@odeco,contacted,\n')  # fmt: skip
    with pytest.raises(ValidationError, match=r"row 3 as a spreadsheet counts rows \(lines 4-5 of the file"):
        load_leads(text)
    fixed = load_leads(text.replace("ben@odeco", "ben@odeco.co.uk"))
    assert [lead.title for lead in fixed.leads] == ["CFO", "Head of Finance"]
    assert fixed.warnings == ("columns not used for scoring: notes",)


def test_rows_keep_their_numbers_after_comment_lines_and_a_multi_line_cell():
    text = ("# example data\nname,company,title,email,status\n"
            'Ana Ruiz,"Ruiz\nLogistics",CFO,ana@ruiz-logistics.example,new\n'
            "Ben Ode,OdeCo,CFO,ana@ruiz-logistics.example,new\n")  # fmt: skip
    leads = load_leads(text)
    assert leads.leads[0].row == 3 and leads.example_data
    # Spreadsheet rows, not lines of the file (the repeat is on line 5).
    assert leads.warnings[0] == "1 row repeats the email address of row 3 and was left out: row 4"


def test_an_xlsx_cell_holding_a_line_break_keeps_its_sheet_row_number():
    import io

    import openpyxl

    from aicmo_kernel.leads import leads_text_from_upload

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "company", "title", "email", "status", "notes"])
    sheet.append(["Ana Ruiz", "Ruiz Logistics", "CFO", "ana@ruiz-logistics.es", "new", "Met at the expo.\nDemo in May."])
    sheet.append(["Ben Ode", "OdeCo", "CFO", "ben@odeco", "new", ""])
    data = io.BytesIO()
    book.save(data)
    with pytest.raises(ValidationError, match=r"row 3, column email: 'ben@odeco' is not an email address"):
        load_leads(leads_text_from_upload(data.getvalue(), "leads.xlsx"))  # the sheet's row 3, nothing about lines
