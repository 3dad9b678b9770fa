"""UTM links, built by code so every tracked link of a campaign follows one convention.

    utm_source   = the platform (linkedin, instagram, x, email, facebook, ...)
    utm_medium   = email | paid | social
    utm_campaign = slug of the campaign name
    utm_content  = the asset kind plus a short id of the asset (linkedin_post-3f2a9c1e)

Values are slugs (lower case, ASCII letters, digits, ``-`` and ``_``), so they survive every
analytics tool unchanged; the URL is assembled with ``urllib.parse`` so an existing query string
or fragment on the landing page is kept and nothing is double-encoded.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["PAID_KINDS", "UTM_KEYS", "short_id", "slugify", "utm_medium", "utm_params", "utm_url"]

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content")
PAID_KINDS = frozenset({"ad_copy"})


def slugify(text: str, *, max_length: int = 60) -> str:
    """'Get your Sunday evening back!' -> 'get-your-sunday-evening-back'; 'Café' -> 'cafe'."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    )
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text).strip("-_")
    return slug[:max_length].rstrip("-_")


def short_id(asset_id: str, length: int = 8) -> str:
    """The first ``length`` letters and digits of an id: enough to tell assets apart in a report."""
    return re.sub(r"[^A-Za-z0-9]", "", asset_id)[:length].lower()


def utm_medium(platform: str, asset_kind: str = "") -> str:
    if platform == "email" or asset_kind == "email":
        return "email"
    if platform == "ads" or asset_kind in PAID_KINDS:
        return "paid"
    return "social"


def utm_params(
    *, platform: str, campaign: str, asset_kind: str = "", asset_id: str = ""
) -> dict[str, str]:
    """The four UTM parameters for one post of ``asset_kind`` on ``platform``."""
    content = slugify(f"{asset_kind}-{short_id(asset_id)}" if asset_id else asset_kind or "post")
    return {
        "utm_source": slugify(platform),
        "utm_medium": utm_medium(platform, asset_kind),
        "utm_campaign": slugify(campaign) or "campaign",
        "utm_content": content,
    }


def utm_url(base_url: str, params: dict[str, str]) -> str:
    """``base_url`` with ``params`` added to its query (replacing UTM keys it already had)."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {base_url!r}")
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query = urlencode(kept + list(params.items()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, parts.fragment))
