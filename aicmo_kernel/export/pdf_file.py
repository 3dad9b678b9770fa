"""The PDF export, with fpdf2.

Why fpdf2: it is pure Python and installs from PyPI with no system libraries (unlike WeasyPrint,
which needs Pango and Cairo), yet writes real PDF with embedded TrueType fonts, tables, images and
links; ReportLab would do too, but is much larger for what we draw. The layout is drawn from the
same Markdown blocks as the DOCX export (``blocks.py``), not from HTML, so nothing from model text
is ever interpreted as markup.

Unicode text (curly quotes, the pound sign, accented names) needs a TrueType font. We look for
DejaVu Sans, in this order: the copy that ships inside matplotlib (a PyPI package), then Debian's
``fonts-dejavu-core`` at ``/usr/share/fonts/truetype/dejavu``. With neither, the PDF falls back to
the built-in Helvetica and characters outside Latin-1 are replaced by their nearest ASCII forms
(quotes, dashes) or "?", so an export never fails for want of a font.

Characters DejaVu lacks (CJK, Devanagari, emoji ...) are drawn with fpdf2's fallback fonts: for
the scripts a document uses, ``fonts.fallback_fonts`` finds installed fonts that cover them (the
Noto fonts of Debian's packages, else any font fontconfig knows), so a draft keeps every
character. A script no installed font covers is named in a ``MissingFontWarning``. Documents with
Arabic, Hebrew or an Indic script are shaped with HarfBuzz (``uharfbuzz``), so letters join and
right-to-left text runs right to left.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import warnings
from functools import cache
from pathlib import Path
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
from .markdown_doc import meta_line
from .model import ExportDocument, ExportItem, count_line, left_out_sentence

__all__ = ["MissingFontWarning", "document_text", "find_unicode_font", "render_pdf"]

_LOG = logging.getLogger(__name__)


class MissingFontWarning(UserWarning):
    """A PDF export holds characters that no installed font can draw (or cannot shape them)."""

_DEBIAN_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_STYLES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
           "BI": "DejaVuSans-BoldOblique.ttf"}
_MONO = "DejaVuSansMono.ttf"
_ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                        "\u2026": "...", "\u2022": "-", "\u00a0": " ", "\u2192": "->", "\u00b7": "-",
                        # French figures and typography (1 234,50; « Oui ! »), German quotes („…“)
                        "\u202f": " ", "\u2009": " ", "\u201e": '"', "\u201a": "'"})
_HEADING_SIZES = {1: 17, 2: 14.5, 3: 12.5, 4: 11.5, 5: 11, 6: 10.5}
_BODY = 10
_LINE = 5.2


@cache
def find_unicode_font() -> Path | None:
    """The folder holding DejaVuSans.ttf (matplotlib's copy, then Debian's), or None."""
    candidates = []
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.submodule_search_locations:
        candidates.append(Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf")
    candidates.append(_DEBIAN_DEJAVU)
    for folder in candidates:
        if (folder / _STYLES[""]).is_file():
            return folder
    return None


def _column_weight(values: list[str]) -> float:
    """Enough for the column's longest word (up to 16 characters), more for long text."""
    longest_word = max((len(word) for value in values for word in value.split()), default=1)
    longest = max((len(value) for value in values), default=1)
    return max(min(longest_word, 16) * 1.15 + 1, min(longest, 40) * 0.55)


_FOOTER_LINES = 3  # 3 lines of 3.6 mm fit the 20 mm bottom margin above an 8 mm edge


