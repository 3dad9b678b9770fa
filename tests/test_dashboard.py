"""``aicmo dashboard``: a real Voila server on loopback, fetched over HTTP.

Voila renders widgets in the browser, so the HTML checked here is what Voila controls: the page
arrives, carries no notebook source and no traceback, and a page that cannot open its workspace
says so readably, with a trace id (``ui.UnavailablePanel`` displays as plain HTML for this reason).
"""

from __future__ import annotations

import ast
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicmo_kernel.cli import main
from aicmo_kernel.serve import DASHBOARD_NOTEBOOK, dashboard_args
from aicmo_kernel.testing.dashboard import DashboardFailed, running_dashboard

START_TIMEOUT = 60.0
SOURCE_MARKERS = ("module_panel(", "review_queue(", "ui.selftest", "from aicmo_kernel import")


def _get(url: str, timeout: float = 60.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@contextmanager
def dashboard(env: dict[str, str], *extra: str) -> Iterator[str]:
    """Run ``aicmo dashboard --no-browser`` until the block ends; yield the base URL."""
    try:
        with running_dashboard(env, *extra, start_timeout=START_TIMEOUT) as base:
            yield base
    except DashboardFailed as exc:
        pytest.fail(str(exc))


@pytest.fixture
def seeded_env(isolated_env: Path) -> dict[str, str]:
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        seed_demo(ws)
    env = dict(os.environ)
    env.pop("AICMO_NOTEBOOK_SELFTEST", None)
    return env


def test_the_voila_command_strips_sources_and_hides_tracebacks():
    args = dashboard_args(port=9999, preheat=True, notebooks=Path("/nb"))
    assert args[1:4] == ["-m", "voila", "/nb"]
    for option in ("--port=9999", "--no-browser", "--strip_sources=True", "--show_tracebacks=False",
                   "--preheat_kernel=True"):
        assert option in args
    # Only the review queue keeps a warm kernel: the deny-list pattern refuses every other notebook.
    (deny,) = map(re.compile, ast.literal_eval(
        next(a for a in args if a.startswith("--VoilaKernelManager.preheat_denylist=")).split("=", 1)[1]))
    assert not deny.match(f"/srv/notebooks/{DASHBOARD_NOTEBOOK}") and not deny.match(DASHBOARD_NOTEBOOK)
    assert deny.match("/srv/notebooks/03_creatives.ipynb") and deny.match("/srv/notebooks/review.ipynb.bak")
    assert not any("preheat" in a or "pool" in a for a in dashboard_args(port=9999, preheat=False))


def test_the_cli_offers_dashboard_beside_lab():
    result = CliRunner().invoke(main, ["dashboard", "--help"])
    assert result.exit_code == 0
    for option in ("--port", "--no-browser", "--preheat / --no-preheat"):
        assert option in result.output


@pytest.mark.slow
@pytest.mark.timeout(90)
def test_the_dashboard_serves_the_review_queue_without_code_or_tracebacks(seeded_env):
    with dashboard(seeded_env) as base:
        status, page = _get(f"{base}/voila/render/{DASHBOARD_NOTEBOOK}")
        assert status == 200
        assert "Review queue" in page  # the notebook's introduction, rendered
        assert "application/vnd.jupyter.widget-view+json" in page  # the queue widget
        assert "Traceback" not in page and "There was an error when executing cell" not in page
        for marker in SOURCE_MARKERS:
            assert marker not in page, f"notebook source {marker!r} reached the page"
        status, module_page = _get(f"{base}/voila/render/03_creatives.ipynb")  # module notebooks too
        assert status == 200 and "Creatives" in module_page and "Traceback" not in module_page
        assert not [marker for marker in SOURCE_MARKERS if marker in module_page]
    # The pages load nothing from elsewhere (Voila's lab template links a public CDN; ours drops it).
    for html in (page, module_page):
        outside = {url for url in re.findall(r"(?:src|href)=[\"'](\w+:[^\"']+)", html)
                   if not url.startswith((base, "data:", "#"))}
        assert outside == set(), f"the dashboard page loads from elsewhere: {sorted(outside)}"


@pytest.mark.slow
@pytest.mark.timeout(90)
def test_an_unreachable_workspace_shows_a_readable_message_with_a_trace_id(seeded_env):
    env = dict(seeded_env, AICMO_DATABASE_URL="postgresql+psycopg://reviewer:s3cret-pw@127.0.0.1:9/aicmo")
    with dashboard(env) as base:
        status, page = _get(f"{base}/voila/render/{DASHBOARD_NOTEBOOK}")
    assert status == 200
    assert "Cannot use the workspace database" in page and "AICMO_DATABASE_URL" in page
    # The lab template ships outputs as JSON for its renderer, so the HTML arrives escaped.
    assert re.search(r"trace id[^0-9a-f]{1,40}[0-9a-f]{32}", page), "no trace id on the page"
    assert "Traceback" not in page and "There was an error when executing cell" not in page
    assert "s3cret-pw" not in page
    for marker in SOURCE_MARKERS:
        assert marker not in page


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.parametrize("delay_s", [0.3, 4.0], ids=["while-the-pool-refills", "pool-idle"])
def test_ctrl_c_stops_the_dashboard_quietly(seeded_env, isolated_env, delay_s):
    """Ctrl+C (SIGINT to the whole foreground process group, as a terminal sends it) stops the
    dashboard within seconds and prints no traceback, also while the pre-heated kernel that refills
    the pool is still running the review notebook (that kernel's shutdown noise goes to the log)."""
    import signal
    import subprocess
    import sys
    import time

    from aicmo_kernel.testing.dashboard import free_port

    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("aicmo")), "dashboard", "--no-browser", "--port", str(port)],
        env=seeded_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        # A background CI job may start with SIGINT ignored; a terminal's aicmo never does.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                status, _ = _get(f"http://127.0.0.1:{port}/voila/render/{DASHBOARD_NOTEBOOK}", timeout=30)
                if status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and process.poll() is None, "the dashboard did not start"
            time.sleep(0.25)
        time.sleep(delay_s)
        asked = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)
        output = process.communicate(timeout=30)[0].decode("utf-8", "replace")
        stop_s = time.monotonic() - asked
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 0, output[-2000:]
    assert stop_s < 15, f"took {stop_s:.1f} s to stop"
    assert "Traceback" not in output and "non-socket" not in output, output[-3000:]
    assert output.rstrip().endswith("AICMO dashboard stopped"), output[-500:]
