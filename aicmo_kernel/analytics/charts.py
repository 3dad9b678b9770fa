"""PNG charts of the monitoring facts, drawn with matplotlib's Agg canvas.

matplotlib is imported inside the drawing (it is heavy, and only monitoring needs it), and
figures are drawn on their own ``FigureCanvasAgg`` instead of through pyplot, so no global
backend or figure registry is touched from a notebook kernel. Fixed size and dpi, and no
"Software" or date metadata in the PNG, so the same facts give the same bytes.

Drawing takes about 300 ms of CPU, more than everything else a generation does, and most
reports are read in the review queue (which shows the text) long before, if ever, they are
exported. So a report stores which charts it has (``chart_list``: names and titles, no drawing)
and what they are drawn from (``chart_data``); an export draws them when it needs the pictures
(``stored_charts``), remembered by what they are drawn from, so a pack exported twice draws once.
Reports stored before this carry their PNGs and are used as they are.

A report in French, Spanish or German has its charts' titles, axes and platform names in its
language: the monitoring module passes them in (``chart_words``: analytics sits below the modules
and cannot read their catalogues), and they are stored with what the charts are drawn from, so an
export draws them in the same words. Without words the charts are the English ones they always were.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from .kpis import PLATFORM_LABELS, PLATFORM_WORDS, period_word, platform_label

__all__ = ["CHARTS_UNAVAILABLE", "CHART_SENTENCES", "chart_data", "chart_list", "chart_words", "performance_charts",
           "stored_charts"]

CHARTS_UNAVAILABLE = "Charts need matplotlib, which is not installed (pip install matplotlib)."
_SIZE = (7.0, 3.6)
_DPI = 100
_BAR = "#3B6EA8"
_LINE = "#D2691E"

# Drawn charts by what they are drawn from (``_key``); bounded, a few reports' worth.
_DRAWN_LIMIT = 16
_drawn: OrderedDict[str, list[dict[str, str]]] = OrderedDict()
_drawn_lock = threading.Lock()
# Every English text a chart shows (titles, axes, legend), each a catalogue key; platform names are
# ``PLATFORM_WORDS``' labels. The longer periods' titles are whole sentences, one per ``period_word``.
CHART_SENTENCES = (
    "Leads and spend per ISO week", "Leads per ISO week",
    *(f"Leads and spend per {word}" for word in ("month", "quarter", "period")),
    *(f"Leads per {word}" for word in ("month", "quarter", "period")),
    "CTR by platform", "CPL by platform", "Leads", "Spend", "CTR", "CPL",
)  # fmt: skip
ChartWords = Mapping[str, str]


def chart_words(say: Callable[[str], str]) -> dict[str, str]:
    """English chart text -> the report's language, for ``chart_data``/``chart_list``: ``say`` is the
    report's translator (``phrasebook.Sentences``). Only what differs from the English is kept."""
    english = dict.fromkeys([*CHART_SENTENCES, *(PLATFORM_LABELS[key] for key in PLATFORM_WORDS)])
    return {text: said for text in english if (said := say(text)) != text}


def _key(facts: dict[str, Any], label: str, words: ChartWords | None = None) -> str:
    # Exactly what the drawing reads.
    return json.dumps([facts.get("weeks"), facts.get("platforms"), facts.get("currency"), label,
                       facts.get("periods"), dict(words or {})], sort_keys=True, default=str)


def chart_data(facts: dict[str, Any], *, label: str = "", words: ChartWords | None = None) -> dict[str, Any]:
    """What the charts of ``facts`` are drawn from, as plain JSON (stored with a report): with the
    report's ``words`` (``chart_words``) when it is not in English."""
    data = {"weeks": facts.get("weeks") or [], "platforms": facts.get("platforms") or [],
            "currency": facts.get("currency") or "", "label": label}
    if facts.get("periods"):  # rows longer than a week (months): only then, so other reports keep their data
        data["periods"] = facts["periods"]
    if words:  # only then, so English reports keep their data
        data["words"] = dict(words)
    return json.loads(json.dumps(data, default=str))


def chart_list(facts: dict[str, Any], *, label: str = "", words: ChartWords | None = None) -> list[dict[str, str]]:
    """``[{"name", "title"}]`` of the charts ``performance_charts`` draws for ``facts``, without
    drawing them. Raises ImportError when matplotlib is missing, as drawing would."""
    if importlib.util.find_spec("matplotlib") is None:
        raise ImportError(CHARTS_UNAVAILABLE)
    return [{"name": name, "title": title} for name, title, _kind, _points in _plan(facts, label, words)]


