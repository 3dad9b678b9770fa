"""What every export format renders: a document of approved items, read from the workspace.

``ExportItem`` is one deliverable at its approved version (content, version, approver, time,
charts); ``ExportDocument`` is the whole thing a writer turns into bytes (brand, campaign,
branding, optional executive summary and pre-flight checklist, the items, what was left out).
Writers never read the workspace themselves, so each format renders the same document.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .branding import Branding

if TYPE_CHECKING:
    from ..store import Workspace
    from ..store.views import DeliverableView

__all__ = [
    "FRAME_WORDS",
    "ExportDocument",
    "ExportItem",
    "approval_of",
    "charts_of",
    "collect_approved",
    "count_line",
    "demote_headings",
    "full_markdown",
    "OFFLINE_LABEL",
    "item_summary",
    "left_out_reason",
    "left_out_sentence",
    "load_item",
    "load_items",
]

_CHART_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class ExportItem:
    id: str
    module: str
    kind: str
    title: str
    version: int
    content_markdown: str
    platform: str | None = None
    hashtags: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    assets: dict[str, Any] = field(default_factory=dict)
    approved_by: str | None = None
    approved_at: str | None = None
    # The client's own approval of the same version (a campaign with the client stage).
    client_approved_by: str | None = None
    client_approved_at: str | None = None
    # Approved inside the agency, waiting for the client's own approval (the client stage is on).
    client_waiting: bool = False
    # "offline" when the approved text is the offline composer's, unedited: no model wrote it, and
    # the client pack says so (``OFFLINE_LABEL``) and the pre-flight warns.
    drafted_by: str | None = None

    @property
    def full_markdown(self) -> str:
        """The approved text with the structured fields it does not show itself, so every format
        exports them: an email's subject and preheader, a carousel's slides, a thread's posts and a
        video's scenes (each only when the text lacks it)."""
        return full_markdown(self.content_markdown, self.metadata)

    @property
    def charts(self) -> dict[str, tuple[str, bytes]]:
        return charts_of(self.assets)

    def as_dict(self, *, with_content: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "module": self.module, "kind": self.kind, "title": self.title,
            "version": self.version, "platform": self.platform, "hashtags": list(self.hashtags),
            "approved_by": self.approved_by, "approved_at": self.approved_at,
            "client_approved_by": self.client_approved_by, "client_approved_at": self.client_approved_at,
            "client_waiting": self.client_waiting, "drafted_by": self.drafted_by,
        }
        if with_content:
            data.update(metadata=self.metadata, assets=self.assets, content_markdown=self.content_markdown)
        return data


# The writers' own words around the approved texts (headings, the checklist, the count line), and
# the modules' titles. A client pack in another language carries them translated in its approved
# executive summary's metadata (``words``, written by the delivery module, which reads the
# catalogues this layer cannot); anything missing stays English.
FRAME_WORDS = (
    "Pre-flight checklist", "Check", "Result", "Details", "PASS", "FAIL", "WARNING", "Contents",
    "Executive summary", "Prepared by {agency}",
    "{count} approved deliverable · generated {date}", "{count} approved deliverables · generated {date}",
    "{count} approved deliverable, after the executive summary · generated {date}",
    "{count} approved deliverables, after the executive summary · generated {date}",
    "version {version}", "platform: {platform}", "approved by {who} on {date}",
    "approved by the client ({who}) on {date}", "waiting for the client's approval",
    "drafted by the offline composer, no language model wrote it",
)


@dataclass
class ExportDocument:
    brand: str
    campaign: str
    title: str
    generated_at: str
    items: list[ExportItem]
    branding: Branding = field(default_factory=Branding)
    executive_summary: ExportItem | None = None
    checklist: list[dict[str, Any]] | None = None
    left_out: list[dict[str, Any]] = field(default_factory=list)
    module: str | None = None
    words: dict[str, str] = field(default_factory=dict)  # English frame word -> the pack's language
    language: str = "en"

    def word(self, english: str, **values: Any) -> str:
        """One of ``FRAME_WORDS`` (or a module's title) in the document's language, filled in."""
        return str(self.words.get(english) or english).format(**values)

    def counted(self, count: int, one: str, many: str, **values: Any) -> str:
        """A counted noun of ``FRAME_WORDS`` in the document's language, never "deliverable(s)":
        ``one`` for the singular, ``many`` otherwise, by the rule of ``phrasebook.singular`` (which
        this layer cannot import): 1 takes the singular, and 0 too in French."""
        singular = count == 1 or (self.language == "fr" and count == 0)
        return self.word(one if singular else many, count=count, **values)


