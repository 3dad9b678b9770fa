"""Migration 0005: the review queue's counts, kept by database triggers, stay equal to a GROUP BY
over the deliverables whatever writes them (workflow operations, bulk SQL, concurrent processes
on PostgreSQL), and writers never wait on each other because of them."""

from __future__ import annotations

import multiprocessing
import random
from typing import Any

import pytest
from fixtures_store import approve_all, generate, item, make_campaign
from sqlalchemy import text

from aicmo_kernel import workflow as wf
from aicmo_kernel.errors import WorkflowError
from aicmo_kernel.store import Workspace
from aicmo_kernel.store.database import make_engine, parse_database_url
from aicmo_kernel.store.migrate import upgrade
from aicmo_kernel.store.models import WAITING_SQL
from aicmo_kernel.store.queue_counts import filter_counts, fold_changes
from aicmo_kernel.store.queue import QUEUE_STATES, waiting_counts

MODULES = ("intake", "strategy", "creatives")  # a chain: approving upstream flags downstream


def truth(ws: Workspace) -> dict[tuple[str, str, str], int]:
    """The counts as a GROUP BY over every waiting deliverable (what the counters must equal)."""
    query = ("SELECT c.name, d.module, CASE WHEN d.state = 'approved' THEN 'needs_review' ELSE d.state END, "
             f"count(*) FROM deliverables d JOIN campaigns c ON c.id = d.campaign_id WHERE ({WAITING_SQL}) "
             "GROUP BY 1, 2, 3")
    with ws.engine.connect() as conn:
        return {(c, m, s): n for c, m, s, n in conn.execute(text(query))}


