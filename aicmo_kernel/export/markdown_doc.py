"""The Markdown export: one file, sections by module, each item at its approved version.

A client opens it in a Markdown viewer that renders raw HTML and follows links, so model text is
never written as it came: each item goes through ``sanitize_markdown`` (which also turns its chart
images, ``![title](chart:name)``, into inline ``data:image/png`` images, so the file stays
self-contained), and then the whole file does once more, because pieces that are each safe can
join into something that is not (an unclosed fence in one item, an indented line after a list in
the next). Titles, reviewer names and checklist details pass through that last step too.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import CLIENT_WAITING_LABEL, OFFLINE_LABEL, ExportDocument, ExportItem, count_line, demote_headings, left_out_sentence
from .sanitize import sanitize_markdown

__all__ = ["checklist_markdown", "item_markdown", "meta_line", "render_markdown"]


def item_markdown(item: ExportItem, levels: int) -> str:
    """The item's approved text, its headings nested ``levels`` deeper, safe as Markdown."""
    return sanitize_markdown(demote_headings(item.full_markdown.strip(), levels), charts=item.charts)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def meta_line(item: ExportItem, doc: ExportDocument | None = None) -> str:
    """Version, platform, who approved it and when; in ``doc``'s language when it has the words."""
    w = doc.word if doc is not None else (lambda english, **values: english.format(**values))
    meta = [w("version {version}", version=item.version)]
    if item.platform:
        meta.append(w("platform: {platform}", platform=item.platform))
    if item.approved_by:
        meta.append(w("approved by {who} on {date}", who=item.approved_by, date=(item.approved_at or "")[:10]))
    if item.client_approved_by:
        meta.append(w("approved by the client ({who}) on {date}", who=item.client_approved_by,
                      date=(item.client_approved_at or "")[:10]))
    elif item.client_waiting:
        meta.append(w(CLIENT_WAITING_LABEL))
    if item.drafted_by == "offline":
        meta.append(w(OFFLINE_LABEL))
    return " · ".join(meta)


def checklist_markdown(checks: list[dict], words: Mapping[str, str] | None = None) -> str:
    """The checks as a table; ``words`` gives the header and results in another language (the
    delivery module passes the campaign's: "Check" -> "Contrôle", "PASS" -> "OK")."""
    w = lambda english: (words or {}).get(english, english)
    rows = [
        f"| {_cell(c['label'])} | {w('PASS') if c['passed'] else w('FAIL' if c['blocking'] else 'WARNING')} | "
        f"{_cell(c['details'])} |"
        for c in checks
    ]
    return "\n".join([f"| {w('Check')} | {w('Result')} | {w('Details')} |", "|---|---|---|", *rows])


def _line(text: str) -> str:
    return " ".join(str(text).split())


def render_markdown(doc: ExportDocument) -> str:
    from ..registry import module_info

    lines = [f"# {_line(doc.title)}", ""]
    if doc.branding.is_applied:
        lines += [f"*{doc.word('Prepared by {agency}', agency=doc.branding.agency_name)}*", ""]
    lines += [f"*{count_line(doc)}*", ""]
    charts: dict[str, tuple[str, bytes]] = {}
    if doc.executive_summary is not None:
        # Its own "# Executive summary: ..." heading opens the section.
        lines += [item_markdown(doc.executive_summary, 1), ""]
        charts |= {f"summary/{name}": chart for name, chart in doc.executive_summary.charts.items()}
    current = None
    for number, item in enumerate(doc.items):
        if item.module != current:
            current = item.module
            lines += [f"## {doc.word(module_info(current).title)}", ""]
        lines += [f"### {_line(item.title)}", "", f"*{_line(meta_line(item, doc))}*", "", item_markdown(item, 3), ""]
        charts |= {f"{number}/{name}": chart for name, chart in item.charts.items()}
    if doc.checklist:
        words = {w: doc.word(w) for w in ("Check", "Result", "Details", "PASS", "FAIL", "WARNING")}
        lines += [f"## {doc.word('Pre-flight checklist')}", "", checklist_markdown(doc.checklist, words), ""]
    not_included = left_out_sentence(doc.left_out)
    if not_included:
        lines += ["---", "", not_included, ""]
    if doc.branding.footer_text:
        lines += ["---", "", f"*{doc.branding.footer_text}*", ""]
    # The items' chart images are data URIs by now; naming them here keeps them in the file.
    return sanitize_markdown("\n".join(lines), charts=charts)
