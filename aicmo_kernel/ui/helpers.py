"""Plain functions the widgets need: QC of a deliverable's text with its brand, the character
counter, the sanitised preview, version diffs and download links.

Each is usable without widgets (tests, CLI). What waits for a reviewer is the store's
(``store.queue``).
"""

from __future__ import annotations

import base64
import difflib
import html
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..platforms import CHARACTER_LIMITS, platform_name

if TYPE_CHECKING:
    from ..qc import QCReport
    from ..store import DeliverableView, Workspace

__all__ = [
    "CharacterCount",
    "brand_of",
    "character_count",
    "data_uri",
    "deliverable_qc",
    "describe_versions",
    "download_link",
    "render_preview",
    "version_diff_html",
]



# ----------------------------------------------------------------------------- preview


def _sanitizer() -> Callable[[str], str] | None:
    """``sanitize_markdown_to_html`` from the export package, imported lazily (nh3, markdown-it)."""
    for module_name in ("aicmo_kernel.export", "aicmo_kernel.export.sanitize"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, "sanitize_markdown_to_html", None)
        if function is not None:
            return function
    return None


def render_preview(markdown: str) -> str:
    """Markdown as sanitised HTML (no script, event handlers or javascript: links).

    Until the export package's sanitiser is installed, the text is shown escaped in a <pre>:
    a plain preview, never unsanitised HTML."""
    sanitize = _sanitizer()
    if sanitize is not None:
        return sanitize(markdown)
    return f'<pre style="white-space:pre-wrap">{html.escape(markdown)}</pre>'


def readable_text(ws: Workspace, item: DeliverableView, text: str | None = None) -> str:
    """What a reader is shown of ``item`` (its current text, or ``text``): what it quotes from
    upstream brought up to upstream's approved versions, as every export shows it (the execution
    calendar quotes each creative's hook and title). The stored version is not changed."""
    from ..export.model import requoted

    content = item.content_markdown if text is None else text
    return requoted(ws, item, content, dict(item.metadata))[0]


# ----------------------------------------------------------------------------- QC and counters


def brand_of(ws: Workspace, item: DeliverableView) -> Any:
    """The brand of a deliverable's campaign (QC reads its banned words and disclaimers)."""
    campaign = ws.get_campaign(item.campaign_id)
    return ws.get_brand(campaign.brand_id)


def deliverable_qc(
    ws: Workspace, item: DeliverableView, text: str | None = None, *, brand: Any = None
) -> QCReport:
    """QC of ``text`` (default: the current version) exactly as the workflow runs it before
    approval. Pass ``brand`` to skip reading it again (an editor checks on every keystroke)."""
    from ..qc import check_deliverable

    return check_deliverable(item, text=text, brand=brand if brand is not None else brand_of(ws, item))


@dataclass(frozen=True)
class CharacterCount:
    count: int
    limit: int | None
    label: str

    @property
    def over(self) -> bool:
        return self.limit is not None and self.count > self.limit


def _thread_posts(text: str) -> list[str]:
    # As QC reads a thread: posts separated by blank lines or "---" rules.
    return [p.strip() for p in re.split(r"\n\s*(?:---+\s*\n|\n)", text) if p.strip()]


def character_count(text: str, *, platform: str | None, kind: str = "") -> CharacterCount:
    """Characters against the platform limit; for a thread, the longest post counts."""
    from ..qc import normalise_platform

    key = normalise_platform(platform) or ""
    limit = CHARACTER_LIMITS.get(key)
    stripped = text.strip()
    if limit is not None and key == "x" and "thread" in kind.lower():
        longest = max((len(post) for post in _thread_posts(stripped)), default=0)
        return CharacterCount(longest, limit, f"longest post {longest:,} / {limit:,} characters (X)")
    if limit is None:
        return CharacterCount(len(stripped), None, f"{len(stripped):,} characters")
    name = platform_name(key)
    return CharacterCount(len(stripped), limit, f"{len(stripped):,} / {limit:,} characters ({name})")


# ----------------------------------------------------------------------------- history


def version_diff_html(old: str, new: str, *, old_label: str, new_label: str) -> str:
    """A unified diff as HTML; every line is escaped, so model text cannot inject markup."""
    lines = list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), old_label, new_label, lineterm="")
    )
    if not lines:
        return "<p><em>No differences.</em></p>"
    styled = []
    for line in lines:
        if line.startswith(("+++", "---")):
            style = "font-weight:bold"
        elif line.startswith("@@"):
            style = "color:#6a5acd"
        elif line.startswith("+"):
            style = "background:#e6ffec"
        elif line.startswith("-"):
            style = "background:#ffebe9"
        else:
            style = ""
        styled.append(f'<span style="{style}">{html.escape(line) or "&nbsp;"}</span>')
    return '<pre class="aicmo-diff" style="white-space:pre-wrap">' + "\n".join(styled) + "</pre>"


# ----------------------------------------------------------------------------- downloads


def data_uri(data: bytes, media_type: str) -> str:
    # "text/markdown; charset=utf-8" -> "text/markdown;charset=utf-8": no spaces in a data URI
    media_type = re.sub(r"\s+", "", media_type) or "application/octet-stream"
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def download_link(filename: str, media_type: str, data: bytes, *, label: str | None = None) -> str:
    """An ``<a download>`` link carrying the file itself: works in JupyterLab and in Voila."""
    name = html.escape(filename, quote=True)
    text = html.escape(label or filename)
    return f'<a download="{name}" href="{data_uri(data, media_type)}" target="_blank">{text}</a>'


# ----------------------------------------------------------------------------- review queue


def describe_versions(versions: list[Any]) -> list[tuple[str, int]]:
    """Dropdown options for a deliverable's versions, newest first."""
    return [
        (f"v{v.version} · {v.source} by {v.author} · {v.created_at:%Y-%m-%d %H:%M}", v.version)
        for v in reversed(versions)
    ]
