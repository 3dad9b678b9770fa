"""Cost of a call: USD per one million input and output tokens, per model.

The built-in table holds list prices at the time of writing; they change, so users override or
extend them with a JSON file, ``$AICMO_PRICES_FILE`` or else ``$AICMO_HOME/prices.json``::

    {
      "gpt-4o-mini":  {"input": 0.15, "output": 0.60},
      "llama3.1:8b":  {"input": 0.0,  "output": 0.0}
    }

Keys are model names; a dated model (``gpt-4o-mini-2024-07-18``) uses the longest listed name it
starts with. Local servers (offline, OpenAI-compatible) cost nothing unless the file prices them,
and pay no attention to the built-in list. An unknown model costs 0.0 and the result carries a
warning saying where to set its price. A price file that cannot be used (``AICMO_PRICES_FILE``
naming no file, bad JSON, a price that is not a number of at least 0) is never fatal: the
built-in prices apply and the result carries a warning naming the file (and the variable).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from ..config import bad_value, default_home

__all__ = ["DEFAULT_PRICES", "LOCAL_PROVIDERS", "Price", "cost_of", "load_prices", "prices_path"]


@dataclass(frozen=True)
class Price:
    input_per_million: float
    output_per_million: float


# List prices (USD / 1M tokens) to be overridden in prices.json when they change.
DEFAULT_PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "claude-sonnet-4-6": Price(3.00, 15.00),
    "claude-sonnet-4-5": Price(3.00, 15.00),
    "claude-haiku-4-5": Price(1.00, 5.00),
}

# Providers that run on the user's own machine or server: no list price applies to them.
LOCAL_PROVIDERS = ("offline", "openai-compatible")


PRICES_VARIABLE = "AICMO_PRICES_FILE"


def prices_path() -> Path:
    raw = os.environ.get(PRICES_VARIABLE, "").strip()
    return Path(raw).expanduser() if raw else default_home() / "prices.json"


def load_prices(path: Path | None = None) -> tuple[dict[str, Price], list[str]]:
    """The user's price file as a table, plus warnings if it could not be read (never raises).

    No file at ``$AICMO_HOME/prices.json`` is normal; no file where ``AICMO_PRICES_FILE`` points
    is a mistake, so it is a warning naming the variable."""
    explicit = path is None and bool(os.environ.get(PRICES_VARIABLE, "").strip())
    path = path or prices_path()
    where = f"{PRICES_VARIABLE} ({path})" if explicit else str(path)
    if not path.is_file():
        if explicit:
            return {}, [bad_value(PRICES_VARIABLE, str(path), "no such file; the built-in prices apply")]
        return {}, []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("the top level must be an object of model names")
        table = {str(model): Price(_price(entry, "input"), _price(entry, "output")) for model, entry in raw.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return {}, [
            f'{where} could not be read ({exc}); each entry needs "input" and "output", '
            "numbers of USD per million tokens, 0 or more"
        ]
    return table, []


def _price(entry: dict[str, object], side: str) -> float:
    value = float(entry[side])  # type: ignore[arg-type]
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{side} is {value!r}")
    return value


def _match(table: dict[str, Price], model: str) -> Price | None:
    if model in table:
        return table[model]
    prefixes = [name for name in table if model.startswith(name + "-")]
    return table[max(prefixes, key=len)] if prefixes else None


def cost_of(provider: str, model: str, tokens_in: int, tokens_out: int) -> tuple[float, list[str]]:
    """USD cost of one call and any warnings for the result."""
    user, warnings = load_prices()
    price = _match(user, model)
    if price is None and provider not in LOCAL_PROVIDERS:
        price = _match(DEFAULT_PRICES, model)
        if price is None:
            warnings.append(
                f"no price known for model {model}; set it in prices.json ({prices_path()})"
            )
    if price is None:
        return 0.0, warnings
    cost = (tokens_in * price.input_per_million + tokens_out * price.output_per_million) / 1_000_000
    return round(cost, 8), warnings
