"""Module 1, intake: the client brief -> client summary, persona cards, brand voice guide.

Everything later modules need from the brief (offer, audience, pains, KPI targets, tone) is kept
in the client summary's metadata, so strategy can pre-fill its form from the approved summary.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from ...briefs.values import BUDGET_PERIODS
from .composer import compose_intake
from ...schemas import Deliverable
from ...registry import module_info
from ..fields import (
    OBJECTIVES,
    Currency,
    InputModel,
    KpiTarget,
    Label,
    LabelList,
    LongText,
    Name,
    Objective,
    OutputModel,
    OutText,
    TextList,
    choice,
)
from ..phrasebook import first_language, target, tr
from ..templates import SHARED_SYSTEM_TEMPLATE, bullets
from ..base import ModuleSpec, Upstream

__all__ = ["SPEC", "IntakeInputs", "IntakeOutput"]

_WEBSITE = re.compile(r"^(https?://)?[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}(:\d+)?(/\S*)?$")
_Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]


BudgetPeriod = choice(*BUDGET_PERIODS)  # the briefs' periods: total, day, week, month, quarter, year


class IntakeInputs(InputModel):
    """The client brief. Only the client name is required; gaps become questions for the client."""

    client_name: Name
    website: Annotated[str, StringConstraints(max_length=300)] = "none"
    industry: Label = ""
    geography: Label = ""
    offer: LongText = ""
    usp: LongText = ""
    audience: LongText = ""
    pain_points: TextList = Field(default_factory=list)
    desired_outcomes: TextList = Field(default_factory=list)
    objections: TextList = Field(default_factory=list)
    objective: Objective = "leads"
    kpi_targets: list[KpiTarget] = Field(default_factory=list, max_length=12)
    budget: float | None = Field(default=None, ge=0, allow_inf_nan=False,
                                 description="the campaign's total budget (a per-period one goes below)")
    budget_period: BudgetPeriod = Field(
        default="total", description="how the client stated the budget: total, or per day, week, month, quarter or year"
    )
    budget_per_period: float | None = Field(
        default=None, ge=0, allow_inf_nan=False,
        description="the amount per period as the client stated it, when the budget is not a total",
    )
    currency: Currency = "USD"
    start_date: date | None = None
    end_date: date | None = None
    tone: Label = ""
    banned_words: LabelList = Field(default_factory=list)
    disclaimers: Annotated[
        list[Annotated[str, StringConstraints(max_length=500)]], Field(max_length=10)
    ] = Field(default_factory=list)
    languages: LabelList = Field(default_factory=lambda: ["English"])

    @field_validator("website")
    @classmethod
    def _website_or_none(cls, value: str) -> str:
        if value.lower() in {"", "none", "n/a", "no website"}:
            return "none"
        if not _WEBSITE.match(value):
            raise ValueError("must be a web address like https://example.com, or 'none'")
        return value

    @field_validator("end_date")
    @classmethod
    def _end_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:  # the same day: a one-day campaign
            raise ValueError(f"must not be before the start date ({start.isoformat()})")
        return value


class ClientSummary(OutputModel):
    headline: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    overview: OutText
    offer: OutText
    differentiator: OutText
    audience: OutText
    objective: OutText
    budget_and_timing: OutText
    open_questions: list[OutText] = Field(default_factory=list, max_length=12)


class Persona(OutputModel):
    label: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    who_they_are: OutText
    goals: list[OutText] = Field(min_length=1, max_length=6)
    pains: list[OutText] = Field(min_length=1, max_length=6)
    objections: list[OutText] = Field(default_factory=list, max_length=6)
    triggers: list[OutText] = Field(default_factory=list, max_length=6)
    where_to_reach: list[OutText] = Field(default_factory=list, max_length=6)
    message_that_lands: OutText


class VoicePrinciple(OutputModel):
    principle: _Line
    do: OutText
    dont: OutText


class VoiceGuide(OutputModel):
    summary: OutText
    principles: list[VoicePrinciple] = Field(min_length=2, max_length=6)
    words_to_prefer: list[_Line] = Field(default_factory=list, max_length=20)
    disclaimer_usage: OutText
    sample_lines: list[OutText] = Field(min_length=1, max_length=6)


class IntakeOutput(OutputModel):
    """What a provider returns for intake. KPI targets, banned words and disclaimers are not
    here on purpose: they are rendered from the inputs by code, so no model can alter them."""

    client_summary: ClientSummary
    personas: list[Persona] = Field(min_length=2, max_length=3)
    voice_guide: VoiceGuide


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    values: dict[str, Any] = {
        "client_name": brand.get("name"),
        "website": brand.get("website") or None,
        "industry": brand.get("industry"),
        "geography": brand.get("geography"),
        "tone": brand.get("voice"),
        "banned_words": list(brand.get("banned_words") or []),
        "disclaimers": list(brand.get("disclaimers") or []),
        "budget": campaign.get("budget"),
        **_stated_budget(campaign),
        "start_date": campaign.get("start_date"),
        "end_date": campaign.get("end_date"),
    }
    if campaign.get("objective") in OBJECTIVES:
        values["objective"] = campaign["objective"]
    return values


def _stated_budget(campaign: dict[str, Any]) -> dict[str, Any]:
    """A brief's budget per period (``campaign.brief["budget"]``: a monthly budget is not a total)."""
    stated = (campaign.get("brief") or {}).get("budget") or {}
    if stated.get("period") in (None, "", "total") or stated.get("amount") is None:
        return {}
    return {"budget_period": stated["period"], "budget_per_period": stated["amount"]}


