"""Hashtag rules: a well-formed tag, not too many for the platform, none that add nothing.

The hashtags counted are the ones that will be posted (``_text.posted_hashtags``). Instagram's
hard limit of 30 is a platform limit and lives with the others in ``checks.py``; the counts here
are what works on each platform, so they advise rather than block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..platforms import platform_name
from . import QCContext, QCIssue, register_check
from ._text import HASHTAG, brand_text, posted_hashtags, remove_hashtags, text_hashtags
from .checks import keep_first_hashtags
from .kinds import POSTING_PLATFORMS, is_copy

__all__ = ["GENERIC_HASHTAGS", "HASHTAG_ADVICE", "normalise_hashtag"]

# Tags so broad that nobody follows them to find a business like the client's.
GENERIC_HASHTAGS = frozenset(
    {
        "marketing", "business", "success", "motivation", "inspiration", "love", "instagood",
        "instadaily", "photooftheday", "picoftheday", "follow", "followme", "followforfollow",
        "like4like", "likeforlike", "f4f", "l4l", "tagsforlikes", "happy", "fun", "goals",
        "viral", "trending", "fyp", "foryou", "foryoupage", "explore", "explorepage",
        "mondaymotivation", "motivationmonday", "nofilter", "tbt", "entrepreneur", "hustle",
        "blessed", "life", "lifestyle", "beautiful", "amazing", "awesome", "new", "sale",
    }
)  # fmt: skip
# (platform, most hashtags that work, severity above it, what the platform rewards instead)
HASHTAG_ADVICE = {
    "x": (3, "major", "On X more than 3 hashtags reads as spam and lowers engagement"),
    "linkedin": (5, "minor", "LinkedIn suggests at most 5 hashtags; more looks like spam"),
}
# A hashtag glued to punctuation and another word: "#rota-app" is posted as "#rota".
# A possessive ("#Rotaly's") is left alone: the tag itself survives intact.
_BROKEN_IN_TEXT = re.compile(r"(?<![\w#&/])#\w+(?:(?:['\u2019](?!s\b)|[\-.&+])(?=\w)\w+)+")
_VALID_TAG = re.compile(r"#?\w*[^\W\d]\w*")


def _applies(ctx: QCContext) -> bool:
    return is_copy(ctx) or ctx.platform in POSTING_PLATFORMS


def normalise_hashtag(raw: str) -> str | None:
    """``"#rota-app"`` -> ``"#RotaApp"``, ``"Sunday evening"`` -> ``"#SundayEvening"``; None
    when nothing usable is left (no letters)."""
    text = re.sub(r"['\u2019]", "", raw.strip().lstrip("#"))
    parts = re.findall(r"[^\W_]+(?:_[^\W_]+)*", text)
    if not parts:
        return None
    joined = parts[0] if len(parts) == 1 else "".join(p[:1].upper() + p[1:] for p in parts)
    return f"#{joined}" if _VALID_TAG.fullmatch(joined) else None


@register_check(
    "hashtag_format",
    summary="hashtags written as # then letters, digits or underscores",
    description="Each hashtag is # then letters, digits or underscores, with no spaces or "
    'punctuation ("#rota-app" is posted as "#rota"); the fix joins the words as '
    '"#RotaApp"',
    severity="major",
    has_fix=True,
    applies_to="posts, emails, ads and video scripts",
)
def hashtag_format(ctx: QCContext) -> Iterator[QCIssue]:
    if not _applies(ctx):
        return
    text = ctx.content_markdown
    broken = list(
        dict.fromkeys(
            m.group(0) for m in _BROKEN_IN_TEXT.finditer(text) if normalise_hashtag(m.group(0))
        )
    )
    if broken:
        fixed = _BROKEN_IN_TEXT.sub(lambda m: normalise_hashtag(m.group(0)) or m.group(0), text)
        shown = ", ".join(f"{tag} \u2192 {normalise_hashtag(tag)}" for tag in broken[:6])
        yield QCIssue(
            check_id="hashtag_format",
            severity="major",
            message="Some hashtags contain punctuation, so the platform cuts them short: "
            f"{shown}. Join the words without spaces or punctuation.",
            fix=fixed,
        )
    if text_hashtags(text):
        return  # the text's tags are what gets posted; the field is not used
    bad = [tag for tag in ctx.hashtags if not _VALID_TAG.fullmatch(tag.strip())]
    if bad:
        shown = ", ".join(
            f"\u201c{tag}\u201d"
            + (f" \u2192 {better}" if (better := normalise_hashtag(tag)) else "")
            for tag in bad[:6]
        )
        yield QCIssue(
            check_id="hashtag_format",
            severity="major",
            message="Some hashtags in the hashtag list will not work as hashtags (no spaces or "
            f"punctuation, and at least one letter): {shown}. Edit the hashtag list.",
        )


@register_check(
    "hashtag_count",
    summary="not too many hashtags for the platform",
    description="Not too many hashtags for the platform: more than 3 on X (major), more than 5 "
    "on LinkedIn (minor); the fix keeps the first ones",
    severity=("major", "minor"),
    has_fix=True,
    applies_to="X and LinkedIn posts",
)
def hashtag_count(ctx: QCContext) -> Iterator[QCIssue]:
    advice = HASHTAG_ADVICE.get(ctx.platform or "")
    if advice is None:
        return
    limit, severity, why = advice
    tags = posted_hashtags(ctx)
    if len(tags) <= limit:
        return
    fix = keep_first_hashtags(ctx.content_markdown, limit)
    yield QCIssue(
        check_id="hashtag_count",
        severity=severity,  # type: ignore[arg-type]
        message=f"This {platform_name(ctx.platform)} post has {len(tags)} hashtags. {why}: "
        f"keep the {limit} most specific ones"
        + (f" (the fix keeps the first {limit})." if fix else "."),
        fix=fix,
    )


@register_check(
    "generic_hashtags",
    summary="no hashtags so generic they add nothing",
    description="No hashtags so generic they add nothing (#marketing, #business, #success, "
    "#motivation, #love, #instagood ...); the fix drops them",
    severity="minor",
    has_fix=True,
    applies_to="posts, emails, ads and video scripts",
)
def generic_hashtags(ctx: QCContext) -> Iterator[QCIssue]:
    if not _applies(ctx):
        return
    own = re.sub(r"\W", "", brand_text(ctx.brand, "name")).lower()
    generic = [
        t for t in posted_hashtags(ctx) if t.lower() in GENERIC_HASHTAGS and t.lower() != own
    ]
    if not generic:
        return
    drop = {tag.lower() for tag in generic}
    fix = None
    if any(m.group(1).lower() in drop for m in HASHTAG.finditer(ctx.content_markdown)):
        fix = remove_hashtags(ctx.content_markdown, lambda tag, _i: tag.lower() in drop)
    listed = ", ".join(f"#{tag}" for tag in generic)
    yield QCIssue(
        check_id="generic_hashtags",
        severity="minor",
        message=f"These hashtags are too generic to help anyone find this post: {listed}. "
        "Drop them, or use tags your audience actually follows (your brand, the topic, the place).",
        fix=fix,
    )
