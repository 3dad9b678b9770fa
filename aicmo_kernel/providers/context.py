"""A context budget: how many tokens a prompt may take, condensing upstream to fit, and refusing
a prompt that cannot fit before it is sent.

Every module's prompt carries its approved upstream deliverables, and a long calendar upstream
makes a prompt of ~190,000 characters. Most modules do not need such upstream in full, so
``fit_upstream`` condenses it by code, never by a model, in steps that lose the least first:

1. Markdown tables longer than ``_KEEP_ROWS`` rows keep their header and first rows, and say how
   many rows follow (and the range of the first column: dates, usually).
2. Bullet and numbered lists longer than ``_KEEP_ITEMS`` items keep the first items and count the rest.
3. Lists in structured metadata keep their first items and count the rest.
4. If that is still over the budget, each deliverable's text is cut to an equal share of what is
   left, marked with how much was left out.

The result has the same shape as the upstream it was given, so the prompt builder renders it as
before. ``fit_json`` does the same for a module's facts (delivery carries every approved
deliverable there rather than as upstream); the budget applies to each block. ``check_fits`` compares a request's estimated tokens (system, prompt, schema, and the
output it may write) with the model's context window from the price table
(``providers.pricing.context_window``) and raises ``PromptTooLong`` with the numbers, so the call
is never sent; the chain then tries its next provider, whose window may be larger.
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import Any

from ..config import bad_value
from ..errors import ProviderError, ValidationError
from .base import LLMRequest
from .pricing import context_window

__all__ = [
    "BUDGET_VARIABLE",
    "DEFAULT_BUDGETS",
    "PromptTooLong",
    "check_fits",
    "condense_text",
    "context_budget",
    "estimate_tokens",
    "fit_json",
    "fit_upstream",
    "prompt_json",
    "request_tokens",
]

# English prose averages about four characters a token in every current tokenizer; JSON and
# Markdown tables run shorter. 3.5 keeps the estimate on the safe side.
_CHARS_PER_TOKEN = 3.5
_KEEP_ROWS = 12
_KEEP_ITEMS = 15
_KEEP_METADATA_ITEMS = 10
BUDGET_VARIABLE = "AICMO_CONTEXT_BUDGET"
# Tokens of upstream (rendered) a module's prompt may carry. Modules that summarise many upstream
# deliverables (monitoring, delivery, learn) read them for facts the code already computed, so a
# condensed view is enough; the rest get room for their upstream in full as it usually is.
DEFAULT_BUDGETS: dict[str, int] = {
    "intake": 8_000,
    "strategy": 16_000,
    "creatives": 24_000,
    "execution": 24_000,
    "monitoring": 12_000,
    "leadgen": 16_000,
    "autonomy": 16_000,
    "delivery": 16_000,
    "learn": 16_000,
}
_DEFAULT_BUDGET = 16_000


class PromptTooLong(ProviderError):
    """The prompt and the answer it may need do not fit the model's context window."""

    error_type = "VALIDATION_ERROR"
    retryable = False


def estimate_tokens(text: str) -> int:
    """Tokens ``text`` takes, estimated from above (no tokenizer is downloaded at run time)."""
    return math.ceil(len(text) / _CHARS_PER_TOKEN)


def request_tokens(request: LLMRequest) -> int:
    """Input tokens of ``request``: system, prompt and the output schema the API also sends."""
    schema = json.dumps(request.output_schema, separators=(",", ":")) if request.output_schema else ""
    return estimate_tokens(request.system) + estimate_tokens(request.prompt) + estimate_tokens(schema)


def check_fits(provider: str, model: str, request: LLMRequest) -> None:
    """Raise ``PromptTooLong`` when ``request`` and its ``max_output_tokens`` exceed ``model``'s
    context window. A model whose window is unknown passes (the provider will say)."""
    window = context_window(provider, model)
    if window is None:
        return
    needed = request_tokens(request) + request.max_output_tokens
    if needed <= window:
        return
    raise PromptTooLong(
        f"the {request.module} prompt does not fit {model}: about {request_tokens(request):,} input tokens "
        f"+ {request.max_output_tokens:,} for the answer = {needed:,} > its context window of {window:,}; "
        f"lower the module's context budget ({BUDGET_VARIABLE}) or use a model with a larger window",
        provider=provider, model=model,
        details={"input_tokens": request_tokens(request), "max_output_tokens": request.max_output_tokens,
                 "context_window": window},
    )


