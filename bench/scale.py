"""5 and 6. Workspace scale and memory.

Workspaces of 1,000 and 100,000 deliverables (100 per campaign over the nine modules; 10% with an
edited second version; states mixed as a busy agency's would be: about a quarter waiting for a
reviewer) are written with bulk Core inserts, not through the workflow, in SQLite and in a real
PostgreSQL (``aicmo_kernel.testing.postgres.PostgresServer``). Measured: the review queue's first
page (``ui.helpers.waiting_page``, index-backed keyset pagination), the filter counts the widget
shows with it (``waiting_counts``), the full listing it used to read (``waiting_items``, kept as
the baseline), one campaign's status (``workflow.campaign_status``), and
exporting a 500-deliverable campaign. Memory: the resident set of a fresh Python process that
builds ``ui.review_queue()`` on the 100,000-deliverable workspace (a kernel-equivalent).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Section, fresh_home, median_ms, table  # noqa: E402

PER_CAMPAIGN = 100
MODULE_SPLIT = {"intake": 5, "strategy": 5, "creatives": 40, "execution": 10, "monitoring": 10, "leadgen": 10,
                "autonomy": 5, "delivery": 10, "learn": 5}
_TEXT = ("Rotaly helps independent restaurants cut food waste with a weekly stock check. This draft explains "
         "the offer to owners in plain words, names the problem they feel on Monday mornings, and ends with a "
         "clear call to action: book a fifteen-minute walkthrough. ") * 2


def _state(j: int) -> tuple[str, bool, int]:
    """(state, needs_review, versions) of the j-th deliverable of a campaign."""
    if j % 10 == 0:
        return "revised", False, 2
    if j % 10 == 1:
        return "draft", False, 1
    if j % 20 == 2:
        return "changes_requested", False, 1
    if j % 50 == 3:
        return "superseded", False, 1
    return "approved", j % 100 == 4, 1


def populate(ws: Any, campaigns: int, *, prefix: str = "c", per_campaign: int = PER_CAMPAIGN,
             all_approved: bool = False) -> float:
    """Bulk-insert ``campaigns`` campaigns of ``per_campaign`` deliverables; seconds taken."""
    from sqlalchemy import insert

    from aicmo_kernel.store.models import BrandRow, CampaignRow, DeliverableRow, RunRow, VersionRow

    started = time.perf_counter()
    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    split = {m: n * per_campaign // PER_CAMPAIGN for m, n in MODULE_SPLIT.items()}
    split["creatives"] += per_campaign - sum(split.values())
    with ws.engine.begin() as conn:
        brand_id = f"{prefix}brand"
        conn.execute(insert(BrandRow), [{
            "id": brand_id, "name": f"Bench brand {prefix}", "website": None, "industry": "food", "geography": "UK",
            "voice": "plain", "banned_words": [], "disclaimers": [], "branding": {}, "created_at": base,
            "updated_at": base}])
        serial = 0
        for c in range(campaigns):
            cid = f"{prefix}{c:05d}"
            conn.execute(insert(CampaignRow), [{
                "id": cid, "brand_id": brand_id, "name": f"bench-{prefix}-{c:05d}", "objective": "bench",
                "budget": 1000.0, "start_date": None, "end_date": None, "channels": ["linkedin"], "status": "active",
                "brief": {}, "created_at": base, "updated_at": base}])
            runs, deliverables, versions = [], [], []
            j = 0
            for module, count in split.items():
                run_id = f"{cid}-{module}"
                runs.append({
                    "id": run_id, "campaign_id": cid, "module": module, "status": "SUCCESS", "inputs": {},
                    "envelope": {}, "attempts": [], "error": None, "error_type": None, "provider": "bench",
                    "model": "bench", "tokens_in": 0, "tokens_out": 0, "cost_usd": 0.0, "latency_ms": 0.0,
                    "trace_id": run_id, "prompt_hash": "bench", "created_by": "bench", "created_at": base})
                for position in range(count):
                    state, flagged, n_versions = ("approved", False, 1) if all_approved else _state(j)
                    serial += 1
                    at = base + timedelta(seconds=serial)
                    did = f"{cid}-{j:03d}"
                    deliverables.append({
                        "id": did, "campaign_id": cid, "module": module, "run_id": run_id, "position": position,
                        "kind": "document", "title": f"{module} item {position}", "platform": None, "hashtags": [],
                        "assets": {}, "meta": {}, "state": state, "current_version": n_versions,
                        "approved_version": n_versions if state == "approved" else None,
                        "approved_basis": {} if state == "approved" else None, "needs_review": flagged,
                        "needs_review_reason": "upstream changed" if flagged else None,
                        "superseded_by_run_id": None, "created_at": at, "updated_by": "bench", "updated_at": at})
                    for v in range(1, n_versions + 1):
                        versions.append({
                            "deliverable_id": did, "version": v, "content_markdown": f"{_TEXT}\n\nVersion {v}.",
                            "title": f"{module} item {position}", "hashtags": [], "author": "bench",
                            "source": "generated" if v == 1 else "edited", "based_on_version": v - 1 or None,
                            "created_at": at})
                    j += 1
            conn.execute(insert(RunRow), runs)
            conn.execute(insert(DeliverableRow.__table__), [{("metadata" if k == "meta" else k): v
                                                              for k, v in row.items()} for row in deliverables])
            conn.execute(insert(VersionRow), versions)
    if ws.dialect == "postgresql":
        with ws.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")
    else:
        with ws.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def _measure(ws: Any, campaigns: int, repeat: int) -> dict[str, float]:
    from aicmo_kernel import workflow
    from aicmo_kernel.ui.helpers import waiting_counts, waiting_items, waiting_page

    middle = f"bench-c-{campaigns // 2:05d}"
    first = waiting_page(ws)
    results = {
        "queue first page (50)": median_ms(lambda: waiting_page(ws), repeat),
        "queue next page (keyset)": median_ms(lambda: waiting_page(ws, after=first[-1]), repeat),
        "queue filter counts (GROUP BY)": median_ms(lambda: waiting_counts(ws), max(3, repeat // 5)),
        "campaign status (one campaign, 9 modules)": median_ms(lambda: workflow.campaign_status(ws, middle), repeat),
        "full queue listing (waiting_items, every waiting row)": median_ms(lambda: waiting_items(ws), max(3, repeat // 5)),
    }
    results["_waiting_rows"] = len(waiting_items(ws))
    return results


def _plan(ws: Any) -> str:
    if ws.dialect != "sqlite":
        return ""
    from sqlalchemy import text

    from aicmo_kernel.store.models import WAITING_SQL

    with ws.engine.connect() as conn:
        rows = conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT d.id FROM deliverables d JOIN campaigns c ON c.id = d.campaign_id "
            f"WHERE ({WAITING_SQL}) ORDER BY d.updated_at, d.id LIMIT 50")).all()
    return "; ".join(str(row[-1]) for row in rows)


def _export(ws: Any, repeat: int) -> dict[str, float]:
    from aicmo_kernel.export import export_campaign

    populate(ws, 1, prefix="p", per_campaign=500, all_approved=True)
    name = "bench-p-00000"
    out: dict[str, float] = {}
    for fmt in ("md", "json", "zip"):
        try:
            started = time.perf_counter()
            export = export_campaign(ws, name, fmt)
            out[fmt] = (time.perf_counter() - started) * 1000
            out[f"{fmt}_bytes"] = len(export.data)
        except Exception as exc:  # noqa: BLE001 - report, do not hide
            out[f"{fmt}_error"] = f"{type(exc).__name__}: {exc}"[:200]  # type: ignore[assignment]
    return out


_MEMORY_SCRIPT = r"""
import json, os, sys
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
start = rss()
from aicmo_kernel.store import Workspace
from aicmo_kernel.ui.services import Services
from aicmo_kernel.ui.queue import review_queue
import ipywidgets
imported = rss()
ws = Workspace.open(sys.argv[1])
queue = review_queue(Services(workspace=ws))
built = rss()
items = getattr(queue, "waiting_total", None)
import resource
print(json.dumps({"start": start, "imported": imported, "built": built, "items": items,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "kind": type(queue).__name__}))
"""


def _memory(url: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, url], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1][:300]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[Section]:
    from aicmo_kernel.store import Workspace

    big = 100 if quick else 1000
    sizes = (10, big)
    repeat = 10 if quick else 30
    backends = ["sqlite"] if quick else ["sqlite", "postgresql"]
    results: dict[tuple[str, int], dict[str, float]] = {}
    build_s: dict[tuple[str, int], float] = {}
    extras: dict[str, Any] = {}
    server = None
    try:
        with fresh_home() as home:
            for backend in backends:
                for campaigns in sizes:
                    if backend == "sqlite":
                        url = f"sqlite:///{home}/scale-{campaigns}.sqlite"
                    else:
                        if server is None:
                            from aicmo_kernel.testing.postgres import PostgresServer

                            server = PostgresServer()
                            server.start()
                        url = server.create_database(f"scale_{campaigns}")
                    with Workspace.open(url) as ws:
                        build_s[(backend, campaigns)] = populate(ws, campaigns)
                        results[(backend, campaigns)] = _measure(ws, campaigns, repeat)
                        if campaigns == big:
                            extras[f"plan_{backend}"] = _plan(ws)
                            extras[f"export_{backend}"] = _export(ws, repeat)
                            if backend == "sqlite":
                                extras["memory"] = _memory(url)
    except Exception as exc:  # noqa: BLE001 - e.g. PostgreSQL binaries missing: say so in the report
        extras["error"] = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if server is not None:
            server.stop()
    return _sections(results, build_s, extras, sizes, backends, quick)


def _sections(results, build_s, extras, sizes, backends, quick) -> list[Section]:
    small, big = sizes
    names = [k for k in next(iter(results.values())) if not k.startswith("_")] if results else []
    rows = []
    for backend in backends:
        if (backend, big) not in results:
            continue
        for name in names:
            a, b = results[(backend, small)][name], results[(backend, big)][name]
            rows.append([backend, name, f"{a:.2f}", f"{b:.2f}", f"{b / a:.2f}"])
    md = (f"Deliverables: {small * PER_CAMPAIGN:,} ({small} campaigns) and {big * PER_CAMPAIGN:,} ({big} campaigns); "
          "10% with an edited second version; median of repeated queries.\n\n"
          + table(["backend", "query", f"ms at {small * PER_CAMPAIGN:,}", f"ms at {big * PER_CAMPAIGN:,}", "growth"], rows))
    for backend in backends:
        if (backend, big) in results:
            md += (f"\n\n{backend}: built the {big * PER_CAMPAIGN:,}-deliverable workspace in {build_s[(backend, big)]:.1f} s "
                   f"(bulk Core inserts); {int(results[(backend, big)]['_waiting_rows']):,} rows wait for a reviewer.")
    if extras.get("plan_sqlite"):
        md += f"\n\nSQLite plan of the first-page query: `{extras['plan_sqlite']}`."
    export_rows = []
    for backend in backends:
        found = extras.get(f"export_{backend}", {})
        for fmt in ("md", "json", "zip"):
            if fmt in found:
                export_rows.append([backend, fmt, f"{found[fmt]:.0f}", f"{found[fmt + '_bytes'] / 1024:.0f}"])
            elif f"{fmt}_error" in found:
                export_rows.append([backend, fmt, "failed", found[f"{fmt}_error"]])
    if export_rows:
        md += ("\n\nExporting a 500-deliverable campaign (all approved) from the large workspace:\n\n"
               + table(["backend", "format", "ms", "KiB"], export_rows))
    if "error" in extras:
        md += f"\n\n**Not measured:** {extras['error']}"
    sections = [Section("5. Workspace scale", md, {"results": {f"{b}:{n}": v for (b, n), v in results.items()},
                                                  "extras": {k: v for k, v in extras.items() if k != "memory"}})]
    memory = extras.get("memory")
    if memory:
        if "error" in memory:
            mem_md = f"Not measured: {memory['error']}"
        else:
            mem_md = (f"A fresh Python process that opens the {big * PER_CAMPAIGN:,}-deliverable SQLite workspace and builds "
                      f"`ui.review_queue()` ({memory['kind']}: one page of 50 and the counts of {memory['items']:,} waiting items), as a Voila "
                      "kernel would (the kernel's own overhead — ipykernel, ZMQ, comms — is not included):\n\n"
                      + table(["point", "RSS MiB"], [["interpreter started", f"{memory['start']:.0f}"],
                                                     ["kernel, store and widgets imported", f"{memory['imported']:.0f}"],
                                                     ["queue built", f"{memory['built']:.0f}"],
                                                     ["peak", f"{memory['peak']:.0f}"]]))
        sections.append(Section("6. Memory", mem_md, {"memory": memory}))
    return sections


if __name__ == "__main__":
    for section in run("--quick" in sys.argv):
        print(f"## {section.title}\n\n{section.markdown}\n")
