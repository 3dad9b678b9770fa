"""Field types shared by the modules' input and output models.

Every text field has a length cap, so a 1 MB paste is refused with a message naming the field
instead of ending up in a prompt. Name-like fields (client, campaign, theme) also refuse HTML,
because they are shown as titles in dashboards and exports.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

__all__ = [
    "ASSET_TYPES",
    "CHANNELS",
    "OBJECTIVES",
    "AssetType",
    "Channel",
    "Currency",
    "Hashtag",
    "InputModel",
    "KpiTarget",
    "Label",
    "LabelList",
    "LongText",
    "Name",
    "Objective",
    "OutText",
    "OutputModel",
    "ShortText",
    "TextList",
    "format_number",
    "format_target",
]

CHANNELS = ("linkedin", "instagram", "x", "email", "facebook", "tiktok", "youtube", "blog", "ads")
OBJECTIVES = ("awareness", "consideration", "leads", "sales", "retention", "launch")
ASSET_TYPES = (
    "linkedin_post",
    "instagram_caption",
    "instagram_carousel",
    "x_post",
    "x_thread",
    "email",
    "ad_copy",
    "video_script",
    "image_prompt",
)

Channel = Literal[
    "linkedin", "instagram", "x", "email", "facebook", "tiktok", "youtube", "blog", "ads"
]
Objective = Literal["awareness", "consideration", "leads", "sales", "retention", "launch"]
AssetType = Literal[
    "linkedin_post",
    "instagram_caption",
    "instagram_carousel",
    "x_post",
    "x_thread",
    "email",
    "ad_copy",
    "video_script",
    "image_prompt",
]

# A tag opener like <b>, </div>, <!-- or <script: enough to refuse markup without refusing "a < b".
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plain_name(value: str) -> str:
    if _HTML_TAG.search(value):
        raise ValueError("must be plain text, not HTML (remove the <...> tags)")
    if _CONTROL.search(value) or "\n" in value:
        raise ValueError("must be a single line of plain text")
    return value


Name = Annotated[str, StringConstraints(min_length=1, max_length=120), AfterValidator(_plain_name)]
ShortText = Annotated[str, StringConstraints(max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
# Model-written text: generous caps, still far below anything that could hurt a prompt or a page.
OutText = Annotated[str, StringConstraints(min_length=1, max_length=3000)]
Hashtag = Annotated[str, StringConstraints(pattern=r"^#\w{1,60}$")]


class InputModel(BaseModel):
    """Base of the module input models: unknown fields refused, surrounding spaces dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OutputModel(BaseModel):
    """Base of the structured outputs the model (or the offline composer) must return."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class KpiTarget(BaseModel):
    """One KPI target exactly as the client gave it; nothing downstream invents others."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    metric: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    target: float = Field(ge=0, allow_inf_nan=False)
    unit: Annotated[str, StringConstraints(max_length=30)] = ""


def format_number(value: float) -> str:
    """12000.0 -> '12,000'; 2.5 -> '2.5' (no trailing .0 on whole numbers)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_target(kpi: KpiTarget | dict) -> str:
    """'trial sign-ups: 120', 'trial-to-paid rate: 25%', 'cost per trial: 35 GBP'."""
    data = kpi.model_dump() if isinstance(kpi, KpiTarget) else kpi
    number = format_number(float(data["target"]))
    unit = str(data.get("unit") or "").strip()
    if not unit or unit.lower() in {"count", "number", "#"}:
        return f"{data['metric']}: {number}"
    joiner = "" if unit == "%" else " "
    return f"{data['metric']}: {number}{joiner}{unit}"


def _drop_blank_items(values: list[str]) -> list[str]:
    return [v for v in values if v.strip()]


# A short single-line label that is shown as-is (industry, geography, tone, a KPI's metric).
Label = Annotated[str, StringConstraints(max_length=200), AfterValidator(_plain_name)]
# A list of short texts; blank entries (an empty form row) are dropped rather than refused.
TextList = Annotated[list[ShortText], Field(max_length=20), AfterValidator(_drop_blank_items)]
LabelList = Annotated[list[Label], Field(max_length=100), AfterValidator(_drop_blank_items)]
