"""The one error hierarchy of aicmo_kernel.

    AicmoError                      (error_type INTERNAL_ERROR)
    ├── ValidationError             VALIDATION_ERROR   bad input; names the field
    ├── ConfigurationError          CONFIGURATION_ERROR a setting is missing or malformed; names it
    ├── NotFoundError               VALIDATION_ERROR   unknown campaign, module, deliverable, version
    ├── WorkflowError               VALIDATION_ERROR   a transition the workflow refuses
    │   ├── GateError                                  upstream modules not approved yet
    │   ├── QCBlockedError                             approval refused by a QC blocker
    │   ├── PolicyError                                an auto-approval the autonomy policy forbids
    │   ├── ConflictError                              a save based on a stale version
    │   └── PermissionDeniedError                      the signed-in person's roles do not allow it
    ├── StoreError                  CONFIGURATION_ERROR the workspace database cannot be used
    ├── ModuleNotAvailableError     CONFIGURATION_ERROR the module exists but is not built yet
    ├── NoDataError                 NO_DATA            a module needs real data that is missing
    └── ProviderError               PROVIDER_ERROR     a language-model call failed
        ├── ProviderUnavailable     CONFIGURATION_ERROR no credentials / SDK missing (skipped)
        ├── RateLimitError          RATE_LIMIT         429; carries retry_after seconds
        ├── ProviderTimeout         TIMEOUT
        ├── ProviderConnectionError PROVIDER_ERROR
        ├── ProviderServerError     PROVIDER_ERROR     5xx
        ├── ContractViolation       CONTRACT_ERROR     malformed JSON, schema mismatch, empty content
        ├── GenerationCancelled     CANCELLED          Cancel or Ctrl-C; the run is stored as FAILED
        └── ChainExhausted          type of the last failure; every provider in the chain failed

Every error carries ``error_type`` (one of the envelope's error types, SPEC section 4) and an
optional ``field`` so forms and the CLI can point at what to fix. Messages never contain secrets:
``aicmo_kernel.config.redact`` is applied where provider text is quoted.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ERROR_TYPES",
    "AicmoError",
    "ChainExhausted",
    "ConfigurationError",
    "ConflictError",
    "ContractViolation",
    "GateError",
    "GenerationCancelled",
    "ModuleNotAvailableError",
    "NoDataError",
    "NotFoundError",
    "PermissionDeniedError",
    "PolicyError",
    "ProviderConnectionError",
    "ProviderError",
    "ProviderServerError",
    "ProviderTimeout",
    "ProviderUnavailable",
    "QCBlockedError",
    "RateLimitError",
    "StoreError",
    "ValidationError",
    "WorkflowError",
]

ERROR_TYPES = (
    "VALIDATION_ERROR",
    "CONFIGURATION_ERROR",
    "RATE_LIMIT",
    "TIMEOUT",
    "PROVIDER_ERROR",
    "CONTRACT_ERROR",
    "NO_DATA",
    "CANCELLED",
    "INTERNAL_ERROR",
)


class AicmoError(Exception):
    """Base of every error the kernel raises on purpose."""

    error_type = "INTERNAL_ERROR"

    def __init__(self, message: str, *, field: str | None = None, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = dict(details or {})

    def __str__(self) -> str:
        return self.message


class ValidationError(AicmoError):
    """Bad input. ``field`` names the offending field (dotted path for nested ones)."""

    error_type = "VALIDATION_ERROR"

    @classmethod
    def from_pydantic(cls, exc: Any, *, prefix: str = "") -> "ValidationError":
        """Turn a pydantic ValidationError into ours, naming the first bad field."""
        problems = []
        first_field = None
        for err in exc.errors():
            loc = ".".join(str(p) for p in err.get("loc", ()) if p != "__root__")
            name = f"{prefix}{loc}" if loc else prefix.rstrip(".") or "input"
            first_field = first_field or name
            problems.append(f"{name}: {err.get('msg', 'invalid')}")
        return cls("; ".join(problems) or str(exc), field=first_field, details={"problems": problems})


class ConfigurationError(AicmoError):
    """A setting is missing or malformed. ``field`` names the variable, never its value."""

    error_type = "CONFIGURATION_ERROR"


class NotFoundError(AicmoError):
    error_type = "VALIDATION_ERROR"


class WorkflowError(AicmoError):
    error_type = "VALIDATION_ERROR"


class GateError(WorkflowError):
    """A module cannot generate until its upstream modules are approved."""


class QCBlockedError(WorkflowError):
    """Approval refused: QC found at least one blocker."""


class PolicyError(WorkflowError):
    """An auto-approval the stored autonomy policy does not allow (names level, kind, score, threshold)."""


class ConflictError(WorkflowError):
    """A save based on a stale version. Says who saved which version, and when."""


class PermissionDeniedError(WorkflowError):
    """The signed-in person may not do this (``identity``): names the role that may, or, for a
    client and another brand's item, says only that they may not see it."""


class StoreError(AicmoError):
    error_type = "CONFIGURATION_ERROR"


class ModuleNotAvailableError(AicmoError):
    error_type = "CONFIGURATION_ERROR"


class NoDataError(AicmoError):
    error_type = "NO_DATA"


class ProviderError(AicmoError):
    """A language-model call failed. ``retryable`` says whether the chain may fall back."""

    error_type = "PROVIDER_ERROR"
    retryable = True

    def __init__(self, message: str, *, provider: str = "", model: str = "", **kw: Any):
        super().__init__(message, **kw)
        self.provider = provider
        self.model = model


class ProviderUnavailable(ProviderError):
    error_type = "CONFIGURATION_ERROR"


class RateLimitError(ProviderError):
    error_type = "RATE_LIMIT"

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ProviderTimeout(ProviderError):
    error_type = "TIMEOUT"


class ProviderConnectionError(ProviderError):
    pass


class ProviderServerError(ProviderError):
    pass


class ContractViolation(ProviderError):
    """The model answered, but not with what the contract asks (bad JSON, wrong shape, empty)."""

    error_type = "CONTRACT_ERROR"

    def __init__(self, message: str, *, raw_text: str = "", **kw: Any):
        super().__init__(message, **kw)
        self.raw_text = raw_text


class GenerationCancelled(ProviderError):
    """Cancel was pressed, or Ctrl-C (``interrupted``); ``attempts`` lists the tries so far."""

    error_type = "CANCELLED"
    retryable = False
    interrupted = False
    attempts: list[Any] = []


class ChainExhausted(ProviderError):
    """Every provider in the chain failed; ``attempts`` lists what each one did."""

    def __init__(self, message: str, *, attempts: list[Any], last: ProviderError | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.attempts = attempts
        self.last = last
        if last is not None:
            self.error_type = last.error_type
