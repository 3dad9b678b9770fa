"""Every variable is checked where it is read, and a bad value names the variable and what it takes.

Workbench-wide settings raise ConfigurationError at once; a provider's own settings (key, base URL,
model) take only that provider out of the chain, with the same message as the reason.
"""

from __future__ import annotations

import pytest

from aicmo_kernel.cache import cache_enabled
from aicmo_kernel.config import VARIABLES, Settings, shown_value
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import ConfigurationError
from aicmo_kernel.generation import generate
from aicmo_kernel.providers import build_chain
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.providers.pricing import cost_of
from aicmo_kernel.store import Workspace

from fixtures_llm import ANTHROPIC_PATH, FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, OPENAI_PATH, post_request


@pytest.fixture
def ws():
    with Workspace.open() as workspace:
        seed_demo(workspace)
        yield workspace


# -- workbench-wide settings: an error as soon as they are read ---------------------------------


@pytest.mark.parametrize(
    ("name", "value", "accepted"),
    [
        ("AICMO_LLM_TIMEOUT", "abc", "more than 0 and at most 3600"),
        ("AICMO_LLM_TIMEOUT", "0", "more than 0"),
        ("AICMO_LLM_TIMEOUT", "-5", "more than 0"),
        ("AICMO_LLM_TIMEOUT", "nan", "more than 0"),
        ("AICMO_LLM_TIMEOUT", "inf", "at most 3600"),
        ("AICMO_LLM_TIMEOUT", "7200", "at most 3600"),
        ("AICMO_LLM_MAX_RETRY_AFTER", "soon", "from 0 to 600"),
        ("AICMO_LLM_MAX_RETRY_AFTER", "-1", "from 0 to 600"),
        ("AICMO_LLM_MAX_RETRY_AFTER", "601", "from 0 to 600"),
        ("AICMO_LLM_PRIMARY_PROVIDER", "gpt", "openai, anthropic, offline"),
        ("AICMO_LLM_PRIMARY_PROVIDER", "openai,anthropic", "AICMO_LLM_FALLBACK_PROVIDERS"),
        ("AICMO_LLM_FALLBACK_PROVIDERS", "anthropc,offline,ofline", "anthropc, ofline"),
        ("AICMO_NO_DOTENV", "banana", "on or off"),
    ],
)
def test_a_bad_workbench_setting_names_the_variable_and_what_it_accepts(monkeypatch, name, value, accepted):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env()
    assert caught.value.field == name
    assert caught.value.message.startswith(f"{name}={value!r}: ")
    assert accepted in caught.value.message


def test_numbers_in_bounds_are_accepted(monkeypatch):
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "0.4")
    monkeypatch.setenv("AICMO_LLM_MAX_RETRY_AFTER", "0")  # 0: fall back at once, never wait
    settings = Settings.from_env()
    assert (settings.request_timeout, settings.max_retry_after) == (0.4, 0.0)


