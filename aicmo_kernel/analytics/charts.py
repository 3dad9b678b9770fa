"""PNG charts of the monitoring facts, drawn with matplotlib's Agg canvas.

matplotlib is imported inside ``performance_charts`` (it is heavy, and only monitoring needs it),
and figures are drawn on their own ``FigureCanvasAgg`` instead of through pyplot, so no global
backend or figure registry is touched from a notebook kernel. Fixed size and dpi, and no
"Software" or date metadata in the PNG, so the same facts give the same bytes.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from .kpis import platform_label

__all__ = ["CHARTS_UNAVAILABLE", "performance_charts"]

CHARTS_UNAVAILABLE = "Charts need matplotlib, which is not installed (pip install matplotlib)."
_SIZE = (7.0, 3.6)
_DPI = 100
_BAR = "#3B6EA8"
_LINE = "#D2691E"


def performance_charts(facts: dict[str, Any], *, label: str = "") -> list[dict[str, str]]:
    """``[{"name", "title", "png_base64"}]`` for the weekly leads and spend, CTR by platform and
    CPL by platform (a chart with nothing to plot is left out). ``label`` is appended to titles,
    e.g. "example data". Raises ImportError when matplotlib is missing."""
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
        twin = axes.twinx()
        twin.plot(
            labels, [w["spend"] for w in weeks], color=_LINE, marker="o", label=f"Spend{money}"
        )
        twin.set_ylabel(f"Spend{money}")
        twin.set_ylim(bottom=0)
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
