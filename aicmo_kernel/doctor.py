"""``aicmo doctor``: what the configuration says, checked without sending anything.

``run_checks()`` returns a list of ``Check`` (section, name, status ok/warn/fail, message), in four
sections:

- **variables**: every variable the package reads (``config.VARIABLES``): its value, or "not
  set" and the default, or why it is invalid and what is accepted. Each is checked by the code
  that reads it (config, store.database, cache, providers.pricing, serve), so the doctor and a
  real run never disagree. A secret is only ever "set" or "not set".
- **providers**: the chain in order, each provider usable or skipped and why (a base URL that is
  not an http(s) URL included), then whether anything at all can answer.
- **workspace**: the database opens (and is migrated, as any command would).
- **ping**, only with ``ping=True``: one request per usable provider through its own SDK, listing
  its models (``GET /models``, no tokens spent), reported ok or failed with the redacted error.

Without ``ping`` no request is sent to any provider. ``render_lines`` gives the text the CLI
prints, ``report`` a JSON-able dict for ``--json``; ``has_failures`` decides the exit status
(warnings do not fail). Every message passes through ``config.redactor`` once more at the end, so
a key value cannot reach the output even if a check quoted one by mistake.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any, Literal

from .config import VARIABLES, Settings, Variable, redactor, shown_value, variable_problem
from .errors import AicmoError

__all__ = ["DEFAULT_PING_TIMEOUT_S", "Check", "has_failures", "render_lines", "report", "run_checks"]

Status = Literal["ok", "warn", "fail"]
DEFAULT_PING_TIMEOUT_S = 5.0
_SECTIONS = ("variables", "providers", "workspace", "ping")


@dataclass(frozen=True)
class Check:
    section: str  # one of variables, providers, workspace, ping
    name: str  # the variable, provider or thing checked
    status: Status
    message: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def run_checks(*, ping: bool = False, ping_timeout: float = DEFAULT_PING_TIMEOUT_S) -> list[Check]:
    """Every check, in section order; requests go out only when ``ping`` is true."""
    settings, settings_error = _settings()
    checks = [_variable_check(variable) for variable in VARIABLES]
    provider_checks, usable = _provider_checks(settings, settings_error)
    checks += provider_checks
    checks += _workspace_checks()
    if not ping:
        checks.append(Check("ping", "ping", "ok",
                            "no request sent (aicmo doctor --ping asks each usable provider once)"))
    else:
        for provider in usable:
            checks += _ping(provider, ping_timeout)
    clean = redactor()
    return [Check(c.section, c.name, c.status, clean(c.message)) for c in checks]


def has_failures(checks: list[Check]) -> bool:
    return any(check.status == "fail" for check in checks)


def report(checks: list[Check]) -> dict[str, Any]:
    """The checks as a JSON-able dict: ``ok`` (no failure), counts, and every check."""
    return {
        "ok": not has_failures(checks),
        "failed": sum(c.status == "fail" for c in checks),
        "warnings": sum(c.status == "warn" for c in checks),
        "checks": [c.as_dict() for c in checks],
    }


def render_lines(checks: list[Check]) -> list[str]:
    """The checks as text, one line each under a heading per section, then a summary line."""
    lines: list[str] = []
    width = max((len(c.name) for c in checks), default=0)
    for section in _SECTIONS:
        rows = [c for c in checks if c.section == section]
        if not rows:
            continue
        lines.append(f"{section}:")
        lines += [f"  {_LABELS[c.status]:<4}  {c.name:<{width}}  {c.message}" for c in rows]
    failed, warned = sum(c.status == "fail" for c in checks), sum(c.status == "warn" for c in checks)
    lines.append(f"{failed} failed, " + _counted(warned, "{count} warning", "{count} warnings") if failed or warned
                 else "everything checked is ok")
    return lines


_LABELS = {"ok": "ok", "warn": "warn", "fail": "FAIL"}


def _counted(count: int, one: str, many: str) -> str:
    """A counted noun in English, the CLI's language: "1 warning", "2 warnings", never "warning(s)"."""
    from .modules.phrasebook import counted

    return counted("en", count, one, many)


# --------------------------------------------------------------------------- variables


def _settings() -> tuple[Settings | None, str | None]:
    # First, so a .env file is read before the variables are looked at (as a real run would).
    try:
        return Settings.from_env(), None
    except AicmoError as exc:
        return None, exc.message


def _variable_check(variable: Variable) -> Check:
    name = variable.name
    raw = os.environ.get(name, "").strip()
    if not raw:
        return Check("variables", name, "ok", f"not set ({_default_text(variable)})")
    problem, status = _problem(variable, raw)
    if problem:
        return Check("variables", name, status, problem)
    shown = "set" if variable.secret else _display(variable, raw)
    return Check("variables", name, "ok", shown)


