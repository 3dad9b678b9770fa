"""What a campaign's run will cost, before it runs (``aicmo estimate``).

A prompt's size depends on the upstream deliverables it carries, which do not exist before the
run. So the estimate makes them: it copies the brand and the campaign into a scratch workspace
(a temporary SQLite file) and runs every module there with the offline composer, recording each
request exactly as it would be sent (system, prompt, schema: ``providers.context.request_tokens``).
Nothing is written to the real workspace and no model is called. ``estimate_briefs`` does the
same for a folder of brief files, before any campaign exists.

Output tokens come from this workspace's history when it has successful runs of the module with
the same model (their average), else from the offline draft's size, and each row says which.
Costs are priced for the target model (the first usable provider of the configured chain, or the
one given) from the price table, synchronous and through a provider batch (half price); a model
without a price gives unknown costs, never $0. Modules the campaign has already run show their
last run's actual tokens and cost beside the estimate.

With the provider's prompt cache (``_PromptCacheModel``), two more figures, both estimates:

- *cached*: the run as it goes, module after module in run order (and campaign after campaign for
  a folder of briefs): a module reads from the cache the longest stable prefix an earlier request
  of the run already sent with the same output format (both providers key their caches on it, so
  in practice that is the same module of an earlier campaign), and on Anthropic writes the rest of
  its marked prefix at 1.25x the input price. A first run of one campaign mostly pays the writes.
- *regenerated*: every module sent once more within the cache's five minutes (a regeneration, or
  the chain's repair of a broken answer): its whole stable prefix is read at a tenth of the price.

Prefixes are the request's own stable sections (``LLMRequest.cache_breaks``): on Anthropic the
ones its adapter marks (``providers.anthropic.cache_cuts``: long enough for the model's minimum);
on OpenAI every one of 1,024 tokens or more, counted in its 128-token steps.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .providers.pricing import add_costs, cost_of

if TYPE_CHECKING:
    from .providers.base import CancelToken, LLMRequest, LLMResult, ProgressCallback
    from .store import Workspace

__all__ = ["CampaignEstimate", "ModuleEstimate", "estimate_briefs", "estimate_campaign"]


@dataclass
class ModuleEstimate:
    module: str
    tokens_in: int
    tokens_out: int
    cost_sync: float | None
    cost_batch: float | None
    output_basis: str  # "offline draft" or "N earlier run(s)"
    actual: dict[str, Any] | None = None  # the campaign's last model run of this module
    # With the provider's prompt cache (see the module docstring): this run, and a regeneration.
    cache_read: int = 0
    cache_write: int = 0
    cost_cached: float | None = None
    regenerated_cache_read: int = 0
    cost_regenerated: float | None = None


@dataclass
class CampaignEstimate:
    campaign: str
    provider: str
    model: str
    modules: list[ModuleEstimate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # modules the dry run could not reach, and why
    # For a brief (``estimate_briefs``): its file, and how it was read (encoding, words not read,
    # dates against duration_weeks), as ``aicmo new --briefs`` and ``aicmo batch --briefs`` say it.
    file: str | None = None
    brief_notes: list[str] = field(default_factory=list)

    @property
    def tokens_in(self) -> int:
        return sum(m.tokens_in for m in self.modules)

    @property
    def tokens_out(self) -> int:
        return sum(m.tokens_out for m in self.modules)

    @property
    def cost_sync(self) -> float | None:
        return add_costs(m.cost_sync for m in self.modules)

    @property
    def cost_batch(self) -> float | None:
        return add_costs(m.cost_batch for m in self.modules)

    @property
    def cost_cached(self) -> float | None:
        return add_costs(m.cost_cached for m in self.modules)

    @property
    def cost_regenerated(self) -> float | None:
        return add_costs(m.cost_regenerated for m in self.modules)


class _Recorder:
    """The offline provider, noting each request's input tokens and each answer's size."""

    def __init__(self) -> None:
        from .providers.offline import OfflineProvider

        self.inner = OfflineProvider()
        self.name, self.model = self.inner.name, self.inner.model
        self.seen: dict[str, tuple[int, int]] = {}
        self.requests: dict[str, LLMRequest] = {}
        self._lock = threading.Lock()

    def unavailable_reason(self) -> str | None:
        return None

    def complete(self, request: LLMRequest, *, progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> LLMResult:
        from .providers.context import estimate_tokens, request_tokens

        result = self.inner.complete(request, progress=progress, cancel=cancel)
        with self._lock:
            self.seen[request.module] = (request_tokens(request), estimate_tokens(result.text))
            self.requests[request.module] = request
        return result


class _PromptCacheModel:
    """The prefixes a provider's prompt cache holds during one estimated run (module docstring)."""

    _OPENAI_MIN, _OPENAI_STEP = 1024, 128

    def __init__(self, provider: str, model: str) -> None:
        self.provider, self.model = provider, model
        self._seen: set[str] = set()

    def prefixes(self, request: LLMRequest) -> list[tuple[int, str]]:
        """(tokens, key) of each prefix of ``request`` the provider would cache, shortest first."""
        from .providers.context import estimate_tokens

        if self.provider == "anthropic":
            from .providers.anthropic import cache_cuts

            cuts = cache_cuts(request, self.model)
        elif self.provider == "openai":
            end = min(request.stable_prefix_chars, len(request.prompt))
            cuts = sorted({cut for cut in (*request.cache_breaks, end) if 0 < cut <= end})
        else:
            return []  # local servers: no prompt cache priced
        schema = json.dumps(request.output_schema, sort_keys=True) if request.output_schema else ""
        head = estimate_tokens(schema) + estimate_tokens(request.system)
        found = []
        for cut in cuts:
            tokens = head + estimate_tokens(request.prompt[:cut])
            if self.provider == "openai":
                if tokens < self._OPENAI_MIN:
                    continue
                tokens -= (tokens - self._OPENAI_MIN) % self._OPENAI_STEP
            key = hashlib.sha256("\0".join((self.model, schema, request.system, request.prompt[:cut])).encode())
            found.append((tokens, key.hexdigest()))
        return found

    def send(self, request: LLMRequest) -> tuple[int, int]:
        """(tokens read, tokens written) when ``request`` is sent now; the cache then holds it."""
        prefixes = self.prefixes(request)
        if not prefixes:
            return 0, 0
        read = max((tokens for tokens, key in prefixes if key in self._seen), default=0)
        self._seen.update(key for _, key in prefixes)
        written = prefixes[-1][0] - read if self.provider == "anthropic" else 0
        return read, written


