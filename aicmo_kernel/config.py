"""Configuration from the environment (SPEC section 6), plus secret redaction.

Settings are read fresh from ``os.environ`` (after an optional ``.env`` file) each time
``Settings.from_env()`` is called, so tests and kernels can change variables without restarting.

Every variable the package reads is listed in ``VARIABLES`` with what it accepts, and is checked
where it is read: a bad value is reported as ``NAME='value': what is accepted`` (``bad_value``),
with secrets never shown and URL passwords masked. There are two kinds of check:

- a setting of the whole workbench (the provider chain, timeouts, the workspace folder, the cache)
  raises ``ConfigurationError`` naming the variable as soon as it is read;
- a setting of one provider (its key, base URL or model) makes that provider *unavailable* with
  the same message (``Settings.provider_problems``, used by the providers' ``unavailable_reason``):
  the chain skips it and falls back, and a run with nothing usable fails naming the variable. One
  mistyped OpenAI URL must not stop Anthropic or offline work, and must not be reported later as
  a mere "connection error".
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ConfigurationError

__all__ = [
    "DEFAULT_ANTHROPIC_MODEL",
    "DEFAULT_OPENAI_MODEL",
    "KNOWN_PROVIDERS",
    "SECRET_VARIABLES",
    "VARIABLES",
    "Settings",
    "Variable",
    "bad_value",
    "base_url_problem",
    "default_home",
    "key_problem",
    "known_reviewer",
    "load_dotenv_files",
    "model_problem",
    "parse_flag",
    "redact",
    "redactor",
    "shown_value",
    "variable_problem",
    "worker_idle_seconds",
]

KNOWN_PROVIDERS = ("openai", "anthropic", "offline")
# Autonomy levels, least to most autonomous (workflow.policy says what each allows).
AUTONOMY_LEVELS: tuple[str, ...] = ("manual", "assisted", "semi", "full")
SECRET_VARIABLES = ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "JUPYTERHUB_API_TOKEN", "JPY_API_TOKEN",
                    "AICMO_DASHBOARD_TOKEN", "AICMO_HUB_PASSWORD", "AICMO_ANALYST_DATABASE_URL")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-6"

_KEY_SHAPES = re.compile(r"(sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{8,})")
_URL_PASSWORD = re.compile(r"(://[^/@:\s]*:)[^@\s]*@")
_URL_QUERY_VALUE = re.compile(r"([?&][^=&#\s]+=)[^&#\s]*")  # e.g. ?api-key=... on a proxy URL
_SHOWN_CHARS = 80
_MAX_MODEL_CHARS = 200  # what the call log and the cache keep of a model name
_TRUE = frozenset({"1", "on", "true", "yes", "enabled"})
_FALSE = frozenset({"0", "off", "false", "no", "disabled"})
FLAG_ACCEPTS = "use on or off (also 1/0, true/false, yes/no)"
OPENAI_URL_EXAMPLE = "https://api.openai.com/v1, or http://localhost:11434/v1 for Ollama"
ANTHROPIC_URL_EXAMPLE = "https://api.anthropic.com"
TIMEOUT_BOUNDS = (0.0, 3600.0)  # AICMO_LLM_TIMEOUT: more than 0, at most an hour
RETRY_AFTER_BOUNDS = (0.0, 600.0)  # AICMO_LLM_MAX_RETRY_AFTER: 0 (never wait) to ten minutes
WORKER_IDLE_BOUNDS = (0.0, 86400.0)  # AICMO_WORKER_IDLE_SECONDS: more than 0, at most a day


@dataclass(frozen=True)
class Variable:
    """One environment variable the package reads: what it accepts and what happens unset.

    ``provider``: the provider a bad value makes unavailable (None: a bad value is an error as
    soon as it is read). ``reader``: the module that reads it, where its check lives.
    """

    name: str
    accepts: str
    default: str
    reader: str
    secret: bool = False
    provider: str | None = None


VARIABLES: tuple[Variable, ...] = (
    Variable("AICMO_HOME", "a folder (created when missing), not a file", "~/.aicmo", "config"),
    Variable("AICMO_DATABASE_URL",
             "sqlite:///PATH or postgresql://user:password@host:5432/dbname (password never shown)",
             "sqlite:///$AICMO_HOME/workspace.sqlite", "store.database"),
    Variable("OPENAI_API_KEY", "the key alone: no spaces, no quotes around it",
             "none: openai is skipped (a keyless server at OPENAI_BASE_URL is used when openai is named "
             "in AICMO_LLM_PRIMARY_PROVIDER or AICMO_LLM_FALLBACK_PROVIDERS)",
             "config", secret=True, provider="openai"),
    Variable("OPENAI_BASE_URL", f"an http(s) URL with a host, e.g. {OPENAI_URL_EXAMPLE}",
             "OpenAI's API", "config", provider="openai"),
    Variable("ANTHROPIC_API_KEY", "the key alone: no spaces, no quotes around it",
             "none: anthropic is skipped", "config", secret=True, provider="anthropic"),
    Variable("ANTHROPIC_BASE_URL", f"an http(s) URL with a host, e.g. {ANTHROPIC_URL_EXAMPLE} (the SDK adds /v1)",
             "Anthropic's API", "config", provider="anthropic"),
    Variable("AICMO_LLM_PRIMARY_PROVIDER", f"one of {', '.join(KNOWN_PROVIDERS)}",
             "the providers that have keys (openai, then anthropic), else offline", "config"),
    Variable("AICMO_LLM_FALLBACK_PROVIDERS", f"a comma list of {', '.join(KNOWN_PROVIDERS)}",
             "none", "config"),
    Variable("AICMO_OPENAI_MODEL", f"a model name: no spaces, at most {_MAX_MODEL_CHARS} characters",
             DEFAULT_OPENAI_MODEL, "config", provider="openai"),
    Variable("AICMO_ANTHROPIC_MODEL", f"a model name: no spaces, at most {_MAX_MODEL_CHARS} characters",
             DEFAULT_ANTHROPIC_MODEL, "config", provider="anthropic"),
    Variable("AICMO_LLM_TIMEOUT", "seconds for a whole model call: a number more than 0, at most 3600",
             "60", "config"),
    Variable("AICMO_LLM_MAX_RETRY_AFTER",
             "seconds: the longest Retry-After the chain waits, 0 (never wait) to 600", "20", "config"),
    Variable("AICMO_CACHE", "on or off (also 1/0, true/false, yes/no)", "on", "cache"),
    Variable("AICMO_PROMPT_CACHE", "on or off: mark each prompt's stable prefix for Anthropic's prompt cache "
             "(writes 1.25x input, reads 0.1x)", "on", "providers.anthropic"),
    Variable("AICMO_PRICES_FILE", "the path of a JSON price file", "$AICMO_HOME/prices.json",
             "providers.pricing"),
    Variable("AICMO_CONTEXT_BUDGET", "tokens of upstream a prompt may carry: a number (500 or more), or "
             "module=tokens pairs", "per module (docs/costs.md)", "providers.context"),
    Variable("AICMO_REVIEWER", "a name, recorded on approvals", "none: the UI asks, the CLI wants --reviewer",
             "config"),
    Variable("JUPYTERHUB_USER", "set by JupyterHub; wins over AICMO_REVIEWER", "none", "config"),
    Variable("JUPYTERHUB_API_URL", "set by JupyterHub in a user's server: the hub's API, asked who is signed in",
             "none: single-user, no roles", "identity"),
    Variable("JUPYTERHUB_API_TOKEN", "set by JupyterHub: the server's token (never shown)",
             "none", "identity", secret=True),
    Variable("JPY_API_TOKEN", "the same token under its older name (never shown)", "none", "identity", secret=True),
    Variable("AICMO_NO_DOTENV", "on to ignore .env files (also 1/true/yes; off, 0, false, no read them)",
             "off: .env in the working folder and in AICMO_HOME are read", "config"),
    Variable("AICMO_NOTEBOOKS", "a folder of notebooks", "the repository's notebooks/", "serve"),
    Variable("AICMO_HUB_PASSWORD", "aicmo hub's shared trial password, 8 characters or more (never shown)",
             "none: aicmo hub refuses to start", "cli", secret=True),
    Variable("AICMO_CHP", "the path of configurable-http-proxy", ".venv/chp, then the PATH", "serve"),
    # Read by share/jupyterhub_config.py; aicmo hub sets them, a deployment may.
    Variable("AICMO_HUB_TEAM", "a YAML team file (analysts, reviewers, admins, clients by brand)",
             "none: groups come from the hub's admin page", "share/jupyterhub_config.py"),
    Variable("AICMO_HUB_STATE", "a folder for the hub's database and cookie secret", "the working folder",
             "share/jupyterhub_config.py"),
    Variable("AICMO_HUB_IP", "the address the hub's proxy listens on", "127.0.0.1", "share/jupyterhub_config.py"),
    Variable("AICMO_HUB_PORT", "the port people open", "8000", "share/jupyterhub_config.py"),
    Variable("AICMO_HUB_API_PORT", "the hub's own API port (loopback)", "8081", "share/jupyterhub_config.py"),
    Variable("AICMO_HUB_PROXY_API_PORT", "the proxy's API port (loopback)", "8001", "share/jupyterhub_config.py"),
    Variable("AICMO_HUB_SPAWNER", "a JupyterHub spawner name or class", "simple (the trial's: no isolation)",
             "share/jupyterhub_config.py"),
    Variable("AICMO_ANALYST_DATABASE_URL", "the workspace's database URL with the analysts' PostgreSQL role "
             "(aicmo db guard-analysts); given to analysts' servers as AICMO_DATABASE_URL",
             "none: analysts' servers get AICMO_DATABASE_URL", "share/jupyterhub_config.py", secret=True),
    Variable("AICMO_HUB_CULL_SECONDS", "seconds before an idle server is stopped; 0 never", "3600",
             "share/jupyterhub_config.py"),
    Variable("AICMO_DASHBOARD_TOKEN", "the token reviewers give to open aicmo dashboard (never shown)",
             "none: the dashboard listens on localhost only", "cli", secret=True),
    Variable("AICMO_CAMPAIGN", "a campaign name the campaign picker starts on", "the first campaign",
             "ui.picker"),
    Variable("AICMO_NOTEBOOK_SELFTEST", "1 makes the notebooks drive their own widgets (CI)", "off",
             "ui.selftest"),
    Variable("AICMO_WORKER", "on or off: off runs every aicmo command in its own process even when aicmo "
             "worker runs", "on: commands go to this workspace's aicmo worker when one of this code runs",
             "forkserver"),
    Variable("AICMO_WORKER_IDLE_SECONDS", "seconds without a command before aicmo worker stops: a number "
             "more than 0, at most 86400", "1800 (30 minutes)", "cli.worker"),
)


def default_home() -> Path:
    """``$AICMO_HOME``, else ``~/.aicmo``: the workspace folder (database, exports, cache).

    Never raises (error logging uses it); ``Settings.from_env`` is where a file in its place is
    refused."""
    value = os.environ.get("AICMO_HOME", "").strip()
    return Path(value).expanduser() if value else Path.home() / ".aicmo"


def known_reviewer() -> str | None:
    """The person at the keyboard when the environment says so: the JupyterHub user, else
    ``AICMO_REVIEWER``; None when neither is set (the UI then asks, the CLI wants --reviewer)."""
    for name in ("JUPYTERHUB_USER", "AICMO_REVIEWER"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def redactor(secrets: list[str] | tuple[str, ...] | None = None) -> Callable[[str], str]:
    """A function that removes the secrets known now (from the environment, plus any given) and
    key-shaped strings. Build it once to redact many strings (reading the environment per string
    was most of the cost of redacting a stored envelope)."""
    values = [os.environ.get(name, "") for name in SECRET_VARIABLES] + list(secrets or [])
    values = [value for value in values if value and len(value) >= 6]

    def apply(text: str) -> str:
        if not text:
            return text
        for value in values:
            text = text.replace(value, "[REDACTED]")
        return _KEY_SHAPES.sub("[REDACTED]", text)

    return apply


def redact(text: str, secrets: list[str] | tuple[str, ...] | None = None) -> str:
    """Remove secret values (from the environment, plus any given) and key-shaped strings."""
    return redactor(secrets)(text) if text else text


# --------------------------------------------------------------------------- checking values


def shown_value(raw: str) -> str:
    """``raw`` as it may appear in a message: secrets and URL passwords removed, trimmed."""
    text = _URL_QUERY_VALUE.sub(r"\1***", _URL_PASSWORD.sub(r"\1***@", redact(raw)))
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def bad_value(name: str, raw: str, accepted: str, *, secret: bool | None = None) -> str:
    """The message for a bad value: ``NAME='value': accepted`` (a secret's value is left out)."""
    if secret is None:
        secret = name in SECRET_VARIABLES
    return f"{name}: {accepted}" if secret else f"{name}={shown_value(raw)!r}: {accepted}"


def parse_flag(name: str, raw: str | None, default: bool) -> bool:
    """An on/off variable; ``default`` when unset or empty, ConfigurationError naming it otherwise."""
    value = (raw or "").strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(bad_value(name, raw or "", FLAG_ACCEPTS), field=name)


def base_url_problem(name: str, raw: str | None, example: str) -> str | None:
    """Why ``raw`` cannot be an SDK's base URL (names ``name``), or None if it can or is unset."""
    if not raw:
        return None
    if any(ch.isspace() for ch in raw) or not raw.isprintable():
        return bad_value(name, raw, f"a URL has no spaces; e.g. {example}")
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return bad_value(name, raw, f"not a valid URL (check the port); e.g. {example}")
    if parts.scheme.lower() not in ("http", "https"):
        return bad_value(name, raw, f"not an http(s) URL; e.g. {example}{_scheme_hint(raw)}")
    if not parts.hostname:
        return bad_value(name, raw, f"the URL names no host; e.g. {example}")
    if parts.query or parts.fragment:
        return bad_value(name, raw, f"give the base URL alone, without ? or #; e.g. {example}")
    return None


def _scheme_hint(raw: str) -> str:
    # "localhost:11434/v1" or "api.openai.com/v1": a host without its scheme.
    if not re.fullmatch(r"(localhost|\d+(\.\d+){3}|[\w-]+(\.[\w-]+)+)(:\d+)?(/\S*)?", raw):
        return ""
    local = raw.startswith(("localhost", "127.", "0.0.0.0"))
    return f" (did you mean {'http' if local else 'https'}://{shown_value(raw)}?)"


def key_problem(name: str, raw: str | None) -> str | None:
    """Why ``raw`` cannot be an API key (naming ``name``, never showing the value), or None."""
    if not raw:
        return None
    if len(raw) >= 2 and raw[0] in "\"'" and raw[-1] == raw[0]:
        return f"{name}: the key is wrapped in quotes; set it without them"
    if any(ch.isspace() for ch in raw) or not raw.isprintable():
        return f"{name}: the key contains spaces or control characters; set the key alone"
    return None


def model_problem(name: str, raw: str | None) -> str | None:
    """Why ``raw`` cannot be a model name (naming ``name``), or None."""
    if not raw:
        return None
    if any(ch.isspace() for ch in raw) or not raw.isprintable():
        return bad_value(name, raw, "a model name has no spaces, e.g. gpt-4o-mini or claude-sonnet-4-6")
    if len(raw) > _MAX_MODEL_CHARS:
        return bad_value(name, raw, f"a model name has at most {_MAX_MODEL_CHARS} characters")
    return None


def variable_problem(name: str, raw: str | None = None) -> str | None:
    """What is wrong with ``name``'s value (``raw``, else the environment's), or None.

    Covers the variables this module reads; the others are checked by their readers
    (``Variable.reader``): ``store.database``, ``cache``, ``providers.pricing``, ``serve``.
    """
    value = (os.environ.get(name, "") if raw is None else raw).strip()
    if not value:
        return None
    checks: dict[str, Callable[[str], str | None]] = {
        "OPENAI_BASE_URL": lambda v: base_url_problem(name, v, OPENAI_URL_EXAMPLE),
        "ANTHROPIC_BASE_URL": lambda v: base_url_problem(name, v, ANTHROPIC_URL_EXAMPLE),
        "OPENAI_API_KEY": lambda v: key_problem(name, v),
        "ANTHROPIC_API_KEY": lambda v: key_problem(name, v),
        "AICMO_OPENAI_MODEL": lambda v: model_problem(name, v),
        "AICMO_ANTHROPIC_MODEL": lambda v: model_problem(name, v),
        "AICMO_LLM_PRIMARY_PROVIDER": lambda v: _raises(lambda: _primary_provider(v)),
        "AICMO_LLM_FALLBACK_PROVIDERS": lambda v: _raises(lambda: _fallback_providers(v)),
        "AICMO_LLM_TIMEOUT": lambda v: _raises(lambda: _seconds(name, v, 60.0, TIMEOUT_BOUNDS, zero_ok=False)),
        "AICMO_LLM_MAX_RETRY_AFTER": lambda v: _raises(
            lambda: _seconds(name, v, 20.0, RETRY_AFTER_BOUNDS, zero_ok=True)),
        "AICMO_NO_DOTENV": lambda v: _raises(lambda: parse_flag(name, v, False)),
        "AICMO_HOME": lambda v: _raises(lambda: _checked_home(Path(v).expanduser())),
        "AICMO_WORKER": lambda v: _raises(lambda: parse_flag(name, v, True)),
        "AICMO_WORKER_IDLE_SECONDS": lambda v: _raises(
            lambda: _seconds(name, v, 1800.0, WORKER_IDLE_BOUNDS, zero_ok=False)),
    }
    check = checks.get(name)
    return check(value) if check else None


def _raises(read: Callable[[], object]) -> str | None:
    try:
        read()
    except ConfigurationError as exc:
        return exc.message
    return None


def load_dotenv_files() -> None:
    """Read ``.env`` in the working folder and in ``AICMO_HOME`` (the real environment wins),
    unless ``AICMO_NO_DOTENV`` is on."""
    if parse_flag("AICMO_NO_DOTENV", os.environ.get("AICMO_NO_DOTENV"), False):
        return
    candidates = [Path.cwd() / ".env", default_home() / ".env"]
    for path in candidates:
        if path.is_file():
            from dotenv import load_dotenv

            load_dotenv(path, override=False)


def _primary_provider(raw: str) -> str | None:
    value = raw.strip().lower()
    if not value:
        return None
    if value not in KNOWN_PROVIDERS:
        more = "; list further providers in AICMO_LLM_FALLBACK_PROVIDERS" if "," in value else ""
        raise ConfigurationError(
            bad_value("AICMO_LLM_PRIMARY_PROVIDER", raw,
                      f"unknown provider; use one of {', '.join(KNOWN_PROVIDERS)}{more}"),
            field="AICMO_LLM_PRIMARY_PROVIDER",
        )
    return value


def _fallback_providers(raw: str) -> tuple[str, ...]:
    names = tuple(part.strip().lower() for part in raw.split(",") if part.strip())
    unknown = [name for name in names if name not in KNOWN_PROVIDERS]
    if unknown:
        raise ConfigurationError(
            bad_value("AICMO_LLM_FALLBACK_PROVIDERS", raw,
                      f"unknown provider{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; use a comma list of "
                      f"{', '.join(KNOWN_PROVIDERS)}"),
            field="AICMO_LLM_FALLBACK_PROVIDERS",
        )
    return names


def _checked_home(home: Path) -> Path:
    if home.exists() and not home.is_dir():
        raise ConfigurationError(
            bad_value("AICMO_HOME", str(home), "a file is in the way; point it at a folder (created when missing)"),
            field="AICMO_HOME",
        )
    return home


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str | None
    primary_provider: str | None
    fallback_providers: tuple[str, ...]
    openai_api_key: str | None = field(repr=False)
    openai_base_url: str | None
    anthropic_api_key: str | None = field(repr=False)
    anthropic_base_url: str | None
    openai_model: str
    anthropic_model: str
    reviewer: str | None
    request_timeout: float = 60.0
    max_retry_after: float = 20.0

    @classmethod
    def from_env(cls, *, dotenv: bool = True) -> "Settings":
        """The settings the environment gives now; ConfigurationError naming the variable when a
        workbench-wide one is malformed (a provider's own settings are checked by
        ``provider_problems``, so a bad one only takes that provider out of the chain)."""
        if dotenv:
            load_dotenv_files()
        env = os.environ
        primary = _primary_provider(env.get("AICMO_LLM_PRIMARY_PROVIDER", ""))
        fallbacks = _fallback_providers(env.get("AICMO_LLM_FALLBACK_PROVIDERS", ""))
        return cls(
            home=_checked_home(default_home()),
            database_url=env.get("AICMO_DATABASE_URL", "").strip() or None,
            primary_provider=primary,
            fallback_providers=fallbacks,
            openai_api_key=env.get("OPENAI_API_KEY", "").strip() or None,
            openai_base_url=env.get("OPENAI_BASE_URL", "").strip() or None,
            anthropic_api_key=env.get("ANTHROPIC_API_KEY", "").strip() or None,
            anthropic_base_url=env.get("ANTHROPIC_BASE_URL", "").strip() or None,
            openai_model=env.get("AICMO_OPENAI_MODEL", "").strip() or DEFAULT_OPENAI_MODEL,
            anthropic_model=env.get("AICMO_ANTHROPIC_MODEL", "").strip() or DEFAULT_ANTHROPIC_MODEL,
            reviewer=env.get("AICMO_REVIEWER", "").strip() or None,
            request_timeout=_seconds("AICMO_LLM_TIMEOUT", env.get("AICMO_LLM_TIMEOUT", ""), 60.0,
                                     TIMEOUT_BOUNDS, zero_ok=False),
            max_retry_after=_seconds("AICMO_LLM_MAX_RETRY_AFTER", env.get("AICMO_LLM_MAX_RETRY_AFTER", ""),
                                     20.0, RETRY_AFTER_BOUNDS, zero_ok=True),
        )

    def provider_problems(self, provider: str, *, model: bool = True) -> list[str]:
        """What in ``provider``'s own settings is malformed (each message names its variable).

        ``model=False`` leaves out the model variable, for a provider given its model directly.
        A missing key is not a problem here: whether a provider needs one is its own rule.
        """
        if provider == "openai":
            problems = [base_url_problem("OPENAI_BASE_URL", self.openai_base_url, OPENAI_URL_EXAMPLE),
                        key_problem("OPENAI_API_KEY", self.openai_api_key),
                        model_problem("AICMO_OPENAI_MODEL", self.openai_model) if model else None]
        elif provider == "anthropic":
            problems = [base_url_problem("ANTHROPIC_BASE_URL", self.anthropic_base_url, ANTHROPIC_URL_EXAMPLE),
                        key_problem("ANTHROPIC_API_KEY", self.anthropic_api_key),
                        model_problem("AICMO_ANTHROPIC_MODEL", self.anthropic_model) if model else None]
        else:
            problems = []
        return [problem for problem in problems if problem]

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'workspace.sqlite'}"

    def provider_order(self) -> list[str]:
        """The chain as configured, before credentials are checked (SPEC section 6).

        With neither variable set: the providers that have credentials (openai, then
        anthropic), and offline only when none has.
        """
        if self.primary_provider or self.fallback_providers:
            order = ([self.primary_provider] if self.primary_provider else []) + list(self.fallback_providers)
            seen: list[str] = []
            for name in order:
                if name not in seen:
                    seen.append(name)
            return seen
        keyed = [name for name, key in (("openai", self.openai_api_key), ("anthropic", self.anthropic_api_key)) if key]
        return keyed or ["offline"]


def _seconds(name: str, raw: str, default: float, bounds: tuple[float, float], *, zero_ok: bool) -> float:
    """A number of seconds within ``bounds`` (the low end allowed only when ``zero_ok``)."""
    text = raw.strip()
    if not text:
        return default
    low, high = bounds
    accepted = (f"use a number of seconds from {low:g} to {high:g}" if zero_ok
                else f"use a number of seconds more than {low:g} and at most {high:g}") + f", e.g. {default:g}"
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value > high or value < low or (value == low and not zero_ok):
        raise ConfigurationError(bad_value(name, text, accepted), field=name)
    return value


def worker_idle_seconds(raw: str | None) -> float:
    """``AICMO_WORKER_IDLE_SECONDS``: how long ``aicmo worker`` waits for a command before it
    stops (1800); ConfigurationError naming the variable when malformed."""
    return _seconds("AICMO_WORKER_IDLE_SECONDS", raw or "", 1800.0, WORKER_IDLE_BOUNDS, zero_ok=False)
