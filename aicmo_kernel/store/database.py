"""From a database URL to a configured SQLAlchemy engine.

SQLite (the default, a file in the workspace folder) gets WAL, foreign keys and a busy timeout on
every connection. Its write transactions start with ``BEGIN IMMEDIATE``: two kernels that both
read and then write would otherwise meet SQLite's "database is locked" without waiting, because a
deferred transaction cannot upgrade a stale read snapshot to a write. Read transactions stay
deferred so readers never queue behind writers.

PostgreSQL is used when the URL says so; ``postgresql://`` is normalised to the psycopg 3 driver.
Every message built here names ``AICMO_DATABASE_URL`` and never shows a password: a URL that parses
is shown as SQLAlchemy renders it with the password hidden, one that does not by its scheme only.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from ..errors import ConfigurationError
from .direct import driver_sql

__all__ = ["BUSY_TIMEOUT_MS", "WRITE_OPTION", "display_url", "make_engine", "parse_database_url", "rehearsal_engine"]

URL_VARIABLE = "AICMO_DATABASE_URL"
BUSY_TIMEOUT_MS = 30_000
# Execution option that marks a connection as a writer (BEGIN IMMEDIATE on SQLite).
WRITE_OPTION = "aicmo_write"
_EXAMPLES = "e.g. sqlite:////path/to/workspace.sqlite or postgresql://user:password@host:5432/dbname"


def parse_database_url(raw: str) -> URL:
    """Parse and normalise a workspace URL, or raise ConfigurationError naming the variable."""
    text = raw.strip()
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        # The raw value may hold a password and did not parse: show its scheme at most.
        scheme = re.match(r"[A-Za-z][A-Za-z0-9+.\-]*://", text)
        what = f"the {scheme.group(0)}... URL" if scheme else "the value"
        raise ConfigurationError(
            f"{URL_VARIABLE}: {what} is not a valid database URL; use {_EXAMPLES}", field=URL_VARIABLE
        ) from None
    shown = f"{URL_VARIABLE}={display_url(url)!r}"
    backend, _, driver = url.drivername.partition("+")
    if backend in ("postgresql", "postgres"):
        if driver not in ("", "psycopg"):
            raise ConfigurationError(
                f"{shown}: the {driver!r} PostgreSQL driver is not supported; use postgresql:// "
                "(psycopg 3, installed with the 'postgres' extra)",
                field=URL_VARIABLE,
            )
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise ConfigurationError(f"{shown}: the URL names no database; use {_EXAMPLES}", field=URL_VARIABLE)
    elif backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise ConfigurationError(
                f"{shown}: only the built-in SQLite driver is supported; use sqlite:///PATH", field=URL_VARIABLE
            )
    else:
        raise ConfigurationError(
            f"{shown}: {backend!r} is not supported; the workspace is SQLite or PostgreSQL, {_EXAMPLES}",
            field=URL_VARIABLE,
        )
    return url


def display_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


# Engines that ran a rehearsal (``rehearsal_engine``), by URL: the next ``make_engine`` of that
# URL in this process (in ``aicmo worker``, each forked child's first) takes its engine from here.
_rehearsed: dict[str, Engine] = {}


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with the per-connection settings of its backend."""
    if url.get_backend_name() == "sqlite":
        rehearsed = _rehearsed.pop(url.render_as_string(hide_password=False), None)
        if rehearsed is not None:
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)  # type: ignore[arg-type]
            return rehearsed
        return _sqlite_engine(url)
    try:
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except (ImportError, NoSuchModuleError):
        raise ConfigurationError(
            f"{URL_VARIABLE} points at PostgreSQL but psycopg 3 is not installed; "
            "run: pip install 'aicmo-workbench[postgres]'",
            field=URL_VARIABLE,
        ) from None


def _ensure_wal(cursor: Any) -> None:
    """Switch the file to WAL once; later connections find it set (the mode is persistent).

    Switching needs an exclusive lock and SQLite answers "database is locked" at once, without
    the busy handler, when two fresh connections race to switch: so retry for a bounded time.
    """
    import sqlite3

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        # One shared connection, or every session would see its own empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)  # type: ignore[arg-type]
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below own BEGIN instead of pysqlite's implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # The busy timeout first: switching to WAL itself may have to wait for another process.
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
            if not in_memory:
                _ensure_wal(cursor)
                cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        writing = conn.get_execution_options().get(WRITE_OPTION, False)
        driver_sql(conn, "BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


@contextmanager
def rehearsal_engine(url: URL) -> Iterator[Engine]:
    """The engine ``make_engine(url)`` makes for a SQLite file, connected inside the block to a
    private in-memory database instead: nothing in the file is read or written. After the block
    its connections are closed and the next ``make_engine(url)`` of this process returns it.

    ``aicmo worker`` rehearses a campaign on it before it forks: SQLAlchemy keeps compiled
    statements per engine (per dialect object), so a child's workspace on this engine skips
    compiling every statement its command runs.
    """
    import sqlite3

    engine = _sqlite_engine(url)
    memory = sqlite3.connect(":memory:", check_same_thread=False)

    def connect_to_memory(*_args: Any) -> Any:
        return memory  # one connection, as an in-memory workspace has (StaticPool)

    event.listen(engine, "do_connect", connect_to_memory)
    try:
        yield engine
    finally:
        event.remove(engine, "do_connect", connect_to_memory)
        engine.dispose()
        memory.close()
    _rehearsed[url.render_as_string(hide_password=False)] = engine
