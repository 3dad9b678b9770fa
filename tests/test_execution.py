"""Execution: calendar construction, UTM links, input validation, the offline draft, and the
module end to end on a seeded workspace (offline and through the OpenAI SDK to the loopback server)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from fixtures_llm import OPENAI_PATH
from pydantic import ValidationError as PydanticValidationError

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import ContractViolation, ValidationError
from aicmo_kernel.generation import generate
from aicmo_kernel.modules import get_module
from aicmo_kernel.modules.execution.calendar import build_calendar, posts_per_week_from_cadence, spread_days
from aicmo_kernel.modules.execution.utm import slugify, utm_params, utm_url
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.store import Workspace

SPEC = get_module("execution")
BRAND = {"name": "Acme Outdoor", "website": "https://acme.example", "banned_words": ["cheapest"],
         "voice": "Friendly and direct", "disclaimers": []}  # fmt: skip
CAMPAIGN = {
    "name": "spring",
    "start_date": "2027-03-01",
    "end_date": "2027-03-28",
    "channels": ["linkedin", "x"],
}


def creative(asset_id: str, kind: str, platform: str | None, title: str, **meta) -> dict:
    return {"id": asset_id, "kind": kind, "title": title, "platform": platform, "hashtags": [],
            "metadata": {"hook": f"Hook of {title}", **meta}, "version": 1,
            "content_markdown": f"Text of {title}"}  # fmt: skip


UPSTREAM = {
    "strategy": [
        {"id": "s1", "kind": "strategy_document", "title": "Strategy", "platform": None, "hashtags": [],
         "version": 1, "content_markdown": "# Strategy",
         "metadata": {"campaign_name": "Spring Trails: Café & Co!", "channels": ["linkedin", "x", "email"],
                      "currency": "GBP", "kpi_targets": [{"metric": "sign-ups", "target": 50, "unit": "count"}],
                      "channel_plans": [{"channel": "linkedin", "cadence": "Two posts a week."},
                                        {"channel": "x", "cadence": "One post each weekday and one thread a week."},
                                        {"channel": "email", "cadence": "One email every two weeks."}]}},
        {"id": "s2", "kind": "messaging_framework", "title": "Messaging", "platform": None, "hashtags": [],
         "version": 1, "content_markdown": "# Messaging",
         "metadata": {"pillars": [{"name": "Less admin"}, {"name": "More time outside"}]}},
    ],
    "creatives": [
        creative("aaaa1111-0000", "linkedin_post", "linkedin", "LinkedIn post: trails"),
        creative("bbbb2222-0000", "linkedin_post", "linkedin", "LinkedIn post: gear"),
        creative("cccc3333-0000", "x_post", "x", "X post: trails"),
        creative("dddd4444-0000", "image_prompt", None, "Image prompt", target_platform="instagram"),
        creative("eeee5555-0000", "ad_copy", None, "Ad copy: spring", target_platform="facebook"),
    ],
}  # fmt: skip


def facts_for(**overrides):
    values = SPEC.default_inputs(brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM)
    values.update(overrides)
    inputs = SPEC.validate_inputs(values)
    return inputs, SPEC.prepare_facts(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM)


# --------------------------------------------------------------------------- calendar


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [("Two posts a week.", 2), ("One post each weekday and one thread a week.", 6),
     ("Three posts a week, plus stories on posting days.", 3), ("One video every two weeks.", None),
     ("Always on; creative refreshed every two weeks.", None), ("4 posts per week", 4)],
)  # fmt: skip
def test_cadence_text_gives_posts_per_week(cadence, expected):
    assert posts_per_week_from_cadence(cadence) == expected


def test_posts_are_spread_over_weekdays():
    window = [date(2027, 3, 1) + timedelta(days=n) for n in range(7)]  # Monday to Sunday
    names = lambda days: [d.strftime("%a") for d in days]
    assert names(spread_days(window, 1)) == ["Wed"]
    assert names(spread_days(window, 2)) == ["Tue", "Thu"]
    assert names(spread_days(window, 3)) == ["Mon", "Wed", "Fri"]
    assert names(spread_days(window, 5)) == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    assert len(set(spread_days(window, 7))) == 7


def test_calendar_counts_blackouts_range_and_rotation():
    start, blackout = date(2027, 3, 3), date(2027, 3, 9)  # a Wednesday start; a Tuesday blackout
    assets = {"linkedin": [{"id": "a", "kind": "linkedin_post", "title": "A"},
                           {"id": "b", "kind": "linkedin_post", "title": "B"}]}  # fmt: skip
    cal = build_calendar(start=start, weeks=4, posts_per_week={"linkedin": 2, "x": 3},
                         times={"linkedin": "08:00"}, blackout_dates=[blackout], assets=assets)  # fmt: skip
    slots = cal["slots"]
    assert cal["start_date"] == "2027-03-03" and cal["end_date"] == "2027-03-30"
    assert all(start <= date.fromisoformat(s["date"]) <= date(2027, 3, 30) for s in slots)
    assert blackout.isoformat() not in {s["date"] for s in slots}
    assert [(s["date"], s["platform"]) for s in cal["skipped"]] == [("2027-03-09", "x")]
    per_week = Counter((s["week"], s["platform"]) for s in slots)
    assert all(per_week[(w, "linkedin")] == 2 for w in range(1, 5))
    # Week 1 runs Wednesday 3 to Tuesday 9 March, so it loses the blackout slot.
    assert [per_week[(w, "x")] for w in range(1, 5)] == [2, 3, 3, 3]
    assert all(date.fromisoformat(s["date"]).weekday() < 5 for s in slots)
    assert [s["asset_id"] for s in slots if s["platform"] == "linkedin"] == ["a", "b"] * 4
    assert all(
        s["needs_asset"] and s["title"] == "needs an asset" for s in slots if s["platform"] == "x"
    )
    assert [s["slot_id"] for s in slots] == [f"S{n:03d}" for n in range(1, len(slots) + 1)]
    assert slots == sorted(slots, key=lambda s: (s["date"], s["time"], s["platform"]))
    again = build_calendar(start=start, weeks=4, posts_per_week={"x": 3, "linkedin": 2},
                           times={"linkedin": "08:00"}, blackout_dates=[blackout], assets=assets)  # fmt: skip
    assert again == cal  # deterministic, whatever the order of the platforms


# --------------------------------------------------------------------------- UTM


def test_slugs_and_utm_links():
    assert slugify("Spring Trails: Café & Co!") == "spring-trails-cafe-co"
    assert slugify("  --Ünïcode   name__ ") == "unicode-name"
    params = utm_params(platform="linkedin", campaign="Spring Trails: Café & Co!",
                        asset_kind="linkedin_post", asset_id="3F2A-9C1E-77")  # fmt: skip
    assert params == {"utm_source": "linkedin", "utm_medium": "social",
                      "utm_campaign": "spring-trails-cafe-co", "utm_content": "linkedin_post-3f2a9c1e"}  # fmt: skip
    assert utm_params(platform="email", campaign="x", asset_kind="email")["utm_medium"] == "email"
    assert (
        utm_params(platform="facebook", campaign="x", asset_kind="ad_copy")["utm_medium"] == "paid"
    )
    url = utm_url("https://acme.example/offer?ref=a b&utm_source=old#signup", params)
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.path == "/offer" and parts.fragment == "signup"
    assert query["ref"] == ["a b"] and query["utm_source"] == [
        "linkedin"
    ]  # kept, replaced, encoded once
    assert "ref=a+b" in url and " " not in url
    with pytest.raises(ValueError):
        utm_url("javascript:alert(1)", params)


# --------------------------------------------------------------------------- inputs


@pytest.mark.parametrize(
    ("override", "field"),
    [({"blackout_dates": ["2027-05-01"]}, "inputs.blackout_dates"),
     ({"posting_times": {"linkedin": "25:00"}}, "inputs.posting_times.linkedin"),
     ({"posts_per_week": {"myspace": 2}}, "inputs.posts_per_week.myspace.[key]"),
     ({"posts_per_week": {"linkedin": 9}}, "inputs.posts_per_week.linkedin"),
     ({"start_date": "next monday"}, "inputs.start_date"),
     ({"landing_url": "acme dot com"}, "inputs.landing_url"),
     ({"approvers": ["<b>Boss</b>"]}, "inputs.approvers.0")],
)  # fmt: skip
def test_bad_inputs_name_the_field(override, field):
    values = SPEC.default_inputs(brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM)
    values.update(override)
    with pytest.raises(ValidationError) as caught:
        SPEC.validate_inputs(values)
    assert caught.value.field == field


def test_blackout_error_says_the_calendar_range():
    with pytest.raises(
        ValidationError, match="2027-05-01 outside the calendar \\(2027-03-01 to 2027-03-28\\)"
    ):
        facts_for(blackout_dates=["2027-03-02", "2027-05-01"])


def test_no_platform_with_posts_is_refused_by_prepare():
    with pytest.raises(ValidationError) as caught:
        facts_for(posts_per_week={"linkedin": 0})
    assert caught.value.field == "inputs.posts_per_week"


@pytest.mark.parametrize(("override", "note"), [
    ({"duration_weeks": 8},
     "duration_weeks 8 ignored: 2027-03-01 to 2027-03-28 is 4 weeks; the dates decide the calendar"),
    ({"end_date": "2027-03-14", "duration_weeks": 6},
     "duration_weeks 6 ignored: 2027-03-01 to 2027-03-14 is 2 weeks; the dates decide the calendar"),
    ({"end_date": "2027-03-01", "duration_weeks": 2},
     "duration_weeks 2 ignored: 2027-03-01 to 2027-03-01 is 1 week; the dates decide the calendar"),
    ({}, None),  # the form's pre-fill: the campaign's 4 weeks, as the dates say
    ({"end_date": "2027-03-14"}, None),  # an earlier end, the pre-filled 4 weeks left as they were
    ({"duration_weeks": 4}, None),  # given, and the dates agree
])  # fmt: skip
def test_weeks_the_dates_override_are_named_in_the_facts_and_on_the_calendar(override, note):
    inputs, facts = facts_for(**override)
    assert facts["weeks"] == inputs.duration_weeks  # the dates decide, as before
    assert facts["input_notes"] == ([note] if note else [])
    data = OfflineProvider().complete(
        SPEC.build_request(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM, facts=facts)).data
    calendar = SPEC.to_deliverables(data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts)[0]
    assert calendar.metadata["input_notes"] == facts["input_notes"]
    text = calendar.content_markdown
    assert (f"**Note:** {note}." in text) if note else ("**Note:**" not in text)


def test_weeks_without_an_end_date_are_the_calendars_length_and_no_note():
    values = SPEC.default_inputs(brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM)
    values.pop("end_date")
    inputs = SPEC.validate_inputs({**values, "duration_weeks": 3})
    facts = SPEC.prepare_facts(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM)
    assert (facts["weeks"], facts["end_date"], facts["input_notes"]) == (3, "2027-03-21", [])
    typed = SPEC.validate_inputs({"start_date": "2027-03-01", "end_date": "2027-03-28", "posts_per_week": {"x": 1}})
    assert typed.weeks_note() is None  # duration_weeks not given at all: its default is no one's word


# --------------------------------------------------------------------------- the module offline


def test_prefill_reads_strategy_cadence_and_campaign_dates():
    values = SPEC.default_inputs(brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM)
    assert values["start_date"] == "2027-03-01" and values["duration_weeks"] == 4
    assert values["posts_per_week"] == {
        "linkedin": 2,
        "x": 6,
        "email": 1,
    }  # email: default, no weekly count
    assert values["landing_url"] == "https://acme.example"


def test_offline_draft_renders_the_calendar_from_facts():
    inputs, facts = facts_for(blackout_dates=["2027-03-09"])
    request = SPEC.build_request(
        inputs, brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM, facts=facts
    )
    data = OfflineProvider().complete(request).data
    assert OfflineProvider().complete(request).data == data  # deterministic
    request.output_model.model_validate(data)  # the per-request contract holds
    items = {
        d.kind: d
        for d in SPEC.to_deliverables(
            data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts
        )
    }
    assert set(items) == {"content_calendar", "utm_plan", "governance_plan"}
    cal = items["content_calendar"]
    meta = cal.metadata
    assert meta["start_date"] == "2027-03-01" and meta["end_date"] == "2027-03-28"
    assert meta["blackout_dates"] == ["2027-03-09"]
    assert all(
        set(entry) == {"date", "time", "platform", "asset_id", "title"}
        for entry in meta["calendar"]
    )
    counts = Counter(e["platform"] for e in meta["calendar"])
    # 2, 6 and 1 a week for 4 weeks; Tuesday 9 March is a LinkedIn and an X day, blacked out
    assert counts == {"linkedin": 8 - 1, "x": 24 - 1, "email": 4}
    assert "2027-03-09" not in {e["date"] for e in meta["calendar"]}
    # Every slot is a table row built from the facts, with its UTM link.
    for slot in facts["slots"]:
        assert (
            f"| {slot['slot_id']} | {slot['date']} | {slot['weekday']} | {slot['time']} |"
            in cal.content_markdown
        )
    assert "utm_campaign=spring-trails-cafe-co" in cal.content_markdown
    assert "Email has no approved asset" in cal.content_markdown  # flagged, not invented
    assert {e["asset_id"] for e in meta["calendar"] if e["platform"] == "email"} == {""}
    assert "image_prompt" not in cal.content_markdown
    assert meta["kpi_targets"] == [{"metric": "sign-ups", "target": 50, "unit": "count"}]
    utm = items["utm_plan"]
    assert {link["utm"]["utm_content"] for link in utm.metadata["links"] if link["platform"] == "linkedin"} == {
        "linkedin_post-aaaa1111", "linkedin_post-bbbb2222"}  # fmt: skip
    assert "Friendly and direct".lower() in items["governance_plan"].content_markdown.lower()


def test_slot_notes_must_name_calendar_slots():
    inputs, facts = facts_for()
    request = SPEC.build_request(
        inputs, brand=BRAND, campaign=CAMPAIGN, upstream=UPSTREAM, facts=facts
    )
    data = OfflineProvider().complete(request).data
    data["slot_notes"] = [{"slot_id": "S999", "angle": "An angle.", "first_comment": ""}]
    with pytest.raises(PydanticValidationError):
        request.output_model.model_validate(
            data
        )  # the chain would answer this with a repair attempt
    with pytest.raises(ContractViolation) as caught:
        SPEC.to_deliverables(data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts)
    assert caught.value.field == "output.slot_notes.0.slot_id"


# --------------------------------------------------------------------------- end to end


def approve_module(ws: Workspace, module: str) -> None:
    for item in ws.list_deliverables(campaign="demo", module=module):
        if item.state != "approved":
            workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")


def seed_until(ws: Workspace, last: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo campaign with every module up to ``last`` generated offline and approved."""
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    seed_demo(ws)
    order = ["intake", "strategy", "creatives", "execution", "monitoring"]
    for module in order[: order.index(last) + 1]:
        result = generate(ws, "demo", module)
        assert result.ok, result.envelope.error
        approve_module(ws, module)


