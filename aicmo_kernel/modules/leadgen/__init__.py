"""Module 6, leadgen: real leads from a CSV, scored by rules in code; outreach and lead magnets.

``prepare`` reads and validates the file, derives the ideal customer from the approved intake and
scores every lead (``aicmo_kernel.leads``): the scores, tiers and reasons are facts. The model
(or the offline composer) writes only around them: a plain-words rationale per top lead, one
three-touch outreach sequence per tier, and lead-magnet ideas tied to the audience's pains.

Nothing here can add a lead: the table is rendered from the facts, notes are matched to leads by
row number (notes for other rows are dropped), and model sentences that cite a number absent from
the facts and inputs are removed by code. Email addresses never leave the file: facts, prompts
and deliverables refer to leads by row number. The documents are in the strategy's language
(``facts["brief"]["language"]``): headings and labels through ``phrasebook.tr``, the scoring's
reasons through the catalogues too (``reasons``: the facts carry them in that language, so the
table, the rationales and the prompt agree); the file's values are shown as they are.

A consumer brand's file holds people (a Mailchimp audience, Shopify customers, any file without a
company column, or rows without a company under a consumer brief): they are scored on what they
bought and how engaged they are (``leads.PEOPLE_SCORE_RULES``), and the documents speak of them as
people: no company or title columns, the rules for people, and who a good lead is in those terms
(``facts["people"]``, present only when the file has people, so a B2B run's facts are unchanged).
Nobody who has not accepted email marketing is emailed: such leads are left out of the outreach
plan and listed, counted, as not contacted (``facts["not_contacted"]``, present only when there
are any). The prompt (``leadgen.v4.md``) explains both only to the runs that have them (``prompt``).

The package: ``models`` (inputs and the model's answer), ``facts`` (what code computes first),
``prompt`` (the spec whose prompt keeps a paragraph only for the facts it is about), ``composer``
(the offline draft), ``render`` and ``documents`` (the deliverables), ``reasons`` (the scoring's
reasons in the documents' language).
"""

from __future__ import annotations

from typing import Any

from ...registry import module_info
from ..base import Upstream
from ..templates import SHARED_SYSTEM_TEMPLATE
from .composer import compose_leadgen
from .facts import TABLE_MAX_ROWS, prepare
from .models import (
    LeadgenInputs,
    LeadgenOutput,
    LeadMagnet,
    LeadNote,
    OutreachSequence,
    Sequences,
    Touch,
)
from .prompt import LeadgenSpec
from .render import render

__all__ = ["SPEC", "TABLE_MAX_ROWS", "LeadMagnet", "LeadNote", "LeadgenInputs", "LeadgenOutput",
           "OutreachSequence", "Sequences", "Touch"]


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    return {}


SPEC = LeadgenSpec(
    info=module_info("leadgen"),
    input_model=LeadgenInputs,
    output_model=LeadgenOutput,
    prompt_template="leadgen.v4.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=render,
    composer=compose_leadgen,
    prepare=prepare,
)
