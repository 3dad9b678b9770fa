"""Migration 0004: the review queue's keyset pages over the partial index, and the cache table."""

from __future__ import annotations

from fixtures_store import approve_all, generate, item, make_campaign
from sqlalchemy import inspect

from aicmo_kernel import workflow
from aicmo_kernel.store.queue import waiting_counts, waiting_item, waiting_items, waiting_page


def test_migration_0004_objects_exist(workspace):
    inspector = inspect(workspace.engine)
    assert "generation_cache" in inspector.get_table_names()
    assert "ix_deliverables_waiting" in {ix["name"] for ix in inspector.get_indexes("deliverables")}


def test_waiting_page_pages_through_exactly_the_waiting_items(workspace):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "intake", [item(f"Intake {i}") for i in range(5)])
    approve_all(workspace, campaign.name, "intake")
    generate(workspace, campaign.name, "strategy", [item(f"Strategy {i}") for i in range(7)])
    drafts = workspace.list_deliverables(campaign.name, "strategy")
    workflow.edit(workspace, drafts[0].id, "# Edited\n\nA better strategy text.", base_version=1,
                  editor="eve")
    first = waiting_page(workspace, limit=4)
    second = waiting_page(workspace, limit=4, after=first[-1])
    rest = waiting_page(workspace, limit=4, after=second[-1])
    paged = [q.id for q in first + second + rest]
    assert len(first) == 4 and len(second) == 3 and rest == []
    assert sorted(paged) == sorted(q.id for q in waiting_items(workspace)) == sorted(d.id for d in drafts)
    assert [q.updated_at for q in first + second] == sorted(q.updated_at for q in first + second)
    assert paged[-1] == drafts[0].id  # edited last, so it has waited the shortest time
    assert {q.state for q in first + second} == {"draft", "revised"}


def test_filtered_pages_counts_and_single_items_come_from_sql(workspace):
    spring, autumn = make_campaign(workspace).name, make_campaign(workspace, "Autumn").name
    generate(workspace, spring, "intake", [item(f"Spring {i}") for i in range(3)])
    generate(workspace, autumn, "intake", [item(f"Autumn {i}") for i in range(2)])
    approve_all(workspace, autumn, "intake")
    generate(workspace, autumn, "strategy", [item("Autumn strategy")])
    assert waiting_counts(workspace) == {(spring, "intake", "draft"): 3, (autumn, "strategy", "draft"): 1}
    assert [q.title for q in waiting_page(workspace, campaign=spring)] == [f"Spring {i}" for i in range(3)]
    assert [q.title for q in waiting_page(workspace, campaign=autumn, module="strategy", state="draft")] == [
        "Autumn strategy"]
    assert waiting_page(workspace, state="needs_review") == []
    assert [q.title for q in waiting_page(workspace, campaign=spring, limit=2, offset=2)] == ["Spring 2"]
    done = workspace.list_deliverables(autumn, "intake")[0]
    assert waiting_item(workspace, done.id) is None  # approved: not waiting
    strategy = workspace.list_deliverables(autumn, "strategy")[0]
    assert waiting_item(workspace, strategy.id).campaign == autumn
