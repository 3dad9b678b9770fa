"""3. Cache: an identical generation repeated, from the workspace cache instead of the model.

At 300 ms latency per call (loopback server): the answer step alone (the call vs the cache
lookup) and the whole ``generate()`` (which also validates, stores the run, its deliverables,
versions and audit rows either way). The run is checked to be labelled as cached.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Section, fresh_home, llm_environment, llm_server_process, median_ms, table  # noqa: E402
from bench_provider import intake_request  # noqa: E402

LATENCY_MS = 300.0


def run(quick: bool = False) -> Section:
    from aicmo_kernel import cache
    from aicmo_kernel.config import Settings
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import shared_chain, generate
    from aicmo_kernel.store import Workspace

    repeat = 5 if quick else 20
    with fresh_home(), llm_server_process(LATENCY_MS) as url, llm_environment(url), Workspace.open() as ws:
        seed_demo(ws)
        chain = shared_chain(Settings.from_env())
        request = intake_request(ws)
        result = chain.complete(request)
        cache.store(ws, "intake", request, result)
        call_ms = median_ms(lambda: chain.complete(request), repeat)
        lookup_ms = median_ms(lambda: cache.lookup(ws, chain, request), repeat * 5)
        uncached = [generate(ws, "demo", "intake", use_cache=False) for _ in range(1)]
        miss_ms, hit_ms = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            generate(ws, "demo", "intake", use_cache=False)
            miss_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            hit = generate(ws, "demo", "intake")
            hit_ms.append((time.perf_counter() - started) * 1000)
        run_row = ws.get_run(hit.run_id)
        labelled = (hit.attempts[0]["status"] == "cached" and any("workspace cache" in w for w in hit.envelope.meta.warnings)
                    and run_row.provider == uncached[0].envelope.meta.provider)
    gen_miss, gen_hit = statistics.median(miss_ms), statistics.median(hit_ms)
    rows = [
        ["answer step: provider call vs cache lookup", f"{call_ms:.1f}", f"{lookup_ms:.2f}", f"{call_ms / lookup_ms:.0f}x"],
        ["whole generate() (same validation and storage both ways)", f"{gen_miss:.1f}", f"{gen_hit:.1f}",
         f"{gen_miss / gen_hit:.1f}x"],
    ]
    md = (f"Latency {LATENCY_MS:.0f} ms per call; median of {repeat} (lookups: {repeat * 5}).\n\n"
          + table(["what", "model call ms", "cache hit ms", "speed-up"], rows)
          + f"\n\nThe hit is labelled: attempt status `cached`, a warning on the envelope, meta.provider = "
          f"`{run_row.provider}` (what wrote the text): **{'yes' if labelled else 'NO'}**.")
    return Section("3. Cache", md, {"call_ms": call_ms, "lookup_ms": lookup_ms, "generate_miss_ms": gen_miss,
                                    "generate_hit_ms": gen_hit, "labelled": labelled})


if __name__ == "__main__":
    print(run("--quick" in sys.argv).markdown)
