"""The threads SDK calls run in (``CallTracker.run``), each kept for the next call when its call
ends: starting a thread for every call cost about 1.5 ms of CPU a call (by hand, a batch of 900
calls in one process: 13.3 -> 11.6 ms of CPU a call, 70 -> 77 calls/s).

A thread idle for ``_IDLE_S`` seconds ends. ``end_idle`` ends the idle ones now: ``aicmo worker``
forks its commands from a process that must have no other thread (``rehearse_calls``). A forked
child starts with no idle thread. A call given up by its caller (timeout, Cancel) keeps its thread
until the SDK returns; the next call then takes another.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable

__all__ = ["end_idle", "submit"]

_IDLE_S = 30.0

_lock = threading.Lock()
_idle: list[queue.SimpleQueue[Callable[[], None] | None]] = []  # the idle threads' inboxes, latest last


def submit(job: Callable[[], None]) -> None:
    """Run ``job`` (which raises nothing) in an idle call thread, or a new one if none is idle."""
    with _lock:
        inbox = _idle.pop() if _idle else None
    if inbox is None:
        inbox = queue.SimpleQueue()
        threading.Thread(target=_serve, args=(inbox,), name="aicmo-call", daemon=True).start()
    inbox.put(job)


def end_idle() -> None:
    """End every idle call thread (returns before they have ended: join them if it matters)."""
    with _lock:
        ending = _idle[:]
        _idle.clear()
    for inbox in ending:
        inbox.put(None)


def _serve(inbox: queue.SimpleQueue[Callable[[], None] | None]) -> None:
    job = inbox.get()
    while job is not None:
        job()
        job = None  # nothing of the call stays alive while the thread waits
        with _lock:
            _idle.append(inbox)
        try:
            job = inbox.get(timeout=_IDLE_S)
        except queue.Empty:
            with _lock:
                if inbox in _idle:  # nobody took it meanwhile: end
                    _idle.remove(inbox)
                    return
            job = inbox.get()  # taken just as the wait ended: its job is on the way


def _forked() -> None:
    global _lock
    _lock = threading.Lock()
    _idle.clear()  # their threads were not copied


os.register_at_fork(after_in_child=_forked)
