"""Configuration from the environment (SPEC section 6), plus secret redaction.

Settings are read fresh from ``os.environ`` (after an optional ``.env`` file) each time
``Settings.from_env()`` is called, so tests and kernels can change variables without restarting.
Values of secret variables are never put in messages: errors name the variable only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigurationError

__all__ = [
    "DEFAULT_ANTHROPIC_MODEL",
    "DEFAULT_OPENAI_MODEL",
    "KNOWN_PROVIDERS",
    "SECRET_VARIABLES",
    "Settings",
    "default_home",
    "known_reviewer",
    "redact",
    "redactor",
]

KNOWN_PROVIDERS = ("openai", "anthropic", "offline")
# Autonomy levels, least to most autonomous (workflow.policy says what each allows).
AUTONOMY_LEVELS: tuple[str, ...] = ("manual", "assisted", "semi", "full")
SECRET_VARIABLES = ("OPENAI_API_KEY", "ANTHROPIC_API_KEY")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-6"

_KEY_SHAPES = re.compile(r"(sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{8,})")


def default_home() -> Path:
    """``$AICMO_HOME``, else ``~/.aicmo``: the workspace folder (database, exports, cache)."""
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


def _load_dotenv_once() -> None:
    # A .env in the working directory or AICMO_HOME may set variables; real env wins.
    if os.environ.get("AICMO_NO_DOTENV"):
        return
    candidates = [Path.cwd() / ".env", default_home() / ".env"]
    for path in candidates:
        if path.is_file():
            from dotenv import load_dotenv

            load_dotenv(path, override=False)


def _split_list(value: str) -> list[str]:
    return [part.strip().lower() for part in value.split(",") if part.strip()]


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
        if dotenv:
            _load_dotenv_once()
        env = os.environ
        primary = env.get("AICMO_LLM_PRIMARY_PROVIDER", "").strip().lower() or None
        fallbacks = tuple(_split_list(env.get("AICMO_LLM_FALLBACK_PROVIDERS", "")))
        for name, values in (("AICMO_LLM_PRIMARY_PROVIDER", [primary] if primary else []),
                             ("AICMO_LLM_FALLBACK_PROVIDERS", list(fallbacks))):
            for value in values:
                if value not in KNOWN_PROVIDERS:
                    raise ConfigurationError(
                        f"{name} names an unknown provider {value!r}; choose from "
                        f"{', '.join(KNOWN_PROVIDERS)}",
                        field=name,
                    )
        return cls(
            home=default_home(),
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
            request_timeout=_float_env("AICMO_LLM_TIMEOUT", 60.0),
            max_retry_after=_float_env("AICMO_LLM_MAX_RETRY_AFTER", 20.0),
        )

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


def _float_env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number of seconds", field=name) from None
    if value <= 0:
        raise ConfigurationError(f"{name} must be greater than zero", field=name)
    return value
