"""Commands across many campaigns: batch (run them under one call limit, in worker processes or
through the providers' batch APIs) and estimate (tokens and cost before anything runs)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..config import AUTONOMY_LEVELS, redact
from ..errors import ValidationError
from ._app import (
    _EXIT_SEVERITY,
    _RUN_EXIT,
    EXIT_FAILED,
    EXIT_OK,
    _counted,
    _echo_json,
    _workspace,
    main,
)


@main.command("batch")
@click.option("--campaign", "-c", "campaigns", multiple=True, help="a campaign to run (repeat); default: every campaign")
@click.option("--autonomy", type=click.Choice(AUTONOMY_LEVELS), default=None,
              help="store this level as each campaign's autonomy policy first")
@click.option("--max-in-flight", type=click.IntRange(1, 1024), default=32, show_default=True,
              help="language-model calls in flight at once, across all campaigns")
@click.option("--no-cache", is_flag=True, help="always call the model, never answer from the workspace cache")
@click.option("--json", "as_json", is_flag=True)
@click.option("--provider-batch", is_flag=True,
              help="each wave of ready modules, across every campaign, goes out as one batch per provider "
                   "(OpenAI Batch, Anthropic Message Batches): half price, results within 24 h; "
                   "run it again to resume")
@click.option("--poll-seconds", type=click.FloatRange(0.01, 3600), default=30.0, show_default=True,
              help="with --provider-batch: how often a batch is checked")
@click.option("--gather-seconds", type=click.FloatRange(0, 600), default=2.0, show_default=True,
              help="with --provider-batch: a batch goes out once no call has come for this long")
@click.option("--processes", default="auto", show_default=True, callback=lambda _ctx, _param, value: _processes(value),
              help="processes sharing the call limit and the campaigns (this one and N-1 workers), so QC and "
                   "storing use every core: a number from 1 to 64, or auto (one per core, at most 4, each with "
                   "at least 8 campaigns)")
@click.option("--status", "show_status", is_flag=True,
              help="show the provider batches in this workspace (requests done, failed, expired; cost) and exit")
@click.option("--briefs", "briefs_folder", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="a folder of brief files (YAML or JSON): create one campaign per file, then run those")
def batch_cmd(campaigns: tuple[str, ...], autonomy: str | None, max_in_flight: int, no_cache: bool,
              as_json: bool, provider_batch: bool, poll_seconds: float, gather_seconds: float,
              processes: int | None, show_status: bool, briefs_folder: Path | None) -> None:
    """Run many campaigns at once under one limit on calls in flight (429s pause the whole batch).

    Prints one line per campaign. Exits 1 when any campaign failed (a module failed or the run
    ended in an error), else 3 when any campaign waits for a reviewer, else 0."""
    from ..batch import default_processes, provider_batch_chain, run_many, stop_batches_on_interrupt

    if show_status:
        return _batch_status(as_json)
    briefs: list[dict[str, Any]] | None = None
    with _workspace() as ws:
        if briefs_folder is not None:  # every brief is checked before any campaign is created
            from ..briefs import create_from_folder

            briefs = [{"file": entry["file"], "campaign": entry["campaign"]["name"], "notes": list(entry["warnings"])}
                      for entry in create_from_folder(ws, briefs_folder)]  # fmt: skip
            created = [entry["campaign"] for entry in briefs]
            if not as_json:
                click.echo(_counted(len(created), "created {count} campaign", "created {count} campaigns")
                           + f" from {briefs_folder}: {', '.join(created)}")
                for entry in briefs:  # before the run: a brief misread is worth a Ctrl+C
                    if entry["notes"]:
                        click.echo(_brief_notes_line(entry))
            campaigns = (*campaigns, *created)
        names = list(campaigns) or [c.name for c in ws.list_campaigns()]
        provider = provider_batch_chain(ws, gather_s=gather_seconds, poll_s=poll_seconds) if provider_batch else None
        if provider_batch:
            processes = 1  # the calls wait on the provider's batches, not on this machine's cores
        elif processes is None:
            processes = default_processes(ws, len(names))
        with stop_batches_on_interrupt(provider, notice=lambda text: click.echo(text, err=True)):
            report = run_many(ws, names, autonomy=autonomy, max_in_flight=max_in_flight, provider=provider,
                              provider_batch=provider_batch, use_cache=False if no_cache else None,
                              processes=processes,
                              on_campaign=None if as_json else lambda name, r: click.echo(_describe_campaign(name, r)))
    outcomes = {name: r.outcome for name, r in report.reports.items()} | {name: "failed" for name in report.errors}
    code = max((_RUN_EXIT[outcome] for outcome in outcomes.values()), key=_EXIT_SEVERITY.index, default=EXIT_OK)
    if report.interrupted:
        code = EXIT_FAILED  # not done: a script must not read an interrupted batch as finished
    if as_json:
        _echo_json({"campaigns": {name: {"outcome": r.outcome, "stopped_at": r.stopped_at, "reason": r.reason,
                                         "stops": r.stops, "failed": r.failed}
                                  for name, r in report.reports.items()},
                    "errors": report.errors, "exit_code": code, "calls": report.calls,
                    "peak_in_flight": report.peak_in_flight, "rate_limited": report.rate_limited,
                    "reruns": report.reruns, "processes": report.processes, "interrupted": report.interrupted,
                    "not_started": report.not_started, "wall_s": round(report.wall_s, 3)}
                   | ({"briefs": briefs} if briefs is not None else {}))
        sys.exit(code)
    for name, error in report.errors.items():
        click.echo(f"{name}: failed: {redact(error)}", err=True)
    if report.interrupted:
        click.echo(f"interrupted: {_counted(len(report.not_started), '{count} campaign', '{count} campaigns')} not started, the calls in flight cancelled; "
                   "what was approved stays approved: run the same command again to go on", err=True)
    tally = ", ".join(f"{sum(o == outcome for o in outcomes.values())} {outcome}"
                      for outcome in ("complete", "waiting", "failed"))
    click.echo(f"{_counted(len(outcomes), '{count} campaign', '{count} campaigns')}: {tally}; "
               f"{_counted(report.calls, '{count} call', '{count} calls')} in {report.wall_s:.1f} s, "
               f"at most {report.peak_in_flight} in flight; "
               f"{_counted(report.rate_limited, '{count} rate limit', '{count} rate limits')}"
               + (f"; {report.processes} processes" if report.processes > 1 else "")
               + (f"; {_counted(noted, '{count} brief', '{count} briefs')} with notes (above; --json has them in full)"
                  if (noted := sum(bool(entry["notes"]) for entry in briefs or ())) else ""))
    sys.exit(code)


_NOTE_WIDTH = 200


def _brief_notes_line(entry: dict[str, Any]) -> str:
    """One line for a brief's notes, however many and long: its first note, cut to fit, and how
    many more (``--json`` gives them all in full, as ``aicmo new`` prints them)."""
    notes = entry["notes"]
    head = f"  note: {entry['file']} (campaign {entry['campaign']}): "
    more = f" (and {len(notes) - 1} more note{'s' if len(notes) > 2 else ''})" if len(notes) > 1 else ""
    room = _NOTE_WIDTH - len(head) - len(more)
    first = notes[0] if len(notes[0]) <= room else notes[0][: room - 1].rstrip() + "…"
    return head + first + more


def _processes(value: str | int) -> int | None:
    """``--processes``: None for auto (``batch.default_processes``), else the number, 1 to 64."""
    if str(value).strip().lower() == "auto":
        return None
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 64:
        raise click.BadParameter(f"{value!r}: give a number from 1 to 64, or auto", param_hint="--processes")
    return number


def _batch_status(as_json: bool) -> None:
    """``aicmo batch --status``: the newest provider batches, their requests by state, and cost."""
    from ..providers.pricing import add_costs, format_cost
    from ..store.provider_batches import batch_summaries

    with _workspace() as ws:
        summaries = batch_summaries(ws)
    if as_json:
        _echo_json({"batches": [{"id": s.id, "provider": s.provider, "model": s.model, "status": s.status,
                                 "created_at": s.created_at.isoformat(), "requests": s.requests,
                                 "states": s.states, "taken": s.taken, "cost_usd": s.cost_usd}
                                for s in summaries]})
        return
    if not summaries:
        click.echo("no provider batches in this workspace (aicmo batch --provider-batch sends some)")
        return
    for s in reversed(summaries):  # oldest first: the waves in order
        states = ", ".join(f"{n} {state}" for state, n in sorted(s.states.items()))
        click.echo(f"{s.created_at:%Y-%m-%d %H:%M} {s.id} {s.provider}/{s.model}: {s.status}; "
                   f"{_counted(s.requests, '{count} request', '{count} requests')}: {states}; "
                   f"cost {format_cost(s.cost_usd)}")
    total = add_costs(s.cost_usd for s in summaries)
    click.echo(f"{_counted(len(summaries), '{count} batch', '{count} batches')}, "
               f"{_counted(sum(s.requests for s in summaries), '{count} request', '{count} requests')}, "
               f"{sum(s.states.get('pending', 0) for s in summaries)} pending; cost {format_cost(total)} "
               "at the batch price")


@main.command("estimate")
@click.option("--campaign", "-c", default=None, help="a campaign of this workspace")
@click.option("--briefs", "briefs_folder", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="a folder of brief files: one estimate per brief, before any campaign exists")
@click.option("--provider", type=click.Choice(["openai", "anthropic", "openai-compatible"]), default=None,
              help="price for this provider (default: the first usable one of the configured chain)")
@click.option("--model", default=None, help="price for this model (default: the provider's configured model)")
@click.option("--json", "as_json", is_flag=True)
def estimate_cmd(campaign: str | None, briefs_folder: Path | None, provider: str | None, model: str | None,
                 as_json: bool) -> None:
    """Expected tokens and cost of each module, synchronous and through a provider batch, before
    anything runs (a dry run with the offline composer in a scratch workspace; no model is called).
    Modules the campaign already ran show their actual tokens and cost beside the estimate."""
    from ..estimate import estimate_briefs, estimate_campaign
    from ..providers.pricing import add_costs, format_cost

    if (campaign is None) == (briefs_folder is None):
        raise ValidationError("give --campaign C or --briefs FOLDER", field="campaign")
    with _workspace() as ws:
        found = ([estimate_campaign(ws, campaign, provider=provider, model=model)] if campaign is not None
                 else estimate_briefs(ws, briefs_folder, provider=provider, model=model))  # type: ignore[arg-type]
    # each brief's file and notes (encoding, words not read, dates against duration_weeks), as batch has them
    briefs = ([{"file": f.file, "campaign": f.campaign, "notes": list(f.brief_notes)} for f in found]
              if briefs_folder is not None else [])  # fmt: skip
    if as_json:
        views = [{"campaign": f.campaign, "provider": f.provider, "model": f.model,
                  "modules": [m.__dict__ for m in f.modules], "notes": f.notes,
                  "total": {"tokens_in": f.tokens_in, "tokens_out": f.tokens_out,
                            "cost_sync": f.cost_sync, "cost_batch": f.cost_batch,
                            "cost_cached": f.cost_cached, "cost_regenerated": f.cost_regenerated}} for f in found]
        _echo_json(views[0] if campaign is not None else {
            "campaigns": views, "total": {"cost_sync": add_costs(f.cost_sync for f in found),
                                          "cost_batch": add_costs(f.cost_batch for f in found),
                                          "cost_cached": add_costs(f.cost_cached for f in found)},
            "briefs": briefs})  # fmt: skip
        return
    if briefs_folder is not None:  # how each brief was read, as batch --briefs says it
        click.echo(_counted(len(found), "read {count} brief", "read {count} briefs")
                   + f" from {briefs_folder}: {', '.join(f.campaign for f in found)}")
        for entry in briefs:
            if entry["notes"]:
                click.echo(_brief_notes_line(entry))
    for estimate in found:
        _echo_estimate(estimate, format_cost)
    noted = sum(bool(entry["notes"]) for entry in briefs)
    if len(found) > 1:
        click.echo(f"{len(found)} campaigns: {format_cost(add_costs(f.cost_sync for f in found))} synchronous, "
                   f"{format_cost(add_costs(f.cost_cached for f in found))} with the prompt cache, "
                   f"{format_cost(add_costs(f.cost_batch for f in found))} through provider batches"
                   + (f"; {_counted(noted, '{count} brief', '{count} briefs')} with notes (above; --json has them "
                      "in full)" if noted else ""))
    elif noted:
        click.echo("the brief's notes are above; --json has them in full")


def _echo_estimate(found: Any, format_cost: Any) -> None:
    click.echo(f"estimate for {found.campaign} with {found.provider}/{found.model} "
               "(prompts from a dry run with the offline composer)")
    click.echo(f"{'module':<11} {'tokens in':>10} {'tokens out':>10} {'sync':>10} {'batch':>10} {'cached':>10} "
               f"{'regenerate':>10}  output from      actual (last run)")
    for m in found.modules:
        actual = ""
        if m.actual:
            actual = (f"{m.actual['tokens_in']:,} in / {m.actual['tokens_out']:,} out, "
                      f"{format_cost(m.actual['cost_usd'])} ({m.actual['provider']}/{m.actual['model']})")
        click.echo(f"{m.module:<11} {m.tokens_in:>10,} {m.tokens_out:>10,} {format_cost(m.cost_sync):>10} "
                   f"{format_cost(m.cost_batch):>10} {format_cost(m.cost_cached):>10} "
                   f"{format_cost(m.cost_regenerated):>10}  {m.output_basis:<16} {actual}".rstrip())
    click.echo(f"{'total':<11} {found.tokens_in:>10,} {found.tokens_out:>10,} {format_cost(found.cost_sync):>10} "
               f"{format_cost(found.cost_batch):>10} {format_cost(found.cost_cached):>10} "
               f"{format_cost(found.cost_regenerated):>10}")
    read = sum(m.cache_read for m in found.modules)
    written = sum(m.cache_write for m in found.modules)
    again = sum(m.regenerated_cache_read for m in found.modules)
    click.echo(f"cached and regenerate are estimates with the provider's prompt cache: this run reads {read:,} "
               f"input tokens from it and writes {written:,}; sent again within five minutes, "
               f"{again:,} are read (see docs/costs.md)")
    for note in found.notes:
        click.echo(note)
    if found.cost_sync is None:
        click.echo(f"the cost of {found.model} is unknown: add its price to prices.json (see docs/costs.md)")


def _describe_campaign(name: str, report: Any) -> str:
    if report.outcome == "complete":
        return f"{name}: every module is approved"
    failed = f" (failed: {', '.join(report.failed)})" if report.failed else ""
    return f"{name}: {report.outcome}{failed}; stopped at {report.stopped_at}: {report.reason}"
