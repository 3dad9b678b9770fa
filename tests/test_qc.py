"""QC: the registry, platform limits with their fixes, and placeholders."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.qc import CHECKS, QCIssue, QCReport, normalise_platform, register_check, run_qc
from aicmo_kernel.qc.checks import trim_at_word

WORDS = "Fresh trails open this spring and our waterproof boots are ready for every muddy mile ahead "


def words(n_chars: int) -> str:
    """Plain prose of exactly ``n_chars`` characters."""
    text = (WORDS * (n_chars // len(WORDS) + 1))[: n_chars - 1]
    return (text[:-1] + "s" if text.endswith(" ") else text) + "."


@pytest.mark.parametrize("platform", ["x", "X", "Twitter", "twitter", " x "])
def test_x_post_over_280_characters_is_a_blocker_with_a_word_boundary_fix(platform):
    post = words(300)
    report = run_qc(post, kind="social_post", platform=platform)
    assert not report.passed
    [issue] = report.blockers
    assert issue.check_id == "platform_length" and "280" in issue.message and "300" in issue.message
    assert issue.fix is not None and len(issue.fix) <= 280
    assert issue.fix.endswith("…")
    kept = issue.fix[:-1]
    assert post.startswith(kept) and post[len(kept)] in " ,."  # cut between words, not inside one
    assert run_qc(issue.fix, kind="social_post", platform=platform).passed


def test_x_post_of_exactly_280_characters_passes():
    assert run_qc("a" * 280, kind="social_post", platform="x").passed


@pytest.mark.parametrize(("platform", "limit"), [("LinkedIn", 3_000), ("linkedin", 3_000), ("Instagram", 2_200)])
def test_linkedin_and_instagram_limits(platform, limit):
    assert run_qc(words(limit - 1), kind="post", platform=platform).passed
    report = run_qc(words(limit + 10), kind="post", platform=platform)
    assert [issue.check_id for issue in report.blockers] == ["platform_length"]
    assert f"{limit:,}" in report.blockers[0].message


def test_limits_do_not_apply_to_documents_without_a_platform():
    assert run_qc(words(10_000), kind="strategy_document").passed


def test_instagram_allows_at_most_30_hashtags_counting_field_and_text():
    thirty = [f"trail{i}" for i in range(30)]
    assert run_qc("Spring is here.", kind="caption", platform="instagram", hashtags=thirty).passed
    report = run_qc("Spring is here. #muddyboots", kind="caption", platform="instagram", hashtags=thirty)
    assert [issue.check_id for issue in report.blockers] == ["instagram_hashtags"]
    assert "31" in report.blockers[0].message
    # The same 30 tags written in the text and in the field are counted once.
    both = "Spring. " + " ".join(f"#{t}" for t in thirty)
    assert run_qc(both, kind="caption", platform="instagram", hashtags=[f"#{t}" for t in thirty]).passed


def test_long_email_subject_is_major_not_blocking():
    subject = "Your spring trail guide: five routes, three boots and one very muddy weekend plan"
    assert len(subject) > 78
    for kwargs in ({"kind": "email", "platform": None}, {"kind": "newsletter", "platform": "Email"}):
        report = run_qc("Hello hikers, spring is here.", metadata={"subject": subject}, **kwargs)
        assert [(i.check_id, i.severity) for i in report.issues] == [("email_subject_length", "major")]
        assert report.passed
    assert run_qc("Hello.", kind="email", metadata={"subject": "Spring trails"}).issues == []


@pytest.mark.parametrize("text", [
    "Welcome to [Brand Name], where adventure starts.",
    "Launch date: TBD.",
    "Hi {{first_name}}, spring is here.",
    "Lorem ipsum dolor sit amet.",
])
def test_placeholders_block_approval(text):
    report = run_qc(text, kind="email")
    assert [issue.check_id for issue in report.blockers] == ["placeholders"]
    assert "placeholder" in report.blockers[0].message


def test_x_thread_checks_each_post():
    thread = "First post, short.\n\n" + words(300) + "\n\n---\nThird post."
    report = run_qc(thread, kind="x_thread", platform="x")
    assert len(report.blockers) == 1 and "Post 2" in report.blockers[0].message
    assert run_qc("One.\n\nTwo.\n\nThree.", kind="x_thread", platform="x").passed


def test_report_shape_and_ordering():
    report = run_qc("TBD " + words(300), kind="email_post", platform="x", metadata={"subject": "s" * 90})
    assert [i.severity for i in report.issues] == ["blocker", "blocker", "major"]
    data = report.as_dict()
    assert data["passed"] is False and data["blockers"] == 2
    assert {i["check_id"] for i in data["issues"]} == {"platform_length", "placeholders", "email_subject_length"}
    assert QCReport(issues=[QCIssue(check_id="c", severity="minor", message="m")]).passed


def test_registered_checks_run_and_duplicates_are_refused():
    @register_check("test_no_exclamations", description="test only")
    def no_exclamations(ctx):
        if "!" in ctx.content_markdown:
            yield QCIssue(check_id="test_no_exclamations", severity="minor", message="Calm down.")

    try:
        assert [i.check_id for i in run_qc("Wow!", kind="post").issues] == ["test_no_exclamations"]
        with pytest.raises(ValueError, match="already registered"):
            register_check("test_no_exclamations", description="again")(lambda ctx: [])
    finally:
        CHECKS.pop("test_no_exclamations")
    assert run_qc("Wow!", kind="post").issues == []


def test_platform_names_are_normalised():
    assert [normalise_platform(p) for p in ["X", "Twitter", "LinkedIn", "IG", "E-mail", "TikTok", None, " "]] == [
        "x", "x", "linkedin", "instagram", "email", "tiktok", None, None]


@given(st.text(alphabet=st.sampled_from("ab \n.,"), min_size=0, max_size=600), st.integers(min_value=10, max_value=300))
def test_trim_at_word_always_fits_and_keeps_a_prefix(text, limit):
    trimmed = trim_at_word(text, limit)
    assert len(trimmed) <= limit
    if len(text.strip()) <= limit:
        assert trimmed == text.strip()
    else:
        assert trimmed.endswith("…") and text.strip().startswith(trimmed[:-1])
