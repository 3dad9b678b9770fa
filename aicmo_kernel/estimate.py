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
"""

from __future__ import annotations

import contextlib
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


@dataclass
class CampaignEstimate:
    campaign: str
    provider: str
    model: str
    modules: list[ModuleEstimate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # modules the dry run could not reach, and why

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


class _Recorder:
    """The offline provider, noting each request's input tokens and each answer's size."""

    def __init__(self) -> None:
        from .providers.offline import OfflineProvider

        self.inner = OfflineProvider()
        self.name, self.model = self.inner.name, self.inner.model
        self.seen: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def unavailable_reason(self) -> str | None:
        return None

    def complete(self, request: LLMRequest, *, progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> LLMResult:
        from .providers.context import estimate_tokens, request_tokens

        result = self.inner.complete(request, progress=progress, cancel=cancel)
        with self._lock:
            self.seen[request.module] = (request_tokens(request), estimate_tokens(result.text))
        return result


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


def _dry_run(scratch: Workspace, campaign: str) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    """Each module's (input tokens, offline answer tokens) from a run of ``campaign`` in the
    scratch workspace, and why the run stopped short of any module."""
    from .runner import run_campaign

    recorder = _Recorder()
    report = run_campaign(scratch, campaign, autonomy="full", provider=recorder, use_cache=False)
    stops = {module: reason for module, reason in report.stops.items() if module not in recorder.seen}
    stops.update({module: f"waits for {', '.join(upstream)}" for module, upstream in report.blocked.items()})
    return recorder.seen, stops


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
        seen, stops = _dry_run(scratch, name)
    return _estimate(ws, name, seen, stops, provider, model)


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
    then each campaign is created and dry-run in the scratch workspace only."""
    from .briefs import create_from_folder

    provider, model = _priced_as(provider, model, settings)
    found = []
    with _scratch() as scratch:
        for created in create_from_folder(scratch, folder):
            name = created["campaign"]["name"]
            seen, stops = _dry_run(scratch, name)
            found.append(_estimate(ws, name, seen, stops, provider, model))
    return found


def _priced_as(provider: str | None, model: str | None, settings: Any) -> tuple[str, str]:
    target_provider, target_model = _target(settings)
    return provider or target_provider, model or target_model


def _estimate(ws: Workspace, name: str, seen: dict[str, tuple[int, int]], stops: dict[str, str],
              provider: str, model: str) -> CampaignEstimate:
    from .modules import module_names

    outputs, last = _history(ws, name, model)
    estimate = CampaignEstimate(name, provider, model)
    for module in module_names():
        if module not in seen:
            if module in stops:
                estimate.notes.append(f"{module}: not estimated ({stops[module]})")
            continue
        tokens_in, offline_out = seen[module]
        history = outputs.get(module) or []
        tokens_out = round(sum(history) / len(history)) if history else offline_out
        basis = f"{len(history)} earlier run(s)" if history else "offline draft"
        estimate.modules.append(ModuleEstimate(
            module, tokens_in, tokens_out,
            cost_of(provider, model, tokens_in, tokens_out)[0],
            cost_of(provider, model, tokens_in, tokens_out, batch=True)[0],
            basis, last.get(module),
        ))
    return estimate
