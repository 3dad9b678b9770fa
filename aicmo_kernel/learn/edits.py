"""Lessons from reviewers' edits: what changed between the generated draft and the approved text.

``diff_versions`` compares two texts by code (difflib over words and lines): words and lines
removed and added, the change in length, the change in the opening line (a post's hook), hashtags
dropped or added, and the brand's banned words that reviewers took out. ``edit_lessons`` runs it
for every deliverable of a campaign whose approved version differs from version 1 and adds the
figures up, so the learn module can say "reviewers shortened hooks by 30% on average" or "the
word 'synergy' was removed 3 times" with numbers that code computed.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict
from sqlalchemy import bindparam, select

from .plaintext import content_words, hashtags_in, markdown_to_text, opening_line, words

if TYPE_CHECKING:
    from ..store import Workspace
    from ..store.direct import Direct

__all__ = ["EditLessons", "VersionDiff", "diff_versions", "edit_lessons", "percent_change"]

# The learn module's own deliverables are not lessons about the campaign's writing.
_SKIPPED_MODULES = ("learn",)


@lru_cache(maxsize=2)
def _approved_rows(of_module: bool) -> Direct:
    """A campaign's approved deliverables (of one module), read on the driver as read-only rows."""
    from ..store.direct import Direct
    from ..store.models import DeliverableRow

    query = select(DeliverableRow).where(
        DeliverableRow.campaign_id == bindparam("campaign_id"),
        DeliverableRow.approved_version.is_not(None),
        DeliverableRow.module.not_in(_SKIPPED_MODULES),
    )
    if of_module:
        query = query.where(DeliverableRow.module == bindparam("module"))
    return Direct(query.order_by(DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id))


class VersionDiff(BaseModel):
    """How one text became another (counts are words of the plain text, hashtags apart)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    words_before: int
    words_after: int
    words_removed: int
    words_added: int
    lines_removed: int
    lines_added: int
    chars_before: int
    chars_after: int
    opening_words_before: int
    opening_words_after: int
    hashtags_removed: list[str]
    hashtags_added: list[str]
    banned_removed: dict[str, int]
    removed_words: dict[str, int]
    added_words: dict[str, int]
    similarity: float

    @property
    def changed(self) -> bool:
        return self.similarity < 1.0 or bool(self.hashtags_removed or self.hashtags_added)

    @property
    def length_change_pct(self) -> float:
        return percent_change(self.words_before, self.words_after)

    @property
    def opening_change_pct(self) -> float:
        return percent_change(self.opening_words_before, self.opening_words_after)


class EditedDeliverable(BaseModel):
    """One deliverable's generated-versus-approved diff, with where it came from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    deliverable_id: str
    module: str
    kind: str
    title: str
    platform: str | None
    from_version: int
    to_version: int
    diff: VersionDiff


