"""A team on the hub: the review queue through JupyterHub against ``aicmo dashboard``, memory per
signed-in reviewer, and how many reviewers one machine holds.

    python bench/team_hub.py [--reviewers 10 25 50] [--write]

Seeds a SQLite workspace (the demo campaign plus one campaign per reviewer with an intake draft
each, so every reviewer approves their own item and nothing collides), then:

1. time to the first interactive widget (the queue's list rendered in Chromium): ``aicmo dashboard``
   directly against the hub (sign-in, the reviewer's server started, the page), one run each, and
   the hub again once the reviewer's server is running;
2. for each N in ``--reviewers``: N more reviewers sign in at once (one browser context each, one
   Chromium), open the queue and approve their item; the time per action (open: sign-in, the
   server's start and the queue rendered; approve: the click to the stored approval), errors, and the approvals stored under the right names; then
   the memory of each reviewer's server with its page open (proxy, Voila and kernel: resident set
   size of the process tree). Each reviewer then stops their server, so rounds do not add up.

Everything runs on loopback and stops by itself (each action has a time limit). ``--write`` puts
the results in docs/benchmarks.md ("Team hub"); the rest of the file is kept.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
DOC = ROOT / "docs" / "benchmarks.md"
# As long as the hub waits for a server to start (share/jupyterhub_config.py), plus the page.
ACTION_TIMEOUT_MS = int(os.environ.get("AICMO_BENCH_TIMEOUT_MS", "360000"))


def seed(home: Path, reviewers: int) -> dict[str, str]:
    from fixtures_store import generate, item

    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    env = {k: v for k, v in os.environ.items() if not k.startswith(("AICMO_", "OPENAI_", "ANTHROPIC_", "JUPYTERHUB_"))}
    env.update(AICMO_HOME=str(home), AICMO_NO_DOTENV="1")
    os.environ.update(AICMO_HOME=str(home), AICMO_NO_DOTENV="1")
    with Workspace.open() as ws:
        seed_demo(ws)
        for index in range(reviewers):
            ws.create_campaign("Rotaly", f"load-{index:02d}", objective="Load test", budget=100, channels=["linkedin"])
            generate(ws, f"load-{index:02d}", "intake", [item(f"Load brief {index:02d}")], actor="setup")
    team = home / "team.yaml"
    names = ", ".join(f"r{index:02d}" for index in range(reviewers))
    team.write_text(f"reviewers: [{names}]\n")
    return env


async def stop_own_server(context, hub, user: str) -> None:
    """The reviewer stops their own server through the hub's API (their session may), so each
    round is measured on its own servers."""
    xsrf = next((c["value"] for c in await context.cookies() if c["name"] == "_xsrf" and c["path"].startswith("/hub")),
                "")
    await context.request.delete(f"{hub.url}/hub/api/users/{user}/server", headers={"X-XSRFToken": xsrf})


def rss_mb(pid: int) -> float:
    from aicmo_kernel.testing.hub import _descendants

    total = 0
    for each in [pid, *_descendants(pid)]:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def reviewer_servers(hub_pid: int) -> list[int]:
    """The pids of the reviewers' servers (the hub_proxy processes the hub spawned)."""
    from aicmo_kernel.testing.hub import _descendants

    found = []
    for pid in _descendants(hub_pid):
        try:
            if b"aicmo_kernel.hub_proxy" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            pass
    return found


async def first_widget(browser, url: str) -> float:
    context = await browser.new_context()
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url)
    await page.get_by_role("listbox").first.wait_for(timeout=ACTION_TIMEOUT_MS)
    elapsed = time.perf_counter() - start
    await context.close()
    return elapsed


async def hub_sign_in(browser, hub, user: str):
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    await page.goto(f"{hub.url}/hub/login")
    await page.fill("input[name=username]", user)
    await page.fill("input[name=password]", hub.password)
    await page.click("[type=submit]")
    await page.wait_for_url(f"**/user/{user}/**")
    return context, page


