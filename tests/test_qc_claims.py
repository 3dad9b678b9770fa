"""QC claims that need evidence: flagged as minor, never blocking, with few false positives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.qc import run_qc

BRAND = {"disclaimers": ["30-day free trial for new customers, then £49 per site per month. Cancel anytime."]}


def claim_issue(text, kind="linkedin_post", platform="linkedin", **kwargs):
    issues = [i for i in run_qc(text, kind=kind, platform=platform, **kwargs).issues if i.check_id == "claims"]
    assert len(issues) <= 1
    return issues[0] if issues else None


@pytest.mark.parametrize(("sentence", "shown"), [
    ("Results guaranteed.", "guaranteed"),
    ("We guarantee a full rota.", "We guarantee"),
    ("A 60-day guarantee on every plan.", "60-day guarantee"),
    ("The best rota app in the UK.", "best rota app in the UK"),
    ("Rotaly is the best.", "is the best"),
    ("Britain's best rota app.", "Britain's best"),
    ("The #1 rota app.", "#1 rota app"),
    ("Number one for cafés.", "Number one"),
    ("The leading rota app.", "The leading rota"),
    ("An industry-leading planner.", "industry-leading"),
    ("The fastest way to plan.", "fastest"),
    ("The cheapest rota app.", "cheapest"),
    ("A proven method.", "proven"),
    ("Clinically tested boots.", "Clinically"),
    ("Our award-winning app.", "award-winning"),
    ("The only app that reads texts.", "The only app that"),
    ("Cut rota time by 50%.", "50%"),
    ("Plan 3x faster.", "3x faster"),
    ("Ten times faster than a spreadsheet.", "Ten times faster"),
    ("Twice as quick.", "Twice as quick"),
    ("Trusted by 500 cafés.", "Trusted by 500 cafés"),
    ("Join 1,200+ restaurants.", "Join 1,200+ restaurants"),
    ("Rated 4.9/5 by managers.", "4.9/5"),
    ("Rated 5/5 by managers.", "Rated 5/5"),
    ("A 5-star rota app.", "5-star"),
])
def test_claims_are_flagged_minor_with_the_words_a_reviewer_should_check(sentence, shown):
    text = f"{sentence} Book a demo at rotaly.example"
    issue = claim_issue(text)
    assert issue is not None and issue.severity == "minor" and issue.fix is None
    assert "confirm there is evidence" in issue.message and shown in issue.message
    assert run_qc(text, kind="linkedin_post", platform="linkedin").passed  # flag, never block


@pytest.mark.parametrize("sentence", [
    "The best answer is to see it for yourself.",  # "best" as plain English, not a claim
    "Leading to calmer Sundays.",
    "Three posts a week, three times a week.",
    "Save your Sunday evening.",
    "It has been proved useful to ask.",
    "Any guarantees or discounts need the client's sign-off.",
    "20% off your first month, this week only.",  # an offer: the disclaimers check covers it
    "Find us at 12 High Street, open 7 days.",
    "Video at 1080x1920.",
    "1/5 Before the first cold night.",  # thread numbering, not a rating
    "Step 3/5: pick a visit window.",
])
def test_plain_english_and_offers_are_not_claims(sentence):
    assert claim_issue(f"{sentence} Book now.") is None


def test_the_brands_own_offer_and_disclaimer_are_not_claims():
    brand = {"disclaimers": ["New customers get 25% off for 3 months. Money-back guarantee within 30 days."]}
    text = ("Save 25% on your first three months. Book now.\n\n"
            "New customers get 25% off for 3 months. Money-back guarantee within 30 days.")
    assert claim_issue(text, brand=brand) is None
    assert claim_issue("Save 40% on your first three months. Book now.", brand=brand) is not None


def test_numbers_from_the_offer_and_kpi_targets_in_metadata_are_not_claims():
    meta = {"offer": "A 15% saving on annual plans", "kpi_targets": [{"metric": "conversion", "target": 25, "unit": "%"}]}
    assert claim_issue("A 15% saving, and 25% of trials convert.", kind="client_summary", platform=None,
                       metadata=meta) is None


def test_targets_in_documents_are_not_claims_but_in_copy_they_are():
    line = "Target: lift trial-to-paid conversion by 30% by week 6."
    assert claim_issue(f"# Measurement\n\n{line}", kind="strategy_document", platform=None) is None
    assert claim_issue(f"{line} Book now.") is not None


def test_computed_reports_are_checked_for_superlatives_only():
    report = "# Performance\n\nClick-through rate 3.2%, up 40% on last week; cost per lead fell 2x."
    assert claim_issue(report, kind="performance_report", platform=None) is None
    assert claim_issue(report + " The best campaign in the UK.", kind="performance_report", platform=None) is not None


def test_words_to_avoid_lists_are_not_claims():
    framework = "# Messaging framework\n\n## Words to avoid\n\n- best-in-class\n- world's best\n- guaranteed"
    assert claim_issue(framework, kind="messaging_framework", platform=None) is None


def test_claims_in_the_email_subject_are_flagged():
    issue = claim_issue("Hello. Reply to book.", kind="email", platform=None, metadata={"subject": "The #1 rota app"})
    assert issue is not None and "#1" in issue.message


def test_many_claims_are_listed_briefly():
    text = " ".join(f"Plan {n}x faster." for n in range(2, 14)) + " Book now."
    issue = claim_issue(text)
    assert "and 4 more" in issue.message


_CLAIM_PIECES = st.sampled_from([
    "50%", "12 per cent more", "3x faster", "3× better", "ten times more", "TWICE as fast", "two times the",
    "trusted by 500 cafés", "over 1,200 happy customers", "10k+ users", "4.9/5", "rated 5/5", "4 out of 5",
    "5/5 stars", "5-star", "٣x", "ſix times more", "Fifty times better", "x", "%", "/5", "star", "times",
])
_LINES = st.lists(_CLAIM_PIECES | st.text(alphabet="abcdefghiklmnorstuvwxyz .,-/%×5", max_size=12), max_size=6)


@given(_LINES)
def test_a_line_the_numeric_hint_passes_over_has_no_numeric_claim(pieces):
    """find_claims searches a line for numeric claims only where the hint finds a digit or a
    number word: the hint must find one in every line where the claims pattern finds a claim."""
    from aicmo_kernel.qc import claims

    line = " ".join(pieces)
    if claims._NUMERIC_CLAIMS.anycase.search(line):
        assert claims._NUMERIC_HINT.anycase.search(line)