def test_provider_names_are_case_and_space_tolerant(monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", " Anthropic ")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "OFFLINE, ,openai")
    assert Settings.from_env().provider_order() == ["anthropic", "offline", "openai"]


def test_a_file_in_place_of_the_home_folder_is_named(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("AICMO_HOME", str(blocker))
    with pytest.raises(ConfigurationError, match="AICMO_HOME=.*point it at a folder") as caught:
        Settings.from_env()
    assert caught.value.field == "AICMO_HOME"


def test_no_dotenv_takes_on_and_off(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("AICMO_REVIEWER=from-dotenv\n")
    # Recorded as unset, so the value the .env file puts in os.environ is removed after the test.
    monkeypatch.setenv("AICMO_REVIEWER", "placeholder")
    monkeypatch.delenv("AICMO_REVIEWER")
    monkeypatch.setenv("AICMO_NO_DOTENV", "yes")
    assert Settings.from_env().reviewer is None
    monkeypatch.setenv("AICMO_NO_DOTENV", "0")  # before: any non-empty value switched .env off
    assert Settings.from_env().reviewer == "from-dotenv"


@pytest.mark.parametrize(("value", "expected"), [("on", True), ("YES", True), ("1", True), ("off", False),
                                                 ("0", False), ("false", False), ("No", False), ("", True)])
def test_cache_takes_on_and_off(monkeypatch, value, expected):
    monkeypatch.setenv("AICMO_CACHE", value)
    assert cache_enabled() is expected


def test_cache_banana_is_an_error_naming_the_variable(monkeypatch):
    monkeypatch.setenv("AICMO_CACHE", "banana")
    with pytest.raises(ConfigurationError) as caught:
        cache_enabled()
    assert caught.value.field == "AICMO_CACHE"
    assert caught.value.message == "AICMO_CACHE='banana': use on or off (also 1/0, true/false, yes/no)"
    assert cache_enabled(use_cache=False) is False  # an explicit choice does not read the variable


def test_a_generation_with_cache_banana_fails_naming_it(ws, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    monkeypatch.setenv("AICMO_CACHE", "banana")
    result = generate(ws, "demo", "intake")
    assert not result.ok
    assert result.envelope.error.type == "CONFIGURATION_ERROR"
    assert "AICMO_CACHE='banana'" in result.envelope.error.message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://app:hunter2pw@db:notaport/aicmo", "the postgresql://... URL is not a valid database URL"),
        ("mysql://app:hunter2pw@db/aicmo", "'mysql' is not supported"),
        ("postgresql+asyncpg://app:hunter2pw@db/aicmo", "'asyncpg' PostgreSQL driver is not supported"),
        ("postgresql://app:hunter2pw@db", "names no database"),
        ("nonsense", "the value is not a valid database URL"),
    ],
)
def test_a_bad_database_url_is_named_without_its_password(monkeypatch, url, expected):
    monkeypatch.setenv("AICMO_DATABASE_URL", url)
    with pytest.raises(ConfigurationError) as caught:
        Workspace.open()
    assert caught.value.field == "AICMO_DATABASE_URL"
    assert caught.value.message.startswith("AICMO_DATABASE_URL")
    assert expected in caught.value.message
    assert "hunter2pw" not in caught.value.message


# -- a provider's own settings: that provider is skipped, naming the variable --------------------


def test_openai_base_url_not_a_url_makes_openai_unavailable(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "not-a-url")
    reason = OpenAIProvider.from_settings(Settings.from_env()).unavailable_reason()
    assert reason is not None
    assert reason.startswith("OPENAI_BASE_URL='not-a-url': not an http(s) URL")
    assert "https://api.openai.com/v1" in reason
    assert FAKE_OPENAI_KEY not in reason


def test_a_generation_with_only_a_malformed_openai_fails_naming_openai_base_url(ws, llm_server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "not-a-url")
    result = generate(ws, "demo", "intake")
    assert not result.ok
    error = result.envelope.error
    assert error.type == "CONFIGURATION_ERROR"
    assert "OPENAI_BASE_URL='not-a-url'" in error.message and "connection" not in error.message.lower()
    assert [a["status"] for a in error.details["attempts"]] == ["skipped"]


def test_a_malformed_openai_url_falls_back_to_anthropic_through_its_sdk(ws, llm_server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "localhost:11434/v1")
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", llm_server.anthropic_base_url)
    result = generate(ws, "demo", "intake")
    assert result.ok, result.envelope.error
    assert result.envelope.meta.provider == "anthropic"
    skipped = result.envelope.raw["attempts"][0]
    assert skipped["status"] == "skipped" and "did you mean http://localhost:11434/v1?" in skipped["error_message"]
    assert llm_server.request_count(ANTHROPIC_PATH) == 1 and llm_server.request_count(OPENAI_PATH) == 0


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("ANTHROPIC_BASE_URL", "api.anthropic.com", "did you mean https://api.anthropic.com?"),
        ("ANTHROPIC_BASE_URL", "ftp://api.anthropic.com", "not an http(s) URL"),
        ("ANTHROPIC_BASE_URL", "http://", "names no host"),
        ("ANTHROPIC_BASE_URL", "http://proxy:99999", "check the port"),
        ("ANTHROPIC_BASE_URL", "https://proxy/a b", "no spaces"),
        ("ANTHROPIC_BASE_URL", "https://proxy/?key=abc", "without ? or #"),
        ("AICMO_ANTHROPIC_MODEL", "claude sonnet", "no spaces"),
        ("AICMO_ANTHROPIC_MODEL", "c" * 201, "at most 200 characters"),
    ],
)
def test_a_malformed_anthropic_setting_names_its_variable(monkeypatch, name, value, expected):
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
    monkeypatch.setenv(name, value)
    settings = Settings.from_env()  # not an error for the whole workbench
    reason = AnthropicProvider.from_settings(settings).unavailable_reason()
    assert reason is not None and reason.startswith(f"{name}=") and expected in reason
    chain = build_chain(settings)
    assert chain.unavailable_reason() is not None and name in chain.unavailable_reason()


