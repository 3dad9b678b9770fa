"""Analytics computed by code for the data-driven modules: performance data, KPIs, targets,
tables and charts. (The grounding rule for model-written narratives is ``aicmo_kernel.grounding``.)

One concept per file: ``performance_csv`` (reading and checking performance data), ``tables``
(CSV or XLSX as a header and rows), ``platform_formats`` (the ad platforms' exports and the column
mapping), ``locale_values`` (numbers and dates by the column's conventions), ``periods`` (rows
that are weeks, months or date ranges), ``sanity`` (blockers on the imported table), ``kpis``
(totals, per platform, per ISO week, per longer period), ``targets`` (matching strategy KPI targets to measured KPIs),
``report_table`` (the computed tables in Markdown, in the report's language), ``number_formats``
(numbers as each language writes them: 1,234.5 · 1 234,5 · 1.234,5) and ``charts`` (PNG charts;
imports matplotlib only when called).
"""

from __future__ import annotations

from .kpis import compute_kpis, format_change, format_kpi
from .performance_csv import (
    ColumnMapping,
    PerformanceData,
    PerformanceRow,
    load_performance_csv,
    parse_performance_bytes,
    parse_performance_csv,
)
from .platform_formats import FORMATS
from .report_table import kpi_tables_markdown
from .targets import NOT_MEASURED, compare_targets, measured_as

__all__ = [
    "FORMATS",
    "NOT_MEASURED",
    "ColumnMapping",
    "PerformanceData",
    "PerformanceRow",
    "compare_targets",
    "compute_kpis",
    "format_change",
    "format_kpi",
    "kpi_tables_markdown",
    "load_performance_csv",
    "measured_as",
    "parse_performance_bytes",
    "parse_performance_csv",
]
