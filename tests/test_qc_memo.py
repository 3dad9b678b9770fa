"""QC reports are remembered by everything the checks read (issue 15): the same version is checked
once, and a changed text, brand rule, hashtag, metadata or check is checked afresh."""

from __future__ import annotations

import pytest
from fixtures_store import generate, item, make_campaign

from aicmo_kernel import workflow as wf
from aicmo_kernel.errors import QCBlockedError
from aicmo_kernel.qc import CHECKS, QCIssue, register_check, run_qc
from aicmo_kernel.store.models import BrandRow

TEXT = "Spring trails are open and our boots are the cheapest way to enjoy them. Sign up today."


@pytest.fixture
def counted():
    """A registered check that counts how often it runs (removed afterwards)."""
    runs: list[str] = []

    @register_check("memo_probe", description="counts its runs", severity="minor")
    def probe(context):
        runs.append(context.content_markdown)
        return iter(())

    yield runs
    del CHECKS["memo_probe"]


def test_the_same_version_is_checked_once(counted):
    first = run_qc(TEXT, kind="social_post", platform="linkedin", hashtags=["#trails"], metadata={"a": 1},
                   brand={"banned_words": ["cheapest"]})
    again = run_qc(TEXT, kind="social_post", platform="linkedin", hashtags=iter(["#trails"]), metadata={"a": 1},
                   brand={"banned_words": ["cheapest"]})
    assert again == first and len(counted) == 1
    assert [i.check_id for i in again.blockers] == ["banned_words"]


@pytest.mark.parametrize("change", [
    {"content_markdown": TEXT + " Now."},
    {"kind": "email"},
    {"platform": "x"},
    {"hashtags": ["#boots"]},
    {"metadata": {"a": 2}},
    {"brand": {"banned_words": []}},
])
def test_anything_a_check_reads_changed_is_checked_again(counted, change):
    base = {"content_markdown": TEXT, "kind": "social_post", "platform": "linkedin", "hashtags": ["#trails"],
            "metadata": {"a": 1}, "brand": {"banned_words": ["cheapest"]}}
    run_qc(**base)
    run_qc(**{**base, **change})
    assert len(counted) == 2


def test_a_brand_rule_added_or_removed_changes_the_verdict():
    assert run_qc(TEXT, kind="social_post", brand={"banned_words": []}).passed
    assert not run_qc(TEXT, kind="social_post", brand={"banned_words": ["cheapest"]}).passed
    assert run_qc(TEXT, kind="social_post", brand={"banned_words": []}).passed  # the earlier report, still right


def test_a_newly_registered_check_is_run_on_a_version_checked_before():
    run_qc(TEXT, kind="document")

    @register_check("memo_late", description="added after the first check", severity="blocker")
    def late(context):
        yield QCIssue(check_id="memo_late", severity="blocker", message="late check")

    try:
        assert [i.check_id for i in run_qc(TEXT, kind="document").blockers] == ["memo_late"]
    finally:
        del CHECKS["memo_late"]
    assert run_qc(TEXT, kind="document").passed


def test_metadata_json_cannot_write_is_checked_every_time(counted):
    from datetime import date

    for _ in range(2):
        run_qc(TEXT, kind="document", metadata={"day": date(2027, 3, 1)})
    assert len(counted) == 2


def test_approval_sees_a_banned_word_added_after_the_draft_was_checked(workspace):
    campaign = make_campaign(workspace).name
    generate(workspace, campaign, "intake", [item("Launch post", "Our boots are the sturdiest on any trail.")])
    [draft] = workspace.list_deliverables(campaign, "intake")
    brand = workspace.get_brand("Acme Outdoor")
    assert run_qc(draft.content_markdown, kind=draft.kind, brand=brand).passed  # checked, and remembered
    with workspace.transaction() as session:
        row = session.get(BrandRow, brand.id)
        row.banned_words = [*row.banned_words, "sturdiest"]
    with pytest.raises(QCBlockedError, match="banned_words"):
        wf.approve(workspace, draft.id, version=1, reviewer="rita")
    assert workspace.get_deliverable(draft.id).state == "draft"
