"""The module framework: what every one of the nine modules declares and how it is driven.

A module is a frozen ``ModuleSpec``: an input model (the form), an output model (the structured
answer a provider must return), a versioned prompt template, and three small functions of its
own: ``prefill`` (defaults from the brand, the campaign and approved upstream deliverables),
``render`` (structured output -> Markdown deliverables, by code) and ``composer`` (the offline
provider's deterministic draft). Modules that work on real data add ``prepare``: it computes the
*facts* by code before any model is asked (a KPI table from a CSV, scored leads, calendar slots),
raises ``NoDataError`` when the data is missing, and its result reaches the prompt, the offline
composer (``context["facts"]``) and ``render``, so the model only ever writes around numbers that
code produced. Everything else, validation, prompt assembly, error mapping, is
shared here so the nine modules behave alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ..errors import ContractViolation, ValidationError
from ..providers.base import LLMRequest
from ..schemas import Deliverable
from ..platforms import prompt_limits
from ..providers.context import context_budget, fit_json, fit_upstream, prompt_json
from ..registry import ModuleInfo
if TYPE_CHECKING:
    from ..workflow import Approval

from .templates import (
    SYSTEM_TEMPLATE,
    TAIL_HEADING,
    brand_rules_block,
    plain_json,
    render_sections,
    render_template,
    template_version,
    upstream_block,
)

__all__ = ["BindOutput", "FactBoundSpec", "ModuleSpec", "Upstream", "output_schema_of"]

Upstream = dict[str, list[dict[str, Any]]]
Prefill = Callable[[dict[str, Any], dict[str, Any], Upstream], dict[str, Any]]
# render(output, inputs, brand, campaign, facts) -> deliverables
Render = Callable[[Any, Any, dict[str, Any], dict[str, Any], dict[str, Any]], list[Deliverable]]
Composer = Callable[[dict[str, Any]], dict[str, Any]]
# prepare(inputs, brand=, campaign=, upstream=, workspace=) -> facts (JSON-able)
Prepare = Callable[..., dict[str, Any]]
# after_approval(Approval): runs inside the approval's transaction; raise to refuse the approval.
AfterApproval = Callable[["Approval"], None]  # workflow.Approval
# inputs_for_run(policy, level_given) -> inputs a headless run (``aicmo run``) generates with, or None.
InputsForRun = Callable[[Any, bool], "dict[str, Any] | None"]
# requote(item, upstream) -> the approved item's {content_markdown, metadata} with what it quotes
# from upstream (``upstream(module)``: approved deliverables, each with its ``versions``) brought up
# to upstream's approved versions, or None; exports call it (execution: the calendar's hooks).
Requote = Callable[[dict[str, Any], Callable[[str], list[dict[str, Any]]]], "dict[str, Any] | None"]





@lru_cache(maxsize=64)
def output_schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema of an output model, built once per model: pydantic takes milliseconds to
    build it and every generation asks (bench/provider_overhead.py). Shared: never mutate it."""
    return model.model_json_schema()

