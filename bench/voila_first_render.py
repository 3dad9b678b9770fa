"""Voila time to the complete HTML of review.ipynb: cold kernels versus a pre-heated pool.

    python bench/voila_first_render.py [--repeat 5] [--write]

Seeds a temporary workspace (the demo campaign, intake and strategy approved, the creatives
waiting for review, so the queue has real items), starts ``aicmo dashboard --no-browser`` once
with ``--no-preheat`` and once with ``--preheat``, and times HTTP GETs of the review page until the
last byte arrives. Each page's kernel is shut down after its GET (as the browser does on leaving)
and, with pre-heating, the next GET waits until the pool is full again, so every measurement is a
reviewer arriving at a quiet server. ``--write`` puts the table in docs/benchmarks.md
("Dashboards" section; the rest of the file is kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AICMO = Path(sys.executable).with_name("aicmo")
DOC = ROOT / "docs" / "benchmarks.md"
PAGE = "/voila/render/review.ipynb"
POOL_FILLED = "Kernel pool of {notebook} is filled"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed(home: Path) -> int:
    """The demo campaign with intake and strategy approved and the creatives waiting."""
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import generate
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.workflow import approve

    with Workspace.open() as ws:
        seed_demo(ws)
        for module in ("intake", "strategy", "creatives"):
            if not generate(ws, "demo", module).ok:
                raise SystemExit(f"seeding failed at {module}")
            if module != "creatives":
                for item in ws.list_deliverables("demo", module):
                    approve(ws, item.id, version=item.current_version, reviewer="bench")
        return len(ws.list_deliverables("demo", "creatives"))


def aicmo_dashboard(preheat: bool) -> Callable[[int], list[str]]:
    """The command line of ``aicmo dashboard --no-browser`` on a given port."""
    flag = "--preheat" if preheat else "--no-preheat"
    return lambda port: [str(AICMO), "dashboard", "--no-browser", "--port", str(port), flag]


class Server:
    """A dashboard (by default ``aicmo dashboard``) in its own process group, its log lines collected."""

    def __init__(self, env: dict[str, str], preheat: bool, command: Callable[[int], list[str]] | None = None) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            (command or aicmo_dashboard(preheat))(self.port),
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_until(self, condition, what: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process.poll() is not None:
                raise SystemExit(f"the dashboard exited: {''.join(self.lines[-20:])}")
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            time.sleep(0.05)

    def answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/", timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            return False

    def pools_filled(self, notebook: str = "review.ipynb") -> int:
        """How many times Voila has logged the pool of ``notebook`` as filled."""
        filled = POOL_FILLED.format(notebook=notebook)
        return sum(filled in line for line in self.lines)

    def get_page(self) -> tuple[float, str]:
        started = time.perf_counter()
        with urllib.request.urlopen(self.base + PAGE, timeout=120) as response:
            body = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - started
        if response.status != 200 or "</html>" not in body or "widget-view+json" not in body:
            raise SystemExit(f"incomplete page (status {response.status})")
        return elapsed, body

    def shutdown_kernel(self, body: str) -> None:
        """Shut down the kernel of the page whose HTML is ``body``: the POST Voila's page sends on
        leaving. The server wants an XSRF token: any value, sent as both cookie and header, as the
        page does. A failure stops the benchmark (a kernel left running would load the next page)."""
        match = re.search(r'"kernelId": "([0-9a-f-]+)"', body)
        if not match:
            raise SystemExit("no kernel id in the page")
        xsrf = secrets.token_hex(16)
        request = urllib.request.Request(f"{self.base}/voila/api/shutdown/{match.group(1)}", method="POST", data=b"",
                                         headers={"X-XSRFToken": xsrf, "Cookie": f"_xsrf={xsrf}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.status != 204:
                raise SystemExit(f"the kernel was not shut down (HTTP {response.status})")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def measure(env: dict[str, str], preheat: bool, repeat: int, settle: float) -> list[float]:
    """``repeat`` timed GETs. Voila logs "pool filled" as soon as the kernel process starts, while
    the notebook still runs in it, so both modes wait ``settle`` seconds before each GET."""
    server = Server(env, preheat)
    try:
        server.wait_until(server.answers, "the server")
        if preheat:
            server.wait_until(lambda: server.pools_filled() >= 1, "the kernel pool")
        times = []
        for _ in range(repeat):
            time.sleep(settle)
            filled = server.pools_filled()
            elapsed, body = server.get_page()
            times.append(elapsed)
            server.shutdown_kernel(body)
            if preheat:
                server.wait_until(lambda filled=filled: server.pools_filled() > filled, "the pool to refill")
        return times
    finally:
        server.stop()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    return (f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}, voila {version('voila')}, ipykernel {version('ipykernel')}")


def write_section(text: str, title: str = "Dashboards") -> None:
    """Replace the ``## title`` section of docs/benchmarks.md with ``text`` (appended at the end)."""
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    section = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    current = section.sub("", current).rstrip() + "\n\n" + text.rstrip() + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(current, encoding="utf-8")


def offline_env(home: Path) -> dict[str, str]:
    """This process's environment, made the benchmark's: a workspace at ``home``, the offline
    composer, no keys, no shared database, no notebook self-test. Also applied to ``os.environ``."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AICMO_DATABASE_URL", "AICMO_NOTEBOOK_SELFTEST")}
    env.update(AICMO_HOME=str(home), AICMO_NO_DOTENV="1", AICMO_LLM_PRIMARY_PROVIDER="offline")
    os.environ.update(env)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--settle", type=float, default=8.0, help="quiet seconds before each GET")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="aicmo-bench-"))
    env = offline_env(home)
    try:
        waiting = seed(home)
        cold = measure(env, preheat=False, repeat=options.repeat, settle=options.settle)
        warm = measure(env, preheat=True, repeat=options.repeat, settle=options.settle)
    finally:
        shutil.rmtree(home, ignore_errors=True)

    cold_median, warm_median = statistics.median(cold), statistics.median(warm)
    rows = [("cold kernel (`--no-preheat`)", cold, cold_median), ("pre-heated pool (`--preheat`, default)", warm, warm_median)]
    table = ["| mode | median (s) | min (s) | max (s) | runs |", "|---|---:|---:|---:|---:|"]
    table += [f"| {name} | {median:.3f} | {min(times):.3f} | {max(times):.3f} | {len(times)} |"
              for name, times, median in rows]
    text = "\n".join([
        "## Dashboards",
        "",
        ("Voila time to the complete HTML of `review.ipynb` (HTTP GET until the last byte), with "
         f"{waiting} deliverables waiting in the queue. Each page's kernel is shut down after its GET, the "
         f"pool refills, and every GET comes after {options.settle:g} quiet seconds (a reviewer arriving at "
         "a quiet server)."),
        "",
        f"- machine: {machine()}",
        f"- command: `python bench/voila_first_render.py --repeat {options.repeat} --settle {options.settle:g} --write`",
        f"- measured: {time.strftime('%Y-%m-%d')}",
        "",
        *table,
        "",
        (f"Cold / pre-heated median ratio: **{cold_median / warm_median:.1f}×** (same run). `aicmo dashboard` "
         "therefore pre-heats one kernel for the review queue by default; the queue waits for the request "
         "before reading the workspace (voila's `wait_for_request`), so the page is never stale."),
    ])
    print(text)
    if options.write:
        write_section(text)
        print(f"\nwritten to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
