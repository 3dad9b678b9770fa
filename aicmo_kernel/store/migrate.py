"""Run the workspace migrations with Alembic, configured in code.

The ``Config`` is built here with ``script_location`` inside the installed package, so upgrades
work from a wheel with no alembic.ini. The upgrade runs on a connection we open ourselves, inside
one write transaction, so that two kernels opening a fresh workspace at the same moment take
turns: on SQLite ``BEGIN IMMEDIATE`` serialises them, on PostgreSQL a transaction-scoped advisory
lock does.

Alembic (about 0.1 s to import) is imported only when a migration has to run: opening a current
workspace compares ``HEAD_REVISION`` with the stored revision, read with plain SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from .database import WRITE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD_REVISION", "MIGRATIONS_DIR", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration's revision: bump it with every new migration (tests/test_store.py checks it
# against Alembic's own view, ``head_revision``).
HEAD_REVISION = "0008"
# Any fixed number works; it only has to be the same in every process.
_PG_MIGRATION_LOCK = 0x41_49_43_4D_4F


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revision(connection: Connection) -> str | None:
    """The database's revision; None when no migration ever ran on it."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``revision`` (default: the newest)."""
    with engine.connect() as probe:
        # Most opens find the schema current: skip the lock and Alembic's machinery.
        if revision == "head" and current_revision(probe) == HEAD_REVISION:
            return
    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine, revision)
        return
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        from alembic import command

        command.upgrade(alembic_config(connection), revision)


def _upgrade_sqlite(engine: Engine, revision: str) -> None:
    """SQLite's own procedure for schema changes that rebuild a table (copy, drop, rename): foreign
    keys off around the transaction (the pragma is refused inside one), every key checked before
    the commit, then on again. With them on, dropping a table that others point at leaves SQLite's
    deferred-key count behind even when the rebuilt table has every row back."""
    from alembic import command

    with engine.execution_options(**{WRITE_OPTION: True}).connect() as connection:
        driver = connection.connection.dbapi_connection  # the pragmas go round SQLAlchemy's autobegin
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left rows pointing at nothing: {broken[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
