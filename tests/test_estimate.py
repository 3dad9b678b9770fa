"""aicmo estimate: tokens and cost per module before a run, synchronous and batch, from a dry run
with the offline composer in a scratch workspace; actual figures beside the estimate after a run."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from aicmo_kernel.cli import main
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.modules import module_names
from aicmo_kernel.providers.pricing import cost_of
from aicmo_kernel.store import Workspace


@pytest.fixture
def demo(llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    monkeypatch.setenv("AICMO_ANTHROPIC_MODEL", "claude-haiku-4-5")
    with Workspace.open() as ws:
        seed_demo(ws)
    return llm_env


def estimate(*args: str) -> dict:
    result = CliRunner().invoke(main, ["estimate", "--campaign", "demo", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_module_is_estimated_before_anything_runs_and_nothing_is_written(demo):
    found = estimate()
    assert (found["provider"], found["model"]) == ("anthropic", "claude-haiku-4-5")
    modules = {m["module"]: m for m in found["modules"]}
    assert list(modules) == module_names() and found["notes"] == []
    for m in modules.values():
        assert m["tokens_in"] > 500 and m["tokens_out"] > 0 and m["output_basis"] == "offline draft"
        assert m["cost_sync"] == cost_of("anthropic", "claude-haiku-4-5", m["tokens_in"], m["tokens_out"])[0]
        assert m["cost_batch"] == pytest.approx(m["cost_sync"] / 2, rel=1e-3)
    # monitoring carries the calendar upstream: its prompt is the large one the budget is for
    assert modules["monitoring"]["tokens_in"] > 5 * modules["intake"]["tokens_in"]
    assert found["total"]["cost_sync"] == pytest.approx(sum(m["cost_sync"] for m in modules.values()))
    assert demo.request_count() == 0  # no model was asked
    with Workspace.open() as ws:
        assert ws.list_runs("demo") == []  # the dry run happened elsewhere


def test_after_a_run_the_actual_figures_stand_beside_the_estimate(demo):
    from aicmo_kernel.generation import generate

    with Workspace.open() as ws:
        run = generate(ws, "demo", "intake")
    assert run.ok
    meta = run.envelope.meta
    intake = estimate()["modules"][0]
    assert intake["output_basis"] == "1 earlier run(s)" and intake["tokens_out"] == meta.tokens_used["out"]
    assert intake["actual"] == {"provider": "anthropic", "model": "claude-haiku-4-5",
                                "tokens_in": meta.tokens_used["in"], "tokens_out": meta.tokens_used["out"],
                                "cost_usd": meta.cost_usd}
    text = CliRunner().invoke(main, ["estimate", "--campaign", "demo"]).output
    assert "estimate for demo with anthropic/claude-haiku-4-5" in text
    assert f"{meta.tokens_used['in']:,} in / {meta.tokens_used['out']:,} out" in text


def test_an_unpriced_model_is_estimated_at_an_unknown_cost(demo):
    found = estimate("--model", "claude-unreleased-9")
    assert found["total"]["cost_sync"] is None and found["total"]["cost_batch"] is None
    assert found["total"]["tokens_in"] > 0
    text = CliRunner().invoke(main, ["estimate", "--campaign", "demo", "--model", "claude-unreleased-9"]).output
    assert "unknown" in text and "$0.0000" not in text and "prices.json" in text


def test_a_folder_of_briefs_is_estimated_before_any_campaign_exists(tmp_path, monkeypatch):
    from test_briefs import write_examples

    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test-0123456789")  # priced as the chain would run
    folder = tmp_path / "briefs"
    folder.mkdir()
    write_examples(folder)
    result = CliRunner().invoke(main, ["estimate", "--briefs", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [c["campaign"] for c in found["campaigns"]] == [
        "northwind-spring-2027", "little-bean-autumn", "helio-new-year-2028"]
    for campaign in found["campaigns"]:
        estimated = [m["module"] for m in campaign["modules"]]
        assert estimated[:3] == ["intake", "strategy", "creatives"]
        assert campaign["provider"] == "anthropic" and campaign["total"]["cost_sync"] > 0
        # a brief brings no performance data: monitoring is not guessed at, and says why
        assert any(note.startswith("monitoring: not estimated (NO_DATA") for note in campaign["notes"])
    assert found["total"]["cost_batch"] == pytest.approx(
        sum(c["total"]["cost_batch"] for c in found["campaigns"]))
    with Workspace.open() as ws:
        assert ws.list_campaigns() == []  # estimated, not created
    text = CliRunner().invoke(main, ["estimate", "--briefs", str(folder)]).output
    assert "3 campaigns: $" in text and "through provider batches" in text


def test_the_prompt_cache_is_estimated_for_this_run_and_for_a_regeneration(demo):
    found = estimate("--model", "claude-sonnet-4-6")
    for m in found["modules"]:
        # one campaign's first run: no earlier request has a module's output format, so nothing is
        # read; Anthropic writes the marked prefix at 1.25x
        assert m["cache_read"] == 0 and 1024 <= m["cache_write"] < m["tokens_in"], m["module"]
        assert m["cost_cached"] == cost_of("anthropic", "claude-sonnet-4-6", m["tokens_in"], m["tokens_out"],
                                           cache_write=m["cache_write"])[0]
        assert m["cost_cached"] > m["cost_sync"]
        # sent again: the whole marked prefix is read at a tenth of the price
        assert m["regenerated_cache_read"] == m["cache_write"]
        assert m["cost_regenerated"] == cost_of("anthropic", "claude-sonnet-4-6", m["tokens_in"], m["tokens_out"],
                                                cache_read=m["regenerated_cache_read"])[0]
    assert found["total"]["cost_regenerated"] < found["total"]["cost_sync"] < found["total"]["cost_cached"]
    haiku = estimate()  # claude-haiku-4-5 caches 4,096 tokens or more: the short prefixes are not marked
    small = [m for m in haiku["modules"] if m["cache_write"] == 0]
    assert small and all(m["cost_cached"] == m["cost_sync"] for m in small)
    text = CliRunner().invoke(main, ["estimate", "--campaign", "demo", "--model", "claude-sonnet-4-6"]).output
    assert " cached " in text.splitlines()[1] and "regenerate" in text.splitlines()[1]
    assert "are estimates with the provider's prompt cache" in text


def test_with_the_prompt_cache_off_the_cached_figure_is_the_synchronous_one(demo, monkeypatch):
    monkeypatch.setenv("AICMO_PROMPT_CACHE", "off")
    found = estimate("--model", "claude-sonnet-4-6")
    for m in found["modules"]:
        assert m["cache_write"] == m["regenerated_cache_read"] == 0 and m["cost_cached"] == m["cost_sync"]


def test_campaigns_of_a_batch_share_each_modules_prefix_on_openai(tmp_path, monkeypatch):
    from test_briefs import write_examples

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-openai-0123456789")
    folder = tmp_path / "briefs"
    folder.mkdir()
    write_examples(folder)
    result = CliRunner().invoke(main, ["estimate", "--briefs", str(folder), "--json", "--provider", "openai",
                                       "--model", "gpt-4o-mini"])
    assert result.exit_code == 0, result.output
    first, *later = json.loads(result.output)["campaigns"]
    assert all(m["cache_read"] == 0 and m["cache_write"] == 0 for m in first["modules"])
    # OpenAI caches the output schema, the system text and a module's instructions for every
    # later campaign (in 128-token steps from 1,024); a module whose schema is narrowed by the
    # campaign's own facts (execution's slot ids) shares nothing with another campaign
    for campaign in later:
        reads = {m["module"]: m["cache_read"] for m in campaign["modules"]}
        for module in ("intake", "strategy", "creatives"):
            assert reads[module] >= 1024 and (reads[module] - 1024) % 128 == 0, module
        assert reads["execution"] == 0
        assert campaign["total"]["cost_cached"] < campaign["total"]["cost_sync"]


def test_estimate_needs_a_campaign_or_a_folder_of_briefs(tmp_path):
    neither = CliRunner().invoke(main, ["estimate"])
    both = CliRunner().invoke(main, ["estimate", "--campaign", "demo", "--briefs", str(tmp_path)])
    assert neither.exit_code == both.exit_code == 2 and "give --campaign C or --briefs FOLDER" in neither.output


def test_a_folder_of_briefs_shows_each_briefs_notes_as_batch_does(tmp_path, monkeypatch):
    """A brief read as Windows-1252, budget words not read, weeks against the dates: said before
    the estimates, one line per brief, and every note in full in --json (as ``batch --briefs``)."""
    from test_briefs import _briefs_with_notes, assert_one_note_line_per_brief

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    _briefs_with_notes(tmp_path / "briefs")
    done = CliRunner().invoke(main, ["estimate", "--briefs", str(tmp_path / "briefs")])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    noted = assert_one_note_line_per_brief(lines)
    assert lines.index(noted[-1]) < min(i for i, line in enumerate(lines) if line.startswith("estimate for "))
    assert lines[-1].startswith("3 campaigns: ") and lines[-1].endswith(
        "; 2 briefs with notes (above; --json has them in full)")
    found = json.loads(CliRunner().invoke(main, ["estimate", "--briefs", str(tmp_path / "briefs"), "--json"]).output)
    briefs = {entry["campaign"]: entry for entry in found["briefs"]}
    assert briefs["plain"] == {"file": "plain.yaml", "campaign": "plain", "notes": []}
    lisboa = briefs["lisboa"]["notes"]
    assert len(lisboa) == 2 and any("the words 'por mês' were not read" in note for note in lisboa)
    assert any("Windows-1252" in note for note in briefs["cafe-noir"]["notes"])
    assert [c["campaign"] for c in found["campaigns"]] == list(briefs)
    with Workspace.open() as ws:
        assert ws.list_campaigns() == []  # still estimated only


def test_one_campaigns_estimate_has_no_briefs(demo):
    assert "briefs" not in estimate()
    text = CliRunner().invoke(main, ["estimate", "--campaign", "demo"]).output
    assert "note: " not in text and "with notes (above" not in text
