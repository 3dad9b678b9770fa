"""Run the workspace migrations with Alembic, configured in code.

The ``Config`` is built here with ``script_location`` inside the installed package, so upgrades
work from a wheel with no alembic.ini. The upgrade runs on a connection we open ourselves, inside
one write transaction, so that two kernels opening a fresh workspace at the same moment take
turns: on SQLite ``BEGIN IMMEDIATE`` serialises them, on PostgreSQL a transaction-scoped advisory
lock does.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from .database import WRITE_OPTION

__all__ = ["MIGRATIONS_DIR", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Any fixed number works; it only has to be the same in every process.
_PG_MIGRATION_LOCK = 0x41_49_43_4D_4F


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``revision`` (default: the newest)."""
    head = head_revision()
    with engine.connect() as probe:
        # Most opens find the schema current: skip the lock and Alembic's machinery.
        if revision == "head" and current_revision(probe) == head:
            return
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), revision)