def charts_of(assets: dict[str, Any] | None) -> dict[str, tuple[str, bytes]]:
    """Chart name -> (title, PNG bytes) from ``assets["charts"]``, drawn now when the report
    stored only which charts it has (``analytics.charts.stored_charts``); anything that is not a
    well-formed PNG with a simple name is ignored rather than trusted."""
    from ..analytics.charts import stored_charts

    found: dict[str, tuple[str, bytes]] = {}
    for chart in stored_charts(assets):
        if not isinstance(chart, dict):
            continue
        name, data = str(chart.get("name") or ""), chart.get("png_base64")
        if not _CHART_NAME.match(name) or not isinstance(data, str):
            continue
        try:
            png = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            continue
        if png.startswith(_PNG_SIGNATURE):
            found[name] = (str(chart.get("title") or name), png)
    return found


def item_summary(view: DeliverableView) -> dict[str, Any]:
    """How a deliverable is named in refusals and 'left out' lists."""
    state = "needs_review" if view.needs_review else view.state
    return {"id": view.id, "module": view.module, "kind": view.kind, "title": view.title, "state": state}


def left_out_reason(summary: dict[str, Any]) -> str:
    """Why an ``item_summary`` is not in an export, and what would put it in."""
    state = str(summary.get("state") or "")
    if state == "approved":
        return "approved, but not in the delivery selection (generate the delivery module again to include it)"
    if state == "needs_review":
        return "flagged for review (approve it again to include it)"
    return f"not approved ({state.replace('_', ' ') or 'no state'})"


def left_out_sentence(left_out: list[dict[str, Any]]) -> str | None:
    """What a document says of the deliverables it leaves out: counts by reason, never their
    titles (a client pack does not advertise unapproved work)."""
    approved = sum(1 for summary in left_out if summary.get("state") == "approved")
    parts = []
    if len(left_out) > approved:
        parts.append(f"{_deliverables(len(left_out) - approved)} of the campaign not approved yet")
    if approved:
        parts.append(f"{_deliverables(approved, 'approved ')} not in the delivery selection")
    return f"Not included: {' and '.join(parts)}." if parts else None


def _deliverables(count: int, kind: str = "") -> str:
    """ "1 deliverable", "2 approved deliverables": this sentence is English, and says no "(s)"."""
    return f"{count} {kind}deliverable{'' if count == 1 else 's'}"


# The count line's words before it was counted (a pack approved then carries only these).
_COUNT_LINE_BEFORE = {
    "{count} approved deliverable · generated {date}": "{count} approved deliverable(s) · generated {date}",
    "{count} approved deliverables · generated {date}": "{count} approved deliverable(s) · generated {date}",
    "{count} approved deliverable, after the executive summary · generated {date}":
        "{count} approved deliverable(s), after the executive summary · generated {date}",
    "{count} approved deliverables, after the executive summary · generated {date}":
        "{count} approved deliverable(s), after the executive summary · generated {date}",
}


def count_line(doc: ExportDocument) -> str:
    """The count every format puts under the title, worded as the pack's README words it: "1
    approved deliverable", "12 approved deliverables" (``ExportDocument.counted``)."""
    tail = ", after the executive summary · generated {date}" if doc.executive_summary is not None else " · generated {date}"
    one, many = "{count} approved deliverable" + tail, "{count} approved deliverables" + tail
    if doc.words and one not in doc.words and _COUNT_LINE_BEFORE[one] in doc.words:
        # a pack whose summary was approved before: its translated line counts without a noun to agree
        return doc.word(_COUNT_LINE_BEFORE[one], count=len(doc.items), date=doc.generated_at[:10])
    return doc.counted(len(doc.items), one, many, date=doc.generated_at[:10])


def approval_of(ws: Workspace, deliverable_id: str, version: int,
                action: str = "approve") -> tuple[str | None, str | None]:
    """Who approved ``version`` and when (ISO time), from the review events (``client_approve``:
    the client's approval)."""
    return _approval(ws.list_review_events(deliverable_id), version, action)


def _approval(events: Sequence[Any], version: int, action: str = "approve") -> tuple[str | None, str | None]:
    events = [e for e in events if e.action == action and e.version == version]
    if not events:
        return None, None
    last = events[-1]
    who = last.actor if not last.by_policy else f"{last.actor} (policy {last.by_policy})"
    return who, last.at.isoformat()


CLIENT_WAITING_LABEL = "waiting for the client's approval"
OFFLINE_LABEL = "drafted by the offline composer, no language model wrote it"


