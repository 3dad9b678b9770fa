"""Two real processes save the same deliverable from the same base version: no lost update.

Each round, both workers wait at a barrier and then call ``workflow.edit`` with ``base_version=1``
on a fresh deliverable. Exactly one must win; the other gets a ConflictError naming the winner,
reloads and saves again on the new base, so both texts end up as versions.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from typing import Any

import pytest
from fixtures_store import generate, item, make_campaign
from sqlalchemy import text

from aicmo_kernel import workflow as wf
from aicmo_kernel.errors import ConflictError
from aicmo_kernel.store import Workspace

ROUNDS = 3


def _editor(url: str, name: str, deliverable_ids: list[str], barrier: Any, results: Any) -> None:
    """Worker process: race on each deliverable, then retry on the fresh base after a conflict."""
    with Workspace.open(url) as ws:
        for deliverable_id in deliverable_ids:
            content = f"Text by {name} for {deliverable_id}"
            barrier.wait(timeout=60)
            try:
                saved = wf.edit(ws, deliverable_id, content, base_version=1, editor=name)
                results.put({"name": name, "id": deliverable_id, "first": "won", "version": saved.current_version})
            except ConflictError as exc:
                current = ws.get_deliverable(deliverable_id)
                retried = wf.edit(ws, deliverable_id, content, base_version=current.current_version, editor=name)
                results.put({"name": name, "id": deliverable_id, "first": "conflict", "message": str(exc),
                             "details": exc.details, "version": retried.current_version})
            except Exception as exc:  # reported to the parent, which fails the test with it
                results.put({"name": name, "id": deliverable_id, "first": f"error: {type(exc).__name__}: {exc}"})


def _opener(url: str, name: str, barrier: Any, results: Any) -> None:
    """Worker process: open a brand-new workspace at the same moment as another process."""
    try:
        barrier.wait(timeout=60)
        with Workspace.open(url) as ws:
            ws.create_brand(f"Brand of {name}")
        results.put("ok")
    except Exception as exc:
        results.put(f"{type(exc).__name__}: {exc}")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_two_processes_opening_a_fresh_workspace_migrate_it_once(backend, request, tmp_path):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh' / 'workspace.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database()  # empty: not migrated yet
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_opener, args=(url, name, barrier, results)) for name in ("alice", "bob")]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == ["ok", "ok"]
    with Workspace.open(url) as ws:
        assert sorted(b.name for b in ws.list_brands()) == ["Brand of alice", "Brand of bob"]


def test_two_processes_saving_from_the_same_base_lose_nothing(workspace_url):
    with Workspace.open(workspace_url) as ws:
        campaign = make_campaign(ws).name
        generate(ws, campaign, "intake", [item(f"Piece {n}", f"Original {n}") for n in range(ROUNDS)])
        ids = [d.id for d in ws.list_deliverables(campaign, "intake")]

    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_editor, args=(workspace_url, name, ids, barrier, results)) for name in ("alice", "bob")]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    assert not [r for r in reports if r["first"].startswith("error")], reports
    with Workspace.open(workspace_url) as ws:
        for deliverable_id in ids:
            pair = [r for r in reports if r["id"] == deliverable_id]
            assert sorted(r["first"] for r in pair) == ["conflict", "won"], pair
            winner = next(r for r in pair if r["first"] == "won")
            loser = next(r for r in pair if r["first"] == "conflict")
            assert (winner["version"], loser["version"]) == (2, 3)
            assert f"Version 2 was saved by {winner['name']}" in loser["message"]
            assert loser["details"]["saved_by"] == winner["name"]
            versions = ws.get_versions(deliverable_id)
            assert [v.version for v in versions] == [1, 2, 3]
            assert {v.content_markdown for v in versions[1:]} == {
                f"Text by alice for {deliverable_id}", f"Text by bob for {deliverable_id}"}
            assert ws.get_deliverable(deliverable_id).current_version == 3


@pytest.mark.postgres
def test_postgres_compare_and_set_catches_a_save_committed_after_the_version_check(postgres_server):
    """The pre-check passes, then another session commits version 2 before our UPDATE runs:
    the compare-and-set UPDATE (not the pre-check) must refuse the save."""
    url = postgres_server.create_database()
    with Workspace.open(url) as ws:
        campaign = make_campaign(ws).name
        generate(ws, campaign, "intake", [item("Summary", "Original.")])
        [deliverable] = ws.list_deliverables(campaign, "intake")
        outcome: queue.Queue[Any] = queue.Queue()
        with ws.engine.connect() as other:
            other.begin()
            # Another kernel is mid-save: it holds the row lock but has not committed.
            other.execute(text("UPDATE deliverables SET current_version = 2, updated_by = 'alice' WHERE id = :id"),
                          {"id": deliverable.id})
            other.execute(text(
                "INSERT INTO deliverable_versions (deliverable_id, version, content_markdown, title, hashtags, "
                "author, source, created_at) VALUES (:id, 2, 'Alice.', 'Summary', '[]', 'alice', 'edited', now())"),
                {"id": deliverable.id})

            def save() -> None:
                try:
                    outcome.put(wf.edit(ws, deliverable.id, "Bob.", base_version=1, editor="bob"))
                except Exception as exc:  # handed to the main thread
                    outcome.put(exc)

            saver = threading.Thread(target=save)
            saver.start()
            time.sleep(0.5)  # bob's read sees version 1; his UPDATE now waits for the row lock
            assert saver.is_alive()
            other.commit()
            saver.join(timeout=30)
        result = outcome.get(timeout=5)
        assert isinstance(result, ConflictError), result
        assert "Version 2 was saved by alice" in str(result)
        assert [v.author for v in ws.get_versions(deliverable.id)] == ["analyst", "alice"]
