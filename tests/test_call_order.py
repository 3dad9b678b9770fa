"""A batch's free call slots go to its oldest campaign that wants one (``providers.limit.CallOrder``,
``batch.run_many``): the first campaigns go through as if alone and the last ones are well on when
the queue runs out; from then on, to the call with the longest chain after it."""

from __future__ import annotations

import threading
import time

import pytest
from fixtures_llm import post_request
from test_batch import _copies

from aicmo_kernel.batch import run_many
from aicmo_kernel.config import Settings
from aicmo_kernel.errors import GenerationCancelled
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.base import CancelToken, LLMRequest
from aicmo_kernel.providers.limit import CallLimiter, CallOrder, LimitedProvider
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.store import Workspace


class _Recorder:
    name, model = "recorder", "recorder-1"

    def __init__(self) -> None:
        self.order: list[str] = []

    def unavailable_reason(self) -> None:
        return None

    def complete(self, request, *, progress=None, cancel=None):
        self.order.append(request.module)
        return None


def _request(module: str, campaign: str = "") -> LLMRequest:
    return LLMRequest(module=module, system="", prompt="", output_schema={}, schema_name="x",
                      context={"campaign": {"name": campaign}})


def _until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_a_free_slot_goes_to_the_waiting_call_of_highest_priority():
    limiter, order, inner = CallLimiter(1), CallOrder(), _Recorder()
    ranks = {"first": 0, "low": 1, "middle": 2, "high": 3}
    provider = LimitedProvider(inner, limiter, priority=lambda request: ranks[request.module], order=order)
    limiter.acquire()  # the one slot is taken: every call below waits
    threads = []
    for module in ("first", "low", "middle", "high"):  # arriving in this order
        threads.append(threading.Thread(target=provider.complete, args=(_request(module),)))
        threads[-1].start()
        # "first" waits on the limiter itself; the others wait in the order
        _until(lambda: len(order._waiting) == len(threads) - 1 and order._first_waiting)
    limiter.release()
    for thread in threads:
        thread.join(5)
    # "first" was already waiting on the limiter; then highest priority first, not arrival order
    assert inner.order == ["first", "high", "middle", "low"]
    assert limiter.in_flight == 0 and order._waiting == [] and not order._first_waiting


def test_a_cancelled_caller_leaves_the_order_and_the_others_go_on():
    limiter, order, inner = CallLimiter(1), CallOrder(), _Recorder()
    provider = LimitedProvider(inner, limiter, priority=lambda request: 0, order=order)
    limiter.acquire()
    cancel, errors = CancelToken(), []

    def cancelled_call() -> None:
        try:
            provider.complete(_request("cancelled"), cancel=cancel)
        except GenerationCancelled as exc:
            errors.append(exc)

    first = threading.Thread(target=provider.complete, args=(_request("first"),))
    first.start()
    _until(lambda: order._first_waiting)
    waiting = threading.Thread(target=cancelled_call)
    waiting.start()
    _until(lambda: len(order._waiting) == 1)
    cancel.cancel()
    waiting.join(5)
    assert len(errors) == 1 and order._waiting == []
    limiter.release()
    first.join(5)
    assert inner.order == ["first"] and limiter.in_flight == 0


@pytest.mark.parametrize("processes", [1, 2])
def test_a_batch_ranks_calls_by_their_campaigns_place_in_it(llm_env, monkeypatch, processes):
    import aicmo_kernel.batch as batch

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "20")
    seen: list = []
    real = batch._slot_priority
    monkeypatch.setattr(batch, "_slot_priority", lambda queue: seen.append(queue.names) or real(queue))
    with Workspace.open() as ws:
        names = _copies(ws, 3)
        report = run_many(ws, names, autonomy="full", use_cache=False, processes=processes)
    assert report.errors == {} and sorted(report.reports) == sorted(names)
    assert seen and seen[0] == names  # this process ranked by the batch's order (workers do the same)


def test_oldest_campaign_first_until_the_last_has_started_then_the_longest_chain_first():
    """While campaigns are still to start, a campaign's place in the batch decides. Once the last
    has started, what is left of each campaign does: an intake (seven calls to its campaign's end)
    before a learn (one), so the last campaigns' chains run side by side instead of one after
    another at the end (a simulation of 100 campaigns at 32 slots: 9.92 s -> 9.28 s, the bound 9.0)."""
    from aicmo_kernel.batch import CampaignQueue, _slot_priority

    names = ["first", "second", "third"]
    queue = CampaignQueue(names)
    rank = _slot_priority(queue)
    assert queue.take() == "first"
    assert rank(_request("learn", "first")) > rank(_request("intake", "second")) > rank(_request("intake", "third"))
    assert rank(_request("intake", "not in this batch")) < rank(_request("intake", "third"))
    assert queue.take() == "second" and queue.take() == "third" and queue.all_taken()
    assert rank(_request("intake", "third")) > rank(_request("strategy", "first")) > rank(_request("learn", "first"))
    assert rank(_request("delivery", "first")) > rank(_request("delivery", "second"))  # equals: the earlier first


def test_a_waiting_call_is_ranked_again_when_a_slot_frees():
    limiter, order, inner = CallLimiter(1), CallOrder(), _Recorder()
    ranks = {"first": 0.0, "early": 2.0, "late": 1.0}
    provider = LimitedProvider(inner, limiter, priority=lambda request: ranks[request.module], order=order)
    limiter.acquire()  # the one slot is taken: every call waits
    threads = [threading.Thread(target=provider.complete, args=(_request(module),)) for module in ("first", "early", "late")]
    for started, thread in enumerate(threads, 1):
        thread.start()
        _until(lambda started=started: len(order._waiting) + int(order._first_waiting) == started)
    ranks["late"] = 3.0  # while it waits, "late" comes to matter more than "early"
    limiter.release()
    for thread in threads:
        thread.join(5)
    assert inner.order == ["first", "late", "early"]


def test_without_a_priority_calls_take_slots_as_the_limiter_gives_them():
    inner = _Recorder()
    provider = LimitedProvider(inner, CallLimiter(2))
    provider.complete(_request("intake"))
    assert inner.order == ["intake"] and provider.order._waiting == []



@pytest.mark.parametrize("sdk", ["openai", "anthropic"])
def test_an_sdk_provider_builds_its_client_before_it_takes_a_slot(llm_env, monkeypatch, sdk):
    """The SDK's import and client (0.3 s and more in a fresh process) must not hold a slot every
    process of a batch shares: measured by hand, a batch's first calls held 14 to 32 slots 0.4 s each."""
    provider = (OpenAIProvider if sdk == "openai" else AnthropicProvider)(settings=Settings.from_env())
    limiter = CallLimiter(2)
    slots_held_when_built: list[int] = []
    build = provider._get_client

    def get_client():
        if provider._client is None:
            slots_held_when_built.append(limiter.in_flight)
        return build()

    monkeypatch.setattr(provider, "_get_client", get_client)
    result = LimitedProvider(provider, limiter).complete(post_request(stream=False))
    assert result.text and slots_held_when_built == [0] and limiter.calls == 1
