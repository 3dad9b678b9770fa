"""Streaming cost per chunk: does our work per chunk stay constant as an answer grows?

An endless stream from the loopback server (its own process) is read through the OpenAI adapter
and cut off at ``max_output_tokens``; the time per chunk is measured at three answer sizes. Side
by side, in the same run, the same stream is read with the tracker's text re-joined on every
chunk for the live counter (what the tracker did before issue 10), so the ratio shows what that
cost. Bounded: every read ends at the cap; the baseline is skipped at sizes where it would take
minutes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import FAKE_KEY, Section, llm_server_process, table  # noqa: E402

_WORDS_PER_CHUNK = 3  # the loopback server's endless stream sends three words a chunk
_BASELINE_MAX_TOKENS = 200_000  # the quadratic baseline takes minutes past this


def _read(url: str, max_tokens: int, *, rejoin: bool) -> tuple[float, int]:
    """(seconds, chunks) to read one endless stream until it is cut at ``max_tokens``."""
    import openai

    from aicmo_kernel.errors import ContractViolation
    from aicmo_kernel.providers._call import CallTracker
    from aicmo_kernel.providers.base import LLMRequest
    from aicmo_kernel.providers.openai import OpenAIProvider

    provider = OpenAIProvider(client=openai.OpenAI(base_url=url, api_key=FAKE_KEY, max_retries=0), timeout=600)
    original = CallTracker.report
    if rejoin:
        def report(self, *, done=False):  # the old live counter: join the whole text every chunk
            len("".join(self.parts))
            return original(self, done=done)
        CallTracker.report = report  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        try:
            request = LLMRequest(module="intake", system="Answer in JSON.", prompt="A long answer, please.",
                                 output_schema={}, schema_name="answer", max_output_tokens=max_tokens)
            provider.complete(request, progress=lambda p: None)
        except ContractViolation:
            pass
        return time.perf_counter() - started, max_tokens // _WORDS_PER_CHUNK
    finally:
        CallTracker.report = original  # type: ignore[method-assign]


def run(quick: bool = False) -> Section:
    sizes = [2_000, 20_000, 60_000] if quick else [2_000, 20_000, 200_000]
    rows, data = [], {}
    with llm_server_process(default="endless_stream") as url:
        _read(url, 500, rejoin=False)  # warm up: imports, connection
        for size in sizes:
            now_s, chunks = _read(url, size, rejoin=False)
            per_chunk = now_s / chunks * 1e6
            if size <= _BASELINE_MAX_TOKENS:
                old_s, _ = _read(url, size, rejoin=True)
                old = f"{old_s / chunks * 1e6:.0f}"
                ratio = f"{old_s / now_s:.1f}x"
            else:
                old_s, old, ratio = None, "(skipped: minutes)", ""
            rows.append([f"{size:,}", f"{chunks:,}", f"{now_s:.2f}", f"{per_chunk:.0f}", old, ratio])
            data[str(size)] = {"seconds": now_s, "us_per_chunk": per_chunk, "rejoin_seconds": old_s}
    first, last = data[str(sizes[0])]["us_per_chunk"], data[str(sizes[-1])]["us_per_chunk"]
    md = ("An endless stream through the OpenAI adapter with a live progress callback, cut at "
          "`max_output_tokens`.\n\n"
          + table(["max tokens", "chunks", "seconds", "µs per chunk", "µs per chunk, text re-joined each chunk",
                   "re-joined / now"], rows)
          + f"\n\nPer-chunk cost at {sizes[-1]:,} tokens is {last / first:.2f}x that at {sizes[0]:,}: constant work "
          "per chunk (the re-joined counter grows with the text read so far).")
    return Section("Streaming per chunk", md, data)


if __name__ == "__main__":
    print(run("--quick" in sys.argv).markdown)
