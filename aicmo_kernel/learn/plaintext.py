"""Markdown to plain text, and plain text to words: what diffs count and search snippets show.

Deliverables are Markdown written by models and edited by people; lessons and snippets talk about
the words a reader sees, so headings marks, emphasis, link targets and any stray HTML are dropped
before anything is counted or quoted.
"""

from __future__ import annotations

import re

__all__ = ["STOPWORDS", "content_words", "hashtags_in", "markdown_to_text", "opening_line", "words"]

_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_PREFIX = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*|__|~~|`+|(?<!\w)[*_]|[*_](?!\w)")
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
_HASHTAG = re.compile(r"(?<![\w#&])#([^\W_][\w]{0,80})")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# Function words that say nothing about style; close to the list PostgreSQL's 'english' drops.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves""".split()  # noqa: SIM905
)


def markdown_to_text(markdown: str) -> str:
    """The text a reader sees: no HTML, no Markdown marks, link text without its target."""
    text = _TAG.sub(" ", markdown or "")
    text = _LINK.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _LINE_PREFIX.sub("", text)
    text = _EMPHASIS.sub("", text)
    return text


def words(text: str) -> list[str]:
    """Lower-cased words of plain text, hashtags left out (they are counted on their own)."""
    return [w.lower() for w in _WORD.findall(_HASHTAG.sub(" ", text))]


def content_words(text: str) -> list[str]:
    """``words`` without stopwords and one- or two-letter words: the words that carry style."""
    return [w for w in words(text) if len(w) > 2 and w not in STOPWORDS and not w.isdigit()]


def hashtags_in(text: str) -> list[str]:
    """Inline hashtags, as written (``#SundayEvening``)."""
    return [f"#{tag}" for tag in _HASHTAG.findall(text)]


def opening_line(text: str) -> str:
    """The first non-blank line of plain text: a post's hook, a document's title line."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""
