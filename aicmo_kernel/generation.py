"""Generate one module for one campaign: inputs -> prompt -> provider chain -> envelope -> run.

This is the function behind the Generate button, ``aicmo generate`` and ``aicmo run``. It checks
the upstream gate, validates the inputs, builds the prompt from the approved upstream
deliverables, calls the provider chain, turns the structured answer into deliverables and stores
the run through the workflow. Provider failures never escape as exceptions: they become a FAILED
envelope on a stored run, with every attempt recorded. Bad input and a closed gate raise before
anything is written.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .cache import cache_enabled
from .cache import lookup as cache_lookup
from .cache import store as cache_store
from .config import Settings, redact
from .errors import AicmoError, ChainExhausted, GenerationCancelled, ProviderError
from .providers.pricing import add_costs
from .providers.base import prompt_hash
from .schemas import (
    DeliverablesEnvelope,
    check_deliverables,
    create_failed_envelope,
    create_success_envelope,
    new_trace_id,
)

if TYPE_CHECKING:
    from .providers.base import CancelToken, Provider, ProgressCallback
    from .workflow import AutoApproval
    from .store import Workspace

__all__ = ["GenerationResult", "generate", "prepare_inputs", "prompt_hash", "shared_chain"]


@dataclass
class GenerationResult:
    run_id: str
    envelope: DeliverablesEnvelope
    attempts: list[dict[str, Any]]
    approval: AutoApproval | None = None  # with ``approve``: what the autonomy policy approved

    @property
    def ok(self) -> bool:
        return self.envelope.status != "FAILED"


def _read_context(
    ws: "Workspace", campaign: str, module: str | None, *, gated: bool
) -> tuple[Any, dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Campaign, brand (with its memory rules), campaign as JSON and ``module``'s approved upstream.
    Campaign, brand, memory rules, gate (when ``gated``) and upstream are read in one session: one
    snapshot, and one session instead of five."""
    from .learn.memory import rule_texts_in
    from .registry import module_info
    from .store.records import brand_record, find_campaign
    from .store.views import brand_view, campaign_view
    from .workflow.module_state import current_records_of, raise_if_gated, read_approved_upstream

    with ws.reading() as session:
        campaign_row = find_campaign(session, campaign)
        brand_row = brand_record(session, campaign_row.brand_id)
        upstream: dict[str, Any] = {}
        if module is not None:
            # The gate and the upstream text read the same rows: one query for both.
            rows_of = current_records_of(session, campaign_row.id, list(module_info(module).upstream))
            if gated:
                raise_if_gated(session, campaign_row, module, rows_of)
            upstream = read_approved_upstream(session, campaign_row.id, module, rows_of)
        record, brand = campaign_view(campaign_row, brand_row.name), brand_view(brand_row)
        # Brand-memory rules (learn module) reach every prompt through the brand-rules block.
        rules = rule_texts_in(session, brand_row.id)
    brand_data = brand.model_dump(mode="json")
    brand_data["memory_rules"] = rules
    return record, brand_data, record.model_dump(mode="json"), upstream


