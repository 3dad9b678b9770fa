"""Sector patterns in the offline drafts: personas, proof and pictures that fit B2B, consumer,
nonprofit, regulated health and regulated finance briefs; regulated drafts pass QC's
regulated_claims blocker."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicmo_kernel.modules.phrasebook import tr
from aicmo_kernel.modules.sectors import sector_for
from aicmo_kernel.qc import run_qc
from aicmo_kernel.testing.offline_drafts import drafts_for_file

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"


@pytest.mark.parametrize(
    ("brief", "sector", "persona"),
    [("b2b-northwind", "b2b", "The decision-maker"), ("food-sourdough", "consumer", "The regular"),
     ("retail-bikes", "consumer", "The regular"), ("nonprofit-foodbank", "nonprofit", "The supporter"),
     ("health-physio", "health", "The patient"), ("es-clinica", "health", "The patient"),
     ("finance-mortgage", "finance", "The applicant"), ("fr-assurance", "finance", "The applicant")],
)  # fmt: skip
def test_each_sector_gets_its_own_personas_proof_and_pictures(brief, sector, persona):
    run = drafts_for_file(CORPUS / f"{brief}.yaml")
    intake = run.drafts["intake"]
    assert sector_for(run.facts["industry"], run.facts["offer"], run.facts["audience"]).key == sector
    labels = [d["metadata"].get("label") for d in intake if d["kind"] == "persona_card"]
    assert persona in labels or tr(run.drafts["strategy"][0]["metadata"]["language"], persona) in labels
    text = " ".join(d["content_markdown"] for m in run.drafts.values() for d in m)
    if sector != "b2b":
        assert "owns the budget" not in text and "on their own data or site" not in text
        assert "at work, relaxed and in control" not in text
    images = [d["content_markdown"] for d in run.drafts["creatives"] if d["kind"] == "image_prompt"]
    if sector in ("health", "finance"):
        assert "before and after" not in text.replace("No testimonials, before/after", "")
        for image in images:
            assert "after picture" not in image.lower()
        brand = {"industry": run.facts["industry"]}
        for module in run.drafts.values():
            for d in module:
                issues = run_qc(d["content_markdown"], kind=d["kind"], platform=d["platform"], brand=brand,
                                metadata=d["metadata"]).issues  # fmt: skip
                assert not [i for i in issues if i.check_id == "regulated_claims"], (d["title"], issues)
        strategy = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")["content_markdown"]
        lang = run.drafts["strategy"][0]["metadata"]["language"]
        rule = "Regulated health care" if sector == "health" else "Regulated financial services"
        assert tr(lang, rule + ": no testimonials, before/after pictures or promised outcomes in any asset, "
                  "whatever the client supplies; QC blocks them.") in strategy