def context_budget(module: str) -> int:
    """Tokens of upstream ``module``'s prompt may carry: ``AICMO_CONTEXT_BUDGET`` (one number for
    every module, or ``module=tokens`` pairs, comma separated) over ``DEFAULT_BUDGETS``."""
    raw = os.environ.get(BUDGET_VARIABLE, "").strip()
    budgets = dict(DEFAULT_BUDGETS)
    if raw:
        try:
            if "=" not in raw:
                return _tokens(raw)
            for pair in raw.split(","):
                name, _, value = pair.partition("=")
                budgets[name.strip()] = _tokens(value)
        except ValueError:
            raise ValidationError(bad_value(BUDGET_VARIABLE, raw, "a number of tokens (at least 500), or "
                                            "module=tokens pairs, e.g. monitoring=8000,delivery=12000"),
                                  field=BUDGET_VARIABLE) from None
    return budgets.get(module, _DEFAULT_BUDGET)


def _tokens(value: str) -> int:
    number = int(value.strip().replace("_", ""))
    if number < 500:
        raise ValueError(value)
    return number


# -- condensing upstream ------------------------------------------------------------------------

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _item_tokens(item: dict[str, Any]) -> int:
    metadata = json.dumps(item.get("metadata") or {}, sort_keys=True, ensure_ascii=False, default=str)
    return estimate_tokens(str(item.get("content_markdown") or "")) + estimate_tokens(metadata) + 30


def _upstream_tokens(upstream: dict[str, list[dict[str, Any]]]) -> int:
    return sum(_item_tokens(item) for items in upstream.values() for item in items)