def _timing(inputs: IntakeInputs) -> dict[str, Any]:
    return {
        "budget": inputs.budget,
        "budget_period": inputs.budget_period,
        "budget_per_period": inputs.budget_per_period,
        "currency": inputs.currency,
        "start_date": inputs.start_date.isoformat() if inputs.start_date else None,
        "end_date": inputs.end_date.isoformat() if inputs.end_date else None,
    }


def _kpi_lines(inputs: IntakeInputs, lang: str = "en") -> str:
    """The client's KPI targets, verbatim, numbers as the language writes them (empty when none:
    the objective text says so)."""
    return "\n\n" + bullets(target(lang, k) for k in inputs.kpi_targets) if inputs.kpi_targets else ""


def _render(
    output: IntakeOutput,
    inputs: IntakeInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    name = inputs.client_name
    summary = output.client_summary
    lang = _language(inputs)
    t = lambda text, **values: tr(lang, text, **values)  # headings in the brief's language
    summary_md = "\n\n".join(
        part
        for part in (
            f"# {t('{name}: client summary', name=name)}",
            summary.headline,
            f"## {t('Overview')}\n\n{summary.overview}",
            f"## {t('Offer')}\n\n{summary.offer}",
            f"## {t('What makes it different')}\n\n{summary.differentiator}",
            f"## {t('Audience')}\n\n{summary.audience}",
            f"## {t('Objective and KPI targets')}\n\n{summary.objective}{_kpi_lines(inputs, lang)}",
            f"## {t('Budget and timing')}\n\n{summary.budget_and_timing}",
            f"## {t('Open questions for the client')}\n\n{bullets(summary.open_questions, empty=t('none'))}",
        )
    )
    facts = inputs.model_dump(mode="json")
    summary_meta = {
        **{
            k: facts[k]
            for k in ("client_name", "website", "industry", "geography", "offer", "usp", "audience")
        },
        **{
            k: facts[k]
            for k in ("pain_points", "desired_outcomes", "objections", "objective", "kpi_targets")
        },
        **{k: facts[k] for k in ("tone", "banned_words", "disclaimers", "languages")},
        **_timing(inputs),
        "personas": [p.label for p in output.personas],
        "open_questions": list(summary.open_questions),
    }
    items = [
        Deliverable(
            kind="client_summary",
            title=f"Client summary: {name}",
            content_markdown=summary_md,
            metadata=summary_meta,
        )
    ]
    for persona in output.personas:
        items.append(
            Deliverable(
                kind="persona_card",
                title=f"Persona: {persona.label}",
                content_markdown=_persona_markdown(persona, name, lang),
                metadata={"client_name": name, **persona.model_dump(mode="json")},
            )
        )
    items.append(
        Deliverable(
            kind="brand_voice_guide",
            title=f"Brand voice guide: {name}",
            content_markdown=_voice_markdown(output.voice_guide, inputs, lang),
            metadata={
                "client_name": name,
                "tone": inputs.tone,
                "banned_words": list(inputs.banned_words),
                "disclaimers": list(inputs.disclaimers),
                "languages": list(inputs.languages),
                "words_to_prefer": list(output.voice_guide.words_to_prefer),
            },
        )
    )
    return items


def _language(inputs: IntakeInputs) -> str:
    """The brief's first language, as the composer reads it (its own words decide over the default)."""
    return first_language(inputs.languages, [inputs.offer, inputs.audience, inputs.industry, *inputs.pain_points])


def _persona_markdown(persona: Persona, client: str, lang: str = "en") -> str:
    t = lambda text, **values: tr(lang, text, **values)
    sections = [
        f"# {persona.label}",
        f"*{t('Ideal-customer persona for {client}.', client=client)}*",
        persona.who_they_are,
        f"## {t('Goals')}\n\n{bullets(persona.goals)}",
        f"## {t('Pains')}\n\n{bullets(persona.pains)}",
        f"## {t('Objections')}\n\n{bullets(persona.objections, empty=t('none recorded'))}",
        f"## {t('What makes them look for a solution')}\n\n{bullets(persona.triggers, empty=t('not known yet'))}",
        (f"## {t('Where to reach them')}\n\n"
         f"{bullets(persona.where_to_reach, empty=t('to confirm with the client'))}"),
        f"## {t('The message most likely to land')}\n\n> {persona.message_that_lands}",
    ]
    return "\n\n".join(sections)


def _voice_markdown(guide: VoiceGuide, inputs: IntakeInputs, lang: str = "en") -> str:
    t = lambda text, **values: tr(lang, text, **values)
    do, dont = "Do: {advice}", "Don't: {advice}"
    principles = "\n\n".join(
        f"### {p.principle}\n\n- {t(do, advice=p.do)}\n- {t(dont, advice=p.dont)}" for p in guide.principles
    )
    prefer = t("Words to prefer (the customer's own)")
    none_listed = t("none listed by the client")
    sections = [
        f"# {t('{name}: brand voice guide', name=inputs.client_name)}",
        guide.summary,
        f"## {t('Principles')}\n\n{principles}",
        f"## {prefer}\n\n{bullets(guide.words_to_prefer, empty=t('none yet'))}",
        f"## {t('Words we never use')}\n\n{bullets(inputs.banned_words, empty=none_listed)}",
        (
            f"## {t('Required disclaimers')}\n\n{bullets(inputs.disclaimers, empty=none_listed)}\n\n"
            f"{guide.disclaimer_usage}"
        ),
        f"## {t('Languages')}\n\n{bullets(inputs.languages)}",
        f"## {t('Sample lines in this voice')}\n\n{bullets(guide.sample_lines)}",
    ]
    return "\n\n".join(sections)


SPEC = ModuleSpec(
    info=module_info("intake"),
    input_model=IntakeInputs,
    output_model=IntakeOutput,
    prompt_template="intake.v2.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_intake,
)
