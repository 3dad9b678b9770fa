"""The registry of the nine modules (SPEC section 3): name, order, upstream dependencies.

The table below is the single source of module order and gating. Each module's implementation
(input model, output model, prompt, offline composer) lives in ``modules/<name>.py`` and is
imported only when first asked for, so reading the table stays cheap.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..errors import ModuleNotAvailableError, NotFoundError

__all__ = ["MODULES", "ModuleInfo", "downstream_of", "get_module", "module_info", "module_names"]


@dataclass(frozen=True)
class ModuleInfo:
    name: str
    order: int
    title: str
    upstream: tuple[str, ...]
    summary: str


MODULES: tuple[ModuleInfo, ...] = (
    ModuleInfo("intake", 1, "Client intake", (), "client summary, persona cards, brand voice guide"),
    ModuleInfo("strategy", 2, "Strategy", ("intake",), "eight-layer strategy document, messaging framework"),
    ModuleInfo("creatives", 3, "Creatives", ("strategy",), "platform-ready posts, emails, ads, scripts"),
    ModuleInfo("execution", 4, "Execution", ("strategy", "creatives"), "dated content calendar, UTM plan, governance"),
    ModuleInfo("monitoring", 5, "Monitoring", ("execution",), "KPIs from real performance data, insights"),
    ModuleInfo("leadgen", 6, "Lead generation", ("intake", "strategy"), "scored leads, outreach sequences"),
    ModuleInfo("autonomy", 7, "Autonomy", ("strategy",), "autonomy policy and guarded action plan"),
    ModuleInfo("delivery", 8, "Delivery", ("intake", "strategy", "creatives", "execution"), "client pack"),
    ModuleInfo("learn", 9, "Learn", (), "lessons, brand-memory rules, search over approved content"),
)
_BY_NAME = {info.name: info for info in MODULES}


def module_names() -> list[str]:
    return [info.name for info in MODULES]


def module_info(name: str) -> ModuleInfo:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise NotFoundError(
            f"unknown module {name!r}; choose one of {', '.join(module_names())}", field="module"
        ) from None


def downstream_of(name: str) -> list[str]:
    """Modules that list ``name`` as an upstream dependency, directly or transitively."""
    found: list[str] = []
    frontier = [name]
    while frontier:
        current = frontier.pop()
        for info in MODULES:
            if current in info.upstream and info.name not in found:
                found.append(info.name)
                frontier.append(info.name)
    return sorted(found, key=lambda n: _BY_NAME[n].order)


def get_module(name: str):
    """The module's implementation (a ``ModuleSpec``), importing it on first use."""
    info = module_info(name)
    try:
        mod = importlib.import_module(f".{info.name}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{info.name}":
            raise
        raise ModuleNotAvailableError(
            f"module {name!r} is not available yet in this version of AICMO Workbench", field="module"
        ) from None
    return mod.SPEC
