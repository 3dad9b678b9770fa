"""The learn module, lessons from edits and brand memory, through the kernel's public functions,
the loopback LLM server and the CLI. Store-touching tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fixtures_store import generate, item, make_campaign

from aicmo_kernel import workflow
from aicmo_kernel.cli import main
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import ContractViolation, NotFoundError, ValidationError, WorkflowError
from aicmo_kernel.generation import generate as generate_module
from aicmo_kernel.learn import (
    activate_rules_from_deliverable,
    add_rule,
    deactivate_rule,
    diff_versions,
    edit_lessons,
    learn_facts,
    list_rules,
    parse_rules,
    performance_facts,
)
from aicmo_kernel.modules import get_module
from aicmo_kernel.schemas import find_placeholders

V1_POST = (
    "Stop losing your Sunday evenings to a spreadsheet rota that nobody trusts anyway.\n\n"
    "Acme Outdoor has the cheapest kit in town and the cheapest delivery, and a leverage plan for "
    "your leverage goals.\n\nSee the spring range: acme.example #Outdoor #Spring #BestEver"
)
LINKEDIN_V1 = "Spring walks start here, with kit that keeps you dry.\n\nSee the spring range: acme.example"
LINKEDIN_V2 = "Spring walks start here today.\n\nSee the spring range: acme.example"
V3_POST = (
    "Get your Sunday evenings back.\n\n"
    "Acme Outdoor kit is built for wet spring walks.\n\nSee the spring range: acme.example #Outdoor #Spring"
)


# --------------------------------------------------------------------------- diffs (pure)


def test_diff_versions_counts_what_reviewers_changed():
    diff = diff_versions(V1_POST, V3_POST, before_hashtags=["#Outdoor"], after_hashtags=["#Outdoor"],
                         banned_words=["cheapest", "synergy"])
    assert diff.banned_removed == {"cheapest": 2}
    assert diff.hashtags_removed == ["#BestEver"] and diff.hashtags_added == []
    assert diff.words_after < diff.words_before and diff.length_change_pct < -30
    assert diff.opening_words_before == 13 and diff.opening_words_after == 5
    assert diff.opening_change_pct == pytest.approx(-61.5)
    assert diff.words_removed > diff.words_added > 0
    assert diff.lines_removed == 3 and diff.lines_added == 3  # hook, body and the CTA line (a tag dropped)
    assert diff.removed_words["leverage"] == 2 and "synergy" not in diff.banned_removed
    assert diff.changed


def test_identical_versions_show_no_change_and_markdown_marks_are_not_words():
    diff = diff_versions("# Title\n\n**Bold** text", "# Title\n\n**Bold** text")
    assert not diff.changed and diff.words_removed == diff.words_added == 0 and diff.similarity == 1.0
    marks = diff_versions("Plain **words** here", "Plain words here")
    assert marks.words_removed == 0 and marks.words_added == 0  # emphasis is not content


# --------------------------------------------------------------------------- lessons on crafted versions


def _post_campaign(ws, name="Spring launch"):
    campaign = make_campaign(ws, name)
    generate(ws, campaign.name, "creatives", [
        item("X post: Sunday", V1_POST, kind="x_post", platform="x", hashtags=[]),
        item("LinkedIn post: spring", LINKEDIN_V1, kind="linkedin_post", platform="linkedin"),
    ])
    return campaign


def _edit_and_approve_posts(ws, campaign):
    post, other = ws.list_deliverables(campaign.name, "creatives")
    middle = V1_POST.replace("nobody trusts anyway", "nobody trusts")
    workflow.edit(ws, post.id, middle, base_version=1, editor="ed")
    workflow.edit(ws, post.id, V3_POST, base_version=2, editor="ed")
    workflow.approve(ws, post.id, version=3, reviewer="rita")
    workflow.edit(ws, other.id, LINKEDIN_V2, base_version=1, editor="ed")
    workflow.approve(ws, other.id, version=2, reviewer="rita")
    return post, other


def test_edit_lessons_compare_v1_with_the_approved_version(workspace):
    campaign = _post_campaign(workspace)
    post, other = _edit_and_approve_posts(workspace, campaign)
    lessons = edit_lessons(workspace, campaign.name)
    assert lessons.approved == 2 and lessons.unedited == 0
    x_post, linkedin = lessons.edited
    assert x_post.deliverable_id == post.id and (x_post.from_version, x_post.to_version) == (1, 3)
    assert linkedin.deliverable_id == other.id and linkedin.to_version == 2
    assert linkedin.diff.opening_words_before == 10 and linkedin.diff.opening_words_after == 5
    assert lessons.banned_removed() == {"cheapest": 2}
    assert lessons.hashtags_removed() == {"#BestEver": 1}
    assert lessons.average_hook_change_pct() == pytest.approx((-61.5 - 50.0) / 2, abs=0.06)
    assert edit_lessons(workspace, campaign.name, module="strategy").approved == 0


def test_learn_facts_number_the_evidence_and_propose_rules_from_it(workspace):
    campaign = _post_campaign(workspace)
    _edit_and_approve_posts(workspace, campaign)
    facts = learn_facts(workspace, campaign.name)
    statements = {e["id"]: e["statement"] for e in facts["evidence"]}
    assert statements["E1"] == ("2 deliverables of campaign 'Spring launch' have an approved version: 2 edited by "
                                "reviewers before approval, 0 approved as generated.")
    assert any("The banned word 'cheapest' was removed by reviewers twice" in s for s in statements.values())
    assert any("opening line (the hook) of 2 platform posts" in s and ": 13 words as generated" not in s
               for s in statements.values())
    assert any(s.startswith("No approved performance report") for s in statements.values())
    assert any(i.startswith("Q") for i in statements)  # QC outcomes are part of the evidence
    rules = [c["rule"] for c in facts["rule_candidates"]]
    assert "Never use the word 'cheapest' in Acme Outdoor copy: reviewers removed it twice." in rules
    assert any(r.startswith("Keep hooks short: about 5 words") for r in rules)
    assert any(r.startswith("Write tighter first drafts: reviewers cut edited Acme Outdoor deliverables") for r in rules)
    for candidate in facts["rule_candidates"]:
        assert candidate["evidence"] and all(eid in statements for eid in candidate["evidence"])


def test_performance_facts_name_best_and_worst_platforms_from_an_approved_report(workspace):
    campaign = make_campaign(workspace)
    assert performance_facts(workspace, campaign.name).available is False
    table = [{"platform": "linkedin", "clicks": 120, "leads": 9, "cost_per_lead": 31.5},
             {"platform": "x", "clicks": 300, "leads": 4, "cost_per_lead": 58.0}]
    generate(workspace, campaign.name, "monitoring", [
        item("Performance report", "# Performance report\n\nKPIs computed from the uploaded CSV.",
             kind="performance_report", metadata={"kpi_table": [{"metric": "leads", "actual": 13, "target": 20}],
                                                  "by_platform": table}),
    ])
    report = workspace.list_deliverables(campaign.name, "monitoring")[0]
    assert performance_facts(workspace, campaign.name).available is False  # a draft is not evidence
    workflow.approve(workspace, report.id, version=1, reviewer="rita")
    facts = performance_facts(workspace, campaign.name)
    spreads = {s.metric: s for s in facts.spreads}
    assert (spreads["leads"].best_platform, spreads["leads"].worst_platform) == ("linkedin", "x")
    assert spreads["cost_per_lead"].lower_is_better and spreads["cost_per_lead"].best_platform == "linkedin"
    assert spreads["clicks"].best_platform == "x"
    assert [(k.metric, k.actual, k.target) for k in facts.kpis] == [("leads", 13.0, 20.0)]


# --------------------------------------------------------------------------- brand memory


def test_memory_rules_crud_with_audit(workspace):
    make_campaign(workspace)
    rule = add_rule(workspace, "Acme Outdoor", "  Avoid the word synergy  ", source="manual", actor="mo",
                    evidence={"why": "reviewers removed it"})
    assert rule.rule == "Avoid the word synergy" and rule.active and rule.brand == "Acme Outdoor"
    second = add_rule(workspace, "Acme Outdoor", "Keep hooks under 12 words", source="learn", actor="mo")
    assert [r.id for r in list_rules(workspace, "Acme Outdoor")] == [rule.id, second.id]
    with pytest.raises(ValidationError, match="already has this active rule") as dup:
        add_rule(workspace, "Acme Outdoor", "avoid the WORD synergy", source="manual", actor="mo")
    assert dup.value.field == "rule"

    off = deactivate_rule(workspace, rule.id, "rita")
    assert off.active is False
    assert [r.id for r in list_rules(workspace, "Acme Outdoor")] == [second.id]
    assert {r.id for r in list_rules(workspace, "Acme Outdoor", active_only=False)} == {rule.id, second.id}
    assert [a.action for a in workspace.audit_log(rule.id)] == ["memory_rule.added", "memory_rule.deactivated"]
    with pytest.raises(WorkflowError, match="already inactive"):
        deactivate_rule(workspace, rule.id, "rita")
    with pytest.raises(NotFoundError) as unknown:
        deactivate_rule(workspace, "no-such-rule", "rita")
    assert unknown.value.field == "rule_id"
    with pytest.raises(NotFoundError):
        list_rules(workspace, "Nobody Ltd")


@pytest.mark.parametrize(("rule", "source", "field", "message"), [
    ("   ", "manual", "rule", "blank"),
    ("x" * 501, "manual", "rule", "at most 500"),
    ("Use <b>bold</b> hooks", "manual", "rule", "HTML"),
    ("<script>alert(1)</script>", "manual", "rule", "HTML"),
    ("line one\nline two", "manual", "rule", "one line"),
    ("Fine rule", "Not A Source!", "source", "pattern"),
])
def test_memory_rules_are_validated_naming_the_field(workspace, rule, source, field, message):
    make_campaign(workspace)
    with pytest.raises(ValidationError, match=message) as info:
        add_rule(workspace, "Acme Outdoor", rule, source=source, actor="mo")
    assert info.value.field == field
    assert list_rules(workspace, "Acme Outdoor", active_only=False) == []


def test_a_rule_reaches_the_next_prompt_and_leaves_it_when_switched_off(workspace, llm_env, monkeypatch):
    seed_demo(workspace)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    rule = add_rule(workspace, "Rotaly", "Avoid the word synergy; say teamwork instead", source="manual", actor="mo")
    assert generate_module(workspace, "demo", "intake").ok
    prompt = llm_env.last_request.prompt_text
    assert "Brand-memory rules learned from reviewers' edits:" in prompt
    assert "- Avoid the word synergy; say teamwork instead" in prompt
    deactivate_rule(workspace, rule.id, "mo")
    assert generate_module(workspace, "demo", "intake").ok
    assert "Avoid the word synergy" not in llm_env.last_request.prompt_text


def test_parse_rules_takes_top_level_list_items_only():
    text = ("# Proposed rules\n\nIntro with a - dash.\n\n1. Keep hooks short.\n   Why: they were cut.\n"
            "2) Name the offer.\n- Keep hooks short.\n* Use UK spelling.\n\n```\n- not a rule\n```\n| a | b |")
    assert parse_rules(text) == ["Keep hooks short.", "Name the offer.", "Use UK spelling."]


# --------------------------------------------------------------------------- the learn module


def _learn_items(ws, campaign):
    return {d.kind: d for d in ws.list_deliverables(campaign, "learn")}


def test_learn_offline_proposes_rules_and_their_approval_activates_them(workspace):
    campaign = _post_campaign(workspace)
    _edit_and_approve_posts(workspace, campaign)
    result = generate_module(workspace, campaign.name, "learn")
    assert result.ok, result.envelope.error
    assert result.envelope.meta.provider == "offline"
    items = _learn_items(workspace, campaign.name)
    assert set(items) == {"lessons", "memory_rules"}
    lessons, rules = items["lessons"], items["memory_rules"]
    assert "Banned words still reach drafts" in lessons.content_markdown
    assert "E1: 2 deliverables of campaign 'Spring launch'" in lessons.content_markdown
    assert "Hooks: the approved length" in lessons.content_markdown
    assert all(lesson["evidence"] for lesson in lessons.metadata["lessons"])
    assert ". Never use the word 'cheapest' in Acme Outdoor copy: reviewers removed it twice." in rules.content_markdown
    assert ". Keep hooks short: about 5 words" in rules.content_markdown
    assert not find_placeholders(lessons.content_markdown + rules.content_markdown)
    assert list_rules(workspace, "Acme Outdoor") == []  # proposed, not active, until approved

    # The reviewer drops one proposed rule and adds one of their own before approving.
    proposed = parse_rules(rules.content_markdown)
    edited = rules.content_markdown.replace(f". {proposed[-1]}", ". Mention the dry-bag guarantee by name")
    edited_view = workflow.edit(workspace, rules.id, edited, base_version=1, editor="rita")
    workflow.approve(workspace, rules.id, version=edited_view.current_version, reviewer="rita")
    active = list_rules(workspace, "Acme Outdoor")
    texts = [r.rule for r in active]
    assert texts == [*proposed[:-1], "Mention the dry-bag guarantee by name"]
    assert {r.source for r in active} == {"learn"}
    first = active[0]
    assert first.evidence["deliverable_id"] == rules.id and first.evidence["proposed"] is True
    assert active[-1].evidence["proposed"] is False
    assert activate_rules_from_deliverable(workspace, rules.id, "rita") == []  # idempotent


def test_an_autonomy_policy_may_not_approve_brand_memory(workspace):
    from aicmo_kernel.workflow.policy import set_policy

    campaign = _post_campaign(workspace)
    _edit_and_approve_posts(workspace, campaign)
    assert generate_module(workspace, campaign.name, "learn").ok
    rules = _learn_items(workspace, campaign.name)["memory_rules"]
    set_policy(workspace, campaign.name, level="full", qc_threshold=0, auto_approve_kinds=["all"], actor="mo")
    with pytest.raises(WorkflowError, match="needs a person's approval") as info:
        workflow.approve(workspace, rules.id, version=1, reviewer="autonomy:full", by_policy="autonomy:full")
    assert info.value.field == "by_policy"
    assert workspace.get_deliverable(rules.id).state == "draft" and list_rules(workspace, "Acme Outdoor") == []
    workflow.approve(workspace, rules.id, version=1, reviewer="rita")
    assert list_rules(workspace, "Acme Outdoor")


def test_a_malformed_rule_line_refuses_the_approval(workspace):
    campaign = _post_campaign(workspace)
    _edit_and_approve_posts(workspace, campaign)
    assert generate_module(workspace, campaign.name, "learn").ok
    rules = _learn_items(workspace, campaign.name)["memory_rules"]
    bad = workflow.edit(workspace, rules.id, rules.content_markdown + "\n\n9. Use <b>bold</b> hooks",
                        base_version=1, editor="ed")
    with pytest.raises(ValidationError, match="rule .* cannot become a brand-memory rule") as info:
        workflow.approve(workspace, rules.id, version=bad.current_version, reviewer="rita")
    assert info.value.field == "content_markdown"
    assert workspace.get_deliverable(rules.id).state == "revised"
    assert list_rules(workspace, "Acme Outdoor") == []


def test_learn_on_the_demo_campaign_with_an_edited_then_approved_creative(workspace):
    seed_demo(workspace)
    for module in ("intake", "strategy", "creatives"):
        assert generate_module(workspace, "demo", module).ok
        for d in workspace.list_deliverables("demo", module):
            if d.kind == "x_post":
                shorter = "\n\n".join(d.content_markdown.split("\n\n")[1:])  # the reviewer drops the hook
                d = workflow.edit(workspace, d.id, shorter, base_version=1, editor="ed")
            workflow.approve(workspace, d.id, version=d.current_version, reviewer="rita")
    result = generate_module(workspace, "demo", "learn")
    assert result.ok, result.envelope.error
    kinds = [d.kind for d in result.envelope.deliverables]
    assert kinds == ["lessons", "memory_rules"]
    lessons = result.envelope.deliverables[0]
    total = sum(len(workspace.list_deliverables("demo", m)) for m in ("intake", "strategy", "creatives"))
    assert f"{total} deliverables of campaign 'demo' have an approved version: 1 edited" in lessons.content_markdown
    assert "X post: " in lessons.content_markdown and "(v1 generated, v2 approved)" in lessons.content_markdown
    assert "No approved performance report for campaign 'demo' yet" in lessons.content_markdown
    # Deterministic: learn's own deliverables are not facts, so a second run writes the same text.
    again = generate_module(workspace, "demo", "learn")
    assert [d.content_markdown for d in again.envelope.deliverables] == [
        d.content_markdown for d in result.envelope.deliverables]


def test_learn_answers_a_question_from_search_over_approved_content(workspace):
    campaign = _post_campaign(workspace)
    _edit_and_approve_posts(workspace, campaign)
    result = generate_module(workspace, campaign.name, "learn",
                             {"mode": "question", "question": "What did we say about spring walks?"})
    assert result.ok, result.envelope.error
    lessons = result.envelope.deliverables[0]
    assert "## Question\n\n> What did we say about spring walks?" in lessons.content_markdown
    assert "S1: Approved creatives" in lessons.content_markdown
    assert lessons.metadata["mode"] == "question"


def test_a_model_that_cites_no_fact_ids_fails_typed_and_the_prompt_held_the_facts(workspace, llm_env, monkeypatch):
    campaign = _post_campaign(workspace)
    _edit_and_approve_posts(workspace, campaign)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    invented = {"summary": "Reviewers tightened the posts.", "answer": "",
                "lessons": [{"title": "Shorter hooks", "lesson": "Hooks got shorter.", "evidence": ["E999"]}],
                "rules": []}
    for _ in range(2):  # the answer and the one repair attempt both cite a fact that does not exist
        llm_env.enqueue("ok", data=invented)
    result = generate_module(workspace, campaign.name, "learn")
    assert llm_env.request_count() == 2
    assert "evidence" in result.envelope.error.message
    prompt = llm_env.requests[0].prompt_text
    assert "Facts computed by code (cite their ids)" in prompt
    assert "The banned word 'cheapest' was removed by reviewers twice" in prompt
    assert result.envelope.status == "FAILED" and result.envelope.error.type == "CONTRACT_ERROR"
    assert workspace.list_deliverables(campaign.name, "learn") == []


def test_learn_without_any_deliverables_fails_with_no_data(workspace):
    campaign = make_campaign(workspace)
    result = generate_module(workspace, campaign.name, "learn")
    assert result.envelope.status == "FAILED" and result.envelope.error.type == "NO_DATA"
    assert "nothing to learn from yet" in result.envelope.error.message


@pytest.mark.parametrize(("raw", "field"), [
    ({"mode": "question"}, "inputs.question"),
    ({"mode": "question", "question": "   "}, "inputs.question"),
    ({"question": "<script>x</script>"}, "inputs.question"),
    ({"mode": "guess"}, "inputs.mode"),
    ({"module": "learn"}, "inputs.module"),
    ({"extra": 1}, "inputs.extra"),
])
def test_learn_inputs_are_validated_naming_the_field(raw, field):
    with pytest.raises(ValidationError) as info:
        get_module("learn").validate_inputs(raw)
    assert info.value.field == field


def _facts() -> dict:
    return {"campaign": "demo", "brand": "Rotaly", "active_rules": [],
            "evidence": [{"id": "E1", "source": "edits", "topic": "edits_overview", "statement": "3 approved."}]}


def test_a_lesson_that_cites_no_computed_fact_is_a_contract_violation():
    spec = get_module("learn")
    output = {"summary": "Summary.", "lessons": [{"title": "T", "lesson": "L", "evidence": ["a hunch"]}]}
    with pytest.raises(ContractViolation) as info:  # not a fact id: refused by the output model
        spec.parse_output(output)
    assert info.value.field == "output.lessons.0.evidence.0"
    unknown = {**output, "lessons": [{"title": "T", "lesson": "L", "evidence": ["Q7"]}]}
    with pytest.raises(ContractViolation) as info:  # a well-formed id of no computed fact
        spec.to_deliverables(unknown, inputs={}, brand={}, campaign={}, facts=_facts())
    assert info.value.field == "output.lessons.0.evidence" and "E1" in info.value.message
    ok = {**output, "lessons": [{"title": "T", "lesson": "L", "evidence": ["E1"]}]}
    lessons, rules = spec.to_deliverables(ok, inputs={}, brand={}, campaign={}, facts=_facts())
    assert "- E1: 3 approved." in lessons.content_markdown
    assert "No rule is proposed" in rules.content_markdown


def test_the_prompt_carries_the_facts_and_their_ids():
    spec = get_module("learn")
    request = spec.build_request({}, brand={"name": "Rotaly"}, campaign={"name": "demo"}, upstream={}, facts=_facts())
    assert request.prompt.startswith("Prompt template: learn.v2")
    assert '"id": "E1"' in request.prompt and "cite their ids" in request.prompt
    json.dumps(request.context)


# --------------------------------------------------------------------------- CLI


def test_memory_cli_add_list_remove(workspace_url, monkeypatch, workspace):
    monkeypatch.setenv("AICMO_DATABASE_URL", workspace_url)
    make_campaign(workspace)
    runner = CliRunner()
    added = runner.invoke(main, ["memory", "add", "--brand", "Acme Outdoor", "Keep hooks short", "--by", "mo"])
    assert added.exit_code == 0, added.output
    rule_id = added.output.split()[1]
    listed = runner.invoke(main, ["memory", "list", "--brand", "Acme Outdoor", "--json"])
    assert [r["rule"] for r in json.loads(listed.output)] == ["Keep hooks short"]
    bad = runner.invoke(main, ["memory", "add", "--brand", "Acme Outdoor", "<b>x</b>"])
    assert bad.exit_code == 2 and "[rule]" in bad.output
    wrong = runner.invoke(main, ["memory", "remove", "--brand", "Acme Outdoor", "nope"])
    assert wrong.exit_code == 2 and "[rule_id]" in wrong.output
    removed = runner.invoke(main, ["memory", "remove", "--brand", "Acme Outdoor", rule_id])
    assert removed.exit_code == 0 and "removed" in removed.output
    assert "0 rules" in runner.invoke(main, ["memory", "list", "--brand", "Acme Outdoor"]).output
    assert "(inactive)" in runner.invoke(main, ["memory", "list", "--brand", "Acme Outdoor", "--all"]).output
