"""The two providers' batch APIs behind one small Protocol: OpenAI Batch (a JSONL file of Chat
Completions requests, a batch, output and error files) and Anthropic Message Batches (the requests
in one call, JSONL results once the batch has ended), through the official SDKs.

Each adapter borrows the synchronous provider's client and request shape (``_request_kwargs``), so
a batched request is exactly the request a synchronous call would send, and maps the SDK's errors
at the boundary like the synchronous adapters. ``providers.batch`` turns them into a chain member.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from ._errors import map_sdk_error
from .base import LLMRequest

__all__ = ["FINAL", "AnthropicBatchAPI", "BatchAPI", "BatchJob", "BatchOutcome", "OpenAIBatchAPI", "batch_api_for"]

FINAL = ("ended", "expired", "cancelled", "failed")


@dataclass
class BatchJob:
    """A batch as the provider last described it; ``status`` is ``running`` or one of ``FINAL``."""

    id: str
    provider: str
    model: str
    status: str
    requests: int
    input_file_id: str | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def final(self) -> bool:
        return self.status in FINAL

    def as_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BatchOutcome:
    """What became of one request: ``succeeded``, ``errored``, ``expired`` or ``cancelled``."""

    custom_id: str
    state: str
    text: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0  # Anthropic's prompt-cache writes, billed at 1.25x input
    cost_usd: float | None = 0.0
    error_type: str | None = None
    error_message: str | None = None
    status_code: int | None = None  # of an errored request, as the provider gave it
    finish_reason: str | None = None

    def as_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> BatchOutcome:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in record.items() if k in known})


class BatchAPI(Protocol):
    name: str
    model: str

    def unavailable_reason(self) -> str | None: ...

    def submit(self, items: list[tuple[str, LLMRequest]]) -> BatchJob: ...

    def check(self, batch_id: str) -> BatchJob: ...

    def outcomes(self, job: BatchJob) -> list[BatchOutcome]: ...

    def cancel(self, batch_id: str) -> BatchJob: ...


class _SdkBatchAPI:
    """What both adapters share: the synchronous provider's client, request shape and errors."""

    sdk_name = ""
    key_variable = ""

    def __init__(self, provider: Any) -> None:
        self.provider = provider
        self.name = provider.name
        self.model = provider.model

    def unavailable_reason(self) -> str | None:
        return self.provider.unavailable_reason()

    def _call(self, what: Callable[[Any], Any]) -> Any:
        """``what(client)``, with the SDK's errors mapped to ours."""
        import importlib

        import httpx2

        sdk = importlib.import_module(self.sdk_name)
        client = self.provider._get_client()
        try:
            return what(client)
        except (sdk.APIError, httpx2.TransportError) as exc:
            raise map_sdk_error(exc, sdk, provider=self.name, model=self.model,
                                key_variable=self.key_variable) from exc

    def _body(self, request: LLMRequest) -> dict[str, Any]:
        return self.provider._request_kwargs(request)


