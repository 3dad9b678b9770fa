"""Performance facts for the learn module, read from an approved monitoring performance report.

Monitoring computes its KPI table by code from real data and keeps it in the report's metadata.
Learn only reads it back: it finds the per-platform rows (a list of objects with a ``platform``
or ``channel`` key and numeric columns) and, for each metric, names the best and worst platform.
KPI rows against targets (``metric`` with ``actual``/``value`` and ``target``) are reported as
they are. Nothing is estimated: without an approved report there is simply no performance data.
A report built from the shipped example data says so (``example_data``), and so does every
statement learn makes from it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["MetricSpread", "PerformanceFacts", "performance_facts"]

REPORT_KIND = "performance_report"
_PLATFORM_KEYS = ("platform", "channel")
# Preferred order when a table has many columns; others follow alphabetically.
_PREFERRED = ("leads", "conversions", "ctr", "conversion_rate", "cost_per_lead", "cpl", "cpc", "clicks",
              "impressions", "spend")
_LOWER_IS_BETTER = ("cost", "cpl", "cpc", "cpa", "cpm", "bounce", "unsubscribe")
_MAX_METRICS = 6


class MetricSpread(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    metric: str
    lower_is_better: bool
    best_platform: str
    best_value: float
    worst_platform: str
    worst_value: float


class KpiStatus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    metric: str
    actual: float
    target: float | None
    unit: str = ""
    status: str = ""


class PerformanceFacts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    available: bool
    report_id: str | None = None
    report_title: str | None = None
    report_version: int | None = None
    example_data: bool = False
    currency: str = ""
    platforms: list[str] = []
    spreads: list[MetricSpread] = []
    kpis: list[KpiStatus] = []


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _platform_rows(metadata: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The first list of per-platform rows found in the metadata (breadth first, shallow). A
    single row counts: a report on one platform is still a report that code can read."""
    if depth > 2 or not isinstance(metadata, dict):
        return []
    for value in metadata.values():
        if (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
                and all(any(isinstance(v.get(k), str) for k in _PLATFORM_KEYS) for v in value)):
            return value
    for value in metadata.values():
        found = _platform_rows(value, depth + 1)
        if found:
            return found
    return []


def _kpi_rows(metadata: Any) -> list[KpiStatus]:
    if not isinstance(metadata, dict):
        return []
    for key in ("targets", "kpi_table", "kpis", "kpi_results", "kpi_status"):
        rows = metadata.get(key)
        if not isinstance(rows, list):
            continue
        found = []
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("metric"), str):
                continue
            actual = _number(row.get("actual", row.get("value")))
            if actual is None:
                continue
            unit = str(row.get("unit") or "")
            found.append(KpiStatus(metric=row["metric"], actual=actual, target=_number(row.get("target")),
                                   unit="" if unit.lower() in ("count", "number", "#") else unit,
                                   status=str(row.get("status") or "")[:60]))
        if found:
            return found[:12]
    return []


def _spreads(rows: list[dict[str, Any]]) -> tuple[list[str], list[MetricSpread]]:
    def name(row: dict[str, Any]) -> str:
        return next(str(row[k]) for k in _PLATFORM_KEYS if isinstance(row.get(k), str))

    platforms = [name(row) for row in rows]
    metrics: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in metrics and _number(value) is not None:
                metrics.append(key)
    metrics.sort(key=lambda m: (_PREFERRED.index(m) if m in _PREFERRED else len(_PREFERRED), m))
    spreads = []
    for metric in metrics:
        lower = any(marker in metric.lower() for marker in _LOWER_IS_BETTER)
        values = [(name(row), _number(row.get(metric))) for row in rows]
        # A cost of 0 means nothing was spent there (email), not the cheapest channel.
        present = [(p, v) for p, v in values if v is not None and not (lower and v <= 0)]
        if len(present) < 2 or len({v for _, v in present}) < 2:
            continue  # one platform, or all equal: no best or worst to name
        ordered = sorted(present, key=lambda pv: (pv[1], pv[0]))
        best, worst = (ordered[0], ordered[-1]) if lower else (ordered[-1], ordered[0])
        spreads.append(MetricSpread(metric=metric, lower_is_better=lower, best_platform=best[0],
                                    best_value=best[1], worst_platform=worst[0], worst_value=worst[1]))
        if len(spreads) == _MAX_METRICS:
            break
    return platforms, spreads


def performance_facts(ws: Workspace, campaign: str) -> PerformanceFacts:
    """Best and worst platforms from the campaign's approved performance report, if there is one."""
    from ..store.models import DeliverableRow, VersionRow
    from ..store.records import find_campaign

    with ws.reading() as session:
        campaign_row = find_campaign(session, campaign)
        row = session.scalar(
            select(DeliverableRow)
            .where(DeliverableRow.campaign_id == campaign_row.id, DeliverableRow.module == "monitoring",
                   DeliverableRow.kind == REPORT_KIND, DeliverableRow.state == "approved")
            .order_by(DeliverableRow.created_at.desc(), DeliverableRow.id)
            .limit(1)
        )
        if row is None:
            return PerformanceFacts(available=False)
        title = session.scalar(
            select(VersionRow.title).where(VersionRow.deliverable_id == row.id, VersionRow.version == row.approved_version)
        )
        meta = row.meta or {}
        platforms, spreads = _spreads(_platform_rows(meta))
        source = meta.get("source") if isinstance(meta.get("source"), dict) else {}
        return PerformanceFacts(
            available=True, report_id=row.id, report_title=title or row.title, report_version=row.approved_version,
            example_data=bool(meta.get("example_data") or source.get("example_data")),
            currency=str(meta.get("currency") or "")[:10], platforms=platforms, spreads=spreads,
            kpis=_kpi_rows(meta),
        )
