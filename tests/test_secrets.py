"""No key in any output, log, export or database row (SPEC section 9).

The whole flow runs with fake keys set and the real SDKs talking to the loopback server, including
failures whose messages quote provider text; then every byte the product wrote is searched.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from aicmo_kernel.cli import main

# Fake keys with a real key's shape, assembled here so the source holds no key-shaped literal.
OPENAI_KEY = "sk-" + "test-SECRETopenai-5f3c9a7e21b84d6f"
ANTHROPIC_KEY = "sk-" + "ant-test-SECRETanthropic-9b1d4e7a"


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_keys_never_leave_the_environment(isolated_env, llm_server, monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.openai_base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", ANTHROPIC_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", llm_server.anthropic_base_url)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "anthropic")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "2")
    monkeypatch.setenv("AICMO_REVIEWER", "rita")
    runner = CliRunner()
    outputs: list[str] = []

    def run(*args: str) -> int:
        result = runner.invoke(main, list(args))
        outputs.append(result.output)
        return result.exit_code

    assert run("init") == 0
    # a failing primary (auth error echoing the key back) then a working fallback
    llm_server.enqueue("auth_error")
    assert run("generate", "intake", "--campaign", "demo") == 0
    assert run("approve", "--campaign", "demo", "--module", "intake", "--all") == 0
    # everything failing: the FAILED run's error text is stored and printed
    llm_server.set_default("server_error")
    assert run("generate", "strategy", "--campaign", "demo", "--json") != 0
    llm_server.set_default("ok")
    assert run("doctor") == 0
    assert run("status", "--campaign", "demo", "--json") == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    assert run("export", "--campaign", "demo", "--format", "md", "--out", str(exports)) == 0
    assert run("export", "--campaign", "demo", "--format", "json", "--out", str(exports)) == 0

    assert len(llm_server.requests) >= 3  # the keys really were used for calls
    written = _files_under(isolated_env) + _files_under(exports)
    assert any(p.name.startswith("workspace.sqlite") for p in written)
    for key in (OPENAI_KEY, ANTHROPIC_KEY):
        for needle in (key, key[-16:]):
            for path in written:
                assert needle.encode() not in path.read_bytes(), f"{needle[:12]}... found in {path}"
            for text in outputs:
                assert needle not in text
    runs = json.loads(outputs[3])  # the failing strategy generation, as JSON
    assert runs["status"] == "FAILED" and runs["error"]["trace_id"]
