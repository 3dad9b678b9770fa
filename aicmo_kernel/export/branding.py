"""The agency branding a client pack carries: agency name, two colours, footer text.

Colours are validated as hex (``#1F3A5F`` or ``#abc``) and normalised to upper-case ``#RRGGBB``,
because they are written into CSS, DOCX and PDF by code: nothing but a checked colour ever
reaches a style sheet. Names and footer text are plain single-line text (no HTML).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from pydantic import ValidationError as PydanticValidationError

from ..errors import ValidationError

__all__ = [
    "DEFAULT_ACCENT",
    "DEFAULT_PRIMARY",
    "Branding",
    "HexColour",
    "PlainLine",
    "branding_from",
    "hex_to_rgb",
]

DEFAULT_PRIMARY = "#1F3A5F"
DEFAULT_ACCENT = "#E07A1F"
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _hex_colour(value: str) -> str:
    match = _HEX.match(value.strip())
    if not match:
        raise ValueError(f"must be a hex colour such as #1F3A5F, not {value[:40]!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits.upper()}"


def _plain_line(value: str) -> str:
    if _MARKUP.search(value):
        raise ValueError("must be plain text, not HTML (remove the <...> tags)")
    if _CONTROL.search(value):
        raise ValueError("must be a single line of plain text")
    return value


HexColour = Annotated[str, AfterValidator(_hex_colour)]
PlainLine = Annotated[str, StringConstraints(max_length=200), AfterValidator(_plain_line)]


class Branding(BaseModel):
    """What the pack shows of the agency. Empty agency name: the pack is unbranded (a
    pre-flight warning, not a refusal)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    agency_name: PlainLine = ""
    primary_colour: HexColour = DEFAULT_PRIMARY
    accent_colour: HexColour = DEFAULT_ACCENT
    footer_text: PlainLine = ""

    @property
    def is_applied(self) -> bool:
        return bool(self.agency_name.strip())


def branding_from(data: dict[str, Any] | None, *, field_prefix: str = "branding.") -> Branding:
    """A ``Branding`` from a mapping that may hold other keys (a brand record's ``branding``,
    a client pack's metadata); a bad value raises our ValidationError naming the field."""
    known = {k: v for k, v in (data or {}).items() if k in Branding.model_fields and v not in (None, "")}
    try:
        return Branding.model_validate(known)
    except PydanticValidationError as exc:
        raise ValidationError.from_pydantic(exc, prefix=field_prefix) from None


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """'#1F3A5F' -> (31, 58, 95)."""
    digits = _hex_colour(colour)[1:]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
