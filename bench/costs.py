"""7. Costs: tokens and dollars per campaign for synchronous, cached and batch runs, and each
module's prompt size before and after the context budget (issue 15).

Runs go through the real SDKs against the in-process loopback server (no latency), which counts
tokens as words and reports prompt-cache reads as OpenAI does (a repeated prefix of 1,024 tokens
or more). Prices come from the price table (genai-prices' bundled database):

- synchronous: the demo campaign, every module, ``autonomy full``;
- cached: the same campaign run again with the workspace cache off, so every prompt is sent again
  and the provider's prompt cache answers its repeated prefix (what a regeneration costs);
- batch: the same campaign through the provider's batch API (``providers.batch``), half price.

Prompt sizes come from a dry run with the offline composer (``aicmo_kernel.estimate``): each
module's request as it would be sent, then the same prompt with its upstream condensed to the
module's budget by ``providers.context.fit_upstream`` (the call the prompt builder is to make).
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Section, fresh_home, seed_campaigns, table  # noqa: E402

MODELS = (("openai", "gpt-4o-mini"), ("anthropic", "claude-sonnet-4-6"))


class _Tally:
    """A provider that passes calls on and adds up what they report (cache reads included)."""

    def __init__(self, inner):
        self.inner, self.name, self.model = inner, inner.name, inner.model
        self.tokens_in = self.tokens_out = self.cache_read = 0
        self._lock = threading.Lock()

    def unavailable_reason(self):
        return self.inner.unavailable_reason()

    def complete(self, request, *, progress=None, cancel=None):
        result = self.inner.complete(request, progress=progress, cancel=cancel)
        with self._lock:
            self.tokens_in += result.tokens_in
            self.tokens_out += result.tokens_out
            self.cache_read += result.cache_read_tokens
        return result


def _provider(api: str, model: str, server):
    if api == "openai":
        import openai

        from aicmo_kernel.providers.openai import OpenAIProvider

        client = openai.OpenAI(base_url=server.openai_base_url, api_key="sk-bench", max_retries=0, timeout=30)
        return OpenAIProvider(client=client, label="openai", model=model, timeout=30)
    import anthropic

    from aicmo_kernel.providers.anthropic import AnthropicProvider

    client = anthropic.Anthropic(base_url=server.anthropic_base_url, api_key="sk-ant-bench", max_retries=0, timeout=30)
    return AnthropicProvider(client=client, model=model, timeout=30)


def _campaign_cost(ws, name: str) -> float | None:
    from aicmo_kernel.providers.pricing import add_costs

    return add_costs(run.cost_usd for run in ws.list_runs(name))


def cost_section(quick: bool) -> Section:
    from aicmo_kernel.providers.batch import BatchingProvider, batch_api_for
    from aicmo_kernel.providers.chain import ProviderChain
    from aicmo_kernel.runner import run_campaign
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.store.provider_batches import WorkspaceLedger
    from aicmo_kernel.testing.llm_server import LoopbackLLMServer

    rows, figures = [], {}
    for api, model in MODELS:
        with fresh_home(), LoopbackLLMServer() as server, Workspace.open() as ws:
            names = seed_campaigns(ws, 2)
            sync = _Tally(_provider(api, model, server))
            run_campaign(ws, names[0], autonomy="full", provider=sync, use_cache=False)
            sync_cost = _campaign_cost(ws, names[0])
            again = _Tally(_provider(api, model, server))
            before = {run.id for run in ws.list_runs(names[0])}
            _regenerate(ws, names[0], again)  # every module's prompt sent once more
            cached_cost = _rerun_cost(ws, names[0], before)
            sync_sdk = _provider(api, model, server)
            batching = BatchingProvider(batch_api_for(sync_sdk), WorkspaceLedger(ws), gather_s=0.2, poll_s=0.02)
            batch = _Tally(ProviderChain([batching, sync_sdk]))
            run_campaign(ws, names[1], autonomy="full", provider=batch, use_cache=False)
            batch_cost = _campaign_cost(ws, names[1])
        for label, tally, cost in (("synchronous", sync, sync_cost), ("cached (regenerated)", again, cached_cost),
                                   ("provider batch", batch, batch_cost)):
            ratio = f"{cost / sync_cost:.2f}" if cost is not None and sync_cost else "unknown"
            rows.append([f"{api}/{model}", label, f"{tally.tokens_in:,}", f"{tally.cache_read:,}",
                         f"{tally.tokens_out:,}", "unknown" if cost is None else f"${cost:.4f}", ratio])
            figures[f"{model} {label}"] = cost
    md = ("One demo campaign, all nine modules, `autonomy full`; tokens as the loopback server counts them "
          "(words), dollars from the price table.\n\n"
          + table(["model", "run", "tokens in", "of which cache reads", "tokens out", "USD per campaign",
                   "÷ synchronous"], rows)
          + "\n\nA regenerated campaign sends every prompt again (its prompts are a little longer: they carry "
          "the regenerated drafts' upstream). OpenAI serves the repeated prefixes from its cache by itself; "
          "Anthropic reads nothing from its cache until the prompt builder marks a stable prefix "
          "(`LLMRequest.stable_prefix_chars`), so its regeneration costs a plain resend. The provider batch "
          "costs half, as billed.")
    return Section("7. Costs per campaign: synchronous, cached, batch", md, figures)


def _regenerate(ws, campaign: str, provider) -> None:
    """Generate every module of ``campaign`` once more (what a regeneration sends), last module
    first, so each one's upstream is still approved when it is regenerated."""
    from aicmo_kernel.generation import generate
    from aicmo_kernel.modules import module_names

    for module in reversed(module_names()):
        generate(ws, campaign, module, provider=provider, use_cache=False)


