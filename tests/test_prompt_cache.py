"""Prompts laid out for the providers' prompt caches (issue 15): the stable part first (system
text, the module's instructions, brand rules, campaign record, approved upstream), this request's
inputs and facts last; Anthropic's breakpoints on the stable sections; a regenerated module read
from the cache through the real SDKs against the loopback server."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from fixtures_llm import post_request

from aicmo_kernel.demo import seed_demo
from aicmo_kernel.estimate import _Recorder
from aicmo_kernel.generation import generate
from aicmo_kernel.modules import get_module, module_names
from aicmo_kernel.modules.templates import TAIL_HEADING, brand_rules_block, render_template
from aicmo_kernel.providers.anthropic import AnthropicProvider, cache_cuts
from aicmo_kernel.providers.context import prompt_json
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.providers.pricing import cost_of
from aicmo_kernel.runner import run_campaign
from aicmo_kernel.store import Workspace

SONNET = "claude-sonnet-4-6"


class Keeping(_Recorder):
    """The offline provider, keeping each module's last request."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: dict[str, object] = {}

    def complete(self, request, *, progress=None, cancel=None):
        with self._lock:
            self.requests[request.module] = request
        return super().complete(request, progress=progress, cancel=cancel)


class Tally:
    """A provider passing calls on, keeping every result per module in call order."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.model = inner, inner.name, inner.model
        self.results: dict[str, list] = {}
        self._lock = threading.Lock()

    def unavailable_reason(self):
        return self.inner.unavailable_reason()

    def complete(self, request, *, progress=None, cancel=None):
        result = self.inner.complete(request, progress=progress, cancel=cancel)
        with self._lock:
            self.results.setdefault(request.module, []).append(result)
        return result


@pytest.fixture(scope="module")
def demo_requests(tmp_path_factory):
    """Every module's request for the demo campaign (one offline run shared by this file's tests)."""
    home = tmp_path_factory.mktemp("aicmo-home")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AICMO_HOME", str(home))
        env.delenv("AICMO_DATABASE_URL", raising=False)
        with Workspace.open() as ws:
            seed_demo(ws)
            recorder = Keeping()
            run_campaign(ws, "demo", autonomy="full", provider=recorder, use_cache=False)
    return recorder.requests


def test_every_prompt_puts_what_stays_the_same_first(demo_requests):
    assert set(demo_requests) == set(module_names())
    systems = {request.system for request in demo_requests.values()}
    assert len(systems) == 1  # one system text for every module: it opens every prefix
    (system,) = systems
    assert "Never invent facts" in system and "$" not in system
    for module, request in demo_requests.items():
        title = get_module(module).info.title
        stable, tail = request.prompt[: request.stable_prefix_chars], request.prompt[request.stable_prefix_chars:]
        assert tail.startswith(TAIL_HEADING), module
        assert f"Module: {title}" in stable and "## Brand rules" in stable and "## Campaign record" in stable
        assert request.cache_breaks[-1] == request.stable_prefix_chars
        assert list(request.cache_breaks) == sorted(set(request.cache_breaks))
        # this request's inputs are in the tail, never in the prefix (leadgen's reach it as facts)
        if module != "leadgen":
            shown = prompt_json(request.context["inputs"], sort_keys=False)
            assert shown in tail and shown not in stable, module
    # the brand rules are one block, word for word the same in every module's prefix
    brand_blocks = {r.prompt[r.cache_breaks[0]:r.cache_breaks[1]] for r in demo_requests.values()}
    assert len(brand_blocks) == 1 and brand_blocks.pop().startswith("## Brand rules")
    # upstream is in the prefix (monitoring's condensed calendar too), the facts of delivery as well
    assert "### [execution/" in demo_requests["monitoring"].prompt[: demo_requests["monitoring"].stable_prefix_chars]
    delivery = demo_requests["delivery"]
    assert "## The pack, computed by code" in delivery.prompt[: delivery.stable_prefix_chars]


def test_the_same_inputs_give_the_same_prefix_even_when_upstream_is_condensed(demo_requests):
    monitoring = demo_requests["monitoring"]
    assert monitoring.context.get("condensed")  # the calendar upstream is over monitoring's budget
    spec = get_module("monitoring")
    context = monitoring.context
    again = spec.build_request(context["inputs"], brand=context["brand"], campaign=context["campaign"],
                               upstream=context["upstream"], facts=context["facts"])
    assert again.prompt == monitoring.prompt and again.cache_breaks == monitoring.cache_breaks


def test_templates_before_issue_15_have_no_stable_prefix(demo_requests):
    spec = dataclasses.replace(get_module("strategy"), prompt_template="strategy.v2.md")
    context = demo_requests["strategy"].context
    request = spec.build_request(context["inputs"], brand=context["brand"], campaign=context["campaign"],
                                 upstream=context["upstream"])
    assert request.stable_prefix_chars == 0 and request.cache_breaks == ()
    assert brand_rules_block(context["brand"]) in request.prompt and "strategy.v2" in request.prompt
    assert "Strategy" in render_template("system.v1.md", module_title="Strategy")  # kept for stored runs


def test_anthropic_marks_only_sections_long_enough_for_the_model(demo_requests):
    strategy = demo_requests["strategy"]
    sonnet = cache_cuts(strategy, SONNET)
    assert sonnet and sonnet[-1] == strategy.stable_prefix_chars and len(sonnet) <= 4
    for cut in sonnet:  # each marked prefix is surely 1,024 tokens or more (4 characters a token)
        assert len(strategy.system) + cut >= 1024 * 4
    haiku = cache_cuts(strategy, "claude-haiku-4-5")
    assert set(haiku) <= set(sonnet) and all(len(strategy.system) + cut >= 4096 * 4 for cut in haiku)
    assert cache_cuts(post_request(), SONNET) == []  # no stable prefix: nothing marked


def _anthropic(llm_server):
    import anthropic

    client = anthropic.Anthropic(base_url=llm_server.anthropic_base_url, api_key="sk-ant-test-0123456789",
                                 max_retries=0, timeout=10)
    return AnthropicProvider(client=client, model=SONNET, timeout=10)


def _openai(llm_server):
    import openai

    client = openai.OpenAI(base_url=llm_server.openai_base_url, api_key="sk-test-openai-0123456789",
                           max_retries=0, timeout=10)
    return OpenAIProvider(client=client, label="openai", model="gpt-4o-mini", timeout=10)


@pytest.mark.parametrize("api", ["anthropic", "openai"])
def test_a_regenerated_module_reads_its_prefix_from_the_provider_cache(llm_server, api):
    provider = Tally(_anthropic(llm_server) if api == "anthropic" else _openai(llm_server))
    with Workspace.open() as ws:
        seed_demo(ws)
        run_campaign(ws, "demo", autonomy="full", provider=provider, use_cache=False)
        assert set(provider.results) == set(module_names())  # learn's rules then wait for a person
        # the pack delivery writes about changed since its first call (learn ran after it), so it is
        # regenerated twice; the others once, last first, so their upstream stays approved
        for module in ("delivery", "delivery", "monitoring", "autonomy", "creatives", "strategy"):
            generate(ws, "demo", module, provider=provider, use_cache=False)
    model = provider.model
    for module in ("strategy", "creatives", "autonomy", "monitoring", "delivery"):
        first, again = provider.results[module][-2], provider.results[module][-1]
        assert provider.results[module][0].cache_read_tokens == 0, module  # no other module has its format
        if api == "anthropic":
            # the first regeneration writes what it could not read (a shorter marked section, the
            # system text and instructions, may be cached from the first run already); the second
            # reads all of it and writes nothing
            assert first.cache_write_tokens > 1024 and again.cache_write_tokens == 0, module
            assert again.cache_read_tokens == first.cache_read_tokens + first.cache_write_tokens, module
        else:
            assert again.cache_read_tokens >= 1024, module
        assert again.cache_read_tokens > again.tokens_in / 2, module  # most of the prompt
        for result in (first, again):
            assert result.cost_usd == cost_of(api, model, result.tokens_in, result.tokens_out,
                                              cache_read=result.cache_read_tokens,
                                              cache_write=result.cache_write_tokens)[0]
        assert again.cost_usd < cost_of(api, model, again.tokens_in, again.tokens_out)[0]


def test_a_different_output_format_shares_no_cache_entry(llm_server):
    """OpenAI puts the structured-output schema before the system text and Anthropic keys its
    cache on ``output_config`` too, so the loopback server does the same: a second module's
    prompt with the same words but another schema reads nothing."""
    provider = _anthropic(llm_server)
    prefix = " ".join(f"fact{i} about Acme Coffee." for i in range(1500))
    request = dataclasses.replace(post_request(prompt=f"{prefix}\n\nWrite one post."), stable_prefix_chars=len(prefix))
    first = provider.complete(request)
    other = dataclasses.replace(request, output_schema={**request.output_schema, "title": "OtherPost"})
    second = provider.complete(other)
    third = provider.complete(request)
    assert first.cache_write_tokens > 1024 and second.cache_read_tokens == 0 and second.cache_write_tokens > 1024
    assert third.cache_read_tokens == first.cache_write_tokens


def test_the_prompt_cache_can_be_turned_off(demo_requests, monkeypatch, llm_server):
    from aicmo_kernel.errors import ConfigurationError

    strategy = demo_requests["strategy"]
    monkeypatch.setenv("AICMO_PROMPT_CACHE", "off")
    assert cache_cuts(strategy, SONNET) == []
    provider = _anthropic(llm_server)
    assert isinstance(provider._request_kwargs(strategy)["messages"][0]["content"], str)
    monkeypatch.setenv("AICMO_PROMPT_CACHE", "sometimes")
    with pytest.raises(ConfigurationError, match="AICMO_PROMPT_CACHE"):
        cache_cuts(strategy, SONNET)
    monkeypatch.delenv("AICMO_PROMPT_CACHE")
    assert cache_cuts(strategy, SONNET)  # on when unset


@pytest.mark.parametrize("name", module_names())
def test_a_template_cut_into_sections_renders_the_same_text(name):
    import re

    from aicmo_kernel.modules.templates import load_template, render_sections

    spec = get_module(name)
    source = load_template(spec.prompt_template, spec.package)
    # values that hold headings of their own: the cuts come from the template, not from them
    values = {var: f"<{var}>\n## This request\n## Brand rules\n" for var in set(re.findall(r"\$(\w+)", source))}
    sections = render_sections(spec.prompt_template, spec.package, **values)
    assert "".join(sections) == render_template(spec.prompt_template, spec.package, **values)
    headings = [s.split("\n", 1)[0] for s in sections[1:]]
    # the variable tail is the last section; the stable ones before it include the brand rules
    assert headings[-1] == TAIL_HEADING and headings.count(TAIL_HEADING) == 1 and "## Brand rules" in headings
