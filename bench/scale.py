"""5 and 6. Workspace scale and memory.

Workspaces of 1,000 and 100,000 deliverables (100 per campaign over the nine modules; 10% with an
edited second version; states mixed as a busy agency's would be: about a quarter waiting for a
reviewer) are written with bulk Core inserts, not through the workflow, in SQLite and in a real
PostgreSQL (``aicmo_kernel.testing.postgres.PostgresServer``). Measured: the review queue's first
page (``store.queue.waiting_page``, index-backed keyset pagination); its filter labels
(``filter_counts``, summed by the database from the counts its triggers keep, migration 0005);
every campaign × module × state count (``waiting_counts``) beside the GROUP BY over the waiting
rows it replaced and a covering partial index (the alternative not chosen); the whole widget's
Refresh; the full listing the queue used to read (``waiting_items``, kept as the baseline); one
campaign's status (``workflow.campaign_status``); and exporting a 500-deliverable campaign.

Memory: the resident set of a real Voila kernel with ``review.ipynb`` rendered
(``aicmo dashboard --no-preheat``, one GET of the page), on the 1,000 and the 100,000-deliverable
SQLite workspaces, beside a stand-in: a fresh Python process that builds ``ui.review_queue()``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
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
    base = datetime(2026, 1, 1, tzinfo=UTC)
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


def _group_by_counts(ws: Any) -> dict[tuple[str, str, str], int]:
    """The filter counts as the queue read them before migration 0005: one GROUP BY over every
    waiting row (the baseline)."""
    from sqlalchemy import func

    from aicmo_kernel.store.models import CampaignRow, DeliverableRow
    from aicmo_kernel.store.queue import _waiting_select

    columns = (CampaignRow.name, DeliverableRow.module, DeliverableRow.state)
    with ws.reading() as session:
        rows = session.execute(_waiting_select(*columns, func.count()).group_by(*columns)).all()
    counts: dict[tuple[str, str, str], int] = {}
    for campaign, module, state, count in rows:
        key = (campaign, module, "needs_review" if state == "approved" else state)
        counts[key] = counts.get(key, 0) + count
    return counts


# The alternative to the counter tables: a partial index covering the GROUP BY's columns.
_COVERING_INDEX = "ix_bench_waiting_groups"


def _covering_index_counts(ws: Any) -> dict[tuple[str, str, str], int]:
    """The same counts from a GROUP BY that the covering partial index serves (created by
    ``_with_covering_index`` for the measurement only)."""
    from sqlalchemy import text

    from aicmo_kernel.store.models import WAITING_SQL

    query = text("SELECT c.name, d.module, CASE WHEN d.state = 'approved' THEN 'needs_review' ELSE d.state END, "
                 f"count(*) FROM deliverables d JOIN campaigns c ON c.id = d.campaign_id WHERE ({WAITING_SQL}) "
                 "GROUP BY d.campaign_id, c.name, d.module, d.state")
    with ws.reading() as session:
        return {(c, m, s): n for c, m, s, n in session.connection().execute(query).cursor.fetchall()}


def _with_covering_index(ws: Any, measure: Any) -> Any:
    from aicmo_kernel.store.models import WAITING_SQL

    with ws.engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE INDEX {_COVERING_INDEX} ON deliverables (campaign_id, module, state) "
                             f"WHERE {WAITING_SQL}")
        conn.exec_driver_sql("ANALYZE deliverables")
    try:
        return measure()
    finally:
        with ws.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP INDEX {_COVERING_INDEX}")


def _measure(ws: Any, campaigns: int, repeat: int) -> dict[str, float]:
    from aicmo_kernel import workflow
    from aicmo_kernel.store.queue_counts import filter_counts, fold_changes
    from aicmo_kernel.store.queue import waiting_counts, waiting_items, waiting_page
    from aicmo_kernel.ui.queue import ReviewQueue
    from aicmo_kernel.ui.services import Services

    # PostgreSQL's triggers left the bulk load's changes pending: the first reader folds them.
    with ws.engine.connect() as conn:
        pending = conn.exec_driver_sql("SELECT count(*) FROM queue_count_changes").scalar()
    fold_started = time.perf_counter()
    folded = fold_changes(ws)
    fold_ms = (time.perf_counter() - fold_started) * 1000
    middle = f"bench-c-{campaigns // 2:05d}"
    first = waiting_page(ws)
    counts = waiting_counts(ws)
    few = max(3, repeat // 5)
    everything = filter_counts(ws)
    results = {
        "queue first page (50)": median_ms(lambda: waiting_page(ws), repeat),
        "queue next page (keyset)": median_ms(lambda: waiting_page(ws, after=first[-1]), repeat),
        "filter labels, nothing chosen (filter_counts: sums of the kept counts)": median_ms(
            lambda: filter_counts(ws), repeat),
        "filter labels, a campaign and a state chosen (filter_counts)": median_ms(
            lambda: filter_counts(ws, campaign=middle, state="draft"), repeat),
        "every campaign × module × state count (waiting_counts, from the kept counts)": median_ms(
            lambda: waiting_counts(ws), repeat),
        "before: the same by GROUP BY over the waiting rows": median_ms(lambda: _group_by_counts(ws), few),
        "not chosen: the same by GROUP BY over a covering partial index": _with_covering_index(
            ws, lambda: median_ms(lambda: _covering_index_counts(ws), few)),
        "campaign status (one campaign, 9 modules)": median_ms(lambda: workflow.campaign_status(ws, middle), repeat),
        "full queue listing (waiting_items, every waiting row)": median_ms(lambda: waiting_items(ws), few),
    }
    queue = ReviewQueue(Services(workspace=ws))
    results["queue Refresh (the whole ReviewQueue widget)"] = median_ms(queue.refresh, few)
    results["_waiting_rows"] = len(waiting_items(ws))
    results["_groups"] = len(counts)
    results["_counts_agree"] = float(
        counts == _group_by_counts(ws) == _with_covering_index(ws, lambda: _covering_index_counts(ws))
        and everything.waiting_total == sum(counts.values()) == results["_waiting_rows"]
        and sum(everything.campaigns.values()) == everything.total == everything.waiting_total)
    results["_pending"], results["_folded"], results["_fold_ms"] = pending, folded, fold_ms
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
import json, sys
def status():
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss across exec from the forking
    # parent, so a child of a big benchmark process would report the parent's peak.
    found = {}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS:", "VmHWM:")):
            found[line[:5]] = int(line.split()[1]) / 1024
    return found
start = status()["VmRSS"]
from aicmo_kernel.store import Workspace
from aicmo_kernel.ui.services import Services
from aicmo_kernel.ui.queue import review_queue
import ipywidgets
imported = status()["VmRSS"]
ws = Workspace.open(sys.argv[1])
queue = review_queue(Services(workspace=ws))
built = status()
print(json.dumps({"start": start, "imported": imported, "built": built["VmRSS"], "peak": built["VmHWM"],
                  "items": getattr(queue, "waiting_total", None), "kind": type(queue).__name__}))
"""


