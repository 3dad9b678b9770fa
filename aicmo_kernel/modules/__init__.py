"""The modules: one package each (``modules/intake/`` ...), plus what they share.

Each package holds one module whole: its input and output models, its prompt template
(``<name>.v1.md``), its renderer and its ``SPEC`` (``__init__.py``), and its offline composer
(``composer.py``). What they share is here: the ``ModuleSpec`` framework (``base``), the field
types (``fields``) and their repairs (``normalise``), the prompt templates (``templates``) and the
composers' sentence helpers (``text``). Which modules exist, their order and upstream, is the
registry's (``aicmo_kernel.registry``), which every layer may read; a module's code is imported
only when first asked for (``get_module``).
"""

from __future__ import annotations

from typing import Any

from ..registry import ModuleInfo, all_modules, downstream_of, load_spec, module_info, module_names

__all__ = ["MODULES", "ModuleInfo", "all_modules", "downstream_of", "get_module", "module_info", "module_names"]


def get_module(name: str) -> Any:
    """The module's ``ModuleSpec``, importing its code on first use."""
    return load_spec(name)


def __getattr__(name: str) -> Any:
    if name == "MODULES":  # every module, plugins included, in order
        return all_modules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
