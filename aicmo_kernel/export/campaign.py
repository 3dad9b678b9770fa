"""``export_campaign``: a campaign's (or one module's) approved deliverables in one format.

Items that are not approved are left out and listed in ``Export.left_out`` (SPEC section 5), so
the caller can say what is missing; nothing approved at all is refused. ``zip`` is the client
pack (``pack.build_client_pack``) in every format, which is stricter: it refuses a pack whose
selected items are not all approved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError, WorkflowError
from .model import ExportDocument, ExportItem, item_summary, load_item
from .pack import (
    ALL_FORMATS,
    MEDIA_TYPES,
    brand_branding,
    build_client_pack,
    plan_pack,
    safe_filename,
    writer_for,
)

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["EXPORT_FORMATS", "Export", "export_campaign"]

EXPORT_FORMATS = ("md", "json", "html", "docx", "pdf", "zip")
assert set(EXPORT_FORMATS) == set(ALL_FORMATS)


@dataclass
class Export:
    filename: str
    media_type: str
    data: bytes
    included: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[dict[str, Any]] = field(default_factory=list)
    has_summary: bool = False  # the client pack leads with the delivery module's executive summary


def export_campaign(ws: Workspace, campaign: str, fmt: str, *, module: str | None = None) -> Export:
    """The approved deliverables of ``campaign`` (or of ``module``) as one file in ``fmt``."""
    from ..registry import module_info

    fmt = str(fmt).lower().strip()
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}",
                              field="format")
    record = ws.get_campaign(campaign)
    if fmt == "zip":
        if module:
            raise ValidationError("a zip is the whole client pack; leave out --module, or pick another format",
                                  field="module")
        pack = build_client_pack(ws, record.name, formats=("zip",))
        included = [item.as_dict(with_content=False) for item in pack.items]
        return Export(pack.zip_name, MEDIA_TYPES["zip"], pack.to_zip(), included, pack.not_selected,
                      has_summary=pack.document.executive_summary is not None)
    brand = ws.get_brand(record.brand_id)
    name = module_info(module).name if module else None
    items: list[ExportItem] = []
    left_out: list[dict[str, Any]] = []
    for view in ws.list_deliverables(campaign=record.name, module=name):
        if view.state != "approved" or view.approved_version is None:
            left_out.append(item_summary(view))
        else:
            items.append(load_item(ws, view))
    if not items:
        raise WorkflowError(
            f"campaign {record.name!r} has no approved deliverables to export"
            + (f" in module {module!r}" if module else "")
            + "; approve drafts first (aicmo approve --campaign ... --module ... --all)",
            field="campaign",
        )
    plan = plan_pack(ws, record, brand)
    branding = plan.branding if plan.pack_views else brand_branding(brand)
    document = ExportDocument(
        brand=brand.name, campaign=record.name, title=f"{brand.name}: {record.name}",
        generated_at=datetime.now(UTC).replace(microsecond=0).isoformat(), items=items,
        branding=branding, left_out=left_out, module=name,
    )
    stem = safe_filename(f"{record.name}{'-' + name if name else ''}")
    included = [{**item.as_dict(), "state": "approved"} for item in items]
    return Export(f"{stem}.{fmt}", MEDIA_TYPES[fmt], writer_for(fmt)(document), included, left_out)
