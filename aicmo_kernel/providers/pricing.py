"""Cost of a call, and each model's context window.

Prices come from two places, in this order:

1. The user's price file, ``$AICMO_PRICES_FILE`` or else ``$AICMO_HOME/prices.json``; it always
   wins, so a price that changed or a model of one's own can be set without waiting for a release::

       {
         "gpt-4o-mini":  {"input": 0.15, "output": 0.60},
         "llama3.1:8b":  {"input": 0.0,  "output": 0.0, "context_window": 131072}
       }

   USD per million tokens; ``cache_read`` (default a tenth of ``input``), ``cache_write``
   (default 1.25x ``input``) and ``context_window`` (tokens) are optional. A dated model
   (``gpt-4o-mini-2024-07-18``) uses the longest listed name it starts with.
2. ``genai-prices``, the price database the pydantic team maintains, from the snapshot bundled
   with the installed package: nothing is fetched at run time (``pip install -U genai-prices``
   brings newer prices). It knows dated names, tiers, cache prices and batch prices.

Local servers (offline, OpenAI-compatible) cost nothing unless the price file prices them: no
list price applies to one's own hardware. A paid provider's model found in neither place has an
**unknown** cost, ``None``, never 0.0 or a guess; the result carries a warning that says how to add
its price. A call that used no tokens costs 0.0 whatever its model.

Batch calls (OpenAI Batch, Anthropic Message Batches) cost what the database lists for batch
processing, half the synchronous price for both providers; a price from the user's file is halved.
Input tokens are counted the OpenAI way, cached ones included: ``cache_read`` and ``cache_write``
say how many of ``tokens_in`` were read from or written to the provider's prompt cache.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from ..config import bad_value, default_home

__all__ = [
    "BATCH_FACTOR",
    "LOCAL_PROVIDERS",
    "Price",
    "add_costs",
    "context_window",
    "cost_of",
    "format_cost",
    "load_prices",
    "price_for",
    "prices_path",
    "unknown_price_hint",
]


@dataclass(frozen=True)
class Price:
    """USD per million tokens for one model."""

    input_per_million: float
    output_per_million: float
    cache_read_per_million: float | None = None  # None: a tenth of input
    cache_write_per_million: float | None = None  # None: 1.25x input (Anthropic's 5-minute cache)
    context_window: int | None = None
    source: str = "prices.json"

    def cost(self, tokens_in: int, tokens_out: int, *, cache_read: int = 0, cache_write: int = 0,
             batch: bool = False) -> float:
        read = self.cache_read_per_million
        write = self.cache_write_per_million
        read = self.input_per_million / 10 if read is None else read
        write = self.input_per_million * 1.25 if write is None else write
        plain = max(0, tokens_in - cache_read - cache_write)
        usd = (plain * self.input_per_million + cache_read * read + cache_write * write
               + tokens_out * self.output_per_million) / 1_000_000
        return usd * (BATCH_FACTOR if batch else 1.0)


# Providers that run on the user's own machine or server: no list price applies to them.
LOCAL_PROVIDERS = ("offline", "openai-compatible")
# Both providers' batch APIs bill half the synchronous price (used for prices from the user's file).
BATCH_FACTOR = 0.5
PRICES_VARIABLE = "AICMO_PRICES_FILE"
# Our provider names -> genai-prices provider ids.
_DATABASE_PROVIDERS = {"openai": "openai", "anthropic": "anthropic"}


def prices_path() -> Path:
    raw = os.environ.get(PRICES_VARIABLE, "").strip()
    return Path(raw).expanduser() if raw else default_home() / "prices.json"


def unknown_price_hint(model: str) -> str:
    """What to do about a model whose price is unknown: the file and the line to add."""
    return (
        f"no price known for model {model}: its cost is unknown; add it to {prices_path()} as "
        f'{{"{model}": {{"input": USD_PER_MILLION, "output": USD_PER_MILLION}}}} '
        "or upgrade genai-prices"
    )


_FILE_CACHE: dict[Path, tuple[tuple[float, int], tuple[dict[str, Price], list[str]]]] = {}
_FILE_LOCK = threading.Lock()


def load_prices(path: Path | None = None) -> tuple[dict[str, Price], list[str]]:
    """The user's price file as a table, plus warnings if it could not be read (never raises).

    No file at ``$AICMO_HOME/prices.json`` is normal; no file where ``AICMO_PRICES_FILE`` points
    is a mistake, so it is a warning naming the variable. The file is read again only when it
    changes (size or modification time), not on every call."""
    explicit = path is None and bool(os.environ.get(PRICES_VARIABLE, "").strip())
    path = path or prices_path()
    where = f"{PRICES_VARIABLE} ({path})" if explicit else str(path)
    try:
        stat = path.stat()
    except OSError:
        if explicit:
            return {}, [bad_value(PRICES_VARIABLE, str(path), "no such file; the database's prices apply")]
        return {}, []
    stamp = (stat.st_mtime, stat.st_size)
    with _FILE_LOCK:
        cached = _FILE_CACHE.get(path)
        if cached is not None and cached[0] == stamp:
            table, warnings = cached[1]
            return table, list(warnings)
    loaded = _read_prices(path, where)
    with _FILE_LOCK:
        if len(_FILE_CACHE) > 32:
            _FILE_CACHE.clear()
        _FILE_CACHE[path] = (stamp, loaded)
    return loaded[0], list(loaded[1])


def _read_prices(path: Path, where: str) -> tuple[dict[str, Price], list[str]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("the top level must be an object of model names")
        table = {str(model): _entry(entry) for model, entry in raw.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return {}, [
            f'{where} could not be read ({exc}); each entry needs "input" and "output", '
            "numbers of USD per million tokens, 0 or more"
        ]
    return table, []


def _entry(entry: dict[str, Any]) -> Price:
    window = entry.get("context_window")
    if window is not None and (not isinstance(window, int) or window < 1):
        raise ValueError(f"context_window is {window!r}, not a whole number of tokens")
    return Price(
        _number(entry, "input"),
        _number(entry, "output"),
        _number(entry, "cache_read") if "cache_read" in entry else None,
        _number(entry, "cache_write") if "cache_write" in entry else None,
        context_window=window,
    )


def _number(entry: dict[str, Any], side: str) -> float:
    value = float(entry[side])
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{side} is {value!r}")
    return value


def _match(table: dict[str, Price], model: str) -> Price | None:
    if model in table:
        return table[model]
    prefixes = [name for name in table if model.startswith(name + "-")]
    return table[max(prefixes, key=len)] if prefixes else None


def _database_model(provider: str, model: str) -> tuple[Any, Any] | None:
    """genai-prices' (provider, model info) for ``model``, or None. Imported on first use: the
    database is a large module, and ``import aicmo_kernel`` stays fast."""
    provider_id = _DATABASE_PROVIDERS.get(provider)
    if provider_id is None or not model:
        return None
    try:
        from genai_prices.data_snapshot import get_snapshot
    except ImportError:  # the dependency is declared; a broken install only loses the database
        return None
    try:
        return get_snapshot().find_provider_model(model, None, provider_id, None)
    except LookupError:
        return None


def _database_cost(found: tuple[Any, Any], tokens_in: int, tokens_out: int, cache_read: int,
                   cache_write: int, batch: bool) -> float:
    from genai_prices import Usage

    database_provider, info = found
    usage = Usage(input_tokens=tokens_in, output_tokens=tokens_out,
                  cache_read_tokens=cache_read or None, cache_write_tokens=cache_write or None)
    sync = float(info.calc_price(usage, database_provider).total_price)
    if not batch:
        return sync
    batched = float(info.calc_price(usage, database_provider, price_context={"processing": "batch"}).total_price)
    # A model the database lists without a batch price: both providers bill batches at half.
    return batched if batched < sync else sync * BATCH_FACTOR


def price_for(provider: str, model: str) -> tuple[Price | None, list[str]]:
    """The synchronous price of ``model`` (user's file first, then the database), or None.

    For a local provider found in neither place the price is zero, not None."""
    user, warnings = load_prices()
    price = _match(user, model)
    if price is not None:
        return price, warnings
    if provider in LOCAL_PROVIDERS:
        return Price(0.0, 0.0, 0.0, 0.0, source="local"), warnings
    found = _database_model(provider, model)
    if found is None:
        return None, warnings
    from datetime import datetime

    import genai_prices

    listed = found[1].get_prices(datetime.now(UTC))
    return Price(
        _per_million(listed, "input_mtok"),
        _per_million(listed, "output_mtok"),
        _per_million(listed, "cache_read_mtok", None),
        _per_million(listed, "cache_write_mtok", None),
        context_window=found[1].context_window,
        source=f"genai-prices {genai_prices.__version__}",
    ), warnings


def _per_million(listed: Any, key: str, default: float | None = 0.0) -> float | None:
    value = getattr(listed, key, None)
    if value is None:
        return default
    base = getattr(value, "base", value)  # tiered prices: the first tier
    return float(base)


def cost_of(
    provider: str,
    model: str,
    tokens_in: int,
    tokens_out: int,
    *,
    cache_read: int = 0,
    cache_write: int = 0,
    batch: bool = False,
) -> tuple[float | None, list[str]]:
    """USD cost of one call (None when unknown) and any warnings for the result."""
    user, warnings = load_prices()
    price = _match(user, model)
    if price is not None:
        cost: float | None = price.cost(tokens_in, tokens_out, cache_read=cache_read,
                                        cache_write=cache_write, batch=batch)
    elif provider in LOCAL_PROVIDERS or not (tokens_in or tokens_out):
        cost = 0.0
    else:
        found = _database_model(provider, model)
        if found is None:
            warnings.append(unknown_price_hint(model))
            return None, warnings
        cost = _database_cost(found, tokens_in, tokens_out, cache_read, cache_write, batch)
    return round(cost, 8), warnings


def context_window(provider: str, model: str) -> int | None:
    """The most input tokens ``model`` takes (user's file, then the database), or None if unknown."""
    user, _ = load_prices()
    price = _match(user, model)
    if price is not None and price.context_window:
        return price.context_window
    found = _database_model(provider, model)
    return found[1].context_window if found is not None else None


def add_costs(costs: Iterable[float | None]) -> float | None:
    """The sum of ``costs``, or None when any of them is unknown: a total is never a guess."""
    total = 0.0
    for cost in costs:
        if cost is None:
            return None
        total += cost
    return round(total, 8)


def format_cost(cost: float | None, *, digits: int = 4) -> str:
    """``$0.0123``, or ``unknown`` for an unpriced model (never ``$0``)."""
    return "unknown" if cost is None else f"${cost:.{digits}f}"
