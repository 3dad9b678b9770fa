"""Run many campaigns at once under one limit on language-model calls in flight (``aicmo batch``).

With ``--provider-batch`` the calls go through the providers' batch APIs instead, at half price
(``provider_batch_chain``, ``providers.batch``): every campaign runs at once, each wave of ready
modules across them goes out as one batch per provider, and the calls wait for it without taking
a slot under the limit.

Each campaign goes through ``run_campaign`` (its modules concurrent as their gates open) in its
own thread; every call of every campaign passes one shared ``CallLimiter``, so the server never
sees more than ``max_in_flight`` requests, and a 429 with Retry-After pauses the whole batch.

No work is lost to rate limits: a campaign whose run stopped on a RATE_LIMIT failure (the chain
gave up after its one retry) is run again, up to ``rate_limit_rounds`` times; the rerun skips what
is already approved and regenerates only the module that failed. Any other stop (drafts a person
must review, missing data) is reported, as ``aicmo run`` would. An unexpected error in one
campaign is reported for it and never stops the others. Ctrl+C stops the batch in seconds without
losing what is done (``run_many``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .errors import AicmoError

if TYPE_CHECKING:
    from .runner import CampaignRunReport
    from .store import Workspace

__all__ = ["BatchReport", "CampaignQueue", "default_processes", "provider_batch_chain", "run_many",
           "stop_batches_on_interrupt"]

_RATE_LIMIT = "RATE_LIMIT"
# Campaigns open at once per call in flight (``run_many``'s default ``max_campaigns``).
_CAMPAIGNS_PER_CALL = 2


@dataclass
class BatchReport:
    reports: dict[str, "CampaignRunReport"] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # campaign -> error that ended its run
    calls: int = 0
    peak_in_flight: int = 0
    rate_limited: int = 0
    reruns: int = 0
    wall_s: float = 0.0
    processes: int = 1  # processes the campaigns ran in, this one included
    interrupted: bool = False  # Ctrl+C stopped the batch (see run_many)
    not_started: list[str] = field(default_factory=list)  # campaigns the stop came before

    @property
    def calls_per_second(self) -> float:
        return self.calls / self.wall_s if self.wall_s else 0.0


class CampaignQueue:
    """A batch's campaigns, each taken once, in order, by whichever slot is free first: in this
    process, or in every process of the batch when made with a counter they share (a
    ``multiprocessing.Value``). So a process that started late or drew slow campaigns takes fewer,
    and none waits at the end with campaigns left in another's share."""

    def __init__(self, names: list[str], counter: Any = None) -> None:
        self.names = names
        self._counter = counter
        self._next = 0
        self._all_taken = False
        self._lock = counter.get_lock() if counter is not None else threading.Lock()

    def _taken(self) -> int:
        return self._counter.value if self._counter is not None else self._next

    def take(self) -> str | None:
        """The next campaign, None when every one is taken."""
        with self._lock:
            index = self._taken()
            if index >= len(self.names):
                return None
            if self._counter is not None:
                self._counter.value = index + 1
            else:
                self._next = index + 1
        return self.names[index]

    def all_taken(self) -> bool:
        """Whether every campaign has been taken (once true, it stays true)."""
        if not self._all_taken:
            with self._lock:
                self._all_taken = self._taken() >= len(self.names)
        return self._all_taken

    def left(self) -> list[str]:
        """The campaigns nobody has taken."""
        with self._lock:
            return self.names[self._taken():]


