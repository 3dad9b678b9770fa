"""Leads from a CRM export or a CSV/XLSX file, and their transparent scores (module 6, leadgen).

``load_leads`` reads and validates the file (HubSpot, Salesforce and Pipedrive exports, Mailchimp
audiences, Shopify customers and Eventbrite's attendee and orders reports are recognised by
``crm_formats``; any other table through a
``LeadMapping``; statuses through the status table of ``statuses``); a consumer brand's file of
people needs no company: its rows are people (``Lead.person``);
``IdealCustomer.from_brief`` derives what a good lead looks like from the approved intake and
strategy; ``score_leads`` scores every lead by rules in code, each component with its points and
a one-line reason (``SCORE_RULES`` for leads at companies, ``PEOPLE_SCORE_RULES`` for people);
countries are compared as countries, by name, ISO code or short form in four languages
(``countries``).
Nothing here calls a model or reads the clock.
"""

from __future__ import annotations

from .crm_formats import CRM_FORMATS, LeadMapping
from .csv_load import (
    LEAD_STATUSES,
    OPTIONAL_COLUMNS,
    PEOPLE_REQUIRED_COLUMNS,
    REQUIRED_COLUMNS,
    Lead,
    LeadFile,
    leads_text_from_upload,
    load_leads,
    read_leads_text,
    xlsx_as_csv_text,
)
from .scoring import (
    PEOPLE_SCORE_RULES,
    SCORE_RULES,
    TIERS,
    IdealCustomer,
    ScoreComponent,
    ScoredLead,
    median_spend,
    reference_date,
    score_lead,
    score_leads,
    tier_for,
)
from .statuses import DEFAULT_STATUS_TABLE, status_table

__all__ = [
    "CRM_FORMATS",
    "DEFAULT_STATUS_TABLE",
    "LEAD_STATUSES",
    "OPTIONAL_COLUMNS",
    "PEOPLE_REQUIRED_COLUMNS",
    "PEOPLE_SCORE_RULES",
    "REQUIRED_COLUMNS",
    "SCORE_RULES",
    "TIERS",
    "IdealCustomer",
    "Lead",
    "LeadFile",
    "LeadMapping",
    "ScoreComponent",
    "ScoredLead",
    "leads_text_from_upload",
    "load_leads",
    "median_spend",
    "read_leads_text",
    "reference_date",
    "score_lead",
    "score_leads",
    "status_table",
    "tier_for",
    "xlsx_as_csv_text",
]
