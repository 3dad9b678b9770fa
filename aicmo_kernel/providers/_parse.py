"""Shared by the adapters: turning model text into a checked JSON object, and shaping schemas.

``parse_json_answer`` is the one place that decides whether an answer honours the contract:
empty content, text that is not a JSON object, or an object that fails the request's pydantic
model all become ``ContractViolation`` (which the chain answers with one repair attempt). Models
behind compatible servers do not always honour structured output, so the object is also found
after a reasoning model's ``<think>`` block and inside prose or a code fence around it; the
pydantic model still decides whether it is the answer.

The schema helpers adapt a pydantic JSON schema to what each API's structured-output mode accepts
without changing what pydantic will later accept.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from ..config import redact
from ..errors import ContractViolation
from .base import LLMRequest

__all__ = [
    "anthropic_output_schema",
    "openai_strict_schema",
    "parse_json_answer",
]

_FENCE = re.compile(r"^```[A-Za-z0-9_-]*\s*\n?(.*?)\n?\s*```$", re.DOTALL)
_THOUGHTS_END = "</think>"  # reasoning models (DeepSeek-R1, Qwen3, QwQ) think aloud before it
_MAX_PROBLEMS = 8


def parse_json_answer(
    text: str, request: LLMRequest, *, provider: str, model: str
) -> dict[str, Any]:
    """The JSON object in ``text``, validated against ``request.output_model`` when it has one."""
    stripped = (text or "").strip()
    if _THOUGHTS_END in stripped and not stripped.startswith("{"):
        # The opening <think> is sometimes written by the chat template, not the model.
        stripped = stripped.rpartition(_THOUGHTS_END)[2].strip()
    if not stripped:
        raise ContractViolation(
            f"{provider} returned empty content",
            provider=provider,
            model=model,
            raw_text=text or "",
        )
    fenced = _FENCE.match(stripped)
    if fenced:
        stripped = fenced.group(1).strip()
    try:
        data = _json_in(stripped)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        raise ContractViolation(
            f"{provider} returned text that is not valid JSON ({msg})",
            provider=provider,
            model=model,
            raw_text=text,
        ) from None
    if not isinstance(data, dict):
        raise ContractViolation(
            f"{provider} returned JSON that is not an object (got {type(data).__name__})",
            provider=provider,
            model=model,
            raw_text=text,
        )
    if request.output_model is not None:
        _validate(data, request, provider=provider, model=model, raw_text=text)
    return data


def _json_in(text: str) -> Any:
    """The JSON value ``text`` is, else the object that starts at its first ``{`` (with prose
    before or after it, or a fence around it)."""
    try:
        return json.loads(text)
    except ValueError:
        start = text.find("{")
        if start < 0:
            raise
    return json.JSONDecoder().raw_decode(text, start)[0]


def _validate(
    data: dict[str, Any], request: LLMRequest, *, provider: str, model: str, raw_text: str
) -> None:
    from pydantic import ValidationError as PydanticValidationError

    try:
        request.output_model.model_validate(data)
    except PydanticValidationError as exc:
        problems = []
        for err in exc.errors()[:_MAX_PROBLEMS]:
            where = ".".join(str(p) for p in err.get("loc", ())) or "(root)"
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        more = exc.error_count() - len(problems)
        summary = "; ".join(problems) + (f"; and {more} more" if more > 0 else "")
        raise ContractViolation(
            redact(f"{provider} answer does not fit {request.schema_name}: {summary}"),
            provider=provider,
            model=model,
            raw_text=raw_text,
            # A model-level validator fails with an empty location: name no field then.
            field=".".join(str(p) for p in exc.errors()[0].get("loc", ())) or None if exc.errors() else None,
            details={"problems": problems},
        ) from None


# -- schema shaping ---------------------------------------------------------------------------


_STRICT_MEMO: dict[int, tuple[dict[str, Any], tuple[dict[str, Any], bool]]] = {}


def openai_strict_schema(schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """``_openai_strict_schema``, remembered for schemas shared across requests (module output
    schemas are built once per model): the memo keeps the schema itself, so its id stays unique."""
    memo = _STRICT_MEMO.get(id(schema))
    if memo is not None and memo[0] is schema:
        return memo[1]
    result = _openai_strict_schema(schema)
    if len(_STRICT_MEMO) > 256:
        _STRICT_MEMO.clear()
    _STRICT_MEMO[id(schema)] = (schema, result)
    return result


def _openai_strict_schema(schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """OpenAI strict-mode copy of ``schema`` and whether strict mode can be used at all.

    Strict mode wants every object closed (``additionalProperties: false``) with every property
    required; optional fields stay optional for pydantic (they simply always get a value, and
    nullable ones keep their ``anyOf [..., null]``). ``$ref`` with sibling keywords is inlined and
    ``default`` dropped, as strict mode rejects both. A free-form mapping (``dict[str, X]``)
    cannot be expressed strictly, so the caller then sends the schema with ``strict: false``.
    """
    root = copy.deepcopy(schema)
    ok = [True]
    defs = root.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node and len(node) > 1:
            target = _lookup(defs, node["$ref"])
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        node = {k: v for k, v in node.items() if k != "default"}
        for key in ("properties", "$defs", "definitions"):
            if isinstance(node.get(key), dict):
                node[key] = {name: walk(sub) for name, sub in node[key].items()}
        for key in ("items", "anyOf", "oneOf", "allOf", "prefixItems"):
            if key in node:
                node[key] = walk(node[key])
        if node.get("type") == "object" or "properties" in node:
            extra = node.get("additionalProperties")
            if (
                isinstance(extra, dict)
                or (extra is True)
                or ("properties" not in node and extra is not False)
            ):
                ok[0] = False
            else:
                node["additionalProperties"] = False
                node["required"] = list(node.get("properties", {}))
        return node

    shaped = walk(root)
    return (shaped if ok[0] else copy.deepcopy(schema)), ok[0]


_ANTHROPIC_UNSUPPORTED = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "maxItems",
    "uniqueItems",
)


def anthropic_output_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Anthropic structured-output copy of ``schema``.

    Objects are closed (``additionalProperties: false``); constraints the API does not enforce
    (numeric bounds, string lengths, most array sizes) move into the description as
    ``{maxLength: 80}`` so the model still reads them, and pydantic checks them afterwards.
    """

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {k: v for k, v in node.items() if k != "default"}
        moved = {k: node.pop(k) for k in _ANTHROPIC_UNSUPPORTED if k in node}
        if node.get("minItems", 0) > 1:
            moved["minItems"] = node.pop("minItems")
        if moved:
            hint = "{" + ", ".join(f"{k}: {v}" for k, v in moved.items()) + "}"
            node["description"] = (
                f"{node['description']}\n\n{hint}" if node.get("description") else hint
            )
        for key in ("properties", "$defs", "definitions"):
            if isinstance(node.get(key), dict):
                node[key] = {name: walk(sub) for name, sub in node[key].items()}
        for key in ("items", "anyOf", "oneOf", "allOf", "prefixItems"):
            if key in node:
                node[key] = walk(node[key])
        if "oneOf" in node:
            node["anyOf"] = node.pop("oneOf")
        if node.get("type") == "object" and not isinstance(node.get("additionalProperties"), dict):
            node["additionalProperties"] = False
        return node

    return walk(copy.deepcopy(schema))


def _lookup(defs: dict[str, Any], ref: str) -> dict[str, Any]:
    name = ref.rsplit("/", 1)[-1]
    target = defs.get(name)
    return copy.deepcopy(target) if isinstance(target, dict) else {}
