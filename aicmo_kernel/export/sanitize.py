"""Model-written Markdown to safe HTML: markdown-it-py renders, nh3 sanitises (SPEC section 9).

Raw HTML in the Markdown is rendered and then cut down to a fixed allow-list: no script, style,
iframe, object or form; no event-handler or ``style`` attributes; links only to http(s) and
mailto. Images are allowed only as ``data:image/png;base64`` and only when they come from our own
chart assets: a model writes ``![title](chart:name)``, and the attribute filter swaps
``chart:name`` for the PNG that a performance report carries. Any other image source (a remote
URL that would track the reader, a model-written data URI) is dropped, leaving the alt text.

``sanitize_markdown_to_html`` is the one function the UI and every HTML export use.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from functools import cache
from typing import Any

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_TAGS", "sanitize_html", "sanitize_markdown_to_html"]

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