def pending_changes(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM queue_count_changes")).scalar()


# --------------------------------------------------------------------------- random workflow operations


def _current(ws: Workspace, campaign: str, states: tuple[str, ...], rng: random.Random,
             *, flagged: bool | None = None) -> Any:
    rows = [d for module in MODULES for d in ws.list_deliverables(campaign, module)
            if d.state in states and (flagged is None or d.needs_review == flagged)]
    return rng.choice(rows) if rows else None


def random_operation(ws: Workspace, campaigns: list[str], rng: random.Random, actor: str) -> str:
    """One workflow operation on a random deliverable; returns its name ("" when none applied)."""
    campaign = rng.choice(campaigns)
    op = rng.choice(["generate", "edit", "edit", "approve", "approve", "approve_module", "request_changes",
                     "revoke", "reflag"])
    if op == "generate":
        module = rng.choice(MODULES)
        generate(ws, campaign, module, [item(f"{module} {actor} {rng.randrange(10**6)}")
                                        for _ in range(rng.randint(1, 3))], actor=actor)
        return op
    if op == "approve_module":  # may complete a module and flag approved downstream deliverables
        module = rng.choice(MODULES)
        approve_all(ws, campaign, module, reviewer=actor)
        return op
    if op == "reflag":  # a newer upstream approval flags the approved downstream deliverables
        for module in ("intake", "strategy"):
            approve_all(ws, campaign, module, reviewer=actor)
        target = rng.choice(ws.list_deliverables(campaign, "intake"))
        edited = wf.edit(ws, target.id, f"Updated facts from {actor}.", base_version=target.current_version,
                         editor=actor)
        wf.approve(ws, target.id, version=edited.current_version, reviewer=actor)
        return op
    states = {"edit": ("draft", "revised", "changes_requested", "approved"), "approve": ("draft", "revised", "approved"),
              "request_changes": ("draft", "revised", "approved"), "revoke": ("approved",)}[op]
    target = _current(ws, campaign, states, rng, flagged=True if op == "approve" and rng.random() < 0.5 else None)
    if target is None:
        return ""
    version = target.current_version
    if op == "edit":
        wf.edit(ws, target.id, f"Edited by {actor}, round {rng.randrange(10**6)}.", base_version=version, editor=actor)
    elif op == "approve":
        wf.approve(ws, target.id, version=version, reviewer=actor)
    elif op == "request_changes":
        wf.request_changes(ws, target.id, version=version, reviewer=actor, comment="Tighten the opening.")
    else:
        wf.revoke(ws, target.id, reviewer=actor)
    return op


def test_random_workflow_operations_keep_the_counts_equal_to_a_group_by(workspace):
    rng = random.Random(6)
    campaigns = [make_campaign(workspace, name).name for name in ("Spring", "Autumn")]
    for campaign in campaigns:
        generate(workspace, campaign, "intake")
    done: set[str] = set()
    saw_needs_review = False
    for step in range(70):
        try:
            done.add(random_operation(workspace, campaigns, rng, "rita"))
        except WorkflowError:  # refused (already approved, QC, ...): nothing may have changed
            pass
        expected = truth(workspace)
        assert waiting_counts(workspace) == expected, f"after step {step}"
        chosen = {"campaign": rng.choice([None, *campaigns]), "module": rng.choice([None, *MODULES]),
                  "state": rng.choice([None, *QUEUE_STATES])}
        assert as_tuple(filter_counts(workspace, **chosen)) == expected_filter_counts(expected, chosen), chosen
        saw_needs_review |= any(state == "needs_review" for _, _, state in truth(workspace))
        if workspace.dialect == "postgresql" and step % 25 == 24:
            assert pending_changes(workspace) > 0
            fold_changes(workspace)
            assert pending_changes(workspace) == 0
    assert done >= {"generate", "edit", "approve", "approve_module", "request_changes", "revoke", "reflag"}
    assert saw_needs_review, "no upstream change flagged a downstream deliverable"


def test_writes_that_bypass_the_workflow_are_counted_too(workspace):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "intake", [item(f"Intake {i}") for i in range(4)])
    statements = [
        "UPDATE deliverables SET state = 'approved', needs_review = true",  # every row, one statement
        "UPDATE deliverables SET needs_review = false WHERE position < 2",
        "UPDATE deliverables SET module = 'strategy' WHERE position = 3",
        "UPDATE deliverables SET state = 'changes_requested' WHERE position = 0",
        "UPDATE deliverables SET title = 'Renamed'",  # no count changes
        ("INSERT INTO deliverables (id, campaign_id, module, run_id, position, kind, title, hashtags, assets, "
         "metadata, state, current_version, needs_review, created_at, updated_by, updated_at) "
         "SELECT 'bulk-' || id, campaign_id, 'creatives', run_id, 9, kind, title, hashtags, assets, metadata, "
         "'draft', 1, false, created_at, 'import', updated_at FROM deliverables"),
        "DELETE FROM deliverables WHERE id IN (SELECT id FROM deliverables WHERE id LIKE 'bulk-%' ORDER BY id LIMIT 2)",
    ]
    for statement in statements:
        with workspace.engine.begin() as conn:
            conn.execute(text(statement))
        assert waiting_counts(workspace) == truth(workspace), statement
    assert waiting_counts(workspace) == {(campaign.name, "intake", "changes_requested"): 1,
                                         (campaign.name, "intake", "needs_review"): 1,
                                         (campaign.name, "strategy", "needs_review"): 1,
                                         (campaign.name, "creatives", "draft"): 2}


def test_a_rolled_back_transaction_leaves_the_counts_alone(workspace):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "intake")
    before = waiting_counts(workspace)
    with pytest.raises(RuntimeError), workspace.engine.begin() as conn:
        conn.execute(text("UPDATE deliverables SET state = 'approved'"))
        raise RuntimeError("abandon")
    assert waiting_counts(workspace) == before == truth(workspace) == {(campaign.name, "intake", "draft"): 2}


