"""Plain kernel functions the widgets need and the kernel does not offer (yet).

Each is usable without widgets (tests, CLI) and may move into the kernel later: the review
queue listing (one light query, no content), QC of a deliverable's text with its brand, the
character counter, the sanitised preview, version diffs and download links.
"""

from __future__ import annotations

import base64
import difflib
import html
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..modules._platforms import CHARACTER_LIMITS

if TYPE_CHECKING:
    from ..qc import QCReport
    from ..store import DeliverableView, Workspace

__all__ = [
    "QUEUE_STATES",
    "CharacterCount",
    "QueueItem",
    "brand_of",
    "character_count",
    "data_uri",
    "deliverable_qc",
    "describe_versions",
    "download_link",
    "render_preview",
    "version_diff_html",
    "waiting_items",
    "waiting_page",
]

# What waits for a reviewer; "needs_review" is an approved deliverable whose upstream changed.
QUEUE_STATES = ("draft", "revised", "changes_requested", "needs_review")
_PLATFORM_NAMES = {"x": "X", "linkedin": "LinkedIn", "instagram": "Instagram"}


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
    from ..qc import run_qc

    return run_qc(
        item.content_markdown if text is None else text,
        kind=item.kind, platform=item.platform, hashtags=item.hashtags, metadata=item.metadata,
        brand=brand if brand is not None else brand_of(ws, item),
    )


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
    name = _PLATFORM_NAMES.get(key, key)
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


@dataclass(frozen=True)
class QueueItem:
    """One waiting deliverable, without its text (the queue lists many; text loads on select)."""

    id: str
    campaign: str
    module: str
    kind: str
    title: str
    platform: str | None
    state: str  # a QUEUE_STATES value
    current_version: int
    updated_by: str
    updated_at: datetime

    @property
    def label(self) -> str:
        state = self.state.replace("_", " ")
        return f"{self.campaign} · {self.module} · {self.title} [{state}, v{self.current_version}]"


def waiting_items(ws: Workspace) -> list[QueueItem]:
    """Everything waiting for a reviewer across campaigns and modules, in one query.

    Drafts, revised versions, items sent back, and approved items flagged ``needs_review``;
    ordered by campaign, module order, then as generated."""
    from sqlalchemy import and_, or_, select

    from ..store.models import CampaignRow, DeliverableRow

    waiting = or_(
        DeliverableRow.state.in_(("draft", "revised", "changes_requested")),
        and_(DeliverableRow.state == "approved", DeliverableRow.needs_review.is_(True)),
    )
    query = (
        select(
            DeliverableRow.id, CampaignRow.name, DeliverableRow.module, DeliverableRow.kind,
            DeliverableRow.title, DeliverableRow.platform, DeliverableRow.state,
            DeliverableRow.needs_review, DeliverableRow.current_version, DeliverableRow.updated_by,
            DeliverableRow.updated_at,
        )
        .join(CampaignRow, CampaignRow.id == DeliverableRow.campaign_id)
        .where(waiting)
        .order_by(CampaignRow.name, DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id)
    )
    with ws.reading() as session:
        rows = session.execute(query).all()
    items = [
        QueueItem(
            id=row[0], campaign=row[1], module=row[2], kind=row[3], title=row[4], platform=row[5],
            state="needs_review" if row[6] == "approved" else row[6], current_version=row[8],
            updated_by=row[9], updated_at=row[10],
        )
        for row in rows
    ]
    order = {name: index for index, name in enumerate(_module_order())}
    items.sort(key=lambda item: (item.campaign, order.get(item.module, 99)))  # stable: keeps SQL order
    return items


def waiting_page(ws: Workspace, *, limit: int = 50, after: QueueItem | None = None) -> list[QueueItem]:
    """One page of the queue, longest-waiting first (oldest ``updated_at``), after ``after``.

    The query repeats the predicate of the partial index ``ix_deliverables_waiting`` verbatim and
    orders by its columns, so a page costs the same at 1,000 deliverables as at 100,000 (keyset
    pagination: no OFFSET that grows with the page number)."""
    from sqlalchemy import select, text, tuple_

    from ..store.models import WAITING_SQL, CampaignRow, DeliverableRow

    query = (
        select(
            DeliverableRow.id, CampaignRow.name, DeliverableRow.module, DeliverableRow.kind,
            DeliverableRow.title, DeliverableRow.platform, DeliverableRow.state,
            DeliverableRow.current_version, DeliverableRow.updated_by, DeliverableRow.updated_at,
        )
        .join(CampaignRow, CampaignRow.id == DeliverableRow.campaign_id)
        .where(text(f"({WAITING_SQL})"))
        .order_by(DeliverableRow.updated_at, DeliverableRow.id)
        .limit(max(1, int(limit)))
    )
    if after is not None:
        query = query.where(tuple_(DeliverableRow.updated_at, DeliverableRow.id) > tuple_(after.updated_at, after.id))
    with ws.reading() as session:
        rows = session.execute(query).all()
    return [
        QueueItem(id=row[0], campaign=row[1], module=row[2], kind=row[3], title=row[4], platform=row[5],
                  state="needs_review" if row[6] == "approved" else row[6], current_version=row[7],
                  updated_by=row[8], updated_at=row[9])
        for row in rows
    ]


def _module_order() -> list[str]:
    from ..modules import module_names

    return module_names()


def describe_versions(versions: list[Any]) -> list[tuple[str, int]]:
    """Dropdown options for a deliverable's versions, newest first."""
    return [
        (f"v{v.version} · {v.source} by {v.author} · {v.created_at:%Y-%m-%d %H:%M}", v.version)
        for v in reversed(versions)
    ]
