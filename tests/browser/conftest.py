"""A real browser on real dashboards: Debian's Chromium driven by Playwright, against
``aicmo dashboard`` (Voila) started on a free loopback port with a workspace seeded through the CLI.

Never ``playwright install``: it downloads a browser and cannot work here. The tests use
``/usr/bin/chromium`` (``apt-get install chromium``; scripts/test.sh does it). Without it they skip
loudly, unless ``AICMO_REQUIRE_BROWSER`` is set (scripts/test.sh sets it once Chromium is there),
in which case a missing browser is a failure.

Every page records the ``dialog`` and ``pageerror`` events it sees (``page.dialogs``,
``page.errors``): a dialog means a script ran that should not have. Screenshots go to a temporary
folder; ``AICMO_UPDATE_SCREENSHOTS=1`` also copies the ones chosen for the docs to docs/screenshots/.

Starting a dashboard costs seconds, so the review-queue tests share one (``review_dashboard``) over
one workspace seeded once per session (``review_workspace``): each test works on its own
deliverables there (see ``review_workspace``), so the order they run in does not matter. Tests that
need a workspace of their own use ``workspace_env`` and ``start_dashboard``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from queue_page import SECOND_CAMPAIGN

from aicmo_kernel.testing.browser import CHROMIUM, VIEWPORT, launch_chromium
from aicmo_kernel.testing.dashboard import DashboardFailed
from aicmo_kernel.testing.dashboard import running_dashboard as launch_dashboard

AICMO = Path(sys.executable).with_name("aicmo")
START_TIMEOUT = 60.0
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    browser_tests = [item for item in items if here in Path(str(item.fspath)).parents]
    if not browser_tests or CHROMIUM.exists():
        return
    if os.environ.get("AICMO_REQUIRE_BROWSER"):
        return  # the browser fixture fails each test with the reason
    skip = pytest.mark.skip(reason=(
        f"BROWSER TESTS SKIPPED: {CHROMIUM} is missing; install Debian's chromium "
        "(apt-get install chromium, or run scripts/test.sh). Never `playwright install`."))
    for item in browser_tests:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"AICMO_REQUIRE_BROWSER is set but {CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the test, so page fixtures can tell that it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _save_if_failed(page: Any, request: pytest.FixtureRequest, path: Path) -> None:
    """A screenshot of ``page`` as the failed test left it (nothing if it passed or the page is gone)."""
    from playwright.sync_api import Error

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        try:
            page.screenshot(path=str(path))
        except Error:
            pass  # the page or browser crashed: the failure itself says more


@contextmanager
def recording_page(browser: Any) -> Iterator[Any]:
    """A page in a context of its own (its own cookies and kernel: another person)."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.dialogs = []
    page.errors = []

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest, screenshots_dir: Path) -> Iterator[Any]:
    """A fresh context and page; ``page.dialogs`` and ``page.errors`` collect what fired. If the
    test fails, the page is saved as ``FAILED-<test>.png`` among the screenshots."""
    with recording_page(browser) as fresh:
        yield fresh
        _save_if_failed(fresh, request, screenshots_dir / f"FAILED-{request.node.name}.png")


@pytest.fixture
def second_page(browser: Any, request: pytest.FixtureRequest, screenshots_dir: Path) -> Iterator[Any]:
    """Another reviewer: a second context beside ``page``, recording the same events."""
    with recording_page(browser) as fresh:
        yield fresh
        _save_if_failed(fresh, request, screenshots_dir / f"FAILED-{request.node.name}-second.png")


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def screenshot(screenshots_dir: Path) -> Callable[..., Path]:
    """``screenshot(page, name, docs=False)``: save a PNG; ``docs=True`` marks one for docs/screenshots/."""

    def take(page: Any, name: str, *, docs: bool = False) -> Path:
        path = screenshots_dir / f"{name}.png"
        page.screenshot(path=str(path))
        if docs and os.environ.get("AICMO_UPDATE_SCREENSHOTS"):
            DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, DOCS_SCREENSHOTS / path.name)
        return path

    return take


