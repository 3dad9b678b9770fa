"""Fixtures for workspaces on SQLite and on a real PostgreSQL server.

``workspace`` (and ``workspace_url``) are parametrised over ``sqlite`` and ``postgresql``, so a
test that asks for them runs on both backends. The PostgreSQL server is started once per test
session (``aicmo_kernel.testing.postgres``) and each test gets a fresh database on it.

Without the PostgreSQL binaries the postgresql half is skipped with a loud reason;
``AICMO_REQUIRE_POSTGRES=1`` (set in CI) turns that skip into a failure.

The helpers at the bottom build campaigns and generations for the store and workflow tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aicmo_kernel.schemas import create_success_envelope
from aicmo_kernel.testing.postgres import DatabasePool, PostgresServer, PostgresUnavailable, find_postgres_bin

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _postgres_unavailable(reason: str) -> None:
    message = f"POSTGRESQL BACKEND NOT TESTED: {reason}"
    if os.environ.get("AICMO_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{message} (AICMO_REQUIRE_POSTGRES=1 makes this a failure)", pytrace=False)
    pytest.skip(f"{message}. Install PostgreSQL (initdb, pg_ctl) to run the same suite on it.")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if find_postgres_bin() is None:
        _postgres_unavailable("initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _postgres_unavailable("psycopg 3 is not installed (pip install 'aicmo-workbench[postgres]')")
    server = PostgresServer()
    try:
        server.start()
    except PostgresUnavailable as exc:
        _postgres_unavailable(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """The admin URL of the session's PostgreSQL server (database ``postgres``)."""
    return postgres_server.url


@pytest.fixture(scope="session")
def postgres_databases(postgres_server: PostgresServer) -> Iterator[DatabasePool]:
    """Fresh PostgreSQL databases already migrated to the newest schema (copies of a template
    that went through the real migrations once)."""
    from aicmo_kernel.store import Workspace

    template = "aicmo_template"
    Workspace.open(postgres_server.create_database(template)).close()
    pool = DatabasePool(postgres_server, template)
    yield pool
    pool.close()


@pytest.fixture(params=BACKENDS)
def workspace_url(request: pytest.FixtureRequest, isolated_env: Path) -> str:
    """A URL for a new workspace database: a SQLite file in AICMO_HOME (migrated when first
    opened), or a fresh, already migrated PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{isolated_env / 'workspace.sqlite'}"
    pool: DatabasePool = request.getfixturevalue("postgres_databases")
    return pool.get()


@pytest.fixture
def workspace(workspace_url: str) -> Iterator[Any]:
    from aicmo_kernel.store import Workspace

    ws = Workspace.open(workspace_url)
    yield ws
    ws.close()


# --------------------------------------------------------------------------- helpers


def make_campaign(ws: Any, name: str = "Spring launch", brand: str = "Acme Outdoor") -> Any:
    """A brand (created if missing) and a campaign for it."""
    from aicmo_kernel.errors import NotFoundError

    try:
        ws.get_brand(brand)
    except NotFoundError:
        ws.create_brand(brand, website="https://acme.example", industry="Outdoor gear",
                        banned_words=["cheapest"], disclaimers=["Terms apply."])
    return ws.create_campaign(brand, name, objective="Grow newsletter sign-ups", budget=5000,
                              channels=["linkedin", "x"])


def item(title: str, content: str | None = None, *, kind: str = "document", **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "title": title,
            "content_markdown": content or f"# {title}\n\nConcrete, brief-specific text for {title}.", **extra}


def generate(ws: Any, campaign: str, module: str, items: list[dict[str, Any]] | None = None,
             *, actor: str = "analyst") -> Any:
    """Record a SUCCESS generation of ``module`` (two documents unless ``items`` are given)."""
    from aicmo_kernel.workflow import record_generation

    items = items or [item(f"{module} part one"), item(f"{module} part two")]
    envelope = create_success_envelope(module, items, provider="offline", model="offline-composer",
                                       tokens_in=120, tokens_out=480, cost_usd=0.0)
    return record_generation(ws, campaign=campaign, module=module, inputs={"tone": "warm"}, envelope=envelope,
                             attempts=[{"provider": "offline", "status": "ok"}], prompt_hash="sha256:abc123",
                             latency_ms=12.5, actor=actor)


def approve_all(ws: Any, campaign: str, module: str, reviewer: str = "rita") -> list[Any]:
    from aicmo_kernel.workflow import approve

    return [approve(ws, d.id, version=d.current_version, reviewer=reviewer)
            for d in ws.list_deliverables(campaign, module) if d.state != "approved"]
