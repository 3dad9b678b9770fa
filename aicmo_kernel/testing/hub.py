"""A real JupyterHub (``aicmo hub``) and its proxy on loopback for the team tests and benchmarks.

``running_hub(env, team)`` starts ``aicmo hub --team FILE`` on a free port with a generated trial
password and yields a ``Hub``: its URL and the password. ``sign_in(browser, hub, user)`` signs
one person in through the hub's own login form in their own browser context. Everything is
stopped by process group when the block ends, so nothing outlives the test.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dashboard import free_port

__all__ = ["Hub", "HubFailed", "running_hub", "running_jupyterhub", "sign_in"]


class HubFailed(RuntimeError):
    """The hub did not start; carries the end of its log."""


@dataclass(frozen=True)
class Hub:
    url: str  # http://127.0.0.1:PORT
    password: str = field(repr=False)  # generated per hub; kept out of test reports
    log: Path | None = None
    pid: int = 0  # the ``aicmo hub`` process (its descendants are the hub, the proxy, the servers)

    def user_url(self, user: str, path: str = "") -> str:
        return f"{self.url}/user/{user}/{path.lstrip('/')}"


@contextmanager
def running_hub(env: dict[str, str], team: Path, *, start_timeout: float = 60.0) -> Iterator[Hub]:
    """``aicmo hub --team TEAM`` on a free port with a generated trial password."""
    port = free_port()
    password = secrets.token_urlsafe(18)
    aicmo = Path(sys.executable).with_name("aicmo")
    with _serving([str(aicmo), "hub", "--team", str(team), "--port", str(port)],
                  {"AICMO_HUB_CULL_SECONDS": "0", **env, "AICMO_HUB_PASSWORD": password},
                  Hub(url=f"http://127.0.0.1:{port}", password=password), start_timeout) as hub:
        yield hub


@contextmanager
def running_jupyterhub(env: dict[str, str], config: Path, port: int, *, start_timeout: float = 60.0) -> Iterator[Hub]:
    """``jupyterhub -f CONFIG`` as a deployment runs it (docs/team.md), the hub listening on
    ``port``; ``env`` is the hub's environment (``serve.hub_environment``)."""
    with _serving([sys.executable, "-m", "jupyterhub", "-f", str(config)], env,
                  Hub(url=f"http://127.0.0.1:{port}", password=""), start_timeout) as hub:
        yield hub


@contextmanager
def _serving(argv: list[str], env: dict[str, str], hub: Hub, start_timeout: float) -> Iterator[Hub]:
    home = Path(env.get("AICMO_HOME") or ".")
    log = home / "hub.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as sink:
        process = subprocess.Popen(argv, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
                                   cwd=env.get("AICMO_HUB_STATE") or None)
    hub = Hub(url=hub.url, password=hub.password, log=log, pid=process.pid)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                raise HubFailed(f"{Path(argv[0]).name} exited with {process.returncode}: {_tail(log)}")
            try:  # 200 once the proxy routes to the hub (before that the proxy answers 404)
                with urllib.request.urlopen(f"{hub.url}/hub/api/", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise HubFailed(f"the hub did not answer within {start_timeout:.0f} s: {_tail(log)}") from None
                time.sleep(0.3)
        yield hub
    finally:
        _stop(process)


def _tail(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-3000:]
    except OSError:
        return "(no log)"


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (the hub, its proxy, each person's server: they run in
    sessions of their own, so a process group does not hold them)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *_descendants(child)]
    return found


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to ``aicmo hub`` (it passes it to JupyterHub, which stops the servers and the
    proxy); whatever of that process tree is still there after the wait is killed."""
    tree = []
    for pid in _descendants(process.pid):
        try:
            tree.append((pid, Path(f"/proc/{pid}/cmdline").read_bytes()))
        except OSError:
            pass
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for pid, cmdline in tree:
        try:  # the same process still (a pid can be reused once its process ended)
            if Path(f"/proc/{pid}/cmdline").read_bytes() == cmdline:
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def sign_in(browser: Any, hub: Hub, user: str, *, timeout_ms: float = 120_000) -> tuple[Any, Any]:
    """A new browser context signed in as ``user`` through the hub's login form, waiting until
    their server answers; returns (context, page)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    page.goto(f"{hub.url}/hub/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", hub.password)
    page.click("[type=submit]")
    page.wait_for_url(f"**/user/{user}/**", timeout=timeout_ms)
    return context, page
