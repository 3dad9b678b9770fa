"""Commands that make and move a campaign: init, new, generate, approve, run, status, review,
export, schedule (``many`` has batch and estimate, across campaigns)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from ..config import AUTONOMY_LEVELS, Settings, redact
from ..errors import ValidationError
from ._app import (
    _RUN_EXIT,
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    _counted,
    _echo_json,
    _reviewer,
    _workspace,
    main,
)


@main.command()
def init() -> None:
    """Create the workspace with a demo brand and a campaign named `demo`."""
    from ..demo import seed_demo

    with _workspace() as ws:
        created = seed_demo(ws)
        settings = Settings.from_env()
        click.echo(f"workspace: {ws.url_for_display}")
        click.echo(f"home: {settings.home}")
        click.echo("demo campaign created" if created else "demo campaign already there; nothing changed")
        click.echo("next: aicmo generate intake --campaign demo")


@main.command()
@click.argument("module")
@click.option("--campaign", "-c", required=True, help="campaign name")
@click.option("--inputs", "inputs_file", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON file of inputs to use over the pre-filled ones")
@click.option("--json", "as_json", is_flag=True, help="print the envelope as JSON")
def generate(module: str, campaign: str, inputs_file: Path | None, as_json: bool) -> None:
    """Generate MODULE's deliverables for a campaign (drafts, version 1)."""
    from ..generation import generate as run_generation
    from ..providers.pricing import format_cost

    overrides = _read_inputs(inputs_file)
    with _workspace() as ws:
        result = run_generation(ws, campaign, module, overrides, progress=_progress_printer(as_json))
        envelope = result.envelope
        if as_json:
            _echo_json(envelope.model_dump(mode="json", exclude={"raw"}))
        else:
            meta = envelope.meta
            click.echo(f"run {result.run_id}: {envelope.status} via {meta.provider}/{meta.model} "
                       f"({meta.tokens_used['in']}+{meta.tokens_used['out']} tokens, {format_cost(meta.cost_usd)}, "
                       f"trace {meta.trace_id})")
            if meta.provider == "offline":
                click.echo("offline draft, not written by a language model")
            for attempt in result.attempts:
                if attempt.get("status") != "ok":
                    click.echo(f"  attempt {attempt['provider']}: {attempt['status']}"
                               f"{' ' + attempt['error_type'] if attempt.get('error_type') else ''}"
                               f"{': ' + redact(attempt['error_message']) if attempt.get('error_message') else ''}")
            for item in envelope.deliverables:
                click.echo(f"  {item.id}  {item.kind:<22} {item.title}")
            if envelope.error:
                click.echo(f"error [{envelope.error.type}]: {redact(envelope.error.message)}", err=True)
        if not result.ok:
            configuration = envelope.error is not None and envelope.error.type == "CONFIGURATION_ERROR"
            sys.exit(EXIT_BAD_INPUT if configuration else EXIT_FAILED)


def _read_inputs(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"--inputs: cannot read JSON from {path}: {exc}", field="inputs") from None
    if not isinstance(data, dict):
        raise ValidationError("--inputs: the file must hold a JSON object of field: value", field="inputs")
    return data


