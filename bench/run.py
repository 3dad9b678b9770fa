"""Run the benchmarks and write docs/benchmarks.md (issue 6).

    python bench/run.py            # everything (about 10 minutes on 2 cores)
    python bench/run.py --quick    # smaller sizes and 2 browser visits each, about 5 minutes
    python bench/run.py --only provider_overhead --only cache_hit

Each measurement runs in its own fresh interpreter, so one cannot warm another's caches; ratios
are taken side by side inside one measurement. ``bench/voila_first_render.py`` ("Dashboards") and
``bench/page_speed.py`` ("Page speed", Chromium) are run too, after the rest; each writes and owns
its section of docs/benchmarks.md, which is kept until it is rewritten. Benchmarks are not tests:
no timing is asserted anywhere in tests/.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DOC = ROOT / "docs" / "benchmarks.md"
IMG = ROOT / "docs" / "img"
MEASUREMENTS = ("provider_overhead", "concurrency", "cache_hit", "import_weight", "scale", "stream_overhead",
                "costs", "processes")
# Scripts that write (and own) a section of the file, run after the measurements above.
OWN_SECTIONS = {"Dashboards": BENCH / "voila_first_render.py", "Page speed": BENCH / "page_speed.py"}
# Sections written by a script run by hand (too long for a full run: bench/team_hub.py takes 15 to 25
# minutes); kept as they are by every run.
BY_HAND = {"Team hub": BENCH / "team_hub.py"}


def _child(name: str, quick: bool, out: Path) -> None:
    sys.path.insert(0, str(BENCH))
    module = __import__(name)
    sections = module.run(quick)
    sections = sections if isinstance(sections, list) else [sections]
    out.write_text(json.dumps([dataclasses.asdict(s) for s in sections], default=str))


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        memory = f"{mem_kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "unknown"
    import sqlite3

    pg = "not found"
    try:
        from aicmo_kernel.testing.postgres import find_postgres_bin

        bin_dir = find_postgres_bin()
        if bin_dir is not None:
            pg = subprocess.run([str(bin_dir / "postgres"), "--version"], capture_output=True, text=True).stdout.strip()
    except Exception:  # noqa: BLE001 - the machine table must not fail the run
        pass
    versions = {}
    for package in ("openai", "sqlalchemy", "pydantic", "psycopg"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001
            versions[package] = "not installed"
    return "\n".join([
        "| | |", "|---|---|",
        f"| CPU | {cpu}, {os.cpu_count()} logical cores |",
        f"| memory | {memory} |",
        f"| OS | {platform.platform()} |",
        f"| Python | {platform.python_version()} ({platform.python_implementation()}) |",
        f"| SQLite | {sqlite3.sqlite_version} |",
        f"| PostgreSQL | {pg} |",
        "| packages | " + ", ".join(f"{k} {v}" for k, v in versions.items()) + " |",
    ])


def _section_of(text: str, title: str) -> str | None:
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(0).rstrip() + "\n" if match else None


def _plots(sections: list[dict[str, Any]]) -> list[str]:
    """PNG plots under docs/img; returns Markdown image lines."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return ["(plots skipped: matplotlib is not installed)"]
    IMG.mkdir(parents=True, exist_ok=True)
    lines = []
    by_title = {s["title"]: s for s in sections}
    provider = by_title.get("1. Provider-layer overhead")
    if provider:
        per_call = provider["data"]["per_call_ms"]
        labels = {"a": "(a) raw SDK", "b1": "(b1) aicmo chain", "b2": "(b2) aicmo generate()", "c": "(c) LiteLLM"}
        keys = [k for k in labels if k in per_call]
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.barh([labels[k] for k in keys], [per_call[k] for k in keys], color="#4a7fb5")
        ax.set_xlabel("ms per generation (loopback server, zero latency)")
        ax.invert_yaxis()
        fig.tight_layout()
        fig.savefig(IMG / "bench_provider_overhead.png", dpi=110)
        plt.close(fig)
        lines.append("![provider overhead](img/bench_provider_overhead.png)")
    campaign = by_title.get("2a. Concurrency: one campaign")
    if campaign:
        d = campaign["data"].get("after") or campaign["data"]  # with AICMO_BENCH_BEFORE: before and after
        names = ["call bound", "bound with work", "concurrent", "aicmo run (CLI)", "sequential"]
        values = [d["calls_bound_s"], d["work_bound_s"], d["concurrent_s"], d["cli_s"], d["sequential_s"]]
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.barh(names, values, color=["#999", "#bbb", "#4a7fb5", "#7fa6cf", "#c0504d"])
        ax.set_xlabel("seconds for the nine modules at 300 ms per call")
        ax.invert_yaxis()
        fig.tight_layout()
        fig.savefig(IMG / "bench_concurrency.png", dpi=110)
        plt.close(fig)
        lines.append("![concurrency](img/bench_concurrency.png)")
    return lines


