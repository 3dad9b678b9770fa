"""SDK calls run in threads kept for the next call (``providers.call_threads``): no thread started
per call, none left behind when the worker forks, and a call given up keeps its own."""

from __future__ import annotations

import os
import threading

import pytest

from aicmo_kernel.errors import ProviderTimeout
from aicmo_kernel.providers import call_threads
from aicmo_kernel.providers._call import CallTracker


def _run(call, timeout: float = 5.0):
    return CallTracker("fake", "fake-1").run(call, timeout=timeout)


def test_calls_one_after_another_run_in_one_kept_thread():
    ran_in = [_run(threading.current_thread) for _ in range(3)]
    assert ran_in[0] is not threading.current_thread()
    assert ran_in[0] is ran_in[1] is ran_in[2] and ran_in[0].is_alive()


def test_a_call_given_up_keeps_its_thread_and_the_next_call_takes_another():
    release = threading.Event()
    first: list[threading.Thread] = []

    def hangs():
        first.append(threading.current_thread())
        release.wait(5)

    with pytest.raises(ProviderTimeout):
        _run(hangs, timeout=0.1)
    try:
        assert _run(threading.current_thread) is not first[0]  # the first is still in its call
    finally:
        release.set()


def test_idle_threads_end_when_told_and_after_a_while(monkeypatch):
    thread = _run(threading.current_thread)
    call_threads.end_idle()
    thread.join(5)
    assert not thread.is_alive()

    monkeypatch.setattr(call_threads, "_IDLE_S", 0.05)
    thread = _run(threading.current_thread)
    thread.join(5)
    assert not thread.is_alive()
    assert _run(lambda: "still served") == "still served"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_child_has_no_idle_thread_of_its_parent():
    _run(lambda: None)
    assert call_threads._idle  # the parent's thread waits for its next call
    child = os.fork()
    if child == 0:  # the child: its copy of the list named a thread the fork did not copy
        os._exit(0 if not call_threads._idle and _run(lambda: 7) == 7 else 1)
    _pid, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
