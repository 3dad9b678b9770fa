"""The workspace generation cache: hits, misses, the off switches, and how a hit is labelled."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from aicmo_kernel.cache import cache_enabled
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.generation import generate
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.store import Workspace
from aicmo_kernel.store.models import CacheRow

OPENAI = "/v1/chat/completions"


@pytest.fixture
def ws(llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.delenv("AICMO_CACHE", raising=False)
    with Workspace.open() as workspace:
        seed_demo(workspace)
        yield workspace


def _cache_rows(ws) -> list[CacheRow]:
    from sqlalchemy import select

    with ws.reading() as session:
        return list(session.scalars(select(CacheRow)))


def test_identical_generation_is_served_from_the_cache_and_labelled(ws, llm_env):
    first = generate(ws, "demo", "intake")
    assert first.ok and first.attempts[0]["status"] == "ok"
    second = generate(ws, "demo", "intake")
    assert second.ok
    assert llm_env.request_count(OPENAI) == 1  # no second call
    assert [a["status"] for a in second.attempts] == ["cached"]
    meta = second.envelope.meta
    assert meta.provider == first.envelope.meta.provider == "openai-compatible"
    assert meta.model == first.envelope.meta.model
    assert any("workspace cache" in warning for warning in meta.warnings)
    assert meta.cost_usd == 0 and meta.tokens_used == {"in": 0, "out": 0}
    assert [d.content_markdown for d in second.envelope.deliverables] == [
        d.content_markdown for d in first.envelope.deliverables]
    run = ws.get_run(second.run_id)
    assert run.attempts[0]["status"] == "cached" and run.provider == "openai-compatible"
    assert [c.status for c in ws.list_calls(second.run_id)] == ["cached"]


def test_cache_rows_hold_hashes_not_prompts_or_keys(ws, llm_env):
    generate(ws, "demo", "intake")
    rows = _cache_rows(ws)
    assert len(rows) == 1 and len(rows[0].key) == 64
    stored = repr({c: getattr(rows[0], c) for c in ("key", "provider", "model", "data", "text")})
    assert "sk-test" not in stored and "Rotaly" not in rows[0].key


def test_changed_inputs_miss_the_cache(ws, llm_env):
    generate(ws, "demo", "intake")
    changed = generate(ws, "demo", "intake", {"tone": "dry and exact"})
    assert changed.attempts[0]["status"] == "ok"
    assert llm_env.request_count(OPENAI) == 2 and len(_cache_rows(ws)) == 2


def test_use_cache_false_and_the_environment_switch_turn_it_off(ws, llm_env, monkeypatch):
    generate(ws, "demo", "intake")
    assert generate(ws, "demo", "intake", use_cache=False).attempts[0]["status"] == "ok"
    assert llm_env.request_count(OPENAI) == 2
    monkeypatch.setenv("AICMO_CACHE", "off")
    assert not cache_enabled() and cache_enabled(True)
    assert generate(ws, "demo", "intake").attempts[0]["status"] == "ok"
    assert llm_env.request_count(OPENAI) == 3


def test_cli_no_cache_flags_reach_the_runner_and_the_batch(monkeypatch):
    from aicmo_kernel import batch, runner
    from aicmo_kernel.cli import main

    seen: list[tuple[str, object]] = []
    real_run, real_many = runner.run_campaign, batch.run_many

    def spy_run(*args, **kwargs):
        seen.append(("run", kwargs.get("use_cache")))
        return real_run(*args, **kwargs)

    def spy_many(*args, **kwargs):
        seen.append(("batch", kwargs.get("use_cache")))
        return real_many(*args, **kwargs)

    monkeypatch.setattr(runner, "run_campaign", spy_run)
    monkeypatch.setattr(batch, "run_many", spy_many)
    cli = CliRunner()
    assert cli.invoke(main, ["init"]).exit_code == 0
    # Manual autonomy: each run stops with drafts waiting for a reviewer (exit 3), nothing failed.
    assert cli.invoke(main, ["run", "--campaign", "demo", "--no-cache"]).exit_code == 3
    assert cli.invoke(main, ["run", "--campaign", "demo"]).exit_code == 3
    assert cli.invoke(main, ["batch", "--campaign", "demo", "--no-cache"]).exit_code == 3
    assert seen[:2] == [("run", False), ("run", None)] and ("batch", False) in seen


def test_offline_answers_are_not_cached(ws):
    assert generate(ws, "demo", "intake", provider=OfflineProvider()).ok
    again = generate(ws, "demo", "intake", provider=OfflineProvider())
    assert again.attempts[0]["status"] == "ok" and _cache_rows(ws) == []


def test_an_answer_that_fails_to_become_deliverables_is_not_cached(monkeypatch):
    """A cached answer is served without asking again, so only one that rendered may be kept."""
    from aicmo_kernel.providers.base import Attempt, LLMResult
    from aicmo_kernel.runner import run_campaign

    class CitesAFactThatDoesNotExist:
        name, model, calls = "openai", "test-double", 0

        def unavailable_reason(self):
            return None

        def complete(self, request, *, progress=None, cancel=None):
            self.calls += 1
            data = {"summary": "Reviewers approved the campaign as drafted.", "answer": "",
                    "lessons": [{"title": "Hooks", "lesson": "Short hooks were kept.", "evidence": ["E999"]}],
                    "rules": []}
            return LLMResult(data=data, text="{}", provider=self.name, model=self.model,
                             attempts=[Attempt(self.name, self.model, "ok")])

    monkeypatch.delenv("AICMO_CACHE", raising=False)
    provider = CitesAFactThatDoesNotExist()
    with Workspace.open() as ws:
        seed_demo(ws)
        run_campaign(ws, "demo", autonomy="full")  # offline: everything learn could learn from
        first = generate(ws, "demo", "learn", provider=provider)
        second = generate(ws, "demo", "learn", provider=provider)
        assert first.envelope.error.type == second.envelope.error.type == "CONTRACT_ERROR"
        assert provider.calls == 2
        assert _cache_rows(ws) == []