def fit_upstream(
    upstream: dict[str, list[dict[str, Any]]], budget_tokens: int
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """``upstream`` condensed (see the module docstring) to at most ``budget_tokens``, and a note
    per condensed deliverable. Upstream within the budget comes back unchanged."""
    if _upstream_tokens(upstream) <= budget_tokens:
        return upstream, []
    notes: list[str] = []
    condensed: dict[str, list[dict[str, Any]]] = {}
    for module, items in upstream.items():
        condensed[module] = []
        for item in items:
            text = str(item.get("content_markdown") or "")
            short = condense_text(text)
            metadata = _condense_value(item.get("metadata") or {})
            if short != text or metadata != (item.get("metadata") or {}):
                notes.append(f"{module}/{item.get('title')}: tables and lists condensed")
            condensed[module].append({**item, "content_markdown": short, "metadata": metadata})
    over = _upstream_tokens(condensed) - budget_tokens
    if over > 0:
        count = sum(len(items) for items in condensed.values())
        share_chars = max(400, int((budget_tokens / max(1, count) - 30) * _CHARS_PER_TOKEN))
        for module, items in condensed.items():
            for index, item in enumerate(items):
                text = item["content_markdown"]
                if len(text) > share_chars:
                    cut = text[:share_chars].rsplit("\n", 1)[0]
                    items[index] = {**item, "content_markdown":
                                    f"{cut}\n\n[condensed to fit the prompt: {len(cut):,} of {len(text):,} characters]",
                                    "metadata": {"condensed": True}}
                    notes.append(f"{module}/{item.get('title')}: cut to {len(cut):,} of {len(text):,} characters")
    return condensed, notes


def condense_text(text: str) -> str:
    """Markdown with long tables and lists shortened, each saying what was left out."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        run_end = index
        if _TABLE_ROW.match(lines[index]):
            while run_end < len(lines) and _TABLE_ROW.match(lines[run_end]):
                run_end += 1
            out.extend(_condense_table(lines[index:run_end]))
        elif _LIST_ITEM.match(lines[index]):
            while run_end < len(lines) and _LIST_ITEM.match(lines[run_end]):
                run_end += 1
            items = lines[index:run_end]
            out.extend(items[:_KEEP_ITEMS])
            if len(items) > _KEEP_ITEMS:
                out.append(f"- … and {len(items) - _KEEP_ITEMS} more items")
        else:
            out.append(lines[index])
            run_end = index + 1
        index = run_end
    return "\n".join(out)


def _condense_table(rows: list[str]) -> list[str]:
    header, body = rows[:2], rows[2:]  # the header row and its |---| separator
    if len(body) <= _KEEP_ROWS:
        return rows
    first = [row.strip().strip("|").split("|")[0].strip() for row in body]
    span = f"; first column from {first[0]} to {first[-1]}" if first[0] and first[-1] else ""
    return [*header, *body[:_KEEP_ROWS], f"| … {len(body) - _KEEP_ROWS} more rows ({len(body)} in all{span}) |"]


def fit_json(value: Any, budget_tokens: int) -> tuple[Any, list[str]]:
    """A JSON-like ``value`` (a module's facts) condensed to about ``budget_tokens`` as rendered,
    losing the least first: Markdown tables and lists inside its strings shortened like upstream
    (``condense_text``); then every long string cut to one length, marked; only then long lists
    keep their first items and count the rest. Every entry of a list keeps its place until that
    last step, and figures computed by code are kept as they are, never rounded or summed. A value
    within the budget comes back unchanged."""
    if _json_tokens(value) <= budget_tokens:
        return value, []
    condensed = _map_strings(value, condense_text)
    notes = ["tables and lists in the text condensed"]
    length = _json_length(condensed)  # measured once: cutting starts from it
    tokens = math.ceil(length / _CHARS_PER_TOKEN)
    if tokens > budget_tokens:
        condensed, limit, tokens = _cut_to_fit(condensed, budget_tokens, floor=200, whole=length)
        notes.append(f"strings cut to {limit:,} characters")
    if tokens > budget_tokens:
        condensed = _condense_value(condensed)
        notes.append(f"lists cut to their first {_KEEP_METADATA_ITEMS} entries")
        if _json_tokens(condensed) > budget_tokens:
            condensed, limit, _ = _cut_to_fit(condensed, budget_tokens, floor=20)
            notes.append(f"strings cut to {limit:,} characters")
    return condensed, notes


def _cut_to_fit(value: Any, budget_tokens: int, *, floor: int, whole: int | None = None) -> tuple[Any, int, int]:
    """``value`` with its strings cut to the longest length (not below ``floor``) that fits, that
    length, and the tokens of the result; ``whole``: ``value``'s ``_json_length`` if known.

    Each length tried is measured from the uncut value's length and what cutting changes in its
    long strings (a string is written the same wherever it stands), not by writing it all again."""
    every = _strings(value)
    strings = [s for s in every if len(s) > floor]
    written = {s: _written_length(s) for s in strings}
    whole = _json_length(value) if whole is None else whole

    def tokens_at(limit: int) -> int:
        change = sum(_written_length(_cut_text(s, limit)) - written[s] for s in strings if len(s) > limit)
        return math.ceil((whole + change) / _CHARS_PER_TOKEN)

    limit = max((len(s) for s in every), default=0)
    while limit > floor and tokens_at(limit) > budget_tokens:
        limit = max(floor, int(limit * 0.7))
    return _cut_strings(value, limit), limit, tokens_at(limit)


def _written_length(text: str) -> int:
    return len(json.dumps(text, ensure_ascii=False))


def _map_strings(value: Any, change: Any) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _map_strings(inner, change) for key, inner in value.items()}
    if isinstance(value, list):
        return [_map_strings(inner, change) for inner in value]
    return value


def _json_tokens(value: Any) -> int:
    return math.ceil(_json_length(value) / _CHARS_PER_TOKEN)


def prompt_json(value: Any, *, sort_keys: bool = True) -> str:
    """JSON as a prompt carries it (facts, the campaign record, inputs, upstream metadata): on one
    line, ``", "`` and ``": "`` between items. An indent would cost about a tenth of a prompt's
    tokens in whitespace (12% of the demo campaign's prompt characters) and make json write with
    its pure-Python encoder, which was the largest single cost of building a prompt."""
    return json.dumps(value, separators=(", ", ": "), sort_keys=sort_keys, ensure_ascii=False, default=str)


def _json_length(value: Any) -> int:
    """Characters of ``prompt_json(value)``: what the budget measures."""
    return len(prompt_json(value))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for inner in value.values() for s in _strings(inner)]
    if isinstance(value, list):
        return [s for inner in value for s in _strings(inner)]
    return []


def _cut_text(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]} [condensed to fit the prompt: {limit:,} of {len(text):,} characters]"


def _cut_strings(value: Any, limit: int) -> Any:
    return _map_strings(value, lambda text: _cut_text(text, limit))


def _condense_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _condense_value(inner) for key, inner in value.items()}
    if isinstance(value, list):
        kept = [_condense_value(inner) for inner in value[:_KEEP_METADATA_ITEMS]]
        if len(value) > _KEEP_METADATA_ITEMS:
            kept.append(f"… and {len(value) - _KEEP_METADATA_ITEMS} more")
        return kept
    return value
