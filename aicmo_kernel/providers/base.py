"""What every provider speaks: one request type, one result type, one small Protocol.

A provider turns an ``LLMRequest`` (system text, prompt, the JSON schema the answer must fit) into
an ``LLMResult`` (the parsed JSON object plus usage), or raises one of the ``ProviderError``
subclasses from ``aicmo_kernel.errors``. Adapters translate messages and map their SDK's errors at
the boundary; retrying and falling back live in one place only, ``providers.chain``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol, runtime_checkable

from ..errors import GenerationCancelled

__all__ = [
    "Attempt",
    "CancelToken",
    "LLMRequest",
    "LLMResult",
    "Progress",
    "ProgressCallback",
    "Provider",
    "prompt_hash",
]


@dataclass(frozen=True)
class LLMRequest:
    """One structured generation.

    ``output_schema`` is a JSON schema (from the module's pydantic output model) the answer must
    fit; ``context`` carries the validated inputs and approved upstream content as plain data, which
    the offline composer uses instead of reading the prompt.
    """

    module: str
    system: str
    prompt: str
    output_schema: dict[str, Any]
    schema_name: str
    context: dict[str, Any] = field(default_factory=dict)
    # The pydantic model the parsed JSON must validate against (the chain checks it and, on a
    # mismatch, makes one repair attempt). None: any JSON object is accepted.
    output_model: Any = None
    max_output_tokens: int = 8192
    temperature: float | None = 0.4
    stream: bool = True
    # The caller's own contract, checked by the chain on every answer: turns the parsed JSON into
    # what the caller keeps (``LLMResult.accepted``) or raises ``ContractViolation``, which the
    # chain treats like any broken answer (one repair, then the next provider).
    accept: Callable[[dict[str, Any]], Any] | None = field(default=None, compare=False, repr=False)
    # How many leading characters of ``prompt`` are the same from call to call (instructions,
    # brand rules, campaign, upstream): Anthropic's adapter marks them, with the system text, for
    # its prompt cache; OpenAI caches a repeated prefix by itself. 0: nothing is marked.
    stable_prefix_chars: int = 0
    # Offsets in ``prompt`` where the stable prefix's sections end (the last is
    # ``stable_prefix_chars``): shorter prefixes that other calls share (the same module for any
    # campaign, the same brand), where the Anthropic adapter may add cache breakpoints.
    cache_breaks: tuple[int, ...] = ()
    # What the offline provider answers with instead of a model: the module's deterministic
    # composer, ``context`` -> data valid for ``output_model`` (None: the module has none).
    compose_offline: Callable[[dict[str, Any]], dict[str, Any]] | None = field(
        default=None, compare=False, repr=False)


def prompt_hash(request: LLMRequest) -> str:
    """sha256 of what the model is asked: system, prompt and schema (never stored as text)."""
    digest = hashlib.sha256()
    for part in (request.system, request.prompt, json.dumps(request.output_schema, sort_keys=True)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class LLMResult:
    data: dict[str, Any]
    text: str
    provider: str
    model: str
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float | None = 0.0  # None: the model has no known price (never a guessed 0)
    latency_ms: float = 0.0
    raw: dict[str, Any] = field(default_factory=dict)
    attempts: list["Attempt"] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    accepted: Any = None  # what ``LLMRequest.accept`` made of ``data``, when the request has one
    # Of ``tokens_in``: read from / written to the provider's prompt cache (priced apart).
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    batch_id: str | None = None  # the provider batch that answered, when one did


@dataclass
class Attempt:
    """One try against one provider, as recorded on the run."""

    provider: str
    model: str
    status: str  # "ok", "failed", "skipped", "repaired"
    latency_ms: float = 0.0
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float | None = 0.0  # None: unknown price
    error_type: str | None = None
    error_message: str | None = None
    batch_id: str | None = None  # set when the try went through a provider batch

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Progress:
    provider: str
    model: str
    tokens_so_far: int
    elapsed_s: float
    done: bool = False


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Set from the UI thread; providers check it between streamed chunks. ``event``: what holds
    the state, anything with ``set()`` and ``is_set()`` (a ``multiprocessing`` Event shares one
    cancel between processes); default a new ``threading.Event``."""

    def __init__(self, event: Any = None) -> None:
        self._event = event if event is not None else threading.Event()
        self.started = time.monotonic()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self, provider: str = "", model: str = "") -> None:
        if self._event.is_set():
            raise GenerationCancelled("generation cancelled by the user", provider=provider, model=model)


@runtime_checkable
class Provider(Protocol):
    name: str
    model: str

    def unavailable_reason(self) -> str | None:
        """Why this provider cannot be used now, or None if it can: no key, SDK missing, or one
        of its settings malformed (a base URL that is not an http(s) URL, ...). The reason names
        the variable to set or fix and never shows a secret; the chain records it and skips."""

    def complete(
        self,
        request: LLMRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> LLMResult:
        """Answer ``request`` or raise a ``ProviderError`` subclass."""
