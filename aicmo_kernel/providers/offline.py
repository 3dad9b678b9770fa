"""The offline provider: the embedded default when no key is configured (SPEC section 6).

It answers a request with the module's deterministic composer (``LLMRequest.compose_offline``, set
by the module's spec: ``aicmo_kernel.modules.<name>.composer``) instead of a language model: the same context always gives byte-identical JSON, it costs nothing, and
its results say ``provider=offline`` plus a warning that no language model wrote the draft.
"""

from __future__ import annotations

import json
import time

from ..errors import AicmoError, ProviderError
from .base import CancelToken, LLMRequest, LLMResult, Progress, ProgressCallback

__all__ = ["OFFLINE_MODEL", "OFFLINE_WARNING", "OfflineProvider"]

OFFLINE_MODEL = "aicmo-offline-composer-1"
OFFLINE_WARNING = (
    "Drafted by the offline composer from the brief: no language model wrote this text."
)


class OfflineProvider:
    name = "offline"
    model = OFFLINE_MODEL

    def unavailable_reason(self) -> str | None:
        return None

    def complete(
        self,
        request: LLMRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> LLMResult:
        if cancel is not None:
            cancel.raise_if_cancelled(self.name, self.model)
        started = time.monotonic()
        if request.compose_offline is None:
            raise ProviderError(f"module {request.module!r} has no offline composer", provider=self.name,
                                model=self.model)
        try:
            data = request.compose_offline(request.context)
        except ProviderError as exc:  # e.g. the composer's draft broke the output model
            exc.provider, exc.model = exc.provider or self.name, exc.model or self.model
            raise
        except AicmoError:
            raise
        except Exception as exc:  # a composer bug must end as a typed failure, not a crash
            raise ProviderError(
                f"the offline composer failed for module {request.module!r}: {type(exc).__name__}: {exc}",
                provider=self.name,
                model=self.model,
            ) from exc
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        elapsed = time.monotonic() - started
        if progress is not None:
            progress(
                Progress(
                    provider=self.name,
                    model=self.model,
                    tokens_so_far=0,
                    elapsed_s=elapsed,
                    done=True,
                )
            )
        return LLMResult(
            data=data,
            text=text,
            provider=self.name,
            model=self.model,
            latency_ms=elapsed * 1000,
            raw={
                "composer": getattr(request.compose_offline, "__qualname__", "composer"),
                "prompt_version": request.context.get("prompt_version"),
            },
            warnings=[OFFLINE_WARNING],
        )