def _drafted_by(version: Any, provider: str | None) -> str | None:
    """'offline' when the version is the offline composer's own text (generated, not edited);
    ``provider``: of the run that generated it (None: a missing run leaves the item unlabelled)."""
    if getattr(version, "source", "generated") != "generated":
        return None  # a person edited it (or reset it to an edit)
    return "offline" if provider == "offline" else None


Upstream = Callable[[str], list[dict[str, Any]]]


def _upstream_versions(ws: Workspace, campaign: str) -> Upstream:
    """``upstream(module)``: that module's approved deliverables, each with every version; each
    module read once (one session, two queries) however many items quote it."""
    loaded: dict[str, list[dict[str, Any]]] = {}

    def load(module: str) -> list[dict[str, Any]]:
        if module not in loaded:
            loaded[module] = _read_upstream(ws, campaign, module)
        return loaded[module]
    return load


def _read_upstream(ws: Workspace, campaign: str, module: str) -> list[dict[str, Any]]:
    from ..store.records import find_campaign

    approved_rows, versions_of, _, _ = _statements()
    items = []
    with ws.reading() as session:
        rows = approved_rows.rows(session, {"campaign_id": find_campaign(session, campaign).id, "module": module})
        versions: dict[str, list[Any]] = {row.id: [] for row in rows}
        if rows:
            for version in versions_of.rows(session, {"ids": list(versions)}):
                versions[version.deliverable_id].append(version)
        for up in rows:
            approved = next((v for v in versions[up.id] if v.version == up.approved_version), None)
            if approved is None:
                continue
            items.append({"id": up.id, "kind": up.kind, "title": approved.title, "metadata": dict(up.meta or {}),
                          "content_markdown": approved.content_markdown,
                          "versions": [{"version": v.version, "title": v.title, "content_markdown": v.content_markdown}
                                       for v in versions[up.id]]})  # fmt: skip
    return items


def requoted(ws: Workspace, view: DeliverableView, content: str, metadata: dict[str, Any], *,
             upstream: Upstream | None = None) -> tuple[str, dict[str, Any]]:
    """``content`` and ``metadata`` with what the deliverable quotes from upstream brought up to
    upstream's approved versions, by its module's ``requote`` hook (the execution calendar quotes
    each creative's hook and title: an edit approved after the calendar shows in every export).
    ``upstream``: a reader shared by several items of the campaign (``load_items``)."""
    from ..registry import load_spec

    try:
        hook = getattr(load_spec(view.module), "requote", None)
    except Exception:  # noqa: BLE001 - a plugin since uninstalled: export the text as approved
        return content, metadata
    if hook is None:
        return content, metadata
    result = hook({"kind": view.kind, "content_markdown": content, "metadata": metadata},
                  upstream or _upstream_versions(ws, view.campaign))
    return (result["content_markdown"], result["metadata"]) if result else (content, metadata)


def load_item(ws: Workspace, view: DeliverableView) -> ExportItem:
    """The deliverable at its approved version (the caller has checked that there is one), quoting
    upstream as it stands approved (``requoted``)."""
    return load_items(ws, [view])[0]


def load_items(ws: Workspace, views: Sequence[DeliverableView]) -> list[ExportItem]:
    """``load_item`` for each of ``views``, their versions, review events and runs read in one
    session instead of four per item (the pre-flight loads every approved deliverable)."""
    from ..errors import NotFoundError
    from ..store.views import review_event_view, version_view

    _, versions_of, events_of, providers_of = _statements()
    versions: dict[tuple[str, int], Any] = {}
    events: dict[str, list[Any]] = {view.id: [] for view in views}
    providers: dict[str, str] = {}
    with ws.reading() as session:
        for start in range(0, len(views), 400):  # well under any backend's limit on bound parameters
            ids = [view.id for view in views[start:start + 400]]
            for row in versions_of.rows(session, {"ids": ids}):
                versions[(row.deliverable_id, row.version)] = version_view(row)
            for row in events_of.rows(session, {"ids": ids}):
                events[row.deliverable_id].append(review_event_view(row))
            runs = sorted({view.run_id for view in views[start:start + 400]} - {None})
            for run_id, provider in providers_of.rows(session, {"ids": runs}) if runs else ():
                providers[run_id] = provider
    items = []
    upstream_of: dict[str, Upstream] = {}
    for view in views:
        assert view.approved_version is not None
        version = versions.get((view.id, view.approved_version))
        if version is None:
            raise NotFoundError(f"Deliverable {view.id!r} has no version {view.approved_version}", field="version")
        upstream = upstream_of.setdefault(view.campaign, _upstream_versions(ws, view.campaign))
        items.append(_item(ws, view, version, events[view.id], providers.get(view.run_id), upstream))
    return items


