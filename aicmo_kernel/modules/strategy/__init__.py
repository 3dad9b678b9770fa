"""Module 2, strategy: the eight-layer strategy document and the messaging framework.

The form pre-fills offer, audience, tone and KPI targets from the approved client summary's
metadata, and channels, budget and duration from the campaign. KPI targets are rendered from the
inputs by code, so the measurement layer can only ever hold the client's own numbers.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

from ..phrasebook import first_language, language_codes, language_of_inputs, tr
from ..phrasebook import number as number_in
from ..phrasebook import target as target_in
from ..text import days_between, display_theme, length_text, weeks_between
from .composer import compose_strategy
from .timing import prompt_timing
from ...schemas import Deliverable
from ...platforms import platform_name
from ...registry import module_info
from ..fields import (
    CHANNELS,
    Channel,
    Currency,
    InputModel,
    KpiTarget,
    Label,
    LongText,
    Name,
    OutputModel,
    OutText,
    ShortText,
)
from ..templates import SHARED_SYSTEM_TEMPLATE, bullets
from ..base import ModuleSpec, Upstream

__all__ = ["SPEC", "StrategyInputs", "StrategyOutput"]

_Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def _at_least_one(values: list[str]) -> list[str]:
    kept = [v for v in values if v.strip()]
    if not kept:
        raise ValueError("give at least one objective")
    return kept


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class StrategyInputs(InputModel):
    campaign_name: Name
    objectives: Annotated[
        list[ShortText], Field(min_length=1, max_length=8), AfterValidator(_at_least_one)
    ]
    channels: Annotated[list[Channel], Field(min_length=1, max_length=9), AfterValidator(_unique)]
    budget: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    currency: Currency = "USD"
    duration_weeks: int = Field(default=12, ge=1, le=104)
    offer: LongText = ""
    audience: LongText = ""
    tone: Label = ""
    kpi_targets: list[KpiTarget] = Field(default_factory=list, max_length=12)
    notes: LongText = ""
    # The brief's language (a name or code: "French", "fr"), or its languages, first one first ("es, en"):
    # documents are written in the first, creatives in each.
    language: Label = ""


class Layer(OutputModel):
    summary: OutText
    points: list[OutText] = Field(min_length=1, max_length=10)


class ChannelPlan(OutputModel):
    channel: Channel
    role: OutText
    kpi: OutText
    cadence: OutText
    kill_criteria: OutText


class Measurement(OutputModel):
    summary: OutText
    decision_rules: list[OutText] = Field(min_length=1, max_length=10)
    review_cadence: OutText


class StrategyDocument(OutputModel):
    business_reality: Layer
    market_truth: Layer
    audience_psychology: Layer
    value_architecture: Layer
    narrative: Layer
    channels: list[ChannelPlan] = Field(min_length=1, max_length=9)
    constraints: list[OutText] = Field(min_length=1, max_length=12)
    measurement: Measurement


class Pillar(OutputModel):
    name: _Line
    pain: OutText = Field(description="the customer problem this pillar answers")
    message: OutText
    proof_to_confirm: OutText


class ObjectionAnswer(OutputModel):
    objection: OutText
    answer: OutText


class MessagingFramework(OutputModel):
    core_message: Annotated[str, StringConstraints(min_length=1, max_length=400)]
    positioning_statement: OutText
    pillars: list[Pillar] = Field(min_length=2, max_length=4)
    objection_handling: list[ObjectionAnswer] = Field(default_factory=list, max_length=8)
    calls_to_action: list[_Line] = Field(min_length=1, max_length=5)
    words_to_avoid: list[_Line] = Field(default_factory=list, max_length=30)


class StrategyOutput(OutputModel):
    theme: _Line
    strategy: StrategyDocument
    messaging: MessagingFramework


def _client_summary(upstream: Upstream) -> dict[str, Any]:
    for item in upstream.get("intake", []):
        if item.get("kind") == "client_summary":
            return dict(item.get("metadata") or {})
    return {}


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    intake = _client_summary(upstream)
    kpis = intake.get("kpi_targets") or []
    objective = intake.get("objective") or campaign.get("objective")
    language = first_language(intake.get("languages"), [intake.get("offer"), intake.get("audience")]
                              + list(intake.get("pain_points") or []))
    objectives = [tr(language, "Reach {target}", target=target_in(language, k)) for k in kpis] or (
        [tr(language, "Campaign objective: {objective}", objective=tr(language, objective))] if objective else []
    )
    weeks = weeks_between(intake.get("start_date"), intake.get("end_date")) or weeks_between(
        campaign.get("start_date"), campaign.get("end_date")
    )
    budget = campaign.get("budget") if campaign.get("budget") is not None else intake.get("budget")
    return {
        "campaign_name": campaign.get("name"),
        "objectives": objectives,
        "channels": [c for c in campaign.get("channels") or [] if c in CHANNELS],
        "budget": budget,
        "currency": intake.get("currency"),
        "duration_weeks": min(weeks, 104) if weeks else None,
        "offer": intake.get("offer"),
        "audience": intake.get("audience"),
        "tone": intake.get("tone") or brand.get("voice"),
        "kpi_targets": kpis,
        # The first language, then the brief's others: "es, en" (copy is written in each).
        "language": ", ".join(dict.fromkeys([language, *language_codes(intake.get("languages") or [])])),
    }


def _prepare(inputs: StrategyInputs, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream,
             workspace: Any = None) -> dict[str, Any]:
    """The campaign's length and checkpoints for the prompt (``timing.prompt_timing``), from the
    approved intake's dates (the campaign's when the intake has none) and the weeks planned for:
    the model fits its cadence, checks and reviews inside the campaign, as the offline plan does."""
    intake = _client_summary(upstream)
    start, end = intake.get("start_date"), intake.get("end_date")
    if not (start and end):
        start, end = campaign.get("start_date"), campaign.get("end_date")
    days = days_between(start, end)
    return {"timing": prompt_timing(inputs.duration_weeks, days, str(start)[:10] if days else None,
                                    str(end)[:10] if days else None)}


def _layer(number: int, title: str, layer: Layer) -> str:
    return f"## {number}. {title}\n\n{layer.summary}\n\n{bullets(layer.points)}"


def _labels(lang: str) -> dict[str, str]:
    """The documents' headings and labels in ``lang`` (``phrasebook.tr``)."""
    words = ("Business reality", "Market truth", "Audience psychology", "Value architecture", "Narrative",
             "Channels", "Constraints", "Measurement", "Objectives", "KPI targets", "Decision rules",
             "Review cadence:", "Role:", "KPI:", "Cadence:", "Kill criteria:", "theme:",
             "budget to confirm", "no KPI targets agreed yet",
             "Core message", "Positioning", "Message pillars", "The problem:", "Proof to confirm with the client:",
             "Answering objections", "No objections recorded in the brief.", "Calls to action", "Words to avoid",
             "see the brand voice guide",
             "The brand's banned words are listed in the brand voice guide and checked by QC on every draft.")
    return {w: tr(lang, w) for w in words}


