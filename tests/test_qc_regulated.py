"""QC's regulated_claims check: testimonials, before/after and promised outcomes are blockers for
brands in regulated health care and financial services, in any draft (a model's included)."""

from __future__ import annotations

import pytest

from aicmo_kernel.qc import run_qc
from aicmo_kernel.qc.regulated import regulated_claims_in, regulated_sector

CLINIC = {"name": "Moveright Physio", "industry": "Physiotherapy clinic (regulated health care)"}
BROKER = {"name": "Keystone", "industry": "Mortgage broker (FCA authorised)"}
BAKERY = {"name": "Crumb & Co", "industry": "Artisan sourdough bakery"}


def _issues(text, brand, kind="linkedin_post", platform="linkedin", **metadata):
    return [i for i in run_qc(text, kind=kind, platform=platform, brand=brand, metadata=metadata).issues
            if i.check_id == "regulated_claims"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Read Sarah's testimonial: back pain gone in a week. Book now.",
        "See the before and after photos from our patients.",
        "A patient story: how Tom got his life back.",
        "Résultats garantis, découvrez les témoignages de nos patients.",
        "Mira el antes y después de nuestros pacientes.",
        "Vorher-Nachher-Bilder unserer Patienten.",
    ],
)
def test_a_regulated_health_brand_cannot_show_testimonials_or_before_after(text):
    [issue] = _issues(text, CLINIC)
    assert issue.severity == "blocker" and "health care" in issue.message


def test_a_finance_brand_cannot_promise_outcomes_even_in_an_email_subject():
    [issue] = _issues("Book your free consultation.", BROKER, kind="email", platform="email",
                      subject="Guaranteed approval, read our customer stories")  # fmt: skip
    assert "financial services" in issue.message


def test_ruling_them_out_an_unregulated_brand_and_the_voice_guide_pass():
    assert _issues("No testimonials, no before-and-after photos: only verifiable facts.", CLINIC) == []
    assert _issues("Read our customers' testimonials.", BAKERY) == []
    assert _issues("- testimonials\n- before and after", CLINIC, kind="brand_voice_guide", platform=None) == []


def test_which_industries_are_regulated():
    assert regulated_sector("Private dental practice") == "health"
    assert regulated_sector("Mutuelle santé (assurance réglementée)") == "finance"
    assert regulated_sector("Community food bank and charity") is None
    assert regulated_sector("Independent café and bakery") is None
    assert regulated_claims_in("We never use testimonials. Case studies on request.") == ["Case studies"]
