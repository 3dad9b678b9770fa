"""The workspace store: schema, connection settings, CRUD, validation and secrets, on both backends."""

from __future__ import annotations

import os
from datetime import date, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fixtures_store import generate, make_campaign
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from aicmo_kernel.errors import ConfigurationError, NotFoundError, StoreError, ValidationError
from aicmo_kernel.schemas import create_failed_envelope, create_success_envelope
from aicmo_kernel.store import Workspace
from aicmo_kernel.store.migrate import HEAD_REVISION, current_revision, head_revision
from aicmo_kernel.store.models import Base

# --------------------------------------------------------------------------- schema and connection


def test_opening_a_current_workspace_never_imports_alembic(tmp_path):
    """HEAD_REVISION is Alembic's head; with it, a current workspace opens without importing
    Alembic (about 0.1 s of every cold kernel and every ``aicmo`` command)."""
    import subprocess
    import sys

    assert HEAD_REVISION == head_revision(), "a new migration: bump store.migrate.HEAD_REVISION"
    script = ("import sys\nfrom aicmo_kernel.store import Workspace\n"
              "Workspace.open().close()\nfirst = 'alembic' in sys.modules\n"
              "for name in [m for m in sys.modules if m.startswith('alembic')]: del sys.modules[name]\n"
              "Workspace.open().close()\nprint(first, 'alembic' in sys.modules)")
    env = {**os.environ, "AICMO_HOME": str(tmp_path)}
    env.pop("AICMO_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]  # the first open migrates, the second does not


def test_migrated_schema_matches_the_orm(workspace):
    with workspace.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Migration 0003's full-text search objects (SQLite FTS5 tables, a PostgreSQL expression
    # index) are dialect-specific and deliberately not in the ORM.
    diff = [d for d in diff if not (d[0] in ("remove_table", "remove_index")
                                    and d[1].name.startswith(("search_fts", "ix_deliverable_versions_search")))]
    assert diff == []


def test_reopening_a_migrated_workspace_keeps_its_data(workspace_url):
    with Workspace.open(workspace_url) as ws:
        ws.create_brand("Acme Outdoor")
    with Workspace.open(workspace_url) as ws:
        assert [b.name for b in ws.list_brands()] == ["Acme Outdoor"]


@pytest.mark.parametrize("table", ["audit_log", "runs", "deliverable_versions"])
def test_history_tables_refuse_updates_and_deletes(workspace, table):
    campaign = make_campaign(workspace)
    generate(workspace, campaign.name, "intake")
    for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        with pytest.raises(DBAPIError, match="append-only"):
            with workspace.engine.begin() as conn:
                conn.execute(text(statement))
    with workspace.engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() > 0


def test_default_workspace_is_a_sqlite_file_in_aicmo_home_with_wal_and_foreign_keys(isolated_env):
    assert not isolated_env.exists()
    with Workspace.open() as ws:
        assert ws.dialect == "sqlite"
        assert (isolated_env / "workspace.sqlite").is_file()
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_rehearsal_leaves_the_file_alone_and_hands_its_engine_to_the_next_open_once(tmp_path):
    """``aicmo worker``'s rehearsal: an in-memory workspace on the engine of the real file."""
    from aicmo_kernel.store.database import _rehearsed

    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    with Workspace.rehearsal(url) as ws:
        ws.create_brand("Rehearsed")
        assert [b.name for b in ws.list_brands()] == ["Rehearsed"]
        engine = ws.engine
    assert list(tmp_path.iterdir()) == []
    compiled = len(engine._compiled_cache)
    assert compiled > 0
    with Workspace.open(url) as ws:
        assert ws.engine is engine and ws.list_brands() == []
        with ws.engine.connect() as conn:  # the file's own settings, not the memory database's
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        ws.create_brand("Real")
    assert (tmp_path / "ws.sqlite").is_file() and not [key for key in _rehearsed if str(tmp_path) in key]
    with Workspace.open(url) as ws:
        assert ws.engine is not engine and [b.name for b in ws.list_brands()] == ["Real"]


def test_a_failed_rehearsal_hands_nothing_on_and_other_urls_rehearse_on_their_own_engine(tmp_path):
    from aicmo_kernel.store.database import _rehearsed

    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    with pytest.raises(RuntimeError), Workspace.rehearsal(url) as ws:
        ws.create_brand("Rehearsed")
        raise RuntimeError("stopped")
    assert not [key for key in _rehearsed if str(tmp_path) in key] and list(tmp_path.iterdir()) == []
    before = dict(_rehearsed)
    with Workspace.rehearsal("sqlite://") as ws:
        ws.create_brand("In memory")
        assert ws.url_for_display == "sqlite://"
    assert _rehearsed == before


def test_database_url_from_the_environment_is_used(monkeypatch, tmp_path):
    target = tmp_path / "elsewhere" / "team.sqlite"
    monkeypatch.setenv("AICMO_DATABASE_URL", f"sqlite:///{target}")
    with Workspace.open() as ws:
        ws.create_brand("Acme Outdoor")
    assert target.is_file()


@pytest.mark.parametrize("value", [
    "not a url at all",
    "postgresql://alice:hunter2-secret@db.example:notaport/aicmo",
    "mysql://alice:hunter2-secret@db.example/aicmo",
    "postgresql+psycopg2://alice:hunter2-secret@db.example/aicmo",
])
def test_malformed_database_url_names_the_variable_and_hides_the_password(monkeypatch, value):
    monkeypatch.setenv("AICMO_DATABASE_URL", value)
    with pytest.raises(ConfigurationError) as info:
        Workspace.open()
    assert info.value.field == "AICMO_DATABASE_URL"
    assert "AICMO_DATABASE_URL" in str(info.value)
    assert "hunter2" not in str(info.value)


def test_unreachable_database_is_a_store_error_without_the_password(monkeypatch):
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql://alice:hunter2-secret@127.0.0.1:1/aicmo")
    with pytest.raises(StoreError) as info:
        Workspace.open()
    message = str(info.value)
    assert "AICMO_DATABASE_URL" in message and "127.0.0.1" in message
    assert "hunter2" not in message


@pytest.mark.postgres
def test_postgres_url_is_normalised_to_psycopg_and_displayed_without_password(postgres_server):
    url = postgres_server.create_database()
    plain = url.replace("postgresql+psycopg://postgres@", "postgresql://postgres:s3cret-pw@")
    with Workspace.open(plain) as ws:
        assert ws.dialect == "postgresql"
        assert "s3cret-pw" not in ws.url_for_display and "***" in ws.url_for_display
        assert ws.url_for_display.startswith("postgresql+psycopg://")


# --------------------------------------------------------------------------- brands and campaigns


def test_brand_crud(workspace):
    brand = workspace.create_brand(
        "  Acme Outdoor  ", website="https://acme.example", industry="Outdoor gear", geography="UK",
        voice="Warm, plain-spoken.", banned_words=["cheapest", "guaranteed"], disclaimers=["Terms apply."],
        branding={"colours": {"primary": "#1F6F43"}, "agency": "North Star"},
    )
    assert brand.name == "Acme Outdoor"
    assert workspace.get_brand("Acme Outdoor") == brand == workspace.get_brand(brand.id)
    assert brand.banned_words == ["cheapest", "guaranteed"]
    assert brand.branding["colours"]["primary"] == "#1F6F43"
    assert brand.created_at.tzinfo is not None and brand.created_at.utcoffset() == timezone.utc.utcoffset(None)
    assert [b.name for b in workspace.list_brands()] == ["Acme Outdoor"]
    with pytest.raises(ValidationError) as info:
        workspace.create_brand("Acme Outdoor")
    assert info.value.field == "name"
    with pytest.raises(NotFoundError, match="Acme Outdoor"):
        workspace.get_brand("Nope")


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"name": "   "}, "name"),
    ({"name": "<script>alert(1)</script>"}, "name"),
    ({"name": "Acme <b>bold</b>"}, "name"),
    ({"name": "x" * 121}, "name"),
    ({"name": "Acme", "voice": "v" * 1_000_000}, "voice"),
    ({"name": "Acme", "website": "javascript:alert(1)"}, "website"),
    ({"name": "Acme", "banned_words": ["ok", ""]}, "banned_words.1"),
    ({"name": "Acme", "branding": {"logo": "b" * 1_000_000}}, "branding"),
])
def test_bad_brand_input_names_the_field_and_writes_nothing(workspace, kwargs, field):
    kwargs = dict(kwargs)
    name = kwargs.pop("name")
    with pytest.raises(ValidationError) as info:
        workspace.create_brand(name, **kwargs)
    assert info.value.field == field
    assert field.split(".")[0] in str(info.value)
    assert len(str(info.value)) < 2_000  # the offending value is not echoed back
    assert workspace.list_brands() == []
    assert workspace.audit_log() == []


