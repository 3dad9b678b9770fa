"""Leads' countries matched as countries, consent to email marketing respected, and leadgen's prompt
told about files of people.

A lead in "United Kingdom" or "GB" is in a brief's "UK and Ireland" or "Bristol, UK"; names, ISO
codes and the country names of French, Spanish and German briefs and exports all count
(``leads.countries``, from pycountry). A person who has not accepted email marketing (Shopify's
"Accepts Email Marketing" no, a Mailchimp contact unsubscribed or cleaned) is left out of every
outreach sequence and listed as not contacted, counted, in every language. The prompt (leadgen.v4)
explains ``facts["people"]`` and ``facts["not_contacted"]`` only to runs that have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicmo_kernel.errors import NoDataError
from aicmo_kernel.leads import (
    IdealCustomer,
    Lead,
    load_leads,
    read_leads_text,
    score_lead,
    score_leads,
)
from aicmo_kernel.modules import get_module
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

DATA = Path(__file__).parent / "data" / "leads"
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}


def _geography_points(country: str, geography: str) -> int:
    lead = Lead(row=2, name="Al", company="Acme", title="CFO", email="al@acme.co.uk", status="new", country=country)
    scored = score_lead(lead, IdealCustomer(geography=geography), None)
    return next(c.points for c in scored.components if c.key == "geography")


def _load(name: str):
    text, _, field = read_leads_text(str(DATA / name))
    return load_leads(text, field=field)


# ----------------------------------------------------------------------------- geography


def test_a_country_is_matched_by_its_name_code_or_short_form_in_a_briefs_geography():
    cases = [  # (the lead's country, the brief's geography, points)
        ("United Kingdom", "UK and Ireland", 5), ("GB", "Bristol, UK", 5), ("gbr", "UK", 5),
        ("United Kingdom", "Great Britain", 5), ("UK", "United Kingdom of Great Britain and Northern Ireland", 5),
        ("US", "New York, USA", 5), ("United States", "Boston, US", 5), ("USA", "United States of America", 5),
        ("Ireland", "UK and Ireland", 5), ("Scotland", "UK and Ireland", 5), ("IE", "Dublin, Ireland", 5),
    ]
    assert [(c, g, _geography_points(c, g)) for c, g, _ in cases] == cases


def test_country_names_in_french_spanish_and_german_match_in_briefs_and_exports():
    cases = [
        ("Royaume-Uni", "UK and Ireland", 5), ("United Kingdom", "Royaume-Uni et Irlande", 5),
        ("Reino Unido", "Bristol, UK", 5), ("GB", "Londres, Reino Unido", 5),
        ("Vereinigtes Königreich", "Großbritannien und Irland", 5), ("Deutschland", "Allemagne, Autriche", 5),
        ("DE", "Deutschland, Österreich und die Schweiz", 5), ("Spain", "España y Portugal", 5),
        ("Allemagne", "Germany", 5), ("United States", "Nueva York, EE. UU.", 5), ("Écosse", "Royaume-Uni", 5),
    ]
    assert [(c, g, _geography_points(c, g)) for c, g, _ in cases] == cases


def test_a_country_is_not_mistaken_for_another_nor_for_a_word():
    cases = [
        ("Ireland", "Northern Ireland", 0),  # Northern Ireland is in the UK, not Ireland
        ("France", "UK and Ireland", 0), ("Andorra", "UK AND IRELAND", 0),  # capitals: "AND" is no code
        ("India", "Shops in Bristol, UK", 0), ("Spain", "de Bristol, UK", 0),  # "in", "de" are words
        ("Wales", "England", 0),  # another region of the same country
        ("United Kingdom", "England, the Midlands", 2),  # the brief's region, not confirmed for the lead
        ("Bavaria", "Bavaria and Baden", 5),  # no country ISO knows: the words are compared
        ("Mexico", "New Mexico, USA", 0), ("Wales", "New South Wales, Australia", 0),  # places named after one
    ]
    assert [(c, g, _geography_points(c, g)) for c, g, _ in cases] == cases


def test_a_hubspot_export_in_the_united_kingdom_is_in_a_uk_and_ireland_brief():
    scored = score_leads(_load("hubspot_contacts.csv"), IdealCustomer(geography="UK and Ireland"))
    geography = [next(c for c in s.components if c.key == "geography") for s in scored]
    assert {(c.points, c.reason) for c in geography} == {(5, "United Kingdom is in the brief's geography")}


def test_the_country_codes_of_mailchimp_and_shopify_exports_are_scored_as_countries():
    icp = IdealCustomer(geography="Bristol, UK")
    for name, expected in (("shopify_customers.csv", {"Isla Brown": 5, "Noah Smith": 0}),
                           ("mailchimp_subscribed.csv", {"Amy Parker": 5, "Eve Moreau": 0})):
        scored = {s.lead.name: s for s in score_leads(_load(name), icp)}
        for person, points in expected.items():
            geography = next(c for c in scored[person].components if c.key == "geography")
            assert (geography.points, geography.max_points) == (points, 5), (name, person, geography.reason)
    assert scored["Eve Moreau"].lead.country == "FR"


# ----------------------------------------------------------------------------- consent


def test_mailchimp_unsubscribed_and_cleaned_contacts_do_not_accept_email_marketing():
    unsubscribed = _load("mailchimp_unsubscribed.csv")
    assert unsubscribed.warnings[0] == "read as a Mailchimp audience export"
    # Each once confirmed (CONFIRM_TIME): their UNSUB_TIME says that no longer stands.
    assert [lead.accepts_marketing for lead in unsubscribed.leads] == [False, False]
    assert any(w.startswith("2 people have not accepted email marketing") for w in unsubscribed.warnings)
    assert not any("unsub_time" in w for w in unsubscribed.warnings if w.startswith("columns not used"))
    cleaned = ("Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,CLEAN_TIME,"
               "CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID,LEID,EUID\n"
               "hal.moss@example.com,Hal,Moss,2,2026-01-04 10:00:00,2026-01-04 10:01:00,2027-02-01 09:00:00,"
               "Winter news,c1d2e3,311204580,z1x2c3v4b5\n"
               "ida.reed@example.com,Ida,Reed,3,2026-01-05 10:00:00,2026-01-05 10:01:00,,,,311204581,n1m2b3v4c5\n")
    assert [lead.accepts_marketing for lead in load_leads(cleaned).leads] == [False, True]


SHOP = {"client_name": "Harbour Blooms", "industry": "Independent flower shop", "geography": "Bristol, UK",
        "objective": "sales", "audience": "People in Bristol buying flowers for themselves and as gifts",
        "offer": "A monthly flower subscription, first bouquet half price",
        "pain_points": ["Supermarket flowers that wilt in two days"], "desired_outcomes": ["Fresh flowers every month"],
        "channels": "Instagram, Email", "start_date": "2027-04-01", "end_date": "2027-05-31",
        "budget": "£2,000"}  # fmt: skip
NOT_CONTACTED = {"en": "Not contacted: no consent to email marketing",
                 "fr": "Non contactés : pas de consentement aux e-mails marketing",
                 "es": "Sin contactar: sin consentimiento para correos de marketing",
                 "de": "Nicht kontaktiert: keine Einwilligung in Marketing-E-Mails"}
TWO_LEFT_OUT = {"en": "2 qualifying leads have not accepted email marketing", "fr": "2 contacts retenus n'ont pas",
                "es": "2 contactos seleccionados no han aceptado", "de": "2 ausgewählte Kontakte haben"}


def _leadgen(brief: dict, **inputs) -> list[dict]:
    run = drafts_for_brief(brief, modules=("intake", "strategy", "leadgen"),
                           inputs={"leadgen": {"min_score": 0, **inputs}})
    assert not run.errors, run.errors
    return run.drafts["leadgen"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_people_without_consent_are_left_out_of_email_outreach_and_listed_in_every_language(missing_sentences, lang):
    """Shopify's Freya Wilson (row 6, hot) and Mia Jones (row 4, cold) said no to email marketing."""
    drafts = _leadgen({**SHOP, "languages": LANGUAGES[lang]}, csv_path=str(DATA / "shopify_customers.csv"))
    scored = next(d for d in drafts if d["kind"] == "scored_leads")
    sequences = {d["metadata"]["tier"]: d for d in drafts if d["kind"] == "outreach_sequence"}
    assert not {4, 6} & {row for d in sequences.values() for row in d["metadata"]["lead_rows"]}
    assert not {4, 6} & set(scored["metadata"]["outreach_rows"])
    assert scored["metadata"]["not_contacted"]["count"] == 2
    text = scored["content_markdown"].replace("\xa0", " ").replace("\u202f", " ")  # French: a no-break space before ":"
    section = text.split(f"## {NOT_CONTACTED[lang]}", 1)[1].split("\n## ", 1)[0]
    assert TWO_LEFT_OUT[lang] in section and "- Freya Wilson" in section and "- Mia Jones" in section
    hot = sequences["hot"]["content_markdown"]
    recipients = hot.split("\n- Freya Wilson", 1)[0]  # listed after the people the sequence is for
    heading = recipients.rstrip().rsplit("\n", 1)[-1]  # "**Not contacted: ... (1 lead):**", in the language
    assert "- Isla Brown" in recipients and "(1 " in heading and heading.endswith(":**")
    assert sequences["hot"]["metadata"]["not_contacted_rows"] == [6]
    assert "- Mia Jones" in sequences["cold"]["content_markdown"].split("\n## ", 1)[0]  # before the first touch
    assert not missing_sentences, sorted(missing_sentences)


