"""The brand's own rules: words it never uses, disclaimers it must show.

Banned words are matched case-insensitively as whole words or phrases, with their simple forms
("disrupt" also finds "disrupts", "disrupted", "disrupting"; "game-changer" also "game changers").
Documents that *list* the banned words on purpose are not flagged for it: the brand voice guide
as a whole, and in any other document a "words to avoid" section or a line telling the writer
never to use a word. Copy that goes out gets no such exemption.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from . import QCContext, QCIssue, register_check
from ._text import (
    Folded,
    brand_list,
    insert_before_hashtags,
    listing_lines,
    lowered,
    normalise_for_match,
)
from .kinds import AD_KINDS, is_copy, kind_of

__all__ = ["SAFE_REPLACEMENTS", "banned_pattern", "find_banned", "names_an_offer"]

# Replacements obvious enough to make without asking; any other banned word needs a person.
SAFE_REPLACEMENTS = {
    "seamless": "smooth", "seamlessly": "smoothly", "utilise": "use", "utilize": "use",
    "utilises": "uses", "utilizes": "uses", "utilising": "using", "utilizing": "using",
    "leverage": "use", "leverages": "uses", "leveraging": "using", "leveraged": "used",
    "cutting-edge": "modern", "state-of-the-art": "modern", "cheap": "affordable",
    "cheaper": "more affordable", "hassle-free": "easy", "effortless": "easy",
    "effortlessly": "easily", "synergy": "teamwork", "synergies": "shared benefits",
}  # fmt: skip
_OFFER = re.compile(
    r"[£$€]\s?\d|\d\s?[£$€]|\bfree[- ]trial\b|\d+\s?%\s?off\b|\bper (?:month|year|week)\b"
    r"|\d\s*(?:/|a |per )\s*(?:month|mo|year|yr)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)
def banned_pattern(word: str) -> re.Pattern[str] | None:
    """A pattern for ``word`` and its simple forms, as a whole word or phrase."""
    body = _banned_body(word)
    return None if body is None else re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _any_banned(words: tuple[str, ...]) -> Folded | None:
    """One pattern that finds where any of ``words`` is used: text it finds nothing in uses none
    of them (a word's own pattern matching somewhere means one alternative here matches there),
    so ``find_banned`` searches word by word only text that uses one. Brands list several words."""
    bodies = [body for body in map(_banned_body, words) if body is not None]
    return Folded(rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)") if bodies else None


@lru_cache(maxsize=512)
def _banned_body(word: str) -> str | None:
    parts = re.findall(r"[^\W_]+", word.lower())
    if not parts:
        return None
    *head, last = parts
    forms = {last, f"{last}s", f"{last}es", f"{last}ed", f"{last}ing", f"{last}ly"}
    if last.endswith("e"):
        forms |= {f"{last}d", f"{last[:-1]}ing"}
    if last.endswith("y") and len(last) > 2:
        forms |= {f"{last[:-1]}ies", f"{last[:-1]}ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", last):  # stop -> stopping, stopped
        forms |= {f"{last}{last[-1]}ing", f"{last}{last[-1]}ed"}
    joined = r"[\s\-]*".join(re.escape(part) for part in head)
    tail = "(?:" + "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True)) + ")"
    return f"{joined}[\\s\\-]*{tail}" if head else tail


def _checked_lines(ctx: QCContext) -> set[int]:
    """Indexes of the content lines a banned word must not appear in (listing exemptions apart)."""
    count = ctx.content_markdown.count("\n") + 1
    exempt = set() if is_copy(ctx) else listing_lines(ctx.content_markdown)
    return set(range(count)) - exempt


def _metadata_text(ctx: QCContext) -> str:
    # The email subject and preheader reach the reader too.
    return "\n".join(
        v for k in ("subject", "preheader") if isinstance(v := ctx.metadata.get(k), str)
    )


def find_banned(text: str, banned_words: list[str]) -> dict[str, list[str]]:
    """``{banned word: [the forms found, as written], ...}`` for the words ``text`` uses."""
    found: dict[str, list[str]] = {}
    anywhere = _any_banned(tuple(banned_words))
    if anywhere is None or not anywhere.search(text, lowered(text)):
        return found
    for word in banned_words:
        pattern = banned_pattern(word)
        if pattern is not None and (matches := pattern.findall(text)):
            found[word] = matches
    return found


def _replace_safely(
    ctx: QCContext, checked: set[int], found: dict[str, list[str]], banned: list[str]
) -> str | None:
    """The content with every banned form on the checked lines replaced, if each has an obvious
    replacement (and none in the subject, which the content cannot fix)."""
    if find_banned(_metadata_text(ctx), banned):
        return None
    forms = {m.lower() for matches in found.values() for m in matches}
    table = {}
    for key in forms:
        replacement = SAFE_REPLACEMENTS.get(re.sub(r"\s+", "-", key))
        if replacement is None or find_banned(replacement, banned):
            return None
        table[key] = replacement

    def swap(match: re.Match[str]) -> str:
        written, new = match.group(0), table.get(match.group(0).lower())
        if new is None:
            return written
        if written.isupper() and len(written) > 1:
            return new.upper()
        return new[:1].upper() + new[1:] if written[:1].isupper() else new

    lines = ctx.content_markdown.split("\n")
    for index in checked:
        for word in found:
            pattern = banned_pattern(word)
            if pattern is not None:
                lines[index] = pattern.sub(swap, lines[index])
    return "\n".join(lines)


@register_check(
    "banned_words",
    summary="none of the brand's banned words",
    description="None of the brand's banned words, in any simple form (plural, -ing, -ed), "
    "case-insensitive; fixed only where a replacement is obvious (seamless \u2192 smooth)",
    severity="blocker",
    has_fix=True,
    applies_to="every deliverable except the brand voice guide, which lists them on purpose",
)
def banned_words(ctx: QCContext) -> Iterator[QCIssue]:
    banned = brand_list(ctx.brand, "banned_words")
    if not banned or kind_of(ctx) == "brand_voice_guide":
        return
    checked = _checked_lines(ctx)
    lines = ctx.content_markdown.split("\n")
    text = "\n".join(lines[index] for index in sorted(checked))
    found = find_banned(f"{text}\n{_metadata_text(ctx)}", banned)
    if not found:
        return
    listed = ", ".join(
        f"\u201c{word}\u201d" + (f" ({len(matches)}\u00d7)" if len(matches) > 1 else "")
        for word, matches in found.items()
    )
    fix = _replace_safely(ctx, checked, found, banned)
    yield QCIssue(
        check_id="banned_words",
        severity="blocker",
        message=f"The brand never uses these words: {listed}. Rephrase without them"
        + (" (a fix with plain replacements is offered)." if fix else "."),
        fix=fix,
    )


def names_an_offer(text: str) -> bool:
    """True when copy names a price or an offer (£/$/€ amounts, free trial, % off, per month)."""
    return _OFFER.search(text) is not None


@register_check(
    "disclaimers",
    summary="the brand's required disclaimers wherever a price or offer is named",
    description='Copy that names a price or offer (\u00a3, $, \u20ac, "free trial", "% off", '
    '"per month") carries each of the brand\'s required disclaimers word for word; the fix '
    "appends them",
    severity="major",
    has_fix=True,
    applies_to="posts, emails, ads and video scripts",
)
def disclaimers(ctx: QCContext) -> Iterator[QCIssue]:
    required = brand_list(ctx.brand, "disclaimers")
    if not required or not is_copy(ctx):
        return
    text = ctx.content_markdown
    subject = ctx.metadata.get("subject")
    if not names_an_offer(text) and not (isinstance(subject, str) and names_an_offer(subject)):
        return
    present = normalise_for_match(text)
    missing = [d for d in required if normalise_for_match(d) not in present]
    if not missing:
        return
    block = " ".join(missing)
    if kind_of(ctx) in AD_KINDS:
        block = f"**Disclaimer:** {block}"
    quoted = "; ".join(f"\u201c{d}\u201d" for d in missing)
    yield QCIssue(
        check_id="disclaimers",
        severity="major",
        message="This copy names a price or offer, so it must carry the brand's required "
        f"disclaimer word for word: {quoted}. Add it (the fix appends it).",
        fix=insert_before_hashtags(text, block),
    )