def _rerun_cost(ws, campaign: str, before: set[str]) -> float | None:
    from aicmo_kernel.providers.pricing import add_costs

    return add_costs(run.cost_usd for run in ws.list_runs(campaign) if run.id not in before)


def budget_section(quick: bool) -> Section:
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.estimate import _Recorder
    from aicmo_kernel.providers.context import context_budget, estimate_tokens, fit_json, fit_upstream
    from aicmo_kernel.runner import run_campaign
    from aicmo_kernel.store import Workspace

    upstream_block = _upstream_renderer()
    sizes: dict[str, tuple[int, int, int]] = {}

    class Measuring(_Recorder):
        def complete(self, request, *, progress=None, cancel=None):
            budget = context_budget(request.module)
            upstream = request.context.get("upstream") or {}
            facts = request.context.get("facts") or {}
            prompt = request.prompt
            block = upstream_block(upstream)
            if block in prompt:  # some templates carry no upstream block (delivery: its facts instead)
                prompt = prompt.replace(block, upstream_block(fit_upstream(upstream, budget)[0]))
            shown = json.dumps(facts, indent=2, sort_keys=True, ensure_ascii=False)
            if facts and shown in prompt:
                prompt = prompt.replace(shown, json.dumps(fit_json(facts, budget)[0], indent=2, sort_keys=True,
                                                          ensure_ascii=False))
            before = estimate_tokens(request.system) + estimate_tokens(request.prompt)
            after = estimate_tokens(request.system) + estimate_tokens(prompt)
            with self._lock:
                sizes[request.module] = (len(request.prompt), before, after)
            return super().complete(request, progress=progress, cancel=cancel)

    with fresh_home(), Workspace.open() as ws:
        seed_demo(ws)
        run_campaign(ws, "demo", autonomy="full", provider=Measuring(), use_cache=False)
    rows = [[module, f"{chars:,}", f"{before:,}", f"{after:,}", f"{context_budget(module):,}",
             f"{after / before:.2f}"] for module, (chars, before, after) in sorted(sizes.items(), key=lambda i: -i[1][1])]
    md = ("The demo campaign's prompts (system + user text, estimated at 3.5 characters a token), as built "
          "today and with their upstream block and their facts each condensed to the module's budget "
          "(`fit_upstream`, `fit_json`; delivery carries the approved deliverables in its facts):\n\n"
          + table(["module", "prompt chars", "tokens now", "tokens with the budget", "budget per block",
                   "ratio"], rows))
    return Section("8. Prompt sizes and the context budget", md,
                   {module: {"before": b, "after": a} for module, (_c, b, a) in sizes.items()})


def _upstream_renderer():
    try:
        from aicmo_kernel.modules.templates import upstream_block
    except ImportError:  # before the modules became packages
        from aicmo_kernel.modules._render import upstream_block  # type: ignore[no-redef]
    return upstream_block


def run(quick: bool = False) -> list[Section]:
    return [cost_section(quick), budget_section(quick)]


if __name__ == "__main__":
    for section in run("--quick" in sys.argv):
        print(f"## {section.title}\n\n{section.markdown}\n")
