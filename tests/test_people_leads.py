"""Leads files of people: a consumer brand's Mailchimp audience, Shopify customers or own list has
no company, and its people are scored on what they bought and how engaged they are, never as a
misfit for having no job title, industry or company size. Leadgen's documents speak of them as
people, in every language; a B2B run's documents, metadata and prompt stay exactly as they were
(``leadgen_b2b_runs.py``, its snapshot written before people were read)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.leads import (
    PEOPLE_SCORE_RULES,
    SCORE_RULES,
    IdealCustomer,
    Lead,
    load_leads,
    read_leads_text,
    score_lead,
    score_leads,
)
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

DATA = Path(__file__).parent / "data" / "leads"
ICP = IdealCustomer(audience="People in Bristol buying flowers for themselves and as gifts", geography="Bristol, UK")
BUSINESS_KEYS = {"title", "industry", "company_size"}
# Words only the English reasons for people use.
ENGLISH = re.compile(r"\b(spent|orders?|placed|rating|accepts|accepted|consent|nothing|recorded)\b")
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}


def _load(name: str, **options):
    text, _, field = read_leads_text(str(DATA / name))
    return load_leads(text, field=field, **options)


def _component(scored, key: str):
    return next(c for c in scored.components if c.key == key)


# ----------------------------------------------------------------------------- reading the files


def test_a_mailchimp_audience_export_is_read_as_people():
    leads = _load("mailchimp_subscribed.csv")
    assert leads.people and leads.warnings[0] == "read as a Mailchimp audience export"
    assert all(lead.person and not lead.company for lead in leads.leads) and len(leads.leads) == 5
    by_email = {lead.email: lead for lead in leads.leads}
    amy = by_email["amy.parker@example.com"]
    assert (amy.name, amy.member_rating, amy.accepts_marketing, amy.status) == ("Amy Parker", 5, True, "new")
    # Imported from a file: no CONFIRM_TIME, so no opt-in is claimed (OPTIN_TIME alone says nothing).
    assert by_email["cara.singh@example.com"].accepts_marketing is None
    assert by_email["dev.patel@example.com"].name == ""  # Mailchimp keeps contacts without a name
    assert "no status column: every row is read as status new" in leads.warnings
    unused = next(w for w in leads.warnings if w.startswith("columns not used for scoring:"))
    assert "last_changed" in unused and "cc" not in unused.split(": ", 1)[1].split(", ")
    assert amy.country == "GB"  # Mailchimp's CC, an ISO code the geography compares as a country


def test_a_shopify_customers_export_is_read_as_people_with_their_orders():
    leads = _load("shopify_customers.csv")
    assert leads.people and leads.warnings[0] == "read as a Shopify customers export"
    by_name = {lead.name: lead for lead in leads.leads}
    assert (by_name["Isla Brown"].orders, by_name["Isla Brown"].total_spent) == (6, 312.40)
    assert by_name["Freya Wilson"].total_spent == 1204.99 and by_name["Freya Wilson"].accepts_marketing is False
    assert by_name["Noah Smith"].orders == 0 and by_name["Noah Smith"].total_spent == 0
    # The address's company is a shop customer's, not a lead's company: not read, and said so.
    assert by_name["Mia Jones"].company == "" and by_name["Mia Jones"].person
    assert any("default address company" in w for w in leads.warnings)
    assert any(w.startswith("2 people have not accepted email marketing") and w.endswith("row 4, 6")
               for w in leads.warnings)
    assert by_name["Mia Jones"].row == 4  # numbered as a spreadsheet shows them, the note's line break aside


def test_the_older_shopify_header_and_hubspot_contacts_without_a_company_are_people():
    old = ("First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,"
           "Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt\n"
           "Ana,Ruiz,ana@example.com,,1 Calle Mayor,,Madrid,Madrid,M,Spain,ES,28013,,yes,120.00,3,,,no\n")  # fmt: skip
    lead = load_leads(old).leads[0]
    assert (lead.person, lead.orders, lead.total_spent, lead.accepts_marketing, lead.country) == (
        True, 3, 120.0, True, "Spain")
    hubspot = ("Record ID,First Name,Last Name,Email,Lifecycle Stage,Marketing emails opened,Last Activity Date\n"
               "501,Bo,Li,bo@example.com,Subscriber,4,2027-03-01\n")
    contacts = load_leads(hubspot)
    assert contacts.people and contacts.leads[0].person and contacts.leads[0].status == "new"
    assert contacts.leads[0].email_opens == 4 and contacts.leads[0].title == ""


def test_our_own_csv_without_a_company_column_is_a_file_of_people():
    text = "name,email,country,orders,total_spent,accepts_marketing\nAmy Parker,amy@example.com,England,2,€ 45,50,yes\n"
    with pytest.raises(ValidationError, match="row 2 has 7 cells"):  # an unquoted decimal comma splits the cell
        load_leads(text)
    leads = load_leads(text.replace("€ 45,50", '"€ 45,50"'))
    lead = leads.leads[0]
    assert leads.people and lead.person and (lead.orders, lead.total_spent, lead.status) == (2, 45.5, "new")
    assert any(w.startswith("no company column: every row is read as a person") for w in leads.warnings)
    with pytest.raises(ValidationError) as caught:
        load_leads("email,country\namy@example.com,England\n")
    assert caught.value.details["missing_columns"] == ["name"] and "a file of people needs" in caught.value.message


def test_a_b2b_file_with_a_row_missing_its_company_still_names_the_row():
    text = "name,company,title,email,status\nAl Ode,Acme,CFO,al@acme.co.uk,new\nBo Li,,CFO,bo@corp.co.uk,new\n"
    with pytest.raises(ValidationError) as caught:
        load_leads(text)
    assert "row 3, column company: is empty; every lead needs a company" in caught.value.message
    assert caught.value.details == {"row": 3, "column": "company"}
    # For a consumer brief the same row is a person; the row with a company stays a lead at a company.
    leads = load_leads(text, people=True)
    assert [(lead.name, lead.person) for lead in leads.leads] == [("Al Ode", False), ("Bo Li", True)]
    assert any(w.startswith("1 row without a company read as people") for w in leads.warnings)


@pytest.mark.parametrize(("column", "cell", "words"), [
    ("total_spent", "lots", "is not an amount"), ("total_spent", "-5.00", "0 or more"),
    ("orders", "2.5", "whole number"), ("member_rating", "7", "member rating from 1 to 5"),
    ("accepts_marketing", "maybe", "not yes or no"),
])  # fmt: skip
def test_bad_cells_of_people_columns_name_row_and_column(column, cell, words):
    text = f"name,email,{column}\nAmy,amy@example.com,{cell}\n"
    with pytest.raises(ValidationError) as caught:
        load_leads(text)
    assert f"row 2, column {column}" in caught.value.message and words in caught.value.message


# ----------------------------------------------------------------------------- scoring


def test_people_are_scored_without_business_components_on_what_they_bought():
    scored = {s.lead.name: s for s in score_leads(_load("shopify_customers.csv"), ICP)}
    for one in scored.values():
        assert not {c.key for c in one.components} & BUSINESS_KEYS
        assert one.as_row()["person"] is True
    isla, george, noah = scored["Isla Brown"], scored["George Evans"], scored["Noah Smith"]
    assert _component(isla, "orders").points == 15 and "capped at 15 points" in _component(isla, "orders").reason
    assert _component(george, "orders").points == 10 and _component(george, "orders").reason == "placed 2 orders"
    # Median spend among the four who bought: (89.00 + 312.40) / 2 = 200.70.
    assert _component(isla, "total_spent").reason == (
        "spent 312.40 in total, at or above the file's median among people who bought (200.70)")
    assert _component(george, "total_spent").points == 5
    assert _component(noah, "orders").reason == "no orders yet" and _component(noah, "total_spent").points == 0
    assert _component(scored["Freya Wilson"], "accepts_marketing").reason == "has not accepted email marketing"
    # Columns a Shopify export does not have are said as missing and count for nothing either way.
    rating = _component(isla, "member_rating")
    assert (rating.points, rating.max_points, rating.reason) == (0, 0, "member rating not recorded")
    # The default address's country code (GB) is in "Bristol, UK": Isla and George get its 5; Noah has none.
    assert isla.possible == 40 and isla.score == 100 and isla.tier == "hot"
    assert george.score == round(100 * 30 / 40) and noah.score == round(100 * 10 / 40)


def test_a_person_scored_with_every_column_is_scored_out_of_100_by_hand():
    person = Lead(row=2, name="Amy", company="", title="", email="amy@example.com", status="new", person=True,
                  country="UK", orders=1, total_spent=40.0, member_rating=4, accepts_marketing=True, email_opens=2,
                  email_clicks=1, site_visits=None, replied=None, last_activity=date(2027, 3, 1))  # fmt: skip
    scored = score_lead(person, ICP, date(2027, 3, 5), spend_median=50.0)
    points = {c.key: c.points for c in scored.components}
    assert points == {"geography": 5, "orders": 5, "total_spent": 5, "accepts_marketing": 10, "member_rating": 6,
                      "email_opens": 2, "email_clicks": 3, "site_visits": 0, "replied": 0, "recency": 15}
    assert scored.possible == 100 == sum(points for _, points, _ in PEOPLE_SCORE_RULES)
    assert scored.score == sum(points.values()) == 51 and scored.tier == "warm"
    assert _component(scored, "site_visits").reason == "no site visits recorded"


def test_a_lead_at_a_company_keeps_the_business_components():
    lead = Lead(row=2, name="Al", company="Acme", title="CFO", email="al@acme.co.uk", status="new")
    scored = score_lead(lead, IdealCustomer(roles=("cfo",)), None)
    assert BUSINESS_KEYS <= {c.key for c in scored.components} and "person" not in scored.as_row()
    assert scored.possible == 100 == sum(points for _, points, _ in SCORE_RULES)


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_peoples_reasons_are_written_in_the_documents_language(missing_sentences, lang):
    from aicmo_kernel.modules.leadgen.reasons import reason_text

    files = [_load("shopify_customers.csv"), _load("mailchimp_subscribed.csv")]
    extra = [Lead(row=9, name="Cy", company="", title="", email="cy@example.com", status="new", person=True,
                  orders=1, total_spent=12.5, accepts_marketing=None)]  # no median to compare with
    scored = [s for f in files for s in score_leads(f, ICP)] + [score_lead(extra[0], ICP, None)]
    texts = [reason_text(c, lang) for s in scored for c in s.components]
    assert not missing_sentences, sorted(missing_sentences)
    assert not [t for t in texts if ENGLISH.search(t)], texts
    amount = {"fr": "1\u202f204,99", "es": "1.204,99", "de": "1.204,99"}[lang]
    assert any(amount in t for t in texts), texts  # an amount as the language writes it


# ----------------------------------------------------------------------------- leadgen's documents

SHOP = {"client_name": "Harbour Blooms", "industry": "Independent flower shop", "geography": "Bristol, UK",
        "objective": "sales", "audience": "People in Bristol buying flowers for themselves and as gifts",
        "offer": "A monthly flower subscription, first bouquet half price",
        "pain_points": ["Supermarket flowers that wilt in two days"], "desired_outcomes": ["Fresh flowers every month"],
        "channels": "Instagram, Email", "start_date": "2027-04-01", "end_date": "2027-05-31",
        "budget": "£2,000"}  # fmt: skip
# What a leads document for businesses says, in each language (the table's heads, the ideal customer).
BUSINESS_WORDS = {"en": ["| Company |", "| Title |", "The ideal customer", "| Title | 20 |"],
                  "fr": ["| Entreprise |", "Le client idéal"], "es": ["| Empresa |", "El cliente ideal"],
                  "de": ["| Unternehmen |", "Der ideale Kunde"]}
PEOPLE_LINE = {"en": "A good lead, from the approved brief and the file", "fr": "Un bon contact, d'après le brief",
               "es": "Un buen contacto, según el brief", "de": "Ein guter Kontakt, laut freigegebenem Briefing"}


def _leadgen(brief: dict, path: Path, **inputs) -> list[dict]:
    run = drafts_for_brief(brief, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_path": str(path), "min_score": 0, **inputs}})
    assert not run.errors, run.errors
    return run.drafts["leadgen"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_shops_customers_are_described_as_people_in_every_language(missing_sentences, lang):
    drafts = _leadgen({**SHOP, "languages": LANGUAGES[lang]}, DATA / "shopify_customers.csv")
    scored = next(d for d in drafts if d["kind"] == "scored_leads")
    text = scored["content_markdown"]
    assert not [words for words in BUSINESS_WORDS[lang] if words in text], text
    assert PEOPLE_LINE[lang] in text and "40" in text.split(PEOPLE_LINE[lang])[1]  # the points this file can give
    assert [r["component"] for r in scored["metadata"]["rules"]] == [name for name, _, _ in PEOPLE_SCORE_RULES]
    assert all(row["person"] for row in scored["metadata"]["rows"])
    # What they bought is in each note, its amounts the language's way (so the grounding keeps them).
    isla = next(note for row, note in scored["metadata"]["notes"].items() if row == "2")
    assert {"en": "312.40", "fr": "312,40", "es": "312,40", "de": "312,40"}[lang] in isla["rationale"]
    assert not scored["metadata"].get("removed_ungrounded_sentences")
    for sequence in (d for d in drafts if d["kind"] == "outreach_sequence"):
        assert "linkedin" not in sequence["content_markdown"].lower()
    hot = next(d for d in drafts if d["kind"] == "outreach_sequence" and d["metadata"]["tier"] == "hot")
    # Freya has not accepted email marketing: not among the people the sequence is for, listed apart.
    assert 6 not in hot["metadata"]["lead_rows"] and hot["metadata"]["not_contacted_rows"] == [6]
    assert not missing_sentences, sorted(missing_sentences)


def test_a_file_of_people_under_a_brief_that_does_not_say_is_written_to_as_people():
    """The audience does not say who buys ("" from ``audience_kind``); the Mailchimp file does."""
    brief = {**SHOP, "audience": "Flower lovers", "industry": "Flowers"}
    drafts = _leadgen(brief, DATA / "mailchimp_subscribed.csv")
    scored = next(d for d in drafts if d["kind"] == "scored_leads")["content_markdown"]
    assert "| Company |" not in scored and "no name (row 5)" in scored and "### 3. no name (row 5): 72" in scored
    assert "The file has no column for: Orders, Total spent" in scored  # its country is Mailchimp's CC
    for sequence in (d for d in drafts if d["kind"] == "outreach_sequence"):
        text = sequence["content_markdown"]
        assert "reminder email" in text and "LinkedIn" not in text and " at " not in text.split("## Touch 1")[0]


def test_a_consumer_briefs_file_of_people_and_companies_gives_both_rule_sets():
    text = ("name,company,title,email,status,country,orders,total_spent\n"
            "Amy Parker,,,amy@example.com,new,England,3,120.00\n"
            "Ben Lowe,Lowe Events Ltd,Owner,ben@example.com,engaged,England,,\n")  # fmt: skip
    festival = {**SHOP, "client_name": "Riverside Family Fest", "industry": "Family festival",
                "audience": "Families with children aged 4 to 12 in Bristol"}
    run = drafts_for_brief(festival, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_text": text, "min_score": 0}})
    assert not run.errors, run.errors
    scored = next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")
    rules = [r["component"] for r in scored["metadata"]["rules"]]
    assert rules[:9] == [name for name, _, _ in SCORE_RULES] and "Orders" in rules and rules.count("Geography") == 1
    assert "1 lead in the file is a person, with no company." in scored["content_markdown"]
    rows = {row["name"]: row for row in scored["metadata"]["rows"]}
    assert rows["Amy Parker"]["person"] and "person" not in rows["Ben Lowe"]


def test_a_b2b_runs_documents_metadata_and_prompt_are_as_before():
    """Four B2B runs (HubSpot, Salesforce, Pipedrive, the demo file; en, fr, es, de). A change meant
    for B2B output regenerates the snapshot: ``python tests/leadgen_b2b_runs.py``."""
    from leadgen_b2b_runs import SNAPSHOT, all_runs

    before = json.loads(SNAPSHOT.read_text("utf-8"))
    after = all_runs()
    for name in before:
        for old, new in zip(before[name]["documents"], after[name]["documents"], strict=True):
            assert new["markdown"] == old["markdown"], (name, old["kind"])
        assert after[name] == before[name], name
