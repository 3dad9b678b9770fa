"""The workspace store: one database (SQLite by default, PostgreSQL when shared).

``Workspace`` is the entry point; it returns the frozen views below, never ORM objects.
SQLAlchemy is imported only when this package is, so ``import aicmo_kernel`` stays light.
"""

from __future__ import annotations

from .views import (
    AuditEntry,
    Brand,
    CallEntry,
    Campaign,
    DeliverableView,
    ReviewEventView,
    Run,
    VersionView,
)
from .workspace import Workspace

__all__ = [
    "AuditEntry",
    "Brand",
    "CallEntry",
    "Campaign",
    "DeliverableView",
    "ReviewEventView",
    "Run",
    "VersionView",
    "Workspace",
]
