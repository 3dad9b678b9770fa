"""Quality checks (SPEC section 5): deterministic checks run on every version before approval.

A check is a function from a ``QCContext`` to a list of ``QCIssue``; ``@register_check`` adds it
to the registry that ``run_qc`` runs. Each issue has a severity, and a blocker prevents approval.
Messages are written for a marketer, not a developer; where a fix can be made automatically,
``fix`` holds the whole corrected ``content_markdown``.

The first checks (platform limits, placeholders) live in ``qc/checks.py``; the rest of the SPEC's
catalogue is added there the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "CHECKS",
    "QCContext",
    "QCIssue",
    "QCReport",
    "RegisteredCheck",
    "Severity",
    "normalise_platform",
    "register_check",
    "run_qc",
]

Severity = Literal["blocker", "major", "minor"]

_PLATFORM_ALIASES = {
    "x": "x", "twitter": "x", "x/twitter": "x", "x (twitter)": "x", "tweet": "x",
    "linkedin": "linkedin", "linked in": "linkedin",
    "instagram": "instagram", "ig": "instagram",
    "email": "email", "e-mail": "email", "newsletter": "email",
}


def normalise_platform(platform: str | None) -> str | None:
    """``"Twitter"``, ``"X"`` -> ``"x"``; unknown platforms come back lower-cased."""
    if platform is None or not platform.strip():
        return None
    key = platform.strip().lower()
    return _PLATFORM_ALIASES.get(key, key)


class QCIssue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    check_id: str
    severity: Severity
    message: str
    fix: str | None = None


class QCReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    issues: list[QCIssue]

    @property
    def blockers(self) -> list[QCIssue]:
        return [issue for issue in self.issues if issue.severity == "blocker"]

    @property
    def passed(self) -> bool:
        """True when nothing blocks approval (major and minor issues are advice)."""
        return not self.blockers

    def as_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "blockers": len(self.blockers),
            "issues": [issue.model_dump() for issue in self.issues],
        }


@dataclass(frozen=True)
class QCContext:
    """What a check sees: one version of one deliverable, and the brand if known."""

    content_markdown: str
    kind: str
    platform: str | None  # normalised: x, linkedin, instagram, email, or another lower-case name
    hashtags: tuple[str, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    brand: Any = None  # a store Brand view (banned_words, disclaimers) or None

    @property
    def is_email(self) -> bool:
        return self.platform == "email" or "email" in self.kind.lower()


CheckFunction = Callable[[QCContext], Iterable[QCIssue]]


@dataclass(frozen=True)
class RegisteredCheck:
    check_id: str
    description: str
    function: CheckFunction


CHECKS: dict[str, RegisteredCheck] = {}


def register_check(check_id: str, *, description: str) -> Callable[[CheckFunction], CheckFunction]:
    """Add a check to the registry under ``check_id`` (unique)."""

    def decorate(function: CheckFunction) -> CheckFunction:
        if check_id in CHECKS and CHECKS[check_id].function is not function:
            raise ValueError(f"a QC check named {check_id!r} is already registered")
        CHECKS[check_id] = RegisteredCheck(check_id, description, function)
        return function

    return decorate


def run_qc(
    content_markdown: str,
    *,
    kind: str,
    platform: str | None = None,
    hashtags: Iterable[str] = (),
    metadata: Mapping[str, Any] | None = None,
    brand: Any = None,
) -> QCReport:
    """Run every registered check on one version's content; issues come back blockers first."""
    from . import checks as _builtin_checks  # noqa: F401  (registers the built-in checks)

    context = QCContext(
        content_markdown=content_markdown,
        kind=kind,
        platform=normalise_platform(platform),
        hashtags=tuple(hashtags),
        metadata=dict(metadata or {}),
        brand=brand,
    )
    issues = [issue for check in CHECKS.values() for issue in check.function(context)]
    rank = {"blocker": 0, "major": 1, "minor": 2}
    return QCReport(issues=sorted(issues, key=lambda issue: rank[issue.severity]))