def _render(
    output: StrategyOutput,
    inputs: StrategyInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    doc, msg = output.strategy, output.messaging
    client = brand.get("name") or inputs.campaign_name
    # Titles show the campaign's name as copy may (never its short id, markup or a placeholder).
    shown = display_theme(inputs.campaign_name, output.theme or client)
    # Headings and labels in the brief's first language, as the composer wrote the text.
    lang = language_of_inputs(inputs.language, [inputs.offer, inputs.audience])
    w = _labels(lang)
    budget = f"{number_in(lang, inputs.budget)} {inputs.currency}" if inputs.budget is not None else w["budget to confirm"]
    # The length by the one rule (``text.length_text``): "3 days" for a short event, never "1 weeks".
    days = days_between(campaign.get("start_date"), campaign.get("end_date"))
    length = length_text(inputs.duration_weeks, days, lambda english, **values: tr(lang, english, **values))
    channels = "\n\n".join(
        f"### {platform_name(c.channel)}\n\n- {w['Role:']} {c.role}\n- {w['KPI:']} {c.kpi}\n"
        f"- {w['Cadence:']} {c.cadence}\n- {w['Kill criteria:']} {c.kill_criteria}"
        for c in doc.channels
    )
    kpis = bullets((target_in(lang, k) for k in inputs.kpi_targets), empty=w["no KPI targets agreed yet"])
    rules = "\n".join(f"{n}. {rule}" for n, rule in enumerate(doc.measurement.decision_rules, 1))
    strategy_md = "\n\n".join(
        [
            f"# {tr(lang, 'Strategy: {name}', name=shown)}",
            f"*{client} · {length} · {budget} · {w['theme:']} {output.theme}*",
            f"**{w['Objectives']}**\n\n{bullets(inputs.objectives)}",
            _layer(1, w["Business reality"], doc.business_reality),
            _layer(2, w["Market truth"], doc.market_truth),
            _layer(3, w["Audience psychology"], doc.audience_psychology),
            _layer(4, w["Value architecture"], doc.value_architecture),
            _layer(5, w["Narrative"], doc.narrative),
            f"## 6. {w['Channels']}\n\n{channels}",
            f"## 7. {w['Constraints']}\n\n{bullets(doc.constraints)}",
            (
                f"## 8. {w['Measurement']}\n\n{doc.measurement.summary}\n\n**{w['KPI targets']}**\n\n{kpis}\n\n"
                f"**{w['Decision rules']}**\n\n{rules}\n\n**{w['Review cadence:']}** {doc.measurement.review_cadence}"
            ),
        ]
    )
    pillars = "\n\n".join(
        f"### {p.name}\n\n*{w['The problem:']}* {p.pain}\n\n{p.message}\n\n"
        f"*{w['Proof to confirm with the client:']}* {p.proof_to_confirm}"
        for p in msg.pillars
    )
    objections = "\n\n".join(f"**{o.objection}**\n\n{o.answer}" for o in msg.objection_handling)
    messaging_md = "\n\n".join(
        [
            f"# {tr(lang, 'Messaging framework: {name}', name=shown)}",
            f"## {w['Core message']}\n\n> {msg.core_message}",
            f"## {w['Positioning']}\n\n{msg.positioning_statement}",
            f"## {w['Message pillars']}\n\n{pillars}",
            f"## {w['Answering objections']}\n\n{objections or w['No objections recorded in the brief.']}",
            f"## {w['Calls to action']}\n\n{bullets(msg.calls_to_action)}",
            (
                f"## {w['Words to avoid']}\n\n{bullets(msg.words_to_avoid, empty=w['see the brand voice guide'])}\n\n"
                + w["The brand's banned words are listed in the brand voice guide and checked by QC on every draft."]
            ),
        ]
    )
    shared = {"client_name": client, "campaign_name": inputs.campaign_name, "theme": output.theme}
    return [
        Deliverable(
            kind="strategy_document",
            title=f"Strategy: {shown}",
            content_markdown=strategy_md,
            metadata={
                **shared,
                **inputs.model_dump(
                    mode="json", include={"objectives", "budget", "currency", "duration_weeks"}
                ),
                **inputs.model_dump(
                    mode="json", include={"offer", "audience", "tone", "kpi_targets"}
                ),
                "language": lang,
                "languages": list(dict.fromkeys([lang, *language_codes(inputs.language)])),
                "channels": [c.channel for c in doc.channels],
                "channel_plans": [c.model_dump(mode="json") for c in doc.channels],
                "decision_rules": list(doc.measurement.decision_rules),
            },
        ),
        Deliverable(
            kind="messaging_framework",
            title=f"Messaging framework: {shown}",
            content_markdown=messaging_md,
            metadata={
                **shared,
                "core_message": msg.core_message,
                "positioning_statement": msg.positioning_statement,
                "pillars": [p.model_dump(mode="json") for p in msg.pillars],
                "calls_to_action": list(msg.calls_to_action),
                "objection_handling": [o.model_dump(mode="json") for o in msg.objection_handling],
                "words_to_avoid": list(msg.words_to_avoid),
            },
        ),
    ]


SPEC = ModuleSpec(
    info=module_info("strategy"),
    input_model=StrategyInputs,
    output_model=StrategyOutput,
    prompt_template="strategy.v4.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_strategy,
    prepare=_prepare,
)
