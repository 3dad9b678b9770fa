"""The client pack: the executive summary, the selected approved deliverables, the pre-flight
checklist, one file per chosen format, and a zip with ``manifest.json`` (ids, versions,
approvals and the sha256 of every file).

What goes in: when the delivery module is approved, its ``client_pack`` deliverable's metadata
holds the selection and the branding, and its executive summary leads the pack. Before that (or
without it) the pack holds every approved deliverable of the campaign, branded from the brand
record. Either way the pre-flight checks run again at build time, because states change: a
selected item that is no longer approved at its current version (edited, flagged for review,
superseded by a new generation) refuses the pack, naming each one.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError, ValidationError, WorkflowError
from .branding import Branding, branding_from
from .model import ExportDocument, ExportItem
from .preflight import PACK_MODULE, preflight, refuse_unapproved, select_deliverables

if TYPE_CHECKING:
    from ..store import Workspace
    from ..store.views import Brand, Campaign, DeliverableView

__all__ = ["ALL_FORMATS", "PACK_FORMATS", "ClientPack", "build_client_pack", "safe_filename", "writer_for"]

PACK_FORMATS = ("md", "html", "docx", "pdf", "json")
_FILE_MODE = 0o100644  # a regular file, readable by everyone who can read the folder
ALL_FORMATS = (*PACK_FORMATS, "zip")
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
    "zip": "application/zip",
}


def safe_filename(text: str) -> str:
    """A name safe on every file system: letters, digits, dot, dash, underscore."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned[:100] or "export"


def writer_for(fmt: str) -> Callable[[ExportDocument], bytes]:
    """The function that renders a document in ``fmt`` (imports the format's library lazily)."""
    if fmt == "md":
        from .markdown_doc import render_markdown

        return lambda doc: render_markdown(doc).encode("utf-8")
    if fmt == "json":
        from .json_doc import render_json

        return lambda doc: render_json(doc).encode("utf-8")
    if fmt == "html":
        from .html_page import render_html

        return lambda doc: render_html(doc).encode("utf-8")
    if fmt == "docx":
        from .docx_file import render_docx

        return render_docx
    if fmt == "pdf":
        from .pdf_file import render_pdf

        return render_pdf
    raise ValidationError(f"unknown export format {fmt!r}; choose one of {', '.join(ALL_FORMATS)}", field="format")


def normalise_formats(formats: Iterable[str] | str) -> tuple[str, ...]:
    """The document formats to write (``zip`` alone, or nothing, means all of them)."""
    chosen = [formats] if isinstance(formats, str) else list(formats)
    wanted: list[str] = []
    for fmt in chosen:
        name = str(fmt).lower().strip()
        if name not in ALL_FORMATS:
            raise ValidationError(f"unknown export format {fmt!r}; choose from {', '.join(ALL_FORMATS)}",
                                  field="formats")
        if name != "zip" and name not in wanted:
            wanted.append(name)
    return tuple(f for f in PACK_FORMATS if f in wanted) or PACK_FORMATS


