"""Shared test set-up: every test runs in its own workspace folder with no real keys.

Fixture families live beside this file and are loaded as plugins:
``fixtures_llm`` (the loopback LLM server), ``fixtures_store`` (SQLite/PostgreSQL workspaces) and
``fixtures_hub`` (a loopback stand-in for JupyterHub's "who is this token" API).
"""

from __future__ import annotations

import pytest

pytest_plugins = ["fixtures_llm", "fixtures_store", "fixtures_hub"]

_CLEARED = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "AICMO_LLM_PRIMARY_PROVIDER",
    "AICMO_LLM_FALLBACK_PROVIDERS",
    "AICMO_OPENAI_MODEL",
    "AICMO_ANTHROPIC_MODEL",
    "AICMO_DATABASE_URL",
    "AICMO_REVIEWER",
    "AICMO_LLM_TIMEOUT",
    "AICMO_LLM_MAX_RETRY_AFTER",
    "JUPYTERHUB_USER",
    "JUPYTERHUB_API_URL",  # a suite started inside a hub's server is still single-user
    "JUPYTERHUB_API_TOKEN",
    "JPY_API_TOKEN",
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """Point AICMO_HOME at a fresh folder and clear every provider and workspace variable."""
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "aicmo-home"
    monkeypatch.setenv("AICMO_HOME", str(home))
    monkeypatch.setenv("AICMO_NO_DOTENV", "1")
    return home


@pytest.fixture
def missing_sentences(monkeypatch):
    """The English sentences looked up while the test runs that a language's catalogue lacks
    (``modules.translations``): a test of the drafts in French, Spanish or German asserts none."""
    from aicmo_kernel.modules import translations

    real, missing = translations.catalog, set()

    class Recording(dict):
        def get(self, key, default=None):
            if key not in self:
                missing.add(key)
            return super().get(key, default)

    monkeypatch.setattr(translations, "catalog", lambda lang: Recording(real(lang)) if lang != "en" else {})
    return missing