class _Writer:
    """Draws blocks on an fpdf2 document with the pack's font and colours."""

    def __init__(self, doc: ExportDocument, text: str = ""):
        from fpdf import FPDF

        self.doc = doc
        title, footer = doc.title, " · ".join(x for x in (doc.branding.footer_text, f"{doc.brand} · {doc.campaign}") if x)
        primary, accent = hex_to_rgb(doc.branding.primary_colour), hex_to_rgb(doc.branding.accent_colour)
        writer = self

        class _PDF(FPDF):
            def header(self) -> None:
                if self.page_no() == 1:
                    return
                self.set_draw_color(*accent)
                self.set_line_width(0.8)
                self.line(self.l_margin, 10, self.w - self.r_margin, 10)
                writer.font("I", 8)
                self.set_text_color(95, 99, 104)
                self.set_y(11.5)
                self.cell(0, 4, writer.text(title)[:120], new_x="LMARGIN", new_y="NEXT")
                self.set_text_color(29, 29, 31)
                self.ln(4)

            def footer(self) -> None:
                # The whole footer text, wrapped to at most _FOOTER_LINES lines inside the bottom
                # margin (the page number beside its last line); only a longer one is shortened.
                writer.font("I", 8)
                self.set_text_color(95, 99, 104)
                width = self.epw - 22
                lines = self.multi_cell(width, 3.6, writer.text(footer), dry_run=True, output="LINES")
                if len(lines) > _FOOTER_LINES:
                    lines = lines[:_FOOTER_LINES]
                    lines[-1] = lines[-1][:-2].rstrip() + ("\u2026" if writer.unicode else "...")
                self.set_y(-8 - 3.6 * len(lines))
                for number, line in enumerate(lines, 1):
                    self.cell(width, 3.6, line, align="L")
                    if number == len(lines):
                        self.cell(22, 3.6, f"{self.page_no()}/{{nb}}", align="R")
                    self.ln(3.6)
                self.set_text_color(29, 29, 31)

        self.pdf = _PDF(format="A4")
        self.pdf.set_margins(20, 18, 20)
        self.pdf.set_auto_page_break(True, margin=20)
        self.pdf.set_title(doc.title[:250])
        self.pdf.set_author(doc.branding.agency_name or doc.brand)
        self.pdf.set_creator("AICMO Workbench")
        self.primary, self.accent = primary, accent
        folder = find_unicode_font()
        self.unicode = folder is not None
        if folder is not None:
            for style, name in _STYLES.items():
                path = folder / name
                self.pdf.add_font("DejaVu", style, str(path if path.is_file() else folder / _STYLES[""]))
            mono = folder / _MONO
            self.pdf.add_font("DejaVuMono", "", str(mono if mono.is_file() else folder / _STYLES[""]))
        self.family = "DejaVu" if self.unicode else "Helvetica"
        self.mono = "DejaVuMono" if self.unicode else "Courier"
        if folder is not None:
            self._add_fallbacks(folder, text)

    def _add_fallbacks(self, folder: Path, text: str) -> None:
        """Fallback fonts for the characters of ``text`` that DejaVu lacks, and text shaping for
        scripts that need it; a warning names any script left without a font."""
        from .fonts import cmap_of, fallback_fonts

        # A character counts as covered only if every face in use has it (DejaVu's italic has no
        # Arabic, say), so italic meta lines and code blocks get the fallback too.
        faces = {folder / name for name in (*_STYLES.values(), _MONO)}
        maps = [cmap_of(str(path)) for path in faces if path.is_file()]
        covered = frozenset.intersection(*maps) if maps else frozenset()
        plan = fallback_fonts(text, covered)
        names = []
        for number, font in enumerate(plan.fonts):
            name = f"Fallback{number}"
            self.pdf.add_font(name, "", font.path, collection_font_number=font.number)
            names.append(name)
        if names:
            # exact_match=False: a bold or italic run uses the regular face of a fallback font.
            self.pdf.set_fallback_fonts(names, exact_match=False)
        problems = [plan.warning()] if plan.missing else []
        if plan.shaping:
            if importlib.util.find_spec("uharfbuzz") is not None:
                self.pdf.set_text_shaping(True)
            else:
                problems.append("This document has Arabic, Hebrew or an Indic script, which needs text shaping "
                                "for its letters to join: pip install uharfbuzz, then export again.")  # fmt: skip
        for problem in problems:
            _LOG.warning("PDF export: %s", problem)
            warnings.warn(problem, MissingFontWarning, stacklevel=4)

    # -- text helpers
    def text(self, value: str) -> str:
        if self.unicode:
            return value
        return value.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")

    def font(self, style: str = "", size: float = _BODY, mono: bool = False) -> None:
        self.pdf.set_font(self.mono if mono else self.family, "" if mono else style, size)

    def runs(self, runs: list[Run], size: float = _BODY) -> None:
        for run in runs:
            style = ("B" if run.bold else "") + ("I" if run.italic else "")
            self.font(style, size, mono=run.code)
            if run.href:
                self.pdf.set_text_color(*self.primary)
                self.pdf.write(_LINE, self.text(run.text), link=run.href)
                self.pdf.set_text_color(29, 29, 31)
            else:
                self.pdf.write(_LINE, self.text(run.text))
        self.pdf.ln(_LINE)

    def heading(self, text: str, level: int) -> None:
        pdf = self.pdf
        size = _HEADING_SIZES.get(level, _BODY)
        if pdf.get_y() > pdf.h - 45:  # keep a heading with the text under it
            pdf.add_page()
        pdf.ln(2.5 if level > 2 else 4)
        self.font("B", size)
        pdf.set_text_color(*self.primary)
        pdf.multi_cell(0, size * 0.5, self.text(text), new_x="LMARGIN", new_y="NEXT", align="L")
        if level <= 2:
            pdf.set_draw_color(*self.accent)
            pdf.set_line_width(0.6)
            pdf.line(pdf.l_margin, pdf.get_y() + 0.8, pdf.w - pdf.r_margin, pdf.get_y() + 0.8)
            pdf.ln(2)
        pdf.set_text_color(29, 29, 31)
        pdf.ln(1)

    def paragraph(self, runs: list[Run], *, quote: bool = False, italic_meta: bool = False) -> None:
        pdf = self.pdf
        if quote:
            pdf.set_left_margin(pdf.l_margin + 6)
            pdf.set_x(pdf.l_margin)
        if italic_meta:
            pdf.set_text_color(95, 99, 104)
        self.runs(runs)
        pdf.set_text_color(29, 29, 31)
        if quote:
            pdf.set_left_margin(pdf.l_margin - 6)
        pdf.ln(1.5)

    def list_item(self, item: ListItem) -> None:
        pdf = self.pdf
        indent = 4 + 6 * item.level
        marker = f"{item.number}." if item.ordered else ("\u2022" if self.unicode else "-")
        base = pdf.l_margin
        pdf.set_x(base + indent)
        self.font("", _BODY)
        pdf.cell(6, _LINE, marker)
        pdf.set_left_margin(base + indent + 6)
        self.runs(item.runs)
        pdf.set_left_margin(base)
        pdf.ln(0.8)

    def table(self, table: Table) -> None:
        from fpdf.fonts import FontFace

        pdf = self.pdf
        rows = [table.header, *table.rows] if table.header else table.rows
        width = max((len(r) for r in rows), default=0)
        if not width:
            return
        texts = [[self.text(plain_text(cells[c])) if c < len(cells) else "" for c in range(width)] for cells in rows]
        # Columns as wide as their content needs (capped), so dates stay on one line and long
        # links get the room, instead of equal columns.
        weights = tuple(_column_weight([r[c] for r in texts]) for c in range(width))
        self.font("", 8.5)
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=self.primary)
        with pdf.table(first_row_as_headings=bool(table.header), headings_style=heading, line_height=4.4,
                       text_align="LEFT", padding=1.2, col_widths=weights, cell_fill_color=(246, 247, 249),
                       cell_fill_mode="ROWS", borders_layout="HORIZONTAL_LINES") as drawn:
            for values in texts:
                row = drawn.row()
                for value in values:
                    row.cell(value)
        pdf.ln(2)

    def code(self, text: str) -> None:
        pdf = self.pdf
        self.font("", 8.5, mono=True)
        pdf.set_fill_color(241, 243, 244)
        pdf.multi_cell(0, 4.2, self.text(text), fill=True, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1.5)

    def image(self, image: Image) -> None:
        pdf = self.pdf
        pdf.image(io.BytesIO(image.png), w=pdf.epw)
        self.font("I", 8.5)
        pdf.multi_cell(0, 4.5, self.text(image.title), new_x="LMARGIN", new_y="NEXT", align="C")
        pdf.ln(1.5)

    def blocks(self, blocks: list[Any], base_level: int) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.heading(plain_text(block.runs), min(6, block.level + base_level))
            elif isinstance(block, Paragraph):
                self.paragraph(block.runs, quote=block.quote)
            elif isinstance(block, ListItem):
                self.list_item(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Code):
                self.code(block.text)
            elif isinstance(block, Image):
                self.image(block)
            elif isinstance(block, Rule):
                pdf = self.pdf
                pdf.set_draw_color(208, 212, 218)
                pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
                pdf.ln(3)

    def item(self, item: ExportItem, level: int) -> None:
        self.heading(item.title, level)
        self.paragraph([Run(meta_line(item, self.doc), italic=True)], italic_meta=True)
        self.blocks(parse_blocks(item.full_markdown, charts=item.charts), level)