@contextlib.contextmanager
def _scratch() -> Iterator[Workspace]:
    """A workspace in a temporary SQLite file, removed afterwards."""
    from .store import Workspace as WorkspaceType

    with tempfile.TemporaryDirectory(prefix="aicmo-estimate-") as folder:
        scratch = WorkspaceType.open(f"sqlite:///{Path(folder) / 'estimate.sqlite'}")
        try:
            yield scratch
        finally:
            scratch.close()


def _copy_campaign(ws: Workspace, scratch: Workspace, campaign: str) -> str:
    record = ws.get_campaign(campaign)
    brand = ws.get_brand(record.brand_id)
    scratch.create_brand(brand.name, website=brand.website, industry=brand.industry, geography=brand.geography,
                         voice=brand.voice, banned_words=brand.banned_words, disclaimers=brand.disclaimers,
                         branding=brand.branding)
    scratch.create_campaign(brand.name, record.name, objective=record.objective, budget=record.budget,
                            start_date=record.start_date, end_date=record.end_date, channels=record.channels,
                            brief=record.brief)
    return record.name


def _dry_run(scratch: Workspace, campaign: str) -> tuple[_Recorder, dict[str, str]]:
    """The recorder of a run of ``campaign`` in the scratch workspace (each module's input tokens,
    offline answer tokens and request), and why the run stopped short of any module."""
    from .runner import run_campaign

    recorder = _Recorder()
    # one module at a time: which approved deliverables a module sees (delivery's pack) never
    # depends on which thread finished first
    report = run_campaign(scratch, campaign, autonomy="full", provider=recorder, use_cache=False, max_workers=1)
    stops = {module: reason for module, reason in report.stops.items() if module not in recorder.seen}
    stops.update({module: f"waits for {', '.join(upstream)}" for module, upstream in report.blocked.items()})
    return recorder, stops


def _history(ws: Workspace, campaign: str, model: str) -> tuple[dict[str, list[int]], dict[str, Any]]:
    """Output tokens of this model's successful runs per module (every campaign), and the
    campaign's last run per module made by a language model."""
    from sqlalchemy import select

    from .store.models import CampaignRow, RunRow

    outputs: dict[str, list[int]] = {}
    last: dict[str, Any] = {}
    with ws.reading() as session:
        campaign_id = session.scalars(select(CampaignRow.id).where(CampaignRow.name == campaign)).first()
        rows = session.execute(
            select(RunRow.campaign_id, RunRow.module, RunRow.provider, RunRow.model, RunRow.tokens_in,
                   RunRow.tokens_out, RunRow.cost_usd, RunRow.status)
            .where(RunRow.provider != "offline").order_by(RunRow.created_at)
        ).all()
    for campaign_id_, module, provider, run_model, tokens_in, tokens_out, cost, status in rows:
        if status == "SUCCESS" and run_model == model and tokens_out:
            outputs.setdefault(module, []).append(int(tokens_out))
        if campaign_id_ == campaign_id and status == "SUCCESS":
            last[module] = {"provider": provider, "model": run_model, "tokens_in": tokens_in,
                            "tokens_out": tokens_out, "cost_usd": cost}
    return outputs, last


