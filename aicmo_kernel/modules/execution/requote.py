"""The execution module's ``requote`` hook: the calendar quotes creatives as they stand approved.

The content calendar and the UTM plan quote each creative when they are generated: its title (the
calendar's Asset column, the UTM plan's rows, each slot's ``title``) and its opening hook (the
first run's note, "lead with the asset's own hook, "..."."; « ... » in a French calendar). When a
creative is edited and the new version approved afterwards, the approved calendar still holds the
pre-edit words. Exports
(the client pack, ``aicmo export``, the scheduler files) ask this hook for the calendar as it reads
with today's approved creatives: every quote of an earlier version of a creative is replaced by
the approved version's, in the text and in the metadata. Nothing is stored, so the approved
calendar's own version (and its approval) stays as it was approved; only what it quotes follows.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product
from typing import Any

from ..phrasebook import SUPPORTED, quote
from .composer import approved_hook
from .documents import table_cell

__all__ = ["requote"]

_KINDS = {"content_calendar", "utm_plan"}


def _cells(text: str) -> set[str]:
    """How a title stands in the tables: as rendered now, and with its no-break spaces made plain
    (as calendars rendered before they were kept)."""
    return {table_cell(text), " ".join(str(text).split()).replace("|", "\\|")}


def _replacements(creative: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """``({old hook: new hook}, {old title: new title})`` from the creative's earlier versions."""
    meta = creative.get("metadata") or {}
    hook = approved_hook({"metadata": meta, "content_markdown": creative.get("content_markdown") or ""})
    title = str(creative.get("title") or "")
    hooks: dict[str, str] = {}
    titles: dict[str, str] = {}
    for version in creative.get("versions") or []:
        old_hook = approved_hook({"metadata": meta, "content_markdown": version.get("content_markdown") or ""})
        if old_hook and hook and old_hook != hook:
            hooks[old_hook] = hook
        old_title = str(version.get("title") or "")
        if old_title and title and old_title != title:
            titles[old_title] = title
    return hooks, titles


def requote(item: dict[str, Any], upstream: Callable[[str], list[dict[str, Any]]]) -> dict[str, Any] | None:
    """``item`` (kind, content_markdown, metadata of the approved version) with what it quotes
    from ``upstream("creatives")`` (each approved creative with its ``versions``) brought up to
    the approved versions; None when the item quotes nothing or nothing changed."""
    if item.get("kind") not in _KINDS:
        return None
    content = str(item.get("content_markdown") or "")
    metadata = dict(item.get("metadata") or {})
    changed = False
    for creative in upstream("creatives"):
        hooks, titles = _replacements(creative)
        for (old, new), lang in product(hooks.items(), SUPPORTED):  # quoted as the notes' language quotes
            before, after = quote(lang, old), quote(lang, new)
            if before in content:
                content, changed = content.replace(before, after), True
            notes = metadata.get("slot_notes")
            if isinstance(notes, dict):
                for slot_id, note in notes.items():
                    if isinstance(note, dict) and before in str(note.get("angle") or ""):
                        notes = {**notes, slot_id: {**note, "angle": str(note["angle"]).replace(before, after)}}
                        changed = True
                metadata["slot_notes"] = notes
        for old, new in titles.items():
            for cell in _cells(old):
                if f"| {cell} |" in content:
                    content, changed = content.replace(f"| {cell} |", f"| {table_cell(new)} |"), True
            for key in ("calendar", "links"):
                entries = metadata.get(key)
                if isinstance(entries, list):
                    renamed = [{**e, "title": new} if isinstance(e, dict) and e.get("asset_id") == creative.get("id")
                               and e.get("title") == old else e for e in entries]  # fmt: skip
                    if renamed != entries:
                        metadata[key], changed = renamed, True
    return {"content_markdown": content, "metadata": metadata} if changed else None
