"""What the loopback LLM server can be told to do with a request (``Behaviour``, one of
``BEHAVIOURS``; the server's module docstring describes each) and what it records of a request
(``RecordedRequest``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .llm_wire import prompt_text

__all__ = ["BEHAVIOURS", "Behaviour", "RecordedRequest"]

BEHAVIOURS = (
    "ok",
    "rate_limit",
    "server_error",
    "overloaded",
    "auth_error",
    "http_error",
    "hang",
    "malformed_json",
    "schema_wrong",
    "empty",
    "slow_stream",
    "drop",
    "endless_stream",
    "past_max_tokens",
    "hang_after_headers",
    "stub",
    "sloppy",
    "expired",  # in a batch: a request the batch never reached; alone: a 500
)
_MAX_HANG_SECONDS = 60.0  # a hang never outlives this, so a broken test cannot block forever


@dataclass(frozen=True)
class Behaviour:
    """What the server does with one request."""

    kind: str = "ok"
    retry_after: float | None = None
    data: Any = None
    text: str | None = None
    delay: float | None = None
    status: int | None = None
    usage_out: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in BEHAVIOURS:
            raise ValueError(
                f"unknown behaviour {self.kind!r}; choose from {', '.join(BEHAVIOURS)}"
            )


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it; secret headers are left out."""

    method: str
    path: str
    body: Any
    headers: dict[str, str]
    time: float  # time.monotonic() when the request arrived
    behaviour: str = "ok"

    @property
    def api(self) -> str:
        return "anthropic" if self.path.startswith("/v1/messages") else "openai"

    @property
    def prompt_text(self) -> str:
        return prompt_text(self.body if isinstance(self.body, dict) else {})


# Behaviours that answer without a model's answer (errors, hangs, endless streams).
_NO_ANSWER = frozenset({"rate_limit", "server_error", "expired", "overloaded", "auth_error", "http_error",
                        "hang", "hang_after_headers", "endless_stream"})
