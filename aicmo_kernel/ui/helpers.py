"""Plain kernel functions the widgets need and the kernel does not offer (yet).

Each is usable without widgets (tests, CLI) and may move into the kernel later: the review
queue's pages, counts and single items (light queries, no content), QC of a deliverable's text
with its brand, the character counter, the sanitised preview, version diffs and download links.
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
    "waiting_counts",
    "waiting_item",
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
    position: int = 0  # within its generation: the keyset's tie-break among items generated together

    @property
    def label(self) -> str:
        state = self.state.replace("_", " ")
        return f"{self.campaign} · {self.module} · {self.title} [{state}, v{self.current_version}]"


def _item_columns() -> list[Any]:
    from ..store.models import CampaignRow, DeliverableRow

    return [DeliverableRow.id, CampaignRow.name, DeliverableRow.module, DeliverableRow.kind,
            DeliverableRow.title, DeliverableRow.platform, DeliverableRow.state,
            DeliverableRow.current_version, DeliverableRow.updated_by, DeliverableRow.updated_at,
            DeliverableRow.position]


def _queue_item(row: Any) -> QueueItem:
    # A waiting row in state "approved" is one flagged needs_review (see WAITING_SQL).
    return QueueItem(id=row[0], campaign=row[1], module=row[2], kind=row[3], title=row[4], platform=row[5],
                     state="needs_review" if row[6] == "approved" else row[6], current_version=row[7],
                     updated_by=row[8], updated_at=row[9], position=row[10])


def _waiting_select(*columns: Any, campaign: str | None = None, module: str | None = None,
                    state: str | None = None) -> Any:
    """SELECT ``columns`` over the waiting rows joined to their campaign, narrowed by the filters.

    The predicate is ``WAITING_SQL`` verbatim, so the planner can use the partial index
    ``ix_deliverables_waiting``."""
    from sqlalchemy import select, text

    from ..store.models import WAITING_SQL, CampaignRow, DeliverableRow

    query = (select(*columns).join(CampaignRow, CampaignRow.id == DeliverableRow.campaign_id)
             .where(text(f"({WAITING_SQL})")))
    if campaign is not None:
        query = query.where(CampaignRow.name == campaign)
    if module is not None:
        query = query.where(DeliverableRow.module == module)
    if state is not None:
        query = query.where(DeliverableRow.state == ("approved" if state == "needs_review" else state))
    return query


def waiting_items(ws: Workspace) -> list[QueueItem]:
    """Everything waiting for a reviewer across campaigns and modules, in one query.

    Drafts, revised versions, items sent back, and approved items flagged ``needs_review``;
    ordered by campaign, module order, then as generated. Reads every waiting row, so it grows
    with the workspace: the review queue pages with ``waiting_page`` and counts with
    ``waiting_counts`` instead (this listing remains the benchmark's baseline)."""
    from ..store.models import CampaignRow, DeliverableRow

    query = _waiting_select(*_item_columns()).order_by(
        CampaignRow.name, DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id)
    with ws.reading() as session:
        items = [_queue_item(row) for row in session.execute(query).all()]
    order = {name: index for index, name in enumerate(_module_order())}
    items.sort(key=lambda item: (item.campaign, order.get(item.module, 99)))  # stable: keeps SQL order
    return items


def waiting_page(
    ws: Workspace, *, limit: int = 50, after: QueueItem | None = None, offset: int = 0,
    campaign: str | None = None, module: str | None = None, state: str | None = None,
) -> list[QueueItem]:
    """One page of the queue, longest-waiting first (oldest ``updated_at``), after ``after``.

    ``campaign`` (a name), ``module`` and ``state`` (a ``QUEUE_STATES`` value) narrow it in SQL.
    The query repeats the predicate of the partial index ``ix_deliverables_waiting`` verbatim and
    orders by its columns (``position`` only breaks ties among items generated together), so a
    page costs the same at 1,000 deliverables as at 100,000. Page on with ``after`` (keyset: no
    OFFSET that grows with the page number); ``offset`` serves a jump to a page with no known
    predecessor, and costs an index walk of that many rows."""
    from sqlalchemy import tuple_

    from ..store.models import DeliverableRow

    order = (DeliverableRow.updated_at, DeliverableRow.position, DeliverableRow.id)
    query = (_waiting_select(*_item_columns(), campaign=campaign, module=module, state=state)
             .order_by(*order).limit(max(1, int(limit))))
    if after is not None:
        query = query.where(tuple_(*order) > tuple_(after.updated_at, after.position, after.id))
    if offset > 0:
        query = query.offset(int(offset))
    with ws.reading() as session:
        return [_queue_item(row) for row in session.execute(query).all()]


def waiting_counts(ws: Workspace) -> dict[tuple[str, str, str], int]:
    """How many items wait, per (campaign name, module, state), for every combination that has any.

    Read from the counts the database keeps (``store.queue_counts``, migration 0005), so it costs
    as many rows as there are combinations (a few per campaign), not one per waiting item. What
    the filters show is ``store.queue_counts.filter_counts``, which the database sums."""
    from ..store.queue_counts import waiting_counts as stored_counts

    return stored_counts(ws)


def waiting_item(ws: Workspace, deliverable_id: str) -> QueueItem | None:
    """One deliverable as the queue lists it; None when it does not wait for a reviewer."""
    from ..store.models import DeliverableRow

    query = _waiting_select(*_item_columns()).where(DeliverableRow.id == deliverable_id)
    with ws.reading() as session:
        row = session.execute(query).first()
    return None if row is None else _queue_item(row)


def _module_order() -> list[str]:
    from ..modules import module_names

    return module_names()


def describe_versions(versions: list[Any]) -> list[tuple[str, int]]:
    """Dropdown options for a deliverable's versions, newest first."""
    return [
        (f"v{v.version} · {v.source} by {v.author} · {v.created_at:%Y-%m-%d %H:%M}", v.version)
        for v in reversed(versions)
    ]
