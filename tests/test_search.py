"""Search over approved content (SQLite FTS5 and PostgreSQL full-text) and migration 0003,
on both backends."""

from __future__ import annotations

import json

import pytest
from alembic import command
from click.testing import CliRunner
from fixtures_store import approve_all, generate, item, make_campaign
from sqlalchemy import inspect, text

from aicmo_kernel import workflow
from aicmo_kernel.cli import main
from aicmo_kernel.errors import NotFoundError, ValidationError
from aicmo_kernel.learn import search_approved
from aicmo_kernel.learn.search import query_terms, snippet
from aicmo_kernel.store.migrate import alembic_config, current_revision, head_revision, upgrade

ROTA = ("# Rota guide\n\nBuild next week's **rota** from the availability your staff already text you. "
        "Swaps are approved in one place, with a [record](https://example.com) of who works.")
WALKS = "# Spring walks\n\nKit that keeps you dry on wet spring walks across the Peak District."


@pytest.fixture
def campaign(workspace):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "intake", [item("Rota guide", ROTA), item("Spring walks", WALKS)])
    return campaign


def _ids(hits):
    return [hit.deliverable_id for hit in hits]


def test_search_finds_approved_content_only(workspace, campaign):
    rota, _walks = workspace.list_deliverables(campaign.name, "intake")
    assert search_approved(workspace, "rota") == []  # drafts are not searched
    workflow.approve(workspace, rota.id, version=1, reviewer="rita")
    [hit] = search_approved(workspace, "staff rota")
    assert (hit.deliverable_id, hit.campaign, hit.module, hit.kind, hit.title, hit.version) == (
        rota.id, campaign.name, "intake", "document", "Rota guide", 1)
    assert hit.rank > 0
    assert search_approved(workspace, "spring walks") == []  # still a draft


def test_unapproved_versions_are_not_searched(workspace, campaign):
    rota, _ = workspace.list_deliverables(campaign.name, "intake")
    workflow.approve(workspace, rota.id, version=1, reviewer="rita")
    edited = workflow.edit(workspace, rota.id, ROTA + "\n\nNow with payroll exports.", base_version=1, editor="ed")
    assert search_approved(workspace, "payroll") == []  # v2 is not approved
    assert search_approved(workspace, "rota") == []  # and the approval no longer applies to the deliverable
    workflow.approve(workspace, rota.id, version=edited.current_version, reviewer="rita")
    [hit] = search_approved(workspace, "payroll")
    assert hit.version == 2
    workflow.revoke(workspace, rota.id, reviewer="rita", comment="not yet")
    assert search_approved(workspace, "payroll") == []


def test_superseded_deliverables_drop_out_of_search(workspace, campaign):
    approve_all(workspace, campaign.name, "intake")
    assert len(search_approved(workspace, "rota")) == 1
    generate(workspace, campaign.name, "intake", [item("Rota guide again", "# New text\n\nNothing about that.")])
    assert search_approved(workspace, "rota") == []


HOSTILE_QUERIES = [
    '"', "'", 'rota"', '"rota', "rota AND", "OR rota", "NOT rota", "NEAR(rota staff)", "rota*", "*",
    "title:rota", "-rota", "^rota", "(rota", "rota & staff | !swap", "rota:* & staff", "rota\x00staff",
    "'; DROP TABLE deliverables; --", "\\", "{{rota}}", "rota <script>alert(1)</script>", "%_%", "über café",
    "rota " * 50,
]


def test_hostile_query_strings_never_raise(workspace, campaign):
    approve_all(workspace, campaign.name, "intake")
    for query in HOSTILE_QUERIES:
        for any_word in (False, True):
            hits = search_approved(workspace, query, any_word=any_word)
            assert all(hit.module == "intake" for hit in hits), query
            if query.lower().strip().startswith("rota") and any_word:
                assert hits, query  # the word itself is still searched for
    assert len(workspace.list_deliverables(campaign.name, "intake")) == 2  # nothing was dropped


def test_all_words_by_default_any_word_when_asked_and_stemming(workspace, campaign):
    approve_all(workspace, campaign.name, "intake")
    assert search_approved(workspace, "rota walks") == []
    assert len(search_approved(workspace, "rota walks", any_word=True)) == 2
    assert len(search_approved(workspace, "swapping")) == 1  # "swaps" by its stem
    assert search_approved(workspace, "the and of") == []  # only stopwords: nothing to search for


