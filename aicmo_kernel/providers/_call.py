"""What both SDK adapters do around one call: a deadline, cancellation, the output cap, parsing,
usage and cost.

Three guarantees hold for every call, streamed or not:

- **Bounded time.** ``CallTracker.run`` makes the SDK call in a helper thread and waits for it
  in short steps, so the call as a whole (connecting, waiting for headers, streaming) ends at
  ``timeout`` seconds (``AICMO_LLM_TIMEOUT``), not at ``timeout`` per read, and Cancel (or
  Ctrl-C) takes effect within ``_POLL_S``. A call given up this way is abandoned: its thread
  stops at the next chunk, or when the SDK's own read timeout (set to what was left of the
  deadline) ends it; its answer, if one ever comes, is dropped.
- **Bounded output.** Text past the request's ``max_output_tokens`` is never accepted: a server
  that ignores the limit is cut off mid-stream and the call fails as ``CONTRACT_ERROR``. Tokens
  are counted from below (every run of word characters is at least one token in any tokenizer,
  and no tokenizer averages ``_MAX_CHARS_PER_TOKEN`` characters a token), so an honest answer is
  never cut.
- **Constant work per chunk.** Chunks are appended to a list and counted as they come; the text
  is joined once, at the end, and progress is reported at most every ``_REPORT_EVERY_S``.

A stream that stops before the API's end marker (OpenAI's ``finish_reason``, Anthropic's
``message_stop``) with text that is no complete answer failed as a connection fails
(``ProviderConnectionError``, "ended early after N characters"), not as a broken answer: asking
the same model to repair an answer it was never allowed to finish would buy nothing. Every failure
carries what the call cost so far (``failure``, ``charged``); when the server reports no usage,
input and output tokens are estimated and the result says so.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import (
    ContractViolation,
    GenerationCancelled,
    ProviderConnectionError,
    ProviderError,
    ProviderTimeout,
)
from . import call_threads
from ._parse import parse_json_answer
from .base import CancelToken, LLMRequest, LLMResult, Progress, ProgressCallback
from .context import request_tokens
from .pricing import cost_of

__all__ = ["DEFAULT_TIMEOUT_S", "CallTracker", "Usage"]

T = TypeVar("T")

DEFAULT_TIMEOUT_S = 60.0
_POLL_S = 0.05  # how often the waiting thread looks at the cancel token and the deadline
_REPORT_EVERY_S = 0.1  # the live counter is refreshed at most this often
_MAX_CHARS_PER_TOKEN = 32  # a hard cap for text without words (whitespace, punctuation)
_WORD = re.compile(r"\w+")


@dataclass
class Usage:
    tokens_in: int = 0
    tokens_out: int = 0
    known: bool = False  # True once the API reported usage (not an estimate)
    cache_read: int = 0  # of tokens_in, read from the provider's prompt cache
    cache_write: int = 0  # of tokens_in, written to it (Anthropic bills these at 1.25x)


@dataclass
class CallTracker:
    """One call: collects streamed text, counts it, reports progress, enforces cancel, deadline
    and the output cap (see the module docstring)."""

    provider: str
    model: str
    progress: ProgressCallback | None = None
    cancel: CancelToken | None = None
    max_output_tokens: int = 8192
    batch: bool = False  # answered through a provider batch API: priced at the batch price
    started: float = field(default_factory=time.monotonic)
    parts: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    chars: int = 0
    words: int = 0  # runs of word characters so far: a lower bound on the output tokens
    _ends_in_word: bool = False
    _shown: int = 0  # the live counter never goes backwards, even when usage replaces the estimate
    _last_report: float = 0.0
    _given_up: str | None = None  # why the waiting thread gave up on this call, if it did

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def elapsed_s(self) -> float:
        return time.monotonic() - self.started

    @property
    def tokens_estimate(self) -> int:
        """Output tokens so far: the API's figure once reported, else about four characters a token."""
        if self.usage.known and self.usage.tokens_out:
            return self.usage.tokens_out
        return max(self.words, (self.chars + 3) // 4)

    def check_cancel(self) -> None:
        """Raise if the user cancelled; in the call's own thread, also if the call was given up."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled(self.provider, self.model)
        if self._given_up is not None:
            raise GenerationCancelled(self._given_up, provider=self.provider, model=self.model)

    def add(self, piece: str | None) -> None:
        """Append one chunk of text; cut the call off once it is past ``max_output_tokens``."""
        if not piece:
            return
        self.parts.append(piece)
        self.chars += len(piece)
        runs = len(_WORD.findall(piece))
        if runs and self._ends_in_word and _WORD.match(piece):
            runs -= 1  # one word split across two chunks
        self.words += runs
        self._ends_in_word = _WORD.match(piece[-1]) is not None
        limit = self.max_output_tokens
        if self.words > limit or self.chars > limit * _MAX_CHARS_PER_TOKEN:
            raise self.failure(
                ContractViolation,
                f"{self.provider} kept writing past max_output_tokens ({limit:,}): the answer was "
                f"cut off at {self.chars:,} characters, at least {self.words:,} tokens",
                raw_text=self.text[:20000],
            )

    def report(self, *, done: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if not done and now - self._last_report < _REPORT_EVERY_S:
            return
        self._last_report = now
        tokens = self.tokens_estimate
        if not done:
            tokens = self._shown = max(self._shown, tokens)
        self.progress(Progress(self.provider, self.model, tokens, now - self.started, done=done))

    def cost(self) -> float | None:
        return self._cost(self.tokens_estimate)[0]

    def _cost(self, tokens_out: int) -> tuple[float | None, list[str]]:
        usage = self.usage
        return cost_of(self.provider, self.model, usage.tokens_in, tokens_out,
                       cache_read=usage.cache_read, cache_write=usage.cache_write, batch=self.batch)

    def failure(self, error: type[ProviderError], message: str, **kw: Any) -> ProviderError:
        """``error`` carrying what the call cost so far, so the chain records it on the attempt."""
        return self._charge(error(message, provider=self.provider, model=self.model, **kw))

    def charged(self, exc: ProviderError) -> ProviderError:
        """``exc`` (mapped from the SDK's error) carrying what the call cost so far. A connection
        lost after text arrived says how far the stream got."""
        if type(exc) is ProviderConnectionError and self.chars:
            exc.message = (
                f"{self.provider}'s stream ended early after {self.chars:,} characters: {exc.message}"
            )
            exc.args = (exc.message,)
        return self._charge(exc)

    def _charge(self, exc: ProviderError) -> ProviderError:
        exc.details.update(
            tokens_in=self.usage.tokens_in,
            tokens_out=self.tokens_estimate,
            cost_usd=self.cost(),
            latency_ms=self.elapsed_s * 1000,
        )
        return exc

    def run(self, call: Callable[[], T], *, timeout: float) -> T:
        """``call()`` (the SDK request, streamed or not) in a helper thread (``call_threads``), given
        up on when the user cancels, on Ctrl-C, or when ``timeout`` seconds have passed since the
        call began."""
        outcome: dict[str, Any] = {}
        finished = threading.Event()

        def work() -> None:
            try:
                outcome["value"] = call()
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                outcome["error"] = exc
            finally:
                finished.set()

        self.started = time.monotonic()  # the clock starts with the request, not the SDK's import
        call_threads.submit(work)
        deadline = self.started + timeout
        try:
            while not finished.wait(max(0.0, min(_POLL_S, deadline - time.monotonic()))):
                if self.cancel is not None and self.cancel.cancelled:
                    raise self._give_up(GenerationCancelled, "generation cancelled by the user")
                if time.monotonic() >= deadline:
                    raise self._give_up(
                        ProviderTimeout,
                        f"{self.provider} did not finish within {timeout:g} s ({self.model}); "
                        "AICMO_LLM_TIMEOUT sets the limit for a whole call",
                    )
        except KeyboardInterrupt:
            exc = self._give_up(GenerationCancelled, "generation interrupted (Ctrl-C)")
            exc.interrupted = True  # type: ignore[attr-defined]
            raise exc from None
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def _give_up(self, error: type[ProviderError], message: str) -> ProviderError:
        self._given_up = message  # the call's thread stops at its next chunk
        return self.failure(error, message)

    def finish(
        self,
        request: LLMRequest,
        *,
        raw: dict[str, Any],
        truncated: bool = False,
        ended: bool = True,
        end_marker: str = "end of the answer",
    ) -> LLMResult:
        """Parse the collected text into the result; a contract breach keeps the usage it cost.
        ``ended``: False when a stream stopped before its ``end_marker`` came (see the module
        docstring); a complete answer is still taken."""
        self.report(done=True)
        latency_ms = self.elapsed_s * 1000
        estimated = not self.usage.known
        input_estimated = estimated and not self.usage.tokens_in
        if input_estimated:
            self.usage.tokens_in = request_tokens(request)  # billed all the same: never 0
        tokens_out = self.usage.tokens_out if self.usage.known else self.tokens_estimate
        cost, warnings = self._cost(tokens_out)
        text = self.text
        try:
            data = parse_json_answer(text, request, provider=self.provider, model=self.model)
        except ContractViolation as exc:
            if not ended:
                raise self.failure(
                    ProviderConnectionError,
                    f"{self.provider}'s stream ended early after {self.chars:,} characters "
                    f"({self.model}): the connection closed before the {end_marker} and the "
                    "answer is incomplete",
                ) from exc
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
        if estimated:
            which = "input and output tokens are" if input_estimated else "output tokens are"
            warnings.append(f"{self.provider} reported no token usage; {which} estimated")
        elif tokens_out > request.max_output_tokens:
            warnings.append(
                f"{self.provider} reported {tokens_out:,} output tokens, more than the "
                f"{request.max_output_tokens:,} the request allowed; recorded as reported"
            )
        return LLMResult(
            data=data,
            text=text,
            provider=self.provider,
            model=self.model,
            tokens_in=self.usage.tokens_in,
            tokens_out=tokens_out,
            cost_usd=cost,
            latency_ms=latency_ms,
            raw=raw,
            warnings=warnings,
            cache_read_tokens=self.usage.cache_read,
            cache_write_tokens=self.usage.cache_write,
        )