def test_the_migration_counts_the_deliverables_already_stored(workspace_url):
    """Deliverables stored before migration 0005 are counted by it. They are written at the head
    (the ORM knows only the newest schema), then the schema goes back to 0004 and up again."""
    from alembic import command

    from aicmo_kernel.store.migrate import alembic_config

    parsed = parse_database_url(workspace_url)
    engine = make_engine(parsed)
    try:
        upgrade(engine)
        old = Workspace(engine, parsed)
        campaign = make_campaign(old).name
        for module in MODULES:
            generate(old, campaign, module)
        approve_all(old, campaign, "intake")
        first = old.list_deliverables(campaign, "strategy")[0]
        wf.edit(old, first.id, "A revised strategy.", base_version=1, editor="eve")
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":  # 0006's downgrade rebuilds runs, which deliverables refer to
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            with conn.begin():
                command.downgrade(alembic_config(conn), "0004")
            assert not engine.dialect.has_table(conn, "queue_counts")
        upgrade(engine)
        assert truth(old) == {(campaign, "strategy", "revised"): 1, (campaign, "strategy", "draft"): 1,
                              (campaign, "creatives", "draft"): 2}
        assert waiting_counts(old) == truth(old)
    finally:
        engine.dispose()


def expected_filter_counts(counts: dict[tuple[str, str, str], int], chosen: dict[str, str | None]) -> tuple:
    """Each filter's values counted under the other two filters, the matching total, and the
    waiting total, derived from (campaign, module, state) counts in Python."""
    facets: list[dict[str, int]] = [{}, {}, {}]
    total = 0
    for key, n in counts.items():
        matches = [chosen[name] in (None, part) for name, part in zip(("campaign", "module", "state"), key)]
        for index in range(3):
            if all(matches[:index] + matches[index + 1:]):
                facets[index][key[index]] = facets[index].get(key[index], 0) + n
        total += n if all(matches) else 0
    return (*facets, total, sum(counts.values()))


def as_tuple(found: Any) -> tuple:
    return found.campaigns, found.modules, found.states, found.total, found.waiting_total


def test_filter_counts_count_each_filter_under_the_other_two(workspace):
    spring, autumn = make_campaign(workspace, "Spring").name, make_campaign(workspace, "Autumn").name
    generate(workspace, spring, "intake", [item(f"Spring {i}") for i in range(3)])
    generate(workspace, spring, "strategy", [item("Spring strategy")])
    generate(workspace, autumn, "intake", [item("Autumn intake")])
    first = workspace.list_deliverables(spring, "intake")[0]
    wf.edit(workspace, first.id, "Edited intake text.", base_version=1, editor="eve")
    everything = filter_counts(workspace)
    assert everything.campaigns == {spring: 4, autumn: 1}
    assert everything.modules == {"intake": 4, "strategy": 1}
    assert everything.states == {"draft": 4, "revised": 1}
    assert everything.total == everything.waiting_total == 5
    narrowed = filter_counts(workspace, campaign=spring, state="draft")
    assert narrowed.campaigns == {spring: 3, autumn: 1}  # under module=All, state=draft
    assert narrowed.modules == {"intake": 2, "strategy": 1}  # under campaign=Spring, state=draft
    assert narrowed.states == {"draft": 3, "revised": 1}  # under campaign=Spring, module=All
    assert (narrowed.total, narrowed.waiting_total) == (3, 5)
    assert as_tuple(filter_counts(workspace, campaign="No such campaign")) == (
        {spring: 4, autumn: 1}, {}, {}, 0, 5)
    for chosen in ({"campaign": None, "module": None, "state": None},
                   {"campaign": autumn, "module": "intake", "state": "draft"}):
        assert as_tuple(filter_counts(workspace, **chosen)) == expected_filter_counts(truth(workspace), chosen)


