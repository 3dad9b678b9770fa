"""Issue 5, scenarios 1 and 2, end to end in Chromium on the session's shared dashboard:

1. a reviewer filters the queue to a campaign, opens the X post, makes it too long, sees QC flag
   it, fixes it with the one-click fix, saves, approves with a comment and downloads the client
   pack, which is opened and checked against its manifest and the store;
2. two reviewers (two browser contexts) edit the same draft; the one on the stale version sees
   the conflict, keeps their text, reloads, merges and saves: neither edit is lost.

Each works on its own deliverable of the ``demo`` campaign (see ``review_workspace``).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile

import pytest
from playwright.sync_api import expect
from queue_page import (
    REVIEW,
    filter_campaign,
    open_editor,
    open_item,
    open_queue,
    rendered_queue,
    waiting,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

X_LIMIT = 280
REVIEWER_LINE = ("P.S. Setting it up takes ten minutes: import your staff list, share one link, "
                 "and availability arrives on its own.")


def test_a_reviewer_fixes_an_over_long_x_post_approves_it_and_downloads_the_client_pack(
        page, review_workspace, review_dashboard, cli, screenshot, tmp_path):
    env = review_workspace.env
    [post] = [item for item in waiting(cli, env, "--campaign", "demo") if item["kind"] == "x_post"]
    queue = open_queue(page, review_dashboard)
    filter_campaign(page, queue, "demo")
    open_item(page, queue, post["title"])

    text = open_editor(page)
    original = text.input_value()
    assert len(original.strip()) <= X_LIMIT
    text.fill(original.strip() + "\n\n" + REVIEWER_LINE)
    counter = page.get_by_text(re.compile(r"^[\d,]+ / 280 characters \(X\)$"))
    expect(counter).to_have_text(f"{len(original.strip()) + 2 + len(REVIEWER_LINE)} / 280 characters (X)")
    expect(page.get_by_text(re.compile(r"\[platform_length\] This X post is \d+ characters"))).to_be_visible()
    expect(page.get_by_text(re.compile("Approval is blocked by quality checks"))).to_have_count(0)  # not saved yet
    page.get_by_role("heading", name=post["title"]).evaluate("e => e.scrollIntoView({block: 'start'})")
    screenshot(page, "1-x-post-over-280-flagged-by-qc", docs=True)

    page.get_by_role("button", name="Fix: platform length").click()
    page.get_by_text("Fix applied in the editor").wait_for()
    fixed = text.input_value()
    assert len(fixed) <= X_LIMIT and fixed.startswith(original.strip())
    kept = fixed[len(original.strip()):].strip().rstrip("\u2026").rstrip()
    assert REVIEWER_LINE.startswith(kept)  # the fix cut the reviewer's addition, never the draft
    expect(counter).to_have_text(f"{len(fixed)} / 280 characters (X)")
    expect(page.get_by_text("[platform_length]")).to_have_count(0)
    page.get_by_role("textbox", name="Reviewer").fill("Robin Reviewer")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved as version 2.").wait_for()
    page.get_by_role("textbox", name="Comment").fill("Trimmed the P.S. to fit X; good to go.")
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("Approved version 2 as Robin Reviewer.").wait_for()

    page.get_by_role("button", name="Prepare client pack").click()
    link = page.get_by_role("link", name=re.compile(r"^demo-client-pack\.zip \([\d,]+ bytes\)$"))
    link.scroll_into_view_if_needed()
    screenshot(page, "1-client-pack-ready-to-download", docs=True)
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "demo-client-pack.zip"

    with zipfile.ZipFile(saved) as archive:
        files = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(files.pop("manifest.json"))
    assert {entry["name"]: entry["sha256"] for entry in manifest["files"]} == {
        name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    assert manifest["approved_versions_only"] is True and manifest["campaign"] == "demo"
    packed = {entry["id"]: entry for entry in manifest["items"]}
    assert packed[post["id"]]["version"] == 2 and packed[post["id"]]["approved_by"] == "Robin Reviewer"
    markdown = files["demo-client-pack.md"].decode("utf-8")
    assert all(line in markdown for line in fixed.splitlines() if line.strip())  # the edited, fixed post
    with review_workspace.open() as ws:
        drafts = [d for d in ws.list_deliverables(campaign="demo") if d.state != "approved"]
        versions = ws.get_versions(post["id"])
        events = ws.list_review_events(post["id"])
    assert len(drafts) >= 7  # the other creatives still wait: none of them may be in the pack
    assert not [d.title for d in drafts if d.id in packed or f"### {d.title}" in markdown]
    words = [w for w in fixed.split() if w.isalpha() and len(w) > 3][-3:]  # the edited post's last words
    assert all(word.encode() in files["demo-client-pack.html"] for word in words), words

    # The command line and the store agree with the page.
    assert post["id"] not in [item["id"] for item in waiting(cli, env, "--campaign", "demo")]
    status = json.loads(cli(env, "status", "--campaign", "demo", "--json"))
    creatives = next(module for module in status["modules"] if module["module"] == "creatives")
    assert creatives["counts"]["approved"] >= 1
    assert [(v.version, v.source) for v in versions] == [(1, "generated"), (2, "edited")]
    assert versions[1].author == "Robin Reviewer" and versions[1].content_markdown == fixed
    assert [(e.action, e.actor, e.version, e.comment) for e in events] == [
        ("approve", "Robin Reviewer", 2, "Trimmed the P.S. to fit X; good to go.")]
    assert page.dialogs == [] and page.errors == []


def test_two_reviewers_edit_the_same_draft_and_neither_edit_is_lost(
        page, second_page, review_workspace, review_dashboard, cli, screenshot):
    env = review_workspace.env
    [post] = [item for item in waiting(cli, env, "--campaign", "demo") if item["kind"] == "linkedin_post"]
    reviewers = (("Alex", page), ("Blair", second_page))
    for _reviewer, browser_page in reviewers:  # both at once: the second kernel starts meanwhile
        browser_page.goto(review_dashboard + REVIEW)
    editors = {}
    for reviewer, browser_page in reviewers:
        queue = rendered_queue(browser_page)
        filter_campaign(browser_page, queue, "demo")
        open_item(browser_page, queue, post["title"])
        browser_page.get_by_role("textbox", name="Reviewer").fill(reviewer)
        editors[reviewer] = open_editor(browser_page)
    opened = editors["Alex"].input_value()
    assert editors["Blair"].input_value() == opened  # both on version 1
    alex_text = opened.replace("\n\n", "\n\nA line Alex added.\n\n", 1)
    blair_text = opened.rstrip() + "\n\nA closing line Blair added."

    editors["Alex"].fill(alex_text)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved as version 2.").wait_for()

    editors["Blair"].fill(blair_text)
    second_page.get_by_role("button", name="Save").click()
    conflict = second_page.get_by_text(re.compile(r"Version 2 was saved by Alex at .* after you opened version 1"))
    conflict.wait_for()
    expect(second_page.get_by_text("Your text is still in the editor and has not been saved.")).to_be_visible()
    assert editors["Blair"].input_value() == blair_text
    screenshot(second_page, "2-conflict-second-reviewer", docs=True)

    second_page.get_by_role("button", name=re.compile(r"Reload latest")).click()
    second_page.get_by_text("Loaded version 2.").first.wait_for()
    expect(editors["Blair"]).to_have_value(alex_text)
    kept = second_page.get_by_role("textbox", name="Your text")
    expect(kept).to_have_value(blair_text)  # nothing typed is lost
    editors["Blair"].fill(alex_text.rstrip() + "\n\nA closing line Blair added.")  # reapply on top of Alex's
    second_page.get_by_role("button", name="Save").click()
    second_page.get_by_text("Saved as version 3.").wait_for()
    screenshot(second_page, "2-conflict-resolved")

    with review_workspace.open() as ws:
        versions = {v.version: v for v in ws.get_versions(post["id"])}
        current = ws.get_deliverable(post["id"])
    assert current.current_version == 3 and current.state == "revised"
    assert (versions[2].author, versions[3].author) == ("Alex", "Blair")
    assert versions[2].content_markdown == alex_text
    assert "A line Alex added." in versions[3].content_markdown
    assert "A closing line Blair added." in versions[3].content_markdown
    for browser_page in (page, second_page):
        assert browser_page.dialogs == [] and browser_page.errors == []
