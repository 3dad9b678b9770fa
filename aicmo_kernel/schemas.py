"""The deliverables envelope (SPEC section 4): the one shape every generation returns.

Pydantic validates the shape; ``validate_deliverables_envelope`` adds the product rules that a
shape cannot express (SUCCESS needs content, no stub text, FAILED needs a typed error). Nothing is
stored or shown before both have passed.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import ERROR_TYPES, ContractViolation
from .registry import BUILT_IN, module_names

__all__ = [
    "ENVELOPE_STATUSES",
    "MODULE_NAMES",
    "PLACEHOLDER_PATTERNS",
    "Deliverable",
    "DeliverablesEnvelope",
    "ResponseError",
    "ResponseMeta",
    "create_failed_envelope",
    "create_success_envelope",
    "check_deliverables",
    "find_placeholders",
    "new_trace_id",
    "validate_deliverables_envelope",
]

MODULE_NAMES = tuple(info.name for info in BUILT_IN)  # the nine built-in modules
ENVELOPE_STATUSES = ("SUCCESS", "FAILED", "PARTIAL")

ErrorType = Literal[
    "VALIDATION_ERROR",
    "CONFIGURATION_ERROR",
    "RATE_LIMIT",
    "TIMEOUT",
    "PROVIDER_ERROR",
    "CONTRACT_ERROR",
    "NO_DATA",
    "CANCELLED",
    "INTERNAL_ERROR",
]
assert set(ErrorType.__args__) == set(ERROR_TYPES)  # type: ignore[attr-defined]

# Stub and placeholder markers (SPEC sections 4 and 5). Shared with QC's placeholder check.
PLACEHOLDER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[STUB", re.compile(r"\[\s*STUB", re.I)),
    ("lorem ipsum", re.compile(r"lorem\s+ipsum", re.I)),
    ("TODO", re.compile(r"\bTODO\b")),
    ("TBD", re.compile(r"\bTBD\b")),
    ("[Brand Name]", re.compile(r"\[\s*brand\s+name\s*\]", re.I)),
    ("[insert ...]", re.compile(r"\[\s*insert\b[^\]]*\]", re.I)),
    ("{{...}}", re.compile(r"\{\{.*?\}\}", re.S)),
)


# What each marker cannot be without (``in`` is far quicker than a regex over a long text; the
# case-insensitive ones are looked for in the lower-cased text).
_NEEDLES = {"[STUB": "[", "lorem ipsum": "lorem", "TODO": "TODO", "TBD": "TBD", "[Brand Name]": "[",
            "[insert ...]": "[", "{{...}}": "{{"}


def find_placeholders(text: str) -> list[str]:
    """The placeholder markers found in ``text``, by their display name."""
    lower = text.lower()
    return [name for name, pattern in PLACEHOLDER_PATTERNS
            if _NEEDLES[name] in (lower if pattern.flags & re.I else text) and pattern.search(text)]


def new_trace_id() -> str:
    return uuid.uuid4().hex


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Deliverable(_Strict):
    id: str = Field(default_factory=lambda: uuid.uuid4().hex, min_length=1)
    kind: str = Field(min_length=1, max_length=80)
    title: str = Field(min_length=1, max_length=300)
    content_markdown: str
    platform: str | None = None
    hashtags: list[str] = Field(default_factory=list)
    assets: dict[str, Any] = Field(default_factory=dict)
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("title", "kind")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class ResponseMeta(_Strict):
    timestamp: datetime = Field(default_factory=_utcnow)
    provider: str = Field(min_length=1)
    model: str = Field(min_length=1)
    # None: a model without a known price (providers.pricing); shown as "unknown", never $0.
    cost_usd: float | None = Field(default=0.0, ge=0)
    tokens_used: dict[str, int] = Field(default_factory=lambda: {"in": 0, "out": 0})
    warnings: list[str] = Field(default_factory=list)
    trace_id: str = Field(default_factory=new_trace_id, min_length=1)

    @field_validator("tokens_used")
    @classmethod
    def _tokens_shape(cls, value: dict[str, int]) -> dict[str, int]:
        if set(value) != {"in", "out"} or any(v < 0 for v in value.values()):
            raise ValueError("tokens_used must be {'in': n, 'out': n} with n >= 0")
        return value


class ResponseError(_Strict):
    type: ErrorType
    message: str = Field(min_length=1)
    trace_id: str = Field(default_factory=new_trace_id, min_length=1)
    details: dict[str, Any] = Field(default_factory=dict)


class DeliverablesEnvelope(_Strict):
    status: Literal["SUCCESS", "FAILED", "PARTIAL"]
    run_id: str = Field(min_length=1)
    module: str  # a module the registry knows: the nine, or a plugin's
    meta: ResponseMeta
    deliverables: list[Deliverable] = Field(default_factory=list)
    raw: dict[str, Any] | None = None
    error: ResponseError | None = None

    @field_validator("module")
    @classmethod
    def _known_module(cls, value: str) -> str:
        known = module_names()
        if value not in known:
            raise ValueError(f"unknown module {value!r}; known: {', '.join(known)}")
        return value

    @field_validator("run_id")
    @classmethod
    def _run_id_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @model_validator(mode="after")
    def _shape_rules(self) -> "DeliverablesEnvelope":
        if self.status == "FAILED" and self.error is None:
            raise ValueError("a FAILED envelope needs an error with a type")
        if self.status == "SUCCESS" and self.error is not None:
            raise ValueError("a SUCCESS envelope carries no error")
        return self


def _deliverable_problems(index: int, item: Deliverable) -> list[str]:
    where = f"deliverables[{index}] ({item.kind!r})"
    if not item.content_markdown.strip():
        return [f"{where}: content_markdown is blank (manifest-only items are not deliverables)"]
    problems = []
    found = find_placeholders(item.content_markdown) + find_placeholders(item.title)
    if found:
        problems.append(f"{where}: stub or placeholder text: {', '.join(sorted(set(found)))}")
    return problems


def check_deliverables(deliverables: list[Deliverable]) -> list[Deliverable]:
    """``deliverables`` if each has content and no stub or placeholder text (the rules a SUCCESS
    envelope enforces); else ``ContractViolation`` listing every problem."""
    problems = [p for index, item in enumerate(deliverables) for p in _deliverable_problems(index, item)]
    if not deliverables:
        problems.append("the answer produced no deliverable")
    if problems:
        raise ContractViolation("; ".join(problems), details={"problems": problems})
    return deliverables


def validate_deliverables_envelope(envelope: DeliverablesEnvelope | dict[str, Any]) -> DeliverablesEnvelope:
    """Validate shape and product rules; raise ``ContractViolation`` listing every problem."""
    from pydantic import ValidationError as PydanticValidationError

    if not isinstance(envelope, DeliverablesEnvelope):
        try:
            envelope = DeliverablesEnvelope.model_validate(envelope)
        except PydanticValidationError as exc:
            raise ContractViolation(f"envelope does not match the contract: {exc}") from exc
    problems: list[str] = []
    if envelope.status in ("SUCCESS", "PARTIAL") and not envelope.deliverables:
        problems.append(f"a {envelope.status} envelope needs at least one deliverable")
    for index, item in enumerate(envelope.deliverables):
        problems.extend(_deliverable_problems(index, item))
    if envelope.status == "FAILED" and (envelope.error is None or not envelope.error.type):
        problems.append("a FAILED envelope needs an error with a type")
    if problems:
        raise ContractViolation("; ".join(problems), details={"problems": problems})
    return envelope


def create_success_envelope(
    module: str,
    deliverables: list[Deliverable | dict[str, Any]],
    *,
    provider: str,
    model: str,
    run_id: str | None = None,
    tokens_in: int = 0,
    tokens_out: int = 0,
    cost_usd: float | None = 0.0,
    warnings: list[str] | None = None,
    trace_id: str | None = None,
    raw: dict[str, Any] | None = None,
) -> DeliverablesEnvelope:
    """Build and validate a SUCCESS envelope."""
    meta = ResponseMeta(
        provider=provider,
        model=model,
        cost_usd=cost_usd,
        tokens_used={"in": tokens_in, "out": tokens_out},
        warnings=list(warnings or []),
        trace_id=trace_id or new_trace_id(),
    )
    envelope = DeliverablesEnvelope(
        status="SUCCESS",
        run_id=run_id or uuid.uuid4().hex,
        module=module,  # type: ignore[arg-type]
        meta=meta,
        deliverables=[d if isinstance(d, Deliverable) else Deliverable.model_validate(d) for d in deliverables],
        raw=raw,
    )
    return validate_deliverables_envelope(envelope)


def create_failed_envelope(
    module: str,
    error_type: str,
    message: str,
    *,
    provider: str = "none",
    model: str = "none",
    run_id: str | None = None,
    trace_id: str | None = None,
    details: dict[str, Any] | None = None,
    tokens_in: int = 0,
    tokens_out: int = 0,
    cost_usd: float | None = 0.0,
    warnings: list[str] | None = None,
) -> DeliverablesEnvelope:
    """Build and validate a FAILED envelope; the error and meta share one trace id."""
    trace_id = trace_id or new_trace_id()
    envelope = DeliverablesEnvelope(
        status="FAILED",
        run_id=run_id or uuid.uuid4().hex,
        module=module,  # type: ignore[arg-type]
        meta=ResponseMeta(
            provider=provider,
            model=model,
            cost_usd=cost_usd,
            tokens_used={"in": tokens_in, "out": tokens_out},
            warnings=list(warnings or []),
            trace_id=trace_id,
        ),
        error=ResponseError(type=error_type, message=message, trace_id=trace_id, details=details or {}),  # type: ignore[arg-type]
    )
    return validate_deliverables_envelope(envelope)
