"""The statements every generation and approval makes, run straight on the driver's cursor.

SQLAlchemy spends about 200 µs on each execution of even a cached Core statement (its execution
context, processing the parameters, the result's metadata); the same SQL on the DB-API cursor
takes the database's own time, 10 to 60 µs. A campaign's module runs about thirty statements, so
in a batch that overhead was a third of the kernel's CPU per model call.

``Direct`` takes a Core statement and lets SQLAlchemy compile it, once per dialect (and, for an
INSERT, per set of columns written). It keeps what running it needs: the SQL, the order of its
parameters, the values the statement binds itself, and the column types' own bind and result
processors, so JSON, datetimes and booleans go in and come out exactly as SQLAlchemy writes and
reads them. It runs on the session's connection, inside the session's transaction (beginning it
as a session would: ``BEGIN IMMEDIATE`` for a writer on SQLite); pending ORM changes are flushed
first, as autoflush would; the engine's ``before_cursor_execute`` and ``after_cursor_execute``
listeners see every statement; a driver error is raised as SQLAlchemy's exception for it.

What it leaves to ``session.execute``: ORM objects (rows come back as named tuples: a selected
entity's fields are named as its attributes, so read-only code reads either alike), columns with
Python-side defaults left out of an INSERT (give every value), ``RETURNING``.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exc, inspect
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

__all__ = ["Direct", "driver_sql"]

_EXPANDING = re.compile(r"__\[POSTCOMPILE_(\w+)\]")


@dataclass(slots=True)
class _Plan:
    sql: str
    names: tuple[str, ...]  # the parameters in the order the SQL takes them
    positional: bool  # ? placeholders (SQLite) rather than %(name)s (psycopg)
    given: dict[str, Any]  # values the statement binds itself (a literal in its WHERE)
    binds: dict[str, Callable[[Any], Any]]
    expanding: frozenset[str]  # IN (...) lists, one placeholder per value
    row: Any = None  # the named tuple of a result row
    columns: tuple[Any, ...] = ()
    results: tuple[Callable[[Any], Any] | None, ...] | None = None  # once the driver has said its types
    by_count: dict[tuple[int, ...], str] = field(default_factory=dict)


class Direct:
    """A Core statement run on the DB-API (see the module's text); thread-safe."""

    __slots__ = ("_plans", "_statement")

    def __init__(self, statement: Any):
        self._statement = statement
        self._plans: dict[tuple[Any, ...], _Plan] = {}

    def rows(self, session: Session, parameters: Mapping[str, Any] | None = None) -> list[Any]:
        """Every result row, as a named tuple of the statement's columns."""
        conn, plan, sql, values = self._prepare(session, parameters or {})
        cursor = _run(conn, sql, [values], many=False)
        try:
            fetched = cursor.fetchall()
            results = plan.results
            if results is None:  # a processor may depend on the type the driver reports (PostgreSQL's numbers)
                dialect = conn.dialect
                results = plan.results = tuple(
                    column.type.dialect_impl(dialect).result_processor(dialect, described[1])
                    for column, described in zip(plan.columns, cursor.description, strict=True))
        finally:
            cursor.close()
        make = plan.row._make
        if not any(results):
            return [make(raw) for raw in fetched]
        return [make([value if process is None or value is None else process(value)
                      for process, value in zip(results, raw)]) for raw in fetched]

    def first(self, session: Session, parameters: Mapping[str, Any] | None = None) -> Any:
        """The first result row, or None."""
        found = self.rows(session, parameters)
        return found[0] if found else None

    def scalar(self, session: Session, parameters: Mapping[str, Any] | None = None) -> Any:
        """The first column of the first row, or None."""
        row = self.first(session, parameters)
        return None if row is None else row[0]

    def execute(self, session: Session, parameters: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> int:
        """Run an INSERT, UPDATE or DELETE once, or once per mapping in a list (one executemany); the
        number of rows it changed, where the driver tells."""
        many = not isinstance(parameters, Mapping)
        batch = list(parameters) if many else [parameters]  # type: ignore[list-item]
        if not batch:
            return 0
        conn, plan, sql, first = self._prepare(session, batch[0])
        values = [first, *(self._values(plan, each) for each in batch[1:])] if many else [first]
        cursor = _run(conn, sql, values, many=many)
        try:
            return cursor.rowcount
        finally:
            cursor.close()

    def compiled_for(self, dialect: Dialect) -> bool:
        """Whether this statement was compiled for ``dialect`` (``aicmo worker``'s rehearsal
        compiles the hot statements for the engine its children open)."""
        return any(key[0] is dialect for key in self._plans)

    # ----------------------------------------------------------------- internals

    def _prepare(self, session: Session, parameters: Mapping[str, Any]) -> tuple[Connection, _Plan, str, Any]:
        if session.autoflush and (session.new or session.deleted or session.dirty):
            session.flush()
        conn = session.connection()
        keys = tuple(parameters) if self._statement.is_insert else ()
        plan = self._plans.get((conn.dialect, keys)) or self._compile(conn.dialect, keys)
        if plan.expanding:
            counts = tuple(len(parameters[name] if name in parameters else plan.given[name])
                           for name in sorted(plan.expanding))
            sql = plan.by_count.get(counts) or _expand(plan, counts)
        else:
            sql = plan.sql
        return conn, plan, sql, self._values(plan, parameters)

    @staticmethod
    def _values(plan: _Plan, parameters: Mapping[str, Any]) -> Any:
        """The driver's parameters: a list in the SQL's order (SQLite), else a mapping (psycopg);
        an IN list's values one by one, as ``_expand`` wrote its placeholders."""
        given, binds, positional = plan.given, plan.binds, plan.positional
        values: list[Any] = []
        named: dict[str, Any] = {}
        for name in plan.names:
            value = parameters[name] if name in parameters else given[name]
            process = binds.get(name)
            if name in plan.expanding:
                items = value if process is None else [process(item) for item in value]
                if positional:
                    values.extend(items)
                else:
                    named.update((f"{name}_{number}", item) for number, item in enumerate(items, 1))
                continue
            if process is not None and value is not None:
                value = process(value)
            if positional:
                values.append(value)
            else:
                named[name] = value
        return values if positional else named

    def _compile(self, dialect: Dialect, keys: tuple[str, ...]) -> _Plan:
        statement = self._statement
        # An INSERT compiled as for executemany: no implicit RETURNING of its generated key.
        compiled = (statement.compile(dialect=dialect, column_keys=list(keys), for_executemany=True) if keys
                    else statement.compile(dialect=dialect))
        if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "returning", None):
            raise TypeError(f"Direct runs statements whose every value is given, without RETURNING: {compiled}")
        names = tuple(compiled.positiontup or ()) if dialect.positional else tuple(
            dict.fromkeys(name for name in compiled.bind_names.values()))
        given, binds, expanding = {}, {}, set()
        for bind, name in compiled.bind_names.items():
            if not bind.required:
                given[name] = bind.effective_value
            if bind.expanding:
                expanding.add(name)
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                binds[name] = process
        plan = _Plan(sql=compiled.string, names=names, positional=dialect.positional, given=given, binds=binds,
                     expanding=frozenset(expanding))
        if statement.is_select:
            plan.columns = tuple(statement.selected_columns)
            plan.row = namedtuple("Row", _field_names(statement, plan.columns))  # type: ignore[misc]
        self._plans[(dialect, keys)] = plan
        return plan


def _field_names(statement: Any, columns: tuple[Any, ...]) -> list[str]:
    """A row's field names: a selected entity's columns by their attribute names (``meta`` for the
    ``metadata`` column), so a row reads like the ORM object; other columns by their keys."""
    attributes: dict[Any, str] = {}
    for described in statement.column_descriptions:
        entity = described.get("entity")
        if entity is not None and described.get("expr") is entity:
            for prop in inspect(entity).column_attrs:
                for column in prop.columns:
                    attributes[column] = prop.key
    return [attributes.get(column, column.key) for column in columns]


def _expand(plan: _Plan, counts: tuple[int, ...]) -> str:
    """The plan's SQL with each IN list given one placeholder per value."""
    count_of = dict(zip(sorted(plan.expanding), counts))

    def placeholders(match: re.Match[str]) -> str:
        name = match.group(1)
        if not count_of[name]:  # SQLAlchemy writes an empty IN and NOT IN each its own way: not here
            raise ValueError(f"Direct: the list {name!r} is empty; skip the statement instead")
        if plan.positional:
            return ", ".join("?" * count_of[name])
        return ", ".join(f"%({name}_{number})s" for number in range(1, count_of[name] + 1))

    sql = _EXPANDING.sub(placeholders, plan.sql)
    plan.by_count[counts] = sql
    return sql


def driver_sql(conn: Connection, sql: str) -> None:
    """Run a statement without parameters (``BEGIN IMMEDIATE``) on the driver, as ``Direct`` runs
    its statements: each session's first statement went through SQLAlchemy's whole execution."""
    _run(conn, sql, [()], many=False).close()


def _run(conn: Connection, sql: str, values: list[Any], *, many: bool) -> Any:
    cursor = conn.connection.cursor()
    arguments: Iterable[Any] = values if many else values[0]
    listeners = conn.dispatch
    try:
        if listeners.before_cursor_execute:
            for listen in listeners.before_cursor_execute:
                listen(conn, cursor, sql, arguments, None, many)
        try:
            if many:
                cursor.executemany(sql, values)
            else:
                cursor.execute(sql, values[0])
        except conn.dialect.loaded_dbapi.Error as error:
            raise exc.DBAPIError.instance(sql, arguments, error, conn.dialect.loaded_dbapi.Error,
                                          dialect=conn.dialect) from error
        if listeners.after_cursor_execute:
            for listen in listeners.after_cursor_execute:
                listen(conn, cursor, sql, arguments, None, many)
    except BaseException:
        cursor.close()
        raise
    return cursor
