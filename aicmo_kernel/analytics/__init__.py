"""Analytics computed by code for the data-driven modules: performance CSVs, KPIs, targets,
tables, charts and the grounding rule for model-written narratives.

One concept per file: ``performance_csv`` (reading and checking the CSV), ``kpis`` (totals, per
platform, per ISO week), ``targets`` (matching strategy KPI targets to measured KPIs),
``report_table`` (the computed tables in Markdown), ``grounding`` (numbers in a narrative must
appear in that table) and ``charts`` (PNG charts; imports matplotlib only when called).
"""

from __future__ import annotations

from .grounding import numbers_in, ungrounded_numbers
from .kpis import compute_kpis, format_change, format_kpi
from .performance_csv import (
    PerformanceData,
    PerformanceRow,
    load_performance_csv,
    parse_performance_csv,
)
from .report_table import kpi_tables_markdown
from .targets import NOT_MEASURED, compare_targets, measured_as

__all__ = [
    "NOT_MEASURED",
    "PerformanceData",
    "PerformanceRow",
    "compare_targets",
    "compute_kpis",
    "format_change",
    "format_kpi",
    "kpi_tables_markdown",
    "load_performance_csv",
    "measured_as",
    "numbers_in",
    "parse_performance_csv",
    "ungrounded_numbers",
]