@pytest.mark.parametrize("value", ["'sk-test-quoted-0123456789'", "Bearer sk-test-spaced-0123456789"])
def test_a_malformed_key_is_named_never_shown(monkeypatch, value):
    monkeypatch.setenv("OPENAI_API_KEY", value)
    reason = OpenAIProvider.from_settings(Settings.from_env()).unavailable_reason()
    assert reason is not None and reason.startswith("OPENAI_API_KEY: ")
    assert "0123456789" not in reason


def test_an_explicit_model_is_not_blamed_on_the_variable(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("AICMO_OPENAI_MODEL", "gpt 4o")
    settings = Settings.from_env()
    assert "AICMO_OPENAI_MODEL" in OpenAIProvider(settings=settings).unavailable_reason()
    assert OpenAIProvider(settings=settings, model="gpt-4o").unavailable_reason() is None


def test_valid_base_urls_still_work_through_the_sdk(llm_env):
    assert OpenAIProvider.from_settings(Settings.from_env()).complete(post_request()).provider == "openai-compatible"
    assert AnthropicProvider.from_settings(Settings.from_env()).complete(post_request()).provider == "anthropic"


# -- the price file -----------------------------------------------------------------------------


def test_a_prices_file_that_is_not_there_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_PRICES_FILE", str(tmp_path / "missing.json"))
    cost, warnings = cost_of("openai", "gpt-4o-mini", 1000, 1000)
    assert cost > 0  # the built-in prices still apply
    assert any(w.startswith("AICMO_PRICES_FILE=") and "no such file" in w for w in warnings)


def test_a_negative_price_is_refused_naming_the_file(tmp_path, monkeypatch):
    prices = tmp_path / "prices.json"
    prices.write_text('{"gpt-4o-mini": {"input": -1, "output": 0.6}}')
    monkeypatch.setenv("AICMO_PRICES_FILE", str(prices))
    cost, warnings = cost_of("openai", "gpt-4o-mini", 1000, 1000)
    assert cost > 0
    assert any("AICMO_PRICES_FILE" in w and "0 or more" in w for w in warnings)


# -- the list itself ----------------------------------------------------------------------------


def test_every_variable_the_package_reads_is_listed():
    import pathlib
    import re

    import aicmo_kernel

    root = pathlib.Path(aicmo_kernel.__file__).parent
    read = set()
    for path in root.rglob("*.py"):
        if "testing" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"(?:environ|env)\.get\(\s*\"((?:AICMO|OPENAI|ANTHROPIC|JUPYTERHUB)_[A-Z_]+)\"", text))
        read |= set(re.findall(r"^[A-Z_]*VARIABLE = \"((?:AICMO)_[A-Z_]+)\"", text, re.M))
    listed = {variable.name for variable in VARIABLES}
    assert read - listed == set()


def test_shown_values_hide_passwords_and_query_values():
    assert shown_value("http://user:pw-secret@proxy/v1?api-key=qs-secret") == "http://user:***@proxy/v1?api-key=***"
    assert "[REDACTED]" in shown_value("sk-proj-abcdefghijklmnop")