def _item(ws: Workspace, view: DeliverableView, version: Any, events: list[Any], provider: str | None,
          upstream: Upstream) -> ExportItem:
    assert view.approved_version is not None
    content, metadata = requoted(ws, view, version.content_markdown, dict(view.metadata), upstream=upstream)
    approved_by, approved_at = _approval(events, view.approved_version)
    client_by, client_at = (_approval(events, view.approved_version, "client_approve")
                            if view.client_state == "approved" else (None, None))
    return ExportItem(
        drafted_by=_drafted_by(version, provider),
        id=view.id, module=view.module, kind=view.kind, title=version.title or view.title,
        version=view.approved_version, content_markdown=content,
        platform=view.platform, hashtags=tuple(version.hashtags or view.hashtags or ()),
        metadata=metadata, assets=dict(view.assets),
        approved_by=approved_by, approved_at=approved_at, client_approved_by=client_by, client_approved_at=client_at,
        client_waiting=view.client_state == "waiting",
    )


def collect_approved(ws: Workspace, campaign: str, module: str | None = None) -> tuple[list[dict], list[dict]]:
    """Approved items (with the approved version's content) and the items left out, in module order."""
    from ..registry import module_info

    name = module_info(module).name if module else None
    included: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    for view in ws.list_deliverables(campaign=campaign, module=name):
        if view.state != "approved" or view.approved_version is None:
            left_out.append(item_summary(view))
            continue
        included.append({**load_item(ws, view).as_dict(), "state": view.state})
    return included, left_out


def demote_headings(markdown: str, levels: int) -> str:
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


def _shows(content: str, text: str) -> bool:
    return " ".join(text.split()).lower() in " ".join(content.split()).lower()


def full_markdown(content: str, metadata: dict[str, Any] | None) -> str:
    """``content`` plus the structured fields of ``metadata`` it does not already show."""
    meta = metadata or {}
    head: list[str] = []
    for key, label in (("subject", "Subject"), ("preheader", "Preheader")):
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and not _shows(content, value):
            head.append(f"**{label}:** {value.strip()}")
    tail: list[str] = []
    slides = [s for s in meta.get("slides") or [] if isinstance(s, dict)]
    if slides and not all(_shows(content, str(s.get("heading") or "")) for s in slides):
        rows = [f"{n}. **{str(s.get('heading') or '').strip()}**" + (f" {str(s.get('text')).strip()}" if s.get("text") else "")
                for n, s in enumerate(slides, 1)]  # fmt: skip
        tail.append("## Slides\n\n" + "\n".join(rows))
    posts = [p for p in meta.get("posts") or [] if isinstance(p, str) and p.strip()]
    if posts and not all(_shows(content, p) for p in posts):
        tail.append("## Thread posts\n\n" + "\n\n".join(p.strip() for p in posts))
    scenes = [s for s in meta.get("scenes") or [] if isinstance(s, dict)]
    if scenes and not all(_shows(content, str(s.get("visual") or "")) for s in scenes):
        rows = [f"{n}. **Visual:** {str(s.get('visual') or '').strip()}"
                + (f"\n   **Voiceover:** {str(s.get('voiceover')).strip()}" if s.get("voiceover") else "")
                for n, s in enumerate(scenes, 1)]  # fmt: skip
        tail.append("## Scenes\n\n" + "\n".join(rows))
    if not head and not tail:
        return content
    return "\n\n".join(["\n\n".join(head)] * bool(head) + [content.strip()] + tail)


@lru_cache(maxsize=1)
def _statements() -> tuple[Any, Any, Any, Any]:
    """The reads of exports and the delivery pre-flight (every approved deliverable of a campaign,
    with its versions, review events and run), run on the driver as read-only rows; built on first
    use so that importing this module loads no models."""
    from sqlalchemy import bindparam, select

    from ..store.direct import Direct
    from ..store.models import DeliverableRow, ReviewEventRow, RunRow, VersionRow

    ids = bindparam("ids", expanding=True)
    approved = (select(DeliverableRow)
                .where(DeliverableRow.campaign_id == bindparam("campaign_id"),
                       DeliverableRow.module == bindparam("module"), DeliverableRow.state == "approved",
                       DeliverableRow.approved_version.is_not(None))
                .order_by(DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id))
    versions = (select(VersionRow).where(VersionRow.deliverable_id.in_(ids))
                .order_by(VersionRow.deliverable_id, VersionRow.version))
    events = select(ReviewEventRow).where(ReviewEventRow.deliverable_id.in_(ids)).order_by(ReviewEventRow.id)
    providers = select(RunRow.id, RunRow.provider).where(RunRow.id.in_(ids))
    return Direct(approved), Direct(versions), Direct(events), Direct(providers)
