"""aicmo_kernel: the helper package behind the AICMO Workbench notebooks, dashboards and CLI.

Importing it is cheap: the SDKs, SQLAlchemy and the widget libraries load only when first used.
The names below resolve lazily on first access.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing and importlib cost every ``aicmo`` launch a few milliseconds
    from typing import Any

__version__ = "0.1.0"

# public name -> submodule that defines it
_LAZY = {
    "Settings": "config",
    "DeliverablesEnvelope": "schemas",
    "Deliverable": "schemas",
    "ResponseMeta": "schemas",
    "ResponseError": "schemas",
    "validate_deliverables_envelope": "schemas",
    "create_success_envelope": "schemas",
    "create_failed_envelope": "schemas",
    "Workspace": "store",
    "generate": "generation",
    "MODULES": "modules",
    "get_module": "modules",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    submodule = _LAZY.get(name)
    if submodule is None:
        raise AttributeError(f"module 'aicmo_kernel' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{submodule}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
