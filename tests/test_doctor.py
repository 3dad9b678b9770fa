"""`aicmo doctor`'s checks: variables named with why they are wrong, providers usable or skipped,
no request without ping, one real SDK request per provider with it, never a key in the output."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from aicmo_kernel.doctor import Check, has_failures, render_lines, report, run_checks

from fixtures_llm import FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY


@pytest.fixture(autouse=True)
def _no_other_variables(monkeypatch):
    # conftest clears the provider and workspace variables; these too, whatever the shell has.
    for name in ("AICMO_CACHE", "AICMO_PRICES_FILE", "AICMO_NOTEBOOKS", "AICMO_CAMPAIGN", "AICMO_NOTEBOOK_SELFTEST"):
        monkeypatch.delenv(name, raising=False)


class ConnectionCounter:
    """A port that accepts connections, counts them and hangs up: any request at all shows."""

    def __init__(self) -> None:
        self.count = 0
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(8)
        self._socket.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except (TimeoutError, OSError):
                continue
            self.count += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._socket.close()


@pytest.fixture
def counter() -> Iterator[ConnectionCounter]:
    listener = ConnectionCounter()
    yield listener
    listener.close()


def _both_providers(monkeypatch, openai_url: str, anthropic_url: str) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", anthropic_url)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "anthropic")


def _find(checks: list[Check], section: str, name: str) -> Check:
    matches = [c for c in checks if c.section == section and c.name == name]
    assert len(matches) == 1, f"{section}/{name} in {checks}"
    return matches[0]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing listens there


# -- no request unless asked ----------------------------------------------------------------------


def test_without_ping_no_connection_is_opened(counter, monkeypatch):
    _both_providers(monkeypatch, f"{counter.url}/v1", counter.url)
    checks = run_checks()
    assert counter.count == 0
    assert _find(checks, "providers", "openai-compatible").status == "ok"
    assert _find(checks, "providers", "anthropic").status == "ok"
    assert "no request sent" in _find(checks, "ping", "ping").message
    assert not has_failures(checks)
    # The counter does see requests: with ping, one connection per provider (each then fails).
    pinged = run_checks(ping=True, ping_timeout=2)
    assert counter.count == 2
    assert _find(pinged, "ping", "openai-compatible").status == "fail"
    assert _find(pinged, "ping", "anthropic").status == "fail"


def test_without_ping_the_loopback_server_sees_nothing(llm_env):
    run_checks()
    assert llm_env.requests == []


# -- ping -----------------------------------------------------------------------------------------


def test_ping_through_both_real_sdks_against_the_loopback_server(llm_env, monkeypatch):
    _both_providers(monkeypatch, llm_env.openai_base_url, llm_env.anthropic_base_url)
    # The loopback server lists "loopback" to the OpenAI SDK, "claude-loopback" to Anthropic's.
    monkeypatch.setenv("AICMO_OPENAI_MODEL", "loopback")
    monkeypatch.setenv("AICMO_ANTHROPIC_MODEL", "claude-loopback")
    checks = run_checks(ping=True)
    for name in ("openai-compatible", "anthropic"):
        ping = _find(checks, "ping", name)
        assert ping.status == "ok" and ping.message == "answered, 1 model listed"
    assert not [c for c in checks if c.status != "ok"], checks
    assert llm_env.request_count("/v1/chat/completions") == llm_env.request_count("/v1/messages") == 0


def test_ping_warns_when_the_model_is_not_listed(llm_env, monkeypatch):
    _both_providers(monkeypatch, llm_env.openai_base_url, llm_env.anthropic_base_url)
    checks = run_checks(ping=True)
    openai_model = _find(checks, "ping", "openai-compatible model")
    assert openai_model.status == "warn" and "gpt-4o-mini is not among" in openai_model.message
    assert "(loopback)" in openai_model.message
    anthropic_model = _find(checks, "ping", "anthropic model")
    assert anthropic_model.status == "warn" and "(claude-loopback)" in anthropic_model.message
    assert not has_failures(checks)  # a warning does not fail the doctor


def test_ping_to_a_closed_port_fails_and_only_then(monkeypatch):
    port = _closed_port()
    _both_providers(monkeypatch, f"http://127.0.0.1:{port}/v1", f"http://127.0.0.1:{port}")
    assert not has_failures(run_checks())  # the shape is fine; nothing was asked
    checks = run_checks(ping=True, ping_timeout=2)
    for name in ("openai-compatible", "anthropic"):
        ping = _find(checks, "ping", name)
        assert ping.status == "fail" and "connection failed" in ping.message
    assert has_failures(checks) and report(checks)["ok"] is False


def test_the_offline_provider_has_nothing_to_ping(monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    checks = run_checks(ping=True)
    assert _find(checks, "ping", "offline").status == "ok"
    assert not has_failures(checks)


# -- bad configuration is named -------------------------------------------------------------------


def test_openai_base_url_not_a_url_is_a_failure_and_openai_is_skipped(counter, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "not-a-url")
    checks = run_checks(ping=True)
    variable = _find(checks, "variables", "OPENAI_BASE_URL")
    assert variable.status == "fail" and variable.message.startswith("OPENAI_BASE_URL='not-a-url': not an http(s) URL")
    provider = _find(checks, "providers", "openai-compatible")
    assert provider.status == "warn" and provider.message.startswith("skipped: OPENAI_BASE_URL='not-a-url'")
    assert _find(checks, "providers", "usable").status == "fail"
    assert not [c for c in checks if c.section == "ping"]  # nothing usable: nothing pinged
    assert has_failures(checks)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("AICMO_CACHE", "banana", "AICMO_CACHE='banana': use on or off"),
        ("AICMO_LLM_TIMEOUT", "soon", "AICMO_LLM_TIMEOUT='soon': use a number of seconds"),
        ("AICMO_LLM_FALLBACK_PROVIDERS", "ofline", "unknown provider ofline;"),
        ("AICMO_DATABASE_URL", "mysql://app:dbpass-secret@db/aicmo", "'mysql' is not supported"),
        ("AICMO_ANTHROPIC_MODEL", "claude sonnet", "no spaces"),
        ("AICMO_NOTEBOOKS", "/nonexistent/notebooks", "AICMO_NOTEBOOKS is not a folder"),
    ],
)
def test_each_bad_variable_fails_naming_it(monkeypatch, name, value, expected):
    monkeypatch.setenv(name, value)
    checks = run_checks()
    check = _find(checks, "variables", name)
    assert check.status == "fail" and expected in check.message
    assert has_failures(checks)
    assert "dbpass-secret" not in json.dumps(report(checks))


def test_a_missing_prices_file_and_an_odd_selftest_value_are_warnings(tmp_path, monkeypatch):
    monkeypatch.setenv("AICMO_PRICES_FILE", str(tmp_path / "missing.json"))
    monkeypatch.setenv("AICMO_NOTEBOOK_SELFTEST", "yes")
    checks = run_checks()
    assert _find(checks, "variables", "AICMO_PRICES_FILE").status == "warn"
    assert "only 1 turns" in _find(checks, "variables", "AICMO_NOTEBOOK_SELFTEST").message
    assert not has_failures(checks)


def test_an_unknown_campaign_is_a_warning(monkeypatch):
    monkeypatch.setenv("AICMO_CAMPAIGN", "no-such-campaign")
    checks = run_checks()
    assert _find(checks, "workspace", "workspace").status == "ok"
    assert _find(checks, "workspace", "AICMO_CAMPAIGN").status == "warn"


def test_an_unreachable_workspace_fails_without_its_password(monkeypatch):
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql://app:dbpass-secret@127.0.0.1:9/aicmo?connect_timeout=2")
    checks = run_checks()
    workspace = _find(checks, "workspace", "workspace")
    assert workspace.status == "fail" and "AICMO_DATABASE_URL" in workspace.message
    shown = _find(checks, "variables", "AICMO_DATABASE_URL").message
    assert shown == "postgresql+psycopg://app:***@127.0.0.1:9/aicmo?connect_timeout=2"
    assert "dbpass-secret" not in "\n".join(render_lines(checks))


def test_a_healthy_default_configuration_passes():
    checks = run_checks()
    assert not has_failures(checks)
    assert _find(checks, "providers", "chain").message == "offline"
    assert _find(checks, "workspace", "workspace").message.endswith("(sqlite), reachable")
    assert _find(checks, "variables", "OPENAI_API_KEY").message.startswith("not set")


# -- secrets --------------------------------------------------------------------------------------


def test_no_key_value_ever_appears_in_text_or_json(llm_env, monkeypatch):
    _both_providers(monkeypatch, llm_env.openai_base_url, llm_env.anthropic_base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "opensecret-value-1234")  # not key-shaped: only its value gives it away
    monkeypatch.setenv("ANTHROPIC_API_KEY", "'antsecret-value-5678'")  # quoted: invalid, its reason quoted
    monkeypatch.setenv("ANTHROPIC_BASE_URL", f"http://proxy-user:urlsecret-9012@127.0.0.1:{llm_env.port}")
    checks = run_checks(ping=True)
    assert _find(checks, "variables", "OPENAI_API_KEY").message == "set"
    assert "wrapped in quotes" in _find(checks, "variables", "ANTHROPIC_API_KEY").message
    outputs = ["\n".join(render_lines(checks)), json.dumps(report(checks))]
    for output in outputs:
        for secret in ("opensecret-value-1234", "antsecret-value-5678", "urlsecret-9012"):
            assert secret not in output
    assert "proxy-user:***@" in outputs[0]


def test_text_and_json_carry_the_same_checks(monkeypatch):
    monkeypatch.setenv("AICMO_CACHE", "banana")
    checks = run_checks()
    lines = render_lines(checks)
    data = report(checks)
    assert lines[0] == "variables:" and lines[-1] == f"{data['failed']} failed, {data['warnings']} warning{'' if data['warnings'] == 1 else 's'}"
    assert data["ok"] is False and data["failed"] >= 1
    assert len(data["checks"]) == len(checks)
    assert any(line.startswith("  FAIL  AICMO_CACHE") for line in lines)
    assert {c["status"] for c in data["checks"]} <= {"ok", "warn", "fail"}
