"""The intake module's real request, built as generate() builds it (shared by the benchmarks)."""

from __future__ import annotations

from typing import Any


def intake_request(ws: Any) -> Any:
    import dataclasses

    from aicmo_kernel import workflow
    from aicmo_kernel.generation import _context, prepare_inputs
    from aicmo_kernel.modules import get_module

    spec = get_module("intake")
    _record, brand, campaign = _context(ws, "demo")
    inputs = spec.validate_inputs(prepare_inputs(ws, "demo", "intake"))
    upstream = workflow.approved_upstream(ws, "demo", "intake")
    facts = spec.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream, workspace=ws)
    request = spec.build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)
    return dataclasses.replace(request, stream=False)
