"""Commands that check and serve the workbench: doctor, lab, dashboard, hub."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ._app import (
    EXIT_FAILED,
    _echo_json,
    main,
)


@main.command()
@click.option("--ping", is_flag=True, help="ask each usable provider once (lists its models; spends no tokens)")
@click.option("--timeout", type=click.FloatRange(0.1, 120), default=5.0, show_default=True,
              help="seconds each --ping may take")
@click.option("--json", "as_json", is_flag=True)
def doctor(ping: bool, timeout: float, as_json: bool) -> None:
    """Check the configuration without sending anything: every variable (named, never a secret's
    value), the provider chain, the workspace. Exits 1 when a check fails (warnings do not)."""
    from ..doctor import has_failures, render_lines, report, run_checks

    checks = run_checks(ping=ping, ping_timeout=timeout)
    if as_json:
        _echo_json(report(checks))
    else:
        for line in render_lines(checks):
            click.echo(line)
    if has_failures(checks):
        sys.exit(EXIT_FAILED)


@main.command()
@click.option("--port", type=int, default=None)
@click.option("--no-browser", is_flag=True)
def lab(port: int | None, no_browser: bool) -> None:
    """Open JupyterLab on the notebooks with this workspace configured."""
    from ..serve import start_lab

    sys.exit(start_lab(port=port, open_browser=not no_browser))


@main.command()
@click.option("--port", type=int, default=None, help="default: the first free port from 8866")
@click.option("--no-browser", is_flag=True)
@click.option("--preheat/--no-preheat", default=None, help="keep a warm kernel for the review queue (default: on)")
@click.option("--ip", default="localhost", show_default=True,
              help="address to listen on; any but loopback needs --token (or JupyterHub in front)")
@click.option("--token", envvar="AICMO_DASHBOARD_TOKEN", default=None, show_envvar=True,
              help="reviewers open the page with ?token=...; never printed (prefer the variable: "
                   "a command line is visible to other users of the machine)")
def dashboard(port: int | None, no_browser: bool, preheat: bool | None, ip: str, token: str | None) -> None:
    """Serve the notebooks as Voila dashboards for reviewers, opening on the review queue.

    It listens on localhost. For a team, serve it through JupyterHub (aicmo hub, docs/team.md),
    which signs each person in; --ip with another address refuses to start without a token."""
    from ..serve import PREHEAT_BY_DEFAULT, start_dashboard

    sys.exit(start_dashboard(port=port, open_browser=not no_browser, ip=ip, token=token,
                             preheat=PREHEAT_BY_DEFAULT if preheat is None else preheat))


@main.command()
@click.option("--team", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="a YAML file: analysts, reviewers, admins (lists of user names) and clients (brand: names)")
@click.option("--port", type=int, default=None, help="default: the first free port from 8000")
def hub(team: Path | None, port: int | None) -> None:
    """A JupyterHub on loopback for a trial team: everyone signs in, analysts get JupyterLab,
    reviewers and clients the Voila pages only. The shared password comes from AICMO_HUB_PASSWORD.
    A real deployment reuses the same configuration (docs/team.md)."""
    from ..serve import start_hub

    sys.exit(start_hub(team=team, port=port, password=os.environ.get("AICMO_HUB_PASSWORD", "").strip() or None))
