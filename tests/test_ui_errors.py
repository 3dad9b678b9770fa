"""Errors in callbacks become readable messages with a trace id; tracebacks go to the log."""

from __future__ import annotations

import ipywidgets as widgets
from fixtures_llm import FAKE_OPENAI_KEY

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.ui import MessageBox, guard
from aicmo_kernel.ui.errors import ui_log_path


def test_an_unexpected_error_in_a_callback_shows_a_trace_id_and_no_traceback(isolated_env, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    box = MessageBox()
    button = widgets.Button(description="Go")

    def broken(_button):
        raise RuntimeError(f"lookup failed for key {FAKE_OPENAI_KEY}")

    button.on_click(guard(box, "drafting the email")(broken))
    button.click()  # must not raise
    assert box.kind == "error" and box.trace_id
    assert box.trace_id in box.value
    assert "drafting the email" in box.text and "RuntimeError" in box.text
    for leaked in ("Traceback", 'File "', FAKE_OPENAI_KEY):
        assert leaked not in box.value
    log = ui_log_path().read_text(encoding="utf-8")
    assert ui_log_path().parent == isolated_env / "logs"
    assert f"trace_id={box.trace_id}" in log and "Traceback" in log and "def broken" not in box.value
    assert FAKE_OPENAI_KEY not in log and "[REDACTED]" in log


def test_a_kernel_error_keeps_its_own_message_naming_the_field(isolated_env):
    box = MessageBox()

    @guard(box, "saving")
    def refuse():
        raise ValidationError("title: must not be blank", field="title")

    assert refuse() is None
    assert box.text == "title: must not be blank" and box.trace_id
    assert "Something went wrong" not in box.text


def test_messages_are_escaped(isolated_env):
    box = MessageBox()
    box.show('<img src=x onerror="alert(1)">', "warning")
    assert "<img" not in box.value and "&lt;img" in box.value
