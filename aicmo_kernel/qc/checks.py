"""Platform limits and placeholders.

Platform limits apply to the post text, which for a platform asset is the deliverable's whole
``content_markdown``. Lengths are counted in characters as the platforms show them to a writer
(X's own weighting of links and emoji is not modelled; the 280 limit is applied to the text).
They are keyed on the platform, whatever the kind, since the platform is what enforces them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..platforms import CHARACTER_LIMITS, EMAIL_SUBJECT_MAX, HASHTAG_LIMITS, platform_name
from ..schemas import find_placeholders
from . import QCContext, QCIssue, register_check
from ._text import URL, brand_list, posted_hashtags, remove_hashtags, text_hashtags

__all__ = [
    "EMAIL_SUBJECT_LIMIT",
    "INSTAGRAM_HASHTAG_LIMIT",
    "PLATFORM_LIMITS",
    "keep_first_hashtags",
    "trim_at_word",
    "trim_keeping",
]

# The limits are the platform table's (aicmo_kernel.platforms), the ones the composers and the
# editor's counter use too; these names stay for the checks and their callers.
PLATFORM_LIMITS = CHARACTER_LIMITS
INSTAGRAM_HASHTAG_LIMIT = HASHTAG_LIMITS["instagram"]
EMAIL_SUBJECT_LIMIT = EMAIL_SUBJECT_MAX
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


def trim_keeping(text: str, limit: int, keep: list[str]) -> str:
    """``trim_at_word``, unless that would cut one of the passages in ``keep`` (the brand's
    required disclaimers) found in ``text``: then those passages are taken out, the rest is trimmed
    to the room left, and they are put back at the end, each on a line of its own. Plain
    ``trim_at_word`` when they leave too little room for the post."""
    trimmed = trim_at_word(text, limit)
    patterns = [re.compile(r"\s+".join(map(re.escape, passage.split())), re.IGNORECASE) for passage in keep]
    found = [pattern for pattern in patterns if pattern.search(text)]
    if all(pattern.search(trimmed) for pattern in found):
        return trimmed
    body, kept = text.strip(), []
    for pattern in found:
        match = pattern.search(body)
        if match:
            kept.append(match.group(0))
            body = body[: match.start()].rstrip(" \t") + " " + body[match.end():].lstrip(" \t")
    body = re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", body).strip()  # no blank run where a passage was
    tail = "\n".join(kept)
    room = limit - len(tail) - 1  # one newline before the kept passages
    if room < limit // 4:
        return trimmed
    return f"{trim_at_word(body, room)}\n{tail}"


def link_sentence(text: str) -> str | None:
    """The sentence (or line) holding the text's last link: usually the call to action."""
    links = list(URL.finditer(text))
    if not links:
        return None
    link = links[-1]
    start = max(text.rfind(". ", 0, link.start()) + 2, text.rfind("\n", 0, link.start()) + 1, 0)
    end = text.find("\n", link.end())
    return text[start: end if end >= 0 else len(text)].strip() or None


def _thread_posts(text: str) -> list[str]:
    # A thread is written as posts separated by blank lines or "---" rules.
    parts = re.split(r"\n\s*(?:---+\s*\n|\n)", text)
    return [part.strip() for part in parts if part.strip()]


@register_check(
    "platform_length",
    summary="post text within the platform's character limit",
    description="Post text within the platform's character limit (X 280 per post, thread posts "
    "included; LinkedIn 3,000; Instagram 2,200); an X post is trimmed at a word boundary",
    severity="blocker",
    has_fix=True,
    applies_to="X, LinkedIn and Instagram posts",
)
def platform_length(ctx: QCContext) -> Iterator[QCIssue]:
    limit = PLATFORM_LIMITS.get(ctx.platform or "")
    if limit is None:
        return
    name = platform_name(ctx.platform)
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
    fix = None
    if ctx.platform == "x":  # keep the call to action and the required disclaimers, cut the prose
        keep = [passage for passage in (link_sentence(text), *brand_list(ctx.brand, "disclaimers")) if passage]
        fix = trim_keeping(text, limit, keep)
    yield QCIssue(
        check_id="platform_length",
        severity="blocker",
        message=f"This {name} post is {len(text):,} characters; {name} allows {limit:,}. "
        f"Cut {len(text) - limit:,} characters"
        + (" (an automatic trim at a word boundary is offered)." if fix else "."),
        fix=fix,
    )


@register_check(
    "instagram_hashtags",
    summary="at most 30 hashtags on an Instagram post",
    description="At most 30 hashtags on an Instagram post (Instagram refuses more); the fix "
    "keeps the first 30",
    severity="blocker",
    has_fix=True,
    applies_to="Instagram posts",
)
def instagram_hashtags(ctx: QCContext) -> Iterator[QCIssue]:
    if ctx.platform != "instagram":
        return
    tags = posted_hashtags(ctx)
    if len(tags) > INSTAGRAM_HASHTAG_LIMIT:
        yield QCIssue(
            check_id="instagram_hashtags",
            severity="blocker",
            message=f"This Instagram post has {len(tags)} hashtags; Instagram allows "
            f"{INSTAGRAM_HASHTAG_LIMIT}. Remove {len(tags) - INSTAGRAM_HASHTAG_LIMIT}"
            + (" (the fix keeps the first 30)." if text_hashtags(ctx.content_markdown) else "."),
            fix=keep_first_hashtags(ctx.content_markdown, INSTAGRAM_HASHTAG_LIMIT),
        )


def keep_first_hashtags(text: str, limit: int) -> str | None:
    """``text`` with only its first ``limit`` distinct hashtags (None when it has none to cut)."""
    if not text_hashtags(text):
        return None
    kept: set[str] = set()

    def drop(tag: str, _index: int) -> bool:
        key = tag.lower()
        if key in kept:
            return False  # a repeat of a kept tag costs nothing more
        if len(kept) < limit:
            kept.add(key)
            return False
        return True

    return remove_hashtags(text, drop)


@register_check(
    "email_subject_length",
    summary="an email subject short enough to show in full",
    description=f"Email subject short enough to show in full (at most {EMAIL_SUBJECT_LIMIT} "
    "characters)",
    severity="major",
    applies_to="emails",
)
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


@register_check(
    "placeholders",
    summary="no placeholder or stub text left in",
    description="No placeholder or stub text left in ([Brand Name], TBD, TODO, lorem ipsum, "
    "{{...}}, [insert ...]), in the text or the email subject",
    severity="blocker",
)
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
