"""The one table of platforms: their names, limits, hashtag and subject rules, and the exact text
of an asset as it would be posted.

Every part of the workbench that names a platform or counts against its limits reads this table:
the module fields (``Channel``), the prompts, the offline composers (which fit their drafts to the
limits), QC (which blocks an approval past a limit), the editor's character counter, the execution
calendar and the exports. One function builds the posted text, and it is used three times: by the
creatives output model (an answer whose posted text breaks a limit is refused), by the renderer
(``content_markdown`` of a platform asset IS that text, so QC counts what will really be posted)
and by the offline composer. Lengths are counted in characters as the platforms show them to a
writer (X's own weighting of links and emoji is not modelled).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "CHANNELS",
    "CHARACTER_LIMITS",
    "EMAIL_SUBJECT_MAX",
    "HASHTAG_LIMITS",
    "NATIVE_PLATFORM",
    "PLATFORMS",
    "PLATFORM_ALIASES",
    "POSTING_PLATFORMS",
    "Platform",
    "normalise_platform",
    "platform_name",
    "posted_text",
    "prompt_limits",
    "thread_posts",
]


@dataclass(frozen=True)
class Platform:
    """One channel a campaign can use. ``posting``: its posts are published as written (their
    length and hashtags are checked); ``aliases``: other names people and models use for it."""

    key: str
    name: str
    character_limit: int | None = None
    hashtag_limit: int | None = None
    posting: bool = False
    aliases: tuple[str, ...] = ()


PLATFORMS: dict[str, Platform] = {p.key: p for p in (
    Platform("linkedin", "LinkedIn", 3_000, posting=True, aliases=("linked in",)),
    Platform("instagram", "Instagram", 2_200, hashtag_limit=30, posting=True, aliases=("ig",)),
    # X was Twitter; models trained before the rename still say so.
    Platform("x", "X", 280, posting=True,
             aliases=("twitter", "x (twitter)", "twitter (x)", "x/twitter", "twitter/x", "tweet")),
    Platform("email", "Email", aliases=("e-mail", "newsletter")),
    Platform("facebook", "Facebook"),
    Platform("tiktok", "TikTok"),
    Platform("youtube", "YouTube"),
    Platform("blog", "Blog"),
    Platform("ads", "Paid ads"),
)}

CHANNELS: tuple[str, ...] = tuple(PLATFORMS)
CHARACTER_LIMITS: dict[str, int] = {k: p.character_limit for k, p in PLATFORMS.items() if p.character_limit}
HASHTAG_LIMITS: dict[str, int] = {k: p.hashtag_limit for k, p in PLATFORMS.items() if p.hashtag_limit}
POSTING_PLATFORMS: frozenset[str] = frozenset(k for k, p in PLATFORMS.items() if p.posting)
PLATFORM_ALIASES: dict[str, str] = {alias: p.key for p in PLATFORMS.values() for alias in p.aliases}
EMAIL_SUBJECT_MAX = 78  # characters most inboxes show of a subject line
# Asset types whose content is posted as-is on one platform; the others (ad copy, video
# scripts, image prompts) are working documents with a target platform in their metadata.
NATIVE_PLATFORM = {
    "linkedin_post": "linkedin",
    "instagram_caption": "instagram",
    "instagram_carousel": "instagram",
    "x_post": "x",
    "x_thread": "x",
    "email": "email",
}


def prompt_limits() -> str:
    """The limits as a prompt states them (``$platform_limits`` in a module's template)."""
    x, linkedin, instagram = PLATFORMS["x"], PLATFORMS["linkedin"], PLATFORMS["instagram"]
    return (
        f"- X: {x.character_limit:,} characters per post, and per post of a thread (including the \"1/5\" "
        "numbering).\n"
        f"- LinkedIn: {linkedin.character_limit:,} characters. Instagram: {instagram.character_limit:,} characters "
        f"and at most {instagram.hashtag_limit} hashtags.\n"
        f"- Email subject: at most {EMAIL_SUBJECT_MAX} characters."
    )


def normalise_platform(platform: str | None) -> str | None:
    """``"Twitter"``, ``"X"`` -> ``"x"``; an unknown platform comes back lower-cased."""
    if platform is None or not platform.strip():
        return None
    key = platform.strip().lower()
    return PLATFORM_ALIASES.get(key, key)


def platform_name(key: str | None, default: str | None = None) -> str:
    """The display name of a platform key (``"x"`` -> ``"X"``); an unknown key as it is."""
    found = PLATFORMS.get(key or "")
    if found is not None:
        return found.name
    return key or (default if default is not None else "")


def posted_text(
    hook: str, body: str, cta: str, disclaimer: str = "", hashtags: Sequence[str] = ()
) -> str:
    """Hook, body, call to action, disclaimer and hashtags, as one post (blank line between)."""
    blocks = (hook, body, cta, disclaimer, " ".join(hashtags))
    return "\n\n".join(block.strip() for block in blocks if block and block.strip())


def thread_posts(
    hook: str, posts: Sequence[str], cta: str, disclaimer: str = "", hashtags: Sequence[str] = ()
) -> list[str]:
    """The numbered posts of a thread: the hook, the middle posts, then the call to action post
    carrying the disclaimer and hashtags. Each item is one post, "1/5 ..." numbering included."""
    closing = "\n".join(
        part.strip() for part in (cta, disclaimer, " ".join(hashtags)) if part and part.strip()
    )
    bodies = [hook.strip(), *(p.strip() for p in posts if p.strip()), closing]
    total = len(bodies)
    return [f"{number}/{total} {text}" for number, text in enumerate(bodies, 1)]
