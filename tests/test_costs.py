"""Honest costs: prices and context windows from genai-prices, the user's file winning, batch and
cache prices, and an unpriced model's cost shown as unknown (None), never $0."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from aicmo_kernel.providers.pricing import (
    add_costs,
    context_window,
    cost_of,
    format_cost,
    price_for,
)

M = 1_000_000


def test_list_prices_and_context_windows_come_from_genai_prices():
    assert cost_of("openai", "gpt-4o-mini", M, M) == (pytest.approx(0.75), [])
    assert cost_of("openai", "gpt-4o-mini-2024-07-18", M, 0)[0] == pytest.approx(0.15)  # a dated name
    assert cost_of("anthropic", "claude-sonnet-4-6", M, M)[0] == pytest.approx(18.0)
    assert context_window("openai", "gpt-4o-mini") == 128_000
    assert context_window("anthropic", "claude-haiku-4-5") == 200_000
    price, _ = price_for("anthropic", "claude-haiku-4-5")
    assert price is not None and price.source.startswith("genai-prices")
    assert (price.input_per_million, price.output_per_million) == (1.0, 5.0)


def test_batch_calls_cost_half():
    sync = cost_of("anthropic", "claude-haiku-4-5", 200_000, 50_000)[0]
    batch = cost_of("anthropic", "claude-haiku-4-5", 200_000, 50_000, batch=True)[0]
    assert batch == pytest.approx(sync / 2) and batch == pytest.approx(0.225)
    assert cost_of("openai", "gpt-4o-mini", M, M, batch=True)[0] == pytest.approx(0.375)


def test_cache_reads_cost_a_tenth_and_anthropic_cache_writes_a_quarter_more():
    # claude-haiku-4-5: input $1/M; 400k plain + 500k read at $0.10 + 100k written at $1.25
    cost = cost_of("anthropic", "claude-haiku-4-5", M, 0, cache_read=500_000, cache_write=100_000)[0]
    assert cost == pytest.approx(0.4 + 0.05 + 0.125)
    # gpt-4o-mini: the whole prompt read from the cache costs half its input price ($0.075/M)
    assert cost_of("openai", "gpt-4o-mini", M, 0, cache_read=M)[0] == pytest.approx(0.075)


def test_an_unpriced_model_costs_unknown_with_a_hint(isolated_env):
    cost, warnings = cost_of("anthropic", "claude-unreleased-9", 1000, 1000)
    assert cost is None
    assert "claude-unreleased-9" in warnings[0] and str(isolated_env / "prices.json") in warnings[0]
    assert '"input"' in warnings[0]  # the hint shows the line to add
    assert context_window("anthropic", "claude-unreleased-9") is None
    assert cost_of("anthropic", "claude-unreleased-9", 0, 0) == (0.0, [])  # nothing billed
    assert add_costs([0.5, None, 0.25]) is None and add_costs([0.5, 0.25]) == 0.75
    assert format_cost(None) == "unknown" and format_cost(0.0123) == "$0.0123"


def test_local_servers_cost_nothing_even_for_a_listed_model():
    assert cost_of("openai-compatible", "gpt-4o-mini", M, M) == (0.0, [])
    assert cost_of("offline", "aicmo-offline-composer-1", M, M) == (0.0, [])


def test_the_users_file_wins_and_batch_halves_it(isolated_env):
    isolated_env.mkdir(parents=True, exist_ok=True)
    (isolated_env / "prices.json").write_text(json.dumps({
        "gpt-4o-mini": {"input": 1, "output": 2, "context_window": 64000},
        "claude-unreleased-9": {"input": 4, "output": 8, "cache_read": 0.5},
    }))
    assert cost_of("openai", "gpt-4o-mini", M, M)[0] == pytest.approx(3.0)
    assert cost_of("openai", "gpt-4o-mini", M, M, batch=True)[0] == pytest.approx(1.5)
    assert context_window("openai", "gpt-4o-mini") == 64000
    assert cost_of("anthropic", "claude-unreleased-9", M, 0, cache_read=M)[0] == pytest.approx(0.5)
    # default cache write price: 1.25x input
    assert cost_of("anthropic", "claude-unreleased-9", M, 0, cache_write=M)[0] == pytest.approx(5.0)


def test_a_bad_context_window_in_the_file_is_named(isolated_env):
    isolated_env.mkdir(parents=True, exist_ok=True)
    (isolated_env / "prices.json").write_text(json.dumps({"m": {"input": 1, "output": 2, "context_window": "big"}}))
    cost, warnings = cost_of("openai", "gpt-4o-mini", M, 0)
    assert cost == pytest.approx(0.15) and "context_window" in warnings[0]


def test_importing_the_kernel_does_not_load_the_price_database():
    code = "import aicmo_kernel.providers.pricing, aicmo_kernel.generation, sys; print('genai_prices' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- an unknown cost through a whole generation: envelope, run, call log, CLI ---------------------


def test_an_unpriced_model_is_unknown_on_the_run_the_call_log_and_the_cli(llm_env, monkeypatch):
    from aicmo_kernel.cli import main
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    monkeypatch.setenv("AICMO_ANTHROPIC_MODEL", "claude-unreleased-9")
    with Workspace.open() as ws:
        seed_demo(ws)
    result = CliRunner().invoke(main, ["generate", "intake", "--campaign", "demo"])
    assert result.exit_code == 0, result.output
    assert "tokens, unknown," in result.output and "$0.0000" not in result.output
    with Workspace.open() as ws:
        (run,) = ws.list_runs("demo", "intake")
        assert run.status == "SUCCESS" and run.tokens_in > 0
        assert run.cost_usd is None
        assert run.envelope["meta"]["cost_usd"] is None
        assert any("no price known for model claude-unreleased-9" in w for w in run.envelope["meta"]["warnings"])
        (call,) = ws.list_calls(run.id)
        assert call.tokens_in > 0 and call.cost_usd is None


def test_a_priced_and_an_unpriced_attempt_make_an_unknown_total(llm_env, monkeypatch):
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import generate
    from aicmo_kernel.store import Workspace

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    monkeypatch.setenv("AICMO_ANTHROPIC_MODEL", "claude-unreleased-9")
    llm_env.enqueue("schema_wrong")
    llm_env.enqueue("schema_wrong")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "openai")
    with Workspace.open() as ws:
        seed_demo(ws)
        result = generate(ws, "demo", "intake")
        assert result.ok
        costs = [c.cost_usd for c in ws.list_calls(result.run_id)]
        assert costs[:2] == [None, None] and costs[-1] == 0.0  # the local server is free
        assert result.envelope.meta.cost_usd is None