def test_readers_fold_many_pending_changes_and_count_the_few_they_leave(workspace, monkeypatch):
    from aicmo_kernel.store import queue_counts

    monkeypatch.setattr(queue_counts, "FOLD_AT", 3)
    postgres = workspace.dialect == "postgresql"
    campaign = make_campaign(workspace).name
    generate(workspace, campaign, "intake", [item(f"Intake {i}") for i in range(4)])
    generate(workspace, campaign, "strategy")
    assert pending_changes(workspace) > 3 if postgres else pending_changes(workspace) == 0
    assert filter_counts(workspace).waiting_total == 6
    assert pending_changes(workspace) == 0  # folded after the read
    first = workspace.list_deliverables(campaign, "intake")[0]
    wf.edit(workspace, first.id, "Edited intake text.", base_version=1, editor="eve")  # draft -1, revised +1
    assert pending_changes(workspace) == (2 if postgres else 0)
    found = filter_counts(workspace, module="intake")
    assert (found.states, found.total) == ({"draft": 3, "revised": 1}, 4)
    assert waiting_counts(workspace) == truth(workspace)
    assert pending_changes(workspace) == (2 if postgres else 0)  # not more than FOLD_AT: left pending


# --------------------------------------------------------------------------- PostgreSQL: concurrent writers


@pytest.mark.postgres
def test_postgres_writers_never_wait_on_each_other_for_the_counts(postgres_databases):
    """A generation superseding drafts and a reviewer editing another draft of the same campaign,
    module and state: counters updated in place would make the second wait on the first's counter
    row while holding its own deliverable, which the first then needs (a deadlock)."""
    url = postgres_databases.get()
    with Workspace.open(url) as ws:
        campaign = make_campaign(ws).name
        generate(ws, campaign, "intake", [item(f"Intake {i}") for i in range(2)])
        first, second = (d.id for d in ws.list_deliverables(campaign, "intake"))
        with ws.engine.connect() as generation, ws.engine.connect() as reviewer:
            for conn in (generation, reviewer):
                conn.execute(text("SET lock_timeout = '5s'"))
            generation.execute(text("UPDATE deliverables SET state = 'superseded' WHERE id = :id"), {"id": first})
            # Would time out with a counter row locked by the open transaction above.
            reviewer.execute(text("UPDATE deliverables SET state = 'revised' WHERE id = :id"), {"id": second})
            reviewer.commit()
            generation.execute(text("UPDATE deliverables SET state = 'superseded' WHERE id = :id"), {"id": second})
            generation.commit()
        assert waiting_counts(ws) == truth(ws) == {}


def _worker(url: str, actor: str, seed: int, steps: int, campaigns: list[str], barrier: Any, results: Any) -> None:
    """Worker process: random workflow operations on the shared campaigns; folds now and then."""
    from aicmo_kernel.errors import WorkflowError

    errors: list[str] = []
    rng = random.Random(seed)
    with Workspace.open(url) as ws:
        barrier.wait(timeout=60)
        for step in range(steps):
            try:
                random_operation(ws, campaigns, rng, actor)
                if step % 10 == 9:
                    fold_changes(ws)
            except WorkflowError:  # a conflict or a transition the other worker made first
                pass
            except Exception as exc:  # noqa: BLE001 - deadlocks and the like: the parent fails the test
                errors.append(f"{type(exc).__name__}: {exc}"[:500])
    results.put((actor, errors))


@pytest.mark.postgres
@pytest.mark.timeout(240)
def test_postgres_two_processes_of_random_operations_keep_the_counts_exact(postgres_databases):
    url = postgres_databases.get()
    with Workspace.open(url) as ws:
        campaigns = [make_campaign(ws, name).name for name in ("Spring", "Autumn")]
        for campaign in campaigns:
            for module in MODULES:
                generate(ws, campaign, module, [item(f"{module} {n}") for n in range(3)])
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(url, actor, seed, 40, campaigns, barrier, results))
               for actor, seed in (("alice", 1), ("bob", 2))]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=200) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == {"alice": [], "bob": []}
    with Workspace.open(url) as ws:
        assert waiting_counts(ws) == truth(ws)
        assert as_tuple(filter_counts(ws)) == expected_filter_counts(truth(ws), dict.fromkeys(("campaign", "module", "state")))
        fold_changes(ws)
        assert pending_changes(ws) == 0
        assert waiting_counts(ws) == truth(ws)