def _memory(url: str) -> dict[str, Any]:
    """The stand-in: a fresh Python process that builds ``ui.review_queue()``."""
    done = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, url], check=False, capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1][:300]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (the peak resident set) of a process, in MiB (Linux)."""
    found = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) / 1024
    return found


_ASK_QUEUE = ("import json; print(json.dumps({'kind': type(queue).__name__, 'waiting': queue.waiting_total, "
              "'first': queue.visible[0].id if queue.visible else None, 'shown': len(queue.visible)}))")


def _ask_kernel(connection_file: str, code: str) -> dict[str, Any]:
    """Run ``code`` in a running kernel over its own channels; the JSON it prints."""
    from jupyter_client import BlockingKernelClient

    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        printed: list[str] = []

        def collect(message: dict[str, Any]) -> None:
            if message["msg_type"] == "stream":
                printed.append(message["content"]["text"])

        reply = client.execute_interactive(code, timeout=60, output_hook=collect)
        if reply["content"]["status"] != "ok":
            return {"error": f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}"}
        return json.loads("".join(printed))
    finally:
        client.stop_channels()


def _voila_kernel_memory(home: Path, url: str) -> dict[str, Any]:
    """Resident memory of the real Voila kernel that rendered ``review.ipynb`` on ``url``.

    ``aicmo dashboard --no-preheat`` starts no kernel until the page is asked for; Voila executes
    the notebook before it sends the page, so once the GET returns, the kernel has built the queue.
    Voila 0.5 sends no widget state in the HTML (the browser asks the kernel for it), so whether
    the kernel's queue holds the workspace's items is asked of the kernel itself, after its memory
    was read."""
    import psutil  # a dependency of ipykernel, so present wherever Voila runs

    from aicmo_kernel.store import Workspace
    from aicmo_kernel.testing.dashboard import running_dashboard
    from aicmo_kernel.store.queue import waiting_page

    with Workspace.open(url) as ws:
        oldest = waiting_page(ws, limit=1)
    env = dict(os.environ, AICMO_HOME=str(home), AICMO_DATABASE_URL=url, AICMO_NO_DOTENV="1")
    env.pop("AICMO_NOTEBOOK_SELFTEST", None)
    with running_dashboard(env, "--no-preheat") as base:
        port = base.rsplit(":", 1)[1]
        started = time.perf_counter()
        with urllib.request.urlopen(f"{base}/voila/render/review.ipynb", timeout=600) as response:
            page = response.read().decode("utf-8", "replace")
        render_s = time.perf_counter() - started
        if "application/vnd.jupyter.widget-view+json" not in page or "Traceback" in page:
            return {"error": "the page carries no widget (or a traceback): the queue was not built"}
        voila = next(p for p in psutil.process_iter(["cmdline"])
                     if "voila" in " ".join(p.info["cmdline"] or []) and f"--port={port}" in (p.info["cmdline"] or []))
        kernels = [p for p in voila.children(recursive=True) if "ipykernel_launcher" in " ".join(p.cmdline())]
        if len(kernels) != 1:
            return {"error": f"expected one kernel under Voila, found {len(kernels)}"}
        kernel = kernels[0]
        measured = {"kernel": _proc_status(kernel.pid), "voila": _proc_status(voila.pid), "render_s": render_s}
        argv = kernel.cmdline()
        queue = _ask_kernel(argv[argv.index("-f") + 1], _ASK_QUEUE)
    measured["queue"] = queue
    measured["expected_first"] = oldest[0].id if oldest else None
    measured["verified"] = bool(oldest) and queue.get("first") == oldest[0].id
    return measured


def _guarded(measure: Any, *args: Any) -> dict[str, Any]:
    try:
        return measure(*args)
    except Exception as exc:  # noqa: BLE001 - one failed measurement is reported, not fatal
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}


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
                        extras[f"memory_{campaigns}"] = _memory(url)
                        extras[f"voila_{campaigns}"] = _guarded(_voila_kernel_memory, home, url)
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
          "10% with an edited second version; median of repeated queries. The queue's counts come from the "
          "counts database triggers keep (migration 0005): `filter_counts` has the database sum them into "
          "what the three filters show (a row per campaign, module and state), `waiting_counts` returns every "
          "campaign × module × state combination; the two rows after it count the same by the GROUP BY over the "
          "waiting rows that the queue used before, and by the alternative measured against the counter "
          "tables (a partial index covering the GROUP BY, created for this measurement only). The Refresh row "
          "is the whole `ReviewQueue` widget: counts, filter labels, first page, dropdowns.\n\n"
          + table(["backend", "query", f"ms at {small * PER_CAMPAIGN:,}", f"ms at {big * PER_CAMPAIGN:,}", "growth"], rows))
    for backend in backends:
        found = results.get((backend, big))
        if found:
            fold = (f" The bulk load left {int(found['_pending']):,} pending count changes (PostgreSQL's triggers "
                    f"append, see migration 0005); folding them took {found['_fold_ms']:.0f} ms."
                    if backend == "postgresql" else "")
            md += (f"\n\n{backend}: built the {big * PER_CAMPAIGN:,}-deliverable workspace in {build_s[(backend, big)]:.1f} s "
                   f"(bulk Core inserts, count triggers included); {int(found['_waiting_rows']):,} rows wait for a "
                   f"reviewer, in {int(found['_groups']):,} campaign × module × state counts; the ways of "
                   f"counting agree: {'yes' if found['_counts_agree'] else '**no**'}.{fold}")
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
    memory_keys = [k for k in extras if k.startswith(("memory_", "voila_"))]
    sections = [Section("5. Workspace scale", md, {"results": {f"{b}:{n}": v for (b, n), v in results.items()},
                                                  "extras": {k: v for k, v in extras.items() if k not in memory_keys}})]
    if memory_keys:
        sections.append(Section("6. Memory", _memory_markdown(extras, sizes),
                                {k: extras[k] for k in memory_keys}))
    return sections


def _memory_markdown(extras: dict[str, Any], sizes: tuple[int, int]) -> str:
    heads = [f"{n * PER_CAMPAIGN:,} deliverables" for n in sizes]

    def cell(found: dict[str, Any] | None, pick: Any) -> str:
        if not found or "error" in found:
            return f"not measured: {found['error']}" if found else "not measured"
        return pick(found)

    def mib(value: float) -> str:
        return f"{value:.0f}"

    voila = [extras.get(f"voila_{n}") for n in sizes]
    stand_in = [extras.get(f"memory_{n}") for n in sizes]
    rows = [
        ["**Voila kernel**, review.ipynb rendered: resident now (VmRSS)"] + [cell(v, lambda f: mib(f["kernel"]["VmRSS"])) for v in voila],
        ["Voila kernel: peak resident (VmHWM)"] + [cell(v, lambda f: mib(f["kernel"]["VmHWM"])) for v in voila],
        ["Voila server process (VmRSS)"] + [cell(v, lambda f: mib(f["voila"]["VmRSS"])) for v in voila],
        ["stand-in: interpreter started"] + [cell(m, lambda f: mib(f["start"])) for m in stand_in],
        ["stand-in: kernel, store and widgets imported"] + [cell(m, lambda f: mib(f["imported"])) for m in stand_in],
        ["stand-in: queue built (VmRSS)"] + [cell(m, lambda f: mib(f["built"])) for m in stand_in],
        ["stand-in: peak (VmHWM)"] + [cell(m, lambda f: mib(f["peak"])) for m in stand_in],
    ]
    md = ("Resident memory in MiB. **Voila kernel**: `aicmo dashboard --no-browser --no-preheat` on the SQLite "
          "workspace, one GET of `/voila/render/review.ipynb`; Voila executes the notebook before it answers, so "
          "the kernel (the ipykernel child of the Voila process) has built the queue when the page arrives, and "
          "its `/proc/<pid>/status` is read then. **Stand-in**: a fresh Python process that opens the workspace "
          "and builds `ui.review_queue()` without ipykernel, ZMQ or comms.\n\n"
          + table(["", *heads], rows))
    checks = []
    for n, found in zip(sizes, voila):
        if found and "error" not in found:
            queue = found["queue"]
            checks.append(f"at {n * PER_CAMPAIGN:,}: {queue.get('kind')} with {queue.get('waiting', 0):,} waiting, "
                          f"{queue.get('shown')} shown, oldest item {'as expected' if found['verified'] else '**not the expected one**'}; "
                          f"page in {found['render_s']:.1f} s with a cold kernel")
    if checks:
        md += ("\n\nWhat the kernel had built, asked of the kernel over its own channel after its memory was read "
               "(Voila 0.5 sends no widget state in the page): " + "; ".join(checks) + ".")
    return md


if __name__ == "__main__":
    for section in run("--quick" in sys.argv):
        print(f"## {section.title}\n\n{section.markdown}\n")
