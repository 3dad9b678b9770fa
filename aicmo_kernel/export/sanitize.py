"""Model-written Markdown made safe for a reader: as HTML, and as Markdown (SPEC section 9).

**HTML** (``sanitize_markdown_to_html``): markdown-it-py renders, nh3 sanitises. Raw HTML in the Markdown is rendered and then cut down to a fixed allow-list: no script, style,
iframe, object or form; no event-handler or ``style`` attributes; links only to http(s) and
mailto. Images are allowed only as ``data:image/png;base64`` and only when they come from our own
chart assets: a model writes ``![title](chart:name)``, and the attribute filter swaps
``chart:name`` for the PNG that a performance report carries. Any other image source (a remote
URL that would track the reader, a model-written data URI) is dropped, leaving the alt text.

``sanitize_markdown_to_html`` is the one function the UI and every HTML export use.

**Markdown** (``sanitize_markdown``): a client opens the pack's ``.md`` files in a viewer that
renders raw HTML and follows links, so the text must stay Markdown that renders nothing live. It is
rewritten, not parsed and re-printed, so everything ordinary stays byte for byte: headings, lists,
emphasis, tables, code, http(s) and mailto links, non-Latin text, emoji. Outside code, every ``<``
becomes ``&lt;`` (raw tags and comments show as text) except an http(s) or mailto autolink; a link,
image, autolink or reference definition whose target is anything but http(s), mailto or relative
(``javascript:`` in any case, behind entities, escapes or spaces; ``vbscript:``; ``data:``...)
loses its target and keeps its text. Code spans, fences and indented code are left alone: nothing
in them renders as HTML. Which lines are code comes from markdown-it's own parse. The rewrite runs
until it changes nothing, and the result is parsed once more: should anything live remain (an
input built to make this scanner and the parser disagree), the whole text is returned as a fenced
code block instead. ``sanitize_markdown_to_html`` of the result gives the same page as of the
input, less the neutralised links.
"""

from __future__ import annotations

import base64
import html as html_lib
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any
from urllib.parse import unquote

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "is_safe_link_target",
    "live_markup",
    "sanitize_html",
    "sanitize_markdown",
    "sanitize_markdown_to_html",
]

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
# Removed together with everything inside them, not just unwrapped.
_REMOVED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}
_URL_SCHEMES = {"http", "https", "mailto", "chart"}
_CHART_SCHEME = "chart:"

Charts = Mapping[str, "tuple[str, bytes] | bytes"]


@cache
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )
    # markdown-it would print a refused link ([x](javascript:...)) back as its source text;
    # letting it through makes it a link whose target the sanitiser then removes, so the reader
    # sees the link text and no scheme at all. nh3 is the one judge of what a URL may be.
    md.validateLink = lambda url: True
    return md


def _png_of(value: Any) -> bytes:
    return value[1] if isinstance(value, tuple) else value


def sanitize_html(html: str, *, charts: Charts | None = None) -> str:
    """``html`` cut down to the allow-list; ``chart:name`` images resolved from ``charts``."""
    import nh3

    known = dict(charts or {})

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute not in ("src", "href"):
            return value
        if value.startswith(_CHART_SCHEME):
            name = value[len(_CHART_SCHEME):]
            if tag == "img" and attribute == "src" and name in known:
                encoded = base64.b64encode(_png_of(known[name])).decode("ascii")
                return f"data:image/png;base64,{encoded}"
            return None
        # An image from anywhere else would load a remote resource or model-written data.
        return None if tag == "img" else value

    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_REMOVED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=keep,
        url_schemes=set(_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def sanitize_markdown_to_html(text: str, *, charts: Charts | None = None) -> str:
    """Render Markdown (model or reviewer text) to sanitised HTML, safe to put in any page.

    ``charts`` maps chart names to PNG bytes (or ``(title, png)``), resolving ``![t](chart:name)``.
    """
    return sanitize_html(_markdown().render(text or ""), charts=charts)


# --------------------------------------------------------------------------- Markdown

_LINK_SCHEMES = ("http", "https", "mailto")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = re.compile(r"[\\`<\[\]!]")
_URI_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f\x7f]*)>")
_EMAIL_AUTOLINK = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop tabs and newlines inside a URL
_SCHEME_END = re.compile(r"[/?#]")
_MAX_PASSES = 4


