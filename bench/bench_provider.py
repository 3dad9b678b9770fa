"""The intake module's real request, built as generate() builds it (shared by the benchmarks)."""

from __future__ import annotations

from typing import Any


def intake_request(ws: Any) -> Any:
    import dataclasses

    from aicmo_kernel.generation import _read_context, prepare_inputs
    from aicmo_kernel.modules import get_module

    spec = get_module("intake")
    _record, brand, campaign, upstream = _read_context(ws, "demo", "intake", gated=True)
    inputs = spec.validate_inputs(prepare_inputs(ws, "demo", "intake"))
    facts = spec.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream, workspace=ws)
    request = spec.build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)
    return dataclasses.replace(request, stream=False)
