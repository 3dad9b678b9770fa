"""The JSON export: the structured pack (brand, campaign, items with ids, versions, approvals,
content), for other tools to read. ``deliverables`` keeps its name from the first JSON export."""

from __future__ import annotations

import json
from typing import Any

from .model import ExportDocument

__all__ = ["document_data", "render_json"]


def document_data(doc: ExportDocument) -> dict[str, Any]:
    data: dict[str, Any] = {
        "brand": doc.brand,
        "campaign": doc.campaign,
        "title": doc.title,
        "generated_at": doc.generated_at,
        "approved_versions_only": True,
        "branding": doc.branding.model_dump(),
    }
    if doc.module:
        data["module"] = doc.module
    if doc.executive_summary is not None:
        data["executive_summary"] = doc.executive_summary.as_dict()
    data["deliverables"] = [{**item.as_dict(), "state": "approved"} for item in doc.items]
    if doc.checklist is not None:
        data["preflight_checklist"] = doc.checklist
    data["left_out"] = doc.left_out
    return data


def render_json(doc: ExportDocument) -> str:
    return json.dumps(document_data(doc), indent=2, ensure_ascii=False, default=str)
