"""The draft editor: counter, QC and fixes, save with conflicts, reset, history, safe preview."""

from __future__ import annotations

from html.parser import HTMLParser

from test_ui_support import X_LIMIT, document, long_post, x_post

from aicmo_kernel import workflow
from aicmo_kernel.store import Workspace
from aicmo_kernel.ui import DraftEditor
from aicmo_kernel.ui.helpers import render_preview

pytest_plugins = ["test_ui_support"]


def test_an_x_post_over_280_characters_is_a_blocker_and_the_fix_button_fixes_it(ws, services, plain_campaign):
    item_id = x_post(ws, plain_campaign, long_post())
    editor = DraftEditor(services, item_id)
    assert editor.count.over and editor.count.limit == X_LIMIT
    assert f"/ {X_LIMIT}" in editor.counter.value and "#a61b1b" in editor.counter.value
    blockers = editor.qc.blockers
    assert [b.check_id for b in blockers] == ["platform_length"]
    assert "blocker" in editor.qc_html.value and "platform_length" in editor.qc_html.value
    assert len(editor.fix_buttons) >= 1
    editor.fix_buttons[0].click()
    assert len(editor.text.value) <= X_LIMIT and not editor.count.over
    assert editor.qc.blockers == []
    assert "unsaved" in editor.dirty.value
    assert ws.get_deliverable(item_id).current_version == 1  # a fix does not save by itself
    editor.save_button.click()
    saved = ws.get_deliverable(item_id)
    assert saved.current_version == 2 and saved.state == "revised"
    assert saved.content_markdown == editor.text.value
    assert saved.updated_by == "rita"
    assert editor.loaded_version == 2 and "Saved as version 2" in editor.message.text
    assert editor.dirty.value == ""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_the_preview_follows_the_text_and_is_sanitised(ws, services, plain_campaign):
    editor = DraftEditor(services, document(ws, plain_campaign))
    hostile = (
        "# Offer\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[click](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"steal()\">me</a>\n\n"
        "<iframe src=\"https://evil.example\"></iframe>\n\n**bold** and [safe](https://plainfield.example)"
    )
    editor.text.value = hostile
    html = editor.preview.value
    lowered = html.lower()
    for bad in ("<script", "onerror", "onclick", "<iframe", 'href="javascript:'):
        assert bad not in lowered, bad
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "iframe", "object", "embed"), tag
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
    # "javascript:" may survive only as inert text of a link markdown-it refused to build
    assert all("javascript:" not in str(attrs).lower() for _tag, attrs in parser.tags)
    assert "<strong>bold</strong>" in html and "<h1>" in html and 'href="https://plainfield.example"' in html
    assert render_preview(hostile) == html


def test_a_stale_save_shows_the_conflict_and_keeps_the_text(ws, services, plain_campaign):
    item_id = document(ws, plain_campaign)
    editor = DraftEditor(services, item_id)
    # someone else saves version 2 through their own workspace object (another kernel)
    with Workspace.open() as other:
        workflow.edit(other, item_id, "# Notes\n\nTheir version, with a clear call to action.", base_version=1,
                      editor="sam")
    mine = editor.text.value + "\n\nMy addition that must not be lost."
    editor.text.value = mine
    editor.save_button.click()
    assert editor.message.kind == "error"
    assert "sam" in editor.message.text and "version 2" in editor.message.text.lower()
    assert editor.message.trace_id and "Traceback" not in editor.message.value
    assert editor.text.value == mine and editor.loaded_version == 1
    assert ws.get_deliverable(item_id).current_version == 2
    assert editor.reload_button.layout.display != "none"
    editor.reload_button.click()
    assert editor.loaded_version == 2 and "Their version" in editor.text.value
    assert editor.kept_text == mine and editor.kept.value == mine and editor.kept.layout.display != "none"
    editor.text.value = editor.text.value + "\n\nMy addition that must not be lost."
    editor.save_button.click()
    assert ws.get_deliverable(item_id).current_version == 3


def test_reset_to_a_version_and_the_diff_between_versions(ws, services, plain_campaign):
    item_id = document(ws, plain_campaign, text="# Notes\n\nFirst line.\n\nKeep <b>this</b> line.")
    editor = DraftEditor(services, item_id)
    editor.text.value = "# Notes\n\nChanged line.\n\nKeep <b>this</b> line."
    editor.save_button.click()
    assert [value for _label, value in editor.versions.options] == [2, 1]
    diff = editor.show_diff(1, 2)
    assert "-First line." in diff and "+Changed line." in diff
    assert "<b>this</b>" not in diff and "&lt;b&gt;this&lt;/b&gt;" in diff  # escaped, not rendered
    editor.versions.value = 1
    editor.reset_button.click()
    current = ws.get_deliverable(item_id)
    assert current.current_version == 3 and "First line." in current.content_markdown
    assert editor.loaded_version == 3 and editor.text.value == current.content_markdown
    versions = ws.get_versions(item_id)
    assert [v.source for v in versions] == ["generated", "edited", "reset"]


def test_saving_unchanged_text_does_nothing(ws, services, plain_campaign):
    item_id = document(ws, plain_campaign)
    editor = DraftEditor(services, item_id)
    editor.save_button.click()
    assert "Nothing to save" in editor.message.text
    assert ws.get_deliverable(item_id).current_version == 1


def test_the_history_opens_from_a_button_and_the_text_box_is_named(ws, services, plain_campaign):
    """A keyboard reaches a Button (an Accordion title it cannot); the description names the box."""
    editor = DraftEditor(services, document(ws, plain_campaign))
    assert editor.text.description == "Markdown"
    assert not editor.history.shown and editor.history.body.layout.display == "none"
    editor.history.button.click()
    assert editor.history.shown and editor.history.button.description == "Hide history and versions"
    assert "No reviews yet." in editor.history_html.value
    editor.history.button.click()
    assert not editor.history.shown and editor.history.button.description == "Show history and versions"