def test_campaign_crud_and_update(workspace):
    workspace.create_brand("Acme Outdoor")
    campaign = workspace.create_campaign(
        "Acme Outdoor", "Spring launch", objective="Sign-ups", budget=5000, start_date=date(2026, 3, 1),
        end_date=date(2026, 5, 31), channels=["linkedin", "x"], brief={"audience": "hikers"},
    )
    assert campaign.brand == "Acme Outdoor" and campaign.status == "planned"
    assert workspace.get_campaign("Spring launch") == campaign == workspace.get_campaign(campaign.id)
    updated = workspace.update_campaign("Spring launch", budget=7500.0, status="active", channels=["email"])
    assert (updated.budget, updated.status, updated.channels) == (7500.0, "active", ["email"])
    assert updated.objective == "Sign-ups"  # untouched fields stay
    assert workspace.get_campaign(campaign.id).budget == 7500.0
    assert [a.action for a in workspace.audit_log(campaign.id)] == ["campaign.created", "campaign.updated"]
    assert [c.name for c in workspace.list_campaigns("Acme Outdoor")] == ["Spring launch"]


def test_campaigns_listed_by_a_key_of_their_brief(workspace):
    workspace.create_brand("Acme Outdoor")
    workspace.create_brand("Other")
    workspace.create_campaign("Acme Outdoor", "Spring", brief={"column_mappings": {"leads": {"Email": "email"}}})
    workspace.create_campaign("Acme Outdoor", "Summer", brief={"audience": "hikers", "note": "column mappings"})
    workspace.create_campaign("Other", "Autumn", brief={"column_mappings": {}})
    assert [c.name for c in workspace.list_campaigns("Acme Outdoor", brief_key="column_mappings")] == ["Spring"]
    assert [c.name for c in workspace.list_campaigns(brief_key="column_mappings")] == ["Spring", "Autumn"]
    # The key is matched as written: LIKE's wildcards in it match only themselves.
    assert workspace.list_campaigns(brief_key="column%mappings") == []
    assert workspace.list_campaigns(brief_key="column_mapping_") == []
    assert [c.brand for c in workspace.list_campaigns()] == ["Acme Outdoor", "Acme Outdoor", "Other"]


