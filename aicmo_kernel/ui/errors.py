"""Errors as readable messages: what reviewers in Voila see instead of a traceback.

``guard(box, "saving the draft")`` wraps a widget callback: an ``AicmoError`` (bad input, a refused
transition, a conflict) is shown as its own message, which already names the field; anything
else is shown as a short apology. Either way the message carries a trace id, and the full
traceback goes to ``$AICMO_HOME/logs/ui.log``, redacted, never to the notebook output.
"""

from __future__ import annotations

import functools
import html
import threading
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import ipywidgets as widgets

from ..config import default_home, redact
from ..errors import AicmoError

__all__ = [
    "ErrorInfo", "MessageBox", "UnavailablePanel", "build_or_explain", "describe_error", "guard", "log_exception",
    "message_html", "ui_log_path",
]

Kind = Literal["info", "success", "warning", "error"]
_COLOURS = {"info": "#1f4e79", "success": "#1e6b2e", "warning": "#8a5a00", "error": "#a61b1b"}
_BACKGROUNDS = {"info": "#eef4fb", "success": "#edf7ee", "warning": "#fff6e0", "error": "#fdecec"}
_LOG_LOCK = threading.Lock()
_MAX_SHOWN = 600  # characters of an unexpected exception's message shown to the user

F = TypeVar("F", bound=Callable[..., Any])
W = TypeVar("W")


@dataclass(frozen=True)
class ErrorInfo:
    message: str
    trace_id: str
    field: str | None = None
    error_type: str = "INTERNAL_ERROR"


def ui_log_path() -> Path:
    return default_home() / "logs" / "ui.log"


def log_exception(exc: BaseException, where: str, trace_id: str | None = None) -> str:
    """Append ``exc`` to the UI log, redacted; return the trace id.

    Unexpected exceptions are logged with their traceback; the kernel's own errors (a refused
    transition, bad input) with their type and message only, as they are expected outcomes.
    Logging must never break the callback that failed, so a log file that cannot be written is
    ignored (the message on screen still carries the trace id)."""
    trace_id = trace_id or getattr(exc, "trace_id", None) or uuid.uuid4().hex
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(exc, AicmoError):
        text = f"{type(exc).__name__} ({exc.error_type}, field={exc.field}): {exc.message}"
    else:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = f"{stamp} trace_id={trace_id} while {where}\n{redact(text)}\n"
    try:
        path = ui_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _LOG_LOCK, path.open("a", encoding="utf-8") as handle:
            handle.write(entry)
    except OSError:
        pass
    return trace_id


def describe_error(exc: BaseException, where: str) -> ErrorInfo:
    """The message a user sees for ``exc`` (logged, with a trace id)."""
    trace_id = log_exception(exc, where)
    if isinstance(exc, AicmoError):
        return ErrorInfo(redact(exc.message), trace_id, exc.field, exc.error_type)
    first_line = redact(str(exc).strip().splitlines()[0] if str(exc).strip() else "")[:_MAX_SHOWN]
    detail = f" ({type(exc).__name__}: {first_line})" if first_line else f" ({type(exc).__name__})"
    return ErrorInfo(
        f"Something went wrong while {where}{detail}. Nothing you typed was lost; try again, and "
        "if it keeps happening give the trace id to whoever runs this workbench.",
        trace_id,
    )


def message_html(text: str, kind: Kind = "info", trace_id: str | None = None) -> str:
    """The HTML of one message (escaped here: callers pass plain text)."""
    lines = "<br>".join(html.escape(line) for line in text.splitlines()) or "&nbsp;"
    trace = (
        f'<div style="font-size:smaller;opacity:.8">trace id: <code>{html.escape(trace_id)}</code></div>'
        if trace_id else ""
    )
    return (
        f'<div class="aicmo-message aicmo-{kind}" style="padding:4px 8px;margin:2px 0;'
        f'border-left:3px solid {_COLOURS[kind]};background:{_BACKGROUNDS[kind]};'
        f'color:{_COLOURS[kind]}">{lines}{trace}</div>'
    )


class MessageBox(widgets.HTML):
    """One line (or a few) of feedback: info, success, warning or an error with its trace id.
    Everything shown is HTML-escaped here, so callers pass plain text."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kind: Kind | None = None
        self.text = ""
        self.trace_id: str | None = None

    def show(self, text: str, kind: Kind = "info", *, trace_id: str | None = None) -> None:
        self.kind, self.text, self.trace_id = kind, text, trace_id
        self.value = message_html(text, kind, trace_id)

    def show_error(self, exc: BaseException, where: str) -> ErrorInfo:
        info = describe_error(exc, where)
        self.show(info.message, "error", trace_id=info.trace_id)
        return info

    def clear(self) -> None:
        self.kind, self.text, self.trace_id = None, "", None
        self.value = ""


def guard(box: MessageBox, where: str) -> Callable[[F], F]:
    """Decorate a widget callback so that any exception becomes a message in ``box``."""

    def decorate(callback: F) -> F:
        @functools.wraps(callback)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - the point of this wrapper: nothing escapes to the output
                box.show_error(exc, where)
                return None

        return wrapper  # type: ignore[return-value]

    return decorate


class UnavailablePanel:
    """What a notebook cell shows when its panel cannot even be built (the workspace database is
    unreachable, a module name is wrong): the readable message with its trace id, never a
    traceback. Voila hides tracebacks but then says only "there was an error", with no trace id.

    It displays as plain HTML rather than as a widget, so the message is in the page Voila sends
    (no kernel round trip is needed to read it). The parts a notebook's later cells display
    (``panel.inputs``, ``panel.generate_bar``, ...) exist and show nothing, so those cells do not
    fail a second time."""

    PARTS = ("picker", "inputs", "generate_bar", "editors", "approval", "exports")

    def __init__(self, exc: BaseException, where: str) -> None:
        self.error = describe_error(exc, where)
        for part in self.PARTS:
            setattr(self, part, _Nothing())

    @property
    def text(self) -> str:
        return self.error.message

    @property
    def trace_id(self) -> str:
        return self.error.trace_id

    def _repr_html_(self) -> str:
        return message_html(self.error.message, "error", self.error.trace_id)

    def __repr__(self) -> str:
        return f"{self.error.message} (trace id {self.error.trace_id})"


class _Nothing:
    """Displays as nothing at all (not even a repr)."""

    def _ipython_display_(self) -> None:
        return None


def build_or_explain(where: str, build: Callable[[], W]) -> W | UnavailablePanel:
    """``build()``, or an ``UnavailablePanel`` saying why it failed (for the notebook-level
    entry points: ``ui.module_panel``, ``ui.review_queue``, ``ui.campaign_picker``)."""
    try:
        return build()
    except Exception as exc:  # noqa: BLE001 - a notebook cell must show a message, not a traceback
        return UnavailablePanel(exc, where)
