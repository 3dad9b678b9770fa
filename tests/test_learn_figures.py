"""Learn's fact statements in a French, Spanish or German campaign: the statements are code's
sentences, quoted as they are, but their figures are written as the campaign's language writes
numbers (55,8 % in French, never 55.8%), as its KPI tables and its lessons write them."""

from __future__ import annotations

import re

import pytest
from fixtures_store import generate, item, make_campaign

from aicmo_kernel import workflow
from aicmo_kernel.generation import generate as generate_module
from aicmo_kernel.learn import learn_facts

V1 = ("Stop losing your Sunday evenings to a spreadsheet rota that nobody trusts anyway.\n\n"
      "Acme Outdoor has the cheapest kit in town.\n\nSee the spring range: acme.example")
V2 = "Get your Sunday evenings back.\n\nAcme Outdoor kit is built for wet spring walks.\n\nSee the spring range: acme.example"
LINKEDIN_V1 = "Spring walks start here, with kit that keeps you dry.\n\nSee the spring range: acme.example"
LINKEDIN_V2 = "Spring walks start here today.\n\nSee the spring range: acme.example"
PERCENT = {"en": "%", "fr": "\u00a0%", "es": "\u00a0%", "de": "\u00a0%"}
LANGUAGE = {"fr": "Français", "es": "Español", "de": "Deutsch"}


def _edited_posts(ws, language: str | None = None):
    campaign = make_campaign(ws)
    if language:  # the campaign's language is its strategy's
        generate(ws, campaign.name, "strategy", [item("Strategy", kind="strategy_document",
                                                      metadata={"language": language})])
    generate(ws, campaign.name, "creatives", [item("X post", V1, kind="x_post", platform="x"),
                                              item("LinkedIn post", LINKEDIN_V1, kind="linkedin_post",
                                                   platform="linkedin")])
    post, other = ws.list_deliverables(campaign.name, "creatives")
    workflow.edit(ws, post.id, V2, base_version=1, editor="ed")
    workflow.approve(ws, post.id, version=2, reviewer="rita")
    workflow.edit(ws, other.id, LINKEDIN_V2, base_version=1, editor="ed")
    workflow.approve(ws, other.id, version=2, reviewer="rita")
    return campaign


def _percentages(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)?\s?%", text)


def test_the_statements_figures_are_written_as_the_language_writes_them(workspace):
    campaign = _edited_posts(workspace)
    for lang in ("en", "fr", "es", "de"):
        statements = "\n".join(e["statement"] for e in learn_facts(workspace, campaign.name, lang=lang)["evidence"])
        decimals = re.findall(r"\d+([.,])\d+(?:\s?%)", statements)
        assert decimals and set(decimals) == {"." if lang == "en" else ","}, statements
        assert all(p.endswith(PERCENT[lang]) for p in _percentages(statements)), statements
        assert "line(s)" not in statements and not re.search(r"\b1 (words|lines) removed", statements), statements
    rules = [c["rule"] for c in learn_facts(workspace, campaign.name, lang="fr")["rule_candidates"]]
    assert rules == [c["rule"] for c in learn_facts(workspace, campaign.name)["rule_candidates"]]  # rules stay English


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_lessons_document_quotes_the_statements_with_the_languages_figures(workspace, lang):
    campaign = _edited_posts(workspace, LANGUAGE[lang])
    assert generate_module(workspace, campaign.name, "learn").ok
    lessons = next(d for d in workspace.list_deliverables(campaign.name, "learn") if d.kind == "lessons")
    facts = lessons.content_markdown.split("\n## ", 4)[-1]  # the facts computed by code, quoted
    assert "\n- E1: " in facts and "\n## " not in facts, facts
    assert re.search(r"\d,\d\u00a0%", facts) and not re.search(r"\d\.\d+%", facts), facts


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_one_lessons_document_writes_every_percentage_with_one_space(workspace, lang):
    """The lessons' own figures (the composer's) and the quoted statements' (the facts') take the
    same space before "%": CLDR's no-break space, never the narrow one in one and not the other."""
    campaign = _edited_posts(workspace, LANGUAGE[lang])
    assert generate_module(workspace, campaign.name, "learn").ok
    lessons = next(d for d in workspace.list_deliverables(campaign.name, "learn") if d.kind == "lessons")
    text = lessons.content_markdown
    lesson_part, facts_part = text.split("\n## ", 4)[-2:]
    assert re.search(r"\d%|\d\s%", lesson_part) and re.search(r"\d%|\d\s%", facts_part), text
    spaces = set(re.findall(r"\d(\s?)%", text))
    assert spaces == {"\u00a0"}, (spaces, text)