@pytest.fixture
def ws():
    with Workspace.open() as workspace:
        yield workspace


def test_demo_execution_through_the_openai_sdk(ws, llm_env, monkeypatch):
    seed_until(ws, "creatives", monkeypatch)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    result = generate(ws, "demo", "execution")
    assert result.ok, result.envelope.error
    assert result.envelope.meta.provider.startswith("openai")
    assert llm_env.request_count(OPENAI_PATH) == 1
    body = llm_env.last_request.body
    schema = body["response_format"]["json_schema"]["schema"]
    assert "S001" in str(schema)  # the slot ids reached the schema as an enum
    items = {d.kind: d for d in result.envelope.deliverables}
    assert set(items) == {"content_calendar", "utm_plan", "governance_plan"}
    calendar = items["content_calendar"].metadata["calendar"]
    assert calendar and calendar[0]["date"] >= "2027-03-01" and calendar[-1]["date"] <= "2027-05-23"
    assert {"2027-03-26", "2027-03-29", "2027-05-03"}.isdisjoint(e["date"] for e in calendar)
    approve_module(ws, "execution")  # the generic answer passes QC too


def test_a_typed_duration_the_dates_override_is_a_warning_on_the_run(ws, monkeypatch):
    seed_until(ws, "creatives", monkeypatch)
    campaign = ws.get_campaign("demo")
    result = generate(ws, "demo", "execution", {"duration_weeks": 2}, provider=OfflineProvider())
    assert result.ok, result.envelope.error
    weeks = -(-((campaign.end_date - campaign.start_date).days + 1) // 7)
    assert (f"duration_weeks 2 ignored: {campaign.start_date} to {campaign.end_date} is {weeks} weeks; the dates "
            "decide the calendar") in result.envelope.meta.warnings
    plain = generate(ws, "demo", "execution", provider=OfflineProvider())  # the pre-filled weeks: nothing to say
    assert not [w for w in plain.envelope.meta.warnings if "ignored" in w]
