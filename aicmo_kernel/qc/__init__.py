"""Quality checks (SPEC section 5): deterministic checks run on every version before approval.

A check is a function from a ``QCContext`` to a list of ``QCIssue``; ``@register_check`` adds it
to the registry that ``run_qc`` runs. Each issue has a severity, and a blocker prevents approval.
Messages are written for a marketer, not a developer; where a fix can be made automatically,
``fix`` holds the whole corrected ``content_markdown`` and ``apply_fix`` applies it.

The catalogue, one family per file (``describe_checks()`` lists it; ``docs/qc.md`` is generated
from it):

    checks.py     platform limits (X, LinkedIn, Instagram, email subject) and placeholders
    hashtags.py   hashtag format, count per platform, generic tags
    brand.py      the brand's banned words and required disclaimers
    content.py    call to action, link required, repeated lines
    claims.py     claims a reviewer should find evidence for (flagged, never blocking)
    regulated.py  testimonials, before/after and outcome claims in regulated health and finance
    brief_rules.py  the rules of the brief's brand voice: forbidden words, names and pictures,
                  required phrases and prices
    calendar.py   content-calendar clashes, blackout dates, dates outside the campaign, read from
                  the calendar's table as edited (calendar_table.py, the reader the scheduler files use)

Checks are regular expressions over the text, the kind, the platform and the metadata: no
network, no model, the same answer every time. Which checks apply is decided from ``kind`` and
``platform`` (``qc/kinds.py``); a kind the catalogue does not know gets the generic checks only.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..platforms import normalise_platform

__all__ = [
    "CHECKS",
    "QCContext",
    "QCIssue",
    "QCReport",
    "RegisteredCheck",
    "Severity",
    "apply_fix",
    "autofix",
    "catalogue_markdown",
    "content_digest",
    "describe_checks",
    "normalise_platform",
    "register_check",
    "check_deliverable",
    "run_qc",
]

Severity = Literal["blocker", "major", "minor"]
SEVERITY_RANK: dict[str, int] = {"blocker": 0, "major": 1, "minor": 2}
# Points a report loses per issue; the autonomy policy compares the score with its threshold.
SEVERITY_PENALTY: dict[str, int] = {"blocker": 40, "major": 15, "minor": 5}

def content_digest(content_markdown: str) -> str:
    """The sha256 of a text, as recorded on an issue's fix (see ``apply_fix``)."""
    return hashlib.sha256(content_markdown.encode("utf-8")).hexdigest()


