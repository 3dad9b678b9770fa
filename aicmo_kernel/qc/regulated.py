"""Regulated sectors: health care and financial services may not advertise with testimonials,
before/after pictures or promised outcomes (in the UK the ASA/CAP code and the FCA's financial
promotion rules; similar rules elsewhere). Which brands are regulated is read from the brand's
industry; the ``regulated_claims`` check (a blocker) finds such proof in any draft, a model's
included. A sentence that rules them out ("no testimonials") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import QCContext, QCIssue, _register_builtin_checks, register_check
from ._text import brand_text
from .kinds import kind_of

__all__ = ["regulated_claims_in", "regulated_sector"]

_FINANCE = re.compile(
    r"\b(mortgage\w*|invest\w*|insurance|insurer|assurance|mutuelle|pension\w*|loans?|credit|lending|FCA|"
    r"financial services|wealth|seguros?|versicherung\w*|hypothek\w*|crédit|hipoteca\w*|banking)\b",
    re.IGNORECASE,
)
_HEALTH = re.compile(
    r"\b(clinic|clinique|clínica|klinik|dental|dentist\w*|physio\w*|health ?care|medical|fertility|pharmac\w*|"
    r"therap\w*|gesundheit\w*|sanidad|santé|HFEA|hospital|nurs\w*|cosmetic surgery|aesthetic\w*)\b",
    re.IGNORECASE,
)
_PATTERNS = [
    r"testimonial\w*", r"before[- ]and[- ]after", r"before/after", r"customer'?s? stor(?:y|ies)",
    r"patient'?s? stor(?:y|ies)", r"success stor(?:y|ies)", r"case stud(?:y|ies)", r"real results",
    r"(?:results|outcomes?) (?:you can|they can|you will|guaranteed)", r"guarantee[sd]? (?:results|returns|approval)",
    r"t[ée]moignages?", r"avant[- ]apr[èe]s", r"testimonios?", r"antes y despu[ée]s",
    r"erfahrungsberichte?", r"vorher[- ]nachher", r"kundenstimmen", r"patientenstimmen",
]  # fmt: skip
_CLAIMS = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(no|not|never|don't|do not|avoid|without|banned|forbid\w*|ne|pas|jamais|sin|nunca|ningún|"
    r"kein\w*|nicht|nie|ohne)\b",
    re.IGNORECASE,
)


def regulated_sector(industry: str) -> str | None:
    """'finance', 'health' or None, from the brand's industry (finance first: health insurance is
    insurance)."""
    if _FINANCE.search(industry or ""):
        return "finance"
    if _HEALTH.search(industry or ""):
        return "health"
    return None


def regulated_claims_in(text: str) -> list[str]:
    """The testimonials, before/after and outcome promises in ``text``, sentence by sentence."""
    found = []
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            if not _NEGATION.search(sentence):
                found += [m.group(0) for m in _CLAIMS.finditer(sentence)]
    return found


# Composers import this module for ``regulated_sector``; register the built-in families first so
# the catalogue keeps its order (docs/qc.md) whoever imports what first.
_register_builtin_checks()


@register_check(
    "regulated_claims",
    summary="no testimonials or promised outcomes for a brand in regulated health care or finance",
    description="For a brand in regulated health care or financial services (read from its industry), no "
    "testimonials, before/after pictures, customer or patient stories or promised outcomes, which advertising "
    "rules forbid there; a sentence ruling them out is fine",
    severity="blocker",
    applies_to="every deliverable of a regulated brand except the brand voice guide",
)
def regulated_claims(ctx: QCContext) -> Iterator[QCIssue]:
    sector = regulated_sector(brand_text(ctx.brand, "industry"))
    if sector is None or kind_of(ctx) == "brand_voice_guide":
        return
    text = ctx.content_markdown + "\n" + "\n".join(
        v for k in ("subject", "preheader") if isinstance(v := ctx.metadata.get(k), str)
    )
    found = list(dict.fromkeys(regulated_claims_in(text)))
    if found:
        rules = "health care" if sector == "health" else "financial services"
        yield QCIssue(
            check_id="regulated_claims",
            severity="blocker",
            message=f"Advertising rules for {rules} forbid testimonials, before/after pictures and promised "
            f"outcomes; this draft has {', '.join(chr(8220) + f + chr(8221) for f in found)}. Use verifiable facts "
            "instead (qualifications, registration, fees, how it works).",
        )
