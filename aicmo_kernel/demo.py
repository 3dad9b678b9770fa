"""The demo brand and campaign that ``aicmo init`` seeds from ``data/demo_brief.json``."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import NotFoundError

if TYPE_CHECKING:
    from .store import Workspace

__all__ = ["DEMO_CAMPAIGN", "load_demo_brief", "seed_demo"]

DEMO_CAMPAIGN = "demo"


def load_demo_brief() -> dict[str, Any]:
    text = resources.files("aicmo_kernel").joinpath("data/demo_brief.json").read_text(encoding="utf-8")
    return json.loads(text)


def seed_demo(ws: "Workspace") -> bool:
    """Create the demo brand and the `demo` campaign unless they exist. True if created."""
    try:
        ws.get_campaign(DEMO_CAMPAIGN)
        return False
    except NotFoundError:
        pass
    brief = load_demo_brief()
    brand_fields = dict(brief["brand"])
    name = brand_fields.pop("name")
    try:
        brand = ws.get_brand(name)
    except NotFoundError:
        brand = ws.create_brand(name, **brand_fields)
    campaign = dict(brief["campaign"])
    campaign.pop("name", None)
    ws.create_campaign(brand.name, DEMO_CAMPAIGN, brief={"inputs": brief["inputs"]}, **campaign)
    return True
