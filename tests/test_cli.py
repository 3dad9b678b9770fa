"""The `aicmo` command line, driven as a user would (offline provider, temporary workspace)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicmo_kernel.cli import main


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str, ok: bool | None = True):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        if ok is True:
            assert result.exit_code == 0, f"{args}: exit {result.exit_code}\n{result.output}"
        elif ok is False:
            assert result.exit_code != 0, f"{args} should fail:\n{result.output}"
        return result

    return invoke


@pytest.fixture
def demo(cli, monkeypatch):
    monkeypatch.setenv("AICMO_REVIEWER", "rita")
    cli("init")
    return cli


def _status(cli) -> dict[str, str]:
    data = json.loads(cli("status", "--campaign", "demo", "--json").output)
    return {row["module"]: row["state"] for row in data["modules"]}


def test_init_creates_demo_once(cli, isolated_env):
    first = cli("init")
    assert "demo campaign created" in first.output
    assert (isolated_env / "workspace.sqlite").is_file()
    second = cli("init")
    assert "already there" in second.output


def test_generate_intake_offline_then_status(demo):
    out = demo("generate", "intake", "--campaign", "demo").output
    assert "SUCCESS via offline/" in out
    assert "offline draft, not written by a language model" in out
    assert "client_summary" in out and "brand_voice_guide" in out
    states = _status(demo)
    assert states["intake"] == "in_review"
    assert states["strategy"] == "not_started"


def test_gate_refuses_strategy_before_intake_is_approved(demo):
    result = demo("generate", "strategy", "--campaign", "demo", ok=False)
    assert result.exit_code == 2
    assert "intake" in result.output


def test_unknown_module_and_campaign_are_named(demo):
    bad_module = demo("generate", "nonsense", "--campaign", "demo", ok=False)
    assert "[module]" in bad_module.output and "nonsense" in bad_module.output
    bad_campaign = demo("generate", "intake", "--campaign", "nope", ok=False)
    assert "[campaign]" in bad_campaign.output and "nope" in bad_campaign.output


def test_bad_inputs_name_the_field_and_write_nothing(demo, tmp_path):
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"budget": "a lot"}))
    result = demo("generate", "intake", "--campaign", "demo", "--inputs", str(inputs), ok=False)
    assert result.exit_code == 2
    assert "budget" in result.output
    assert _status(demo)["intake"] == "not_started"
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({"offer": "x" * 1_000_000}))
    result = demo("generate", "intake", "--campaign", "demo", "--inputs", str(huge), ok=False)
    assert "offer" in result.output
    assert _status(demo)["intake"] == "not_started"


def test_approve_needs_a_reviewer(cli, monkeypatch):
    cli("init")
    cli("generate", "intake", "--campaign", "demo")
    result = cli("approve", "--campaign", "demo", "--module", "intake", "--all", ok=False)
    assert "AICMO_REVIEWER" in result.output
    cli("approve", "--campaign", "demo", "--module", "intake", "--all", "--reviewer", "sam")
    assert _status(cli)["intake"] == "approved"


def test_manual_flow_then_export_contains_only_approved(demo, tmp_path):
    demo("generate", "intake", "--campaign", "demo")
    demo("approve", "--campaign", "demo", "--module", "intake", "--all", "--comment", "looks right")
    demo("generate", "strategy", "--campaign", "demo")
    out_md = tmp_path / "pack.md"
    demo("export", "--campaign", "demo", "--format", "md", "--out", str(out_md))
    text = out_md.read_text()
    assert "Client intake" in text and "approved by rita" in text
    assert "Strategy" not in text.split("Not included")[0]  # strategy drafts are not approved
    out_json = tmp_path / "pack.json"
    demo("export", "--campaign", "demo", "--format", "json", "--out", str(out_json))
    data = json.loads(out_json.read_text())
    assert {d["module"] for d in data["deliverables"]} == {"intake"}
    assert data["left_out"] and all(d["module"] == "strategy" for d in data["left_out"])


def test_export_with_nothing_approved_is_refused(demo):
    result = demo("export", "--campaign", "demo", "--format", "md", ok=False)
    assert "no approved deliverables" in result.output


def test_run_full_autonomy_carries_the_demo_through_all_nine_modules(demo, tmp_path):
    result = demo("run", "--campaign", "demo", "--autonomy", "full", "--json")
    report = json.loads(result.output)
    generated = [s["module"] for s in report["steps"] if s["action"] == "generated"]
    assert generated == ["intake", "strategy", "creatives", "execution", "monitoring", "leadgen",
                         "autonomy", "delivery", "learn"]
    assert report["stopped_at"] is None
    assert set(_status(demo).values()) == {"approved"}
    pack = tmp_path / "pack.zip"
    demo("export", "--campaign", "demo", "--format", "zip", "--out", str(pack))
    import hashlib
    import zipfile

    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(next(n for n in names if n.endswith("manifest.json"))))
        for entry in manifest["files"]:
            data = archive.read(next(n for n in names if n.endswith("/" + entry["name"]) or n == entry["name"]))
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert {f["name"].rsplit(".", 1)[1] for f in manifest["files"]} == {"md", "html", "docx", "pdf", "json"}
    assert {i["module"] for i in manifest["items"]} >= {"intake", "strategy", "creatives", "execution", "delivery"}


def test_run_manual_stops_at_the_first_gate(demo):
    result = demo("run", "--campaign", "demo", ok=None)
    assert result.exit_code == 3  # nothing failed; drafts wait for a reviewer
    assert "stopped at intake" in result.output
    assert _status(demo)["intake"] == "in_review"
    report = json.loads(demo("run", "--campaign", "demo", "--json", ok=None).output)
    assert report["outcome"] == "waiting" and report["exit_code"] == 3 and report["failed"] == []


def test_help_says_what_each_exit_code_means(cli):
    text = cli("--help").output
    for code in ("0", "1", "2", "3"):
        assert f"  {code}  " in text
    assert "wait for a reviewer" in text


def test_a_new_campaign_without_data_waits_for_it_and_has_not_failed(cli, tmp_path):
    # A campaign made from a brief has no performance export and no leads file yet: monitoring and
    # leadgen wait for someone to upload them (exit 3), as drafts wait for a reviewer; nothing failed.
    brief = tmp_path / "brief.yaml"
    brief.write_text("client_name: Harbour Lights Festival\ncampaign: lights-weekend\nindustry: events\n"
                     "offer: A three-night light festival on the harbourside\nobjective: Awareness\n"
                     "channels: Instagram, Facebook\nstart_date: 2027-03-12\nend_date: 2027-03-14\n",
                     encoding="utf-8")  # fmt: skip
    cli("new", "--brief", str(brief))
    result = cli("run", "--campaign", "lights-weekend", "--autonomy", "full", "--json", ok=None)
    report = json.loads(result.output)
    assert (result.exit_code, report["outcome"], report["exit_code"], report["failed"]) == (3, "waiting", 3, [])
    assert {"monitoring", "leadgen"} <= set(report["stops"]) and "NO_DATA" in report["stops"]["monitoring"]
    assert "learn" in report["blocked"]  # learn reads the whole campaign: it waits too
    text = cli("run", "--campaign", "lights-weekend", ok=None)
    assert text.exit_code == 3 and "failed:" not in text.output


def test_run_and_batch_exit_non_zero_when_a_module_fails(demo, monkeypatch):
    # openai named but no key and no fallback: intake's generation fails, so must the commands.
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    text = demo("run", "--campaign", "demo", "--autonomy", "full", ok=None)
    assert text.exit_code == 1 and "failed: intake" in text.output
    report = json.loads(demo("run", "--campaign", "demo", "--autonomy", "full", "--json", ok=None).output)
    assert report["outcome"] == "failed" and report["failed"] == ["intake"] and report["exit_code"] == 1
    batch = demo("batch", "--campaign", "demo", "--json", ok=None)
    assert batch.exit_code == 1
    data = json.loads(batch.output)
    assert data["campaigns"]["demo"]["outcome"] == "failed" and data["exit_code"] == 1
    lines = demo("batch", "--campaign", "demo", ok=None)
    assert lines.exit_code == 1 and "demo: failed (failed: intake)" in lines.output
    assert "1 campaign: 0 complete, 0 waiting, 1 failed" in lines.output


def test_batch_exits_with_its_worst_campaign(demo, monkeypatch):
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        demo_record = ws.get_campaign("demo")
        ws.create_campaign(demo_record.brand, "second", brief=demo_record.brief, channels=demo_record.channels,
                           objective=demo_record.objective, budget=demo_record.budget)
    demo("run", "--campaign", "demo", "--autonomy", "full")  # complete: exit 0
    result = demo("batch", ok=None)  # demo already complete, second waits under manual autonomy
    assert result.exit_code == 3, result.output
    assert "demo: every module is approved" in result.output and "second: waiting" in result.output


def test_malformed_database_url_is_named_without_its_password(cli, monkeypatch):
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql://user:hunter2secret@/::nonsense::")
    result = cli("status", "--campaign", "demo", ok=False)
    assert "AICMO_DATABASE_URL" in result.output
    assert "hunter2secret" not in result.output


def test_unreachable_database_is_named_without_its_password(cli, monkeypatch):
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql://user:hunter2secret@127.0.0.1:9/aicmo?connect_timeout=2")
    result = cli("init", ok=False)
    assert "AICMO_DATABASE_URL" in result.output
    assert "hunter2secret" not in result.output
    assert "Traceback" not in result.output


def test_doctor_names_variables_never_values(cli, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-doctor-0123456789abcdef")
    result = cli("doctor")
    assert "OPENAI_API_KEY" in result.output and "set" in result.output
    assert "sk-test-doctor" not in result.output


def test_doctor_names_a_malformed_base_url_and_exits_non_zero(demo, monkeypatch):
    cli = demo
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-doctor-0123456789abcdef")
    monkeypatch.setenv("OPENAI_BASE_URL", "not-a-url")
    result = cli("doctor", ok=None)
    assert result.exit_code == 1
    assert "OPENAI_BASE_URL='not-a-url': not an http(s) URL" in result.output
    assert "usable, model" not in result.output  # openai is skipped, not called usable
    data = json.loads(cli("doctor", "--json", ok=None).output)
    assert data["ok"] is False and any(c["name"] == "OPENAI_BASE_URL" and c["status"] == "fail"
                                       for c in data["checks"])
    assert "sk-test-doctor" not in result.output
    for name in ("AICMO_LLM_PRIMARY_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AICMO_CACHE", "banana")
    generated = cli("generate", "intake", "--campaign", "demo", ok=None)
    assert generated.exit_code == 2 and "AICMO_CACHE='banana'" in generated.output


def test_console_script_runs_in_a_real_process(isolated_env):
    env = dict(os.environ, AICMO_HOME=str(isolated_env))
    exe = Path(sys.executable).with_name("aicmo")
    done = subprocess.run([str(exe), "init"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(exe), "generate", "intake", "--campaign", "demo"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "SUCCESS via offline/" in done.stdout
