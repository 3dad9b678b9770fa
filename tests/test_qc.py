"""QC: the registry, platform limits with their fixes, placeholders, the report (score, order),
applying fixes, the catalogue and its docs page, and robustness on arbitrary input.

The other check families have their own files: test_qc_hashtags, test_qc_brand, test_qc_content,
test_qc_claims, test_qc_calendar, and test_qc_demo (the offline demo drafts pass QC).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.qc import (
    CHECKS,
    QCIssue,
    QCReport,
    apply_fix,
    autofix,
    catalogue_markdown,
    describe_checks,
    normalise_platform,
    register_check,
    run_qc,
)
from aicmo_kernel.qc.checks import trim_at_word
from aicmo_kernel.qc.kinds import KNOWN_KINDS

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


def test_instagram_allows_at_most_30_hashtags_in_the_text_or_the_field():
    thirty = [f"trail{i}" for i in range(30)]
    assert run_qc("Spring is here.", kind="caption", platform="instagram", hashtags=thirty).passed
    report = run_qc("Spring is here.", kind="caption", platform="instagram", hashtags=[*thirty, "muddyboots"])
    assert [issue.check_id for issue in report.blockers] == ["instagram_hashtags"]
    assert "31" in report.blockers[0].message and report.blockers[0].fix is None  # nothing in the text to cut
    # The same 30 tags written in the text and in the field are counted once.
    both = "Spring. " + " ".join(f"#{t}" for t in thirty)
    assert run_qc(both, kind="caption", platform="instagram", hashtags=[f"#{t}" for t in thirty]).passed
    # 31 in the text: the fix keeps the first 30, and the post then passes.
    over = both + " #muddyboots"
    [issue] = run_qc(over, kind="caption", platform="instagram").blockers
    assert issue.fix is not None and "#muddyboots" not in issue.fix and "#trail29" in issue.fix
    assert run_qc(apply_fix(over, issue), kind="caption", platform="instagram").passed


def test_the_text_not_a_stale_hashtag_field_is_what_counts():
    """Edits keep the hashtag field as it was, so a tag deleted from the text must stop counting."""
    field = [f"#tag{i}" for i in range(35)]
    edited = "Spring is here. Book a trail walk. #tag1 #tag2"
    assert run_qc(edited, kind="instagram_caption", platform="instagram", hashtags=field).passed


def test_long_email_subject_is_major_not_blocking():
    subject = "Your spring trail guide: five routes, three boots and one very muddy weekend plan"
    assert len(subject) > 78
    body = "Hello hikers, spring is here. Book your place on a guided trail walk."
    for kwargs in ({"kind": "email", "platform": None}, {"kind": "newsletter", "platform": "Email"}):
        report = run_qc(body, metadata={"subject": subject}, **kwargs)
        assert [(i.check_id, i.severity) for i in report.issues] == [("email_subject_length", "major")]
        assert report.passed
    assert run_qc("Hello. Reply to save your place.", kind="email", metadata={"subject": "Spring trails"}).issues == []


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


def test_a_failing_check_is_reported_not_raised():
    @register_check("test_broken", description="a check with a bug")
    def broken(ctx):
        raise KeyError("oops")

    try:
        report = run_qc("Book now.", kind="x_post", platform="x")
    finally:
        CHECKS.pop("test_broken")
    [issue] = report.issues
    assert (issue.check_id, issue.severity) == ("test_broken", "major")
    assert "could not run" in issue.message and "a check with a bug" in issue.message


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


# --------------------------------------------------------------------------- the report and fixes


def _issue(severity: str, check_id: str = "c") -> QCIssue:
    return QCIssue(check_id=check_id, severity=severity, message="m")


@pytest.mark.parametrize(
    ("blockers", "majors", "minors", "score"),
    [(0, 0, 0, 100), (0, 0, 1, 95), (0, 1, 0, 85), (1, 0, 0, 60), (1, 1, 1, 40), (2, 1, 0, 5),
     (2, 2, 0, 0), (3, 0, 0, 0), (0, 6, 1, 5), (0, 0, 20, 0)],
)
def test_score_is_100_less_40_per_blocker_15_per_major_5_per_minor(blockers, majors, minors, score):
    issues = [_issue("blocker")] * blockers + [_issue("major")] * majors + [_issue("minor")] * minors
    report = QCReport(issues=issues)
    assert report.score == score
    assert report.as_dict()["score"] == score


def test_score_of_a_real_report():
    report = run_qc("TBD " + words(300), kind="x_post", platform="x")  # 2 blockers, no call to action
    assert sorted(i.severity for i in report.issues) == ["blocker", "blocker", "major"]
    assert report.score == 100 - 40 - 40 - 15


def test_apply_fix_returns_the_fix_and_refuses_a_stale_text_or_a_missing_fix():
    post = words(300)
    [issue] = run_qc(post, kind="x_post", platform="x").blockers
    assert issue.fixes_sha256 is not None
    assert apply_fix(post, issue) == issue.fix
    with pytest.raises(ValidationError, match="changed since") as stale:
        apply_fix(post + " Edited.", issue)
    assert stale.value.field == "fix"
    [placeholder] = run_qc("Launch date: TBD. Book now.", kind="x_post", platform="x").issues
    with pytest.raises(ValidationError, match="no automatic fix"):
        apply_fix("Launch date: TBD. Book now.", placeholder)


def test_autofix_applies_every_fix_in_turn_and_reports_them():
    brand = {"banned_words": ["seamless"], "disclaimers": ["Terms apply."], "website": "https://acme.example"}
    text = ("A seamless way to plan your week for £5 per month. Click here to start.\n\n"
            "#acme #rota-app #marketing #spring")
    kwargs = {"kind": "x_post", "platform": "x", "brand": brand}
    assert {i.check_id for i in run_qc(text, **kwargs).issues} >= {
        "banned_words", "disclaimers", "link_required", "hashtag_format", "hashtag_count", "generic_hashtags"}
    fixed, applied = autofix(text, **kwargs)
    assert run_qc(fixed, **kwargs).issues == []
    assert {i.check_id for i in applied} >= {"banned_words", "disclaimers", "link_required", "hashtag_format",
                                            "generic_hashtags"}
    assert "smooth way" in fixed and "Terms apply." in fixed and "https://acme.example" in fixed
    assert "#RotaApp" in fixed and "#marketing" not in fixed


def test_autofix_stops_when_a_fix_does_not_help():
    # Nothing to fix: the text comes back as it was, with no fixes applied.
    assert autofix("Launch date: TBD.", kind="x_post", platform="x") == ("Launch date: TBD.", [])


# --------------------------------------------------------------------------- the catalogue


CATALOGUE = {
    "platform_length": "blocker", "instagram_hashtags": "blocker", "email_subject_length": "major",
    "placeholders": "blocker", "hashtag_format": "major", "hashtag_count": "major",
    "generic_hashtags": "minor", "banned_words": "blocker", "disclaimers": "major", "cta": "major",
    "link_required": "major", "repeated_lines": "minor", "claims": "minor", "calendar_format": "major",
    "calendar_clash": "major", "calendar_blackout": "blocker", "calendar_platform": "major",
    "calendar_range": "major",
    "regulated_claims": "blocker", "brief_rules": "blocker",
}  # fmt: skip


def test_describe_checks_lists_the_whole_catalogue():
    described = describe_checks()
    assert {c["id"]: c["severity"] for c in described} == CATALOGUE
    for check in described:
        assert set(check) >= {"id", "severity", "description", "has_fix"}
        assert check["description"].strip() and isinstance(check["has_fix"], bool)
    fixable = {c["id"] for c in described if c["has_fix"]}
    assert fixable == {"platform_length", "instagram_hashtags", "hashtag_format", "hashtag_count",
                       "generic_hashtags", "banned_words", "disclaimers", "link_required", "repeated_lines"}
    assert next(c for c in described if c["id"] == "hashtag_count")["severities"] == ["major", "minor"]


def test_docs_page_is_in_sync_with_the_catalogue():
    page = Path(__file__).resolve().parents[1] / "docs" / "qc.md"
    assert page.read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/qc.md is out of date: regenerate it with the command at its top")
    for check_id in CATALOGUE:
        assert f"`{check_id}`" in page.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- robustness


KINDS = sorted(KNOWN_KINDS) + ["social_post", "", "Weird Kind"]
PLATFORMS = [None, "x", "Twitter", "linkedin", "instagram", "email", "facebook", "", " "]
# Arbitrary text, and text built from the pieces the checks look for, so they really fire.
PIECES = [*"ab #-%£$x1.:/\n'\u2019*_|", "seamless", "click here", "free trial", "best", "#1", "TBD",
          "https://a.example", "#rota-app", "#marketing", "link in bio", "50%", "Book now", "\n\n",
          "# Words to avoid\n", "Same line repeated here\n", "#a1 #b2 #c3 #d4 #e5 #f6 ", "£5 per month",
          "x" * 150, "1/3 ", "Cheap and seamless, disrupting"]
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400) | st.lists(
    st.sampled_from(PIECES), max_size=60).map("".join)
SLOT = st.fixed_dictionaries({}, optional={
    "date": st.one_of(st.none(), st.text(max_size=12), st.dates().map(str), st.integers()),
    "time": st.one_of(st.none(), st.text(max_size=6), st.sampled_from(["09:00", "9:5", "25:00"])),
    "platform": st.one_of(st.none(), st.text(max_size=8), st.integers()),
    "title": st.one_of(st.none(), st.text(max_size=20)),
})
METADATA = st.fixed_dictionaries({}, optional={
    "subject": st.one_of(st.none(), TEXT, st.integers()),
    "calendar": st.one_of(st.none(), st.text(max_size=5), st.lists(st.one_of(SLOT, st.integers()), max_size=5)),
    "blackout_dates": st.one_of(st.none(), st.text(max_size=10), st.lists(st.one_of(st.text(max_size=10),
                                                                                    st.dates().map(str)))),
    "start_date": st.one_of(st.none(), st.text(max_size=10), st.dates().map(str)),
    "end_date": st.one_of(st.none(), st.text(max_size=10), st.dates().map(str)),
    "offer": st.one_of(st.none(), TEXT, st.integers()),
    "kpi_targets": st.one_of(st.none(), st.lists(st.dictionaries(st.text(max_size=5), st.one_of(
        st.integers(), st.floats(allow_nan=True), st.text(max_size=5)), max_size=3), max_size=3)),
})
BRAND = st.one_of(st.none(), st.fixed_dictionaries({}, optional={
    "banned_words": st.one_of(st.none(), st.text(max_size=10), st.lists(st.one_of(
        TEXT, st.integers(), st.sampled_from(["seamless", "cheap", "disrupt", "game-changer"])), max_size=4)),
    "disclaimers": st.one_of(st.none(), st.lists(st.one_of(TEXT, st.just("Terms apply.")), max_size=3)),
    "website": st.one_of(st.none(), st.text(max_size=20), st.just("https://a.example")),
    "name": st.one_of(st.none(), st.text(max_size=10)),
}))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(KINDS), st.sampled_from(PLATFORMS), st.lists(st.one_of(TEXT, st.integers()), max_size=6),
       METADATA, BRAND)
def test_run_qc_never_raises_and_every_fix_applies(text, kind, platform, hashtags, metadata, brand):
    report = run_qc(text, kind=kind, platform=platform, hashtags=hashtags, metadata=metadata, brand=brand)
    assert 0 <= report.score <= 100
    assert [i.severity for i in report.issues] == sorted(
        (i.severity for i in report.issues), key=["blocker", "major", "minor"].index)
    for issue in report.issues:
        assert issue.message.strip() and "could not run" not in issue.message
        if issue.fix is not None:  # a fix offered is a fix that works
            fixed = apply_fix(text, issue)
            assert fixed == issue.fix != text
            again = run_qc(fixed, kind=kind, platform=platform, hashtags=hashtags, metadata=metadata, brand=brand)
            assert issue.check_id not in {i.check_id for i in again.issues}


def test_the_x_trim_keeps_the_sentence_with_the_link_and_offers_no_fix_that_adds_an_issue():
    post = words(260) + " Order yours at https://plainfield.example/order today."
    [issue] = run_qc(post, kind="x_post", platform="x").blockers
    assert issue.fix is not None and len(issue.fix) <= 280
    assert issue.fix.endswith("…\nOrder yours at https://plainfield.example/order today.")
    assert run_qc(issue.fix, kind="x_post", platform="x").issues == []  # no call to action lost
