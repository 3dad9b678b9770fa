"""The LLM judge and recorded model drafts of bench/content_quality.py: the judge's request goes
through the product's provider chain to the loopback server, its JSON answer is validated by
pydantic and aggregated; recorded drafts (made by the product against the loopback server) are
scored by the rubric. Loopback answers are plumbing, never a quality result, and say so."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from fixtures_llm import OPENAI_PATH

from aicmo_kernel.errors import ConfigurationError
from aicmo_kernel.qc.rubric import score_drafts
from aicmo_kernel.testing.judge import CRITERIA, judge_chain, judge_drafts, judge_means, judge_settings
from aicmo_kernel.testing.recorded_drafts import load_recording, recorded_runs

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "briefs_corpus"
RECORDED = ROOT / "tests" / "data" / "recorded_loopback"


def _bench():
    spec = importlib.util.spec_from_file_location("content_quality_bench", ROOT / "bench" / "content_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _answer(score: int, weakest: str = "The hooks are generic.") -> dict:
    return {"scores": {key: score for key in CRITERIA}, "weakest_point": weakest}


FACTS = {"brand": "Riverside Food Bank", "audience": "Local residents", "offer": "Donate a parcel", "voice": "No guilt."}
DRAFTS = {"creatives": [{"module": "creatives", "kind": "instagram_caption", "title": "Caption",
                         "content_markdown": "Fill a parcel this winter."}]}  # fmt: skip


def test_the_judge_asks_through_the_provider_chain_and_validates_the_answer(llm_env, monkeypatch):
    settings = judge_settings("openai:gpt-4o-mini")
    chain = judge_chain("openai:gpt-4o-mini", settings)
    # An out-of-range score is refused by the pydantic model: the chain repairs once, then accepts.
    llm_env.enqueue("ok", data={"scores": {**_answer(4)["scores"], "usefulness": 9}, "weakest_point": "x"})
    llm_env.enqueue("ok", data=_answer(4))
    first = judge_drafts("foodbank", FACTS, DRAFTS, chain, settings)
    assert llm_env.request_count(OPENAI_PATH) == 2
    request = llm_env.requests[0].body
    assert request["model"] == "gpt-4o-mini"
    assert request["response_format"]["json_schema"]["name"] == "judge_scores"
    assert "Riverside Food Bank" in json.dumps(request) and "Fill a parcel this winter." in json.dumps(request)
    assert first.scores == {key: 4 for key in CRITERIA} and first.mean == 4.0
    assert first.loopback  # the answer came from 127.0.0.1: never reported as a quality result
    # Only the judge's own provider decides: an Anthropic URL elsewhere does not make it loopback.
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "https://api.anthropic.com")
    llm_env.enqueue("ok", data=_answer(2))
    assert judge_drafts("foodbank", FACTS, DRAFTS, chain, judge_settings("openai:gpt-4o-mini")).loopback
    llm_env.enqueue("ok", data={"scores": {"usefulness": 1, "on_brief": 2, "voice": 3, "language": 4, "clarity": 5},
                                "weakest_point": "Too short."})  # fmt: skip
    second = judge_drafts("other", FACTS, DRAFTS, chain, settings)
    assert second.mean == 3.0
    means = judge_means([first, second])
    assert means == {"usefulness": 2.5, "on_brief": 3.0, "voice": 3.5, "language": 4.0, "clarity": 4.5, "overall": 3.5}


def test_without_a_key_the_judge_says_how_to_configure_one(monkeypatch, capsys):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="Set OPENAI_API_KEY"):
        judge_chain("gpt-4o-mini")
    with pytest.raises(ConfigurationError, match="Set ANTHROPIC_API_KEY"):
        judge_chain("claude-sonnet-4-6")
    with pytest.raises(ConfigurationError, match="judge model"):
        judge_settings("mistral:large")
    assert _bench().main(["--judge", "gpt-4o-mini"]) == 2
    assert "Set OPENAI_API_KEY" in capsys.readouterr().err


def test_the_bench_judges_recorded_drafts_and_labels_loopback_answers(llm_env, capsys, tmp_path):
    llm_env.set_default("ok", data=_answer(3, "Loopback text."))
    out = tmp_path / "out.json"
    assert _bench().main(["--recorded", str(RECORDED), "--judge", "openai:gpt-4o-mini", "--failures", "none",
                          "--json", str(out)]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "recorded drafts in" in printed and "LOOPBACK" in printed
    assert "NOT a measure of a model's quality" in printed and "NOT a quality result" in printed
    data = json.loads(out.read_text())
    assert len(data["judge"]) == 3 and all(j["loopback"] and j["mean"] == 3.0 for j in data["judge"])
    assert set(data["checks"]) >= {"composed", "brief_rules"}


def test_recorded_loopback_drafts_are_scored_by_the_rubric():
    runs = list(recorded_runs(RECORDED, CORPUS))
    assert {run.name for run, _ in runs} == {"b2b-northwind", "fr-boulangerie", "nonprofit-foodbank"}
    assert all(used["loopback"] for _, used in runs)
    by_name = {run.name: run for run, _ in runs}
    northwind = by_name["b2b-northwind"]
    assert set(northwind.drafts) == {"intake", "strategy", "creatives", "execution"}
    score = score_drafts(northwind.name, northwind.facts, northwind.drafts, northwind.errors)
    assert score.checks["composed"] == 1.0 and score.checks["no_placeholders"] == 1.0
    # A module the product could not run on the model's answer is recorded, and the rubric sees it.
    foodbank = by_name["nonprofit-foodbank"]
    assert "creatives" in foodbank.errors
    assert score_drafts(foodbank.name, foodbank.facts, foodbank.drafts, foodbank.errors).checks["composed"] < 1.0


def test_an_export_json_document_is_a_recording_too():
    document = {"brand": "B", "campaign": "c", "deliverables": [
        {"module": "creatives", "kind": "x_post", "content_markdown": "Hi"},
        {"module": "strategy", "kind": "strategy_document", "content_markdown": "Plan"}]}  # fmt: skip
    drafts, errors = load_recording(document)
    assert set(drafts) == {"creatives", "strategy"} and errors == {}
    with pytest.raises(ValueError, match="deliverables"):
        load_recording({"something": []})
