"""Learning from a campaign (module 9): lessons from edits, QC and performance, brand memory,
and search over approved content.

One concept per file:

- ``edits``        generated (v1) versus approved text, by difflib: what reviewers changed
- ``qc_outcomes``  which QC checks fired on which versions, and what was fixed before approval
- ``performance``  best and worst platforms from an approved monitoring performance report
- ``search``       full-text search over approved versions (SQLite FTS5, PostgreSQL tsvector)
- ``memory``       brand-memory rules that later prompts include
- ``facts``        all of the above as numbered evidence for the learn module's prompt

The learn module itself (inputs, output, rendering) is ``aicmo_kernel.modules.learn``.
"""

from __future__ import annotations

from .edits import EditLessons, VersionDiff, diff_versions, edit_lessons
from .facts import learn_facts
from .memory import (
    MemoryRule,
    activate_rules_from_deliverable,
    active_rule_texts,
    add_rule,
    deactivate_rule,
    list_rules,
    parse_rules,
)
from .performance import PerformanceFacts, performance_facts
from .qc_outcomes import QCOutcomes, qc_outcomes
from .search import SearchHit, search_approved

__all__ = [
    "EditLessons",
    "MemoryRule",
    "PerformanceFacts",
    "QCOutcomes",
    "SearchHit",
    "VersionDiff",
    "activate_rules_from_deliverable",
    "active_rule_texts",
    "add_rule",
    "deactivate_rule",
    "diff_versions",
    "edit_lessons",
    "learn_facts",
    "list_rules",
    "parse_rules",
    "performance_facts",
    "qc_outcomes",
    "search_approved",
]