def _progress_printer(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None

    def show(progress: Any) -> None:
        click.echo(f"\r  {progress.provider}: {progress.tokens_so_far} tokens, {progress.elapsed_s:.1f}s",
                   err=True, nl=progress.done)

    return show


@main.command()
@click.option("--campaign", "-c", required=True)
@click.option("--module", "-m", help="approve this module's drafts (with --all)")
@click.option("--all", "approve_all", is_flag=True, help="approve every draft of the module")
@click.option("--id", "ids", multiple=True, help="a deliverable id (repeatable)")
@click.option("--reviewer", help="recorded on the approval (default: AICMO_REVIEWER); under JupyterHub always "
                                 "the signed-in person, and another name is refused")
@click.option("--comment", default=None)
def approve(campaign: str, module: str | None, approve_all: bool, ids: tuple[str, ...],
            reviewer: str | None, comment: str | None) -> None:
    """Approve drafts: a whole module with --all, or single deliverables by --id."""
    from .. import workflow

    if not ids and not (module and approve_all):
        raise ValidationError("say what to approve: --module M --all, or --id ID", field="id")
    who = _reviewer(reviewer)
    with _workspace() as ws:
        record = ws.get_campaign(campaign)
        if ids:
            targets = [ws.get_deliverable(i) for i in ids]
            for item in targets:
                if item.campaign != record.name:
                    raise ValidationError(f"deliverable {item.id} belongs to campaign {item.campaign!r}", field="id")
        else:
            from ..registry import module_info

            module_info(module)
            targets = [d for d in ws.list_deliverables(campaign=record.name, module=module) if d.state != "approved"]
            if not targets:
                click.echo(f"nothing to approve in {module} for {record.name}")
                return
        for item in targets:
            done = workflow.approve(ws, item.id, version=item.current_version, reviewer=who, comment=comment)
            click.echo(f"approved {done.id} v{done.approved_version}  {done.title}")


@main.command("run")
@click.option("--campaign", "-c", required=True)
@click.option("--autonomy", type=click.Choice(AUTONOMY_LEVELS), default=None,
              help="store this level as the campaign's autonomy policy first (default: use the stored policy)")
@click.option("--json", "as_json", is_flag=True)
@click.option("--workers", type=click.IntRange(1, 16), default=4, show_default=True,
              help="modules generated at once when their gates are open (1: one after another)")
@click.option("--no-cache", is_flag=True, help="always call the model, never answer from the workspace cache")
@click.option("--provider-batch", is_flag=True,
              help="send the calls through the provider's batch API: half price, results within 24 h; "
                   "run it again to resume (see aicmo batch --status)")
@click.option("--poll-seconds", type=click.FloatRange(0.01, 3600), default=30.0, show_default=True,
              help="with --provider-batch: how often a batch is checked")
@click.option("--gather-seconds", type=click.FloatRange(0, 600), default=2.0, show_default=True,
              help="with --provider-batch: a batch goes out once no call has come for this long")
def run_cmd(campaign: str, autonomy: str | None, as_json: bool, workers: int, no_cache: bool,
            provider_batch: bool, poll_seconds: float, gather_seconds: float) -> None:
    """Run the modules within the autonomy policy, each as soon as its upstream is approved;
    stop where a person is needed.

    Exits 0 when every module is approved, 1 when a module failed, 3 when nothing failed but
    drafts wait for a reviewer (the modules after them were not run)."""
    from ..runner import run_campaign
    from ..workflow import get_policy

    with _workspace() as ws:
        provider = None
        if provider_batch:
            from ..batch import provider_batch_chain

            provider = provider_batch_chain(ws, gather_s=gather_seconds, poll_s=poll_seconds)
        from ..batch import stop_batches_on_interrupt

        with stop_batches_on_interrupt(provider, notice=lambda text: click.echo(text, err=True)):
            report = run_campaign(ws, campaign, autonomy=autonomy, max_workers=workers, provider=provider,
                                  use_cache=False if no_cache else None,
                                  on_step=None if as_json else lambda s: click.echo(_describe_step(s)))
        stored_policy = get_policy(ws, campaign)
    if as_json:
        _echo_json({"campaign": report.campaign, "autonomy": report.autonomy, "outcome": report.outcome,
                    "exit_code": _RUN_EXIT[report.outcome], "steps": report.steps,
                    "stopped_at": report.stopped_at, "reason": report.reason, "stops": report.stops,
                    "failed": report.failed, "blocked": report.blocked})
    elif report.stopped_at:
        for module, reason in report.stops.items():
            if module != report.stopped_at:
                click.echo(f"also stopped at {module}: {reason}")
        click.echo(f"stopped at {report.stopped_at}: {report.reason}")
    else:
        click.echo("every available module is approved")
    if not as_json:
        click.echo(f"autonomy policy: {stored_policy.describe()}")
        if report.failed:
            click.echo(f"failed: {', '.join(report.failed)}", err=True)
    sys.exit(_RUN_EXIT[report.outcome])


def _describe_step(step: dict[str, Any]) -> str:
    text = f"{step['module']:<11} {step['action']}"
    if "status" in step:
        text += (f": {step['status']} via {step['provider']}/{step['model']}, "
                 f"{_counted(step['deliverables'], '{count} deliverable', '{count} deliverables')}")
        if step.get("cached"):
            text += " (from the workspace cache)"
    return text


@main.command()
@click.option("--campaign", "-c", required=True)
@click.option("--json", "as_json", is_flag=True)
def status(campaign: str, as_json: bool) -> None:
    """Each module's state for a campaign."""
    from .. import workflow

    with _workspace() as ws:
        rows = workflow.campaign_status(ws, campaign)
    if as_json:
        _echo_json({"campaign": campaign, "modules": rows})
        return
    for row in rows:
        counts = ", ".join(f"{k} {v}" for k, v in (row.get("counts") or {}).items() if v)
        click.echo(f"{row['module']:<11} {row['state']:<12} {counts}")


@main.command()
@click.option("--campaign", "-c", default=None)
@click.option("--module", "-m", default=None)
@click.option("--json", "as_json", is_flag=True)
def review(campaign: str | None, module: str | None, as_json: bool) -> None:
    """List what waits for a reviewer (the review queue's own query)."""
    from dataclasses import asdict

    from ..registry import module_info
    from ..store.queue import waiting_items

    with _workspace() as ws:
        name = ws.get_campaign(campaign).name if campaign else None
        items = waiting_items(ws, campaign=name, module=module_info(module).name if module else None)
    if as_json:
        _echo_json([asdict(item) for item in items])
        return
    for item in items:
        state = item.state.replace("_", " ")
        click.echo(f"{item.id}  {item.campaign:<12} {item.module:<11} v{item.current_version} {state:<18} {item.title}")
    click.echo(_counted(len(items), "{count} item waiting", "{count} items waiting"))


@main.command()
@click.option("--campaign", "-c", required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html", "docx", "pdf", "zip"]), default="md",
              show_default=True, help="zip: the client pack in every format, with a checksummed manifest")
@click.option("--module", "-m", default=None, help="export one module only (not with zip)")
@click.option("--out", type=click.Path(dir_okay=True, path_type=Path), default=None,
              help="file or folder to write (default: $AICMO_HOME/exports/)")
def export(campaign: str, fmt: str, module: str | None, out: Path | None) -> None:
    """Export the approved deliverables (approved versions only)."""
    from ..export import export_campaign
    from ..export.model import left_out_reason

    with _workspace() as ws:
        result = export_campaign(ws, campaign, fmt, module=module)
    if out is None:
        out = Settings.from_env().home / "exports" / result.filename
    elif out.is_dir() or str(out).endswith(("/", os.sep)):
        out = out / result.filename
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(result.data)
    included = _counted(len(result.included), "{count} approved deliverable", "{count} approved deliverables")
    click.echo(f"wrote {out} ({len(result.data)} bytes, {included}"
               f"{' and the executive summary' if result.has_summary else ''})")
    if result.left_out:
        click.echo(_counted(len(result.left_out), "left out {count} deliverable:", "left out {count} deliverables:"),
                   err=True)
        for item in result.left_out:
            click.echo(f"  {item['module']} / {item['title']}: {left_out_reason(item)}", err=True)


# --------------------------------------------------------------------------- inputs and schedules (issue 13)


@main.command()
@click.option("--campaign", "-c", required=True)
@click.option("--format", "fmt", type=click.Choice(["ics", "buffer-csv", "hootsuite-csv", "calendar-csv"]),
              default="ics", show_default=True, help="what the scheduler imports")
@click.option("--timezone", "tz", default="UTC", show_default=True,
              help="the time zone of the calendar's posting times (e.g. Europe/London)")
@click.option("--date-order", type=click.Choice(["DMY", "MDY"]), default="DMY", show_default=True,
              help="hootsuite-csv: the date format you pick when uploading (DD/MM or MM/DD)")
@click.option("--out", type=click.Path(dir_okay=True, path_type=Path), default=None,
              help="file or folder to write (default: the current folder)")
def schedule(campaign: str, fmt: str, tz: str, date_order: str, out: Path | None) -> None:
    """Export the approved content calendar for a scheduler: Buffer or Hootsuite bulk upload,
    an ICS calendar, or a plain CSV; each post with its UTM-tagged link."""
    from ..export.schedule import export_schedule

    with _workspace() as ws:
        done = export_schedule(ws, campaign, fmt, timezone=tz, date_order=date_order)
    target = (out / done.filename) if out is not None and out.is_dir() else (out or Path(done.filename))
    target.write_bytes(done.data)
    click.echo(f"wrote {target} ({done.posts} posts)")
    for note in done.notes:
        click.echo(f"note: {note}")
    for reason in done.left_out:
        click.echo(f"left out: {reason}")


@main.command("new")
@click.option("--brief", "brief_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="a brief in YAML or JSON: creates the brand (unless it exists) and the campaign")
@click.option("--briefs", "brief_folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="a folder of briefs: one campaign per file, all checked before any is created")
@click.option("--schema", is_flag=True, help="print the brief's JSON Schema and stop")
@click.option("--json", "as_json", is_flag=True, help="print the created brand and campaign as JSON")
def new(brief_file: Path | None, brief_folder: Path | None, schema: bool, as_json: bool) -> None:
    """Create a campaign from a client brief (docs/briefs.md has examples)."""
    from ..briefs import brief_json_schema, create_from_brief, create_from_folder, read_brief_file

    if schema:
        _echo_json(brief_json_schema())
        return
    if (brief_file is None) == (brief_folder is None):
        raise ValidationError("give --brief FILE or --briefs FOLDER (or --schema)", field="brief")
    with _workspace() as ws:
        if brief_file is not None:
            results = [{"file": brief_file.name, **create_from_brief(ws, read_brief_file(brief_file))}]
        else:
            results = create_from_folder(ws, brief_folder)
    if as_json:
        _echo_json(results[0] if brief_file is not None else results)
        return
    for result in results:
        brand, campaign = result["brand"], result["campaign"]
        made = "created" if result["brand_created"] else "existing"
        click.echo(f"{result['file']}: campaign {campaign['name']} for {made} brand {brand['name']}")
        for warning in result["warnings"]:
            click.echo(f"  note: {warning}")
    click.echo("next: aicmo generate intake --campaign " + results[0]["campaign"]["name"])


if __name__ == "__main__":  # pragma: no cover
    main()
