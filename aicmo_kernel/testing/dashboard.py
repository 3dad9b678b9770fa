"""Run ``aicmo dashboard`` as a real subprocess on a free loopback port, for tests and benchmarks.

Like the PostgreSQL launcher beside it, this ships in the library so the HTTP tests, the browser
tests and the benchmarks start and stop the dashboard the same way::

    with running_dashboard(env) as base:      # e.g. "http://127.0.0.1:41234"
        urllib.request.urlopen(base + "/voila/render/review.ipynb")
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["DashboardFailed", "free_port", "running_dashboard"]


class DashboardFailed(RuntimeError):
    """The dashboard exited or did not answer in time (the message carries its stderr tail)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_dashboard(env: dict[str, str], *extra: str, start_timeout: float = 60.0) -> Iterator[str]:
    """``aicmo dashboard --no-browser`` until the block ends; yields the base URL."""
    port = free_port()
    aicmo = Path(sys.executable).with_name("aicmo")
    process = subprocess.Popen([str(aicmo), "dashboard", "--no-browser", "--port", str(port), *extra],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                assert process.stderr is not None
                raise DashboardFailed(f"aicmo dashboard exited with {process.returncode}: "
                                      f"{process.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except urllib.error.HTTPError:  # it answers (asking for a token is an answer)
                break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise DashboardFailed(f"aicmo dashboard did not answer on {base} within {start_timeout:.0f} s")
                time.sleep(0.25)
        yield base
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM lets Voila shut its kernels down (SIGINT may be ignored in a background CI job);
    the whole process group is killed if it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    if process.stderr is not None:
        process.stderr.close()
