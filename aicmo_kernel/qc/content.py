"""What the copy asks of the reader, and whether it repeats itself.

A call to action is looked for in copy that goes out (posts, emails, ads, video scripts). A link
is required when the copy points at one ("click here", "link in bio") and the platform allows
links in the post; Instagram captions cannot hold clickable links, so there "click here" is
wrong and "link in bio" is right. Repeated lines are looked for everywhere; in a document with
headings a line only counts as repeated within one section, since a template-like line under
several headings ("Proof to confirm with the client: ...") is deliberate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import QCContext, QCIssue, register_check
from ._text import brand_text, has_link, sections, tidy
from .kinds import POSTING_PLATFORMS, is_copy, kind_of

__all__ = ["CTA", "LINK_PHRASES", "repeated_lines_in"]

# Imperatives and phrases that tell a reader what to do next. Broad on purpose: the check is
# for copy with no next step at all, not a judge of how good the next step is.
CTA = re.compile(
    r"\b(?:book|sign[- ]?up|start|try|get|download|register|learn more|reply|call|ring|visit"
    r"|shop|buy|order|join|subscribe|claim|discover|see how|see what|find out|contact|message us"
    r"|dm us|tap|click|swipe|watch|read more|explore|request|apply|enrol|enroll|reserve|grab"
    r"|follow|save|share|comment|get in touch|talk to|speak to|ask|chat|schedule|compare"
    r"|check out|link in bio|come|pop in|drop by|email us|text us|let us know|tell us)\b",
    re.IGNORECASE,
)
LINK_PHRASES = re.compile(
    r"\blink in (?:our |the |my )?bio\b|\b(?:click|tap) (?:here|below|the link)\b|\bsee (?:the )?link\b"
    r"|\blink below\b|\bfollow the link\b|\bvia the link\b",
    re.IGNORECASE,
)
_IN_BIO = re.compile(r"\bin (?:our |the |my )?(?:bio|profile)\b", re.IGNORECASE)
# On Instagram, what to say instead of a pointer to a link that cannot be clicked.
_INSTAGRAM_WORDING = {
    "click here": "tap the link in our bio",
    "tap here": "tap the link in our bio",
    "click below": "tap the link in our bio",
    "tap below": "tap the link in our bio",
    "click the link": "tap the link in our bio",
    "tap the link": "tap the link in our bio",
    "follow the link": "follow the link in our bio",
    "via the link": "via the link in our bio",
    "see link": "see the link in our bio",
    "see the link": "see the link in our bio",
    "link below": "link in bio",
}
_LINK_PLATFORMS = POSTING_PLATFORMS | {"email"}
_KINDS_NAMES = {
    "linkedin_post": "LinkedIn post", "instagram_caption": "Instagram caption",
    "instagram_carousel": "Instagram carousel", "x_post": "X post", "x_thread": "X thread",
    "email": "email", "outreach_sequence": "outreach sequence", "ad_copy": "ad",
    "video_script": "video script",
}  # fmt: skip
_THREAD_NUMBER = re.compile(r"^(\d+)/(\d+)(\s)")


def _name(ctx: QCContext) -> str:
    return _KINDS_NAMES.get(kind_of(ctx), "copy")


@register_check(
    "cta",
    summary="a call to action that tells the reader what to do next",
    description="Copy tells the reader what to do next: a call to action (book, sign up, start, "
    "try, get, download, register, learn more, reply ...) or a link",
    severity="major",
    applies_to="posts, emails, ads and video scripts",
)
def cta(ctx: QCContext) -> Iterator[QCIssue]:
    if not is_copy(ctx):
        return
    text = ctx.content_markdown
    if CTA.search(text) or has_link(text):
        return
    yield QCIssue(
        check_id="cta",
        severity="major",
        message=f"This {_name(ctx)} has no call to action: nothing tells the reader what to do "
        "next. Add one clear next step, such as \u201cBook a demo\u201d, \u201cStart your free "
        "trial\u201d or a link to the offer.",
    )


def _line_around(text: str, match: re.Match[str]) -> str:
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return text[start : end if end != -1 else len(text)]


def _points_off_instagram(text: str, match: re.Match[str]) -> bool:
    """True for a pointer at a link other than the bio ("click here" rather than "link in bio")."""
    return _IN_BIO.search(_line_around(text, match)) is None


def _instagram_fix(text: str) -> str:
    def reword(match: re.Match[str]) -> str:
        written = match.group(0)
        if not _points_off_instagram(text, match):
            return written
        new = _INSTAGRAM_WORDING.get(re.sub(r"\s+", " ", written.lower()), written)
        return new[:1].upper() + new[1:] if written[:1].isupper() else new

    return LINK_PHRASES.sub(reword, text)


def _with_link(text: str, start: int, link: str) -> str:
    """``text`` with ``link`` added at the end of the line where the pointer at it starts
    ("Click here to book." -> "Click here to book: https://...")."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    line = text[:end].rstrip()
    line = f"{line[:-1]}: {link}" if line.endswith(".") else f"{line} {link}"
    return line + text[end:]