def test_title_matches_rank_above_body_matches(workspace):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "intake", [
        item("Holiday planning", "# Holiday planning\n\nHow the team books time off, and the rota around it."),
        item("Rota basics", "# Rota basics\n\nThe rota, built weekly. A good rota is published early."),
    ])
    approve_all(workspace, campaign.name, "intake")
    hits = search_approved(workspace, "rota")
    assert [h.title for h in hits] == ["Rota basics", "Holiday planning"]
    assert hits[0].rank > hits[1].rank


def test_filters_by_campaign_module_and_brand(workspace, campaign):
    approve_all(workspace, campaign.name, "intake")
    other = make_campaign(workspace, "Autumn", brand="Other Brand")
    generate(workspace, other.name, "strategy", [item("Rota strategy", "# Rota strategy\n\nThe rota story.")])
    approve_all(workspace, other.name, "strategy")
    assert len(search_approved(workspace, "rota")) == 2
    assert [h.campaign for h in search_approved(workspace, "rota", campaign="Autumn")] == ["Autumn"]
    assert [h.module for h in search_approved(workspace, "rota", module="intake")] == ["intake"]
    assert [h.campaign for h in search_approved(workspace, "rota", brand="Acme Outdoor")] == [campaign.name]
    assert len(search_approved(workspace, "rota", limit=1)) == 1
    with pytest.raises(NotFoundError):
        search_approved(workspace, "rota", campaign="No such campaign")
    with pytest.raises(NotFoundError):
        search_approved(workspace, "rota", module="nonsense")


@pytest.mark.parametrize(("query", "limit", "field"), [
    ("", 20, "query"), ("   ", 20, "query"), (None, 20, "query"), ("x" * 1001, 20, "query"),
    ("rota", 0, "limit"), ("rota", 101, "limit"), ("rota", True, "limit"),
])
def test_bad_search_arguments_name_the_field(workspace, query, limit, field):
    with pytest.raises(ValidationError) as info:
        search_approved(workspace, query, limit=limit)
    assert info.value.field == field


def test_snippets_are_plain_text_around_the_match(workspace, campaign):
    approve_all(workspace, campaign.name, "intake")
    [hit] = search_approved(workspace, "record")
    assert "**" not in hit.snippet and "](" not in hit.snippet and "#" not in hit.snippet
    assert "record of who works" in hit.snippet
    long = "# Title\n\n" + "Filler words about nothing much. " * 20 + "The <b>payroll</b> export lives here. " + "More filler. " * 20
    cut = snippet(long, query_terms("payroll"))
    assert "payroll export" in cut and "<b>" not in cut and cut.startswith("\u2026") and cut.endswith("\u2026")
    assert len(cut) <= 202


# --------------------------------------------------------------------------- migration 0003


def _search_objects(conn) -> set[str]:
    if conn.dialect.name == "postgresql":
        return {ix["name"] for ix in inspect(conn).get_indexes("deliverable_versions")} & {"ix_deliverable_versions_search"}
    rows = conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search_fts%' "
                             "OR name = 'deliverable_versions_search_index'"))
    return {row[0] for row in rows}


def test_migration_0003_up_and_down(workspace):
    campaign = make_campaign(workspace)
    with workspace.engine.connect() as conn:
        assert current_revision(conn) == head_revision()  # 0003 or a later migration
        assert _search_objects(conn)
    # Stored before the downgrade; the ORM speaks the head schema, so it writes before going down.
    generate(workspace, campaign.name, "intake", [item("Rota guide", ROTA)])
    approve_all(workspace, campaign.name, "intake")
    with workspace.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")
    with workspace.engine.connect() as conn:
        assert current_revision(conn) == "0002"
        assert _search_objects(conn) == set()
    # The index was dropped with its triggers: going up again indexes what is already stored.
    upgrade(workspace.engine)
    with workspace.engine.connect() as conn:
        assert current_revision(conn) == head_revision() and _search_objects(conn)
    assert [h.title for h in search_approved(workspace, "rota")] == ["Rota guide"]


# --------------------------------------------------------------------------- CLI


def test_search_cli(workspace_url, workspace, campaign, monkeypatch):
    monkeypatch.setenv("AICMO_DATABASE_URL", workspace_url)
    approve_all(workspace, campaign.name, "intake")
    runner = CliRunner()
    result = runner.invoke(main, ["search", 'rota" OR *', "--campaign", campaign.name, "--json"])
    assert result.exit_code == 0, result.output
    assert [h["title"] for h in json.loads(result.output)] == ["Rota guide"]
    plain = runner.invoke(main, ["search", "rota"])
    assert "1 approved result" in plain.output and "Rota guide" in plain.output
    blank = runner.invoke(main, ["search", "  "])
    assert blank.exit_code == 2 and "[query]" in blank.output
