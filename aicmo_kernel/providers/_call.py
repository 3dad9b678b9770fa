"""What both SDK adapters do around one call: progress, cancellation, parsing, usage and cost."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ..errors import ContractViolation
from ._parse import estimate_tokens, parse_json_answer
from .base import CancelToken, LLMRequest, LLMResult, Progress, ProgressCallback
from .pricing import cost_of

__all__ = ["CallTracker", "Usage"]


@dataclass
class Usage:
    tokens_in: int = 0
    tokens_out: int = 0
    known: bool = False  # True once the API reported usage (not an estimate)


@dataclass
class CallTracker:
    """Collects streamed text for one call and reports progress; checks the cancel token."""

    provider: str
    model: str
    progress: ProgressCallback | None = None
    cancel: CancelToken | None = None
    started: float = field(default_factory=time.monotonic)
    parts: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    _shown: int = 0  # the live counter never goes backwards, even when usage replaces the estimate

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def elapsed_s(self) -> float:
        return time.monotonic() - self.started

    def check_cancel(self) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled(self.provider, self.model)

    def add(self, piece: str | None) -> None:
        if piece:
            self.parts.append(piece)

    def report(self, *, done: bool = False) -> None:
        if self.progress is None:
            return
        tokens = (
            self.usage.tokens_out
            if self.usage.known and self.usage.tokens_out
            else estimate_tokens(self.text)
        )
        if not done:
            tokens = self._shown = max(self._shown, tokens)
        self.progress(Progress(self.provider, self.model, tokens, self.elapsed_s, done=done))

    def finish(
        self, request: LLMRequest, *, raw: dict[str, Any], truncated: bool = False
    ) -> LLMResult:
        """Parse the collected text into the result; a contract breach keeps the usage it cost."""
        self.report(done=True)
        latency_ms = self.elapsed_s * 1000
        tokens_out = self.usage.tokens_out if self.usage.known else estimate_tokens(self.text)
        cost, warnings = cost_of(self.provider, self.model, self.usage.tokens_in, tokens_out)
        try:
            data = parse_json_answer(self.text, request, provider=self.provider, model=self.model)
        except ContractViolation as exc:
            if truncated:
                exc.message = f"{exc.message} (the answer was cut off at max_output_tokens)"
                exc.args = (exc.message,)
            exc.details.update(
                tokens_in=self.usage.tokens_in,
                tokens_out=tokens_out,
                cost_usd=cost,
                latency_ms=latency_ms,
            )
            raise
        if not self.usage.known:
            warnings.append(f"{self.provider} reported no token usage; output tokens are estimated")
        return LLMResult(
            data=data,
            text=self.text,
            provider=self.provider,
            model=self.model,
            tokens_in=self.usage.tokens_in,
            tokens_out=tokens_out,
            cost_usd=cost,
            latency_ms=latency_ms,
            raw=raw,
            warnings=warnings,
        )
