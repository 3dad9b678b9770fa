"""Concurrent generations of one process do their CPU work in turns on SQLite (``Workspace.turn``),
so a thread storing its run is never kept waiting by another generation's work while it holds
SQLite's one write lock; the provider calls still run together. PostgreSQL takes no turns."""

from __future__ import annotations

import threading
import time

from fixtures_store import make_campaign

from aicmo_kernel.generation import generate
from aicmo_kernel.modules import get_module
from aicmo_kernel.providers.offline import OfflineProvider

_HOLD_S = 0.3


class MeetingProvider:
    """The offline provider, whose calls wait inside until both generations are in flight."""

    def __init__(self) -> None:
        self.inner = OfflineProvider()
        self.name, self.model = self.inner.name, self.inner.model
        self.both_in_flight = threading.Barrier(2, timeout=10)
        self.met = 0

    def unavailable_reason(self) -> None:
        return None

    def complete(self, request, *, progress=None, cancel=None):
        self.both_in_flight.wait()
        self.met += 1
        return self.inner.complete(request, progress=progress, cancel=cancel)


def _run_two(ws, monkeypatch) -> tuple[dict[str, tuple[float, float]], MeetingProvider, list[BaseException]]:
    """Generate intake for two campaigns in two threads. The first one's facts take ``_HOLD_S``
    and the second starts while they are being prepared. Returns when each one's facts were
    prepared (start, end), by campaign."""
    make_campaign(ws, "first")
    make_campaign(ws, "second")
    spec_type = type(get_module("intake"))
    real = spec_type.prepare_facts
    first_inside = threading.Event()
    spans: dict[str, tuple[float, float]] = {}

    def prepare_facts(self, validated, **context):
        started = time.monotonic()
        name = context["campaign"]["name"]
        if name == "first":
            first_inside.set()
            time.sleep(_HOLD_S)  # as a long piece of CPU work would, with the GIL let go
        try:
            return real(self, validated, **context)
        finally:
            spans[name] = (started, time.monotonic())

    monkeypatch.setattr(spec_type, "prepare_facts", prepare_facts)
    provider = MeetingProvider()
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            generate(ws, name, "intake", provider=provider, use_cache=False)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    first = threading.Thread(target=run, args=("first",))
    first.start()
    assert first_inside.wait(10)
    second = threading.Thread(target=run, args=("second",))
    second.start()
    first.join(20)
    second.join(20)
    return spans, provider, errors


def test_generations_take_turns_for_their_work_not_for_their_calls(workspace, monkeypatch):
    spans, provider, errors = _run_two(workspace, monkeypatch)
    assert errors == []
    first, second = spans["first"], spans["second"]
    if workspace.dialect == "sqlite":
        # The second generation's work waited for the first one's turn to end...
        assert second[0] >= first[1]
    else:
        # ...while on PostgreSQL it ran meanwhile.
        assert second[0] < first[1]
    # and on both, the two calls were in flight at once (the barrier let both through).
    assert provider.met == 2
    assert [run.status for run in workspace.list_runs("first") + workspace.list_runs("second")] == ["SUCCESS"] * 2


def test_turns_are_taken_again_by_the_same_thread():
    from aicmo_kernel.store import Workspace

    with Workspace.open("sqlite://") as ws:
        with ws.turn, ws.turn:  # a generation's answer is read within its own turn (re-entrant)
            pass
