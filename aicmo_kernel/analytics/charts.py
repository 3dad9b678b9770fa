"""PNG charts of the monitoring facts, drawn with matplotlib's Agg canvas.

matplotlib is imported inside the drawing (it is heavy, and only monitoring needs it), and
figures are drawn on their own ``FigureCanvasAgg`` instead of through pyplot, so no global
backend or figure registry is touched from a notebook kernel. Fixed size and dpi, and no
"Software" or date metadata in the PNG, so the same facts give the same bytes.

Drawing takes about 300 ms of CPU, and the charts depend only on the facts, which exist before
the model is called. So monitoring calls ``draw_ahead`` once the facts are computed: a background
thread draws while the generation waits for the model, and ``performance_charts`` with the same
facts then takes the finished charts instead of drawing them on the run's critical path.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from .kpis import platform_label

__all__ = ["CHARTS_UNAVAILABLE", "draw_ahead", "performance_charts"]

CHARTS_UNAVAILABLE = "Charts need matplotlib, which is not installed (pip install matplotlib)."
_SIZE = (7.0, 3.6)
_DPI = 100
_BAR = "#3B6EA8"
_LINE = "#D2691E"


# Charts being drawn ahead, by what they are drawn from. Bounded: a generation whose model call
# fails never asks for its charts.
_AHEAD_LIMIT = 8
_ahead: OrderedDict[str, Future[list[dict[str, str]]]] = OrderedDict()
_ahead_lock = threading.Lock()
_drawer: ThreadPoolExecutor | None = None


def _key(facts: dict[str, Any], label: str) -> str:
    # Exactly what the drawing reads.
    return json.dumps([facts.get("weeks"), facts.get("platforms"), facts.get("currency"), label],
                      sort_keys=True, default=str)


def draw_ahead(facts: dict[str, Any], *, label: str = "") -> None:
    """Start drawing the charts of ``facts`` in a background thread (no-op without matplotlib);
    ``performance_charts(facts, label=label)`` will take them."""
    global _drawer
    if importlib.util.find_spec("matplotlib") is None:
        return
    key = _key(facts, label)
    with _ahead_lock:
        if key in _ahead:
            return
        if _drawer is None:
            _drawer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aicmo-charts")
        _ahead[key] = _drawer.submit(_draw, json.loads(json.dumps(facts, default=str)), label)
        while len(_ahead) > _AHEAD_LIMIT:
            _ahead.popitem(last=False)[1].cancel()


def performance_charts(facts: dict[str, Any], *, label: str = "") -> list[dict[str, str]]:
    """``[{"name", "title", "png_base64"}]`` for the weekly leads and spend, CTR by platform and
    CPL by platform (a chart with nothing to plot is left out). ``label`` is appended to titles,
    e.g. "example data". Raises ImportError when matplotlib is missing.

    Charts drawn ahead for the same facts are taken; ones still queued behind another
    campaign's are cancelled and drawn here, so no caller waits on someone else's charts."""
    with _ahead_lock:
        ahead = _ahead.pop(_key(facts, label), None)
    if ahead is not None and not ahead.cancel():
        return ahead.result()
    return _draw(facts, label)


def _draw(facts: dict[str, Any], label: str) -> list[dict[str, str]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    suffix = f" ({label})" if label else ""
    currency = str(facts.get("currency") or "")
    money = f" ({currency})" if currency else ""
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

    weeks = facts.get("weeks") or []
    if weeks:
        title = f"Leads and spend per ISO week{suffix}"
        figure = Figure(figsize=_SIZE, dpi=_DPI)
        axes = figure.add_subplot()
        labels = [w["week"] for w in weeks]
        axes.bar(labels, [w["leads"] for w in weeks], color=_BAR, label="Leads")
        axes.set_ylabel("Leads")
        if all(w["spend"] is not None for w in weeks):  # no spend line where the data has none
            twin = axes.twinx()
            twin.plot(
                labels, [w["spend"] for w in weeks], color=_LINE, marker="o", label=f"Spend{money}"
            )
            twin.set_ylabel(f"Spend{money}")
            twin.set_ylim(bottom=0)
        else:
            title = f"Leads per ISO week{suffix}"
        axes.set_title(title)
        axes.tick_params(axis="x", labelrotation=30)
        save("leads_spend_weekly", title, figure)

    for key, name, what in (
        ("ctr", "ctr_by_platform", "CTR (%)"),
        ("cpl", "cpl_by_platform", f"CPL{money}"),
    ):
        points = [
            (platform_label(p["platform"]), p[key])
            for p in facts.get("platforms") or []
            if p.get(key) is not None
        ]
        if not points:
            continue
        title = f"{what.split(' (')[0]} by platform{suffix}"
        figure = Figure(figsize=_SIZE, dpi=_DPI)
        axes = figure.add_subplot()
        axes.bar([p for p, _ in points], [v for _, v in points], color=_BAR)
        axes.set_ylabel(what)
        axes.set_title(title)
        save(name, title, figure)
    return charts
