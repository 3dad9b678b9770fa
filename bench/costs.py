"""7. Costs: tokens and dollars per campaign for synchronous, cached and batch runs, and each
module's prompt size before and after the context budget (issue 15).

Runs go through the real SDKs against the in-process loopback server (no latency), which counts
tokens as words and reports prompt-cache reads and writes as the providers do: Anthropic up to each
block marked ``cache_control`` (1,024 words or more), OpenAI any repeated prefix of 1,024 or more,
both keyed on the output format too. Prices come from the price table (genai-prices' bundled
database):

- synchronous: the demo campaign, every module, ``autonomy full`` (on Anthropic this first run
  writes the marked prefixes);
- synchronous, nothing marked (Anthropic only): the same run with the prompts' stable prefix left
  unmarked, in a server of its own: what the run costs without ``cache_control``;
- cached (regenerated): the same campaign generated again with the workspace cache off, last
  module first, so every prompt is sent again and the provider's prompt cache answers its stable
  prefix (what a regeneration, or a repair, costs within the cache's five minutes);
- provider batch: a second campaign of the same brand through the provider's batch API
  (``providers.batch``), half price, after the first (so it may read what the first left); its
  Anthropic requests carry no cache marks.

Prompt sizes come from a dry run with the offline composer (``aicmo_kernel.estimate``): each
module's request as sent (its upstream and facts condensed to the module's budget by the prompt
builder) and the same request built with a budget too large to condense anything.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Section, fresh_home, seed_campaigns, table  # noqa: E402

MODELS = (("openai", "gpt-4o-mini"), ("anthropic", "claude-sonnet-4-6"))


class _Tally:
    """A provider that passes calls on and adds up what they report (cache reads and writes)."""

    def __init__(self, inner, *, unmarked: bool = False):
        self.inner, self.name, self.model = inner, inner.name, inner.model
        self.unmarked = unmarked
        self.calls = self.tokens_in = self.tokens_out = self.cache_read = self.cache_write = 0
        self._lock = threading.Lock()

    def unavailable_reason(self):
        return self.inner.unavailable_reason()

    def complete(self, request, *, progress=None, cancel=None):
        if self.unmarked:  # the prompt as built, its stable prefix not marked for the cache
            request = dataclasses.replace(request, stable_prefix_chars=0, cache_breaks=())
        result = self.inner.complete(request, progress=progress, cancel=cancel)
        with self._lock:
            self.calls += 1
            self.tokens_in += result.tokens_in
            self.tokens_out += result.tokens_out
            self.cache_read += result.cache_read_tokens
            self.cache_write += result.cache_write_tokens
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
        runs = []
        with fresh_home(), LoopbackLLMServer() as server, Workspace.open() as ws:
            names = seed_campaigns(ws, 2)
            sync = _Tally(_provider(api, model, server))
            run_campaign(ws, names[0], autonomy="full", provider=sync, use_cache=False, max_workers=1)
            runs.append(("synchronous", sync, _campaign_cost(ws, names[0])))
            again = _Tally(_provider(api, model, server))
            before = {run.id for run in ws.list_runs(names[0])}
            _regenerate(ws, names[0], again)  # every module's prompt sent once more
            runs.append(("cached (regenerated)", again, _rerun_cost(ws, names[0], before)))
            sync_sdk = _provider(api, model, server)
            batching = BatchingProvider(batch_api_for(sync_sdk), WorkspaceLedger(ws), gather_s=0.2, poll_s=0.02)
            batch = _Tally(ProviderChain([batching, sync_sdk]))
            run_campaign(ws, names[1], autonomy="full", provider=batch, use_cache=False, max_workers=1)
            runs.append(("provider batch", batch, _campaign_cost(ws, names[1])))
        if api == "anthropic":
            with fresh_home(), LoopbackLLMServer() as server, Workspace.open() as ws:
                names = seed_campaigns(ws, 1)
                plain = _Tally(_provider(api, model, server), unmarked=True)
                run_campaign(ws, names[0], autonomy="full", provider=plain, use_cache=False, max_workers=1)
                runs.insert(1, ("synchronous, nothing marked", plain, _campaign_cost(ws, names[0])))
        sync_cost = runs[0][2]
        for label, tally, cost in runs:
            ratio = f"{cost / sync_cost:.2f}" if cost is not None and sync_cost else "unknown"
            rows.append([f"{api}/{model}", label, f"{tally.calls}", f"{tally.tokens_in:,}", f"{tally.cache_read:,}",
                         f"{tally.cache_write:,}", f"{tally.tokens_out:,}",
                         "unknown" if cost is None else f"${cost:.4f}", ratio])
            figures[f"{model} {label}"] = {"usd": cost, "calls": tally.calls, "tokens_in": tally.tokens_in, "cache_read": tally.cache_read,
                                           "cache_write": tally.cache_write, "tokens_out": tally.tokens_out}
    md = ("One demo campaign, all nine modules, `autonomy full`; tokens as the loopback server counts them "
          "(words), dollars from the price table; each ratio is to the model's synchronous row of this run.\n\n"
          + table(["model", "run", "calls", "tokens in", "of which cache reads", "of which cache writes", "tokens out",
                   "USD per campaign", "÷ synchronous"], rows)
          + "\n\nEvery prompt puts what stays the same first (system text, the module's instructions, brand "
          "rules, campaign record, approved upstream) and this request's inputs and facts last. Both providers "
          "key their caches on the output format as well, so within one campaign no module reads another's "
          "prefix: a first run reads nothing, and on Anthropic it pays the writes of its marked prefixes "
          "(1.25x input). A regeneration (or a repair) within five minutes reads the stable prefix at a tenth "
          "of the input price (delivery's pack changed in between: learn ran after it, so delivery writes again). "
          "The provider batch costs half, as billed; its Anthropic requests carry no cache marks (nothing "
          "written); on OpenAI the second campaign of the same brand also reads the prefixes the first one left.")
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
    from aicmo_kernel.modules import get_module
    from aicmo_kernel.providers.context import BUDGET_VARIABLE, context_budget, estimate_tokens
    from aicmo_kernel.runner import run_campaign
    from aicmo_kernel.store import Workspace

    with fresh_home(), Workspace.open() as ws:
        seed_demo(ws)
        recorder = _Recorder()
        run_campaign(ws, "demo", autonomy="full", provider=recorder, use_cache=False)
    sizes: dict[str, tuple[int, int, int, int]] = {}
    saved = os.environ.get(BUDGET_VARIABLE)
    try:
        os.environ[BUDGET_VARIABLE] = "100000000"  # nothing condensed: the prompt without the budget
        for module, request in recorder.requests.items():
            context = request.context
            whole = get_module(module).build_request(context["inputs"], brand=context["brand"],
                                                     campaign=context["campaign"], upstream=context["upstream"],
                                                     facts=context["facts"])
            system = estimate_tokens(request.system)
            sizes[module] = (len(request.prompt), system + estimate_tokens(whole.prompt),
                             system + estimate_tokens(request.prompt),
                             system + estimate_tokens(request.prompt[: request.stable_prefix_chars]))
    finally:
        if saved is None:
            os.environ.pop(BUDGET_VARIABLE, None)
        else:
            os.environ[BUDGET_VARIABLE] = saved
    rows = [[module, f"{chars:,}", f"{before:,}", f"{after:,}", f"{context_budget(module):,}",
             f"{after / before:.2f}", f"{stable:,}", f"{stable / after:.0%}"]
            for module, (chars, before, after, stable) in sorted(sizes.items(), key=lambda i: -i[1][1])]
    md = ("The demo campaign's prompts (system + user text, estimated at 3.5 characters a token): built with a "
          "budget too large to condense anything, and as sent, with their upstream and facts each condensed to "
          "the module's budget by code (`fit_upstream`, `fit_json`; delivery carries the approved deliverables "
          "in its facts). The stable prefix is what a provider can cache: system text, instructions, brand "
          "rules, campaign record, upstream (and delivery's pack).\n\n"
          + table(["module", "prompt chars (sent)", "tokens without the budget", "tokens sent", "budget per block",
                   "ratio", "stable prefix tokens", "of the prompt"], rows))
    return Section("8. Prompt sizes and the context budget", md,
                   {module: {"before": b, "after": a, "stable_prefix": p} for module, (_c, b, a, p) in sizes.items()})


def run(quick: bool = False) -> list[Section]:
    return [cost_section(quick), budget_section(quick)]


if __name__ == "__main__":
    for section in run("--quick" in sys.argv):
        print(f"## {section.title}\n\n{section.markdown}\n")
