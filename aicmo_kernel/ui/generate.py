"""The generate bar: Generate, live progress, Cancel, and what produced the result.

Only a click generates. The generation runs ``generation.generate`` in a background thread so
Cancel (a ``CancelToken`` the providers check between streamed chunks) works and the kernel stays
responsive; ``bar.wait()`` joins that thread, for tests and the self-test driver. Failures are
shown as messages: a FAILED envelope as its error type, message and trace id; a closed gate as the
upstream modules it waits for; anything else through ``errors.describe_error``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..errors import GateError
from .errors import MessageBox

if TYPE_CHECKING:
    from ..generation import GenerationResult
    from ..providers.base import CancelToken, Progress
    from .form import InputsForm
    from .services import Services

__all__ = ["OFFLINE_BANNER", "GenerateBar", "generation_summary"]

OFFLINE_BANNER = (
    "Offline draft, not written by a language model: the offline composer assembled it from the "
    "brief and the approved upstream deliverables. Configure a provider (OPENAI_API_KEY or "
    "ANTHROPIC_API_KEY) to have a language model write the drafts."
)
_TICK_SECONDS = 0.5

GeneratedCallback = Callable[["GenerationResult"], None]


class GenerateBar(widgets.VBox):
    """Generate ``module`` for ``campaign`` from ``form``'s inputs (or the pre-filled ones)."""

    def __init__(
        self,
        services: Services,
        *,
        campaign: str | None,
        module: str,
        form: InputsForm | None = None,
    ) -> None:
        self.services = services
        self.campaign = campaign
        self.module = module
        self.form = form
        self.result: GenerationResult | None = None
        self.status = "idle"  # idle, running, done, failed, cancelled
        self._callbacks: list[GeneratedCallback] = []
        self._thread: threading.Thread | None = None
        self._token: CancelToken | None = None
        self._started = 0.0
        self._last_progress: Progress | None = None
        self._done = threading.Event()
        self._done.set()

        self.generate_button = widgets.Button(description="Generate", button_style="primary", icon="magic")
        self.cancel_button = widgets.Button(description="Cancel", icon="stop", disabled=True)
        self.progress = widgets.HTML("")
        self.banner = MessageBox()
        self.provenance = widgets.HTML("")
        self.message = MessageBox()
        self.generate_button.on_click(lambda _b: self.start())
        self.cancel_button.on_click(lambda _b: self.cancel())
        super().__init__([
            widgets.HBox([self.generate_button, self.cancel_button, self.progress]),
            self.message, self.banner, self.provenance,
        ])

    def on_generated(self, callback: GeneratedCallback) -> None:
        """Call ``callback(result)`` after a successful generation (e.g. to show the drafts)."""
        self._callbacks.append(callback)

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    # ------------------------------------------------------------------ actions

    def start(self) -> bool:
        """What Generate does: check inputs and gate, then generate in the background.
        Returns True if a generation started."""
        if self.running:
            return False
        if not self.campaign:
            self.message.show("Pick a campaign first.", "warning")
            return False
        try:
            inputs = self._inputs()
            if inputs is None:
                return False
            from ..workflow import check_gate

            check_gate(self.services.workspace, self.campaign, self.module)
        except GateError as exc:
            self._show_gate(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - nothing may escape a click
            self.message.show_error(exc, f"preparing to generate {self.module}")
            self.status = "failed"
            return False
        from ..providers.base import CancelToken

        self.result, self._last_progress = None, None
        self._token = CancelToken()
        self._started = time.monotonic()
        self._done.clear()
        self.status = "running"
        self.message.clear()
        self.banner.clear()
        self.provenance.value = ""
        self.generate_button.disabled, self.cancel_button.disabled = True, False
        self._show_progress()
        self._thread = threading.Thread(target=self._run, args=(inputs, self._token), daemon=True,
                                        name=f"aicmo-generate-{self.module}")
        self._thread.start()
        threading.Thread(target=self._tick, daemon=True, name="aicmo-generate-ticker").start()
        return True

    def cancel(self) -> None:
        if self._token is not None and self.running:
            self._token.cancel()
            self.cancel_button.disabled = True
            self.message.show("Cancelling…", "warning")

    def wait(self, timeout: float | None = 60.0) -> bool:
        """Block until the running generation (if any) has finished; True if it has."""
        return self._done.wait(timeout)

    # ------------------------------------------------------------------ internals

    def _inputs(self) -> dict[str, Any] | None:
        if self.form is None:
            return {}
        validated = self.form.validate()
        if validated is None:
            self.message.show("Fix the inputs marked above, then generate again.", "error")
            return None
        return validated.model_dump(mode="json")

    def _show_gate(self, exc: GateError) -> None:
        blocked = exc.details.get("blocked_by") or {}
        lines = [f"{self.module} waits for its upstream modules to be approved:"]
        lines += [f"• {module}: {why}" for module, why in blocked.items()] or [exc.message]
        self.message.show("\n".join(lines), "warning")
        self.status = "idle"

    def _run(self, inputs: dict[str, Any], token: CancelToken) -> None:
        from ..generation import generate

        try:
            result = generate(
                self.services.workspace, self.campaign, self.module, inputs,
                provider=self.services.make_provider(), settings=self.services.current_settings(),
                progress=self._on_progress, cancel=token, actor=self.services.reviewer or "analyst",
            )
            self.result = result
            self._show_result(result, cancelled=token.cancelled)
            if self.status == "done":
                for callback in self._callbacks:
                    callback(result)
        except GateError as exc:
            self._show_gate(exc)
        except Exception as exc:  # noqa: BLE001 - a widget callback must never raise into the output
            if self.status == "running":
                self.status = "failed"
            self.message.show_error(exc, f"generating {self.module}" if self.result is None
                                    else "showing the new drafts")
        finally:
            # Set last: wait() returning means the drafts are stored and shown.
            self.generate_button.disabled, self.cancel_button.disabled = False, True
            self._done.set()
            self._show_progress()

    def _on_progress(self, progress: Progress) -> None:
        self._last_progress = progress
        self._show_progress()

    def _tick(self) -> None:
        while not self._done.wait(_TICK_SECONDS):
            self._show_progress()

    def _show_progress(self) -> None:
        elapsed = time.monotonic() - self._started if self._started else 0.0
        last = self._last_progress
        if self.running:
            who = f" with {last.provider} ({last.model})" if last else ""
            tokens = f" · {last.tokens_so_far:,} tokens" if last else ""
            self.progress.value = f"<span>Writing{who}{tokens} · {elapsed:.1f} s</span>"
        elif self.status in ("done", "failed", "cancelled"):
            self.progress.value = f"<span style='color:#666'>finished in {elapsed:.1f} s</span>"
        else:
            self.progress.value = ""

    def _show_result(self, result: GenerationResult, *, cancelled: bool) -> None:
        from ..providers.offline import OFFLINE_WARNING

        envelope = result.envelope
        meta = envelope.meta
        self.provenance.value = _provenance_html(result)
        if envelope.status == "FAILED":
            error = envelope.error
            self.status = "cancelled" if cancelled else "failed"
            if cancelled:
                text = "Generation cancelled: nothing was drafted. The cancelled run is kept in the history."
                self.message.show(text, "warning", trace_id=meta.trace_id)
                return
            kind = error.type if error else "INTERNAL_ERROR"
            text = f"Generation failed ({kind}): {error.message if error else 'no error recorded'}"
            tried = _attempts_line(result.attempts)
            self.message.show(text + (f"\nTried: {tried}" if tried else ""), "error",
                              trace_id=error.trace_id if error else meta.trace_id)
            return
        self.status = "done"
        count = len(envelope.deliverables)
        self.message.show(f"Drafted {count} deliverable{'s' if count != 1 else ''}; review them below.", "success")
        if meta.provider == "offline" or OFFLINE_WARNING in meta.warnings:
            self.banner.show(OFFLINE_BANNER, "warning")
        others = [w for w in meta.warnings if w != OFFLINE_WARNING]
        if others:
            self.banner.show("\n".join(([OFFLINE_BANNER] if self.banner.text else []) + others), "warning")


def _attempts_line(attempts: list[dict[str, Any]]) -> str:
    parts = []
    for attempt in attempts:
        status = attempt.get("status", "?")
        why = attempt.get("error_type") or ""
        parts.append(f"{attempt.get('provider', '?')} ({status}{': ' + why if why else ''})")
    return ", ".join(parts)


def _provenance_html(result: GenerationResult) -> str:
    import html

    from ..providers.pricing import format_cost

    meta = result.envelope.meta
    tokens = meta.tokens_used
    line = (
        f"Produced by <b>{html.escape(meta.provider)}</b> · model <code>{html.escape(meta.model)}</code> · "
        f"tokens {tokens['in']:,} in / {tokens['out']:,} out · cost {format_cost(meta.cost_usd)} · "
        f"trace id <code>{html.escape(meta.trace_id)}</code>"
    )
    return f"<div class='aicmo-provenance' style='font-size:smaller;color:#444'>{line}</div>"


def generation_summary(result: GenerationResult) -> dict[str, Any]:
    """The provenance of a generation as plain data (what the bar shows)."""
    meta = result.envelope.meta
    return {
        "status": result.envelope.status, "provider": meta.provider, "model": meta.model,
        "tokens_in": meta.tokens_used["in"], "tokens_out": meta.tokens_used["out"],
        "cost_usd": meta.cost_usd, "trace_id": meta.trace_id, "deliverables": len(result.envelope.deliverables),
    }

