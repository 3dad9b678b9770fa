"""The widget layer of the notebooks and Voila dashboards (ipywidgets).

Widgets are thin views over kernel functions: every button calls a function a test or the CLI
could call, and every panel receives its services (``Services``: workspace, settings, provider
factory, reviewer) instead of building them. A notebook cell is a line or two::

    from aicmo_kernel import ui
    panel = ui.module_panel("creatives", campaign="demo")
    panel.inputs            # then panel.generate_bar, panel.editors, panel.approval, panel.exports
    ui.review_queue()       # the reviewers' dashboard

Names resolve lazily, so importing this package does not import ipywidgets until a widget is used.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "Services": "services",
    "default_services": "services",
    "known_reviewer": "services",
    "InputsForm": "form",
    "inputs_form": "form",
    "GenerateBar": "generate",
    "DraftEditor": "editor",
    "EditorList": "editor",
    "ApprovalBar": "approval",
    "ApprovalList": "approval",
    "ReviewerField": "approval",
    "ExportBar": "exports",
    "CampaignPicker": "picker",
    "ReviewQueue": "queue",
    "review_queue": "queue",
    "ModulePanel": "panel",
    "module_panel": "panel",
    "MessageBox": "errors",
    "UnavailablePanel": "errors",
    "guard": "errors",
    "describe_error": "errors",
}



def campaign_picker(services: Any = None, *, value: str | None = None) -> Any:
    """The brand and campaign picker of ``00_campaign`` (an ``UnavailablePanel`` with the reason
    and a trace id when the workspace cannot be read)."""
    from .errors import build_or_explain
    from .picker import CampaignPicker
    from .services import default_services

    return build_or_explain("opening the campaign picker",
                            lambda: CampaignPicker(services or default_services(), value=value))



__all__ = [
    "ApprovalBar", "ApprovalList", "CampaignPicker", "DraftEditor", "EditorList", "ExportBar", "GenerateBar",
    "InputsForm", "MessageBox", "ModulePanel", "ReviewQueue", "ReviewerField", "Services", "UnavailablePanel", "campaign_picker",
    "default_services", "describe_error", "guard", "inputs_form", "known_reviewer", "module_panel",
    "review_queue", "selftest",
]  # fmt: skip
assert set(__all__) == {*_LAZY, "campaign_picker", "selftest"}


def __getattr__(name: str) -> Any:
    if name == "selftest":
        return importlib.import_module(".selftest", __name__)
    submodule = _LAZY.get(name)
    if submodule is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{submodule}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