def performance_charts(facts: dict[str, Any], *, label: str = "", words: ChartWords | None = None
                       ) -> list[dict[str, str]]:
    """``[{"name", "title", "png_base64"}]`` for the weekly leads and spend, CTR by platform and
    CPL by platform (a chart with nothing to plot is left out). ``label`` is appended to titles,
    e.g. "example data"; ``words`` (``chart_words``) put titles, axes and platform names in the
    report's language. Raises ImportError when matplotlib is missing. The same facts are drawn
    once and then remembered (the same bytes either way)."""
    key = _key(facts, label, words)
    with _drawn_lock:
        found = _drawn.get(key)
        if found is not None:
            _drawn.move_to_end(key)
            return [dict(chart) for chart in found]
    charts = _draw(facts, label, words)
    with _drawn_lock:
        _drawn[key] = charts
        while len(_drawn) > _DRAWN_LIMIT:
            _drawn.popitem(last=False)
    return [dict(chart) for chart in charts]


def stored_charts(assets: dict[str, Any] | None) -> list[Any]:
    """A stored report's ``assets["charts"]`` with their PNGs: as stored when they carry them
    (reports from before charts were drawn on demand), else drawn from ``assets["chart_data"]``
    (none without matplotlib: the export then shows the charts' titles only)."""
    charts = list((assets or {}).get("charts") or [])
    data = (assets or {}).get("chart_data")
    if not isinstance(data, dict) or all(not isinstance(c, dict) or "png_base64" in c for c in charts):
        return charts
    try:
        words = data.get("words") if isinstance(data.get("words"), dict) else None
        drawn = {c["name"]: c for c in performance_charts(data, label=str(data.get("label") or ""), words=words)}
    except ImportError:
        return charts
    return [drawn.get(c.get("name"), c) if isinstance(c, dict) and "png_base64" not in c else c for c in charts]


def _say(words: ChartWords | None) -> Callable[[str], str]:
    return lambda english: str((words or {}).get(english) or english)


def _plan(facts: dict[str, Any], label: str, words: ChartWords | None = None) -> list[tuple[str, str, str, Any]]:
    """(name, title, what is drawn, its points) for each chart the facts give."""
    say = _say(words)
    suffix = f" ({label})" if label else ""
    currency = str(facts.get("currency") or "")
    money = f" ({currency})" if currency else ""
    plan: list[tuple[str, str, str, Any]] = []
    weeks = facts.get("weeks") or []
    if weeks:
        with_spend = all(w["spend"] is not None for w in weeks)  # no spend line where the data has none
        title = say("Leads and spend per ISO week" if with_spend else "Leads per ISO week") + suffix
        plan.append(("leads_spend_weekly", title, say("Spend") + money if with_spend else "", weeks))
    periods = facts.get("periods") or []
    if periods:
        with_spend = all(p["spend"] is not None for p in periods)
        word = period_word(periods)
        title = say(f"Leads and spend per {word}" if with_spend else f"Leads per {word}") + suffix
        plan.append(("leads_spend_periods", title, say("Spend") + money if with_spend else "", periods))
    for key, name, kpi, unit in (
        ("ctr", "ctr_by_platform", "CTR", " (%)"),
        ("cpl", "cpl_by_platform", "CPL", money),
    ):
        points = [
            (platform_label(p["platform"], say), p[key])
            for p in facts.get("platforms") or []
            if p.get(key) is not None
        ]
        if points:
            plan.append((name, say(f"{kpi} by platform") + suffix, say(kpi) + unit, points))
    return plan


def _draw(facts: dict[str, Any], label: str, words: ChartWords | None = None) -> list[dict[str, str]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    charts: list[dict[str, str]] = []

    def save(name: str, title: str, figure: Any) -> None:
        FigureCanvasAgg(figure)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
        charts.append(
            {
                "name": name,
                "title": title,
                "png_base64": base64.b64encode(buffer.getvalue()).decode("ascii"),
            }
        )

    leads = _say(words)("Leads")
    for name, title, what, points in _plan(facts, label, words):
        figure = Figure(figsize=_SIZE, dpi=_DPI)
        axes = figure.add_subplot()
        if name in ("leads_spend_weekly", "leads_spend_periods"):
            labels = [w.get("week") or w["period"] for w in points]
            axes.bar(labels, [w["leads"] for w in points], color=_BAR, label=leads)
            axes.set_ylabel(leads)
            if what:  # the spend line, where the data has spend
                twin = axes.twinx()
                twin.plot(labels, [w["spend"] for w in points], color=_LINE, marker="o", label=what)
                twin.set_ylabel(what)
                twin.set_ylim(bottom=0)
            axes.set_title(title)
            axes.tick_params(axis="x", labelrotation=30)
        else:
            axes.bar([p for p, _ in points], [v for _, v in points], color=_BAR)
            axes.set_ylabel(what)
            axes.set_title(title)
        save(name, title, figure)
    return charts