def _target(settings: Any) -> tuple[str, str]:
    """The provider and model a run would use now: the chain's first usable member, offline last."""
    from .config import Settings
    from .providers import build_chain

    chain = build_chain(settings or Settings.from_env())
    usable = [p for p in chain.providers if p.unavailable_reason() is None]
    paid = [p for p in usable if p.name != "offline"]
    first = (paid or usable or chain.providers or [None])[0]
    return (first.name, first.model) if first is not None else ("offline", "offline")


def estimate_campaign(
    ws: Workspace,
    campaign: str,
    *,
    provider: str | None = None,
    model: str | None = None,
    settings: Any = None,
) -> CampaignEstimate:
    """Expected tokens and cost of each module of ``campaign``; see the module docstring.
    ``provider``/``model`` price another target than the configured chain's."""
    provider, model = _priced_as(provider, model, settings)
    with _scratch() as scratch:
        name = _copy_campaign(ws, scratch, campaign)
        recorder, stops = _dry_run(scratch, name)
    return _estimate(ws, name, recorder, stops, provider, model, _PromptCacheModel(provider, model))


def estimate_briefs(
    ws: Workspace,
    folder: Path,
    *,
    provider: str | None = None,
    model: str | None = None,
    settings: Any = None,
) -> list[CampaignEstimate]:
    """One estimate per brief file in ``folder`` (``aicmo estimate --briefs``), before any campaign
    exists: the briefs are read and checked as ``aicmo new --briefs`` would (every file first),
    then each campaign is created and dry-run in the scratch workspace only. Each estimate carries
    its brief's file and notes (``file``, ``brief_notes``)."""
    from .briefs import create_from_folder

    provider, model = _priced_as(provider, model, settings)
    found = []
    cache = _PromptCacheModel(provider, model)  # the folder run as one batch, campaign after campaign
    with _scratch() as scratch:
        for created in create_from_folder(scratch, folder):
            name = created["campaign"]["name"]
            recorder, stops = _dry_run(scratch, name)
            estimate = _estimate(ws, name, recorder, stops, provider, model, cache)
            estimate.file, estimate.brief_notes = created["file"], list(created["warnings"])
            found.append(estimate)
    return found


def _priced_as(provider: str | None, model: str | None, settings: Any) -> tuple[str, str]:
    target_provider, target_model = _target(settings)
    return provider or target_provider, model or target_model


def _estimate(ws: Workspace, name: str, recorder: _Recorder, stops: dict[str, str],
              provider: str, model: str, cache: _PromptCacheModel) -> CampaignEstimate:
    from .modules import module_names

    outputs, last = _history(ws, name, model)
    estimate = CampaignEstimate(name, provider, model)
    for module in module_names():
        if module not in recorder.seen:
            if module in stops:
                estimate.notes.append(f"{module}: not estimated ({stops[module]})")
            continue
        tokens_in, offline_out = recorder.seen[module]
        history = outputs.get(module) or []
        tokens_out = round(sum(history) / len(history)) if history else offline_out
        basis = f"{len(history)} earlier run(s)" if history else "offline draft"
        read, written = cache.send(recorder.requests[module])
        read, written = min(read, tokens_in), min(written, tokens_in - min(read, tokens_in))
        estimate.modules.append(ModuleEstimate(
            module, tokens_in, tokens_out,
            cost_of(provider, model, tokens_in, tokens_out)[0],
            cost_of(provider, model, tokens_in, tokens_out, batch=True)[0],
            basis, last.get(module),
            cache_read=read, cache_write=written,
            cost_cached=cost_of(provider, model, tokens_in, tokens_out, cache_read=read, cache_write=written)[0],
        ))
    for row in estimate.modules:  # then each module once more: its whole stable prefix is cached
        again, _ = cache.send(recorder.requests[row.module])
        row.regenerated_cache_read = min(again, row.tokens_in)
        row.cost_regenerated = cost_of(provider, model, row.tokens_in, row.tokens_out,
                                       cache_read=row.regenerated_cache_read)[0]
    return estimate
