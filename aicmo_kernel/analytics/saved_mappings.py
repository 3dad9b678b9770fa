"""Column mappings saved for a brand, so a client's own spreadsheet is mapped once, not every week.

A mapping is stored in the campaign's ``brief`` JSON under ``column_mappings`` (keyed by kind:
``performance`` or ``leads``), with no schema change; ``saved_mapping`` finds the campaign's own,
else the latest one saved by another campaign of the same brand. The workspace is passed in (the
monitoring widget's, the CLI's), and only its public methods are used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAPPINGS_KEY", "MAPPING_KINDS", "save_mapping", "saved_mapping"]

MAPPINGS_KEY = "column_mappings"
MAPPING_KINDS = ("performance", "leads")


def _check_kind(kind: str) -> None:
    if kind not in MAPPING_KINDS:
        raise ValueError(f"mapping kind {kind!r} is not one of {', '.join(MAPPING_KINDS)}")


def saved_mapping(ws: Any, campaign: str, kind: str) -> dict[str, Any] | None:
    """The mapping of ``kind`` saved for this campaign, else for its brand (latest campaign first)."""
    _check_kind(kind)
    record = ws.get_campaign(campaign)
    own = ((record.brief or {}).get(MAPPINGS_KEY) or {}).get(kind)
    if own:
        return dict(own)
    for other in sorted(ws.list_campaigns(brand=record.brand, brief_key=MAPPINGS_KEY), key=lambda c: c.updated_at,
                        reverse=True):
        found = ((other.brief or {}).get(MAPPINGS_KEY) or {}).get(kind)
        if found:
            return dict(found)
    return None


def save_mapping(ws: Any, campaign: str, kind: str, mapping: dict[str, Any]) -> None:
    """Store ``mapping`` (already checked by the caller's model) on the campaign for its brand."""
    _check_kind(kind)
    record = ws.get_campaign(campaign)
    brief = dict(record.brief or {})
    brief[MAPPINGS_KEY] = {**(brief.get(MAPPINGS_KEY) or {}), kind: dict(mapping)}
    ws.update_campaign(record.name, brief=brief)
