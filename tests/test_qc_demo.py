"""The offline drafts pass QC: the demo campaign (intake -> strategy -> creatives) generated,
checked and approved through the real path, and a second, thinner client.

QC that fires on honest offline drafts is a false positive in the check, so these tests ask for
no blocker and no major issue (the semi-autonomous level approves only such drafts).
"""

from __future__ import annotations

from collections import Counter

import pytest

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.generation import generate
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.qc import run_qc
from aicmo_kernel.store import Workspace

MODULES = ("intake", "strategy", "creatives")


def generate_check_and_approve(ws: Workspace, campaign: str) -> dict[str, list]:
    """Each module offline, QC on every draft (as approve runs it), then approval."""
    brand = ws.get_brand(ws.get_campaign(campaign).brand_id)
    checked: dict[str, list] = {}
    for module in MODULES:
        result = generate(ws, campaign, module, provider=OfflineProvider())
        assert result.ok, result.envelope.error
        checked[module] = []
        for item in ws.list_deliverables(campaign=campaign, module=module):
            report = run_qc(item.content_markdown, kind=item.kind, platform=item.platform, hashtags=item.hashtags,
                            metadata=item.metadata, brand=brand)
            checked[module].append((item, report))
            workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")  # QC blockers would raise
    return checked


def serious(checked: dict[str, list]) -> list[str]:
    return [f"{item.kind} [{issue.check_id}] {issue.message}"
            for pairs in checked.values() for item, report in pairs
            for issue in report.issues if issue.severity in ("blocker", "major")]


@pytest.fixture
def demo_ws():
    with Workspace.open() as ws:
        seed_demo(ws)
        yield ws


def test_demo_campaign_offline_drafts_pass_qc(demo_ws):
    checked = generate_check_and_approve(demo_ws, "demo")
    assert serious(checked) == []
    kinds = Counter(item.kind for pairs in checked.values() for item, _ in pairs)
    assert kinds["persona_card"] == 3 and kinds["x_thread"] == 1 and kinds["email"] == 1
    # The brand's banned words are listed in the voice guide, and QC lets that through.
    [(guide, report)] = [(i, r) for i, r in checked["intake"] if i.kind == "brand_voice_guide"]
    assert "seamless" in guide.content_markdown and report.issues == []
    # The copy names the offer, so the disclaimer is there; the check would have caught it otherwise.
    for item, _ in checked["creatives"]:
        if item.kind in ("x_post", "linkedin_post", "email"):
            assert "Cancel anytime" in item.content_markdown
            stripped = item.content_markdown.replace(
                "30-day free trial for new customers, then £49 per site per month. Cancel anytime.", "")
            again = run_qc(stripped, kind=item.kind, platform=item.platform, metadata=item.metadata,
                           brand=demo_ws.get_brand("Rotaly"))
            assert "disclaimers" in {i.check_id for i in again.issues}


def test_a_second_client_without_website_or_disclaimers_passes_qc(demo_ws):
    demo_ws.create_brand("Harbour Lane Plumbing", industry="Domestic plumbing", geography="Bristol",
                         voice="Calm and reassuring", banned_words=["cheap", "hassle-free"])
    inputs = {
        "intake": {
            "client_name": "Harbour Lane Plumbing",
            "industry": "Domestic plumbing",
            "geography": "Bristol",
            "offer": "Annual boiler service with a fixed two-hour visit window.",
            "audience": "Homeowners in north Bristol with gas boilers over five years old",
            "pain_points": ["Boilers failing on the first cold night", "Waiting all day for an engineer"],
            "desired_outcomes": ["A boiler that starts first time", "A visit at a time that suits them"],
            "objections": ["Last year's engineer never turned up"],
        },
        "strategy": {"campaign_name": "Before the first cold night", "objectives": ["Book boiler services"],
                     "channels": ["instagram", "email", "x"], "duration_weeks": 6},
        "creatives": {"theme": "Before the first cold night",
                      "key_message": "Book your boiler service now and pick a two-hour visit window.",
                      "asset_types": ["instagram_caption", "x_thread", "email", "ad_copy", "video_script"],
                      "platforms": ["instagram", "email", "x"]},
    }
    demo_ws.create_campaign("Harbour Lane Plumbing", "boilers", objective="leads", channels=["instagram", "email", "x"],
                            brief={"inputs": inputs})
    checked = generate_check_and_approve(demo_ws, "boilers")
    assert serious(checked) == []
