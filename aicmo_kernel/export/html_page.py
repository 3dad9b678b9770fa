"""The HTML export: one self-contained page, sanitised, in the agency's colours.

Everything on the page is either written here (structure, headings, the style sheet) with every
value escaped, or deliverable Markdown passed through ``sanitize_markdown_to_html``. The brand
colours enter through a fixed CSS template that takes only validated ``#RRGGBB`` values; no
style ever comes from model text. A Content-Security-Policy allows no script, no remote
resource, only ``data:`` images and this one style block (by its hash), as a second line of
defence should anything slip past the sanitiser.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from string import Template

from .markdown_doc import meta_line
from .model import ExportDocument, ExportItem, count_line, demote_headings, left_out_sentence
from .sanitize import sanitize_markdown_to_html

__all__ = ["render_html"]

_CSS = Template("""
:root { --primary: $primary; --accent: $accent; --gutter: clamp(1rem, 5vw, 3rem); }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 0; line-height: 1.5;
       overflow-wrap: break-word; }
header.pack { background: var(--primary); color: #fff; padding: 2rem var(--gutter); border-bottom: 6px solid var(--accent); }
header.pack h1 { margin: 0 0 .25rem 0; font-size: 1.9rem; }
header.pack p { margin: .2rem 0; opacity: .9; }
main { max-width: 56rem; margin: 0 auto; padding: 1rem var(--gutter) 3rem var(--gutter); }
nav.toc { border-left: 4px solid var(--accent); padding: .5rem 1rem; margin: 1.5rem 0; background: #f6f7f9; }
nav.toc ol { margin: .3rem 0; padding-left: 1.5rem; }
h2 { color: var(--primary); border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { color: var(--primary); margin-top: 2rem; }
h4, h5, h6 { color: var(--primary); }
section.item { page-break-inside: avoid; }
p.meta { color: #5f6368; font-size: .9rem; font-style: italic; }
a { color: var(--primary); }
blockquote { border-left: 4px solid var(--accent); margin: 1rem 0; padding: .2rem 1rem; color: #3c4043; }
div.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; margin: 0; width: 100%; font-size: .92rem; }
th { background: var(--primary); color: #fff; text-align: left; }
th, td { border: 1px solid #d0d4da; padding: .35rem .5rem; vertical-align: top; min-width: 4.5em;
         overflow-wrap: anywhere; }
tr:nth-child(even) td { background: #f6f7f9; }
img { max-width: 100%; height: auto; }
pre, code { background: #f1f3f4; border-radius: 3px; }
pre { padding: .6rem; overflow-x: auto; }
code { overflow-wrap: anywhere; }
td.pass { color: #137333; font-weight: bold; }
td.fail { color: #b3261e; font-weight: bold; }
td.warn { color: #a05a00; font-weight: bold; }
footer.pack { border-top: 4px solid var(--accent); color: #5f6368; padding: 1rem var(--gutter); font-size: .85rem; }
""")


_TABLE_WRAP = '<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways)">'


def _wrap_tables(html: str) -> str:
    """Each table in a box that scrolls sideways, so a wide table (UTM links) never widens the
    page. Plain replacement is safe on sanitised HTML: text can hold no literal ``<table>``."""
    return html.replace("<table>", _TABLE_WRAP + "<table>").replace("</table>", "</table></div>")


def _markdown_html(text: str, charts: dict) -> str:
    return _wrap_tables(sanitize_markdown_to_html(text, charts=charts))


def _section(doc: ExportDocument, item: ExportItem, anchor: str, levels: int) -> str:
    body = _markdown_html(demote_headings(item.full_markdown.strip(), levels), item.charts)
    return (f'<section class="item" id="{anchor}">\n<h3>{escape(item.title)}</h3>\n'
            f'<p class="meta">{escape(meta_line(item, doc))}</p>\n<div class="content">\n{body}\n</div>\n</section>')


def _checklist(doc: ExportDocument, checks: list[dict]) -> str:
    rows = []
    for check in checks:
        result, css = (("PASS", "pass") if check["passed"] else
                       (("FAIL", "fail") if check["blocking"] else ("WARNING", "warn")))
        rows.append(f'<tr><td>{escape(check["label"])}</td><td class="{css}">{escape(doc.word(result))}</td>'
                    f'<td>{escape(check["details"])}</td></tr>')
    head = "".join(f"<th>{escape(doc.word(w))}</th>" for w in ("Check", "Result", "Details"))
    return (f'<section id="preflight"><h2>{escape(doc.word("Pre-flight checklist"))}</h2>\n' + _TABLE_WRAP
            + f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows)
            + "\n</tbody></table></div></section>")


def render_html(doc: ExportDocument) -> str:
    from ..registry import module_info

    css = _CSS.substitute(primary=doc.branding.primary_colour, accent=doc.branding.accent_colour)
    style_hash = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; img-src data:; style-src 'sha256-{style_hash}'; "
           "base-uri 'none'; form-action 'none'")
    header = [f"<h1>{escape(doc.title)}</h1>"]
    if doc.branding.is_applied:
        header.append(f"<p>{escape(doc.word('Prepared by {agency}', agency=doc.branding.agency_name))}</p>")
    header.append(f"<p>{escape(count_line(doc))}</p>")

    toc: list[str] = []
    sections: list[str] = []
    if doc.executive_summary is not None:
        toc.append(f'<li><a href="#executive-summary">{escape(doc.word("Executive summary"))}</a></li>')
        # Its own "# Executive summary: ..." heading opens the section.
        body = _markdown_html(demote_headings(doc.executive_summary.content_markdown.strip(), 1),
                              doc.executive_summary.charts)
        sections.append(f'<section id="executive-summary">\n{body}\n</section>')
    current = None
    for number, item in enumerate(doc.items, 1):
        if item.module != current:
            current = item.module
            title = escape(doc.word(module_info(current).title))
            sections.append(f'<h2 id="module-{escape(current)}">{title}</h2>')
        anchor = f"item-{number}"
        toc.append(f'<li><a href="#{anchor}">{escape(item.title)}</a> (v{item.version})</li>')
        sections.append(_section(doc, item, anchor, 3))
    if doc.checklist:
        toc.append(f'<li><a href="#preflight">{escape(doc.word("Pre-flight checklist"))}</a></li>')
        sections.append(_checklist(doc, doc.checklist))
    footer = [f"<p>{escape(doc.branding.footer_text)}</p>"] if doc.branding.footer_text else []
    not_included = left_out_sentence(doc.left_out)
    if not_included:
        footer.append(f"<p>{escape(not_included)}</p>")
    footer.append(f"<p>{escape(doc.brand)} · {escape(doc.campaign)} · approved versions only</p>")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f'<header class="pack">{"".join(header)}</header>',
        "<main>",
        f'<nav class="toc"><strong>{escape(doc.word("Contents"))}</strong><ol>{"".join(toc)}</ol></nav>',
        *sections,
        "</main>",
        f'<footer class="pack">{"".join(footer)}</footer>',
        "</body>",
        "</html>",
        "",
    ])
