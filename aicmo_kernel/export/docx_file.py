"""The DOCX export, with python-docx: a title block, a heading per module and per item, and the
item's Markdown as Word headings, paragraphs, bullet and numbered lists, tables and chart
pictures. Headings take the agency's primary colour; the footer carries the footer text."""

from __future__ import annotations

import io
from typing import Any

from .blocks import (
    Code,
    Heading,
    Image,
    ListItem,
    Paragraph,
    Rule,
    Run,
    Table,
    parse_blocks,
    plain_text,
)
from .branding import hex_to_rgb
from .cells import neutralise_text
from .markdown_doc import meta_line
from .model import ExportDocument, ExportItem, count_line, left_out_sentence

__all__ = ["render_docx"]

_MAX_LIST_STYLE_LEVEL = 3  # "List Bullet", "List Bullet 2", "List Bullet 3" exist in the default template


def _add_runs(paragraph: Any, runs: list[Run]) -> None:
    from docx.shared import Pt

    for run in runs:
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None
        if run.code:
            added.font.name = "Courier New"
            added.font.size = Pt(9.5)
        if run.href and run.href != run.text:
            paragraph.add_run(f" ({run.href})").italic = True


def _add_blocks(document: Any, blocks: list, base_level: int) -> None:
    from docx.shared import Inches, Pt

    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(plain_text(block.runs), level=min(9, block.level + base_level))
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph(style="Quote" if block.quote else None)
            _add_runs(paragraph, block.runs)
        elif isinstance(block, ListItem):
            kind = "List Number" if block.ordered else "List Bullet"
            level = min(block.level + 1, _MAX_LIST_STYLE_LEVEL)
            style = kind if level == 1 else f"{kind} {level}"
            paragraph = document.add_paragraph(style=style)
            _add_runs(paragraph, block.runs)
        elif isinstance(block, Table):
            width = max([len(block.header)] + [len(r) for r in block.rows]) or 1
            table = document.add_table(rows=1 + len(block.rows), cols=width)
            table.style = "Table Grid"
            # Row by row: Table.cell(r, c) rebuilds the whole grid on every call (quadratic).
            for r, (row, cells) in enumerate(zip(table.rows, [block.header, *block.rows])):
                for c, cell in enumerate(row.cells[:width]):
                    runs = cells[c] if c < len(cells) else []
                    if r == 0:
                        runs = [Run(x.text, True, x.italic, x.code, x.href) for x in runs]
                    if runs:  # a cell copied into a spreadsheet must not run as a formula
                        first = runs[0]
                        runs = [Run(neutralise_text(first.text), first.bold, first.italic, first.code, first.href),
                                *runs[1:]]
                    _add_runs(cell.paragraphs[0], runs)
        elif isinstance(block, Code):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.font.name = "Courier New"
            run.font.size = Pt(9)
        elif isinstance(block, Image):
            document.add_picture(io.BytesIO(block.png), width=Inches(6))
            document.add_paragraph(block.title, style="Caption")
        elif isinstance(block, Rule):
            document.add_paragraph("\u2014" * 20)


def _colour_headings(document: Any, primary: str) -> None:
    from docx.shared import RGBColor

    colour = RGBColor(*hex_to_rgb(primary))
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Heading 6"):
        try:
            document.styles[name].font.color.rgb = colour
        except KeyError:
            continue


def _item(document: Any, item: ExportItem, heading_level: int, doc: ExportDocument | None = None) -> None:
    document.add_heading(item.title, level=heading_level)
    document.add_paragraph().add_run(meta_line(item, doc)).italic = True
    _add_blocks(document, parse_blocks(item.full_markdown, charts=item.charts), heading_level)


def render_docx(doc: ExportDocument) -> bytes:
    try:
        from docx import Document
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from ..errors import ConfigurationError

        raise ConfigurationError("DOCX export needs python-docx: pip install python-docx", field="format") from exc
    from ..registry import module_info

    document = Document()
    _colour_headings(document, doc.branding.primary_colour)
    document.core_properties.title = doc.title[:250]
    document.core_properties.author = doc.branding.agency_name or doc.brand
    document.add_heading(doc.title, level=0)
    if doc.branding.is_applied:
        document.add_paragraph().add_run(doc.word("Prepared by {agency}", agency=doc.branding.agency_name)).italic = True
    document.add_paragraph(count_line(doc))
    footer = " · ".join(x for x in (doc.branding.footer_text, f"{doc.brand} · {doc.campaign}") if x)
    document.sections[0].footer.paragraphs[0].text = footer
    if doc.executive_summary is not None:
        # Its own "# Executive summary: ..." heading opens the section.
        _add_blocks(document, parse_blocks(doc.executive_summary.content_markdown,
                                           charts=doc.executive_summary.charts), 0)
    current = None
    for item in doc.items:
        if item.module != current:
            current = item.module
            document.add_heading(doc.word(module_info(current).title), level=1)
        _item(document, item, 2, doc)
    if doc.checklist:
        document.add_heading(doc.word("Pre-flight checklist"), level=1)
        table = document.add_table(rows=1 + len(doc.checklist), cols=3)
        table.style = "Table Grid"
        rows = list(table.rows)
        for cell, text in zip(rows[0].cells, (doc.word("Check"), doc.word("Result"), doc.word("Details"))):
            cell.paragraphs[0].add_run(text).bold = True
        for row, check in zip(rows[1:], doc.checklist):
            result = doc.word("PASS" if check["passed"] else ("FAIL" if check["blocking"] else "WARNING"))
            for cell, text in zip(row.cells, (check["label"], result, check["details"])):
                cell.paragraphs[0].add_run(text)
    not_included = left_out_sentence(doc.left_out)
    if not_included:
        document.add_paragraph(not_included)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
