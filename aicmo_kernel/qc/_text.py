"""Text helpers shared by the check families: brand fields, hashtags, links, sections, tidying.

Everything here is a pure function of its arguments and never raises on odd input: QC runs on
whatever a model or a person wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from . import QCContext
from .kinds import POST_KINDS

__all__ = [
    "HASHTAG",
    "HEADING",
    "URL",
    "Folded",
    "brand_list",
    "brand_text",
    "has_link",
    "insert_before_hashtags",
    "lines_folded",
    "listing_lines",
    "lowered",
    "normalise_for_match",
    "posted_hashtags",
    "remove_hashtags",
    "sections",
    "text_hashtags",
    "tidy",
]

# --------------------------------------------------------------------------- case-insensitive search, fast

# Where lower() and Python's case-insensitive matching part ways: a case-insensitive "i" also
# matches "ı" (dotless i) and "s" matches "ſ" (long s), which lower() leaves as they are; "ı", "ſ"
# and "µ" written in a pattern match more than their lower-case selves. For every other character
# up to U+017F in a pattern, and every cased character in a text, the two agree
# (tests/test_qc_folded.py checks each pair).
_FOLDS_APART = ("\u0131", "\u017f")
_NOT_FOLDED = frozenset("\u00b5\u0131\u017f")
_CODE_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|\\)")  # and "\\\\"
_OTHER_SYNTAX = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<\w+>|\(\?P=\w+\)")  # names and classes, not literals


def _foldable(source: str) -> bool:
    """True when every literal character of the pattern ``source`` (written, or as a \\u, \\U or
    \\x escape) is one whose case-insensitive match lower() reproduces: see ``Folded``."""
    def code(match: re.Match[str]) -> str:
        digits = next(filter(None, match.groups()), None)
        return "" if digits is None else chr(int(digits, 16))  # an escaped backslash is no letter

    literals = _OTHER_SYNTAX.sub("", _CODE_ESCAPE.sub(code, source))
    return all((ord(char) < 0x180 and not char.isupper() and char not in _NOT_FOLDED)
               or char.lower() == char == char.upper() for char in literals) and "\\N{" not in source


def lowered(text: str) -> str | None:
    """``text`` in lower case, when a ``Folded`` pattern finds in it exactly what its
    case-insensitive form finds in ``text``, at the same positions; None when it may not (a
    character that lower() makes longer, such as "İ", or one in ``_FOLDS_APART``)."""
    low = text.lower()
    if len(low) != len(text) or any(char in text for char in _FOLDS_APART):
        return None
    return low


def lines_folded(text: str) -> tuple[list[str], list[str | None]]:
    """``text``'s lines, and each line as ``lowered`` made the whole text (None for every line
    when it could not), for ``Folded`` patterns searched line by line."""
    lines = text.split("\n")
    low = lowered(text)
    return lines, [None] * len(lines) if low is None else low.split("\n")


class Folded:
    """A case-insensitive pattern that searches lower-cased text case-sensitively where that finds
    the same matches: several times faster, since Python's regular expressions fold the case of
    every character they compare. That holds for a text ``lowered`` accepts and a pattern whose
    letters are lower case, up to U+017F (Latin), without "µ", "ı" or "ſ" (characters without case
    may be anything); any other pattern always runs case-insensitively (``lower`` is None), as does
    any other text.

    ``search``/``finditer`` take the text and what ``lowered`` made of it (compute that once per
    text); a match's positions are the text's, so what was written is ``text[m.start():m.end()]``."""

    __slots__ = ("anycase", "lower")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.anycase = re.compile(source, flags | re.IGNORECASE)
        self.lower = re.compile(source, flags) if _foldable(source) else None

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        if low is None or self.lower is None:
            return self.anycase.search(text)
        return self.lower.search(low)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        if low is None or self.lower is None:
            return self.anycase.finditer(text)
        return self.lower.finditer(low)


# A hashtag as platforms link it: "#" then word characters, at least one of them not a digit
# ("#1" and "#2027" are not hashtags), not glued to a word before it (URL fragments, "C#").
HASHTAG = re.compile(r"(?<![\w#&/])#(?=\w*[^\W\d])(\w+)")
URL = re.compile(
    r"\bhttps?://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|co|uk|org|net|io|app|example|ai|dev|shop|"
    r"store|biz|info|eu|de|fr|ie|us|ca|au|nz)\b(?:/[^\s<>()\"']*)?",
    re.IGNORECASE,
)
# A line holding only hashtags (optionally labelled, as the ad-copy document does).
# "Words to avoid", "Words we never use", "Banned words", "Don't say": a section that lists them.
_AVOID_HEADING = Folded(
    r"\b(?:banned|forbidden|prohibited|off-limits)\b"
    # French, Spanish and German documents: "Mots à éviter", "Palabras que evitar", "Zu vermeidende Wörter"
    r"|\b(?:mots?|palabras?|w[öo]rter)\b.*\b(?:[ée]viter|interdits?|jamais|evitar|prohibidas?|nunca|verboten|nie)\b"
    r"|\bzu vermeidende\b"
    r"|\b(?:words?|phrases?|terms?|language|vocabulary)\b.*\b(?:avoid|never|don'?t|not)\b"
    r"|\b(?:avoid|never|don'?t)\b.*\b(?:words?|phrases?|terms?|say|use)\b",
)
_AVOID_LINE = Folded(
    r"\b(?:never (?:use|say|write)|avoid|don'?t (?:use|say|write)|do not (?:use|say|write)|banned"
    r"|instead of|rather than|not allowed"
    r"|ne jamais (?:utiliser|dire|[ée]crire)|mots interdits|no usar nunca|nunca (?:uses|usar|digas|decir|escribas)"
    r"|palabras prohibidas|nie (?:verwenden|sagen|schreiben)|verbotenen? w[öo]rter)\b",
)
_HASHTAG_LINE = re.compile(r"^\s*(?:\*\*Hashtags:\*\*\s*)?#\S+(?:[\s,]+#\S+)*[\s,]*$")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")


def _field(brand: Any, name: str) -> Any:
    if brand is None:
        return None
    if isinstance(brand, Mapping):
        return brand.get(name)
    return getattr(brand, name, None)


def brand_list(brand: Any, name: str) -> list[str]:
    """A list field of the brand (``banned_words``, ``disclaimers``): non-blank strings only."""
    value = _field(brand, name)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [str(item).strip() for item in value if isinstance(item, str) and item.strip()]


def brand_text(brand: Any, name: str) -> str:
    value = _field(brand, name)
    return value.strip() if isinstance(value, str) else ""


def text_hashtags(text: str) -> list[str]:
    """The hashtags written in ``text``, without "#", in order (repeats kept)."""
    return HASHTAG.findall(text)


def posted_hashtags(ctx: QCContext, text: str | None = None) -> list[str]:
    """The hashtags that will be posted, without "#", each once (case-insensitive).

    The text (``ctx.content_markdown`` unless ``text`` is given) is what gets posted, so its
    hashtags count. The ``hashtags`` field counts only when the text carries none and the kind is
    not one whose text is exactly the post (a tag list kept beside the copy). Counting both would
    keep flagging a tag a reviewer has already deleted from the text, since edits keep the field.
    """
    found = text_hashtags(ctx.content_markdown if text is None else text)
    if not found and ctx.kind.strip().lower() not in POST_KINDS:
        found = [tag.strip().lstrip("#").strip() for tag in ctx.hashtags]
    unique: dict[str, str] = {}
    for tag in found:
        if tag:
            unique.setdefault(tag.lower(), tag)
    return list(unique.values())


def remove_hashtags(text: str, drop: Callable[[str, int], bool]) -> str:
    """``text`` without the hashtags for which ``drop(tag, index)`` is true (index counts the
    hashtags in order); lines left empty or holding only a "Hashtags:" label go too."""
    counter = iter(range(1_000_000))

    def replace(match: re.Match[str]) -> str:
        return "" if drop(match.group(1), next(counter)) else match.group(0)

    lines = []
    for line in text.split("\n"):
        new = HASHTAG.sub(replace, line)
        if new == line:
            lines.append(line)
            continue
        new = re.sub(r"[ \t]{2,}", " ", new).rstrip()
        new = re.sub(r"\s+([,.;:!?])", r"\1", new) if new.strip() else new
        if new.strip() and not re.fullmatch(r"\s*\*\*Hashtags:\*\*\s*", new):
            lines.append(new)
    return tidy("\n".join(lines))


def insert_before_hashtags(text: str, block: str) -> str:
    """``text`` with ``block`` added as its own paragraph, before a closing hashtag line if any
    (posts end with the hashtags, and disclaimers and links go above them)."""
    lines = text.rstrip().split("\n")
    if lines and _HASHTAG_LINE.match(lines[-1]) and len(lines) > 1:
        head = "\n".join(lines[:-1]).rstrip()
        return f"{head}\n\n{block}\n\n{lines[-1].strip()}"
    return f"{text.rstrip()}\n\n{block}" if text.strip() else block


def has_link(text: str) -> bool:
    return URL.search(text) is not None


@lru_cache(maxsize=32)
def listing_lines(text: str) -> frozenset[int]:
    """Indexes of the lines of a document that list words on purpose rather than use them: a
    "Words to avoid" / "Banned words" section, or a line telling the writer never to use one.
    (Remembered for the last few texts: the claims and banned-words checks both ask.)"""
    exempt, listing = set(), False
    lines, folded = lines_folded(text)
    for index, line in enumerate(lines):
        if HEADING.match(line):
            listing = _AVOID_HEADING.search(line, folded[index]) is not None
        if listing or _AVOID_LINE.search(line, folded[index]):
            exempt.add(index)
    return frozenset(exempt)


def normalise_for_match(text: str) -> str:
    """Lower case, one space for any whitespace, straight quotes and hyphens, no end punctuation:
    how disclaimers are compared with the copy."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\s+", " ", text.lower()).strip()
    return text.rstrip(" .!;:,")


def sections(text: str) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """``(heading, [(line index, line), ...])`` for each part of a Markdown text; the part before
    the first heading has the heading ``""``. Headings themselves are not in the lines."""
    heading, lines = "", []
    for index, line in enumerate(text.split("\n")):
        if HEADING.match(line):
            yield heading, lines
            heading, lines = line.strip().lstrip("#").strip(), []
        else:
            lines.append((index, line))
    yield heading, lines


def tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, no blank lines at the ends."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