def run_many(
    ws: "Workspace",
    campaigns: list[str],
    *,
    autonomy: str | None = None,
    provider: Any = None,
    max_in_flight: int = 32,
    max_campaigns: int | None = None,
    use_cache: bool | None = None,
    rate_limit_rounds: int = 3,
    on_campaign: Callable[[str, "CampaignRunReport"], None] | None = None,
    provider_batch: bool = False,
    processes: int = 1,
    limiter: Any = None,
    stop: Any = None,
    queue: CampaignQueue | None = None,
) -> BatchReport:
    """Run ``campaigns`` with at most ``max_in_flight`` calls in flight; see the module docstring.

    ``max_campaigns`` campaigns run at once (default twice ``max_in_flight``), and a free slot for a
    call goes to the oldest of them that wants one: the first campaigns go through as if alone,
    the later ones start on what the earlier ones leave free (an earlier campaign waits for its own
    calls between modules), so the last campaigns are well on when the queue runs out. From then
    on, the call with the longest chain of calls after it goes first (``_slot_priority``), so the
    batch does not end on a few campaigns' last modules run one after another while the other
    slots stand idle. ``provider`` defaults to the configured chain.
    ``provider_batch``: ``provider`` answers through provider batches (``provider_batch_chain``), so
    every campaign runs at once and its whole wave goes out together.
    ``processes``: run the campaigns in that many worker processes, all under one limit
    (``SharedCallLimiter``), so QC, rendering and storing use every core instead of one GIL
    (the configured chain only: a ``provider`` object cannot be handed to another process).
    ``limiter``: the limit to share (the worker processes pass theirs); default a new one.
    ``queue``: where the campaigns come from when processes share them (the worker processes pass
    theirs); default ``campaigns`` in order. Each free slot takes the next campaign, in whichever
    process it is.

    Ctrl+C (KeyboardInterrupt in the calling thread) stops the batch instead of ending it: no
    campaign starts after it, calls waiting for a slot and calls in flight end as cancelled runs
    (stored, as every attempt is), and the report comes back with ``interrupted`` set and the
    campaigns that never started in ``not_started``. What was approved stays approved, so the same
    batch run again goes on from there. A second Ctrl+C while it stops ends it at once.
    ``stop``: the ``CancelToken`` that stops it (the worker processes pass the one they share).
    """
    if provider_batch and max_campaigns is None:
        max_campaigns = max(1, len(campaigns))
    if processes > 1 and len(campaigns) > 1:
        return _run_in_processes(ws, campaigns, processes=processes, autonomy=autonomy, provider=provider,
                                 max_in_flight=max_in_flight, max_campaigns=max_campaigns, use_cache=use_cache,
                                 rate_limit_rounds=rate_limit_rounds, on_campaign=on_campaign)
    from .config import Settings
    from .generation import shared_chain
    from .providers.base import CancelToken
    from .providers.limit import CallLimiter, limit_provider
    from .runner import run_campaign

    limiter = limiter if limiter is not None else CallLimiter(max_in_flight)
    stop = stop if stop is not None else CancelToken()
    shared = queue is not None
    queue = queue if queue is not None else CampaignQueue(campaigns)
    limited = limit_provider(provider if provider is not None else shared_chain(Settings.from_env()), limiter, stop,
                             priority=_slot_priority(queue))
    report = BatchReport()
    lock = threading.Lock()

    def one(name: str) -> None:
        if stop.cancelled:
            report.not_started.append(name)
            return
        try:
            for round_ in range(1 + max(0, rate_limit_rounds)):
                result = run_campaign(ws, name, autonomy=autonomy, provider=limited, use_cache=use_cache)
                if stop.cancelled or not any(reason.startswith(_RATE_LIMIT) for reason in result.stops.values()):
                    break
                if round_ < rate_limit_rounds:
                    with lock:
                        report.reruns += 1
            report.reports[name] = result
            if on_campaign:
                on_campaign(name, result)
        except AicmoError as exc:
            report.errors[name] = f"{exc.error_type}: {exc.message}"
        except Exception as exc:  # noqa: BLE001 - one campaign's crash must not end the batch
            report.errors[name] = f"INTERNAL_ERROR: {type(exc).__name__}: {exc}"

    def slot() -> None:
        while not stop.cancelled and (name := queue.take()) is not None:
            one(name)

    slots = max(1, min(max_campaigns or _CAMPAIGNS_PER_CALL * max_in_flight, len(campaigns)))
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=slots, thread_name_prefix="aicmo-batch") as pool:
        futures: list[Any] = []
        try:
            futures.extend(pool.submit(slot) for _ in range(slots))
            wait(futures)
        except KeyboardInterrupt:
            stop.cancel()
            wait(futures)  # the campaigns end their cancelled calls; a second Ctrl+C ends this at once
    if not shared:  # with a shared queue, the process that made it says what never started
        report.not_started += queue.left()
    report.interrupted = stop.cancelled
    report.not_started.sort(key=campaigns.index)
    report.wall_s = time.monotonic() - started
    report.calls, report.peak_in_flight, report.rate_limited = limiter.calls, limiter.peak, limiter.rate_limited
    return report


def _slot_priority(queue: CampaignQueue) -> Callable[[Any], float]:
    """A request's priority for a free slot (asked again whenever a slot frees: ``CallOrder``).
    While campaigns are still to start, the earlier its campaign in the batch, the higher: the
    first campaigns go through as if alone and make room for the next. Once the last campaign has
    started, the call with the longest chain of calls after it in its campaign goes first
    (``runner.calls_to_end``; the earlier campaign among equals): the last campaigns' chains then
    run side by side, where oldest first ran them one after another at the end while slots stood
    idle."""
    from .runner import calls_to_end

    rank = {name: index for index, name in enumerate(queue.names)}
    chain = calls_to_end()

    def priority(request: Any) -> float:
        index = rank.get((request.context.get("campaign") or {}).get("name"), len(rank))
        if queue.all_taken():
            return chain.get(request.module, 0) * (len(rank) + 1) - index
        return -index

    return priority