def is_safe_link_target(url: str) -> bool:
    """True for an http(s) or mailto URL, or a relative one (no scheme at all).

    Judged after undoing what a renderer or a browser undoes first: Markdown backslash escapes,
    HTML entities (``&#106;avascript:``, ``&colon;``), percent-encoding, spaces and control
    characters, letter case. Anything that still has a ``scheme:`` before its first ``/``, ``?``
    or ``#`` must be one of the three.
    """
    candidate = _BACKSLASH_ESCAPE.sub(r"\1", url or "")
    for _ in range(3):  # entities inside entities: &amp;#106; and the like
        decoded = html_lib.unescape(candidate)
        if decoded == candidate:
            break
        candidate = decoded
    candidate = _INVISIBLE.sub("", candidate)
    for form in (candidate, _INVISIBLE.sub("", unquote(candidate))):
        head = _SCHEME_END.split(form, maxsplit=1)[0]
        if ":" in head and head.split(":", 1)[0].lower() not in _LINK_SCHEMES:
            return False
    return True


def _chart_uris(charts: Charts | None) -> dict[str, str]:
    return {name: "data:image/png;base64," + base64.b64encode(_png_of(value)).decode("ascii")
            for name, value in (charts or {}).items()}


def _walk(tokens: list[Any]) -> Iterator[Any]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def live_markup(markdown: str, *, charts: Charts | None = None) -> list[str]:
    """What in ``markdown`` a CommonMark viewer would render live: raw HTML, and link, image or
    autolink targets that are not http(s), mailto or relative (an image may also be one of the
    ``charts`` as a PNG data URI). Empty when the text is safe to hand a client."""
    trusted = set(_chart_uris(charts).values())
    found: list[str] = []
    for token in _walk(_markdown().parse(markdown or "")):
        if token.type in ("html_block", "html_inline"):
            found.append(f"raw HTML {token.content.strip()[:60]!r}")
        elif token.type == "link_open" and not is_safe_link_target(str(token.attrs.get("href") or "")):
            found.append(f"link to {str(token.attrs.get('href'))[:60]!r}")
        elif token.type == "image":
            src = str(token.attrs.get("src") or "")
            if src not in trusted and not is_safe_link_target(src):
                found.append(f"image from {src[:60]!r}")
    return found


