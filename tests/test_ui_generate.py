"""The generate bar: only a click generates; progress, cancel, provenance, readable failures."""

from __future__ import annotations

import time

from aicmo_kernel.ui import GenerateBar, inputs_form, module_panel
from aicmo_kernel.ui.generate import OFFLINE_BANNER

pytest_plugins = ["test_ui_support"]



def test_building_the_panel_never_generates(ws, services):
    panel = module_panel("intake", campaign="demo", services=services)
    assert panel.generate_bar.status == "idle"
    assert ws.list_runs("demo") == []
    assert "not started" in panel.status.value


def test_generate_produces_drafts_with_the_offline_banner_and_provenance(ws, services):
    panel = module_panel("intake", campaign="demo", services=services)
    bar = panel.generate_bar
    bar.generate_button.click()
    assert bar.wait(30)
    assert bar.status == "done", bar.message.text
    stored = ws.list_deliverables(campaign="demo", module="intake")
    assert len(stored) == len(bar.result.envelope.deliverables) >= 3
    assert {d.state for d in stored} == {"draft"}
    assert "offline draft, not written by a language model" in bar.banner.text.lower()
    assert bar.banner.text == OFFLINE_BANNER
    provenance = bar.provenance.value
    meta = bar.result.envelope.meta
    assert "offline" in provenance and meta.model in provenance and meta.trace_id in provenance
    assert "tokens" in provenance and "cost $0.0000" in provenance
    # the panel shows the new drafts: one editor and one approval bar per deliverable
    assert [e.deliverable_id for e in panel.editors.items] == [d.id for d in stored]
    assert len(panel.approval.bars) == len(stored)
    assert "in review" in panel.status.value
    assert "finished in" in bar.progress.value and not bar.generate_button.disabled


def test_invalid_inputs_block_generation_and_keep_the_values(ws, services):
    form = inputs_form("intake", campaign="demo", services=services)
    bar = GenerateBar(services, campaign="demo", module="intake", form=form)
    form.fields["client_name"].input.value = ""
    bar.generate_button.click()
    assert not bar.running and bar.status == "idle"
    assert "Fix the inputs" in bar.message.text
    assert "client_name" in form.errors and form.fields["client_name"].input.value == ""
    assert ws.list_runs("demo") == []


def test_a_closed_gate_names_the_upstream_modules(ws, services):
    bar = GenerateBar(services, campaign="demo", module="creatives")
    bar.generate_button.click()
    assert not bar.running
    assert "strategy" in bar.message.text and "not generated yet" in bar.message.text
    assert bar.message.kind == "warning" and "Traceback" not in bar.message.value
    assert ws.list_runs("demo") == []


def test_cancel_stops_a_slow_generation(ws, services, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    llm_env.set_default("slow_stream", delay=0.25)
    bar = GenerateBar(services, campaign="demo", module="intake")
    started = time.monotonic()
    bar.generate_button.click()
    assert bar.running and not bar.cancel_button.disabled and bar.generate_button.disabled
    deadline = time.monotonic() + 5
    while llm_env.request_count("/v1/chat/completions") == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # a chunk or two has arrived
    assert bar.running, bar.message.text
    assert "Writing" in bar.progress.value
    bar.cancel_button.click()
    assert bar.wait(5), "cancel did not stop the generation"
    assert time.monotonic() - started < 5
    assert bar.status == "cancelled", bar.message.text
    assert "cancelled" in bar.message.text.lower() and bar.message.trace_id
    assert ws.list_deliverables(campaign="demo", module="intake") == []
    runs = ws.list_runs("demo", "intake")
    assert len(runs) == 1 and runs[0].status == "FAILED"


def test_a_failed_generation_shows_type_message_and_trace_id(ws, services, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    llm_env.set_default("auth_error")
    bar = GenerateBar(services, campaign="demo", module="intake")
    bar.generate_button.click()
    assert bar.wait(20)
    assert bar.status == "failed"
    run = ws.list_runs("demo", "intake")[-1]
    assert run.status == "FAILED"
    assert f"Generation failed ({run.error_type})" in bar.message.text
    assert bar.message.trace_id == run.error["trace_id"]
    assert "openai" in bar.message.text  # the attempts line says what was tried
    assert "sk-test" not in bar.message.value and "Traceback" not in bar.message.value
    assert bar.banner.text == ""  # a failure is never presented as an offline draft


def test_an_unpriced_model_shows_its_cost_as_unknown_never_zero():
    from aicmo_kernel.generation import GenerationResult
    from aicmo_kernel.schemas import create_success_envelope
    from aicmo_kernel.ui.generate import _provenance_html

    envelope = create_success_envelope("intake", [{"kind": "client_summary", "title": "t", "content_markdown": "x"}],
                                       provider="openai-compatible", model="some-new-model", cost_usd=None)
    html = _provenance_html(GenerationResult(run_id="r1", envelope=envelope, attempts=[]))
    assert "cost unknown" in html and "$0" not in html