def provider_batch_chain(
    ws: "Workspace",
    settings: Any = None,
    *,
    gather_s: float = 2.0,
    poll_s: float = 30.0,
) -> Any:
    """The configured chain with a provider batch in front: the first usable OpenAI or Anthropic
    provider of the chain, through its batch API, with its calls kept in the workspace
    (``store.provider_batches``) so a stopped run resumes. Then the chain as configured, so a
    request that fails, expires or is cancelled in its batch falls back to synchronous calls.

    Raises ``ConfigurationError`` when no provider of the chain has a batch API."""
    from .config import Settings
    from .errors import ConfigurationError
    from .providers import build_chain
    from .providers.batch import BatchingProvider, batch_api_for
    from .providers.chain import ProviderChain
    from .store.provider_batches import WorkspaceLedger

    chain = build_chain(settings or Settings.from_env())
    for member in chain.providers:
        api = batch_api_for(member)
        if api is not None and member.unavailable_reason() is None:
            batching = BatchingProvider(api, WorkspaceLedger(ws), gather_s=gather_s, poll_s=poll_s)
            return ProviderChain([batching, *chain.providers], max_retry_after=chain.max_retry_after)
    raise ConfigurationError(
        "--provider-batch needs openai or anthropic in the provider chain with a key: set OPENAI_API_KEY "
        "or ANTHROPIC_API_KEY (batch APIs are OpenAI Batch and Anthropic Message Batches)",
        field="AICMO_LLM_PRIMARY_PROVIDER",
    )


@contextlib.contextmanager
def stop_batches_on_interrupt(provider: Any, notice: Callable[[str], None] | None = None) -> Iterator[None]:
    """Within the block, Ctrl+C first stops the provider batches ``provider`` waits for
    (``BatchingProvider.stop``), so the waiting calls end at once instead of when the batches do,
    then interrupts as usual. The batches go on at the provider; the next run takes their results."""
    import signal

    batching = [p for p in getattr(provider, "providers", [provider]) if hasattr(p, "stop")]
    if not batching or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    def interrupted(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGINT, previous)
        for member in batching:
            member.stop()
        if notice:
            notice("stopped: the provider batches go on; run the same command again to take their results "
                   "(aicmo batch --status shows them)")
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is interrupted:
            signal.signal(signal.SIGINT, previous)


# -- worker processes -----------------------------------------------------------------------

# A worker process earns its start-up (a fresh interpreter, the kernel's and the SDK's imports, the
# workspace: about 1.5 s) only with several campaigns to run; and SQLite lets one writer in at a time, so
# beyond a few processes they mostly wait for each other's writes.
_CAMPAIGNS_PER_PROCESS = 8
_MOST_PROCESSES = 4