def _segments(text: str) -> list[tuple[str, str]]:
    """The text cut into (kind, text) pieces that together are the whole text: ``code`` (fences
    and indented code, left alone), ``html`` (raw HTML blocks: every ``<`` escaped), ``row`` (a
    table row: its cells are parsed apart) and ``inline`` (a paragraph or heading, or any other
    line), so that a code span is looked for only where markdown-it would look for one."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    kinds: list[str | None] = [None] * len(lines)
    groups: list[int] = list(range(len(lines)))  # lines of one paragraph share its first line
    rank = {"inline": 1, "row": 2, "html": 3, "code": 4}
    for token in _markdown().parse(text):
        if not token.map:
            continue
        start, end = token.map
        kind = {"fence": "code", "code_block": "code", "html_block": "html", "tr_open": "row",
                "inline": "inline"}.get(token.type)
        if kind is None:
            continue
        for line in range(start, min(end, len(lines))):
            if kinds[line] is None or rank[kind] > rank[kinds[line] or "inline"]:
                kinds[line] = kind
                groups[line] = start if kind in ("inline", "html") else line
    pieces: list[tuple[str, str]] = []
    for number, line in enumerate(lines):
        kind = kinds[number] or "inline"
        joined = pieces and pieces[-1][0] == kind and kind in ("inline", "html", "code") and (
            groups[number] == groups[number - 1] or kind == "code")
        if joined:
            pieces[-1] = (kind, pieces[-1][1] + line)
        else:
            pieces.append((kind, line))
    return pieces


class _Scanner:
    """One left-to-right pass over a piece of Markdown prose (see the module docstring)."""

    def __init__(self, uris: Mapping[str, str]):
        self.uris = uris
        self.trusted = set(uris.values())

    def target(self, url: str, image: bool) -> str | None:
        """The target to write for ``url``, or None when the link must lose it."""
        if image and url.startswith(_CHART_SCHEME) and url[len(_CHART_SCHEME):] in self.uris:
            return self.uris[url[len(_CHART_SCHEME):]]
        if image and url in self.trusted:
            return url
        if url.startswith(_CHART_SCHEME):
            return None
        return url if is_safe_link_target(url) else None

    def piece(self, kind: str, text: str) -> str:
        if kind == "code":
            return text
        if kind == "html":  # nothing in a raw HTML block is code: escape every tag
            return text.replace("<", "&lt;")
        if kind == "row":
            return "".join(self.prose(cell) if n % 2 == 0 else cell
                           for n, cell in enumerate(re.split(r"((?<!\\)\|)", text)))
        return self.prose(text)

    def prose(self, s: str) -> str:
        out: list[str] = []
        openers: list[list[Any]] = []  # [index in out, image?, active?]
        i, n = 0, len(s)
        while i < n:
            found = _SPECIAL.search(s, i)
            if found is None:
                out.append(s[i:])
                break
            j = found.start()
            out.append(s[i:j])
            ch = s[j]
            if ch == "\\":
                step = 2 if j + 1 < n and s[j + 1] in _ASCII_PUNCTUATION else 1
                out.append(s[j:j + step])
                i = j + step
            elif ch == "`":
                end = j
                while end < n and s[end] == "`":
                    end += 1
                close = _closing_backticks(s, end, end - j)
                stop = end if close is None else close + (end - j)
                out.append(s[j:stop])
                i = stop
            elif ch == "<":
                auto = _URI_AUTOLINK.match(s, j)
                if auto and self.target(auto.group(1), False) is not None:
                    out.append(auto.group(0))
                    i = auto.end()
                elif (email := _EMAIL_AUTOLINK.match(s, j)) is not None:
                    out.append(email.group(0))
                    i = email.end()
                else:
                    out.append("&lt;")
                    i = j + 1
            elif ch == "!" and s.startswith("![", j):
                openers.append([len(out), True, True])
                out.append("![")
                i = j + 2
            elif ch == "[":
                openers.append([len(out), False, True])
                out.append("[")
                i = j + 1
            elif ch == "]":
                i = self.close_bracket(s, j, out, openers)
            else:
                out.append(ch)
                i = j + 1
        return "".join(out)

    def close_bracket(self, s: str, j: int, out: list[str], openers: list[list[Any]]) -> int:
        """Handle the ``]`` at ``j``; returns where to go on."""
        if not openers or not openers[-1][2]:
            if openers:
                openers.pop()
            out.append("]")
            return j + 1
        index, image, _ = openers.pop()
        tail = _link_tail(s, j + 1)
        if tail is not None:
            end, url, title = tail
            target = self.target(url, image)
            if target is None:  # keep the link text (or the alt text), drop the link
                out[index] = ""
                return end
            out.append("](" + _destination(target) + (" " + title.replace("<", "&lt;") if title else "") + ")")
            if not image:  # no links inside links: earlier [ cannot open one any more
                for opener in openers:
                    if not opener[1]:
                        opener[2] = False
            return end
        if s.startswith(":", j + 1):
            definition = _definition(s, j + 2)
            if definition is not None:
                start, stop, url = definition
                target = self.target(url, False)
                if target is None:  # a reference definition is invisible: drop it whole
                    del out[index:]
                    return _line_end(s, stop)
                out.append("]:" + s[j + 2:start] + _destination(target))
                return stop
        out.append("]")
        return j + 1


def _closing_backticks(s: str, start: int, size: int) -> int | None:
    for run in re.finditer(r"`+", s[start:]):
        if len(run.group(0)) == size:
            return start + run.start()
    return None


def _line_end(s: str, i: int) -> int:
    end = s.find("\n", i)
    return len(s) if end < 0 else end


def _skip_space(s: str, i: int) -> int:
    """Past spaces and tabs, and at most one line ending."""
    newline = False
    while i < len(s) and s[i] in " \t\n\r":
        if s[i] in "\n\r":
            if newline:
                break
            newline = True
        i += 1
    return i


def _raw_destination(s: str, i: int) -> tuple[int, str] | None:
    if i < len(s) and s[i] == "<":
        close = i + 1
        while close < len(s) and s[close] not in "<>\n":
            close += 2 if s[close] == "\\" and close + 1 < len(s) else 1
        if close >= len(s) or s[close] != ">":
            return None
        return close + 1, s[i + 1:close]
    start, depth = i, 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s) and s[i + 1] in _ASCII_PUNCTUATION:
            i += 2
            continue
        if ord(ch) <= 0x20 or ch == "\x7f":
            break
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        i += 1
    return (i, s[start:i]) if depth == 0 else None


def _title(s: str, i: int) -> int | None:
    """The end of a link title starting at ``i`` ("...", '...' or (...)), or None."""
    if i >= len(s) or s[i] not in "\"'(":
        return None
    closer = ")" if s[i] == "(" else s[i]
    j = i + 1
    while j < len(s):
        if s[j] == "\\":
            j += 2
            continue
        if s[j] == closer:
            return j + 1
        if closer == ")" and s[j] == "(":
            return None
        j += 1
    return None


def _link_tail(s: str, i: int) -> tuple[int, str, str] | None:
    """``(destination "title")`` at ``i``: (end, destination, title source) or None."""
    if i >= len(s) or s[i] != "(":
        return None
    k = _skip_space(s, i + 1)
    parsed = _raw_destination(s, k)
    if parsed is None:
        return None
    k, url = parsed
    after = _skip_space(s, k)
    title = ""
    if after > k:
        end = _title(s, after)
        if end is not None:
            title, after = s[after:end], _skip_space(s, end)
    if after < len(s) and s[after] == ")":
        return after + 1, url, title
    return None


def _definition(s: str, i: int) -> tuple[int, int, str] | None:
    """A reference definition's target after ``[label]:``: (start, end, destination) or None."""
    start = _skip_space(s, i)
    parsed = _raw_destination(s, start)
    if parsed is None or parsed[0] == start:
        return None
    return start, parsed[0], parsed[1]


