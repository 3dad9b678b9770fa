"""An analyst in JupyterLab, driven in Chromium (issue 5, scenario 3).

``aicmo lab`` is started on a free loopback port with a random token, over a temporary copy of the
notebooks (JupyterLab writes checkpoints and, on save, outputs beside what it serves) and a
workspace where strategy is approved, so creatives can generate. The analyst opens
``03_creatives.ipynb``, runs all cells from the Run menu, clicks Generate and sees the drafts with
the offline banner; the CLI then confirms the drafts exist and nothing was approved.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aicmo_kernel.testing.lab import LabFailed, copy_notebooks, running_lab
from aicmo_kernel.ui.generate import OFFLINE_BANNER

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

REPO_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = "03_creatives.ipynb"
KERNEL_IDLE = "Python 3 (ipykernel) | Idle"  # JupyterLab's status bar, once the kernel has connected
RENDER_TIMEOUT = 60_000  # ms: the kernel imports the workbench before the widgets appear


@pytest.fixture
def creatives_env(workspace_env: dict[str, str], cli: Callable[..., str]) -> dict[str, str]:
    """The demo campaign with intake and strategy approved: the creatives' gate is open."""
    cli(workspace_env, "approve", "--campaign", "demo", "--module", "intake", "--all", "--reviewer", "Ana Lyst")
    cli(workspace_env, "generate", "strategy", "--campaign", "demo")
    cli(workspace_env, "approve", "--campaign", "demo", "--module", "strategy", "--all", "--reviewer", "Ana Lyst")
    return workspace_env


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (checkpoints included) with a hash of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def answers(url: str) -> bool:
    try:
        http_status(url)
    except (urllib.error.URLError, OSError):
        return False
    return True


def module_counts(cli: Callable[..., str], env: dict[str, str], module: str) -> dict[str, int]:
    status = json.loads(cli(env, "status", "--campaign", "demo", "--json"))
    return next(row for row in status["modules"] if row["module"] == module)["counts"]


def button(page: Any, label: str) -> Any:
    """The button named ``label``; its name may start with the icon's glyph (Font Awesome)."""
    return page.get_by_role("button", name=re.compile(rf"^\W*{re.escape(label)}$"))


def run_all_cells(page: Any) -> None:
    """Run → Run All Cells, from JupyterLab's menu bar, as an analyst would."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()


def test_an_analyst_runs_the_creatives_notebook_in_jupyterlab_and_generates_offline_drafts(
        page, creatives_env, cli, screenshot, tmp_path):
    from playwright.sync_api import expect

    repo_before = fingerprint(REPO_NOTEBOOKS)
    notebooks = copy_notebooks(REPO_NOTEBOOKS, tmp_path / "notebooks")
    assert module_counts(cli, creatives_env, "creatives")["draft"] == 0

    try:
        with running_lab(creatives_env, notebooks) as lab:
            # The server wants its token: the API refuses a request without it or with another one.
            assert http_status(f"{lab.base}/api/contents") == 403
            assert http_status(f"{lab.base}/api/contents?token=not-{lab.token}") == 403
            assert http_status(lab.url("api/contents")) == 200

            page.goto(lab.url(f"lab/tree/{NOTEBOOK}"))
            page.get_by_text(KERNEL_IDLE).wait_for(timeout=RENDER_TIMEOUT)
            run_all_cells(page)
            generate = button(page, "Generate")
            generate.wait_for(timeout=RENDER_TIMEOUT)
            # Running all cells showed the editors and the exports, and generated nothing.
            page.get_by_text("No drafts yet for creatives").wait_for()
            button(page, "Prepare downloads").wait_for()
            assert module_counts(cli, creatives_env, "creatives")["draft"] == 0
            screenshot(page, "3-lab-creatives-widgets")

            generate.click()
            page.get_by_text(re.compile(r"Drafted \d+ deliverables")).wait_for(timeout=RENDER_TIMEOUT)
            banner = page.get_by_text(OFFLINE_BANNER[:60])
            banner.wait_for()
            drafts = json.loads(cli(creatives_env, "review", "--campaign", "demo", "--module", "creatives", "--json"))
            assert drafts, "the click stored no creatives drafts"
            # One editor (with its Save button) per stored draft, under the generate bar.
            expect(button(page, "Save")).to_have_count(len(drafts))
            page.keyboard.press("Control+b")  # hide the file browser: room for the drafts
            generate.evaluate("button => button.scrollIntoView({block: 'start'})")
            screenshot(page, "3-lab-creatives-offline-drafts", docs=True)
            shown = page.locator(".jp-Notebook").inner_text()
            lab_dialogs = page.get_by_role("dialog").count()  # JupyterLab's own (kernel choice, build)
    except LabFailed as exc:
        pytest.fail(str(exc))

    assert page.dialogs == [], f"a browser dialog fired: {page.dialogs}"
    assert page.errors == [], f"page errors: {page.errors}"
    assert lab_dialogs == 0
    assert drafts[0]["title"] in shown
    counts = module_counts(cli, creatives_env, "creatives")
    assert counts["draft"] == len(drafts) and counts["approved"] == 0, counts
    # Cleaned up: the server is gone, and the repository's notebooks are as they were.
    assert not answers(f"{lab.base}/api/status")
    assert fingerprint(REPO_NOTEBOOKS) == repo_before
