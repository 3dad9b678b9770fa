"""Leads files as ticketing tools and CRMs export them for a consumer brand: Eventbrite's attendee
report (US and UK headers) and its orders report are recognised by their header and read as people,
refunded attendees are not invited as if they were coming, and a HubSpot customer of a consumer
brand is an audience, not a row to leave out (a B2B pipeline still leaves customers out)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.leads import IdealCustomer, load_leads, read_leads_text, score_leads, status_table
from aicmo_kernel.leads.crm_formats import consent_question
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

DATA = Path(__file__).parent / "data" / "leads"
FESTIVAL = {"client_name": "Harbourside Folk Festival", "industry": "Music festival", "geography": "Bristol, UK",
            "objective": "sales", "audience": "Families and music fans in Bristol and the South West",
            "offer": "Early-bird weekend passes for next summer's festival",
            "pain_points": ["Festivals that sell out before locals hear of them"],
            "desired_outcomes": ["A weekend of folk music close to home"], "channels": "Instagram, Email",
            "start_date": "2027-04-01", "end_date": "2027-05-31", "budget": "£3,000"}  # fmt: skip


def _load(name: str, **options):
    text, _, field = read_leads_text(str(DATA / name))
    return load_leads(text, field=field, **options)


# ----------------------------------------------------------------------------- Eventbrite


def test_an_eventbrite_attendee_report_is_read_as_people_with_their_tickets():
    leads = _load("eventbrite_attendees.csv")  # UTF-8 with a BOM, CRLF, the US report's headers
    assert leads.people and leads.warnings[0] == "read as an Eventbrite attendees export"
    by_name = {lead.name: lead for lead in leads.leads}
    amelia = by_name["Amelia Hart"]
    assert (amelia.row, amelia.email, amelia.status, amelia.total_spent, amelia.last_activity, amelia.country) == (
        2, "amelia.hart@example.com", "new", 120.0, date(2026, 5, 2), "GB")
    assert amelia.person and amelia.accepts_marketing is True
    assert by_name["Oliver Grant"].status == "engaged"  # Checked In: they came
    # Quantity is tickets in one order, not orders; the ticket type scores nothing: neither is read.
    assert "orders" not in leads.columns and {"quantity", "ticket type"} <= set(leads.ignored_columns)


def test_an_attendee_with_a_company_is_a_lead_at_that_company_as_in_any_file_of_people():
    leads = _load("eventbrite_attendees.csv")
    freya = next(lead for lead in leads.leads if lead.name == "Freya Møller")
    assert (freya.person, freya.company, freya.title) == (False, "Brightwater Foods", "Events Manager")
    assert "5 rows without a company read as people buying for themselves: row 2, 3, 4, 5, 7" in leads.warnings
    scored = {s.lead.name: s for s in score_leads(leads, IdealCustomer(audience="Music fans", geography="UK"))}
    assert scored["Freya Møller"].possible == 100 and scored["Amelia Hart"].possible == 40


def test_refunded_and_deleted_attendees_are_not_read_as_coming():
    leads = _load("eventbrite_attendees.csv")
    statuses = {lead.name: lead.status for lead in leads.leads}
    assert statuses["Noah Price"] == "lost"  # Not Attending: refunded; leadgen leaves out lost leads unless asked
    assert "Mia Chen" not in statuses
    assert "1 row with status 'Deleted' left out (not a lead to work on): row 8" in leads.warnings
    # The user's status table still wins over the format's rows.
    kept = _load("eventbrite_attendees.csv", statuses={"Not Attending": "contacted", "Deleted": "new"})
    assert {lead.name: lead.status for lead in kept.leads}["Noah Price"] == "contacted" and len(kept.leads) == 7


def test_consent_is_read_from_the_organisers_order_form_question():
    leads = _load("eventbrite_attendees.csv")
    consent = {lead.name: lead.accepts_marketing for lead in leads.leads}
    assert (consent["Amelia Hart"], consent["Oliver Grant"], consent["Isla Grant"]) == (True, False, None)
    assert leads.warnings[1] == ("consent to email marketing read from the order-form question 'Do you agree to "
                                 "receive future events and news from the event organizers?'")
    assert "1 person has not accepted email marketing (left out of email outreach): row 3" in leads.warnings


@pytest.mark.parametrize(("question", "asks"), [
    ("Do you agree to receive future events and news from the event organizers?", True),
    ("Keep me updated on more events and news from this event organiser", True),
    ("Acceptez-vous de recevoir les actualités de l'organisateur ?", True),
    ("¿Quieres recibir noticias del organizador por correo?", True),
    ("Möchten Sie Neuigkeiten vom Veranstalter per E-Mail erhalten?", True),
    ("Subscribe to our newsletter", True),
    ("Do you agree to receive news from the event partner(s)?", False),
    ("Do you agree to be contacted by recruiters?", False),
    ("Could we follow up with you through email?", False),
    ("Email", False),
])  # fmt: skip
def test_a_consent_question_is_one_about_the_organisers_email_never_a_partners(question, asks):
    assert consent_question(question) is asks


def test_answers_to_a_consent_question_in_the_four_languages():
    header = "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee Status,Recevoir la newsletter\n"
    rows = "".join(f"{i},2026-05-0{i} 10:00:00,A{i},B,a{i}@example.fr,Pass,Attending,{answer}\n"
                   for i, answer in enumerate(["Oui", "Non", "Sí", "Nein"], 1))
    leads = load_leads(header + rows)
    assert [lead.accepts_marketing for lead in leads.leads] == [True, False, True, False]
    with pytest.raises(ValidationError, match=r"row 2, column accepts_marketing: 'Perhaps' is not yes or no"):
        load_leads(header + "1,2026-05-01 10:00:00,A,B,a@example.fr,Pass,Attending,Perhaps\n")


def test_a_uk_attendee_report_of_a_free_event_is_not_scored_on_spend():
    leads = _load("eventbrite_attendees_uk.csv")  # Order no., Surname, Attendee status; nothing paid
    assert leads.warnings[0] == "read as an Eventbrite attendees export"
    assert [(lead.name, lead.status) for lead in leads.leads] == [
        ("Ruth Okafor", "new"), ("Tom Webb", "lost"), ("Priya Shah", "new")]
    assert leads.unscored == ("total_spent",) and "total_spent" in leads.columns
    assert ("total spent is 0 or blank on every row (a free event, or nothing bought yet): spend is not scored"
            ) in leads.warnings
    scored = score_leads(leads, IdealCustomer(audience="Makers in Yorkshire", geography="UK"))
    assert {s.possible for s in scored} == {20}  # geography and recency: no one loses points for a free ticket
    spend = next(c for c in scored[0].components if c.key == "total_spent")
    assert (spend.points, spend.max_points) == (0, 0)


def test_an_eventbrite_orders_report_is_read_as_its_buyers():
    leads = _load("eventbrite_orders.csv")
    assert leads.people and leads.warnings[0] == "read as an Eventbrite orders export"
    assert [(lead.name, lead.email, lead.status, lead.total_spent, lead.country) for lead in leads.leads] == [
        ("Lucía García", "lucia.garcia@example.es", "new", 66.0, "ES"),
        ("Marc Puig", "marc.puig@example.es", "lost", 44.0, "ES"),  # Refunded/Canceled
        ("Élodie Bernard", "elodie.bernard@example.fr", "new", 22.0, "FR")]
    assert leads.leads[0].last_activity == date(2026, 10, 2)


def test_a_festivals_attendees_refunded_or_without_consent_are_not_invited():
    run = drafts_for_brief(FESTIVAL, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"csv_path": str(DATA / "eventbrite_attendees.csv"), "min_score": 0}})
    assert not run.errors, run.errors
    scored = next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")
    rows = {row["row"]: row for row in scored["metadata"]["rows"]}
    assert 5 not in rows  # Noah's ticket was refunded: lost, left out by the default statuses
    assert 2 in scored["metadata"]["outreach_rows"] and 3 not in scored["metadata"]["outreach_rows"]
    assert [lead["row"] for lead in scored["metadata"]["not_contacted"]["leads"]] == [3]
    assert scored["metadata"]["file_warnings"][0] == "read as an Eventbrite attendees export"


@pytest.mark.parametrize(("lang", "said"), [
    ("English", "Total spent is 0 or blank on every row of the file (a free event, or nothing bought yet)"),
    ("Français", "Le montant dépensé est nul ou vide sur chaque ligne du fichier (un événement gratuit"),
    ("Español", "El gasto total es 0 o está vacío en todas las filas del archivo (un evento gratuito"),
    ("Deutsch", "Der Gesamtumsatz ist in jeder Zeile der Datei 0 oder leer (eine kostenlose Veranstaltung"),
])  # fmt: skip
def test_a_free_events_documents_say_spend_is_not_scored_not_that_the_column_is_missing(
    missing_sentences, lang, said
):
    workshop = {**FESTIVAL, "client_name": "Leeds Clay Studio", "industry": "Pottery workshops",
                "audience": "Adults in Leeds who want a creative hobby", "geography": "Leeds, UK",
                "languages": lang}
    run = drafts_for_brief(workshop, modules=("intake", "strategy", "leadgen"), inputs={
        "leadgen": {"csv_path": str(DATA / "eventbrite_attendees_uk.csv"), "min_score": 0}})
    assert not run.errors, run.errors
    text = next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")["content_markdown"]
    assert said in text
    if lang == "English":  # the file has the column: spend is not said to be missing
        assert ("The file has no column for: Orders, Email marketing, Member rating, Email opens, Email clicks, "
                "Site visits, Replied; those count for nothing.") in text
    assert not missing_sentences, sorted(missing_sentences)


# ----------------------------------------------------------------------------- past customers

HUBSPOT = ("Record ID,First Name,Last Name,Email,Company Name,Job Title,Lifecycle Stage,Lead Status\n"
           "701,Ann,Lee,ann@example.com,Acme Ltd,CFO,Customer,\n"
           "702,Bob,Ray,bob@example.com,Acme Ltd,CFO,Lead,New\n"
           "703,Cat,Fox,cat@example.com,Acme Ltd,CFO,Evangelist,\n")  # fmt: skip
# The same contacts exported without a company column: a file of people.
CONTACTS = HUBSPOT.replace("Company Name,Job Title,", "").replace("Acme Ltd,CFO,", "")


def test_a_b2b_pipeline_leaves_customers_out_but_a_consumer_brands_file_keeps_them():
    b2b = load_leads(HUBSPOT)
    assert [lead.name for lead in b2b.leads] == ["Bob Ray"] and not b2b.people
    assert "1 row with status 'Customer' left out (not a lead to work on): row 2" in b2b.warnings
    consumer = load_leads(HUBSPOT, people=True)  # a consumer brief's file
    assert [(lead.name, lead.status) for lead in consumer.leads] == [
        ("Ann Lee", "qualified"), ("Bob Ray", "new"), ("Cat Fox", "qualified")]
    assert ("1 row with status 'Customer' read as qualified, not left out: in a file of people a past customer is "
            "the first audience of a repeat purchase (give statuses={'Customer': None} to leave them out): row 2"
            ) in consumer.warnings
    assert not any("left out (not a lead" in w for w in consumer.warnings)


def test_contacts_without_a_company_are_people_so_their_customers_are_kept():
    leads = load_leads(CONTACTS)
    assert leads.people and [lead.status for lead in leads.leads] == ["qualified", "new", "qualified"]


def test_the_users_status_table_still_wins_for_past_customers():
    leads = load_leads(CONTACTS, statuses={"Customer": None, "Evangelist": "engaged"})
    assert [(lead.name, lead.status) for lead in leads.leads] == [("Bob Ray", "new"), ("Cat Fox", "engaged")]
    assert not any("past customer" in w for w in leads.warnings)
    assert status_table(people=True)["customer"] == "qualified" and status_table()["customer"] is None