def _destination(url: str) -> str:
    """A link target written so no renderer can read a tag into it (no ``<``, ``>`` or space)."""
    encoded = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    depth = 0
    for ch in encoded:  # a bare destination must have balanced brackets
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        if depth < 0:
            break
    if depth:
        encoded = encoded.replace("(", "%28").replace(")", "%29")
    return encoded


def _as_code_block(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def sanitize_markdown(text: str, *, charts: Charts | None = None) -> str:
    """Model (or reviewer) Markdown made safe to hand a client as Markdown (see the module docstring).

    ``charts`` maps chart names to PNG bytes (or ``(title, png)``): ``![t](chart:name)`` becomes
    that PNG as a ``data:image/png`` URI, and such a URI of one of them is kept; any other
    ``chart:`` or ``data:`` target is dropped like ``javascript:``.
    """
    scanner = _Scanner(_chart_uris(charts))
    # markdown-it reads \r\n and \r as \n; line numbers must mean the same lines to both of us
    current = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    for _ in range(_MAX_PASSES):  # escaping can turn a raw HTML block into prose: look again
        cleaned = "".join(scanner.piece(kind, piece) for kind, piece in _segments(current))
        if cleaned == current:
            break
        current = cleaned
    if live_markup(current, charts=charts):
        return _as_code_block(text or "")
    return current