def _compile_kernels() -> None:
    """Write the bytecode of every kernel measured (this checkout's, and ``AICMO_BENCH_BEFORE``'s)
    before measuring, as a user's second start finds it. Where PYTHONDONTWRITEBYTECODE is set (as
    on the machines these benchmarks ran on), every fresh process measured would otherwise compile
    the kernel's modules again: 0.1 s of a fresh `aicmo run` (3.31 -> 3.21 s, measured by hand)."""
    import compileall

    trees = [ROOT / "aicmo_kernel"]
    if os.environ.get("AICMO_BENCH_BEFORE"):
        trees.append(Path(os.environ["AICMO_BENCH_BEFORE"]) / "aicmo_kernel")
    for tree in trees:
        if tree.is_dir():
            compileall.compile_dir(tree, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and 2 browser visits per page (about 5 minutes)")
    parser.add_argument("--only", action="append", choices=MEASUREMENTS, help="run only this measurement (repeatable)")
    parser.add_argument("--output", type=Path, default=None,
                        help="write here instead of docs/benchmarks.md (the dashboards and page-speed "
                             "measurements are then skipped)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.quick, args.out)
        return 0

    global DOC, IMG
    _compile_kernels()
    custom_output = args.output is not None
    if custom_output:
        DOC = args.output.resolve()
        IMG = DOC.parent / "img"
    started = time.monotonic()
    sections: list[dict[str, Any]] = []
    for name in args.only or MEASUREMENTS:
        print(f"running {name} ...", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out.json"
            began = time.monotonic()
            done = subprocess.run([sys.executable, __file__, "--child", name, "--out", str(out)]
                                  + (["--quick"] if args.quick else []), cwd=ROOT)
            if done.returncode != 0 or not out.exists():
                sections.append({"title": name, "markdown": f"**Failed** (exit {done.returncode}); rerun "
                                 f"`python bench/run.py --only {name}` to see why.", "data": {}})
                continue
            found = json.loads(out.read_text())
            for section in found:
                section["markdown"] += f"\n\n_{name}: {time.monotonic() - began:.0f} s._"
            sections.extend(found)

    previous = DOC.read_text() if DOC.exists() else ""
    owned = [_section_of(previous, title) for title in (*OWN_SECTIONS, *BY_HAND)]

    kept = {}
    if args.only:  # a partial run keeps the other measurements' sections
        for title in re.findall(r"^## (.+)$", previous, flags=re.M):
            if title not in {s["title"] for s in sections} and title not in (*OWN_SECTIONS, *BY_HAND) and title[:1].isdigit():
                kept[title] = _section_of(previous, title)
    body = [f"## {s['title']}\n\n{s['markdown']}\n" for s in sections]
    body += [text for text in kept.values() if text]
    body.sort(key=lambda text: text.split("\n", 1)[0])
    total = time.monotonic() - started
    doc = [
        "# Benchmarks\n",
        "Written by `python bench/run.py` (issue 6). Machines are shared and noisy, so every goal is a ratio "
        "taken side by side in one run; absolute times are for orientation only. Benchmarks are not tests: "
        "no timing is asserted in `tests/`.\n",
        "## How to rerun\n",
        "```\n. .venv/bin/activate\npip install -r bench/requirements.txt          # pyinstrument, matplotlib\n"
        "python -m venv bench/.venv-litellm && bench/.venv-litellm/bin/pip install -r bench/requirements-litellm.txt\n"
        "python bench/run.py            # full run\npython bench/run.py --quick    # about 5 minutes\n"
        "python bench/run.py --only scale\n```\n",
        f"This run: {'--quick' if args.quick else 'full'}"
        + (f", only {', '.join(args.only)}" if args.only else "") + f", {total:.0f} s, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.\n",
        "## Machine\n", _machine() + "\n",
        *_plots(sections),
        "",
        *body,
    ]
    notes = BENCH / "NOTES.md"
    if notes.exists():
        doc.append(notes.read_text())
    doc += [text for text in owned if text]
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text("\n".join(doc))
    for script in OWN_SECTIONS.values():
        if not script.exists() or args.only or custom_output:
            continue
        print(f"running {script.stem} ...", flush=True)
        done = subprocess.run([sys.executable, str(script), "--write", "--repeat", "2" if args.quick else "5"],
                              check=False, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["no output"])[-1][:300]
            with DOC.open("a") as handle:
                handle.write(f"\n_bench/{script.name} failed in this run (exit {done.returncode}): {reason}_\n")
    total = time.monotonic() - started
    print(f"wrote {DOC} in {total:.0f} s (all measurements)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