@register_check(
    "link_required",
    summary="a link wherever the copy points at one",
    description='Copy that points at a link ("link in bio", "click here", "tap the link", '
    '"see link") has one; on Instagram, where captions cannot hold clickable links, it says '
    '"link in bio" instead of "click here"; the fix adds the brand\'s website or rewords',
    severity="major",
    has_fix=True,
    applies_to="posts, emails, ads and video scripts",
)
def link_required(ctx: QCContext) -> Iterator[QCIssue]:
    if not (is_copy(ctx) or ctx.platform in _LINK_PLATFORMS):
        return
    text = ctx.content_markdown
    pointers = list(LINK_PHRASES.finditer(text))
    if not pointers:
        return
    if ctx.platform == "instagram":
        wrong = [match.group(0) for match in pointers if _points_off_instagram(text, match)]
        if wrong:
            said = ", ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(wrong))
            yield QCIssue(
                check_id="link_required",
                severity="major",
                message=f"This caption says {said}, but links in Instagram captions cannot be "
                "clicked. Point to the link in your bio instead (\u201ctap the link in our "
                "bio\u201d) and make sure the bio links to the offer.",
                fix=_instagram_fix(text),
            )
        return
    if has_link(text) or _metadata_link(ctx):
        return
    said = ", ".join(f"\u201c{m.group(0)}\u201d" for m in pointers[:3])
    website = brand_text(ctx.brand, "website")
    link = website if has_link(website) else ""
    yield QCIssue(
        check_id="link_required",
        severity="major",
        message=f"This {_name(ctx)} says {said} but contains no link. Add the link it points to"
        + (f" (the fix adds the brand's website, {link})." if link else "."),
        fix=_with_link(text, pointers[0].start(), link) if link else None,
    )


def _metadata_link(ctx: QCContext) -> str:
    """A destination URL kept beside the copy (an ad's landing page, a UTM-tagged link)."""
    for key in (
        "url",
        "link",
        "landing_page",
        "landing_url",
        "utm_url",
        "destination_url",
        "website",
    ):
        value = ctx.metadata.get(key)
        if isinstance(value, str) and has_link(value):
            return value
    return ""


_LIST_MARKERS = re.compile(r"^(?:[-*+>]\s+|\d+[.)]\s+)+")
_EMPHASIS = re.compile(r"[*_`]+")


def _line_key(line: str) -> str:
    """A line as compared for repeats: no list markers, emphasis or thread numbering, one space
    for any run of whitespace, lower case."""
    text = _EMPHASIS.sub("", _LIST_MARKERS.sub("", _THREAD_NUMBER.sub("", line.strip())))
    return " ".join(text.split()).lower()


def _non_trivial(key: str) -> bool:
    if key.startswith(("|", "#")):
        return False  # table rows and hashtag lines repeat by design
    return len(key) >= 20 and len(key.split()) >= 4


def repeated_lines_in(ctx: QCContext) -> list[tuple[str, list[int]]]:
    """``[(the line as first written, [index of each later repeat, ...]), ...]``."""
    lines = ctx.content_markdown.split("\n")
    whole = is_copy(ctx) or ctx.platform is not None
    parts = (
        [list(enumerate(lines))] if whole else [part for _, part in sections(ctx.content_markdown)]
    )
    repeats: dict[tuple[int, str], tuple[str, list[int]]] = {}
    for number, part in enumerate(parts):
        first: dict[str, str] = {}
        for index, line in part:
            key = _line_key(line)
            if not _non_trivial(key):
                continue
            if key in first:
                repeats.setdefault((number, key), (first[key], []))[1].append(index)
            else:
                first[key] = line.strip()
    return list(repeats.values())


def _renumber_thread(text: str) -> str:
    """Thread posts numbered "n/N" again after a post was dropped."""
    blocks = text.split("\n\n")
    if not blocks or not all(_THREAD_NUMBER.match(block) for block in blocks):
        return text
    total = len(blocks)
    return "\n\n".join(
        _THREAD_NUMBER.sub(lambda m, n=n: f"{n}/{total}{m.group(3)}", block, count=1)
        for n, block in enumerate(blocks, 1)
    )


@register_check(
    "repeated_lines",
    summary="no line said twice",
    description="The same line (four words or more) does not appear twice; in a document, "
    "twice within one section; the fix drops the repeats",
    severity="minor",
    has_fix=True,
)
def repeated_lines(ctx: QCContext) -> Iterator[QCIssue]:
    repeats = repeated_lines_in(ctx)
    if not repeats:
        return
    drop = {index for _, indexes in repeats for index in indexes}
    kept = [
        line for index, line in enumerate(ctx.content_markdown.split("\n")) if index not in drop
    ]
    fix = tidy("\n".join(kept))
    if "thread" in kind_of(ctx):
        fix = _renumber_thread(fix)
    shown = "; ".join(
        f"\u201c{_shorten(line)}\u201d ({len(indexes) + 1}\u00d7)" for line, indexes in repeats[:3]
    )
    yield QCIssue(
        check_id="repeated_lines",
        severity="minor",
        message=f"The same line appears more than once: {shown}. Keep it once (the fix drops the "
        "repeats).",
        fix=fix,
    )


def _shorten(line: str, limit: int = 70) -> str:
    line = re.sub(r"\s+", " ", line)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"