def _default_text(variable: Variable) -> str:
    if variable.name == "AICMO_HOME":
        from .config import default_home

        return f"{variable.default}: {default_home()}"
    return f"default: {variable.default}"


def _display(variable: Variable, raw: str) -> str:
    if variable.name == "AICMO_DATABASE_URL":
        from .store.database import display_url, parse_database_url

        return display_url(parse_database_url(raw))
    return shown_value(raw)


def _problem(variable: Variable, raw: str) -> tuple[str | None, Status]:
    """(what is wrong, how bad) for a set variable, asking the module that reads it."""
    name = variable.name
    try:
        if name == "AICMO_DATABASE_URL":
            from .store.database import parse_database_url

            parse_database_url(raw)
        elif name == "AICMO_CACHE":
            from .cache import cache_enabled

            cache_enabled()
        elif name == "AICMO_PRICES_FILE":
            from .providers.pricing import load_prices

            _table, warnings = load_prices()
            return ("; ".join(warnings) or None), "warn"
        elif name == "AICMO_CONTEXT_BUDGET":
            from .providers.context import context_budget

            context_budget("intake")
        elif name == "AICMO_NOTEBOOKS":
            from .serve import notebooks_dir

            notebooks_dir()
        elif name == "AICMO_NOTEBOOK_SELFTEST":
            if raw not in ("0", "1"):
                # ui.selftest only ever looks for "1": any other value leaves the self-test off.
                return f"{name}={shown_value(raw)!r}: only 1 turns the self-test on; this value leaves it off", "warn"
        else:
            return variable_problem(name, raw), "fail"
    except AicmoError as exc:
        return exc.message, "fail"
    return None, "ok"


# --------------------------------------------------------------------------- providers and ping


def _provider_checks(settings: Settings | None, settings_error: str | None) -> tuple[list[Check], list[Any]]:
    """The chain's checks, and its usable providers (the ones a ping asks)."""
    if settings is None:
        return [Check("providers", "chain", "fail", f"the chain cannot be built: {settings_error}")], []
    from .providers import build_chain

    chain = build_chain(settings)
    checks = [Check("providers", "chain", "ok", " -> ".join(chain.provider_names) or "(empty)")]
    usable = []
    for provider in chain.providers:
        reason = provider.unavailable_reason()
        if reason is None:
            usable.append(provider)
            checks.append(Check("providers", provider.name, "ok", f"usable, model {provider.model}"))
        else:
            checks.append(Check("providers", provider.name, "warn", f"skipped: {reason}"))
    if not usable:
        checks.append(Check("providers", "usable", "fail",
                            "no provider in the chain is usable: every generation would fail; "
                            "fix what the skipped providers name, or add offline to AICMO_LLM_FALLBACK_PROVIDERS"))
    return checks, usable


def _ping(provider: Any, timeout: float) -> list[Check]:
    from .errors import ProviderError

    ping = getattr(provider, "ping", None)
    if ping is None:
        return [Check("ping", provider.name, "ok", "runs in this process: nothing to reach")]
    try:
        models = ping(timeout=timeout)
    except ProviderError as exc:
        return [Check("ping", provider.name, "fail", f"{exc.error_type}: {exc.message}")]
    listed_count = _counted(len(models), "answered, {count} model listed", "answered, {count} models listed")
    checks = [Check("ping", provider.name, "ok", listed_count)]
    if models and not any(m == provider.model or m.startswith(provider.model + "-") for m in models):
        listed = ", ".join(models[:5]) + (", ..." if len(models) > 5 else "")
        checks.append(Check("ping", f"{provider.name} model", "warn",
                            f"{provider.model} is not among the models it lists ({listed}); "
                            "check the model variable if calls fail with 404"))
    return checks


# --------------------------------------------------------------------------- workspace


def _workspace_checks() -> list[Check]:
    from .store import Workspace

    try:
        with Workspace.open() as ws:
            checks = [Check("workspace", "workspace", "ok", f"{ws.url_for_display} ({ws.dialect}), reachable")]
            campaign = os.environ.get("AICMO_CAMPAIGN", "").strip()
            if campaign:
                try:
                    ws.get_campaign(campaign)
                except AicmoError:
                    checks.append(Check("workspace", "AICMO_CAMPAIGN", "warn",
                                        f"AICMO_CAMPAIGN={shown_value(campaign)!r}: no such campaign in this "
                                        "workspace; the picker starts on the first one"))
            return checks
    except (AicmoError, OSError) as exc:
        message = exc.message if isinstance(exc, AicmoError) else f"{type(exc).__name__}: {exc}"
        return [Check("workspace", "workspace", "fail", f"NOT usable: {message}")]
