"""The review queue in Voila, driven by a reviewer in Chromium (issue 5, scenarios 1, 4 and 5).

Voila renders widgets client-side, so each test waits for the queue's list (role ``listbox``)
before acting; widgets are found by role and accessible name, as a screen reader would.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

REVIEW = "/voila/render/review.ipynb"
RENDER_TIMEOUT = 60_000  # ms: a cold kernel imports the workbench before the widgets appear
SOURCE_MARKERS = ("review_queue(", "ui.selftest", "from aicmo_kernel import")
TRACE_ID = re.compile(r"trace id\W{1,10}[0-9a-f]{32}", re.IGNORECASE)
HOSTILE = (
    "# Hostile draft\n\n"
    "Image: <img src=x onerror=alert(1)>\n\n"
    "Script: <script>alert(2)</script>\n\n"
    "Link: [x](javascript:alert(3))\n"
)


def open_queue(page: Any, base: str) -> Any:
    """Open the review page and wait until the queue's list is rendered; return it."""
    page.goto(base + REVIEW)
    queue = page.get_by_role("listbox")
    queue.wait_for(timeout=RENDER_TIMEOUT)
    return queue


def waiting(cli: Any, env: dict[str, str]) -> list[dict[str, Any]]:
    return json.loads(cli(env, "review", "--json"))


def unnamed(page: Any, role: str) -> list[str]:
    """The elements of ``role`` without an accessible name (as Chromium computes it), as HTML."""
    everything = page.get_by_role(role)
    named = page.get_by_role(role, name=re.compile(r"\w"))
    if everything.count() == named.count():
        return []
    return [everything.nth(i).evaluate("e => e.outerHTML")[:120] for i in range(everything.count())]


def test_an_unreachable_workspace_shows_a_readable_error_with_a_trace_id(page, workspace_env, start_dashboard, screenshot):
    env = dict(workspace_env, AICMO_DATABASE_URL="postgresql+psycopg://reviewer:s3cret-pw@127.0.0.1:9/aicmo")
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
        page, workspace_env, dashboard, cli, screenshot):
    queue = open_queue(page, dashboard)
    title = "Client summary: Rotaly"
    option = queue.get_by_role("option", name=re.compile(re.escape(title)))
    assert option.count() == 1
    queue.select_option(label=option.inner_text().strip())
    page.get_by_role("heading", name="Rotaly: client summary").wait_for()  # the preview
    page.get_by_role("button", name="Approve").wait_for()
    screenshot(page, "1-review-queue-draft-open", docs=True)
    # Accessibility basics: with a draft open, every button, filter, tab, text field and the
    # queue's list have an accessible name, and the fields are found by it.
    assert page.get_by_role("button").count() >= 6
    for role in ("button", "combobox", "tab", "textbox", "listbox"):
        assert unnamed(page, role) == [], f"{role}s without an accessible name"

    page.get_by_role("textbox", name="Reviewer").fill("Robin Reviewer")
    page.get_by_role("textbox", name="Comment").first.fill("Clear and on brief.")
    page.get_by_role("button", name="Approve").click()
    page.get_by_role("button", name="Refresh").click()
    page.get_by_role("option", name=re.compile(re.escape(title))).wait_for(state="detached")
    screenshot(page, "1-review-queue-after-approval")

    assert queue.get_by_role("option").count() == 4
    assert title not in [item["title"] for item in waiting(cli, workspace_env)]
    assert page.dialogs == [] and page.errors == []


def test_hostile_model_output_shows_as_harmless_text_in_the_preview(page, workspace_env, cli, start_dashboard, screenshot):
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.workflow import edit

    target = next(item for item in waiting(cli, workspace_env) if item["kind"] == "client_summary")
    with Workspace.open() as ws:
        edit(ws, target["id"], HOSTILE, base_version=target["current_version"], editor="model output")

    with start_dashboard(workspace_env) as base:
        queue = open_queue(page, base)
        queue.select_option(label=queue.get_by_role("option", name=re.compile("Client summary")).inner_text().strip())
        page.get_by_text("Hostile draft").first.wait_for()
        page.wait_for_timeout(1_000)  # give any injected handler time to fire
        screenshot(page, "4-hostile-output-preview")
        preview = page.locator("body").inner_text().split("Hostile draft", 1)[1]
        script_count = page.locator("script:text('alert(2)')").count()
        javascript_links = page.locator("a[href^='javascript:' i]").count()
        event_handlers = page.locator("[onerror], [onload], [onclick]").count()

    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.errors == [], f"page errors: {page.errors}"
    assert script_count == 0 and javascript_links == 0 and event_handlers == 0
    # The sanitiser drops the tags and the javascript: target; the words around them still read.
    assert "Image:" in preview and "Script:" in preview and "Link: x" in preview
