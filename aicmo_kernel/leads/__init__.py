"""Leads from a CSV file and their transparent scores (module 6, leadgen).

``load_leads`` reads and validates the file with the standard library ``csv`` module;
``IdealCustomer.from_brief`` derives what a good lead looks like from the approved intake and
strategy; ``score_leads`` scores every lead by rules in code, each component with its points and
a one-line reason. Nothing here calls a model or reads the clock.
"""

from __future__ import annotations

from .csv_load import (
    LEAD_STATUSES,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    Lead,
    LeadFile,
    load_leads,
    read_leads_text,
)
from .scoring import (
    SCORE_RULES,
    TIERS,
    IdealCustomer,
    ScoreComponent,
    ScoredLead,
    reference_date,
    score_lead,
    score_leads,
    tier_for,
)

__all__ = [
    "LEAD_STATUSES",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "SCORE_RULES",
    "TIERS",
    "IdealCustomer",
    "Lead",
    "LeadFile",
    "ScoreComponent",
    "ScoredLead",
    "load_leads",
    "read_leads_text",
    "reference_date",
    "score_lead",
    "score_leads",
    "tier_for",
]
