"""The built-in QC checks: platform limits and placeholders.

Platform limits apply to the post text, which for a platform asset is the deliverable's whole
``content_markdown``. Lengths are counted in characters as the platforms show them to a writer
(X's own weighting of links and emoji is not modelled; the 280 limit is applied to the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..schemas import find_placeholders
from . import QCContext, QCIssue, register_check

__all__ = ["EMAIL_SUBJECT_LIMIT", "PLATFORM_LIMITS", "trim_at_word", "INSTAGRAM_HASHTAG_LIMIT"]

PLATFORM_LIMITS = {"x": 280, "linkedin": 3_000, "instagram": 2_200}
PLATFORM_NAMES = {"x": "X (Twitter)", "linkedin": "LinkedIn", "instagram": "Instagram"}
INSTAGRAM_HASHTAG_LIMIT = 30
EMAIL_SUBJECT_LIMIT = 78
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_ELLIPSIS = "…"


def trim_at_word(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary so that it, plus an ellipsis, fits in ``limit``."""
    text = text.strip()
    if len(text) <= limit:
        return text
    room = limit - len(_ELLIPSIS)
    cut = text[: room + 1]
    boundary = max(cut.rfind(" "), cut.rfind("\n"))
    kept = cut[:boundary] if boundary > room // 2 else text[:room]
    return kept.rstrip(" \n\t,;:-—") + _ELLIPSIS


def _thread_posts(text: str) -> list[str]:
    # A thread is written as posts separated by blank lines or "---" rules.
    parts = re.split(r"\n\s*(?:---+\s*\n|\n)", text)
    return [part.strip() for part in parts if part.strip()]


@register_check("platform_length", description="Post text within the platform's character limit")
def platform_length(ctx: QCContext) -> Iterator[QCIssue]:
    limit = PLATFORM_LIMITS.get(ctx.platform or "")
    if limit is None:
        return
    name = PLATFORM_NAMES[ctx.platform or ""]
    text = ctx.content_markdown.strip()
    if ctx.platform == "x" and "thread" in ctx.kind.lower():
        for number, post in enumerate(_thread_posts(text), start=1):
            if len(post) > limit:
                yield QCIssue(
                    check_id="platform_length",
                    severity="blocker",
                    message=f"Post {number} of this thread is {len(post):,} characters; {name} allows "
                    f"{limit:,}. Shorten it or split it into two posts.",
                )
        return
    if len(text) <= limit:
        return
    fix = trim_at_word(text, limit) if ctx.platform == "x" else None
    yield QCIssue(
        check_id="platform_length",
        severity="blocker",
        message=f"This {name} post is {len(text):,} characters; {name} allows {limit:,}. "
        f"Cut {len(text) - limit:,} characters"
        + (" (an automatic trim at a word boundary is offered)." if fix else "."),
        fix=fix,
    )


@register_check("instagram_hashtags", description="At most 30 hashtags on an Instagram post")
def instagram_hashtags(ctx: QCContext) -> Iterator[QCIssue]:
    if ctx.platform != "instagram":
        return
    tags = {tag.lstrip("#").lower() for tag in ctx.hashtags if tag.strip("# ")}
    tags |= {tag.lower() for tag in _HASHTAG.findall(ctx.content_markdown)}
    if len(tags) > INSTAGRAM_HASHTAG_LIMIT:
        yield QCIssue(
            check_id="instagram_hashtags",
            severity="blocker",
            message=f"This Instagram post has {len(tags)} hashtags; Instagram allows "
            f"{INSTAGRAM_HASHTAG_LIMIT}. Remove {len(tags) - INSTAGRAM_HASHTAG_LIMIT}.",
        )


@register_check("email_subject_length", description="Email subject short enough to show in full")
def email_subject_length(ctx: QCContext) -> Iterator[QCIssue]:
    if not ctx.is_email:
        return
    subject = str(ctx.metadata.get("subject") or "").strip()
    if len(subject) > EMAIL_SUBJECT_LIMIT:
        yield QCIssue(
            check_id="email_subject_length",
            severity="major",
            message=f"The email subject is {len(subject)} characters; most inboxes cut it after about "
            f"{EMAIL_SUBJECT_LIMIT}. Shorten it so the whole subject is seen.",
        )


@register_check("placeholders", description="No placeholder or stub text left in")
def placeholders(ctx: QCContext) -> Iterator[QCIssue]:
    found = find_placeholders(ctx.content_markdown)
    subject = str(ctx.metadata.get("subject") or "")
    found += [name for name in find_placeholders(subject) if name not in found]
    if found:
        yield QCIssue(
            check_id="placeholders",
            severity="blocker",
            message="The text still has placeholder text that must be replaced before it goes out: "
            + ", ".join(found),
        )
