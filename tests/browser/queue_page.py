"""How the browser tests work the review queue page: by role and accessible name, as a screen
reader would, waiting on what the page shows rather than on time. No tests of its own.

Voila renders widgets client-side, so every page waits for the queue's list (role ``listbox``)
before acting.
"""

from __future__ import annotations

import json
import re
from typing import Any

REVIEW = "/voila/render/review.ipynb"
SECOND_CAMPAIGN = "autumn"  # the campaign review_workspace (conftest.py) seeds beside "demo"
RENDER_TIMEOUT = 60_000  # ms: a cold kernel imports the workbench before the widgets appear

# Everything a page could run that model output must never add: inline handlers on any element,
# javascript: targets, script elements.
INJECTED = """() => {
    const handlers = [...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${e.tagName} ${a.name}`));
    const links = [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter(e =>
        ['href', 'src', 'action', 'formaction'].some(n => /^\\s*javascript:/i.test(e.getAttribute(n) || '')));
    const alerts = [...document.querySelectorAll('script')].filter(s => /alert\\(/.test(s.textContent));
    return {handlers, javascript: links.map(e => e.outerHTML.slice(0, 120)), scripts: alerts.length,
            all_scripts: document.querySelectorAll('script').length};
}"""


def open_queue(page: Any, base: str) -> Any:
    """Open the review page and wait until the queue's list is rendered; return it."""
    page.goto(base + REVIEW)
    return rendered_queue(page)


def rendered_queue(page: Any) -> Any:
    """The queue's list of a review page being opened, once rendered."""
    queue = page.get_by_role("listbox")
    queue.wait_for(timeout=RENDER_TIMEOUT)
    return queue


def choose(select: Any, name: str | re.Pattern[str]) -> str:
    """Select the one option of ``select`` (a combobox or listbox) whose accessible name matches
    ``name`` (the labels carry counts, e.g. "autumn (5)"); returns its label."""
    pattern = name if isinstance(name, re.Pattern) else re.compile(re.escape(name))
    option = select.get_by_role("option", name=pattern)
    assert option.count() == 1, f"{option.count()} options match {pattern.pattern!r}"
    label = option.inner_text().strip()
    select.select_option(label=label)
    return label


def filter_campaign(page: Any, queue: Any, campaign: str) -> None:
    """Filter the queue to ``campaign`` and wait until the list shows only its items."""
    from playwright.sync_api import expect

    choose(page.get_by_role("combobox", name="Campaign"), re.compile(rf"^{re.escape(campaign)} \(\d+\)$"))
    page.get_by_text(f"Client pack of {campaign}").wait_for()
    expect(queue.get_by_role("option", name=re.compile(rf"^(?!{re.escape(campaign)} ·)"))).to_have_count(0)
    expect(queue.get_by_role("option").first).to_be_attached()


def open_item(page: Any, queue: Any, title: str) -> None:
    """Select the waiting item titled ``title`` and wait for its approval bar."""
    choose(queue, re.compile(re.escape(title)))
    page.locator("b", has_text=title).first.wait_for()


def open_editor(page: Any) -> Any:
    """Switch the open item to its "Edit and history" tab; return the Markdown text box."""
    page.get_by_role("tab", name="Edit and history").click()
    text = page.get_by_role("textbox", name="Markdown")
    text.wait_for()
    return text


def waiting(cli: Any, env: dict[str, str], *args: str) -> list[dict[str, Any]]:
    """What ``aicmo review --json`` says waits for a reviewer."""
    return json.loads(cli(env, "review", "--json", *args))


def unnamed(page: Any, role: str) -> list[str]:
    """The elements of ``role`` without an accessible name (as Chromium computes it), as HTML."""
    everything = page.get_by_role(role)
    named = page.get_by_role(role, name=re.compile(r"\w"))
    if everything.count() == named.count():
        return []
    return [everything.nth(i).evaluate("e => e.outerHTML")[:120] for i in range(everything.count())]
