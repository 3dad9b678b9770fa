"""A section shown or hidden by a button: what an Accordion does, but reachable with Tab.

ipywidgets' Accordion title is not a focusable control, so a keyboard user cannot open it. Here
the toggle is a real button whose name says what it does ("Show ..." / "Hide ...").
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["Disclosure"]


class Disclosure(widgets.VBox):
    """``Disclosure("history and versions", [child, ...], icon="history")``: hidden at first."""

    def __init__(self, what: str, children: list[widgets.Widget], *, icon: str = "") -> None:
        self.what = what
        self.button = widgets.Button(description=f"Show {what}", icon=icon, layout=widgets.Layout(width="auto"))
        self.body = widgets.VBox(children, layout=widgets.Layout(display="none"))
        self.button.on_click(lambda _b: self.show(not self.shown))
        super().__init__([widgets.HBox([self.button]), self.body])

    @property
    def shown(self) -> bool:
        return self.body.layout.display != "none"

    def show(self, shown: bool = True) -> None:
        self.body.layout.display = None if shown else "none"
        self.button.description = f"{'Hide' if shown else 'Show'} {self.what}"
