"""Page speed in Chromium: Voila's review queue against a one-button floor, and JupyterLab opening
a module notebook with its widgets.

    python bench/page_speed.py [--repeat 5] [--settle 2] [--quick] [--write]

Voila. The workspace of bench/voila_first_render.py (nine creatives waiting) and a temporary copy of
the notebooks plus ``floor.ipynb``, a notebook that only shows ``ipywidgets.Button("OK")``, served
through ``AICMO_NOTEBOOKS`` by two servers: ``aicmo dashboard --no-preheat`` (both pages from a cold
kernel), and the ``aicmo dashboard --preheat`` command line (``serve.dashboard_args``) with the floor
added to the pre-heated notebooks, so each page has a warm kernel waiting. Each page opens in a new
browser context; its time runs from navigation start to the first interactive widget (a button,
list or field, visible and enabled), recorded inside the page by a MutationObserver, so the
harness's polling adds nothing. The two pages alternate; each kernel is shut down after its page,
the pool refills, and each visit waits until the server and its kernels have been idle for
``--settle`` seconds (so a pre-heated kernel has run its notebook: Voila logs the pool as filled
when the kernel starts, before that).

JupyterLab. ``aicmo lab`` (``aicmo_kernel.testing.lab.running_lab``) on another copy of the
notebooks: open ``03_creatives.ipynb`` (the notebook reset before each run, its kernel shut down
after), wait for the kernel to be idle, Run → Run All Cells from the menu, wait for the panel's
first widget. ``--write`` puts both tables in docs/benchmarks.md ("Page speed"; the rest is kept).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from voila_first_render import Server, machine, offline_env, seed, write_section

from aicmo_kernel.serve import dashboard_jupyter_path
from aicmo_kernel.testing.browser import CHROMIUM, VIEWPORT, launch_chromium

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Page speed"
GOAL = 1.5  # issue 5: the review queue within 1.5 times the floor
TIMEOUT_MS = 120_000
REVIEW, FLOOR, MODULE_NOTEBOOK = "review.ipynb", "floor.ipynb", "03_creatives.ipynb"
FLOOR_NOTEBOOK = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "floor", "metadata": {}, "outputs": [],
               "source": ['import ipywidgets as w\n', 'w.Button(description="OK")']}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}

# In the page, before any of its scripts: note (performance.now(), milliseconds from navigation
# start) the first moment each named condition holds. ``window.__pageSpeed`` holds the times.
_OBSERVER = """
(() => {
  const seen = {};
  window.__pageSpeed = seen;
  const interactive = (root) => {
    for (const el of document.querySelectorAll(root + ' :is(button, select, input, textarea)')) {
      if (el.closest('.jupyter-widgets') && !el.disabled && el.getClientRects().length
          && getComputedStyle(el).visibility !== 'hidden') return true;
    }
    return false;
  };
  const checks = {CHECKS};
  const observer = new MutationObserver(() => {
    for (const [name, holds] of Object.entries(checks)) {
      if (!(name in seen) && holds()) seen[name] = performance.now();
    }
    if (Object.keys(seen).length === Object.keys(checks).length) observer.disconnect();
  });
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""
VOILA_CHECKS = "{first: () => interactive('body')}"
LAB_CHECKS = """{
  shown: () => !!document.querySelector('.jp-NotebookPanel .jp-Cell'),
  idle: () => [...document.querySelectorAll('.jp-StatusBar-Widget')].some(e => e.textContent.includes('(ipykernel) | Idle')),
  widget: () => interactive('.jp-OutputArea'),
  generate: () => [...document.querySelectorAll('.jp-OutputArea .jupyter-widgets button')].some(
      b => b.textContent.trim() === 'Generate' && !b.disabled),
}"""
NAVIGATION = "() => performance.getEntriesByType('navigation')[0].toJSON()"


def observer(checks: str) -> str:
    return _OBSERVER.replace("{CHECKS}", checks)


def _cpu_ticks(root: int) -> int:
    """CPU ticks used so far by ``root`` and every process below it (kernels run in sessions of
    their own, so the process group would miss them). Linux only, like the rest of this script."""
    parents, ticks = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        pid = int(stat.parent.name)
        parents[pid], ticks[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
    family, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier and pid not in family]
        family.update(frontier)
    return sum(ticks.get(pid, 0) for pid in family)


def wait_until_quiet(root: int, seconds: float, timeout: float = 180.0) -> None:
    """Until the server ``root`` and its kernels have used under 5% of a core for ``seconds`` in a
    row: a pre-heated kernel has run its notebook, a refilled pool is ready, a shut kernel is gone.
    (Other programs on the machine may still be busy; that noise is in the min and max.)"""
    tick = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = _cpu_ticks(root)
        time.sleep(seconds)
        if (_cpu_ticks(root) - before) / tick < 0.05 * seconds:
            return
    raise SystemExit(f"the server (pid {root}) did not go quiet within {timeout:.0f} s")


# --------------------------------------------------------------------------- Voila


def notebooks_with_floor(folder: Path) -> Path:
    """The repository's notebooks and ``floor.ipynb`` in ``folder``."""
    folder.mkdir(parents=True)
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copyfile(notebook, folder / notebook.name)
    (folder / FLOOR).write_text(json.dumps(FLOOR_NOTEBOOK, indent=1))
    return folder


def preheating_both(notebooks: Path) -> Callable[[int], list[str]]:
    """``aicmo dashboard --preheat``'s Voila command line, with the floor pre-heated as well."""
    from aicmo_kernel.serve import dashboard_args

    option = "--VoilaKernelManager.preheat_denylist="
    names = "|".join(re.escape(name) for name in (REVIEW, FLOOR))
    denylist = option + json.dumps([f"^(?!(.*[/\\\\])?({names})$)"])

    def command(port: int) -> list[str]:
        args = dashboard_args(port=port, preheat=True, notebooks=notebooks)
        if not any(arg.startswith(option) for arg in args):
            raise SystemExit("serve.dashboard_args no longer sets preheat_denylist: update this benchmark")
        return [denylist if arg.startswith(option) else arg for arg in args]

    return command


def open_voila_page(browser: Any, server: Server, notebook: str) -> dict[str, float]:
    """One visit in a fresh context: milliseconds from navigation start to the first byte, the
    complete HTML and the first interactive widget. The page's kernel is shut down afterwards."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(observer(VOILA_CHECKS))
    try:
        page = context.new_page()
        page.goto(f"{server.base}/voila/render/{notebook}", wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function("() => 'first' in window.__pageSpeed", timeout=TIMEOUT_MS)
        seen, navigation = page.evaluate("() => window.__pageSpeed"), page.evaluate(NAVIGATION)
        server.shutdown_kernel(page.content())
    finally:
        context.close()
    return {"first": seen["first"], "html": navigation["responseEnd"], "ttfb": navigation["responseStart"]}


def measure_voila(browser: Any, server: Server, preheated: bool, repeat: int, settle: float) -> dict[str, list[dict]]:
    """``repeat`` visits of the review queue and of the floor, alternating."""
    server.wait_until(server.answers, "the dashboard")
    runs: dict[str, list[dict]] = {REVIEW: [], FLOOR: []}
    for _ in range(repeat):
        for notebook, visits in runs.items():
            if preheated:
                server.wait_until(lambda notebook=notebook: server.pools_filled(notebook) >= 1, f"the pool of {notebook}")
            # "filled" is logged when the kernel starts, before the notebook has run in it.
            wait_until_quiet(server.process.pid, settle)
            filled = server.pools_filled(notebook)
            visits.append(open_voila_page(browser, server, notebook))
            if preheated:
                server.wait_until(lambda n=notebook, f=filled: server.pools_filled(n) > f, f"the pool of {notebook} to refill")
    return runs


# --------------------------------------------------------------------------- JupyterLab


def open_lab_notebook(browser: Any, lab: Any) -> dict[str, float]:
    """One analyst: open the notebook, wait for the kernel, Run All, wait for the widgets.
    Milliseconds from navigation start; ``run`` is when Run All Cells was clicked."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(observer(LAB_CHECKS))
    try:
        page = context.new_page()
        page.goto(lab.url(f"lab/tree/{MODULE_NOTEBOOK}"), wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function("() => 'idle' in window.__pageSpeed", timeout=TIMEOUT_MS)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        run_all = page.get_by_role("menuitem", name=re.compile(r"^Run All Cells"))
        run_all.wait_for()
        clicked = page.evaluate("() => performance.now()")
        run_all.click()
        page.wait_for_function("() => 'widget' in window.__pageSpeed && 'generate' in window.__pageSpeed",
                               timeout=TIMEOUT_MS)
        seen = page.evaluate("() => window.__pageSpeed")
    finally:
        context.close()
    return {**seen, "run": clicked}


def shut_lab_kernels(lab: Any) -> None:
    """Delete every session (its kernel stops), so the next visit starts a cold kernel."""
    with urllib.request.urlopen(lab.url("api/sessions"), timeout=10) as response:
        sessions = json.loads(response.read())
    for session in sessions:
        request = urllib.request.Request(lab.url(f"api/sessions/{session['id']}"), method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


def measure_lab(browser: Any, env: dict[str, str], folder: Path, repeat: int, settle: float) -> list[dict]:
    from aicmo_kernel.testing.lab import copy_notebooks, running_lab

    notebooks = copy_notebooks(ROOT / "notebooks", folder)
    runs = []
    with running_lab(env, notebooks) as lab:
        for _ in range(repeat):
            shutil.rmtree(notebooks / ".ipynb_checkpoints", ignore_errors=True)
            shutil.copyfile(ROOT / "notebooks" / MODULE_NOTEBOOK, notebooks / MODULE_NOTEBOOK)  # no saved outputs
            wait_until_quiet(lab.pid, settle)
            runs.append(open_lab_notebook(browser, lab))
            shut_lab_kernels(lab)
    return runs


# --------------------------------------------------------------------------- kernel work alone


def kernel_work(env: dict[str, str]) -> dict[str, float]:
    """Seconds a fresh interpreter spends building each page's widgets (imports included): the
    part of a cold page that runs in the kernel."""
    code = {
        REVIEW: "from aicmo_kernel import ui\nui.review_queue()",
        FLOOR: 'import ipywidgets as w\nw.Button(description="OK")',
    }
    timed = ("import time, sys\nstarted = time.perf_counter()\nexec(sys.argv[1])\n"
             "print(time.perf_counter() - started)")
    return {name: float(subprocess.run([sys.executable, "-c", timed, source], env=env, check=True,
                                       capture_output=True, text=True).stdout.split()[-1])
            for name, source in code.items()}


# --------------------------------------------------------------------------- report


def seconds(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values) / 1000, min(values) / 1000, max(values) / 1000


def report(voila: dict[str, dict[str, list[dict]]], lab: list[dict], work: dict[str, list[float]],
           options: argparse.Namespace, waiting: int) -> str:
    rows = ["| page | server | first interactive widget, median (s) | min (s) | max (s) | HTML complete, median (s) | runs |",
            "|---|---|---:|---:|---:|---:|---:|"]
    medians: dict[tuple[str, str], float] = {}
    html: dict[tuple[str, str], float] = {}
    for mode, label in (("cold", "cold kernel (`--no-preheat`)"), ("preheated", "pre-heated kernel")):
        for notebook, name in ((REVIEW, "`review.ipynb`"), (FLOOR, "floor (one Button)")):
            runs = voila[mode][notebook]
            median, low, high = seconds([run["first"] for run in runs])
            medians[mode, notebook] = median
            html[mode, notebook] = statistics.median(run["html"] for run in runs) / 1000
            rows.append(f"| {name} | {label} | {median:.2f} | {low:.2f} | {high:.2f} | "
                        f"{html[mode, notebook]:.2f} | {len(runs)} |")
    verdicts = []
    for mode, label in (("cold", "cold"), ("preheated", "pre-heated")):
        ratio = medians[mode, REVIEW] / medians[mode, FLOOR]
        # Each review visit against the floor visit right after it: the two shared the machine's load.
        paired = [review["first"] / floor["first"]
                  for review, floor in zip(voila[mode][REVIEW], voila[mode][FLOOR], strict=True)]
        verdicts.append(f"- {label}: review queue / floor = **{ratio:.2f}×** "
                        f"({'met' if ratio <= GOAL else 'missed'}; goal ≤ {GOAL:g}×); visit by visit "
                        f"{min(paired):.2f}× to {max(paired):.2f}×, median {statistics.median(paired):.2f}×")
    split = []
    for mode, label in (("cold", "cold"), ("preheated", "pre-heated")):
        gap = medians[mode, REVIEW] - medians[mode, FLOOR]
        server_gap = html[mode, REVIEW] - html[mode, FLOOR]
        split.append(f"- {label}: first widget {gap:+.2f} s against the floor; of that, {server_gap:+.2f} s "
                     "until the HTML is complete (server: the kernel starting and running the notebook, Voila "
                     f"rendering the cells) and {gap - server_gap:+.2f} s after it (browser: Voila's scripts, the "
                     "widget manager, drawing the widgets).")
    review_work, floor_work = statistics.median(work[REVIEW]), statistics.median(work[FLOOR])
    lab_rows = ["| step | median (s) | min (s) | max (s) |", "|---|---:|---:|---:|"]
    steps = (
        ("navigation → notebook shown", lambda run: run["shown"]),
        ("navigation → kernel idle", lambda run: run["idle"]),
        ("Run All Cells → first widget of the panel", lambda run: run["widget"] - run["run"]),
        ("Run All Cells → Generate button enabled", lambda run: run["generate"] - run["run"]),
        ("navigation → first widget of the panel (total)", lambda run: run["widget"]),
    )
    for name, value in steps:
        median, low, high = seconds([value(run) for run in lab])
        lab_rows.append(f"| {name} | {median:.2f} | {low:.2f} | {high:.2f} |")
    command = f"python bench/page_speed.py --repeat {options.repeat} --settle {options.settle:g} --write"
    return "\n".join([
        f"## {TITLE}",
        "",
        ("Headless Chromium (Debian's, driven by Playwright), a new browser context per page. Voila: time "
         "from navigation start to the first interactive widget (a button, list or field, visible and "
         f"enabled), with {waiting} deliverables waiting in the queue. The floor is a notebook showing one "
         "`ipywidgets.Button`, served by the same server; the pre-heated server is `aicmo dashboard "
         "--preheat`'s command line with the floor pre-heated too. Pages alternate, each kernel is shut "
         "down after its page, and each visit waits until the server and its kernels have been idle for "
         f"{options.settle:g} s (other programs on this shared machine were not idle: see min and max)."),
        "",
        f"- machine: {machine()}",
        f"- load average (1 min) of the whole machine at the start and the end: {options.load[0]:.1f}, {options.load[1]:.1f}",
        f"- command: `{command}`",
        f"- measured: {time.strftime('%Y-%m-%d')}",
        "",
        *rows,
        "",
        "Goal (issue 5): the review queue within 1.5 times the floor.",
        "",
        *verdicts,
        "",
        "Where the difference goes (medians above):",
        "",
        *split,
        (f"- kernel work alone, in a fresh interpreter (imports included; median of {len(work[REVIEW])}): "
         f"`ui.review_queue()` {review_work:.2f} s, the floor's Button {floor_work:.2f} s."),
        "",
        ("JupyterLab (`aicmo lab`, token, loopback): an analyst opens `03_creatives.ipynb` (nine creatives "
         "drafts in the workspace, so the panel shows nine editors), waits for the kernel, runs Run → Run All "
         "Cells from the menu (clicked by Playwright; the total includes those two clicks) and waits for the "
         "panel. The notebook is reset and its kernel shut down between runs. "
         f"Median of {len(lab)}."),
        "",
        *lab_rows,
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="visits per page and mode (default 5)")
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds the server and its kernels must be idle before each visit")
    parser.add_argument("--quick", action="store_true", help="--repeat 2")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    if options.quick:
        options.repeat = 2
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (never `playwright install`)")
    from playwright.sync_api import sync_playwright

    options.load = [os.getloadavg()[0]]
    scratch = Path(tempfile.mkdtemp(prefix="aicmo-page-speed-"))
    home = scratch / "home"
    env = offline_env(home)
    try:
        waiting = seed(home)
        notebooks = notebooks_with_floor(scratch / "voila")
        voila_env = dict(env, AICMO_NOTEBOOKS=str(notebooks), JUPYTER_PATH=dashboard_jupyter_path())
        voila: dict[str, dict[str, list[dict]]] = {}
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                for mode, command in (("cold", None), ("preheated", preheating_both(notebooks))):
                    print(f"voila, {mode} ...", file=sys.stderr, flush=True)
                    server = Server(voila_env, preheat=mode == "preheated", command=command)
                    try:
                        voila[mode] = measure_voila(browser, server, mode == "preheated", options.repeat, options.settle)
                    finally:
                        server.stop()
                print("jupyterlab ...", file=sys.stderr, flush=True)
                lab = measure_lab(browser, env, scratch / "lab", options.repeat, options.settle)
            finally:
                browser.close()
        work: dict[str, list[float]] = {REVIEW: [], FLOOR: []}
        for _ in range(3):
            for name, value in kernel_work(env).items():
                work[name].append(value)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    options.load.append(os.getloadavg()[0])
    text = report(voila, lab, work, options, waiting)
    print(text)
    if options.write:
        write_section(text, TITLE)
        print("\nwritten to docs/benchmarks.md")


if __name__ == "__main__":
    main()
