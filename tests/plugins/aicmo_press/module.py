"""The press-release module: inputs, output, renderer, offline composer and its ``SPEC``, built on
AICMO Workbench's public module framework (``aicmo_kernel.modules.base`` and ``.fields``)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints

from aicmo_kernel.modules.base import ModuleSpec, Upstream
from aicmo_kernel.modules.fields import InputModel, Label, LongText, Name, OutputModel, OutText
from aicmo_kernel.registry import module_info
from aicmo_kernel.schemas import Deliverable

_Headline = Annotated[str, StringConstraints(min_length=5, max_length=100)]


class PressInputs(InputModel):
    brand_name: Name
    announcement: LongText = Field(min_length=10, description="What is new, in a sentence or two")
    audience: LongText = ""
    spokesperson: Label = Field(default="", description="Name and role of the person quoted, if any")
    quote: LongText = ""
    website: Label = ""


class PressOutput(OutputModel):
    headline: _Headline
    subhead: OutText
    paragraphs: list[OutText] = Field(min_length=3, max_length=5)
    boilerplate: OutText


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    strategy = {}
    for item in upstream.get("strategy", []):
        strategy.update(item.get("metadata") or {})
    return {
        "brand_name": brand.get("name"),
        "announcement": strategy.get("core_message") or campaign.get("brief", {}).get("offer"),
        "audience": strategy.get("audience") or "",
        "website": brand.get("website") or "",
    }


def _render(output: PressOutput, inputs: PressInputs, brand: dict[str, Any], campaign: dict[str, Any],
            facts: dict[str, Any]) -> list[Deliverable]:
    body = "\n\n".join(output.paragraphs)
    text = f"# {output.headline}\n\n*{output.subhead}*\n\n{body}\n\n## About {inputs.brand_name}\n\n{output.boilerplate}"
    return [Deliverable(kind="press_release", title=f"Press release: {output.headline}", content_markdown=text,
                        metadata={"headline": output.headline, "spokesperson": inputs.spokesperson})]


def compose_press(context: dict[str, Any]) -> dict[str, Any]:
    """The offline draft: the announcement as given, nothing invented."""
    inputs = context["inputs"]
    brand = context.get("brand") or {}
    name = inputs["brand_name"]
    announcement = inputs["announcement"].strip().rstrip(".")
    audience = inputs.get("audience") or "its customers"
    paragraphs = [
        f"{name} today announced: {announcement}.",
        f"It is made for {audience.strip().rstrip('.')}.",
        f"Details and how to take part are at {inputs['website']}." if inputs.get("website")
        else "Details follow on the brand's own channels.",
    ]
    if inputs.get("spokesperson") and inputs.get("quote"):
        paragraphs.insert(2, f"\u201c{inputs['quote'].strip()}\u201d said {inputs['spokesperson']}.")
    return {
        "headline": f"{name} announces {announcement}"[:100].rstrip(),
        "subhead": f"For {audience.strip().rstrip('.')}.",
        "paragraphs": paragraphs,
        "boilerplate": f"{name} is {brand.get('industry') or 'a company'}"
                       f"{' based in ' + brand['geography'] if brand.get('geography') else ''}.",
    }


SPEC = ModuleSpec(
    info=module_info("press"),
    input_model=PressInputs,
    output_model=PressOutput,
    prompt_template="press.v1.md",
    package=__package__,
    prefill=_prefill,
    render=_render,
    composer=compose_press,
    max_output_tokens=2000,
)