class QCIssue(BaseModel):
    """One finding. ``fix`` is the whole corrected text, made from the text whose sha256 is
    ``fixes_sha256`` (``run_qc`` fills that in), so a fix is never applied to a different text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    check_id: str
    severity: Severity
    message: str
    fix: str | None = None
    fixes_sha256: str | None = None


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

    @property
    def score(self) -> int:
        """0-100: 100 less 40 per blocker, 15 per major and 5 per minor issue, never below 0."""
        return max(0, 100 - sum(SEVERITY_PENALTY[issue.severity] for issue in self.issues))

    def as_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "score": self.score,
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
    brand: Any = None  # a store Brand view or a dict (banned_words, disclaimers, website) or None

    @property
    def is_email(self) -> bool:
        return self.platform == "email" or "email" in self.kind.lower()


CheckFunction = Callable[[QCContext], Iterable[QCIssue]]


@dataclass(frozen=True)
class RegisteredCheck:
    check_id: str
    description: str
    function: CheckFunction
    severities: tuple[Severity, ...] = ("major",)
    has_fix: bool = False
    applies_to: str = "every deliverable"
    # What the check checks in a few words, to sit mid-sentence ("claims that need evidence"): the
    # key learn's QC statements look up in the catalogues, so a French report says it in French.
    summary: str = ""


CHECKS: dict[str, RegisteredCheck] = {}


def register_check(
    check_id: str,
    *,
    description: str,
    severity: Severity | tuple[Severity, ...] = "major",
    has_fix: bool = False,
    applies_to: str = "every deliverable",
    summary: str = "",
) -> Callable[[CheckFunction], CheckFunction]:
    """Add a check to the registry under ``check_id`` (unique).

    ``severity`` (one, or every severity the check can report), ``has_fix`` and ``applies_to``
    only describe the check for ``describe_checks``; the issues a check yields are what count.
    ``summary`` says what it checks in a few words, in English, as a catalogue key: learn's
    statements about QC outcomes say it in the report's language (``modules/translations``); a
    check without one is named there by the start of its English ``description``.
    """
    severities = (severity,) if isinstance(severity, str) else tuple(severity)

    def decorate(function: CheckFunction) -> CheckFunction:
        if check_id in CHECKS and CHECKS[check_id].function is not function:
            raise ValueError(f"a QC check named {check_id!r} is already registered")
        CHECKS[check_id] = RegisteredCheck(
            check_id, description, function, severities, has_fix, applies_to, summary
        )
        return function

    return decorate


def _register_builtin_checks() -> None:
    # Imported for their side effect (each module registers its family of checks); late, so
    # ``import aicmo_kernel.qc`` stays cheap and the families can import this module.
    from . import checks, hashtags, brand, content, claims, calendar, regulated, brief_rules  # noqa: F401, I001

    # regulated.py and brief_rules.py each register the built-in families before their own check,
    # so whichever is imported first registers last: keep the catalogue's order the same anyway.
    if "brief_rules" in CHECKS and "regulated_claims" in CHECKS:
        keys = list(CHECKS)
        if keys.index("brief_rules") < keys.index("regulated_claims"):
            CHECKS["brief_rules"] = CHECKS.pop("brief_rules")


def check_deliverable(
    item: Any, *, text: str | None = None, hashtags: Iterable[str] | None = None, brand: Any = None
) -> QCReport:
    """QC of one deliverable as every caller runs it (approval, editor, pre-flight, learn): its
    kind, platform and metadata, with ``text`` and ``hashtags`` of a version (default: the
    item's own). ``item`` is a deliverable view or export item (``metadata``) or a stored row
    (``meta``, whose text lives in its versions, so a row needs ``text``)."""
    metadata = item.meta if hasattr(item, "meta") else item.metadata
    return run_qc(
        item.content_markdown if text is None else text,
        kind=item.kind,
        platform=item.platform,
        hashtags=item.hashtags if hashtags is None else hashtags,
        metadata=metadata or {},
        brand=brand,
    )


def run_qc(
    content_markdown: str,
    *,
    kind: str,
    platform: str | None = None,
    hashtags: Iterable[str] = (),
    metadata: Mapping[str, Any] | None = None,
    brand: Any = None,
) -> QCReport:
    """Run every registered check on one version's content; issues come back blockers first.

    The same version is checked several times in a run (at generation, at its approval, in
    learn's facts and delivery's pre-flight), so reports are remembered by everything the checks
    read (``_memo_key``): the text, kind, platform, hashtags, metadata, the brand with its rules,
    and the registered checks themselves. A changed text, rule or check is a new key and is
    checked afresh; what a check finds depends on nothing else (no clock, no environment)."""
    _register_builtin_checks()
    tags = tuple(tag for tag in hashtags if isinstance(tag, str))
    key = _memo_key(content_markdown, kind, platform, tags, metadata, brand)
    if key is not None:
        with _memo_lock:
            found = _memo.get(key)
            if found is not None:
                _memo.move_to_end(key)
                return found
    report = _run_qc(content_markdown, kind=kind, platform=platform, hashtags=tags, metadata=metadata, brand=brand)
    if key is not None:
        with _memo_lock:
            _memo[key] = report
            while len(_memo) > _MEMO_LIMIT:
                _memo.popitem(last=False)
    return report


# Reports by what they were computed from (see ``run_qc``). Reports are frozen; bounded so a long
# session never grows it past a few thousand versions.
_MEMO_LIMIT = 4096
_memo: OrderedDict[tuple[str, tuple[Any, ...]], QCReport] = OrderedDict()
_memo_lock = threading.Lock()


def _memo_key(content_markdown: str, kind: str, platform: str | None, hashtags: tuple[str, ...],
              metadata: Mapping[str, Any] | None, brand: Any) -> tuple[str, tuple[Any, ...]] | None:
    """Everything a check can read, as a digest and the registered checks; None (no memo) for a
    brand or metadata that JSON cannot write out exactly."""
    if brand is not None and hasattr(brand, "model_dump"):
        brand = brand.model_dump(mode="json")
    elif brand is not None and not isinstance(brand, Mapping):
        return None
    try:
        # ASCII escapes: the JSON encoder writes them faster than UTF-8 text (a key is computed for
        # every check of every version, whose metadata can be tens of kilobytes), and the digest
        # only needs one exact form.
        written = json.dumps([content_markdown, kind, platform, hashtags, dict(metadata or {}), brand],
                             sort_keys=True)
    except (TypeError, ValueError):  # e.g. a date in the metadata: check afresh every time
        return None
    checks = tuple((check.check_id, check.function) for check in CHECKS.values())
    return hashlib.sha256(written.encode("ascii")).hexdigest(), checks


def _run_qc(
    content_markdown: str,
    *,
    kind: str,
    platform: str | None,
    hashtags: tuple[str, ...],
    metadata: Mapping[str, Any] | None,
    brand: Any,
) -> QCReport:
    context = QCContext(
        content_markdown=content_markdown,
        kind=kind,
        platform=normalise_platform(platform),
        hashtags=hashtags,
        metadata=dict(metadata or {}),
        brand=brand,
    )
    digest = content_digest(content_markdown)
    checks = list(CHECKS.values())
    found = [(check, issue) for check in checks for issue in _run_check(check, context)]
    before = Counter(issue.check_id for _check, issue in found)
    issues = []
    for check, issue in found:
        if issue.fix is not None and not (_resolves(check, context, issue.fix)
                                          and not _adds_issues(checks, context, issue.fix, before)):
            issue = issue.model_copy(update={"fix": None})
        if issue.fix is not None:
            issue = issue.model_copy(update={"fixes_sha256": digest})
        issues.append(issue)
    return QCReport(issues=sorted(issues, key=lambda issue: SEVERITY_RANK[issue.severity]))


def _run_check(check: RegisteredCheck, context: QCContext) -> list[QCIssue]:
    """The check's issues; a check that fails is reported as an issue, never raised, so one
    faulty check cannot stop a reviewer from seeing the others or crash a kernel."""
    try:
        return list(check.function(context))
    except Exception as exc:  # noqa: BLE001  (any bug in any check, including registered ones)
        return [
            QCIssue(
                check_id=check.check_id,
                severity="major",
                message=f"This quality check could not run on this text ({type(exc).__name__}), so "
                f"check by hand what it covers: {check.description}.",
            )
        ]


def _resolves(check: RegisteredCheck, context: QCContext, fix: str) -> bool:
    """True when ``fix`` changes the text and the check finds nothing in it any more: a fix
    button must never be offered for a fix that leaves its own issue standing."""
    if fix == context.content_markdown or not fix.strip():
        return False  # no change, or nothing left to approve
    try:
        return not any(True for _ in check.function(replace(context, content_markdown=fix)))
    except Exception:  # noqa: BLE001  (a fix the check cannot even read is no fix)
        return False


def _adds_issues(checks: list[RegisteredCheck], context: QCContext, fix: str, before: Counter[str]) -> bool:
    """True when ``fix`` makes any check report more issues than the text did: a fix must not
    trade its issue for another (say, a trim that cuts off a required disclaimer)."""
    fixed = replace(context, content_markdown=fix)
    after = Counter(issue.check_id for check in checks for issue in _run_check(check, fixed))
    return any(count > before[check_id] for check_id, count in after.items())


def apply_fix(content_markdown: str, issue: QCIssue) -> str:
    """The text with ``issue``'s automatic fix applied: what a one-click "Fix" button saves.

    Refused (``ValidationError`` naming ``fix``) when the issue has no automatic fix, or when
    ``content_markdown`` is not the text QC ran on: a fix replaces the whole text, so applying
    it to an edited text would silently undo the edit. Run QC again and use the new issue.
    """
    from ..errors import ValidationError

    if issue.fix is None:
        raise ValidationError(
            f"[{issue.check_id}] has no automatic fix; edit the text by hand: {issue.message}",
            field="fix",
        )
    if issue.fixes_sha256 is not None and issue.fixes_sha256 != content_digest(content_markdown):
        raise ValidationError(
            f"[{issue.check_id}] The text has changed since the quality checks ran, so this fix "
            "no longer applies. Run the checks again and apply the new fix.",
            field="fix",
        )
    return issue.fix


def autofix(
    content_markdown: str,
    *,
    kind: str,
    platform: str | None = None,
    hashtags: Iterable[str] = (),
    metadata: Mapping[str, Any] | None = None,
    brand: Any = None,
    max_rounds: int = 20,
) -> tuple[str, list[QCIssue]]:
    """Apply every automatic fix, one at a time (each fix is made against the current text).

    Returns the fixed text and the issues whose fixes were applied, in order. A fix that does not
    make its issue go away is not tried again, so this always ends.
    """
    tags = tuple(hashtags)
    text, applied, tried = content_markdown, [], set()
    for _ in range(max_rounds):
        report = run_qc(
            text, kind=kind, platform=platform, hashtags=tags, metadata=metadata, brand=brand
        )
        fixable = [
            i for i in report.issues if i.fix is not None and (i.check_id, text) not in tried
        ]
        if not fixable:
            break
        issue = fixable[0]
        tried.add((issue.check_id, text))
        text = apply_fix(text, issue)
        applied.append(issue)
    return text, applied


def describe_checks() -> list[dict[str, Any]]:
    """The catalogue, for docs and the UI: id, severity (the highest it reports), every severity,
    what it checks, what it applies to, and whether it offers an automatic fix."""
    _register_builtin_checks()
    return [
        {
            "id": check.check_id,
            "severity": min(check.severities, key=SEVERITY_RANK.__getitem__),
            "severities": list(check.severities),
            "description": check.description,
            "applies_to": check.applies_to,
            "has_fix": check.has_fix,
        }
        for check in CHECKS.values()
    ]


def catalogue_markdown() -> str:
    """``docs/qc.md``: the catalogue as a Markdown page (a test keeps the file in sync)."""
    lines = [
        "# Quality checks",
        "",
        (
            "Generated from `aicmo_kernel.qc.describe_checks()`; do not edit by hand "
            '(regenerate with `python -c "from aicmo_kernel.qc import catalogue_markdown; '
            "print(catalogue_markdown(), end='')\" > docs/qc.md`)."
        ),
        "",
        (
            "QC runs on every version of every deliverable. A **blocker** prevents approval; "
            "**major** and **minor** issues are advice for the reviewer. The score is "
            "`max(0, 100 - 40 × blockers - 15 × majors - 5 × minors)`; the autonomy policy compares "
            "it with its threshold. Where an automatic fix exists, it is the whole corrected text "
            "(`apply_fix(content, issue)`)."
        ),
        "",
        "| check | severity | what it checks | applies to | automatic fix |",
        "|---|---|---|---|---|",
    ]
    for check in describe_checks():
        severity = ", ".join(check["severities"])
        fix = "yes" if check["has_fix"] else "no"
        lines.append(
            f"| `{check['id']}` | {severity} | {check['description']} | {check['applies_to']} | {fix} |"
        )
    return "\n".join(lines) + "\n"
