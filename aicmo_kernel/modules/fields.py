"""Field types shared by the modules' input and output models.

Every text field has a length cap, so a 1 MB paste is refused with a message naming the field
instead of ending up in a prompt. Name-like fields (client, campaign, theme) also refuse HTML,
because they are shown as titles in dashboards and exports.

Closed vocabularies (channels, asset types, any ``choice(...)``), hashtags, codes and numbers
forgive the small slips a model or a person makes ("LinkedIn.", "Twitter", "SundayRota" without
its "#", " 3 "): ``_normalise`` repairs them before validation, while the JSON schema a provider
sees still asks for the exact form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from ..platforms import CHANNELS, PLATFORM_ALIASES
from .normalise import choice_tidier, tidy_code, tidy_hashtag, tidy_scalar

__all__ = [
    "ASSET_TYPES",
    "CHANNELS",
    "HASHTAG_PATTERN",
    "OBJECTIVES",
    "AssetType",
    "Channel",
    "ChannelName",
    "Code",
    "Currency",
    "Flag",
    "Hashtag",
    "InputModel",
    "Integer",
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
    "Theme",
    "choice",
    "format_number",
    "format_target",
]

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



def empty_list() -> list[Any]:
    """``default_factory`` for a list field of a model built per request (``create_model``):
    pydantic reads a factory's signature, and for the builtin ``list`` that copies
    ``sys.modules``, which in a child of ``aicmo worker`` touches (and copies) a page per module
    object shared with the worker: about 8 ms on its first such model."""
    return []


def choice(*values: str, aliases: Mapping[str, str] | None = None) -> Any:
    """``Literal[values]`` that forgives case, surrounding whitespace, a trailing period, spaces or
    hyphens for underscores, and the synonyms in ``aliases``; its JSON schema is the plain enum."""
    values = tuple(dict.fromkeys(values))
    tidy = BeforeValidator(choice_tidier(values, aliases))
    return Annotated[Literal[values], tidy]  # type: ignore[valid-type]


_ASSET_ALIASES = {
    "tweet": "x_post",
    "twitter post": "x_post",
    "twitter thread": "x_thread",
    "tweet thread": "x_thread",
}

Channel = choice(*CHANNELS, aliases=PLATFORM_ALIASES)
# The exact names, for mapping keys: forgiving two spellings of one key would drop a value.
ChannelName = Literal[CHANNELS]  # type: ignore[valid-type]
Objective = choice(*OBJECTIVES)
AssetType = choice(*ASSET_TYPES, aliases=_ASSET_ALIASES)

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
# A campaign theme: a single line as long as strategy may write one (its output's ``theme``), so an
# approved strategy's theme always fits the modules that take it as an input.
Theme = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_plain_name)]
ShortText = Annotated[str, StringConstraints(max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
# An upper-case code, e.g. Code(r"^S\d{3,4}$") for a slot id: " s001. " is read as "S001".
def Code(pattern: str) -> Any:
    # The constraint goes first: a before-validator wraps it, so the schema keeps the pattern.
    return Annotated[str, StringConstraints(pattern=pattern), BeforeValidator(tidy_code)]


Currency = Code(r"^[A-Z]{3}$")
# Model-written text: generous caps, still far below anything that could hurt a prompt or a page.
OutText = Annotated[str, StringConstraints(min_length=1, max_length=3000)]

# What a provider is asked for. Validation is wider on purpose: a tag with punctuation inside
# ("#rota-app", which platforms cut at the hyphen) is a QC finding with a fix (hashtag_format),
# not a broken answer. Refused: no letter or digit, a "#" inside, other punctuation, > 60 chars.
HASHTAG_PATTERN = r"^#\w{1,60}$"
_HASHTAG_SHAPE = re.compile(r"#\w+(?:[-.&+'\u2019]\w+)*")
_HASHTAG_MAX = 60


def _well_formed_hashtag(value: str) -> str:
    if "#" in value.strip().lstrip("#"):
        raise ValueError("holds more than one #: give each hashtag as its own item")
    if not _HASHTAG_SHAPE.fullmatch(value):
        raise ValueError("a hashtag is # then letters, digits or underscores, e.g. #SundayRota")
    if len(value) - 1 > _HASHTAG_MAX:
        raise ValueError(f"a hashtag has at most {_HASHTAG_MAX} characters after the #")
    return value


Hashtag = Annotated[
    str,
    BeforeValidator(tidy_hashtag),
    AfterValidator(_well_formed_hashtag),
    WithJsonSchema({"type": "string", "pattern": HASHTAG_PATTERN}),
]
# Numbers and yes/no in model output: " 3 " and "3." are read as 3 (see tidy_scalar).
Integer = Annotated[int, BeforeValidator(tidy_scalar)]
Flag = Annotated[bool, BeforeValidator(tidy_scalar)]


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
