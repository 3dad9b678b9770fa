"""The campaign picker: brand and campaign dropdowns from the workspace, and "create new".

``picker.value`` is the chosen campaign's name (at first the one named by ``$AICMO_CAMPAIGN``,
else the first campaign); ``picker.on_change(callback)`` tells a panel when
it changes. Creating uses ``ws.create_brand`` / ``ws.create_campaign``; their validation errors
are shown naming the field (brand name, campaign name).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..errors import AicmoError, NotFoundError
from .disclosure import Disclosure
from .errors import MessageBox, guard

if TYPE_CHECKING:
    from ..store import Campaign
    from .services import Services

__all__ = ["CampaignPicker"]

ChangeCallback = Callable[[str | None], None]


class CampaignPicker(widgets.VBox):
    def __init__(self, services: Services, *, value: str | None = None) -> None:
        self.services = services
        self._callbacks: list[ChangeCallback] = []
        self._quiet = False
        self.brand = widgets.Dropdown(description="Brand", layout=widgets.Layout(width="auto"))
        self.campaign = widgets.Dropdown(description="Campaign", layout=widgets.Layout(width="auto"))
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh",
                                             tooltip="Re-read brands and campaigns", layout=widgets.Layout(width="auto"))
        self.new_brand = widgets.Text(description="Brand name", placeholder="new or existing brand")
        self.new_campaign = widgets.Text(description="Campaign", placeholder="new campaign name")
        self.create_button = widgets.Button(description="Create", icon="plus")
        self.brief_upload = widgets.FileUpload(accept=".yaml,.yml,.json", multiple=False,
                                               description="Create from a brief file")
        self.brief_upload.observe(self._on_brief, names="value")
        self.message = MessageBox()
        self.brand.observe(lambda _c: self._brand_changed(), names="value")
        self.campaign.observe(lambda _c: self._campaign_changed(), names="value")
        self.refresh_button.on_click(guard(self.message, "reading the campaigns")(lambda _b: self.refresh()))
        self.create_button.on_click(guard(self.message, "creating the campaign")(lambda _b: self.create()))
        self.create_section = Disclosure("the new-campaign form",
                                         [self.new_brand, self.new_campaign, self.create_button,
                                          widgets.HTML("<small>or a brief file (YAML or JSON, see docs/briefs.md): "
                                                       "the brand, the campaign and the intake form's values</small>"),
                                          self.brief_upload], icon="plus")
        super().__init__([widgets.HBox([self.brand, self.campaign, self.refresh_button]), self.create_section, self.message])
        self._campaigns: list[Campaign] = []
        # Without an explicit choice, $AICMO_CAMPAIGN (e.g. set for a team, or by CI) else the first.
        value = value or os.environ.get("AICMO_CAMPAIGN", "").strip() or None
        guard(self.message, "reading the campaigns")(self.refresh)(value)

    @property
    def value(self) -> str | None:
        """The chosen campaign's name."""
        return self.campaign.value

    def on_change(self, callback: ChangeCallback) -> None:
        self._callbacks.append(callback)

    def refresh(self, select: str | None = None) -> None:
        """Re-read brands and campaigns; keep (or make) ``select`` the chosen campaign."""
        ws = self.services.workspace
        select = select or self.campaign.value
        self._campaigns = ws.list_campaigns()
        brands = [b.name for b in ws.list_brands()]
        chosen = next((c for c in self._campaigns if c.name == select), None)
        if chosen is None and self._campaigns:
            chosen = self._campaigns[0]
        self._quiet = True
        try:
            self.brand.options = brands
            self.brand.value = chosen.brand if chosen else (brands[0] if brands else None)
            self._fill_campaigns()
            self.campaign.value = chosen.name if chosen else None
        finally:
            self._quiet = False
        if not brands:
            self.message.show("No brand yet: create one and its first campaign below "
                              "(or run `aicmo init` for the demo).", "info")
        self._notify()

    def _fill_campaigns(self) -> None:
        names = [c.name for c in self._campaigns if c.brand == self.brand.value]
        self.campaign.options = names

    def _brand_changed(self) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self._fill_campaigns()
            self.campaign.value = self.campaign.options[0] if self.campaign.options else None
        finally:
            self._quiet = False
        self._notify()

    def _campaign_changed(self) -> None:
        if not self._quiet:
            self._notify()

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback(self.value)

    def create(self) -> Campaign | None:
        """Create the campaign named in the form, for the named brand (created if new) or, when
        the brand name is blank, for the brand chosen above."""
        ws = self.services.workspace
        brand_name = self.new_brand.value.strip() or (self.brand.value or "")
        campaign_name = self.new_campaign.value.strip()
        if not brand_name:
            self.message.show("brand name: give the brand (client) a name", "error")
            return None
        if not campaign_name:
            self.message.show("campaign name: give the campaign a name", "error")
            return None
        try:
            brand = ws.get_brand(brand_name)
        except NotFoundError:
            try:
                brand = ws.create_brand(brand_name)
            except AicmoError as exc:
                self.message.show(f"brand {_named(exc)}", "error")
                return None
        try:
            campaign = ws.create_campaign(brand.name, campaign_name)
        except AicmoError as exc:
            self.message.show(f"campaign {_named(exc)}", "error")
            return None
        self.new_brand.value = self.new_campaign.value = ""
        self.refresh(campaign.name)
        self.message.show(f"Created campaign {campaign.name!r} for {brand.name}.", "success")
        return campaign


    def _on_brief(self, change: dict) -> None:
        for item in change["new"] or ():
            guard(self.message, "creating the campaign from the brief")(self.create_from_brief)(
                str(item["name"]), bytes(item["content"]))

    def create_from_brief(self, filename: str, data: bytes) -> Campaign | None:
        """Create the brand (unless it exists) and the campaign a brief file describes, as
        ``aicmo new --brief`` does; an unclear value is shown naming its key, nothing created."""
        from ..briefs import create_from_brief, read_brief_bytes

        ws = self.services.workspace
        try:
            created = create_from_brief(ws, read_brief_bytes(data, filename))
        except AicmoError as exc:
            self.message.show(exc.message, "error")
            return None
        campaign = ws.get_campaign(created["campaign"]["name"])
        self.refresh(campaign.name)
        notes = "".join(f" Note: {warning}" for warning in created.get("warnings") or ())
        self.message.show(f"Created campaign {campaign.name!r} for {campaign.brand} from {filename}.{notes}",
                          "warning" if notes else "success")
        return campaign


def _named(exc: AicmoError) -> str:
    """``name: must not contain <...>`` whatever shape the store's message has."""
    message = exc.message
    field = exc.field or "name"
    return message if message.startswith(f"{field}:") else f"{field}: {message}"
