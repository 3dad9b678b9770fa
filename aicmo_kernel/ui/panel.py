"""A module panel: the inputs, generate, edit, approve and export cells of one module notebook.

    panel = ui.module_panel("creatives", campaign="demo")
    panel.inputs          # the form, pre-filled
    panel.generate_bar    # Generate / Cancel / progress / provenance
    panel.editors         # one draft editor per deliverable
    panel.approval        # one approval bar per deliverable, one reviewer field
    panel.exports         # downloads of the approved deliverables

Each attribute is a widget, so a notebook cell is one line. The parts are wired together here
(a generation reloads the editors and approval bars; a save refreshes the approval bar of that
deliverable; a review reloads its editor), and nothing in the panel generates or approves by
itself. Without ``campaign`` the panel carries a campaign picker and follows it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .approval import ApprovalList, ReviewerField
from .editor import EditorList
from .errors import MessageBox, UnavailablePanel, build_or_explain, guard
from .exports import ExportBar
from .form import InputsForm
from .generate import GenerateBar
from .picker import CampaignPicker

if TYPE_CHECKING:
    from ..store import DeliverableView
    from .services import Services

__all__ = ["ModulePanel", "module_panel"]


class ModulePanel(widgets.VBox):
    def __init__(self, services: Services, module: str, *, campaign: str | None = None) -> None:
        from ..modules import get_module

        self.services = services
        self.spec = get_module(module)
        self.module = self.spec.name
        self.picker: CampaignPicker | None = None
        if campaign is None:
            self.picker = CampaignPicker(services)
            campaign = self.picker.value
        self.campaign = campaign
        self.message = MessageBox()
        self.status = widgets.HTML()
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh",
                                             tooltip="Re-read the workspace (changes from other people)")
        self.reviewer = ReviewerField(services.reviewer, identity=services.identity)
        self.inputs = InputsForm(self.spec.input_model, validator=self.spec.validate_inputs,
                                 title=f"{self.spec.info.title}: inputs")
        self.generate_bar = GenerateBar(services, campaign=campaign, module=self.module, form=self.inputs)
        self.editors = EditorList(services, campaign=campaign, module=self.module, reviewer=self.reviewer)
        self.approval = ApprovalList(services, campaign=campaign, module=self.module, reviewer=self.reviewer)
        self.exports = ExportBar(services, campaign=campaign, module=self.module)

        self.generate_bar.on_generated(lambda _result: self.reload())
        self.editors.on_saved(self._saved)
        self.approval.on_change(self._reviewed)
        self.refresh_button.on_click(guard(self.message, "refreshing")(lambda _b: self.reload()))
        if self.picker is not None:
            self.picker.on_change(lambda name: guard(self.message, "switching campaign")(self.set_campaign)(name))
        guard(self.message, "pre-filling the inputs")(self._prefill)()
        guard(self.message, "reading the module status")(self._show_status)()

        intro = widgets.HTML(
            f"<h3 style='margin:4px 0'>{html.escape(self.spec.info.title)}</h3>"
            f"<p style='color:#555;margin:0'>Produces: {html.escape(self.spec.info.summary)}</p>"
        )
        super().__init__([
            *([self.picker] if self.picker is not None else []),
            intro, widgets.HBox([self.status, self.refresh_button]), self.message,
        ])

    # ------------------------------------------------------------------ wiring

    def set_campaign(self, campaign: str | None) -> None:
        """Point every part at ``campaign`` (the picker calls this)."""
        if campaign == self.campaign:
            return
        self.campaign = campaign
        self.generate_bar.campaign = self.editors.campaign = self.approval.campaign = campaign
        self.exports.campaign = campaign
        self._prefill()
        self.reload()

    def _prefill(self) -> None:
        from ..generation import prepare_inputs

        if self.campaign:
            self.inputs.set_values(prepare_inputs(self.services.workspace, self.campaign, self.module))

    def reload(self) -> None:
        """Re-read the drafts, reviews and status from the workspace."""
        self.editors.reload()
        self.approval.reload()
        self._show_status()

    def _saved(self, item: DeliverableView) -> None:
        bar = self.approval.bar_for(item.id)
        if bar is not None:
            bar.refresh()
        self._show_status()

    def _reviewed(self, item: DeliverableView) -> None:
        for editor in self.editors.items:
            if editor.deliverable_id == item.id and editor.text.value == editor.loaded_text:
                editor.load()  # untouched editors follow the new state; typed text is never replaced
        self._show_status()

    def _show_status(self) -> None:
        from ..workflow import module_status

        if not self.campaign:
            self.status.value = "<i>No campaign chosen.</i>"
            return
        status = module_status(self.services.workspace, self.campaign, self.module)
        state = status["state"].replace("_", " ")
        parts = [f"Campaign <b>{html.escape(self.campaign)}</b> · {html.escape(self.module)}: <b>{state}</b>"]
        if status["deliverables"]:
            approved = status["counts"].get("approved", 0)
            parts.append(f"{approved} of {status['deliverables']} approved")
        if status["waiting_for"]:
            waits = "; ".join(f"{up}: {why}" for up, why in status["waiting_for"].items())
            parts.append(f"<span style='color:#8a5a00'>waiting for upstream approval ({html.escape(waits)})</span>")
        self.status.value = " · ".join(parts)

    def everything(self) -> widgets.VBox:
        """Every part in one box, for a dashboard that shows the whole module in a single cell."""
        return widgets.VBox([self, self.inputs, self.generate_bar, self.editors, self.approval, self.exports])

    def summary(self) -> dict[str, Any]:
        """What the panel shows, as data (for tests and the self-test driver)."""
        return {
            "campaign": self.campaign, "module": self.module,
            "deliverables": [editor.deliverable_id for editor in self.editors.items],
            "states": [bar.item.state for bar in self.approval.bars if bar.item is not None],
        }


def module_panel(
    module: str, *, campaign: str | None = None, services: Services | None = None
) -> ModulePanel | UnavailablePanel:
    """The panel of ``module`` for ``campaign`` (a picker when no campaign is given). When the
    panel cannot be built (e.g. the workspace is unreachable) an ``UnavailablePanel`` says why,
    with a trace id, so a notebook or Voila page never shows a traceback."""
    from .services import default_services

    return build_or_explain(
        f"opening the {module} panel",
        lambda: ModulePanel(services or default_services(), module, campaign=campaign),
    )
