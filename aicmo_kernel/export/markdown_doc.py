"""The Markdown export: one file, sections by module, each item at its approved version.

Chart images (``![title](chart:name)``) become inline ``data:image/png`` images so the file stays
self-contained; a Markdown viewer that will not show them still shows the title.
"""

from __future__ import annotations

import base64
import re

from .model import ExportDocument, ExportItem, demote_headings

__all__ = ["checklist_markdown", "render_markdown", "resolve_chart_links"]

_CHART_LINK = re.compile(r"\]\(chart:([A-Za-z0-9_.-]{1,80})\)")


def resolve_chart_links(item: ExportItem) -> str:
    charts = item.charts
    if not charts:
        return item.content_markdown

    def swap(match: re.Match[str]) -> str:
        found = charts.get(match.group(1))
        if found is None:
            return match.group(0)
        return f"](data:image/png;base64,{base64.b64encode(found[1]).decode('ascii')})"

    return _CHART_LINK.sub(swap, item.content_markdown)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def meta_line(item: ExportItem) -> str:
    meta = [f"version {item.version}"]
    if item.platform:
        meta.append(f"platform: {item.platform}")
    if item.approved_by:
        meta.append(f"approved by {item.approved_by} on {(item.approved_at or '')[:10]}")
    return " · ".join(meta)


def checklist_markdown(checks: list[dict]) -> str:
    rows = [
        f"| {_cell(c['label'])} | {'PASS' if c['passed'] else ('FAIL' if c['blocking'] else 'WARNING')} | "
        f"{_cell(c['details'])} |"
        for c in checks
    ]
    return "\n".join(["| Check | Result | Details |", "|---|---|---|", *rows])


def render_markdown(doc: ExportDocument) -> str:
    from ..modules import module_info

    lines = [f"# {doc.title}", ""]
    if doc.branding.is_applied:
        lines += [f"*Prepared by {doc.branding.agency_name}*", ""]
    if doc.executive_summary is not None:
        # Its own "# Executive summary: ..." heading opens the section.
        lines += [demote_headings(resolve_chart_links(doc.executive_summary).strip(), 1), ""]
    current = None
    for item in doc.items:
        if item.module != current:
            current = item.module
            lines += [f"## {module_info(current).title}", ""]
        lines += [f"### {item.title}", "", f"*{meta_line(item)}*", "",
                  demote_headings(resolve_chart_links(item).strip(), 3), ""]
    if doc.checklist:
        lines += ["## Pre-flight checklist", "", checklist_markdown(doc.checklist), ""]
    if doc.left_out:
        lines += ["---", "", f"Not included (not approved yet): {len(doc.left_out)} item(s).", ""]
    if doc.branding.footer_text:
        lines += ["---", "", f"*{doc.branding.footer_text}*", ""]
    return "\n".join(lines)
