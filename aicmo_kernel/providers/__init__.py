"""Language-model providers behind one small Protocol (see ``base``), one file per backend.

``build_chain()`` is the usual entry point: the providers configured by the environment, in
order, wrapped in a ``ProviderChain`` that retries and falls back (see ``chain``). Names resolve
lazily so that importing this package does not import any SDK.
"""

from __future__ import annotations

import importlib
from typing import Any

# public name -> submodule that defines it
_LAZY = {
    "Attempt": "base",
    "CancelToken": "base",
    "LLMRequest": "base",
    "LLMResult": "base",
    "Progress": "base",
    "ProgressCallback": "base",
    "Provider": "base",
    "ProviderChain": "chain",
    "build_chain": "chain",
    "repair_request": "chain",
    "OpenAIProvider": "openai",
    "AnthropicProvider": "anthropic",
    "OfflineProvider": "offline",
    "Price": "pricing",
    "cost_of": "pricing",
    "parse_json_answer": "_parse",
    "rehearse_calls": "rehearsal",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    submodule = _LAZY.get(name)
    if submodule is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{submodule}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
