"""QC hashtag rules: format, count per platform, generic tags, and their fixes."""

from __future__ import annotations

import pytest

from aicmo_kernel.qc import apply_fix, run_qc
from aicmo_kernel.qc.hashtags import normalise_hashtag


def ids(report, severity=None):
    return [(i.check_id, i.severity) for i in report.issues if severity is None or i.severity == severity]


def only(report, check_id):
    [issue] = [i for i in report.issues if i.check_id == check_id]
    return issue


POST = "Spring trails are open. Book a guided walk at acme.example"


@pytest.mark.parametrize(("raw", "expected"), [
    ("#rota-app", "#RotaApp"), ("Sunday evening", "#SundayEvening"), ("#muddy_boots", "#muddy_boots"),
    ("#Rotaly", "#Rotaly"), ("#café-life", "#CaféLife"), ("#don't-stop", "#DontStop"), ("#2027", None), ("#", None),
])
def test_normalise_hashtag(raw, expected):
    assert normalise_hashtag(raw) == expected


def test_hashtag_glued_to_punctuation_is_major_and_the_fix_joins_the_words():
    text = f"{POST}\n\n#rota-app #Spring #trail.walks"
    report = run_qc(text, kind="linkedin_post", platform="linkedin")
    issue = only(report, "hashtag_format")
    assert issue.severity == "major"
    assert "#rota-app" in issue.message and "#RotaApp" in issue.message
    fixed = apply_fix(text, issue)
    assert fixed.endswith("#RotaApp #Spring #TrailWalks")
    assert run_qc(fixed, kind="linkedin_post", platform="linkedin").issues == []


def test_well_formed_hashtags_and_possessives_pass():
    text = f"{POST}\n\nWhat #Rotaly's customers say about #muddy_boots and #Spring2027."
    assert run_qc(text, kind="linkedin_post", platform="linkedin").issues == []


def test_a_broken_tag_in_the_hashtag_field_is_reported_without_a_text_fix():
    report = run_qc(POST, kind="ad_copy", hashtags=["#Spring", "Sunday evening", "#rota-app", "#2027"])
    issue = only(report, "hashtag_format")
    assert issue.fix is None and issue.severity == "major"
    assert "Sunday evening" in issue.message and "#SundayEvening" in issue.message and "#2027" in issue.message
    assert run_qc(POST, kind="ad_copy", hashtags=["#Spring", "SundayEvening"]).issues == []


def test_hashtag_rules_do_not_apply_to_documents():
    text = "# Strategy\n\nUse #rota-app and #marketing in posts."
    assert run_qc(text, kind="strategy_document").issues == []


@pytest.mark.parametrize(("platform", "kind", "allowed", "severity"), [
    ("x", "x_post", 3, "major"), ("X", "x_thread", 3, "major"), ("linkedin", "linkedin_post", 5, "minor"),
])
def test_hashtag_count_per_platform_with_a_fix_that_keeps_the_first(platform, kind, allowed, severity):
    tags = [f"#trail{i}" for i in range(allowed + 2)]
    at_limit = f"{POST}\n\n{' '.join(tags[:allowed])}"
    assert "hashtag_count" not in {i.check_id for i in run_qc(at_limit, kind=kind, platform=platform).issues}
    over = f"{POST}\n\n{' '.join(tags)}"
    issue = only(run_qc(over, kind=kind, platform=platform), "hashtag_count")
    assert issue.severity == severity and str(allowed + 2) in issue.message and str(allowed) in issue.message
    fixed = apply_fix(over, issue)
    assert fixed == at_limit
    assert "hashtag_count" not in {i.check_id for i in run_qc(fixed, kind=kind, platform=platform).issues}


def test_instagram_is_not_limited_by_the_advisory_counts():
    tags = " ".join(f"#trail{i}" for i in range(12))
    report = run_qc(f"{POST}\n\n{tags}", kind="instagram_caption", platform="instagram")
    assert report.issues == []


def test_hashtag_count_uses_the_field_when_the_text_has_none():
    report = run_qc(POST, kind="social_post", platform="x", hashtags=["#a1", "#b1", "#c1", "#d1"])
    issue = only(report, "hashtag_count")
    assert issue.fix is None  # nothing in the text to cut: the list itself must be edited


@pytest.mark.parametrize("generic", ["#marketing", "#Business", "#SUCCESS", "#motivation", "#love", "#instagood"])
def test_generic_hashtags_are_minor_and_the_fix_drops_them(generic):
    text = f"{POST}\n\n#Rotaly {generic} #SundayEvening"
    issue = only(run_qc(text, kind="instagram_caption", platform="instagram"), "generic_hashtags")
    assert issue.severity == "minor" and generic in issue.message
    fixed = apply_fix(text, issue)
    assert fixed == f"{POST}\n\n#Rotaly #SundayEvening"
    assert run_qc(fixed, kind="instagram_caption", platform="instagram").issues == []


def test_generic_tag_fix_removes_an_emptied_hashtag_line_and_label():
    text = f"# Ad copy\n\n**Headline:** {POST}\n\n**Hashtags:** #marketing #business"
    issue = only(run_qc(text, kind="ad_copy"), "generic_hashtags")
    assert apply_fix(text, issue) == f"# Ad copy\n\n**Headline:** {POST}"


def test_a_brand_named_like_a_generic_tag_keeps_its_tag():
    text = f"{POST}\n\n#Success #SundayEvening"
    brand = {"name": "Success", "banned_words": [], "disclaimers": []}
    assert run_qc(text, kind="x_post", platform="x", brand=brand).issues == []


def test_a_fix_that_would_leave_nothing_is_not_offered():
    issue = only(run_qc("#marketing", kind="x_post", platform="x"), "generic_hashtags")
    assert issue.fix is None
