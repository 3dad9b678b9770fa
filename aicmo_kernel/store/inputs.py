"""Validation of what callers ask the store to write (SPEC section 9).

Pydantic models with ``extra="forbid"``; a failure becomes our ``ValidationError`` with ``field``
naming the first bad field, before anything touches the database. Limits are generous for real
use and far below anything that could hurt a kernel (a 1 MB paste is refused, naming the field).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator
from pydantic import ValidationError as PydanticValidationError

from ..errors import ValidationError

__all__ = [
    "CAMPAIGN_STATUSES",
    "ActorName",
    "BrandInput",
    "CampaignInput",
    "CampaignUpdate",
    "LongText",
    "MAX_CONTENT_CHARS",
    "validate_input",
]

CAMPAIGN_STATUSES = ("planned", "active", "paused", "completed", "archived")
MAX_CONTENT_CHARS = 200_000
MAX_JSON_CHARS = 200_000

_T = TypeVar("_T", bound=BaseModel)


def _no_markup(value: str) -> str:
    if "<" in value or ">" in value:
        raise ValueError("must not contain < or > (HTML or script is not allowed in a name)")
    return value


def _json_size(value: dict[str, Any]) -> dict[str, Any]:
    try:
        size = len(json.dumps(value, default=str))
    except (TypeError, ValueError):
        raise ValueError("must be plain JSON data (text, numbers, lists, objects)") from None
    if size > MAX_JSON_CHARS:
        raise ValueError(f"is too large ({size:,} characters of JSON; at most {MAX_JSON_CHARS:,})")
    return value


def _website(value: str | None) -> str | None:
    if value is None:
        return None
    if any(ch.isspace() for ch in value) or "<" in value or ">" in value:
        raise ValueError("must be a web address such as https://example.com, without spaces or markup")
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", value)
    if scheme and "://" in value and scheme.group(1).lower() not in ("http", "https"):
        raise ValueError("must start with http:// or https://")
    if scheme and "://" not in value and not value.split(":", 1)[1].isdigit():
        raise ValueError("must be a web address such as https://example.com")  # javascript:, data:
    return value


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), AfterValidator(_no_markup)
]
ActorName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=20_000)]
ListItem = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000)]
JsonObject = Annotated[dict[str, Any], AfterValidator(_json_size)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BrandInput(_Input):
    name: Name
    website: Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=2048), AfterValidator(_website)] = None
    industry: ShortText | None = None
    geography: ShortText | None = None
    voice: LongText | None = None
    banned_words: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=1_000
    )
    disclaimers: list[ListItem] = Field(default_factory=list, max_length=100)
    branding: JsonObject = Field(default_factory=dict)


class _CampaignFields(_Input):
    objective: LongText | None = None
    budget: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    start_date: date | None = None
    end_date: date | None = None
    channels: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=50
    )
    brief: JsonObject = Field(default_factory=dict)

    @field_validator("end_date")
    @classmethod
    def _not_before_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:
            raise ValueError("must not be before start_date")
        return value


class CampaignInput(_CampaignFields):
    name: Name
    status: Literal["planned", "active", "paused", "completed", "archived"] = "planned"


class CampaignUpdate(_CampaignFields):
    """Fields ``update_campaign`` may change; only the ones given are written."""

    name: Name | None = None
    status: Literal["planned", "active", "paused", "completed", "archived"] | None = None


def validate_input(model: type[_T], data: dict[str, Any], *, prefix: str = "") -> _T:
    """Validate ``data`` with ``model``; raise our ValidationError naming the first bad field."""
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        raise ValidationError.from_pydantic(exc, prefix=prefix) from None
