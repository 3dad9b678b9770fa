"""Module 5, monitoring: KPIs from real performance data, charts, and grounded insights.

``prepare`` reads the performance CSV (an uploaded file's text, or a path), checks it, and
computes every number the report shows: totals, per platform, per ISO week, and the comparison
with the strategy's KPI targets (carried to this module by the approved execution plan). No data
means a NO_DATA run, never an invented report. The model writes only the narrative (a headline,
insights, recommendations), and every figure it cites must appear in the computed table: the
request's output model enforces that inside the provider chain (a breach gets one repair attempt,
then the next provider), and ``render`` checks again. The report shows the table first, in the
strategy's language, its figures written as that language writes them (1 234,50 · 2,44 % in
French), and the grounding rule reads the narrative's figures the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

from ...analytics.charts import CHARTS_UNAVAILABLE, chart_data, chart_list, chart_words
from ...grounding import ungrounded_numbers
from ...analytics.kpis import UNMEASURABLE, compute_kpis, platform_label
from ...analytics.performance_csv import load_performance_csv, said_text, warning
from ...analytics.platform_formats import FIELDS
from ...analytics.saved_mappings import save_mapping, saved_mapping
from ...analytics.report_table import kpi_tables_markdown
from ...analytics.targets import compare_targets
from ...errors import ContractViolation, NoDataError
from .composer import compose_monitoring
from ...schemas import Deliverable
from ...registry import module_info
from ..base import FactBoundSpec
from ..fields import InputModel, LongText, OutputModel, choice
from ..phrasebook import Sentences, labelled, language_of_inputs, tr
from ..templates import SHARED_SYSTEM_TEMPLATE, bullets
from ..base import Upstream

__all__ = [
    "SPEC",
    "Insight",
    "MonitoringInputs",
    "MonitoringOutput",
    "Recommendation",
    "grounded_output_model",
    "narrative_problems",
]

_Statement = Annotated[str, StringConstraints(min_length=1, max_length=500)]
_EXAMPLE_MARK = "example data"


MappedField = Literal[FIELDS]  # type: ignore[valid-type]


class MonitoringInputs(InputModel):
    csv_path: Annotated[str, StringConstraints(max_length=1000)] = Field(
        default="", description="path to the performance CSV"
    )
    csv_text: Annotated[str, StringConstraints(max_length=5_000_000)] = Field(
        default="", description="the uploaded CSV's content (used instead of csv_path when given)"
    )
    period_start: date | None = None
    period_end: date | None = None
    notes: LongText = ""
    # For a file that is none of the known exports (or to settle what the file cannot tell):
    # kept for the brand once a generation has read the file with it.
    column_mapping: dict[MappedField, Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=dict,
        description="the file's own column for each field, for a file that is none of the known exports",
    )
    platform_name: Annotated[str, StringConstraints(max_length=40)] = Field(
        default="", description="the platform, when a mapped file has no platform column"
    )
    date_order: Literal["auto", "DMY", "MDY"] = Field(
        default="auto", description="day and month order, when the dates cannot tell (01/02/2027)"
    )
    decimal_separator: Literal["auto", ".", ","] = Field(
        default="auto", description="the decimal separator, when the numbers cannot tell (12.000)"
    )

    def mapping(self) -> dict[str, Any] | None:
        """The column mapping these inputs give, or None when they give none."""
        chosen = {
            "columns": dict(self.column_mapping),
            "platform": self.platform_name,
            "date_order": "" if self.date_order == "auto" else self.date_order,
            "decimal_separator": "" if self.decimal_separator == "auto" else self.decimal_separator,
        }
        return chosen if any(chosen.values()) else None

    @field_validator("period_end")
    @classmethod
    def _end_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("period_start")
        if value is not None and start is not None and value < start:
            raise ValueError(f"must not be before period_start ({start.isoformat()})")
        return value


class Insight(OutputModel):
    finding: _Statement = Field(description="one finding; cite figures only from the KPI table")
    evidence: Annotated[str, StringConstraints(max_length=200)] = Field(
        default="", description="where in the table it shows, e.g. 'By platform, CPL column'"
    )


class Recommendation(OutputModel):
    action: _Statement
    reason: _Statement = Field(
        description="the finding it follows from; figures only from the table"
    )
    priority: choice("high", "medium", "low")  # type: ignore[valid-type]


class MonitoringOutput(OutputModel):
    headline: _Statement
    insights: list[Insight] = Field(min_length=1, max_length=8)
    recommendations: list[Recommendation] = Field(min_length=1, max_length=6)
    watch_next: list[_Statement] = Field(default_factory=list, max_length=5)

    def narrative(self) -> list[tuple[str, str]]:
        """Every model-written text with its path in the output (for the grounding check)."""
        texts = [("headline", self.headline)]
        for n, insight in enumerate(self.insights):
            texts += [
                (f"insights.{n}.finding", insight.finding),
                (f"insights.{n}.evidence", insight.evidence),
            ]
        for n, rec in enumerate(self.recommendations):
            texts += [
                (f"recommendations.{n}.action", rec.action),
                (f"recommendations.{n}.reason", rec.reason),
            ]
        texts += [(f"watch_next.{n}", text) for n, text in enumerate(self.watch_next)]
        return texts


def narrative_problems(output: MonitoringOutput, table: str, lang: str = "en") -> list[tuple[str, list[str]]]:
    """``[(path, [figures])]`` for each narrative text citing figures the table does not hold
    (both written in ``lang``, the report's language: "1 234,50" is a French figure)."""
    found = []
    for path, text in output.narrative():
        missing = ungrounded_numbers(text, table, lang)
        if missing:
            found.append((path, missing))
    return found


def _describe(problems: list[tuple[str, list[str]]]) -> str:
    listed = "; ".join(f"{path}: {', '.join(figures)}" for path, figures in problems)
    return (
        f"the narrative cites figures that are not in the computed KPI table ({listed}); "
        "cite only figures exactly as the table shows them"
    )


def grounded_output_model(table: str, lang: str = "en") -> type[MonitoringOutput]:
    """MonitoringOutput that also refuses figures absent from ``table`` (same JSON schema), both
    written in ``lang``.

    The check runs per field, so a refusal names the field (``insights``), which the chain's
    repair prompt then quotes back to the model."""

    class GroundedMonitoringOutput(MonitoringOutput):
        model_config = ConfigDict(title="MonitoringOutput")
        # Only checks are added: the schema is MonitoringOutput's, built once (FactBoundSpec).
        SCHEMA_MODEL: ClassVar[type[BaseModel]] = MonitoringOutput

        @field_validator("headline", "insights", "recommendations", "watch_next")
        @classmethod
        def _grounded(cls, value: Any, info: ValidationInfo) -> Any:
            empty: dict[str, Any] = {
                "headline": "",
                "insights": [],
                "recommendations": [],
                "watch_next": [],
            }
            probe = MonitoringOutput.model_construct(**{**empty, info.field_name: value})
            problems = narrative_problems(probe, table, lang)
            if problems:
                raise ValueError(_describe(problems))
            return value

    return GroundedMonitoringOutput


def _language(facts: dict[str, Any]) -> str:
    return str(facts.get("language") or "en")


def _kpi_table(facts: dict[str, Any]) -> str:
    """The KPI table in the report's language: the one text the report shows, the prompt quotes
    and the grounding check reads (``analytics.report_table``)."""
    return kpi_tables_markdown(facts, Sentences(_language(facts)))


def _bind_output(facts: dict[str, Any]) -> type[MonitoringOutput]:
    return grounded_output_model(_kpi_table(facts), _language(facts))


def _execution_meta(upstream: Upstream) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for item in upstream.get("execution", []):
        if item.get("kind") == "content_calendar":
            meta.update(item.get("metadata") or {})
    return meta


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    return {}


def _prepare(
    inputs: MonitoringInputs,
    *,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    upstream: Upstream,
    workspace: Any = None,
) -> dict[str, Any]:
    given = inputs.mapping()
    mapping = given
    if mapping is None and workspace is not None and campaign.get("name"):
        mapping = saved_mapping(workspace, campaign["name"], "performance")  # mapped once per brand
    data = load_performance_csv(csv_path=inputs.csv_path, csv_text=inputs.csv_text, mapping=mapping)
    if given is not None and workspace is not None and campaign.get("name"):
        save_mapping(workspace, campaign["name"], "performance", given)
    start, end = inputs.period_start, inputs.period_end

    def inside(r: Any) -> bool:  # a row covering a week or a month is in the period only if all of it is
        return (start is None or r.date >= start) and (end is None or r.last_day <= end)

    def touches(r: Any) -> bool:
        return (start is None or r.last_day >= start) and (end is None or r.date <= end)

    rows = [r for r in data.rows if inside(r)]
    straddling = [r.line for r in data.rows if touches(r) and not inside(r)]  # cannot be split into days
    if not rows:
        asked = f"{inputs.period_start or 'the start'} to {inputs.period_end or 'the end'}"
        raise NoDataError(
            f"no performance data between {asked}: {data.source} has rows from "
            f"{data.rows[0].date} to {max(r.last_day for r in data.rows)}; widen the reporting period",
            field="inputs.period_start",
        )
    data_end = max(r.last_day for r in rows)  # a month's row ends on the month's last day, not its first
    meta = _execution_meta(upstream)
    available = [c for c in ("conversions", "revenue") if c in data.columns]
    unmeasured = [column for column in UNMEASURABLE if column not in data.columns]  # GA4: no spend
    kpis = compute_kpis(rows, has_conversions=data.has_conversions, has_revenue=data.has_revenue,
                        unmeasured=unmeasured)
    compared = compare_targets(
        meta.get("kpi_targets") or [],
        kpis["totals"],
        available=available,
        unmeasured=unmeasured,
        campaign_start=_date(meta.get("start_date") or campaign.get("start_date")),
        campaign_end=_date(meta.get("end_date") or campaign.get("end_date")),
        data_end=data_end,
    )
    said = list(data.said)
    if straddling:
        said.append(warning("{count} rows cover days both inside and outside the reporting period and were left out, "
                            "since their figures cannot be split into days: row {rows}", count=len(straddling),
                            rows=", ".join(map(str, straddling[:8]))))
    if mapping is not None and given is None:
        said.append(warning("read with the column mapping saved for this brand"))
    planned = str(meta.get("currency") or "")
    if data.currency and planned and data.currency.upper() != planned.upper():
        said.append(warning("the data is in {currency} but the plan's budget is in {planned}; figures are shown in "
                            "{currency}, the data's own currency", currency=data.currency, planned=planned))
    if inputs.csv_text.strip() and inputs.csv_path.strip():
        said.append(warning("both an uploaded file and csv_path were given; the uploaded file was used"))
    # The campaign's language, the strategy's as execution's calendar carries it (English when unknown).
    language = language_of_inputs(meta.get("language"), []) if meta.get("language") else "en"
    # The data's warnings in the report's language (the import's, analytics', through the catalogues).
    warnings = [said_text(w, Sentences(language)) for w in said]
    facts: dict[str, Any] = {
        "language": language,
        "campaign_name": meta.get("campaign_name") or campaign.get("name") or tr(language, "the campaign"),
        "source": {
            "name": data.source,
            "rows": len(data.rows),
            "notes": data.notes,
            "ignored_columns": data.ignored_columns,
            "example_data": any(_EXAMPLE_MARK in note.lower() for note in data.notes),
        },
        "period": {
            "start": rows[0].date.isoformat(),
            "end": data_end.isoformat(),
            "rows": len(rows),
        },
        "filter": {"start": _iso(inputs.period_start), "end": _iso(inputs.period_end)},
        "currency": data.currency or meta.get("currency") or "",
        "has_conversions": data.has_conversions,
        "has_revenue": data.has_revenue,
        "unmeasured": unmeasured,
        **kpis,
        "targets": compared["targets"],
        "elapsed": compared["elapsed"],
        "warnings": warnings,
    }
    facts["kpi_table"] = _kpi_table(facts)
    return facts


def _chart_label(facts: dict[str, Any]) -> str:
    return _t(facts, _EXAMPLE_MARK) if facts["source"]["example_data"] else ""


def _chart_words(facts: dict[str, Any]) -> dict[str, str] | None:
    """The charts' titles, axes and platform names in the report's language (None in English)."""
    return chart_words(Sentences(_language(facts))) if _language(facts) != "en" else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _t(facts: dict[str, Any], english: str, **values: object) -> str:
    """``english`` in the report's language (the strategy's)."""
    return tr(str(facts.get("language") or "en"), english, **values)


def _example_banner(facts: dict[str, Any]) -> str:
    if not facts["source"]["example_data"]:
        return ""
    return "> " + _t(facts, "**Example data.** These figures come from {source}, example data shipped with AICMO "
                            "Workbench to show how the report works. They are not real campaign results.",
                     source=facts["source"]["name"])


def _report_markdown(
    output: MonitoringOutput, facts: dict[str, Any], table: str, charts: list[dict[str, str]] | None
) -> str:
    t = lambda english, **values: _t(facts, english, **values)
    source = facts["source"]
    platforms = ", ".join(platform_label(p["platform"], t) for p in facts["platforms"])
    chart_part = (
        "\n\n".join(f"![{c['title']}](chart:{c['name']})" for c in charts)
        if charts is not None
        else t(CHARTS_UNAVAILABLE)
    )
    insights = "\n".join(
        f"- {i.finding}" + (f" *({i.evidence})*" if i.evidence else "") for i in output.insights
    )
    lang = facts.get("language") or "en"
    # The shipped example file's own English note says what the banner above says in the report's language.
    notes = [note for note in source["notes"]
             if lang == "en" or not (source["example_data"] and _EXAMPLE_MARK in note.lower())]
    data_notes = [*(labelled(lang, t("Data note from the file"), note) for note in notes), *facts["warnings"]]
    if facts["filter"]["start"] or facts["filter"]["end"]:
        data_notes.append(t("Reporting period filter: {start} to {end}", start=facts["filter"]["start"] or t("first row"),
                            end=facts["filter"]["end"] or t("last row")))
    unmeasured = [t["metric"] for t in facts["targets"] if t["kpi"] is None]
    if unmeasured:
        data_notes.append(t("Targets not measured by this data: {metrics}", metrics=", ".join(unmeasured)))
    return "\n\n".join(
        part
        for part in [
            f"# {t('Performance report: {name}', name=facts['campaign_name'])}",
            _example_banner(facts),
            f"*{t('Source: {source} · platforms: {platforms}', source=source['name'], platforms=platforms)}*",
            f"**{output.headline}**",
            f"## {t('KPIs (computed from the data)')}\n\n{table}",
            f"## {t('Charts')}\n\n{chart_part}",
            f"## {t('Insights')}\n\n{insights}",
            f"## {t('Data notes')}\n\n{bullets(data_notes, empty=t('none'))}",
        ]
        if part
    )


def _recommendations_markdown(output: MonitoringOutput, facts: dict[str, Any]) -> str:
    t = lambda english, **values: _t(facts, english, **values)
    period = facts["period"]
    recs = "\n".join(
        f"{n}. **{r.action}** ({t(f'{r.priority} priority')})\n   {r.reason}"
        for n, r in enumerate(output.recommendations, 1)
    )
    return "\n\n".join(
        part
        for part in [
            f"# {t('Recommendations: {name}', name=facts['campaign_name'])}",
            _example_banner(facts),
            "*" + t("From the performance report for {start} to {end}; every figure is from its KPI table.",
                    start=period["start"], end=period["end"]) + "*",
            recs,
            f"## {t('What to watch next')}\n\n{bullets(output.watch_next)}" if output.watch_next else "",
        ]
        if part
    )


def _render(
    output: MonitoringOutput,
    inputs: MonitoringInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any],
) -> list[Deliverable]:
    if not facts.get("period"):
        raise NoDataError("no performance data: the monitoring facts are missing", field="facts")
    table = _kpi_table(facts)
    problems = narrative_problems(output, table, _language(facts))
    if problems:
        raise ContractViolation(_describe(problems), field=f"output.{problems[0][0]}")
    try:  # which charts, not their pictures: an export draws them (analytics.charts.stored_charts)
        charts: list[dict[str, str]] | None = chart_list(facts, label=_chart_label(facts), words=_chart_words(facts))
    except ImportError:
        charts = None
    shared = {
        "campaign_name": facts["campaign_name"],
        "period": dict(facts["period"]),
        "source": dict(facts["source"]),
        "example_data": facts["source"]["example_data"],
    }
    return [
        Deliverable(
            kind="performance_report",
            title=_t(facts, "Performance report: {name}", name=facts["campaign_name"]),
            content_markdown=_report_markdown(output, facts, table, charts),
            assets={"charts": charts or [],
                    "chart_data": chart_data(facts, label=_chart_label(facts), words=_chart_words(facts))},
            metadata={
                **shared,
                "currency": facts["currency"],
                "totals": facts["totals"],
                "platforms": facts["platforms"],
                "weeks": facts["weeks"],
                "targets": facts["targets"],
                "elapsed": facts["elapsed"],
                "warnings": facts["warnings"],
                "kpi_table": table,
                "headline": output.headline,
                "insights": [i.model_dump(mode="json") for i in output.insights],
            },
        ),
        Deliverable(
            kind="recommendations",
            title=_t(facts, "Recommendations: {name}", name=facts["campaign_name"]),
            content_markdown=_recommendations_markdown(output, facts),
            metadata={
                **shared,
                "recommendations": [r.model_dump(mode="json") for r in output.recommendations],
                "watch_next": list(output.watch_next),
            },
        ),
    ]


SPEC = FactBoundSpec(
    info=module_info("monitoring"),
    input_model=MonitoringInputs,
    output_model=MonitoringOutput,
    prompt_template="monitoring.v2.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_monitoring,
    max_output_tokens=6000,
    prepare=_prepare,
    bind_output=_bind_output,
)