def prepare_inputs(
    ws: "Workspace", campaign: str, module: str, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The inputs a form starts from: module defaults pre-filled from approved upstream
    deliverables, then the campaign brief's saved inputs for the module, then ``overrides``."""
    from .modules import get_module

    spec = get_module(module)
    record, brand, campaign_data, upstream = _read_context(ws, campaign, module, gated=False)
    return _merged_inputs(spec, record, brand, campaign_data, upstream, module, overrides)


def generate(
    ws: "Workspace",
    campaign: str,
    module: str,
    inputs: dict[str, Any] | None = None,
    *,
    provider: "Provider | None" = None,
    settings: Settings | None = None,
    progress: "ProgressCallback | None" = None,
    cancel: "CancelToken | None" = None,
    actor: str = "analyst",
    use_cache: bool | None = None,
    approve: bool = False,
) -> GenerationResult:
    """Generate ``module`` for ``campaign`` and store the run (SUCCESS or FAILED).

    ``inputs`` are merged over the pre-filled defaults (see ``prepare_inputs``). ``provider``
    defaults to the chain configured by the environment (SPEC section 6), built once per
    configuration and shared, so SDK clients and their connections are reused across calls.
    ``use_cache``: answer an identical request from the workspace cache (``aicmo_kernel.cache``);
    None follows ``AICMO_CACHE`` (on by default). ``approve``: auto-approve the new drafts in the
    transaction that stores them, as the autonomy policy allows (``workflow.record_and_auto_approve``;
    the result's ``approval`` says what it did, None if it could not try).
    """
    from . import workflow
    from .modules import get_module

    spec = get_module(module)
    # The CPU work before and after the call is done in the workspace's turns (``Workspace.turn``),
    # never the call itself: on SQLite, a generation storing its run is not kept waiting by others.
    turn = ws.turn
    with turn:
        record, brand, campaign_data, upstream = _read_context(ws, campaign, module, gated=True)
        validated = spec.validate_inputs(_merged_inputs(spec, record, brand, campaign_data, upstream, module, inputs))

    trace_id = new_trace_id()
    started = time.monotonic()
    request = facts = result = cached = failure = None
    caching = False
    try:
        with turn:
            # Facts come from code (a CSV, the workspace); missing data ends as a NO_DATA run.
            facts = spec.prepare_facts(validated, brand=brand, campaign=campaign_data, upstream=upstream, workspace=ws)
            request = spec.build_request(validated, brand=brand, campaign=campaign_data, upstream=upstream, facts=facts)

            def accept(data: dict[str, Any]) -> list[Any]:
                # Deliverables are part of the contract: stub text in one gets a repair or the next
                # provider, like a broken answer, instead of failing the run after the chain said ok.
                with turn:
                    return check_deliverables(
                        spec.to_deliverables(data, inputs=validated, brand=brand, campaign=campaign_data, facts=facts)
                    )

            # Nobody watches (CLI, batch): one plain response costs the SDK far less than parsing a
            # stream chunk by chunk (about 50 ms per call in bench/provider_overhead). Cancel works
            # either way.
            request = dataclasses.replace(request, accept=accept, stream=request.stream and progress is not None)
            if provider is None:
                provider = shared_chain(settings or Settings.from_env())
            caching = cache_enabled(use_cache)
            cached = cache_lookup(ws, provider, request) if caching else None
        result = cached or provider.complete(request, progress=progress, cancel=cancel)
    except (ProviderError, AicmoError) as exc:
        failure = exc

    latency_ms = (time.monotonic() - started) * 1000
    with turn:
        envelope, attempts, interrupted = _outcome(ws, module, request, result, failure, facts, trace_id,
                                                   store_in_cache=caching and cached is None)
        hashed = prompt_hash(request) if request is not None else "no-prompt"
        if approve and envelope.status != "FAILED":
            _check_before_recording(envelope.deliverables, brand)
        run, approval = workflow.record_and_auto_approve(
            ws,
            campaign=record.name,
            module=module,
            inputs=validated.model_dump(mode="json"),
            envelope=envelope,
            attempts=attempts,
            prompt_hash=hashed,
            latency_ms=latency_ms,
            actor=actor,
            log_calls=True,  # in the run's transaction: no run without its calls, nor calls without it
            approve_by_policy=approve,
        )
    if interrupted:
        raise KeyboardInterrupt  # Ctrl-C: the cancelled run is stored; now stop the caller too
    return GenerationResult(run_id=run.id, envelope=envelope, attempts=attempts, approval=approval)


def _outcome(
    ws: Workspace,
    module: str,
    request: Any,
    result: Any,
    failure: BaseException | None,
    facts: dict[str, Any] | None,
    trace_id: str,
    *,
    store_in_cache: bool,
) -> tuple[DeliverablesEnvelope, list[dict[str, Any]], bool]:
    """The envelope to store for a call's ``result`` (or its ``failure``), its attempts, and
    whether Ctrl-C interrupted it. Provider failures and errors such as NoDataError from a module
    that needs real data become a typed FAILED envelope, not a crash."""
    attempts: list[dict[str, Any]] = []
    try:
        if failure is not None:
            raise failure
        attempts = [a.as_dict() for a in result.attempts] or [_single_attempt(result)]
        deliverables = result.accepted if result.accepted is not None else request.accept(result.data)
        if store_in_cache:
            # Only an answer that became valid deliverables is worth serving again.
            cache_store(ws, module, request, result)
        return create_success_envelope(
            module,
            deliverables,
            provider=result.provider,
            model=result.model,
            # What the run cost: every attempt, the failed ones before a fallback included.
            **_spent(attempts),
            # What the module's code noted about its inputs (an ignored value) and what the context
            # budget condensed: said on the run.
            warnings=[*result.warnings, *(facts or {}).get("input_notes", ()), *request.context.get("condensed", ())],
            trace_id=trace_id,
            raw={"text": redact(result.text), "attempts": attempts},
        ), attempts, False
    except ProviderError as exc:
        attempts = attempts or [a.as_dict() for a in getattr(exc, "attempts", [])]
        return _failed(module, exc, trace_id, attempts), attempts, isinstance(exc, GenerationCancelled) and exc.interrupted
    except AicmoError as exc:
        return _failed(module, exc, trace_id, attempts), attempts, False


def _check_before_recording(deliverables: list[Any], brand: dict[str, Any]) -> None:
    """QC of the drafts about to be stored and auto-approved, before the transaction that does
    both: the approvals check them under the campaign lock with the brand as stored, and QC
    reports are remembered by what they were computed from (``qc.run_qc``), so those checks find
    them ready. The brand here is that record plus its memory rules, which QC does not read."""
    from .qc import check_deliverable

    stored = {key: value for key, value in brand.items() if key != "memory_rules"}
    for item in deliverables:
        check_deliverable(item, brand=stored)


_CHAINS: dict[Settings, Any] = {}
_CHAINS_LOCK = threading.Lock()


def shared_chain(settings: Settings) -> "Provider":
    """The chain for ``settings``, built once: a fresh chain per call would build a fresh SDK
    client, and with it a new connection pool and TCP handshake, for every generation."""
    with _CHAINS_LOCK:
        chain = _CHAINS.get(settings)
        if chain is None:
            from .providers import build_chain

            if len(_CHAINS) > 16:  # settings change rarely; never let a long session grow this
                _CHAINS.clear()
            chain = _CHAINS[settings] = build_chain(settings)
        return chain


def _merged_inputs(spec: Any, record: Any, brand: dict[str, Any], campaign_data: dict[str, Any],
                   upstream: dict[str, Any], module: str, overrides: dict[str, Any] | None) -> dict[str, Any]:
    # prepare_inputs() without reading the campaign, brand and upstream a second time.
    values = dict(spec.default_inputs(brand=brand, campaign=campaign_data, upstream=upstream))
    values.update((record.brief or {}).get("inputs", {}).get(module) or {})
    values.update(overrides or {})
    return values


def _single_attempt(result: Any) -> dict[str, Any]:
    return {
        "provider": result.provider,
        "model": result.model,
        "status": "ok",
        "latency_ms": result.latency_ms,
        "tokens_in": result.tokens_in,
        "tokens_out": result.tokens_out,
        "cost_usd": result.cost_usd,
        "error_type": None,
        "error_message": None,
    }


def _failed(module: str, exc: AicmoError, trace_id: str, attempts: list[dict[str, Any]]) -> DeliverablesEnvelope:
    last = exc.last if isinstance(exc, ChainExhausted) and exc.last is not None else exc
    tried = [a for a in attempts if a.get("status") != "skipped"]
    provider = getattr(last, "provider", "") or (tried[-1]["provider"] if tried else "none")
    model = getattr(last, "model", "") or (tried[-1]["model"] if tried else "none")
    return create_failed_envelope(
        module,
        exc.error_type,
        redact(str(exc)) or exc.__class__.__name__,
        provider=provider,
        model=model,
        trace_id=trace_id,
        details={"attempts": attempts, "field": exc.field} if exc.field else {"attempts": attempts},
        **_spent(attempts),
    )


def _spent(attempts: list[dict[str, Any]]) -> dict[str, Any]:
    """Tokens and cost summed over every attempt (what the providers will bill)."""
    return {
        "tokens_in": sum(int(a.get("tokens_in") or 0) for a in attempts),
        "tokens_out": sum(int(a.get("tokens_out") or 0) for a in attempts),
        # None when any attempt's model has no known price: a total is never a guess.
        "cost_usd": add_costs(a.get("cost_usd", 0.0) for a in attempts),
    }
