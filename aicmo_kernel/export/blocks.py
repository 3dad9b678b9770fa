"""Markdown as a flat list of blocks, for the writers that draw their own layout (DOCX, PDF).

markdown-it-py parses; this module walks its tokens into headings, paragraphs, list items (with
a nesting level), tables, code blocks, rules and chart images, each holding ``Run``s of text with
bold / italic / code / link marks. Raw HTML never becomes markup here: its tags are dropped and
the text between them kept (script and style contents dropped too), so DOCX and PDF show model
text as text. ``![title](chart:name)`` becomes an ``Image`` block when ``name`` is a known chart;
otherwise its title stays as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .sanitize import _markdown

__all__ = ["Block", "Code", "Heading", "Image", "ListItem", "Paragraph", "Rule", "Run", "Table", "parse_blocks"]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass
class Heading:
    level: int
    runs: list[Run]


@dataclass
class Paragraph:
    runs: list[Run]
    quote: bool = False


@dataclass
class ListItem:
    runs: list[Run]
    level: int = 0
    ordered: bool = False
    number: int = 1


@dataclass
class Table:
    header: list[list[Run]]
    rows: list[list[list[Run]]] = field(default_factory=list)


@dataclass
class Code:
    text: str


@dataclass
class Image:
    title: str
    png: bytes


@dataclass
class Rule:
    pass


Block = Heading | Paragraph | ListItem | Table | Code | Image | Rule


_HIDDEN = {"script", "style", "iframe", "object", "svg", "noscript", "template"}
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")


def plain_text(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def _strip_html(fragment: str) -> str:
    import nh3

    return html.unescape(nh3.clean(fragment, tags=set(), clean_content_tags=set(_HIDDEN)))


def _inline(children: list[Any], charts: Mapping[str, tuple[str, bytes]]) -> list[Run | Image]:
    """Runs (and chart images) of one inline token's children."""
    out: list[Run | Image] = []
    bold = italic = 0
    href: str | None = None
    hidden: str | None = None  # inside <script>...</script> and the like: drop the text too
    for child in children or []:
        kind = child.type
        if kind == "html_inline":
            tag = _TAG.match(child.content)
            if tag and tag.group(2).lower() in _HIDDEN:
                hidden = None if tag.group(1) else tag.group(2).lower()
            continue  # tags only; the text between them arrives as text tokens
        if hidden:
            continue
        if kind == "text":
            out.append(Run(child.content, bold > 0, italic > 0, False, href))
        elif kind in ("softbreak",):
            out.append(Run(" ", bold > 0, italic > 0, False, href))
        elif kind == "hardbreak":
            out.append(Run("\n", bold > 0, italic > 0, False, href))
        elif kind == "code_inline":
            out.append(Run(child.content, bold > 0, italic > 0, True, href))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            target = str(child.attrs.get("href") or "")
            href = target if target.startswith(("http://", "https://", "mailto:")) else None
        elif kind == "link_close":
            href = None
        elif kind == "image":
            src = str(child.attrs.get("src") or "")
            name = src[len("chart:"):] if src.startswith("chart:") else None
            if name and name in charts:
                out.append(Image(child.content or charts[name][0], charts[name][1]))
            elif child.content:
                out.append(Run(f"[{child.content}]", bold > 0, True, False, None))
    return out


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].code, merged[-1].href) == (
            run.bold, run.italic, run.code, run.href
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.code, run.href)
        elif run.text:
            merged.append(run)
    return merged


def parse_blocks(markdown: str, *, charts: Mapping[str, tuple[str, bytes]] | None = None) -> list[Block]:
    """The blocks of ``markdown``; ``charts`` maps chart names to (title, PNG bytes)."""
    charts = dict(charts or {})
    tokens = _markdown().parse(markdown or "")
    blocks: list[Block] = []
    lists: list[dict[str, Any]] = []  # one entry per open list: ordered?, next number
    quote = 0
    heading: int | None = None
    in_item_paragraph = False
    table: Table | None = None
    row: list[list[Run]] | None = None
    in_head = False

    def emit_inline(parts: list[Run | Image]) -> None:
        nonlocal in_item_paragraph
        runs: list[Run] = []

        def flush() -> None:
            nonlocal in_item_paragraph
            merged = _merge(runs)
            if not merged:
                return
            if heading is not None:
                blocks.append(Heading(heading, merged))
            elif lists and not in_item_paragraph:
                top = lists[-1]
                blocks.append(ListItem(merged, len(lists) - 1, top["ordered"], top["number"] - 1))
                in_item_paragraph = True
            else:
                blocks.append(Paragraph(merged, quote=quote > 0))
            runs.clear()

        for part in parts:
            if isinstance(part, Image):
                flush()
                blocks.append(part)
            else:
                runs.append(part)
        flush()

    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "heading_close":
            heading = None
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start") or 1) if kind == "ordered_list_open" else 1
            lists.append({"ordered": kind == "ordered_list_open", "number": start})
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            lists[-1]["number"] += 1
            in_item_paragraph = False
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "table_open":
            table = Table(header=[])
        elif kind == "table_close":
            if table is not None:
                blocks.append(table)
            table = None
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None and row is not None:
            if in_head:
                table.header = row
            else:
                table.rows.append(row)
            row = None
        elif kind == "inline":
            parts = _inline(token.children or [], charts)
            if row is not None:
                row.append(_merge([p for p in parts if isinstance(p, Run)]))
            else:
                emit_inline(parts)
        elif kind in ("fence", "code_block"):
            blocks.append(Code(token.content.rstrip("\n")))
        elif kind == "hr":
            blocks.append(Rule())
        elif kind == "html_block":
            text = _strip_html(token.content).strip()
            if text:
                blocks.append(Paragraph([Run(" ".join(text.split()))], quote=quote > 0))
    return blocks
