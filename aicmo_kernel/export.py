"""Client-facing exports of a campaign's approved deliverables (Markdown and JSON for now).

Only approved versions are exported (SPEC section 5): a deliverable whose current version is not
approved is left out and listed in ``Export.left_out`` so the caller can say what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ValidationError, WorkflowError

if TYPE_CHECKING:
    from .store import Workspace

__all__ = ["EXPORT_FORMATS", "Export", "collect_approved", "export_campaign"]

EXPORT_FORMATS = ("md", "json")


@dataclass
class Export:
    filename: str
    media_type: str
    data: bytes
    included: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[dict[str, Any]] = field(default_factory=list)


def collect_approved(ws: "Workspace", campaign: str, module: str | None = None) -> tuple[list[dict], list[dict]]:
    """Approved items (with the approved version's content) and the items left out, in module order."""
    from .modules import module_info, module_names

    names = [module_info(module).name] if module else module_names()
    included: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    for name in names:
        for item in ws.list_deliverables(campaign=campaign, module=name):
            summary = {"id": item.id, "module": name, "kind": item.kind, "title": item.title, "state": item.state}
            if item.state != "approved" or item.approved_version is None:
                left_out.append(summary)
                continue
            version = ws.get_version(item.id, item.approved_version)
            approvals = [e for e in ws.list_review_events(item.id) if e.action == "approve" and e.version == item.approved_version]
            included.append(
                {
                    **summary,
                    "version": item.approved_version,
                    "platform": item.platform,
                    "hashtags": list(version.hashtags or item.hashtags or []),
                    "metadata": item.metadata,
                    "content_markdown": version.content_markdown,
                    "approved_by": approvals[-1].actor if approvals else None,
                    "approved_at": approvals[-1].at.isoformat() if approvals else None,
                }
            )
    return included, left_out


def export_campaign(ws: "Workspace", campaign: str, fmt: str, *, module: str | None = None) -> Export:
    fmt = fmt.lower().strip()
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}", field="format")
    record = ws.get_campaign(campaign)
    brand = ws.get_brand(record.brand_id)
    included, left_out = collect_approved(ws, record.name, module)
    if not included:
        raise WorkflowError(
            f"campaign {record.name!r} has no approved deliverables to export"
            + (f" in module {module!r}" if module else "")
            + "; approve drafts first (aicmo approve --campaign ... --module ... --all)",
            field="campaign",
        )
    stem = f"{record.name}{'-' + module if module else ''}"
    if fmt == "json":
        payload = {
            "brand": brand.name,
            "campaign": record.name,
            "deliverables": included,
            "left_out": left_out,
        }
        data = json.dumps(payload, indent=2, ensure_ascii=False, default=str).encode("utf-8")
        return Export(f"{stem}.json", "application/json", data, included, left_out)
    return Export(f"{stem}.md", "text/markdown", _markdown(brand.name, record.name, included, left_out).encode("utf-8"), included, left_out)


def _demote_headings(markdown: str, levels: int) -> str:
    """Nest a deliverable's own headings under the export's section headings (# -> ####)."""
    out = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("#"):
            hashes = len(line) - len(line.lstrip("#"))
            if line[hashes:hashes + 1] == " ":
                line = "#" * min(6, hashes + levels) + line[hashes:]
        out.append(line)
    return "\n".join(out)


def _markdown(brand: str, campaign: str, included: list[dict], left_out: list[dict]) -> str:
    from .modules import module_info

    lines = [f"# {brand}: {campaign}", ""]
    current = None
    for item in included:
        if item["module"] != current:
            current = item["module"]
            lines += [f"## {module_info(current).title}", ""]
        lines += [f"### {item['title']}", ""]
        meta = [f"version {item['version']}"]
        if item.get("platform"):
            meta.append(f"platform: {item['platform']}")
        if item.get("approved_by"):
            meta.append(f"approved by {item['approved_by']} on {item['approved_at'][:10]}")
        lines += [f"*{' · '.join(meta)}*", "", _demote_headings(item["content_markdown"].strip(), 3), ""]
    if left_out:
        lines += ["---", "", f"Not included (not approved yet): {len(left_out)} item(s).", ""]
    return "\n".join(lines)
