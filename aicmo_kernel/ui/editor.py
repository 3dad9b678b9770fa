"""The draft editor: Markdown beside a sanitised preview, a character counter, live QC with
one-click fixes, Save with optimistic versioning, reset to a version, and history with diffs.

Save calls ``workflow.edit`` with the version the editor loaded as ``base_version``. If someone
saved meanwhile, the workflow refuses with a ConflictError (who saved which version, when): the
message is shown and the user's text stays in the editor. "Reload latest" then loads the newest
version and keeps a copy of the user's text beside it, so nothing typed is ever lost.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..errors import ConflictError
from .approval import ReviewerField, state_badge
from .disclosure import Disclosure
from .errors import MessageBox, describe_error, guard
from .helpers import (
    CharacterCount,
    brand_of,
    character_count,
    deliverable_qc,
    describe_versions,
    render_preview,
    version_diff_html,
)
from .lists import DeliverableWidgets

if TYPE_CHECKING:
    from ..qc import QCReport
    from ..store import DeliverableView
    from .services import Services

__all__ = ["DraftEditor", "EditorList"]

_SEVERITY_COLOURS = {"blocker": "#a61b1b", "major": "#8a5a00", "minor": "#555"}
SavedCallback = Callable[["DeliverableView"], None]


class DraftEditor(widgets.VBox):
    """Edit one deliverable. ``reviewer`` names who saves (default: the services' reviewer,
    else "analyst")."""

    def __init__(self, services: Services, deliverable_id: str, *, reviewer: ReviewerField | None = None) -> None:
        self.services = services
        self.deliverable_id = deliverable_id
        self.reviewer = reviewer
        self.item: DeliverableView | None = None
        self.loaded_version = 0
        self.loaded_text = ""
        self.qc: QCReport | None = None
        self.count: CharacterCount | None = None
        self.kept_text: str | None = None  # the user's text kept aside by "reload latest"
        self._brand: Any = None
        self._callbacks: list[SavedCallback] = []

        self.header = widgets.HTML()
        # The description is the box's accessible name: without it a screen reader announces an
        # unnamed text field.
        self.text = widgets.Textarea(description="Markdown", layout=widgets.Layout(width="100%", height="320px"))
        self.preview = widgets.HTML(layout=widgets.Layout(width="100%", max_height="340px", overflow="auto",
                                                           border="1px solid #ddd", padding="4px 8px"))
        self.counter = widgets.HTML()
        self.qc_html = widgets.HTML()
        self.fix_buttons: list[widgets.Button] = []
        self.fixes_box = widgets.HBox()
        self.save_button = widgets.Button(description="Save", button_style="primary", icon="save")
        self.reload_button = widgets.Button(description="Reload latest (keeps a copy of your text)",
                                            icon="refresh", layout=widgets.Layout(width="auto", display="none"))
        self.dirty = widgets.HTML()
        self.message = MessageBox()
        self.kept = widgets.Textarea(description="Your text", disabled=False,
                                     layout=widgets.Layout(width="100%", height="120px", display="none"))

        self.versions = widgets.Dropdown(description="Version", layout=widgets.Layout(width="auto"))
        self.reset_button = widgets.Button(description="Reset to this version", icon="history",
                                           layout=widgets.Layout(width="auto"))
        self.diff_from = widgets.Dropdown(description="Compare", layout=widgets.Layout(width="auto"))
        self.diff_to = widgets.Dropdown(description="with", layout=widgets.Layout(width="auto"))
        self.diff_button = widgets.Button(description="Show differences", icon="columns",
                                          layout=widgets.Layout(width="auto"))
        self.diff_html = widgets.HTML()
        self.history_html = widgets.HTML()

        self.text.observe(lambda _change: self._text_changed(), names="value")
        self.save_button.on_click(guard(self.message, "saving the draft")(lambda _b: self.save()))
        self.reload_button.on_click(
            guard(self.message, "reloading the latest version")(lambda _b: self.reload_latest())
        )
        self.reset_button.on_click(guard(self.message, "resetting to a version")(lambda _b: self.reset()))
        self.diff_button.on_click(guard(self.message, "comparing versions")(lambda _b: self.show_diff()))

        self.history = Disclosure("history and versions", [
            widgets.HBox([self.versions, self.reset_button]),
            widgets.HBox([self.diff_from, self.diff_to, self.diff_button]),
            self.diff_html, self.history_html,
        ], icon="history")
        editor_column = widgets.VBox([self.text, self.counter], layout=widgets.Layout(width="50%"))
        preview_column = widgets.VBox([widgets.HTML("<small>Preview</small>"), self.preview],
                                      layout=widgets.Layout(width="50%"))
        super().__init__([
            self.header,
            widgets.HBox([editor_column, preview_column]),
            self.qc_html, self.fixes_box,
            widgets.HBox([self.save_button, self.reload_button, self.dirty]),
            self.message, self.kept, self.history,
        ])
        guard(self.message, "loading the draft")(self.load)()

    def on_saved(self, callback: SavedCallback) -> None:
        """Call ``callback(deliverable)`` after a save or a reset."""
        self._callbacks.append(callback)

    # ------------------------------------------------------------------ loading

    def load(self, item: DeliverableView | None = None) -> None:
        """Show ``item`` (default: re-read it): its current version becomes the base of a save."""
        ws = self.services.workspace
        self.item = item or ws.get_deliverable(self.deliverable_id)
        if self._brand is None:
            self._brand = brand_of(ws, self.item)
        self.loaded_version = self.item.current_version
        self.loaded_text = self.item.content_markdown
        self.header.value = self._header_html()
        read_only = self.item.state == "superseded"
        self.text.disabled = self.save_button.disabled = self.reset_button.disabled = read_only
        self.text.value = self.loaded_text
        self._text_changed()  # the observer does not fire when the value did not change
        self._load_history()

    def _header_html(self) -> str:
        item = self.item
        assert item is not None
        where = f" · {html.escape(item.platform)}" if item.platform else ""
        notes = {
            "approved": "Saving an edit creates a new version that needs approval again.",
            "superseded": "A later generation replaced this deliverable; it is read-only.",
        }
        note = f"<div style='font-size:smaller;color:#555'>{notes[item.state]}</div>" if item.state in notes else ""
        return (f"<h4 style='margin:6px 0 2px'>{html.escape(item.title)}</h4>"
                f"<span style='font-size:smaller;color:#555'>{html.escape(item.kind)}{where}</span> "
                f"{state_badge(item)}{note}")

    def _load_history(self) -> None:
        ws = self.services.workspace
        versions = ws.get_versions(self.deliverable_id)
        options = describe_versions(versions)
        self.versions.options = options
        self.diff_from.options = options
        self.diff_to.options = options
        if options:
            self.versions.value = options[-1][1] if len(options) > 1 else options[0][1]
            self.diff_to.value = options[0][1]
            self.diff_from.value = options[1][1] if len(options) > 1 else options[0][1]
        events = ws.list_review_events(self.deliverable_id)
        rows = [
            f"<li>{e.at:%Y-%m-%d %H:%M} · <b>{html.escape(e.action.replace('_', ' '))}</b> by "
            f"{html.escape(e.actor)}{' (policy ' + html.escape(e.by_policy) + ')' if e.by_policy else ''}"
            f"{' on v' + str(e.version) if e.version else ''}"
            f"{': ' + html.escape(e.comment) if e.comment else ''}</li>"
            for e in events
        ]
        self.history_html.value = ("<b>Reviews</b><ul>" + "".join(rows) + "</ul>") if rows else "<i>No reviews yet.</i>"

    # ------------------------------------------------------------------ live feedback

    def _text_changed(self) -> None:
        if self.item is None:
            return
        value = self.text.value
        self.preview.value = render_preview(value)
        count = character_count(value, platform=self.item.platform, kind=self.item.kind)
        colour = "#a61b1b" if count.over else "#555"
        self.counter.value = f"<span style='font-size:smaller;color:{colour}'>{html.escape(count.label)}</span>"
        self.count = count
        self.qc = deliverable_qc(self.services.workspace, self.item, value, brand=self._brand)
        self._show_qc()
        changed = value != self.loaded_text
        self.dirty.value = "<i style='color:#8a5a00'>unsaved changes</i>" if changed else ""

    def _show_qc(self) -> None:
        assert self.qc is not None
        if not self.qc.issues:
            self.qc_html.value = "<span style='color:#1e6b2e;font-size:smaller'>Quality checks: no issues.</span>"
        else:
            items = "".join(
                f"<li><b style='color:{_SEVERITY_COLOURS[i.severity]}'>{i.severity}</b> "
                f"[{html.escape(i.check_id)}] {html.escape(i.message)}</li>"
                for i in self.qc.issues
            )
            self.qc_html.value = f"<div style='font-size:smaller'>Quality checks:<ul>{items}</ul></div>"
        buttons = []
        for issue in self.qc.issues:
            if issue.fix is None:
                continue
            button = widgets.Button(description=f"Fix: {issue.check_id.replace('_', ' ')}", icon="wrench",
                                    tooltip=issue.message, layout=widgets.Layout(width="auto"))
            button.on_click(lambda _b, fix=issue.fix: self.apply_fix(fix))
            buttons.append(button)
        self.fix_buttons = buttons
        self.fixes_box.children = buttons

    def apply_fix(self, fixed_text: str) -> None:
        """Put a QC fix in the editor; it is saved only when the user clicks Save."""
        self.text.value = fixed_text
        self.message.show("Fix applied in the editor; review it and click Save to keep it.", "info")

    # ------------------------------------------------------------------ actions

    def _editor_name(self) -> str:
        name = self.reviewer.name if self.reviewer is not None else None
        return name or self.services.reviewer or "analyst"

    def save(self) -> DeliverableView | None:
        """Save the editor's text as a new version based on the loaded one."""
        from ..workflow import edit

        if self.text.value == self.loaded_text:
            self.message.show("Nothing to save: the text is the same as the loaded version.", "info")
            return None
        try:
            saved = edit(self.services.workspace, self.deliverable_id, self.text.value,
                         base_version=self.loaded_version, editor=self._editor_name())
        except ConflictError as exc:
            info = describe_error(exc, "saving the draft")
            self.message.show(f"{info.message}\nYour text is still in the editor and has not been saved.",
                              "error", trace_id=info.trace_id)
            self.reload_button.layout.display = None
            return None
        self._finish(saved, f"Saved as version {saved.current_version}.")
        return saved

    def reload_latest(self) -> None:
        """Load the newest version; the user's current text is kept beside it to copy from."""
        self.kept_text = self.text.value
        self.kept.value = self.kept_text
        self.kept.layout.display = None
        self.reload_button.layout.display = "none"
        self.load()
        self.message.show(f"Loaded version {self.loaded_version}. Your text is kept below: copy what you "
                          "need into the editor, then save.", "info")

    def reset(self, to_version: int | None = None) -> DeliverableView | None:
        """Save a new version with the content of ``to_version`` (default: the one selected)."""
        from ..workflow import reset_to_version

        target = to_version if to_version is not None else self.versions.value
        if target is None:
            return None
        if self.text.value != self.loaded_text:
            self.kept_text = self.text.value  # unsaved text survives a reset too
            self.kept.value, self.kept.layout.display = self.kept_text, None
        saved = reset_to_version(self.services.workspace, self.deliverable_id, to_version=int(target),
                                 base_version=self.loaded_version, editor=self._editor_name())
        self._finish(saved, f"Version {saved.current_version} saved with the content of version {target}.")
        return saved

    def _finish(self, saved: DeliverableView, text: str) -> None:
        self.reload_button.layout.display = "none"
        self.load(saved)
        self.message.show(text, "success")
        for callback in self._callbacks:
            callback(saved)

    def show_diff(self, old: int | None = None, new: int | None = None) -> str:
        """The differences between two versions (default: the two selected), as escaped HTML."""
        ws = self.services.workspace
        old = int(old if old is not None else self.diff_from.value)
        new = int(new if new is not None else self.diff_to.value)
        before, after = ws.get_version(self.deliverable_id, old), ws.get_version(self.deliverable_id, new)
        self.diff_html.value = version_diff_html(before.content_markdown, after.content_markdown,
                                                 old_label=f"version {old}", new_label=f"version {new}")
        return self.diff_html.value


class EditorList(DeliverableWidgets[DraftEditor]):
    """One ``DraftEditor`` per current deliverable of a module (what ``panel.editors`` shows)."""

    loading = "loading the drafts"
    empty = "No drafts yet for {module}: generate them above."

    def __init__(
        self, services: Services, *, campaign: str | None, module: str, reviewer: ReviewerField | None = None
    ) -> None:
        self.reviewer = reviewer
        super().__init__(services, campaign=campaign, module=module)

    def on_saved(self, callback: SavedCallback) -> None:
        self._listen(callback)

    def _build(self, item: DeliverableView) -> DraftEditor:
        return DraftEditor(self.services, item.id, reviewer=self.reviewer)

    def _attach(self, widget: DraftEditor, callback: SavedCallback) -> None:
        widget.on_saved(callback)
