"""Which modules exist, in what order, what each waits for, and where each one's code lives.

The nine built-in modules are listed here; modules from other packages join them through the
``aicmo.modules`` entry point group (``docs/plugins.md``), the way pytest and llm take plugins:
an entry point names a ``ModuleInfo`` object, whose ``spec`` says where the module's
``ModuleSpec`` is, imported only when the module is first used. So reading the list stays cheap,
and every layer may read it: this file imports nothing of the package but ``errors``.

A plugin that cannot be used (it fails to load, repeats a name or an order, or waits for a module
that does not exist) is left out with a warning naming it; the built-in modules go on working.
"""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

from .errors import ModuleNotAvailableError, NotFoundError

__all__ = [
    "BUILT_IN",
    "ENTRY_POINT_GROUP",
    "ModuleInfo",
    "all_modules",
    "downstream_of",
    "load_spec",
    "module_info",
    "module_names",
    "refresh",
]

ENTRY_POINT_GROUP = "aicmo.modules"


@dataclass(frozen=True)
class ModuleInfo:
    """One module: ``upstream`` modules must be approved before it runs (empty: none, except
    for ``learn``, which reads the whole campaign). ``reads``: modules whose approved output it
    uses when there is one, without waiting for it at its gate (autonomy plans with monitoring's
    KPIs when there is a report); a run starts it after those have ended, approved or stopped, so
    what it reads is there. ``spec`` is ``"package.module:NAME"`` of its ``ModuleSpec``; empty
    means the built-in ``aicmo_kernel.modules.<name>:SPEC``."""

    name: str
    order: int
    title: str
    upstream: tuple[str, ...]
    summary: str
    spec: str = ""
    reads: tuple[str, ...] = ()

    @property
    def spec_path(self) -> str:
        return self.spec or f"aicmo_kernel.modules.{self.name}:SPEC"


BUILT_IN: tuple[ModuleInfo, ...] = (
    ModuleInfo("intake", 1, "Client intake", (), "client summary, persona cards, brand voice guide"),
    ModuleInfo("strategy", 2, "Strategy", ("intake",), "eight-layer strategy document, messaging framework"),
    ModuleInfo("creatives", 3, "Creatives", ("strategy",), "platform-ready posts, emails, ads, scripts"),
    ModuleInfo("execution", 4, "Execution", ("strategy", "creatives"), "dated content calendar, UTM plan, governance"),
    ModuleInfo("monitoring", 5, "Monitoring", ("execution",), "KPIs from real performance data, insights"),
    ModuleInfo("leadgen", 6, "Lead generation", ("intake", "strategy"), "scored leads, outreach sequences"),
    ModuleInfo("autonomy", 7, "Autonomy", ("strategy",), "autonomy policy and guarded action plan",
               reads=("monitoring",)),
    ModuleInfo("delivery", 8, "Delivery", ("intake", "strategy", "creatives", "execution"), "client pack"),
    ModuleInfo("learn", 9, "Learn", (), "lessons, brand-memory rules, search over approved content"),
)


@cache
def all_modules() -> tuple[ModuleInfo, ...]:
    """The built-in modules and the usable plugins, in order."""
    found = list(BUILT_IN)
    for info in _plugins():
        problem = _plugin_problem(info, found)
        if problem:
            warnings.warn(f"aicmo module plugin {info.name!r} is left out: {problem}", stacklevel=2)
            continue
        found.append(info)
    return tuple(sorted(found, key=lambda info: info.order))


def refresh() -> None:
    """Forget the module list, so plugins installed since are found (tests, long-lived kernels)."""
    all_modules.cache_clear()
    _by_name.cache_clear()


def _plugins() -> list[ModuleInfo]:
    from importlib.metadata import entry_points

    plugins = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            info = point.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not take the built-ins down
            warnings.warn(f"aicmo module plugin {point.name!r} ({point.value}) failed to load: "
                          f"{type(exc).__name__}: {exc}", stacklevel=3)
            continue
        if not isinstance(info, ModuleInfo):
            warnings.warn(f"aicmo module plugin {point.name!r} ({point.value}) is not an "
                          "aicmo_kernel.registry.ModuleInfo", stacklevel=3)
            continue
        plugins.append(info)
    return plugins


def _plugin_problem(info: ModuleInfo, known: list[ModuleInfo]) -> str | None:
    names = {m.name for m in known}
    if info.name in names:
        return "a module of that name exists already"
    if any(m.order == info.order for m in known):
        return f"order {info.order} is taken"
    missing = [up for up in (*info.upstream, *info.reads) if up not in names]
    if missing:
        return f"it waits for {', '.join(missing)}, which no module provides"
    if not info.spec:
        return "its ModuleInfo names no spec ('package.module:NAME')"
    return None


@cache
def _by_name() -> dict[str, ModuleInfo]:
    return {info.name: info for info in all_modules()}


def module_names() -> list[str]:
    return [info.name for info in all_modules()]


def module_info(name: str) -> ModuleInfo:
    try:
        return _by_name()[name]
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
        for info in all_modules():
            if current in info.upstream and info.name not in found:
                found.append(info.name)
                frontier.append(info.name)
    order = _by_name()
    return sorted(found, key=lambda n: order[n].order)


def load_spec(name: str) -> Any:
    """The module's ``ModuleSpec``, importing its code on first use."""
    info = module_info(name)
    module_path, _, attribute = info.spec_path.partition(":")
    try:
        code = importlib.import_module(module_path)
    except ModuleNotFoundError as exc:
        if exc.name is None or not module_path.startswith(exc.name):
            raise
        raise ModuleNotAvailableError(
            f"module {name!r} is not available: {module_path} cannot be imported", field="module"
        ) from None
    try:
        return getattr(code, attribute or "SPEC")
    except AttributeError:
        raise ModuleNotAvailableError(
            f"module {name!r} is not available: {module_path} has no {attribute or 'SPEC'}", field="module"
        ) from None