UNRECORDED = {"en": "Consent not on record:** 2 people in the outreach plan have no record",
              "fr": "Consentement non enregistré :** 2 personnes du plan de prospection n'ont",
              "es": "Consentimiento no registrado:** 2 personas del plan de contacto no tienen constancia",
              "de": "Einwilligung nicht erfasst:** Für 2 Personen im Kontaktplan ist in der Datei keine"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_people_emailed_with_no_consent_on_record_are_named_for_a_check_in_every_language(missing_sentences, lang):
    """A blank consent is no "no" (those people stay in the plan), and no "yes" either: the documents
    name their rows, so whoever sends checks first. Row 2 said yes and row 4 no: neither is named."""
    text = ("name,email,country,orders,accepts_marketing\n"
            "Amy Parker,amy@example.com,England,3,yes\nBen Cole,ben@example.com,England,2,\n"
            "Cat Dunn,cat@example.com,England,4,no\nDan Ebb,dan@example.com,England,1,\n")
    drafts = _leadgen({**SHOP, "languages": LANGUAGES[lang]}, csv_text=text)
    scored = next(d for d in drafts if d["kind"] == "scored_leads")
    assert sorted(scored["metadata"]["outreach_rows"]) == [2, 3, 5]
    unrecorded = scored["metadata"]["consent_unrecorded"]
    assert unrecorded["count"] == 2 and sorted(unrecorded["rows"]) == [3, 5]
    said = scored["content_markdown"].replace("\xa0", " ").replace("\u202f", " ")
    assert UNRECORDED[lang] in said
    assert not missing_sentences, sorted(missing_sentences)


def test_no_check_is_asked_when_every_person_in_the_plan_said_yes():
    drafts = _leadgen(SHOP, csv_path=str(DATA / "shopify_customers.csv"))
    scored = next(d for d in drafts if d["kind"] == "scored_leads")
    assert "consent_unrecorded" not in scored["metadata"]
    assert "Consent not on record" not in scored["content_markdown"]

def test_a_lead_at_a_company_who_declined_email_marketing_is_not_emailed_either():
    text = ("name,company,title,email,status,country,accepts_marketing,email_opens\n"
            "Al Reed,Acme Tooling,CFO,al@acme.co.uk,engaged,United Kingdom,no,5\n"
            "Bo Lane,Fenwick Metals,CFO,bo@fenwick.co.uk,engaged,United Kingdom,,2\n")
    brief = {**SHOP, "client_name": "Northwind Ledger", "industry": "Month-end close software",
             "audience": "CFOs at manufacturers", "geography": "UK and Ireland", "objective": "leads"}
    drafts = _leadgen(brief, csv_text=text)
    scored = next(d for d in drafts if d["kind"] == "scored_leads")
    assert scored["metadata"]["outreach_rows"] == [3]  # no consent recorded is not a no: Bo Lane stays
    assert [r["row"] for r in scored["metadata"]["not_contacted"]["leads"]] == [2]


def test_leadgen_emails_nobody_when_no_qualifying_lead_accepts_email_marketing():
    text = "name,email,country,orders,accepts_marketing\nAmy Parker,amy@example.com,England,2,no\n"
    spec = get_module("leadgen")
    with pytest.raises(NoDataError, match="has not accepted email marketing"):
        spec.prepare_facts({"csv_text": text, "min_score": 0}, brand={"name": "Harbour Blooms"}, campaign={},
                           upstream={})


# ----------------------------------------------------------------------------- the prompt


def _request(path: Path, brief_geography: str = "UK and Ireland"):
    spec = get_module("leadgen")
    upstream = {"intake": [{"kind": "client_summary", "metadata": {
        "audience": "Finance controllers and CFOs at manufacturers", "geography": brief_geography}}]}
    inputs = {"csv_path": str(path), "min_score": 0}
    brand = {"name": "Northwind Ledger"}
    facts = spec.prepare_facts(inputs, brand=brand, campaign={}, upstream=upstream)
    return spec.build_request(inputs, brand=brand, campaign={}, upstream=upstream, facts=facts)


def test_the_prompt_tells_the_model_about_people_and_who_is_not_contacted_only_when_there_are_any():
    people = _request(DATA / "shopify_customers.csv")
    b2b = _request(DATA / "hubspot_contacts.csv")
    assert people.context["prompt_version"] == b2b.context["prompt_version"] == "leadgen.v4"
    instructions = people.prompt[: people.cache_breaks[0]]
    assert "`people` in the facts says the file holds people" in instructions
    assert "People are reached by email, not LinkedIn" in instructions
    assert "`not_contacted` lists the qualifying leads who have not accepted email marketing" in instructions
    assert "`people` in the facts" not in b2b.prompt and "not_contacted" not in b2b.prompt
    for request in (people, b2b):
        assert "<!--" not in request.prompt
        # The cache offsets still fall on the sections' headings after the paragraphs were kept or left out.
        assert [request.prompt[b:b + 3] for b in request.cache_breaks] == ["## "] * len(request.cache_breaks)
        assert request.prompt[request.stable_prefix_chars:].startswith("## This request")