@dataclass
class ClientPack:
    """A built pack: the document, its files by name, the checklist and the manifest."""

    document: ExportDocument
    files: dict[str, bytes]
    checklist: list[dict[str, Any]]
    stem: str
    formats: tuple[str, ...]
    not_selected: list[dict[str, Any]] = field(default_factory=list)

    @property
    def items(self) -> list[ExportItem]:
        return self.document.items

    @property
    def zip_name(self) -> str:
        return f"{self.stem}.zip"

    def manifest(self) -> dict[str, Any]:
        doc = self.document
        listed = ([doc.executive_summary] if doc.executive_summary else []) + list(doc.items)
        return {
            "brand": doc.brand,
            "campaign": doc.campaign,
            "title": doc.title,
            "generated_at": doc.generated_at,
            "approved_versions_only": True,
            "branding": doc.branding.model_dump(),
            "formats": list(self.formats),
            "items": [item.as_dict(with_content=False) | {"module": item.module} for item in listed],
            "preflight": self.checklist,
            "left_out": self.not_selected,
            "files": [
                {"name": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                for name, data in self.files.items()
            ],
        }

    def to_zip(self) -> bytes:
        """The zip: every file, then ``manifest.json`` with their sizes and checksums."""
        stamp = datetime.fromisoformat(self.document.generated_at).timetuple()[:6]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in [*self.files.items(),
                               ("manifest.json", json.dumps(self.manifest(), indent=2, ensure_ascii=False,
                                                            default=str).encode("utf-8"))]:
                info = zipfile.ZipInfo(f"{self.stem}/{name}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = _FILE_MODE << 16  # rw-r--r-- once extracted, not owner-only
                archive.writestr(info, data)
        return buffer.getvalue()


@dataclass
class PackPlan:
    """What the delivery module decided: selection (None = every approved item), branding,
    the pack's own deliverables and a title."""

    selection: list[str] | None
    branding: Branding
    pack_views: list[DeliverableView]
    title: str | None = None


def brand_branding(brand: Brand) -> Branding:
    return branding_from(brand.branding, field_prefix="brand.branding.")


def plan_pack(ws: Workspace, record: Campaign, brand: Brand) -> PackPlan:
    views = ws.list_deliverables(campaign=record.name, module=PACK_MODULE)
    pack = next((v for v in views if v.kind == "client_pack"), None)
    if pack is None:
        return PackPlan(selection=None, branding=brand_branding(brand), pack_views=views)
    meta = pack.metadata or {}
    selection = meta.get("selection") or {}
    ids = selection.get("deliverable_ids") if isinstance(selection, dict) else None
    branding = branding_from(meta.get("branding"), field_prefix="client_pack.branding.") if meta.get(
        "branding") else brand_branding(brand)
    # The checklist and the table of contents are rebuilt here; the summary is the approved text.
    return PackPlan(selection=list(ids) if isinstance(ids, list) else None, branding=branding,
                 pack_views=views, title=meta.get("title"))


def _views_by_id(ws: Workspace, record: Campaign, ids: list[str]) -> list[DeliverableView]:
    from ..registry import module_info

    found = []
    for position, deliverable_id in enumerate(ids):
        try:
            view = ws.get_deliverable(deliverable_id)
        except NotFoundError:
            raise WorkflowError(
                f"the approved client pack lists deliverable {deliverable_id!r}, which no longer exists; "
                "generate the delivery module again", field="selection") from None
        if view.campaign_id != record.id:
            raise WorkflowError(f"deliverable {deliverable_id!r} belongs to another campaign", field="selection")
        found.append((module_info(view.module).order, position, view))
    return [view for _, _, view in sorted(found, key=lambda t: t[:2])]


def build_client_pack(
    ws: Workspace, campaign: str, *, formats: Iterable[str] | str = ALL_FORMATS, now: datetime | None = None
) -> ClientPack:
    """Build the client pack of ``campaign`` in ``formats`` (see the module docstring).

    Raises WorkflowError listing each selected item that is not approved at its current version,
    or naming the blocking pre-flight checks that failed.
    """
    chosen = normalise_formats(formats)
    record = ws.get_campaign(campaign)
    brand = ws.get_brand(record.brand_id)
    plan = plan_pack(ws, record, brand)
    if plan.selection is None:
        selected, not_selected = select_deliverables(ws, record.name)
    else:
        selected = _views_by_id(ws, record, plan.selection)
        chosen_ids = {v.id for v in selected}
        not_selected = [v for v in ws.list_deliverables(campaign=record.name)
                        if v.module != PACK_MODULE and v.id not in chosen_ids]
    summary_views = [v for v in plan.pack_views if v.kind == "executive_summary"]
    others = [v for v in plan.pack_views if v.kind != "executive_summary"]
    # Every delivery deliverable must be approved too (the checklist and contents are part of it).
    result = preflight(ws, record.name, selected, branding=plan.branding, extra=[*summary_views, *others],
                       not_selected=not_selected)
    refuse_unapproved(record.name, result)
    if not selected:
        raise WorkflowError(
            f"campaign {record.name!r} has no approved deliverables to put in a client pack; approve drafts first",
            field="campaign")
    failed = result.failed()
    if failed:
        listed = "; ".join(f"{c['label']}: {c['details']}" for c in failed)
        raise WorkflowError(f"the client pack for campaign {record.name!r} fails its pre-flight checks: {listed}",
                            field="selection", details={"checks": result.checks})
    by_id = {item.id: item for item in result.items}
    summary = next((by_id[v.id] for v in summary_views if v.id in by_id), None)
    items = [by_id[v.id] for v in selected]
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    # The frame's words in the pack's language, from the approved summary (English without them).
    meta = summary.metadata if summary is not None else {}
    words = {str(k): str(v) for k, v in (meta.get("words") or {}).items()} if isinstance(meta.get("words"), dict) else {}
    document = ExportDocument(
        brand=brand.name, campaign=record.name, title=f"{brand.name}: {plan.title or record.name}",
        generated_at=moment.isoformat(), items=items, branding=plan.branding, executive_summary=summary,
        checklist=[{**c, "label": words.get(c["label"]) or c["label"]} for c in result.checks], left_out=[],
        words=words, language=str(meta.get("language") or "en") if words else "en",
    )
    stem = safe_filename(f"{record.name}-client-pack")
    files = {f"{stem}.{fmt}": writer_for(fmt)(document) for fmt in chosen}
    return ClientPack(document=document, files=files, checklist=result.checks, stem=stem, formats=chosen,
                      not_selected=result.not_selected)