def document_text(doc: ExportDocument) -> str:
    """Every string the PDF draws, to choose its fallback fonts from."""
    parts = [doc.title, doc.brand, doc.campaign, doc.branding.footer_text or "", doc.branding.agency_name or "",
             count_line(doc), left_out_sentence(doc.left_out) or "", *doc.words.values()]  # fmt: skip
    if doc.executive_summary is not None:
        parts.append(doc.executive_summary.content_markdown)
    for item in doc.items:
        parts += [item.title, meta_line(item, doc), item.full_markdown]
    for check in doc.checklist or []:
        parts += [str(check.get("label") or ""), str(check.get("details") or "")]
    return "\n".join(parts)


def render_pdf(doc: ExportDocument) -> bytes:
    try:
        import fpdf  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from ..errors import ConfigurationError

        raise ConfigurationError("PDF export needs fpdf2: pip install fpdf2", field="format") from exc
    from ..registry import module_info

    writer = _Writer(doc, document_text(doc))
    pdf = writer.pdf
    pdf.add_page()
    pdf.set_fill_color(*writer.primary)
    pdf.rect(0, 0, pdf.w, 42, style="F")
    pdf.set_fill_color(*writer.accent)
    pdf.rect(0, 42, pdf.w, 2.5, style="F")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_y(14)
    pdf.set_text_color(255, 255, 255)
    writer.font("B", 19)
    pdf.multi_cell(0, 9, writer.text(doc.title), new_x="LMARGIN", new_y="NEXT", align="L")
    writer.font("", 10)
    if doc.branding.is_applied:
        pdf.cell(0, 6, writer.text(doc.word("Prepared by {agency}", agency=doc.branding.agency_name)), new_x="LMARGIN",
                 new_y="NEXT")
    pdf.set_text_color(29, 29, 31)
    pdf.set_y(50)
    writer.paragraph([Run(count_line(doc))], italic_meta=True)
    if doc.executive_summary is not None:  # its own "# Executive summary: ..." heads the section
        writer.blocks(parse_blocks(doc.executive_summary.content_markdown, charts=doc.executive_summary.charts), 0)
    current = None
    for item in doc.items:
        if item.module != current:
            current = item.module
            writer.heading(doc.word(module_info(current).title), 1)
        writer.item(item, 2)
    if doc.checklist:
        writer.heading(doc.word("Pre-flight checklist"), 1)
        rows = [[Run(c["label"]), Run(doc.word("PASS" if c["passed"] else ("FAIL" if c["blocking"] else "WARNING"))),
                 Run(c["details"])] for c in doc.checklist]
        writer.table(Table(header=[[Run(doc.word("Check"))], [Run(doc.word("Result"))], [Run(doc.word("Details"))]],
                           rows=[[[cell] for cell in row] for row in rows]))
    not_included = left_out_sentence(doc.left_out)
    if not_included:
        writer.paragraph([Run(not_included)])
    return bytes(pdf.output())
