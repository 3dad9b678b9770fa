"""The workspace generation cache: an identical request is answered from the database.

A request is identical when the provider that would answer first, its model, the system text,
the prompt and the output schema are all the same; the key is a sha256 of those (``cache_key``).
The row keeps the validated answer (the parsed JSON and its text) and what produced it, never the
prompt text and never a key. A hit is labelled on the run: the attempt's status is ``cached``, the
envelope carries a warning saying so, and ``meta.provider``/``meta.model`` still name the provider
and model that really wrote the text. Cost and tokens of a hit are zero: nothing was spent.

Offline answers are not cached: the composer is deterministic and costs a few milliseconds, so a
cache row would only duplicate what the code recomputes for free.

Turn it off with ``generate(..., use_cache=False)``, ``AICMO_CACHE=off`` or ``--no-cache``.
``AICMO_CACHE`` takes on or off (also 1/0, true/false, yes/no); anything else is a
ConfigurationError naming it, so a typo does not silently leave the cache on.
"""

from __future__ import annotations

import hashlib
import os
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .providers.base import LLMRequest, LLMResult, Provider
    from .store import Workspace

__all__ = ["CACHE_VARIABLE", "UNCACHED_PROVIDERS", "cache_enabled", "cache_key", "lookup", "store"]

CACHE_VARIABLE = "AICMO_CACHE"
UNCACHED_PROVIDERS = frozenset({"offline"})


def cache_enabled(use_cache: bool | None = None) -> bool:
    """``use_cache`` when given, else ``AICMO_CACHE`` (on when unset; ConfigurationError naming
    the variable for a value that is neither on nor off)."""
    if use_cache is not None:
        return use_cache
    from .config import parse_flag

    return parse_flag(CACHE_VARIABLE, os.environ.get(CACHE_VARIABLE), True)


def cache_key(provider: str, model: str, request: "LLMRequest") -> str:
    """sha256 of provider, model and what the model is asked (system, prompt, schema)."""
    from .providers.base import prompt_hash

    digest = hashlib.sha256()
    for part in (provider, model, prompt_hash(request)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def first_candidate(provider: Any) -> tuple[str, str] | None:
    """(name, model) of the provider that would be asked first, looking through a chain and
    through wrappers (an ``inner`` attribute, e.g. the call limiter); None if none is usable."""
    inner = getattr(provider, "inner", None)
    if inner is not None:
        return first_candidate(inner)
    members = getattr(provider, "providers", None)
    if members is not None:
        for member in members:
            if member.unavailable_reason() is None:
                return first_candidate(member)
        return None
    if provider.unavailable_reason() is not None:
        return None
    return provider.name, provider.model


def lookup(ws: "Workspace", provider: "Provider", request: "LLMRequest") -> "LLMResult | None":
    """The cached answer for ``request`` as a labelled ``LLMResult``, or None on a miss."""
    from .providers.base import Attempt, LLMResult
    from .store.models import CacheRow

    candidate = first_candidate(provider)
    if candidate is None or candidate[0] in UNCACHED_PROVIDERS:
        return None
    started = time.monotonic()
    with ws.reading() as session:
        row = session.get(CacheRow, cache_key(*candidate, request))
        if row is None:
            return None
        data, text, name, model, created = dict(row.data), row.text, row.provider, row.model, row.created_at
    latency_ms = (time.monotonic() - started) * 1000
    note = (f"served from the workspace cache: {name}/{model} wrote this answer on {created:%Y-%m-%d %H:%M} UTC; "
            f"no call was made (use --no-cache or {CACHE_VARIABLE}=off to ask the model again)")
    return LLMResult(
        data=data, text=text, provider=name, model=model, latency_ms=latency_ms,
        attempts=[Attempt(name, model, "cached", latency_ms=latency_ms)], warnings=[note],
    )


def store(ws: "Workspace", module: str, request: "LLMRequest", result: "LLMResult") -> bool:
    """Keep ``result`` for later identical requests; False when it is not cacheable or already kept."""
    from .config import redact
    from .errors import ConflictError
    from .store.models import CacheRow, utcnow

    if result.provider in UNCACHED_PROVIDERS or any(a.status == "cached" for a in result.attempts):
        return False
    key = cache_key(result.provider, result.model, request)
    try:
        with ws.transaction() as session:
            if session.get(CacheRow, key) is not None:
                return False
            session.add(CacheRow(
                key=key, provider=result.provider[:100], model=result.model[:200], module=module[:20],
                data=result.data, text=redact(result.text), tokens_in=result.tokens_in, tokens_out=result.tokens_out,
                cost_usd=result.cost_usd, created_at=utcnow(),
            ))
    except ConflictError:  # another thread stored the same answer a moment earlier
        return False
    return True