class OpenAIBatchAPI(_SdkBatchAPI):
    """OpenAI's Batch API: a JSONL file of Chat Completions requests, one batch, output and error files."""

    sdk_name = "openai"
    key_variable = "OPENAI_API_KEY"
    _STATUS = {"completed": "ended", "expired": "expired", "cancelled": "cancelled", "failed": "failed"}

    def submit(self, items: list[tuple[str, LLMRequest]]) -> BatchJob:
        lines = "\n".join(
            json.dumps({"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions",
                        "body": self._body(request)})
            for custom_id, request in items
        ) + "\n"

        def create(client: Any) -> Any:
            upload = client.files.create(file=("aicmo-batch.jsonl", io.BytesIO(lines.encode())), purpose="batch")
            return client.batches.create(input_file_id=upload.id, endpoint="/v1/chat/completions",
                                         completion_window="24h")

        return self._job(self._call(create))

    def check(self, batch_id: str) -> BatchJob:
        return self._job(self._call(lambda client: client.batches.retrieve(batch_id)))

    def cancel(self, batch_id: str) -> BatchJob:
        return self._job(self._call(lambda client: client.batches.cancel(batch_id)))

    def _job(self, batch: Any) -> BatchJob:
        counts = batch.request_counts
        errors = [e.message for e in (batch.errors.data or [])] if batch.errors else []
        return BatchJob(
            id=batch.id, provider=self.name, model=self.model, status=self._STATUS.get(batch.status, "running"),
            requests=int(counts.total) if counts else 0, input_file_id=batch.input_file_id,
            output_file_id=batch.output_file_id, error_file_id=batch.error_file_id,
            detail={"status": batch.status, "completed": counts.completed if counts else 0,
                    "failed": counts.failed if counts else 0, "errors": errors[:5]},
        )

    def outcomes(self, job: BatchJob) -> list[BatchOutcome]:
        found: list[BatchOutcome] = []
        for file_id in (job.output_file_id, job.error_file_id):
            if not file_id:
                continue
            text = self._call(lambda client, fid=file_id: client.files.content(fid).text)
            found.extend(self._outcome(json.loads(line)) for line in text.splitlines() if line.strip())
        return found

    def _outcome(self, line: dict[str, Any]) -> BatchOutcome:
        custom_id = str(line.get("custom_id"))
        response = line.get("response") or {}
        error = line.get("error")
        if error and not response:
            code = str(error.get("code") or "")
            state = "expired" if "expired" in code else "cancelled" if "cancel" in code else "errored"
            return BatchOutcome(custom_id, state, error_message=str(error.get("message") or code)[:500])
        status = int(response.get("status_code") or 0)
        body = response.get("body") or {}
        if status != 200:
            message = ((body.get("error") or {}).get("message") if isinstance(body, dict) else None) or str(body)
            return BatchOutcome(custom_id, "errored", status_code=status, error_message=str(message)[:500])
        choice = (body.get("choices") or [{}])[0]
        message = choice.get("message") or {}
        usage = body.get("usage") or {}
        text = message.get("content") or ""
        if not text and message.get("refusal"):
            return BatchOutcome(custom_id, "errored", status_code=200,
                                error_message=f"refused to answer: {str(message['refusal'])[:300]}")
        return BatchOutcome(
            custom_id, "succeeded", text=text, tokens_in=int(usage.get("prompt_tokens") or 0),
            tokens_out=int(usage.get("completion_tokens") or 0),
            cache_read_tokens=int((usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0),
            finish_reason=choice.get("finish_reason"),
        )


class AnthropicBatchAPI(_SdkBatchAPI):
    """Anthropic's Message Batches: the requests in one call, results as JSONL when it has ended.

    Requests go without ``cache_control`` marks: a batch is answered over minutes to hours, in no
    set order, so a prefix written to the five-minute cache (at 1.25x input) would seldom be read
    again (requests of one wave are different modules, each keyed on its own output format)."""

    sdk_name = "anthropic"
    key_variable = "ANTHROPIC_API_KEY"

    def submit(self, items: list[tuple[str, LLMRequest]]) -> BatchJob:
        requests = [{"custom_id": custom_id, "params": self._body(_unmarked(request))} for custom_id, request in items]
        return self._job(self._call(lambda client: client.messages.batches.create(requests=requests)))

    def check(self, batch_id: str) -> BatchJob:
        return self._job(self._call(lambda client: client.messages.batches.retrieve(batch_id)))

    def cancel(self, batch_id: str) -> BatchJob:
        return self._job(self._call(lambda client: client.messages.batches.cancel(batch_id)))

    def _job(self, batch: Any) -> BatchJob:
        counts = batch.request_counts
        tally = {k: int(getattr(counts, k, 0) or 0) for k in ("processing", "succeeded", "errored", "canceled", "expired")}
        status = "running"
        if batch.processing_status == "ended":
            status = "cancelled" if batch.cancel_initiated_at else "expired" if tally["expired"] and not (
                tally["succeeded"] or tally["errored"]) else "ended"
        return BatchJob(id=batch.id, provider=self.name, model=self.model, status=status,
                        requests=sum(tally.values()), detail={"status": batch.processing_status, **tally})

    def outcomes(self, job: BatchJob) -> list[BatchOutcome]:
        return self._call(lambda client: [self._outcome(item) for item in client.messages.batches.results(job.id)])

    def _outcome(self, item: Any) -> BatchOutcome:
        result = item.result
        kind = getattr(result, "type", None)
        if kind == "succeeded":
            message = result.message
            text = "".join(block.text for block in message.content or () if getattr(block, "type", None) == "text")
            usage = message.usage
            read = int(getattr(usage, "cache_read_input_tokens", 0) or 0)
            write = int(getattr(usage, "cache_creation_input_tokens", 0) or 0)
            return BatchOutcome(item.custom_id, "succeeded", text=text,
                                tokens_in=int(usage.input_tokens or 0) + read + write,
                                tokens_out=int(usage.output_tokens or 0), cache_read_tokens=read,
                                cache_write_tokens=write,
                                finish_reason=message.stop_reason)
        if kind == "errored":
            inner = getattr(getattr(result, "error", None), "error", None)
            error_kind = str(getattr(inner, "type", "api_error"))
            status = {"rate_limit_error": 429, "overloaded_error": 529, "api_error": 500,
                      "authentication_error": 401, "permission_error": 403}.get(error_kind, 400)
            return BatchOutcome(item.custom_id, "errored", status_code=status,
                                error_message=f"{error_kind}: {getattr(inner, 'message', '')}"[:500])
        return BatchOutcome(item.custom_id, "cancelled" if kind == "canceled" else "expired")


def batch_api_for(provider: Any) -> BatchAPI | None:
    """The batch API behind a synchronous provider of the chain, or None (offline, ...)."""
    from .anthropic import AnthropicProvider
    from .openai import OpenAIProvider

    if isinstance(provider, OpenAIProvider):
        return OpenAIBatchAPI(provider)
    if isinstance(provider, AnthropicProvider):
        return AnthropicBatchAPI(provider)
    return None


def _unmarked(request: LLMRequest) -> LLMRequest:
    """``request`` with no stable prefix to mark for the prompt cache."""
    import dataclasses

    return dataclasses.replace(request, stable_prefix_chars=0, cache_breaks=())
