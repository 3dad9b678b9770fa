"""The review queue in Voila, driven by a reviewer in Chromium (issue 5): approving, hostile model
output (scenario 4), a broken workspace (scenario 5) and the keyboard alone.

All but the broken-workspace test share the session's dashboard (``review_dashboard``), each on its
own deliverables of the ``autumn`` campaign (see ``review_workspace`` in conftest.py).
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from playwright.sync_api import expect
from queue_page import (
    INJECTED,
    RENDER_TIMEOUT,
    REVIEW,
    SECOND_CAMPAIGN,
    filter_campaign,
    open_editor,
    open_item,
    open_queue,
    unnamed,
    waiting,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

SOURCE_MARKERS = ("review_queue(", "ui.selftest", "from aicmo_kernel import")
TRACE_ID = re.compile(r"trace id\W{1,10}[0-9a-f]{32}", re.IGNORECASE)
HOSTILE = (
    "# Hostile draft\n\n"
    "Image: <img src=x onerror=alert(1)>\n\n"
    "Script: <script>alert(2)</script>\n\n"
    "Link: [x](javascript:alert(3))\n"
)
HOSTILE_COMMENT = "Looks fine <img src=x onerror=alert(4)> [see](javascript:alert(5))"


def test_an_unreachable_workspace_shows_a_readable_error_with_a_trace_id(page, start_dashboard, screenshot):
    env = dict(os.environ, AICMO_DATABASE_URL="postgresql+psycopg://reviewer:s3cret-pw@127.0.0.1:9/aicmo")
    env.pop("AICMO_NOTEBOOK_SELFTEST", None)
    with start_dashboard(env) as base:
        page.goto(base + REVIEW)
        page.get_by_text("Cannot use the workspace database").wait_for(timeout=RENDER_TIMEOUT)
        screenshot(page, "5-unreachable-workspace", docs=True)
        text = page.locator("body").inner_text()
    assert "AICMO_DATABASE_URL" in text
    assert TRACE_ID.search(text), f"no trace id in the rendered page: {text[-800:]!r}"
    assert "Traceback" not in text and "There was an error when executing cell" not in text
    assert "s3cret-pw" not in text
    assert not [marker for marker in SOURCE_MARKERS if marker in text], "notebook source on the page"
    assert page.dialogs == [] and page.errors == []


def test_a_reviewer_opens_a_draft_approves_it_with_a_comment_and_the_queue_drops_it(
        page, review_workspace, review_dashboard, cli, screenshot):
    env = review_workspace.env
    title = "Client summary: Rotaly"
    queue = open_queue(page, review_dashboard)
    filter_campaign(page, queue, SECOND_CAMPAIGN)
    before = queue.get_by_role("option").count()
    open_item(page, queue, title)
    page.get_by_role("heading", name="Rotaly: client summary").wait_for()  # the preview
    screenshot(page, "1-review-queue-draft-open", docs=True)
    # Accessibility basics: with a draft open, every button, filter, tab, text field and the
    # queue's list have an accessible name, on both tabs of the draft.
    assert page.get_by_role("button").count() >= 6
    for tab in ("Read", "Edit and history"):
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
        for role in ("button", "combobox", "tab", "textbox", "listbox", "link"):
            assert unnamed(page, role) == [], f"{role}s without an accessible name on the {tab} tab"

    page.get_by_role("textbox", name="Reviewer").fill("Robin Reviewer")
    page.get_by_role("textbox", name="Comment").fill("Clear and on brief.")
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("Approved version 1 as Robin Reviewer.").wait_for()
    page.get_by_role("button", name="Refresh").click()
    queue.get_by_role("option", name=re.compile(re.escape(title))).wait_for(state="detached")
    screenshot(page, "1-review-queue-after-approval")

    assert queue.get_by_role("option").count() == before - 1
    assert title not in [item["title"] for item in waiting(cli, env, "--campaign", SECOND_CAMPAIGN)]
    assert page.dialogs == [] and page.errors == []


def test_hostile_model_output_is_harmless_in_the_preview_the_history_and_the_html_export(
        page, review_workspace, review_dashboard, cli, screenshot, tmp_path):
    from aicmo_kernel.workflow import add_comment, edit

    env = review_workspace.env
    title = "Brand voice guide: Rotaly"
    target = next(item for item in waiting(cli, env, "--campaign", SECOND_CAMPAIGN) if item["title"] == title)
    with review_workspace.open() as ws:  # as if a model had written it, and a reviewer quoted it
        edit(ws, target["id"], HOSTILE, base_version=target["current_version"], editor="model output")
        add_comment(ws, target["id"], reviewer="Quinn", comment=HOSTILE_COMMENT)

    queue = open_queue(page, review_dashboard)
    filter_campaign(page, queue, SECOND_CAMPAIGN)
    open_item(page, queue, title)
    page.get_by_text("Hostile draft").first.wait_for()  # the preview on the Read tab
    screenshot(page, "4-hostile-output-preview")
    preview = page.locator("body").inner_text().split("Hostile draft", 1)[1]
    open_editor(page)
    page.get_by_role("button", name="Show history and versions").click()
    page.get_by_role("button", name="Show differences").click()
    diff = page.locator("pre.aicmo-diff")
    # The diff and the reviews show the markup as the text it is.
    expect(diff).to_contain_text("+Script: <script>alert(2)</script>")
    expect(diff).to_contain_text("+Image: <img src=x onerror=alert(1)>")
    expect(diff).to_contain_text("+Link: [x](javascript:alert(3))")
    expect(page.get_by_text(HOSTILE_COMMENT)).to_be_visible()
    page.wait_for_timeout(1_000)  # give any injected handler time to fire
    screenshot(page, "4-hostile-output-history")
    in_dashboard = page.evaluate(INJECTED)
    assert page.dialogs == [] and page.errors == [], (page.dialogs, page.errors)
    assert in_dashboard["handlers"] == [] and in_dashboard["javascript"] == [] and in_dashboard["scripts"] == 0
    # The sanitiser drops the tags and the javascript: target; the words around them still read.
    assert "Image:" in preview and "Script:" in preview and "Link: x" in preview

    # Approved as it stands, the version goes into the client-facing HTML export.
    page.get_by_role("textbox", name="Reviewer").fill("Robin Reviewer")
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("Approved version 2 as Robin Reviewer.").wait_for()
    exported = tmp_path / "autumn.html"
    cli(env, "export", "--campaign", SECOND_CAMPAIGN, "--format", "html", "--out", str(exported))
    assert "Hostile draft" in exported.read_text(encoding="utf-8")
    page.goto(exported.as_uri())
    page.get_by_text("Hostile draft").first.wait_for()
    page.wait_for_timeout(1_000)
    screenshot(page, "4-hostile-output-html-export")
    in_export = page.evaluate(INJECTED)
    body = page.locator("body").inner_text()

    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.errors == [], f"page errors: {page.errors}"
    assert in_export == {"handlers": [], "javascript": [], "scripts": 0, "all_scripts": 0}
    assert "Image:" in body and "Script:" in body and "Link: x" in body


def test_the_queue_can_be_worked_with_the_keyboard_alone(page, review_workspace, review_dashboard, cli, screenshot):
    title = "Persona: The cautious evaluator"
    env = review_workspace.env
    queue = open_queue(page, review_dashboard)
    rings: dict[str, tuple[str, str]] = {}  # what each stop looks like focused, then after Tab leaves

    def tab_to(name: str, locator: Any, *, most: int = 40) -> None:
        """Press Tab until ``locator`` has the focus; its look, focused, is kept in ``rings``."""
        for _ in range(most):
            page.keyboard.press("Tab")
            if locator.evaluate("e => e === document.activeElement"):
                rings[name] = (focus_look(locator), "")
                return
        raise AssertionError(f"{name} cannot be reached with Tab")

    def left(name: str, locator: Any) -> None:
        rings[name] = (rings[name][0], focus_look(locator))

    reviewer = page.get_by_role("textbox", name="Reviewer")
    campaign = page.get_by_role("combobox", name="Campaign")
    tab_to("reviewer", reviewer, most=3)  # the first stop on the page
    page.keyboard.type("Kim Keyboard")
    tab_to("campaign", campaign, most=1)
    left("reviewer", reviewer)
    page.keyboard.type(SECOND_CAMPAIGN[:2])  # type-ahead picks "autumn (n)"
    expect(campaign).to_have_value(re.compile(rf"^{SECOND_CAMPAIGN} \("))
    expect(queue.get_by_role("option", name=re.compile(rf"^(?!{SECOND_CAMPAIGN} ·)"))).to_have_count(0)
    tab_to("list", queue, most=4)  # past Module, State and Refresh
    left("campaign", campaign)
    for _ in range(queue.get_by_role("option").count()):
        page.keyboard.press("ArrowDown")
        if title in queue.input_value():  # the selected option's label (the text has no-break spaces)
            break
    else:
        raise AssertionError(f"{title!r} is not in the list")
    page.locator("b", has_text=title).first.wait_for()  # the approval bar of that draft
    read, edit = page.get_by_role("tab", name="Read"), page.get_by_role("tab", name="Edit and history")
    tab_to("tabs", read, most=1)
    left("list", queue)
    page.keyboard.press("ArrowRight")  # the tab bar: arrows move between tabs, Enter opens one
    left("tabs", read)
    page.keyboard.press("Enter")
    expect(edit).to_have_attribute("aria-selected", "true")
    tab_to("history", page.get_by_role("button", name="Show history and versions"))
    page.keyboard.press("Space")
    hide_history = page.get_by_role("button", name="Hide history and versions")
    expect(hide_history).to_be_focused()
    expect(page.get_by_role("combobox", name="Version")).to_be_visible()
    comment = page.get_by_role("textbox", name="Comment")
    approve = page.get_by_role("button", name="Approve")
    expect(approve).to_be_enabled()
    tab_to("comment", comment)
    left("history", hide_history)
    page.keyboard.type("Checked with the keyboard only.")
    tab_to("approve", approve, most=1)
    left("comment", comment)
    screenshot(page, "keyboard-approve-focused")
    page.keyboard.press("Enter")
    page.get_by_text("Approved version 1 as Kim Keyboard.").wait_for()

    assert title not in [item["title"] for item in waiting(cli, env, "--campaign", SECOND_CAMPAIGN)]
    with review_workspace.open() as ws:
        item = next(d for d in ws.list_deliverables(campaign=SECOND_CAMPAIGN) if d.title == title)
        events = [(e.action, e.actor, e.comment) for e in ws.list_review_events(item.id)]
    assert item.state == "approved" and ("approve", "Kim Keyboard", "Checked with the keyboard only.") in events
    # Focus is visible: each stop looked different while it had the focus.
    unchanged = [name for name, (focused, after) in rings.items() if after and focused == after]
    assert unchanged == [], f"no visible focus on: {unchanged}"
    # ... and clearly so: the dashboard's template draws a 2px ring, not just a paler border.
    faint = [name for name, (focused, _after) in rings.items() if not focused.startswith("solid | rgb(26, 95, 180) | 2px")]
    assert faint == [], f"no focus ring on: {faint} ({[rings[name][0] for name in faint]})"
    assert page.dialogs == [] and page.errors == []


def focus_look(locator: Any) -> str:
    """The styles that show focus (outline, shadow, border colour) of the element, as one string."""
    return locator.evaluate(
        "e => { const s = getComputedStyle(e); "
        "return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow, s.borderColor].join(' | '); }")