@dataclass(frozen=True)
class ModuleSpec:
    """One module's contract. ``get_module(name)`` returns the module's ``SPEC``."""

    info: ModuleInfo
    input_model: type[BaseModel]
    output_model: type[BaseModel]
    prompt_template: str
    prefill: Prefill
    render: Render
    composer: Composer
    system_template: str = SYSTEM_TEMPLATE
    max_output_tokens: int = 8192
    prepare: Prepare | None = None
    # The Python package whose files hold ``prompt_template`` (a built-in module's own package).
    package: str = "aicmo_kernel.modules"
    # Hooks: what this module does around its approvals and headless runs (docs/architecture.md).
    after_approval: AfterApproval | None = None
    inputs_for_run: InputsForRun | None = None
    requote: Requote | None = None

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def prompt_version(self) -> str:
        return template_version(self.prompt_template)

    def validate_inputs(self, raw: Mapping[str, Any] | BaseModel) -> BaseModel:
        """The validated inputs, or our ``ValidationError`` naming the field (``inputs.<name>``)."""
        if isinstance(raw, self.input_model):
            return raw
        if isinstance(raw, BaseModel):
            raw = raw.model_dump()
        if not isinstance(raw, Mapping):
            raise ValidationError(
                f"inputs must be a mapping of field names to values, not {type(raw).__name__}",
                field="inputs",
            )
        try:
            return self.input_model.model_validate(dict(raw))
        except PydanticValidationError as exc:
            raise ValidationError.from_pydantic(exc, prefix="inputs.") from None

    def default_inputs(
        self, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream
    ) -> dict[str, Any]:
        """Helpful pre-fill for the form; only fields the input model knows, nothing invented."""
        values = self.prefill(brand or {}, campaign or {}, upstream or {})
        known = self.input_model.model_fields
        return {
            key: value
            for key, value in values.items()
            if key in known and value not in (None, "", [])
        }

    def prepare_facts(
        self,
        inputs: BaseModel | Mapping[str, Any],
        *,
        brand: dict[str, Any],
        campaign: dict[str, Any],
        upstream: Upstream,
        workspace: Any = None,
    ) -> dict[str, Any]:
        """The facts computed by code from the inputs (may raise ``NoDataError``); {} if none."""
        if self.prepare is None:
            return {}
        validated = self.validate_inputs(inputs)
        facts = self.prepare(
            validated, brand=brand or {}, campaign=campaign or {}, upstream=upstream or {},
            workspace=workspace,
        )
        return plain_json(facts or {})

    def build_request(
        self,
        inputs: BaseModel | Mapping[str, Any],
        *,
        brand: dict[str, Any],
        campaign: dict[str, Any],
        upstream: Upstream,
        facts: dict[str, Any] | None = None,
    ) -> LLMRequest:
        """The provider request: rendered prompt, output schema, and plain-data context."""
        validated = self.validate_inputs(inputs)
        inputs_data = validated.model_dump(mode="json")
        context = {
            "module": self.name,
            "prompt_version": self.prompt_version,
            "inputs": inputs_data,
            "brand": plain_json(brand or {}),
            "campaign": plain_json(campaign or {}),
            "upstream": plain_json({k: list(v) for k, v in (upstream or {}).items()}),
            "facts": plain_json(facts or {}),
        }
        # The prompt carries upstream and facts within the module's context budget (long tables and
        # lists condensed by code, with counts of what was left out); the context keeps them whole
        # for the offline composer and the grounding checks. What was condensed is said on the run.
        budget = context_budget(self.name)
        prompt_upstream, upstream_notes = fit_upstream(context["upstream"], budget)
        prompt_facts, facts_notes = fit_json(context["facts"], budget)
        if upstream_notes or facts_notes:
            context["condensed"] = [*upstream_notes, *facts_notes]
        system = render_template(self.system_template, module_title=self.info.title)
        sections = render_sections(
            self.prompt_template,
            self.package,
            prompt_version=self.prompt_version,
            module_title=self.info.title,
            inputs_json=prompt_json(inputs_data, sort_keys=False),
            campaign_json=prompt_json(context["campaign"]),
            brand_rules=brand_rules_block(context["brand"]),
            upstream=upstream_block(prompt_upstream),
            facts_json=prompt_json(prompt_facts),
            platform_limits=prompt_limits(),
        )
        prompt = "".join(sections)
        stable_chars, cache_breaks = _stable_prefix(sections)
        return LLMRequest(
            module=self.name,
            system=system,
            prompt=prompt,
            stable_prefix_chars=stable_chars,
            cache_breaks=cache_breaks,
            output_schema=output_schema_of(self.output_model),
            schema_name=f"{self.name}_output",
            context=context,
            output_model=self.output_model,
            max_output_tokens=self.max_output_tokens,
            compose_offline=self.compose_offline,
        )

    def parse_output(self, output: BaseModel | Mapping[str, Any]) -> BaseModel:
        """The structured output validated, or ``ContractViolation`` naming the field (``output.<path>``)."""
        if isinstance(output, self.output_model):
            return output
        if isinstance(output, BaseModel):
            output = output.model_dump()
        if not isinstance(output, Mapping):
            raise ContractViolation(
                f"output must be a JSON object, not {type(output).__name__}", field="output"
            )
        try:
            return self.output_model.model_validate(dict(output))
        except PydanticValidationError as exc:
            raise _contract_violation(exc) from None

    def to_deliverables(
        self,
        output: BaseModel | Mapping[str, Any],
        *,
        inputs: BaseModel | Mapping[str, Any],
        brand: dict[str, Any],
        campaign: dict[str, Any],
        facts: dict[str, Any] | None = None,
    ) -> list[Deliverable]:
        """Deliverables with Markdown rendered by code from the validated structured output."""
        parsed = self.parse_output(output)
        validated = self.validate_inputs(inputs)
        try:
            return self.render(parsed, validated, brand or {}, campaign or {}, facts or {})
        except PydanticValidationError as exc:
            raise _contract_violation(exc) from None

    def compose_offline(self, context: dict[str, Any]) -> dict[str, Any]:
        """The offline composer's draft for ``context``, checked against the output model."""
        data = self.composer(context)
        try:
            return self.output_model.model_validate(data).model_dump(mode="json")
        except PydanticValidationError as exc:
            raise _contract_violation(exc, who="the offline composer") from None