class EditLessons(BaseModel):
    """Reviewers' edits across a campaign, item by item and added up."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    approved: int  # deliverables with an approved version
    edited: list[EditedDeliverable]

    @property
    def unedited(self) -> int:
        return self.approved - len(self.edited)

    def average_length_change_pct(self) -> float | None:
        changes = [item.diff.length_change_pct for item in self.edited if item.diff.words_before]
        return round(sum(changes) / len(changes), 1) if changes else None

    def hook_changes(self) -> list[EditedDeliverable]:
        """Edited platform posts whose opening line (the hook) changed length."""
        return [
            item for item in self.edited
            if item.platform and item.diff.opening_words_before
            and item.diff.opening_words_before != item.diff.opening_words_after
        ]

    def average_hook_change_pct(self) -> float | None:
        changes = [item.diff.opening_change_pct for item in self.hook_changes()]
        return round(sum(changes) / len(changes), 1) if changes else None

    def banned_removed(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for item in self.edited:
            total.update(item.diff.banned_removed)
        return total

    def removed_words(self, *, exclude: Iterable[str] = ()) -> Counter[str]:
        skip = {w.lower() for w in exclude}
        total: Counter[str] = Counter()
        for item in self.edited:
            total.update({w: n for w, n in item.diff.removed_words.items() if w not in skip})
        return total

    def hashtags_removed(self) -> Counter[str]:
        return Counter(tag for item in self.edited for tag in item.diff.hashtags_removed)


def percent_change(before: float, after: float) -> float:
    """Signed change in percent (-30.0 is 30% shorter); 0.0 when there was nothing before."""
    if not before:
        return 0.0
    return round((after - before) * 100.0 / before, 1)


def _count_phrase(text: str, phrase: str) -> int:
    phrase = phrase.strip()
    if not phrase:
        return 0
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE))


def _changed_spans(before: Sequence[str], after: Sequence[str]) -> tuple[int, int]:
    """Items removed from ``before`` and added in ``after`` by a minimal difflib alignment."""
    removed = added = 0
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            removed += a2 - a1
        if op in ("replace", "insert"):
            added += b2 - b1
    return removed, added


def diff_versions(
    before: str,
    after: str,
    *,
    before_hashtags: Iterable[str] = (),
    after_hashtags: Iterable[str] = (),
    banned_words: Iterable[str] = (),
) -> VersionDiff:
    """Compare two versions of a deliverable's Markdown (hashtag lists are the versions' own)."""
    text_a, text_b = markdown_to_text(before), markdown_to_text(after)
    words_a, words_b = words(text_a), words(text_b)
    lines_a = [line.strip() for line in text_a.splitlines() if line.strip()]
    lines_b = [line.strip() for line in text_b.splitlines() if line.strip()]
    words_removed, words_added = _changed_spans(words_a, words_b)
    lines_removed, lines_added = _changed_spans(lines_a, lines_b)
    tags_a = list(dict.fromkeys([*before_hashtags, *hashtags_in(text_a)]))
    tags_b = list(dict.fromkeys([*after_hashtags, *hashtags_in(text_b)]))
    lower_b = {t.lower() for t in tags_b}
    lower_a = {t.lower() for t in tags_a}
    banned: dict[str, int] = {}
    for word in dict.fromkeys(w.strip() for w in banned_words if w and w.strip()):
        gone = _count_phrase(text_a, word) - _count_phrase(text_b, word)
        if gone > 0:
            banned[word] = gone
    removed = Counter(content_words(text_a)) - Counter(content_words(text_b))
    added = Counter(content_words(text_b)) - Counter(content_words(text_a))
    similarity = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() if (words_a or words_b) else 1.0
    return VersionDiff(
        words_before=len(words_a),
        words_after=len(words_b),
        words_removed=words_removed,
        words_added=words_added,
        lines_removed=lines_removed,
        lines_added=lines_added,
        chars_before=len(before.strip()),
        chars_after=len(after.strip()),
        opening_words_before=len(words(opening_line(text_a))),
        opening_words_after=len(words(opening_line(text_b))),
        hashtags_removed=[t for t in tags_a if t.lower() not in lower_b],
        hashtags_added=[t for t in tags_b if t.lower() not in lower_a],
        banned_removed=banned,
        removed_words=dict(sorted(removed.items(), key=lambda kv: (-kv[1], kv[0]))[:20]),
        added_words=dict(sorted(added.items(), key=lambda kv: (-kv[1], kv[0]))[:20]),
        similarity=round(similarity, 4),
    )


def edit_lessons(ws: Workspace, campaign: str, *, module: str | None = None) -> EditLessons:
    """Generated (v1) versus approved text for every deliverable of ``campaign`` that has an
    approved version (superseded ones too: their edits are still lessons), in creation order."""
    from ..store.models import VersionRow
    from ..store.records import brand_record, find_campaign

    with ws.reading() as session:
        campaign_row = find_campaign(session, campaign)
        banned = list(brand_record(session, campaign_row.brand_id).banned_words or [])
        rows = _approved_rows(module is not None).rows(session, {"campaign_id": campaign_row.id, "module": module})
        edited: list[EditedDeliverable] = []
        for row in rows:
            assert row.approved_version is not None
            if row.approved_version == 1:
                continue
            versions = {
                v.version: v
                for v in session.scalars(
                    select(VersionRow).where(
                        VersionRow.deliverable_id == row.id, VersionRow.version.in_((1, row.approved_version))
                    )
                )
            }
            first, approved = versions.get(1), versions.get(row.approved_version)
            if first is None or approved is None:
                continue
            diff = diff_versions(
                first.content_markdown, approved.content_markdown,
                before_hashtags=first.hashtags or [], after_hashtags=approved.hashtags or [], banned_words=banned,
            )
            if not diff.changed:
                continue  # edited and then reset to the generated text: approved as generated
            edited.append(EditedDeliverable(
                deliverable_id=row.id, module=row.module, kind=row.kind, title=approved.title,
                platform=row.platform, from_version=1, to_version=approved.version, diff=diff,
            ))
        return EditLessons(approved=len(rows), edited=edited)
