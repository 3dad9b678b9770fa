"""One widget per current deliverable of a module: what ``panel.editors`` and ``panel.approval`` show.

``reload`` rebuilds the widgets from the workspace; a callback given to ``_listen`` reaches every
widget, those built by a later reload too. Subclasses say how to build a widget (``_build``), how
to hand it a callback (``_attach``), what to show above the list (``_header``) and when empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import ipywidgets as widgets

from .errors import MessageBox, guard

if TYPE_CHECKING:
    from ..store import DeliverableView
    from .services import Services

__all__ = ["DeliverableWidgets"]

W = TypeVar("W", bound=widgets.Widget)


class DeliverableWidgets(widgets.VBox, Generic[W]):
    loading = "loading the deliverables"  # what the message box says failed, if reload fails
    empty = "Nothing yet."  # shown when the module has no deliverables ("{module}" is filled in)

    def __init__(self, services: Services, *, campaign: str | None, module: str) -> None:
        self.services = services
        self.campaign = campaign
        self.module = module
        self.items: list[W] = []
        self.message = MessageBox()
        self._callbacks: list[Callable[[Any], None]] = []
        super().__init__()
        guard(self.message, self.loading)(self.reload)()

    def _build(self, item: DeliverableView) -> W:
        raise NotImplementedError

    def _attach(self, widget: W, callback: Callable[[Any], None]) -> None:
        raise NotImplementedError

    def _header(self) -> list[widgets.Widget]:
        return []

    def _listen(self, callback: Callable[[Any], None]) -> None:
        self._callbacks.append(callback)
        for widget in self.items:
            self._attach(widget, callback)

    def reload(self) -> None:
        """Rebuild the widgets from the module's current deliverables."""
        self.items = []
        if not self.campaign:
            self.message.show("Pick a campaign first.", "info")
        else:
            found = self.services.workspace.list_deliverables(campaign=self.campaign, module=self.module)
            for item in found:
                widget = self._build(item)
                for callback in self._callbacks:
                    self._attach(widget, callback)
                self.items.append(widget)
            if found:
                self.message.clear()
            else:
                self.message.show(self.empty.format(module=self.module), "info")
        self.children = [*self._header(), self.message, *self.items]