async def one_reviewer(browser, hub, index: int) -> dict:
    user, campaign = f"r{index:02d}", f"load-{index:02d}"
    result: dict = {"user": user}
    try:
        start = time.perf_counter()
        context, page = await hub_sign_in(browser, hub, user)
        await page.goto(hub.user_url(user, "voila/render/review.ipynb"))
        listbox = page.get_by_role("listbox").first
        await listbox.wait_for()
        result["open_s"] = time.perf_counter() - start
        # One draft per campaign keeps every reviewer's item on the queue's first page (50 items).
        option = listbox.get_by_role("option", name=re.compile("^" + re.escape(campaign) + " ·"))
        await option.first.wait_for(state="attached")
        await listbox.select_option(label=(await option.first.inner_text()).strip())
        await page.locator("b", has_text=f"Load brief {index:02d}").first.wait_for()
        start = time.perf_counter()
        await page.get_by_role("button", name="Approve").click()
        await page.get_by_text(re.compile(f"Approved version 1 as {user}")).wait_for()
        result["approve_s"] = time.perf_counter() - start
        result["context"] = context
    except Exception as exc:  # noqa: BLE001 - an error is a result here
        result["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
        if os.environ.get("AICMO_BENCH_DEBUG") and "page" in locals():
            await page.screenshot(path=f"/tmp/bench-{user}.png")
            print(await page.get_by_role("listbox").first.locator("option").all_inner_texts(), file=sys.stderr)
    return result


async def main_async(args: argparse.Namespace) -> list[str]:
    from playwright.async_api import async_playwright

    from aicmo_kernel.store import Workspace
    from aicmo_kernel.testing.browser import CHROMIUM, CHROMIUM_ARGS
    from aicmo_kernel.testing.dashboard import running_dashboard
    from aicmo_kernel.testing.hub import running_hub

    largest = 1 + sum(args.reviewers)
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        env = seed(home, largest)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                       args=list(CHROMIUM_ARGS))
            with running_dashboard(env, "--no-preheat") as base:
                direct = await first_widget(browser, base + "/voila/render/review.ipynb")
            with running_hub(env, home / "team.yaml", start_timeout=120) as hub:
                start = time.perf_counter()
                context, page = await hub_sign_in(browser, hub, "r00")
                await page.goto(hub.user_url("r00", "voila/render/review.ipynb"))
                await page.get_by_role("listbox").first.wait_for(timeout=ACTION_TIMEOUT_MS)
                cold = time.perf_counter() - start
                start = time.perf_counter()
                await page.goto(hub.user_url("r00", "voila/render/review.ipynb"))
                await page.get_by_role("listbox").first.wait_for(timeout=ACTION_TIMEOUT_MS)
                warm = time.perf_counter() - start
                await context.close()
                lines += [
                    "| first interactive widget (queue list rendered) | seconds |", "|---|---|",
                    f"| `aicmo dashboard` directly (no pre-heat) | {direct:.2f} |",
                    f"| through the hub: sign-in, server start, page | {cold:.2f} ({cold / direct:.1f}x) |",
                    f"| through the hub, server already running | {warm:.2f} ({warm / direct:.1f}x) |", "",
                ]
                lines += [("| reviewers at once | open queue median / p95 (s) | approve median / p95 (s) | "
                           "errors | approvals stored | memory per reviewer server (MB, median) |"),
                          "|---|---|---|---|---|---|"]
                offset = 1  # r00 measured the first widget above
                for count in args.reviewers:
                    indices = list(range(offset, offset + count))
                    offset += count
                    results = await asyncio.gather(*(one_reviewer(browser, hub, i) for i in indices))
                    servers = reviewer_servers(hub.pid)  # pages still open: their kernels count
                    memory = statistics.median(rss_mb(pid) for pid in servers) if servers else float("nan")
                    for result in results:
                        if "context" in result:
                            context = result.pop("context")
                            await stop_own_server(context, hub, result["user"])
                            await context.close()
                    ok = [r for r in results if "error" not in r]
                    with Workspace.open(env_url(home)) as ws:
                        stored = sum(1 for i in indices for d in ws.list_deliverables(f"load-{i:02d}", "intake")
                                     if any(e.action == "approve" and e.actor == f"r{i:02d}"
                                            for e in ws.list_review_events(d.id)))
                    lines.append(f"| {count} | {_stats([r['open_s'] for r in ok])} | "
                                 f"{_stats([r['approve_s'] for r in ok])} | {len(results) - len(ok)} | "
                                 f"{stored} of {len(indices)} | {memory:.0f} ({len(servers)} servers) |")
                    await asyncio.sleep(5)  # the servers stopping
                    for result in results:
                        if "error" in result:
                            print(f"  {result['user']}: {result['error']}", file=sys.stderr)
            await browser.close()
    lines += ["", (f"Machine: {platform.machine()}, {os.cpu_count()} cores, load average "
                   f"{os.getloadavg()[0]:.1f} at the end (other work shares the machine).")]
    return lines


def env_url(home: Path) -> str:
    return f"sqlite:///{home / 'workspace.sqlite'}"


def _stats(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):.2f} / {p95:.2f}"


def write(lines: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8")
    section = ("## Team hub\n\n`python bench/team_hub.py --write` (issue 12): reviewers through JupyterHub, "
               "each with their own Voila server behind the hub's OAuth (docs/team.md).\n\n" + "\n".join(lines) + "\n")
    if "## Team hub\n" in text:
        start = text.index("## Team hub\n")
        following = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[following + 1:] if following != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviewers", type=int, nargs="+", default=[10, 25, 50])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    lines = asyncio.run(main_async(args))
    print("\n".join(lines))
    if args.write:
        write(lines)


if __name__ == "__main__":
    main()