def test_campaign_refusals_name_the_field_and_write_nothing(workspace):
    workspace.create_brand("Acme Outdoor")
    workspace.create_campaign("Acme Outdoor", "Spring launch", budget=100)
    before = workspace.audit_log()
    cases = [
        (lambda: workspace.create_campaign("Acme Outdoor", "Spring launch"), ValidationError, "name"),
        (lambda: workspace.create_campaign("Acme Outdoor", "Summer", budget=-5), ValidationError, "budget"),
        (lambda: workspace.create_campaign("Acme Outdoor", "Summer", start_date=date(2026, 5, 1),
                                           end_date=date(2026, 4, 1)), ValidationError, "end_date"),
        (lambda: workspace.create_campaign("Nobody", "Summer"), NotFoundError, "brand"),
        (lambda: workspace.update_campaign("Spring launch", colour="red"), ValidationError, "colour"),
        (lambda: workspace.update_campaign("Spring launch", end_date=date(1999, 1, 1),
                                           start_date=date(2000, 1, 1)), ValidationError, "end_date"),
        (lambda: workspace.update_campaign("Spring launch", objective="o" * 1_000_000), ValidationError, "objective"),
    ]
    for call, error, field in cases:
        with pytest.raises(error) as info:
            call()
        assert info.value.field == field, (field, str(info.value))
    assert [c.name for c in workspace.list_campaigns()] == ["Spring launch"]
    assert workspace.get_campaign("Spring launch").budget == 100
    assert workspace.audit_log() == before


