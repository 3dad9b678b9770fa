"""Prompt caching (Anthropic cache_control on the stable prefix, OpenAI's automatic prefix cache;
cached tokens read from usage and priced) and the context budget (upstream condensed by code, a
prompt that cannot fit refused before it is sent)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from fixtures_llm import ANTHROPIC_PATH, OPENAI_PATH, post_request

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.chain import ProviderChain
from aicmo_kernel.providers.context import (
    PromptTooLong,
    check_fits,
    condense_text,
    context_budget,
    estimate_tokens,
    fit_upstream,
    prompt_json,
)
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.providers.pricing import cost_of

PREFIX = "Brand rules and approved upstream. " + " ".join(f"fact{i} about Acme Coffee." for i in range(600))


def cached_request(tail: str):
    return dataclasses.replace(post_request(prompt=f"{PREFIX}\n\n{tail}"), stable_prefix_chars=len(PREFIX))


def test_anthropic_marks_the_stable_prefix_and_prices_cache_writes_then_reads(llm_server, anthropic_client):
    provider = AnthropicProvider(client=anthropic_client, model="claude-sonnet-4-6")
    first = provider.complete(cached_request("Brand: Acme Coffee\nWrite one LinkedIn post."))
    body = llm_server.last_request.body
    prefix_block, tail_block = body["messages"][0]["content"]
    assert prefix_block["cache_control"] == {"type": "ephemeral"} and prefix_block["text"] == PREFIX
    assert "cache_control" not in tail_block and tail_block["text"].endswith("Write one LinkedIn post.")
    assert first.cache_write_tokens > 1000 and first.cache_read_tokens == 0
    second = provider.complete(cached_request("Brand: Acme Coffee\nWrite one X post."))
    assert second.cache_read_tokens == first.cache_write_tokens and second.cache_write_tokens == 0
    assert second.tokens_in >= second.cache_read_tokens  # input counted with the cached part
    for result in (first, second):
        assert result.cost_usd == cost_of("anthropic", "claude-sonnet-4-6", result.tokens_in, result.tokens_out,
                                          cache_read=result.cache_read_tokens,
                                          cache_write=result.cache_write_tokens)[0]
    plain = cost_of("anthropic", "claude-sonnet-4-6", second.tokens_in, second.tokens_out)[0]
    assert second.cost_usd < plain / 2  # the prefix read at a tenth of the input price
    assert first.cost_usd > cost_of("anthropic", "claude-sonnet-4-6", first.tokens_in, first.tokens_out)[0]


def test_a_prefix_below_the_models_minimum_is_not_marked(llm_server, anthropic_client):
    # ~4,100 tokens of prefix: enough for Sonnet (1,024), not for Haiku 4.5 (4,096 counted from below)
    assert 1024 * 4 < len(PREFIX) < 4096 * 4
    AnthropicProvider(client=anthropic_client, model="claude-haiku-4-5").complete(cached_request("Write one X post."))
    assert isinstance(llm_server.last_request.body["messages"][0]["content"], str)
    AnthropicProvider(client=anthropic_client, model="claude-sonnet-4-6").complete(cached_request("Write one X post."))
    assert isinstance(llm_server.last_request.body["messages"][0]["content"], list)


def test_no_stable_prefix_means_no_cache_mark(llm_server, anthropic_client):
    AnthropicProvider(client=anthropic_client, model="claude-haiku-4-5").complete(post_request())
    assert isinstance(llm_server.last_request.body["messages"][0]["content"], str)


def test_openai_reports_its_automatic_prefix_cache_and_it_is_priced(llm_server, openai_client):
    provider = OpenAIProvider(client=openai_client, label="openai", model="gpt-4o-mini")
    first = provider.complete(cached_request("Write one LinkedIn post."))
    second = provider.complete(cached_request("Write one X post."))
    assert first.cache_read_tokens == 0 and second.cache_read_tokens >= 1024
    assert second.cost_usd == cost_of("openai", "gpt-4o-mini", second.tokens_in, second.tokens_out,
                                       cache_read=second.cache_read_tokens)[0]
    assert second.cost_usd < cost_of("openai", "gpt-4o-mini", second.tokens_in, second.tokens_out)[0]


# -- a prompt that cannot fit is refused before it is sent --------------------------------------


def test_a_prompt_past_the_context_window_fails_before_sending_with_the_numbers(llm_server, openai_client):
    huge = post_request(prompt="word " * 120_000)  # ~171k tokens estimated; gpt-4o-mini takes 128k
    small = OpenAIProvider(client=openai_client, label="openai", model="gpt-4o-mini")
    with pytest.raises(PromptTooLong) as refused:
        small.complete(huge)
    message = str(refused.value)
    assert "128,000" in message and "8,192 for the answer" in message and "AICMO_CONTEXT_BUDGET" in message
    assert refused.value.error_type == "VALIDATION_ERROR"
    assert llm_server.request_count(OPENAI_PATH) == 0
    large = OpenAIProvider(client=openai_client, label="openai", model="gpt-4.1-mini")  # a 1M window
    result = ProviderChain([small, large]).complete(huge)
    assert [(a.model, a.status, a.error_type) for a in result.attempts] == [
        ("gpt-4o-mini", "failed", "VALIDATION_ERROR"), ("gpt-4.1-mini", "ok", None)]
    assert llm_server.request_count(OPENAI_PATH) == 1


def test_a_model_of_unknown_window_is_not_refused():
    check_fits("openai-compatible", "llama-local", post_request(prompt="word " * 500_000))


def test_batches_refuse_a_prompt_that_cannot_fit_before_submitting(llm_server, anthropic_client):
    from aicmo_kernel.providers.batch import AnthropicBatchAPI, BatchingProvider

    batching = BatchingProvider(AnthropicBatchAPI(AnthropicProvider(client=anthropic_client, model="claude-haiku-4-5")),
                                gather_s=0.01, poll_s=0.01)
    with pytest.raises(PromptTooLong, match="200,000"):
        batching.complete(post_request(prompt="word " * 200_000))
    assert batching.submitted == [] and llm_server.request_count(ANTHROPIC_PATH + "/batches") == 0


# -- condensing upstream by code ------------------------------------------------------------------


def calendar_item(rows: int = 171) -> dict:
    table = ["| Date | Platform | Post |", "|---|---|---|"] + [
        f"| 2026-02-{(i % 28) + 1:02d} | linkedin | Post number {i} about the Sunday rota, with a long line of copy |"
        for i in range(rows)]
    return {"id": "d1", "kind": "content_calendar", "title": "Content calendar", "version": 1,
            "content_markdown": "# Calendar\n\n" + "\n".join(table) + "\n\nGovernance follows.",
            "metadata": {"slots": [{"date": f"2026-02-{(i % 28) + 1:02d}", "n": i} for i in range(rows)]}}


def test_a_long_calendar_is_condensed_to_the_budget_and_says_what_it_left_out():
    strategy = {"id": "s1", "kind": "strategy", "title": "Strategy", "version": 2,
                "content_markdown": "# Strategy\n\n" + "\n".join(f"- point {i}" for i in range(40)), "metadata": {}}
    upstream = {"strategy": [strategy], "execution": [calendar_item()]}
    before = sum(estimate_tokens(i["content_markdown"]) for items in upstream.values() for i in items)
    condensed, notes = fit_upstream(upstream, budget_tokens=3_000)
    calendar = condensed["execution"][0]["content_markdown"]
    assert "| … 159 more rows (171 in all; first column from 2026-02-01 to 2026-02-03) |" in calendar
    assert "Post number 11 about" in calendar and "Post number 12 about" not in calendar
    assert calendar.endswith("Governance follows.")  # prose kept
    assert condensed["execution"][0]["metadata"]["slots"][-1] == "… and 161 more"
    assert "- … and 25 more items" in condensed["strategy"][0]["content_markdown"]
    after = sum(estimate_tokens(i["content_markdown"]) for items in condensed.values() for i in items)
    assert after < before / 5 and len(notes) == 2
    assert upstream["execution"][0]["content_markdown"].count("\n") > 170  # the caller's data untouched


def test_upstream_within_the_budget_comes_back_as_it_was():
    upstream = {"execution": [calendar_item(rows=5)]}
    assert fit_upstream(upstream, 16_000) == (upstream, [])


def test_upstream_still_over_the_budget_is_cut_with_a_marker():
    prose = {"id": "p", "kind": "doc", "title": "Long essay", "version": 1,
             "content_markdown": "A sentence of plain prose that goes on. " * 3000, "metadata": {}}
    condensed, notes = fit_upstream({"strategy": [prose]}, budget_tokens=1_000)
    text = condensed["strategy"][0]["content_markdown"]
    assert "[condensed to fit the prompt:" in text and estimate_tokens(text) < 1_100
    assert "cut to" in notes[-1]


def test_condense_text_leaves_short_tables_and_lists_alone():
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two"
    assert condense_text(text) == text


def test_the_budget_is_per_module_and_can_be_set(monkeypatch):
    assert context_budget("monitoring") == 12_000 and context_budget("creatives") == 24_000
    monkeypatch.setenv("AICMO_CONTEXT_BUDGET", "monitoring=8000, delivery=9_000")
    assert context_budget("monitoring") == 8_000 and context_budget("delivery") == 9_000
    assert context_budget("creatives") == 24_000
    monkeypatch.setenv("AICMO_CONTEXT_BUDGET", "20000")
    assert context_budget("intake") == 20_000
    monkeypatch.setenv("AICMO_CONTEXT_BUDGET", "lots")
    with pytest.raises(ValidationError, match="AICMO_CONTEXT_BUDGET"):
        context_budget("intake")


def test_aicmo_doctor_names_a_bad_context_budget(monkeypatch):
    from aicmo_kernel.doctor import has_failures, run_checks

    monkeypatch.setenv("AICMO_CONTEXT_BUDGET", "monitoring=lots")
    checks = run_checks()
    (check,) = [c for c in checks if c.section == "variables" and c.name == "AICMO_CONTEXT_BUDGET"]
    assert check.status == "fail" and "AICMO_CONTEXT_BUDGET='monitoring=lots'" in check.message
    assert "module=tokens pairs" in check.message and has_failures(checks)


def test_facts_are_condensed_losing_the_least_first_and_figures_are_kept():
    from aicmo_kernel.providers.context import fit_json

    table = "| week | leads |\n|---|---|\n" + "\n".join(f"| {w} | {w * 3} |" for w in range(1, 41))
    facts = {"deliverables": [{"id": f"d{i}", "title": f"Deliverable {i}", "content_markdown": table + "\n\nNotes."}
                              for i in range(12)], "cost_per_lead": 41.37, "weeks": 40}
    assert fit_json(facts, 100_000) == (facts, [])
    condensed, notes = fit_json(facts, 1_500)  # ~2,200 tokens as they are; ~1,160 with tables condensed
    assert notes == ["tables and lists in the text condensed"]
    assert [d["id"] for d in condensed["deliverables"]] == [f"d{i}" for i in range(12)]  # every entry kept
    assert "| … 28 more rows (40 in all; first column from 1 to 40) |" in condensed["deliverables"][0]["content_markdown"]
    assert condensed["cost_per_lead"] == 41.37 and condensed["weeks"] == 40
    tighter, notes = fit_json(facts, 600)
    assert notes[-1].startswith("strings cut to") or notes[-1].startswith("lists cut")
    assert "[condensed to fit the prompt:" in json.dumps(tighter) and tighter["cost_per_lead"] == 41.37
    assert estimate_tokens(prompt_json(tighter)) <= 600
