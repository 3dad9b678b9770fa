"""Platform limits and the exact text of an asset as it would be posted.

One function builds the posted text, and it is used three times: by the creatives output model
(an answer whose posted text breaks a limit is refused), by the renderer (``content_markdown`` of a
platform asset IS that text, so QC counts what will really be posted) and by the offline composer
(which fits its drafts to the limits before returning them).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CHARACTER_LIMITS",
    "EMAIL_SUBJECT_MAX",
    "HASHTAG_LIMITS",
    "NATIVE_PLATFORM",
    "posted_text",
    "thread_posts",
]

CHARACTER_LIMITS = {"x": 280, "linkedin": 3000, "instagram": 2200}
HASHTAG_LIMITS = {"instagram": 30}
EMAIL_SUBJECT_MAX = 78
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