def _stable_prefix(sections: list[str]) -> tuple[int, tuple[int, ...]]:
    """Where the prompt's stable prefix ends (the start of ``## This request``) and where each of
    its sections ends before that: instructions, brand rules, campaign record, upstream. A
    template without the heading (written before issue 15) has no stable prefix: (0, ())."""
    ends, length = [], 0
    for section in sections:
        if section.startswith(TAIL_HEADING):
            return length, tuple(ends)
        length += len(section)
        ends.append(length)
    return 0, ()


def _contract_violation(
    exc: PydanticValidationError, *, who: str = "the model"
) -> ContractViolation:
    named = ValidationError.from_pydantic(exc, prefix="output.")
    return ContractViolation(
        f"{who} returned output that breaks the {exc.title} schema: {named.message}",
        field=named.field,
        details=named.details,
    )


# --------------------------------------------------------------------------- fact-bound output
#
# Output contracts that depend on the facts code computed for one request.
#
# Some rules about a model's answer can only be checked against the facts of *this* run: a slot
# note must name a slot that exists in this calendar; every number in a performance narrative must
# appear in this KPI table. Checked in ``render``, a breach could only fail the run. Checked in the
# request's ``output_model``, it is a ``ContractViolation`` inside the provider chain, which answers
# it the way it answers any broken contract: one repair attempt quoting the problem, then the next
# provider.
#
# ``FactBoundSpec`` is a ``ModuleSpec`` whose ``bind_output(facts)`` returns that per-request
# model (a subclass of ``output_model`` with the extra checks, and possibly a narrower schema, e.g.
# an enum of slot ids). The module's own ``render`` repeats the checks, so an answer that reaches
# ``to_deliverables`` by another route is held to the same rules.

# bind_output(facts) -> a subclass of the spec's output_model holding this request's rules
BindOutput = Callable[[dict[str, Any]], type[BaseModel]]


@dataclass(frozen=True)
class FactBoundSpec(ModuleSpec):
    """A module whose output contract is narrowed by the facts of each request."""

    bind_output: BindOutput | None = None

    def build_request(
        self,
        inputs: BaseModel | Mapping[str, Any],
        *,
        brand: dict[str, Any],
        campaign: dict[str, Any],
        upstream: Upstream,
        facts: dict[str, Any] | None = None,
    ) -> LLMRequest:
        request = super().build_request(
            inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts
        )
        if self.bind_output is None or not facts:
            return request
        bound = self.bind_output(request.context["facts"])
        return dataclasses.replace(
            # A bound model that only adds checks names the model whose schema it shares.
            request, output_model=bound, output_schema=output_schema_of(getattr(bound, "SCHEMA_MODEL", bound))
        )