def aicmo(env: dict[str, str], *args: str, expect: int = 0) -> str:
    """Run the CLI in ``env``; fail the test with its output unless it exits with ``expect``."""
    result = subprocess.run([str(AICMO), *args], check=False, env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != expect:
        pytest.fail(f"aicmo {' '.join(args)} exited with {result.returncode}: {result.stderr[-2000:]}")
    return result.stdout


@pytest.fixture
def workspace_env(isolated_env: Path) -> dict[str, str]:
    """A workspace with the demo campaign and intake's five drafts waiting for a reviewer."""
    env = dict(os.environ)
    env.pop("AICMO_NOTEBOOK_SELFTEST", None)
    aicmo(env, "init")
    aicmo(env, "run", "--campaign", "demo", "--autonomy", "manual", expect=3)  # 3: drafts wait for review
    return env


def clean_env(home: Path) -> dict[str, str]:
    """This process's environment without provider keys or workspace settings, on ``home``."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("AICMO_", "OPENAI_", "ANTHROPIC_")) and name != "JUPYTERHUB_USER"}
    return env | {"AICMO_HOME": str(home), "AICMO_NO_DOTENV": "1"}


@dataclass(frozen=True)
class SharedWorkspace:
    """The session's review workspace: ``env`` for the CLI and the dashboard, ``url`` for the store."""

    env: dict[str, str]
    url: str

    def open(self) -> Any:
        from aicmo_kernel.store import Workspace

        return Workspace.open(self.url)


@pytest.fixture(scope="session")
def review_workspace(tmp_path_factory: pytest.TempPathFactory) -> SharedWorkspace:
    """Two campaigns of the demo brand waiting for review:

    - ``demo``: intake and strategy approved, the nine creatives drafts waiting;
    - ``autumn``: the five intake drafts waiting.

    Tests that change something each take their own deliverables: the demo X post (the full
    review), the demo LinkedIn post (two reviewers), autumn's client summary (approve), brand voice
    guide (hostile output) and "The cautious evaluator" persona (keyboard only).

    Seeded through the library in this process (eight CLI runs cost seconds more), with the
    environment the dashboard gets: no keys, so the drafts come from the offline composer.
    """
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import generate
    from aicmo_kernel.workflow import approve

    home = tmp_path_factory.mktemp("review-workspace") / "aicmo-home"
    shared = SharedWorkspace(clean_env(home), f"sqlite:///{home / 'workspace.sqlite'}")
    with pytest.MonkeyPatch.context() as patch, shared.open() as ws:
        for name in set(os.environ) - set(shared.env):
            patch.delenv(name)
        for name, value in shared.env.items():
            patch.setenv(name, value)
        seed_demo(ws)
        demo = ws.get_campaign("demo")
        ws.create_campaign(demo.brand, SECOND_CAMPAIGN, objective=demo.objective, budget=demo.budget,
                           channels=demo.channels, brief=demo.brief)
        for campaign, module in (("demo", "intake"), ("demo", "strategy"), ("demo", "creatives"),
                                 (SECOND_CAMPAIGN, "intake")):
            result = generate(ws, campaign, module)
            assert result.ok, f"seeding {campaign}/{module} failed: {result}"
            if campaign == "demo" and module != "creatives":
                for item in ws.list_deliverables(campaign, module):
                    approve(ws, item.id, version=item.current_version, reviewer="seed")
    return shared


@pytest.fixture(scope="session")
def review_dashboard(review_workspace: SharedWorkspace) -> Iterator[str]:
    """The base URL of one ``aicmo dashboard`` over ``review_workspace``, for the whole session."""
    with running_dashboard(review_workspace.env) as base:
        yield base


@contextmanager
def running_dashboard(env: dict[str, str], *extra: str) -> Iterator[str]:
    """``aicmo dashboard --no-browser`` on a free loopback port until the block ends; yields the base URL."""
    try:
        with launch_dashboard(env, *extra, start_timeout=START_TIMEOUT) as base:
            yield base
    except DashboardFailed as exc:
        pytest.fail(str(exc))


@pytest.fixture
def cli() -> Callable[..., str]:
    """``cli(env, *args)``: run ``aicmo`` and return its output (the test fails if it does)."""
    return aicmo


@pytest.fixture
def start_dashboard() -> Callable[..., Any]:
    """``with start_dashboard(env) as base:``: a dashboard over another environment."""
    return running_dashboard


@pytest.fixture
def dashboard(workspace_env: dict[str, str]) -> Iterator[str]:
    """The base URL of ``aicmo dashboard`` over the seeded workspace."""
    with running_dashboard(workspace_env) as base:
        yield base
