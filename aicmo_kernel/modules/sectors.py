"""Sector patterns for the offline composers: who buys, what counts as proof, where a photo is
set, and what a regulated sector may not claim.

Five sectors: ``b2b`` (software and services sold to businesses), ``consumer`` (shops, food,
hospitality, local services), ``nonprofit`` (charities, appeals, volunteers), ``health``
(regulated health care: clinics, dentists, physiotherapy, fertility) and ``finance`` (regulated
financial services: mortgages, investments, insurance, credit). The sector is read from the
brief's industry (then offer and audience) by keywords, in several languages; ``b2b`` when
nothing matches, which is what every composer assumed before.

Regulated sectors (``health``, ``finance``) get no testimonials, before/after pictures or
outcome claims from a composer; QC's ``regulated_claims`` check blocks them in any draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..qc.regulated import regulated_sector

__all__ = ["SECTORS", "Sector", "sector_for"]


@dataclass(frozen=True)
class Sector:
    key: str
    regulated: bool
    decider_label: str
    decider_role: str  # "the person who ..."; follows "Among <audience>, this is"
    user_label: str
    user_role: str
    evaluator_trigger: str  # how the cautious one gets to try it
    proof: str  # what proof to collect, per pillar
    image_setting: str  # where an image is set, and the mood
    video_setting: str


SECTORS: dict[str, Sector] = {
    "b2b": Sector(
        "b2b", False, "The decision-maker", "the person who owns the budget and answers for the result",
        "The day-to-day user", "the person who will live with {name} every week",
        "A way to try it on their own data or site before committing.",
        "A real example of {name} delivering this (a customer's story, a screenshot, a before and after), "
        "with permission to use it.",
        "someone from its audience ({who}) at work, relaxed and in control", "a real workplace",
    ),
    "consumer": Sector(
        "consumer", False, "The regular", "someone who already buys this kind of thing and could make {name} a habit",
        "The first-timer", "someone who has walked past {name} but never come in",
        "A first visit or first order that costs little, with the offer in hand.",
        "Real photos of the product and the place, and a customer review quoted with permission.",
        "the product and the place itself, with a customer from its audience ({who}) enjoying it", "the shop itself",
    ),
    "nonprofit": Sector(
        "nonprofit", False, "The supporter", "someone who gives money when an appeal is clear and trusted",
        "The volunteer", "someone with a few hours to give, who wants to know what the time achieves",
        "A small first step (one donation, one shift) with a clear account of where it goes.",
        "What the organisation has actually done (parcels packed, hours given, animals rehomed), from its own "
        "records, and a supporter's words with their permission.",
        "volunteers, the place and the work itself, respectfully, with no faces of the people supported",
        "the organisation's own premises, with volunteers' consent",
    ),
    "health": Sector(
        "health", True, "The patient", "the person with the health concern, deciding whether to book",
        "The family member", "someone who helps a partner or parent decide and book",
        "A first appointment or assessment, with what happens in it explained plainly.",
        "Verifiable facts only: registrations and qualifications, opening hours, waiting times, what the first "
        "appointment involves. No testimonials, before/after images or outcome claims (advertising rules for "
        "health care forbid them in many countries).",
        "the clinic itself: a calm, clean treatment room or reception, staff at work, no patients identifiable "
        "and no before/after imagery", "the clinic, with staff only",
    ),
    "finance": Sector(
        "finance", True, "The applicant", "the person whose money or home is at stake, deciding whether to act",
        "The partner", "the person they decide with at the kitchen table",
        "A free first conversation or a quote, with the costs and risks stated up front.",
        "Verifiable facts only: the firm's authorisation, fees and charges, how the process works, the required "
        "risk warnings. No testimonials, past-performance or outcome claims (financial promotion rules).",
        "an everyday scene at home (paperwork on a kitchen table, a conversation), no money imagery, no promised "
        "outcome", "an adviser's office or a home, with the people's consent",
    ),
}

_PATTERNS = [
    ("nonprofit", r"charit\w*|non-?profit|food bank|rescue|appeal|volunteer\w*|association|ong\b|ngo\b|"
                  r"wohltätig\w*|verein\b|fundación|benéfic\w*|caritativ\w*"),
    ("consumer", r"bakery|boulangerie|café|cafe|cafeter\w*|restaurant|pizza|shop|store|retail|boutique|clothing|"
                 r"fashion|bicycle|bike|florist|fleuriste|grooming|takeaway|panader\w*|tienda|schreinerei|"
                 r"handwerk\w*|pâtisserie|bäckerei|küchen|furniture|fitness|studio\b"),
]  # fmt: skip


def sector_for(industry: str | None, offer: str | None = "", audience: str | None = "") -> Sector:
    """The sector of a brief, from its industry first (then its offer and audience)."""
    regulated = regulated_sector(industry or "")
    if regulated:
        return SECTORS[regulated]
    for text in (industry or "", f"{offer or ''} {audience or ''}"):
        for key, pattern in _PATTERNS:
            if re.search(pattern, text, re.IGNORECASE):
                return SECTORS[key]
    return SECTORS["b2b"]
