"""The offline provider and composers: intake -> strategy -> creatives on the demo brief, as
generation drives them (validated inputs, request, provider, deliverables, envelope)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from aicmo_kernel.demo import load_demo_brief
from aicmo_kernel.errors import GenerationCancelled
from aicmo_kernel.modules import get_module
from aicmo_kernel.providers.base import CancelToken, Provider
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.schemas import (
    create_success_envelope,
    find_placeholders,
    validate_deliverables_envelope,
)

PROVIDER = OfflineProvider()


def as_upstream(deliverables) -> list[dict]:
    return [
        {
            "id": d.id,
            "kind": d.kind,
            "title": d.title,
            "platform": d.platform,
            "hashtags": d.hashtags,
            "metadata": d.metadata,
            "version": 1,
            "content_markdown": d.content_markdown,
        }
        for d in deliverables
    ]


def generate(module: str, brief: dict, upstream: dict, overrides: dict | None = None):
    """One module, offline, the way generation.generate does it (minus the store)."""
    spec = get_module(module)
    values = spec.default_inputs(
        brand=brief["brand"], campaign=brief["campaign"], upstream=upstream
    )
    values.update(brief["inputs"].get(module) or {})
    values.update(overrides or {})
    inputs = spec.validate_inputs(values)
    request = spec.build_request(
        inputs, brand=brief["brand"], campaign=brief["campaign"], upstream=upstream
    )
    result = PROVIDER.complete(request)
    deliverables = spec.to_deliverables(
        result.data, inputs=inputs, brand=brief["brand"], campaign=brief["campaign"]
    )
    envelope = create_success_envelope(
        module, deliverables, provider=result.provider, model=result.model
    )
    return result, envelope


def run_all(brief: dict) -> dict:
    intake_result, intake = generate("intake", brief, {})
    strategy_result, strategy = generate(
        "strategy", brief, {"intake": as_upstream(intake.deliverables)}
    )
    creatives_result, creatives = generate(
        "creatives", brief, {"strategy": as_upstream(strategy.deliverables)}
    )
    return {
        "intake": (intake_result, intake),
        "strategy": (strategy_result, strategy),
        "creatives": (creatives_result, creatives),
    }


@pytest.fixture(scope="module")
def demo_run() -> dict:
    return run_all(load_demo_brief())


def other_brief() -> dict:
    """A different client altogether: a local services business with a thinner brief."""
    return {
        "brand": {
            "name": "Harbour Lane Plumbing",
            "website": "none",
            "industry": "Domestic plumbing",
            "geography": "Bristol",
            "voice": "Calm and reassuring",
            "banned_words": ["cheap"],
            "disclaimers": [],
        },
        "campaign": {
            "name": "boiler-season",
            "objective": "leads",
            "budget": None,
            "channels": ["facebook", "email"],
        },
        "inputs": {
            "intake": {
                "client_name": "Harbour Lane Plumbing",
                "offer": "Annual boiler service with a fixed visit window.",
                "audience": "Homeowners in north Bristol with gas boilers over five years old",
                "pain_points": [
                    "Boilers failing on the first cold night",
                    "Waiting all day for an engineer",
                ],
                "desired_outcomes": [
                    "A boiler that starts first time",
                    "A visit at a time that suits them",
                ],
            },
            "strategy": {
                "campaign_name": "Before the first cold night",
                "objectives": ["Book boiler services"],
                "channels": ["facebook", "email"],
                "duration_weeks": 6,
            },
            "creatives": {
                "theme": "Before the first cold night",
                "asset_types": ["x_post", "email", "ad_copy"],
                "platforms": ["facebook", "email"],
            },
        },
    }


def all_deliverables(run: dict):
    return [d for _, envelope in run.values() for d in envelope.deliverables]


def test_kinds_and_counts_on_the_demo_brief(demo_run):
    kinds = {m: [d.kind for d in env.deliverables] for m, (_, env) in demo_run.items()}
    assert kinds["intake"] == [
        "client_summary",
        "persona_card",
        "persona_card",
        "persona_card",
        "brand_voice_guide",
    ]
    assert kinds["strategy"] == ["strategy_document", "messaging_framework"]
    assert kinds["creatives"] == load_demo_brief()["inputs"]["creatives"]["asset_types"]


def test_byte_identical_on_repeat(demo_run):
    again = run_all(load_demo_brief())
    for module, (result, envelope) in demo_run.items():
        assert again[module][0].text == result.text
        assert [d.content_markdown for d in again[module][1].deliverables] == [
            d.content_markdown for d in envelope.deliverables
        ]


def test_dict_order_does_not_change_the_draft():
    brief = load_demo_brief()
    spec = get_module("intake")
    inputs = spec.validate_inputs(brief["inputs"]["intake"])
    request = spec.build_request(
        inputs, brand=brief["brand"], campaign=brief["campaign"], upstream={}
    )
    shuffled = dataclasses.replace(request, context=_reversed(request.context))
    assert list(shuffled.context) != list(request.context)
    assert PROVIDER.complete(shuffled).text == PROVIDER.complete(request).text


def _reversed(value):
    if isinstance(value, dict):
        return {k: _reversed(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed(v) for v in value]
    return value


def test_every_envelope_passes_the_contract_and_has_no_placeholders(demo_run):
    for _, envelope in demo_run.values():
        validate_deliverables_envelope(json.loads(envelope.model_dump_json()))
        assert envelope.meta.provider == "offline"
        assert envelope.meta.model == "aicmo-offline-composer-1"
    for item in all_deliverables(demo_run):
        assert item.content_markdown.strip()
        assert find_placeholders(item.content_markdown) == [], (item.kind, item.content_markdown)
        assert find_placeholders(item.title) == []
        assert "lorem" not in item.content_markdown.lower()


def test_content_names_the_brand_audience_offer_and_channels(demo_run):
    intake = {d.kind: d.content_markdown for d in demo_run["intake"][1].deliverables}
    summary = intake["client_summary"]
    assert "Rotaly" in summary
    assert "independent restaurants and cafés" in summary  # the audience
    assert "£49 per site per month" in summary  # the offer
    assert "Sunday evenings lost to building next week's rota" in summary  # a pain point
    strategy = demo_run["strategy"][1].deliverables[0].content_markdown
    for channel in ("Instagram", "Facebook", "Email", "LinkedIn", "X"):
        assert f"### {channel}" in strategy
    assert "free-trial sign-ups: 120" in strategy  # the client's own KPI target, verbatim
    for item in demo_run["creatives"][1].deliverables:
        assert "Rotaly" in item.content_markdown, item.kind


def test_no_banned_words_outside_the_voice_guide(demo_run):
    banned = load_demo_brief()["brand"]["banned_words"]
    for item in all_deliverables(demo_run):
        if item.kind == "brand_voice_guide":
            continue  # it lists them, on purpose
        for word in banned:
            assert not re.search(rf"\b{re.escape(word)}\b", item.content_markdown, re.IGNORECASE), (
                item.kind,
                word,
            )


def test_platform_limits_hold_on_the_demo_creatives(demo_run):
    seen = set()
    for item in demo_run["creatives"][1].deliverables:
        seen.add(item.kind)
        if item.platform == "x":
            posts = item.metadata["posts"] if item.kind == "x_thread" else [item.content_markdown]
            assert all(len(p) <= 280 for p in posts), posts
            if item.kind == "x_thread":
                assert item.content_markdown == "\n\n".join(posts)
        if item.platform == "instagram":
            assert len(item.content_markdown) <= 2200 and len(item.hashtags) <= 30
        if item.platform == "linkedin":
            assert len(item.content_markdown) <= 3000
        if item.kind == "email":
            assert 0 < len(item.metadata["subject"]) <= 78
        if item.platform in ("x", "instagram", "linkedin"):
            assert all(tag in item.content_markdown for tag in item.hashtags)
    assert {"x_post", "x_thread", "email", "instagram_carousel"} <= seen


def test_required_disclaimer_is_in_every_posted_asset(demo_run):
    disclaimer = load_demo_brief()["brand"]["disclaimers"][0]
    for item in demo_run["creatives"][1].deliverables:
        if item.kind != "image_prompt":
            assert disclaimer in item.content_markdown, item.kind


def test_a_different_brief_gives_different_content(demo_run):
    other = run_all(other_brief())
    texts = [d.content_markdown for d in all_deliverables(other)]
    assert texts != [d.content_markdown for d in all_deliverables(demo_run)]
    assert all("Rotaly" not in t for t in texts)
    assert "Harbour Lane Plumbing" in other["intake"][1].deliverables[0].content_markdown
    assert "Homeowners in north Bristol" in other["intake"][1].deliverables[0].content_markdown
    # two personas without objections; no website, so the summary says where links must go instead
    assert [d.kind for d in other["intake"][1].deliverables].count("persona_card") == 2
    assert "no website" in other["intake"][1].deliverables[0].content_markdown
    for item in other["creatives"][1].deliverables:
        assert "cheap" not in item.content_markdown.lower()
        if item.platform == "x":
            assert len(item.content_markdown) <= 280


def test_a_bare_brief_invents_no_numbers_and_says_what_to_confirm():
    brief = {
        "brand": {"name": "Juniper Yoga"},
        "campaign": {},
        "inputs": {"intake": {"client_name": "Juniper Yoga"}},
    }
    _, envelope = generate("intake", brief, {})
    for item in envelope.deliverables:
        assert not re.search(r"\d", item.content_markdown), (item.kind, item.content_markdown)
    summary = envelope.deliverables[0].content_markdown
    assert "confirm" in summary.lower()
    assert "Which KPI targets" in summary


def test_long_inputs_still_fit_x():
    brief = load_demo_brief()
    brief["brand"]["disclaimers"] = [
        "Offer open to new UK business customers only; terms apply, see the website for full details."
    ]
    overrides = {
        "key_message": "Rotaly "
        + "keeps the whole week's rota in one place and " * 20
        + "that is all.",
        "asset_types": ["x_post", "x_thread", "instagram_caption"],
        "count_per_type": 3,
    }
    upstream_run = run_all(brief)
    _, creatives = generate(
        "creatives",
        brief,
        {"strategy": as_upstream(upstream_run["strategy"][1].deliverables)},
        overrides,
    )
    assert len(creatives.deliverables) == 9
    for item in creatives.deliverables:
        posts = item.metadata.get("posts") or [item.content_markdown]
        limit = {"x": 280, "instagram": 2200}[item.platform]
        assert all(len(p) <= limit for p in posts)
        assert brief["brand"]["disclaimers"][0] in item.content_markdown
    posts = [d.content_markdown for d in creatives.deliverables if d.kind == "x_post"]
    assert len(set(posts)) > 1  # variants differ


def test_offline_provider_contract():
    brief = load_demo_brief()
    spec = get_module("intake")
    request = spec.build_request(
        brief["inputs"]["intake"], brand=brief["brand"], campaign=brief["campaign"], upstream={}
    )
    seen = []
    result = PROVIDER.complete(request, progress=seen.append, cancel=CancelToken())
    assert isinstance(PROVIDER, Provider)
    assert (PROVIDER.name, PROVIDER.model, PROVIDER.unavailable_reason()) == (
        "offline",
        "aicmo-offline-composer-1",
        None,
    )
    assert (
        result.provider,
        result.model,
        result.tokens_in,
        result.tokens_out,
        result.cost_usd,
    ) == ("offline", "aicmo-offline-composer-1", 0, 0, 0.0)
    assert result.latency_ms >= 0
    assert result.text == json.dumps(
        json.loads(result.text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert json.loads(result.text) == result.data
    request.output_model.model_validate(result.data)
    assert len(seen) == 1 and seen[0].done and seen[0].provider == "offline"
    assert any("no language model" in w for w in result.warnings)


def test_offline_provider_honours_cancel_before_starting():
    brief = load_demo_brief()
    request = get_module("intake").build_request(
        brief["inputs"]["intake"], brand=brief["brand"], campaign=brief["campaign"], upstream={}
    )
    token = CancelToken()
    token.cancel()
    with pytest.raises(GenerationCancelled):
        PROVIDER.complete(request, cancel=token)
