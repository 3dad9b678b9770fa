"""QC on what copy asks of the reader: a call to action, a link where one is promised (and none
on Instagram, where captions cannot hold clickable links), and no repeated lines."""

from __future__ import annotations

import pytest

from aicmo_kernel.qc import apply_fix, run_qc

BRAND = {"website": "https://acme.example", "banned_words": [], "disclaimers": []}


def check_ids(report):
    return [i.check_id for i in report.issues]


def only(report, check_id):
    [issue] = [i for i in report.issues if i.check_id == check_id]
    return issue


# --------------------------------------------------------------------------- call to action


@pytest.mark.parametrize(("kind", "platform"), [
    ("linkedin_post", "linkedin"), ("instagram_caption", "instagram"), ("instagram_carousel", "instagram"),
    ("x_post", "x"), ("x_thread", "x"), ("email", "email"), ("ad_copy", None), ("video_script", None),
    ("outreach_sequence", None),
])
def test_copy_without_a_call_to_action_is_major(kind, platform):
    report = run_qc("Spring is here and the trails are open.", kind=kind, platform=platform)
    issue = only(report, "cta")
    assert issue.severity == "major" and "call to action" in issue.message and issue.fix is None
    assert report.passed  # advice, not a blocker


@pytest.mark.parametrize("line", [
    "Book your walk today.", "Sign up for the trail club.", "Start planning now.", "Try the new boots.",
    "Get the route map.", "Download the guide.", "Register for Saturday.", "Learn more about the trail.",
    "Reply with your favourite route.", "More at acme.example/trails", "https://acme.example",
])
def test_any_call_to_action_or_link_satisfies_it(line):
    text = f"Spring is here and the trails are open.\n\n{line}"
    assert "cta" not in check_ids(run_qc(text, kind="x_post", platform="x"))


@pytest.mark.parametrize("kind", ["strategy_document", "persona_card", "client_summary", "image_prompt",
                                  "performance_report", "some_future_kind"])
def test_documents_and_unknown_kinds_need_no_call_to_action(kind):
    assert run_qc("Spring is here and the trails are open.", kind=kind).issues == []


# --------------------------------------------------------------------------- link required


@pytest.mark.parametrize("pointer", ["Click here", "Tap the link", "See link", "Link below"])
def test_a_pointer_to_a_link_without_one_is_major_with_the_brand_website_as_fix(pointer):
    text = f"Spring trails are open. {pointer} to book your walk.\n\n#Spring"
    report = run_qc(text, kind="linkedin_post", platform="linkedin", brand=BRAND)
    issue = only(report, "link_required")
    assert issue.severity == "major" and pointer in issue.message and "no link" in issue.message
    fixed = apply_fix(text, issue)
    assert fixed == f"Spring trails are open. {pointer} to book your walk: https://acme.example\n\n#Spring"
    assert "link_required" not in check_ids(run_qc(fixed, kind="linkedin_post", platform="linkedin", brand=BRAND))


def test_link_in_the_copy_or_the_metadata_satisfies_it():
    text = "Spring trails are open. Click here to book your walk."
    assert "link_required" not in check_ids(run_qc(text + " acme.example/book", kind="x_post", platform="x"))
    with_meta = run_qc(text, kind="ad_copy", metadata={"landing_page": "https://acme.example/spring"})
    assert "link_required" not in check_ids(with_meta)


def test_without_a_known_link_there_is_no_automatic_fix():
    issue = only(run_qc("Click here to book your walk.", kind="email"), "link_required")
    assert issue.fix is None


@pytest.mark.parametrize(("pointer", "reworded"), [
    ("Click here", "Tap the link in our bio"), ("tap the link", "tap the link in our bio"),
    ("see link", "see the link in our bio"), ("Link below", "Link in bio"),
])
def test_instagram_links_cannot_be_clicked_so_the_fix_points_to_the_bio(pointer, reworded):
    text = f"Spring trails are open. {pointer} to book your walk.\n\n#Spring"
    issue = only(run_qc(text, kind="instagram_caption", platform="instagram", brand=BRAND), "link_required")
    assert issue.severity == "major" and "cannot be clicked" in issue.message and "bio" in issue.message
    fixed = apply_fix(text, issue)
    assert fixed == f"Spring trails are open. {reworded} to book your walk.\n\n#Spring"
    assert run_qc(fixed, kind="instagram_caption", platform="instagram", brand=BRAND).issues == []


def test_link_in_bio_is_right_on_instagram():
    text = "Spring trails are open. Book your walk: link in bio.\n\n#Spring"
    assert run_qc(text, kind="instagram_caption", platform="instagram").issues == []


def test_link_pointers_in_documents_are_not_checked():
    text = "# Channels\n\nInstagram: drive link in bio clicks; avoid 'click here' in captions."
    assert run_qc(text, kind="strategy_document").issues == []


# --------------------------------------------------------------------------- repeated lines


def test_a_repeated_line_is_minor_and_the_fix_keeps_the_first():
    text = ("Spring trails are open again this week.\n\nBook a guided walk at acme.example today.\n\n"
            "Spring trails are open again this week.\n\n#Spring")
    issue = only(run_qc(text, kind="linkedin_post", platform="linkedin"), "repeated_lines")
    assert issue.severity == "minor" and "Spring trails are open again this week." in issue.message
    fixed = apply_fix(text, issue)
    assert fixed == "Spring trails are open again this week.\n\nBook a guided walk at acme.example today.\n\n#Spring"
    assert run_qc(fixed, kind="linkedin_post", platform="linkedin").issues == []


def test_repeats_ignore_list_markers_emphasis_and_case():
    text = "- **Book a guided walk this weekend.**\n\n1. book a guided walk this weekend.\n\nSee you there."
    assert "repeated_lines" in check_ids(run_qc(text, kind="email"))


def test_short_lines_table_rows_and_hashtag_lines_may_repeat():
    text = ("Book now.\n\nBook now.\n\n| Mon | LinkedIn | Post |\n| Mon | LinkedIn | Post |\n\n"
            "#Spring #Trails #Boots #Walks\n\n#Spring #Trails #Boots #Walks")
    assert "repeated_lines" not in check_ids(run_qc(text, kind="email"))


def test_in_documents_a_line_repeats_only_within_one_section():
    proof = "*Proof to confirm with the client:* a real example, with permission."
    across = f"# Pillars\n\n## One\n\n{proof}\n\n## Two\n\n{proof}"
    assert run_qc(across, kind="messaging_framework").issues == []
    within = f"# Pillars\n\n## One\n\n{proof}\n\n{proof}\n\n## Two\n\n{proof}"
    issue = only(run_qc(within, kind="messaging_framework"), "repeated_lines")
    assert apply_fix(within, issue) == across


def test_repeated_thread_post_is_dropped_and_the_thread_renumbered():
    thread = ("1/4 Spring trails are open again.\n\n2/4 Our boots keep the mud where it belongs.\n\n"
              "3/4 Our boots keep the mud where it belongs.\n\n4/4 Book a walk: acme.example")
    issue = only(run_qc(thread, kind="x_thread", platform="x"), "repeated_lines")
    assert apply_fix(thread, issue) == ("1/3 Spring trails are open again.\n\n"
                                       "2/3 Our boots keep the mud where it belongs.\n\n3/3 Book a walk: acme.example")