def test_unknown_campaign_lists_the_known_names(workspace):
    make_campaign(workspace, "Spring launch")
    make_campaign(workspace, "Autumn push")
    with pytest.raises(NotFoundError) as info:
        workspace.get_campaign("Winter")
    assert info.value.field == "campaign"
    assert "Autumn push" in str(info.value) and "Spring launch" in str(info.value)


# --------------------------------------------------------------------------- runs and calls


def test_runs_are_recorded_with_their_numbers_and_listed(workspace):
    campaign = make_campaign(workspace)
    run = generate(workspace, campaign.name, "intake")
    stored = workspace.get_run(run.id)
    assert (stored.status, stored.provider, stored.model) == ("SUCCESS", "offline", "offline-composer")
    assert (stored.tokens_in, stored.tokens_out, stored.latency_ms) == (120, 480, 12.5)
    assert stored.envelope["run_id"] == run.id and len(stored.envelope["deliverables"]) == 2
    assert stored.inputs == {"tone": "warm"} and stored.prompt_hash == "sha256:abc123"
    failed = create_failed_envelope("intake", "TIMEOUT", "the model took too long", provider="openai", model="gpt")
    workspace.create_run(campaign=campaign.name, envelope=failed, inputs={}, attempts=[], prompt_hash="h1",
                         latency_ms=1.0, actor="analyst")
    runs = workspace.list_runs(campaign.name, "intake")
    assert [r.status for r in runs] == ["SUCCESS", "FAILED"]
    assert runs[1].error_type == "TIMEOUT" and runs[1].error["message"] == "the model took too long"
    assert workspace.list_runs(campaign.name, "strategy") == []
    with pytest.raises(NotFoundError):
        workspace.get_run("no-such-run")


def test_call_log_keeps_numbers_and_hashes_only(workspace):
    entry = workspace.log_call(run_id="r1", prompt_hash="sha256:deadbeef", provider="openai", model="gpt-4o-mini",
                               tokens_in=10, tokens_out=20, cost_usd=0.001, latency_ms=350.0, status="ok",
                               trace_id="t1")
    workspace.log_call(prompt_hash="sha256:feed", provider="anthropic", model="claude", status="error",
                       error_type="RATE_LIMIT")
    assert [c.id for c in workspace.list_calls("r1")] == [entry.id]
    assert [c.error_type for c in workspace.list_calls()] == [None, "RATE_LIMIT"]
    with pytest.raises(ValidationError) as info:
        workspace.log_call(prompt_hash="Write a post about our spring sale", provider="openai", model="m", status="ok")
    assert info.value.field == "prompt_hash"
    assert len(workspace.list_calls()) == 2


def test_secrets_in_attempts_and_envelopes_are_redacted_before_storage(workspace, monkeypatch):
    secret = "sk-proj-ABCDEF1234567890secret"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    campaign = make_campaign(workspace)
    envelope = create_success_envelope("intake", [{"kind": "doc", "title": "Summary", "content_markdown": "Fine."}],
                                       provider="openai", model="gpt", raw={"echo": f"key was {secret}"})
    run = workspace.create_run(campaign=campaign.name, envelope=envelope, inputs={"note": secret},
                               attempts=[{"error": f"401 for key {secret}"}], prompt_hash="h", latency_ms=1, actor="a")
    stored = workspace.get_run(run.id)
    assert secret not in repr(stored)
    assert "[REDACTED]" in stored.attempts[0]["error"]
