"""Output contracts that depend on the facts code computed for one request.

Some rules about a model's answer can only be checked against the facts of *this* run: a slot
note must name a slot that exists in this calendar; every number in a performance narrative must
appear in this KPI table. Checked in ``render``, a breach could only fail the run. Checked in the
request's ``output_model``, it is a ``ContractViolation`` inside the provider chain, which answers
it the way it answers any broken contract: one repair attempt quoting the problem, then the next
provider.

``FactBoundSpec`` is a ``ModuleSpec`` whose ``bind_output(facts)`` returns that per-request
model (a subclass of ``output_model`` with the extra checks, and possibly a narrower schema, e.g.
an enum of slot ids). The module's own ``render`` repeats the checks, so an answer that reaches
``to_deliverables`` by another route is held to the same rules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..providers.base import LLMRequest
from .base import ModuleSpec, Upstream

__all__ = ["BindOutput", "FactBoundSpec"]

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
            request, output_model=bound, output_schema=bound.model_json_schema()
        )