def default_processes(ws: "Workspace", campaigns: int) -> int:
    """How many worker processes ``aicmo batch`` uses unless told (``--processes auto``): one per
    core this process may run on, at most four, while each gets at least eight campaigns; one for
    an in-memory workspace, which other processes cannot open."""
    import os

    if ws.dialect == "sqlite" and ws.engine.url.database in (None, "", ":memory:"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, _MOST_PROCESSES, campaigns // _CAMPAIGNS_PER_PROCESS))


_WORKER: dict[str, Any] = {}  # in a worker process: its workspace, the shared limit, stop and queue, the parent's queue


def _worker_start(url: str, limiter: Any, stop: Any, names: list[str], counter: Any, finished: Any) -> None:
    import atexit
    import signal

    from .providers.base import CancelToken
    from .store import Workspace

    # Ctrl+C is the parent's to handle: it stops the workers through the shared event, so that
    # none dies of it between two tasks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["ws"] = Workspace.open(url)
    _WORKER["limiter"] = limiter
    _WORKER["stop"] = CancelToken(stop)
    _WORKER["queue"] = CampaignQueue(names, counter)
    _WORKER["finished"] = finished
    atexit.register(_leave_at_once)


def _leave_at_once() -> None:
    """Registered last, run first at a worker's exit: close the workspace, flush, and leave without
    the interpreter's teardown of every module and object, which the parent waited for (0.5 to
    0.9 s after each batch, measured by hand). The pool has its results by then, and the handlers
    this skips have nothing left to do in a worker: its threads have ended and its queues are
    written synchronously."""
    import logging
    import os
    import sys

    workspace = _WORKER.pop("ws", None)
    if workspace is not None:
        workspace.close()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _worker_run(options: dict[str, Any]) -> BatchReport:
    """Campaigns from the shared queue until none is left, under the shared limit (runs in a worker
    process); each campaign's report goes to the parent as soon as it has one, for its progress lines."""
    finished, queue = _WORKER["finished"], _WORKER["queue"]
    return run_many(_WORKER["ws"], queue.names, limiter=_WORKER["limiter"], stop=_WORKER["stop"], queue=queue,
                    on_campaign=lambda name, result: finished.put((name, result)), **options)


def _run_in_processes(
    ws: "Workspace",
    campaigns: list[str],
    *,
    processes: int,
    provider: Any,
    max_in_flight: int,
    max_campaigns: int | None,
    on_campaign: Callable[[str, "CampaignRunReport"], None] | None,
    **options: Any,
) -> BatchReport:
    """``run_many`` in ``processes`` processes: this one and ``processes - 1`` workers, all taking
    campaigns from one queue under one limit. This process starts at once, while the workers start
    their interpreters (about a second each); ``on_campaign`` is called in this process, as each
    campaign ends, wherever it ran."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .errors import ValidationError
    from .providers.base import CancelToken
    from .providers.limit import SharedCallLimiter

    if provider is not None:
        raise ValidationError("processes > 1 runs the configured provider chain; a provider object cannot be "
                              "handed to another process", field="processes")
    if ws.dialect == "sqlite" and ws.engine.url.database in (None, "", ":memory:"):
        raise ValidationError("an in-memory workspace cannot be shared with worker processes", field="processes")
    workers = min(processes, len(campaigns)) - 1
    # spawn, not fork: this process has threads and open database connections a fork would copy
    context = multiprocessing.get_context("spawn")
    limiter = SharedCallLimiter(max_in_flight, context)
    counter = context.Value("i", 0)
    queue = CampaignQueue(campaigns, counter)
    open_at_once = max_campaigns or _CAMPAIGNS_PER_CALL * max_in_flight
    options.update(max_in_flight=max_in_flight, max_campaigns=max(1, -(-open_at_once // (workers + 1))))
    report = BatchReport(processes=workers + 1)
    started = time.monotonic()
    url = ws.engine.url.render_as_string(hide_password=False)
    finished = context.SimpleQueue()
    stop = context.Event()
    failed_callbacks: dict[str, str] = {}
    relay = threading.Thread(target=_relay, args=(finished, on_campaign, failed_callbacks),
                             name="aicmo-batch-progress", daemon=True)
    relay.start()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                                 initargs=(url, limiter, stop, campaigns, counter, finished)) as pool:
            futures = [pool.submit(_worker_run, options) for _ in range(workers)]
            # This process's share, as a worker's: Ctrl+C here stops every process (the shared event).
            parts = [run_many(ws, campaigns, limiter=limiter, stop=CancelToken(stop), queue=queue,
                              on_campaign=on_campaign, **options)]
            try:
                wait(futures)
            except KeyboardInterrupt:
                stop.set()
                wait(futures)
            died = ""
            for future in futures:
                try:
                    parts.append(future.result())
                except Exception as exc:  # noqa: BLE001 - a dead worker loses its campaigns, not the batch
                    died = f"INTERNAL_ERROR: worker process failed: {type(exc).__name__}: {exc}"
            for part in parts:
                report.reports.update(part.reports)
                report.errors.update(part.errors)
                report.reruns += part.reruns
                report.not_started += part.not_started
    finally:
        finished.put(None)  # every worker has ended: each report it sent is ahead of this in the queue
        relay.join()
        finished.close()
    report.errors.update(failed_callbacks)
    report.interrupted = stop.is_set()
    report.not_started += queue.left()
    if died:  # what a dead worker had taken and not finished
        ended = {*report.reports, *report.errors, *report.not_started}
        report.errors.update((name, died) for name in campaigns if name not in ended)
    report.not_started.sort(key=campaigns.index)
    report.wall_s = time.monotonic() - started
    report.calls, report.peak_in_flight, report.rate_limited = limiter.calls, limiter.peak, limiter.rate_limited
    return report


def _relay(finished: Any, on_campaign: Callable[[str, "CampaignRunReport"], None] | None,
           failed: dict[str, str]) -> None:
    """Pass each campaign's report that a worker sends to ``on_campaign``, until None. A callback
    that raises is that campaign's error, as in one process, and the reports after it still pass."""
    while (item := finished.get()) is not None:
        if on_campaign is None:
            continue
        try:
            on_campaign(*item)
        except Exception as exc:  # noqa: BLE001 - the workers must not wait on a dead relay
            failed[item[0]] = f"INTERNAL_ERROR: {type(exc).__name__}: {exc}"
