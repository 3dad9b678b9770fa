"""Alembic environment for the workspace schema.

Run only through ``aicmo_kernel.store.migrate``, which builds the Alembic ``Config`` in code and
hands over an open connection (``config.attributes["connection"]``) already inside the
transaction that serialises concurrent upgrades. There is no alembic.ini: the package carries
its migrations and needs nothing else when installed.
"""

from __future__ import annotations

from alembic import context

from aicmo_kernel.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable when someone runs the alembic CLI
    raise RuntimeError("run the workspace migrations through aicmo_kernel.store.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
