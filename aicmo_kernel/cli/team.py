"""Commands that govern a team's workspace: autonomy policies and review settings, brand memory
and search, the database's guard for analysts."""

from __future__ import annotations

import click

from ..config import AUTONOMY_LEVELS, known_reviewer
from ..errors import ValidationError
from ._app import (
    _counted,
    _echo_json,
    _reviewer,
    _workspace,
    main,
)


@main.group()
def policy() -> None:
    """A campaign's autonomy policy: what the policy may approve without a person."""


@policy.command("show")
@click.option("--campaign", "-c", required=True)
@click.option("--json", "as_json", is_flag=True)
def policy_show(campaign: str, as_json: bool) -> None:
    """Show the stored policy (manual, threshold 80, no kinds when none is stored)."""
    from ..workflow import get_policy

    with _workspace() as ws:
        current = get_policy(ws, campaign)
    if as_json:
        _echo_json(current.model_dump(mode="json"))
        return
    click.echo(f"campaign {current.campaign}: {current.describe()}")
    if current.stored:
        click.echo(f"set by {current.updated_by} at {current.updated_at:%Y-%m-%d %H:%M UTC}")
    else:
        click.echo("no policy stored: the default applies (nothing is auto-approved)")


@policy.command("set")
@click.option("--campaign", "-c", required=True)
@click.option("--level", type=click.Choice(AUTONOMY_LEVELS), required=True)
@click.option("--threshold", type=int, default=None, help="QC score an auto-approval needs (default: the level's)")
@click.option("--kinds", default=None, help="'all' or comma-separated kinds (default: the level's)")
@click.option("--by", "actor", default=None,
              help="recorded as who set it (default: AICMO_REVIEWER); under JupyterHub the signed-in admin")
def policy_set(campaign: str, level: str, threshold: int | None, kinds: str | None, actor: str | None) -> None:
    """Store the campaign's autonomy policy; the workflow enforces it on every auto-approval."""
    from ..workflow.policy import default_settings, set_policy

    default_threshold, default_kinds = default_settings(level)
    with _workspace() as ws:
        stored = set_policy(ws, campaign, level=level,
                            qc_threshold=default_threshold if threshold is None else threshold,
                            auto_approve_kinds=default_kinds if kinds is None else kinds,
                            actor=_reviewer(actor, "--by"), source="aicmo policy set")
    click.echo(f"campaign {stored.campaign}: {stored.describe()}")


@policy.command("four-eyes")
@click.option("--brand", "-b", required=True, help="brand name or id")
@click.argument("setting", type=click.Choice(["on", "off"]))
@click.option("--by", "actor", default=None, help="recorded as who changed it (under JupyterHub: the signed-in admin)")
def policy_four_eyes(brand: str, setting: str, actor: str | None) -> None:
    """Turn the brand's four-eyes rule on or off: nobody approves a version they wrote."""
    from ..workflow import set_four_eyes

    with _workspace() as ws:
        stored = set_four_eyes(ws, brand, enabled=setting == "on", actor=_reviewer(actor, "--by"))
    click.echo(f"brand {stored.name}: four-eyes {'on' if stored.four_eyes else 'off'}")


@policy.command("client-review")
@click.option("--campaign", "-c", required=True)
@click.argument("setting", type=click.Choice(["on", "off"]))
@click.option("--by", "actor", default=None, help="recorded as who changed it (under JupyterHub: the signed-in admin)")
def policy_client_review(campaign: str, setting: str, actor: str | None) -> None:
    """Turn the campaign's client stage on or off: approved items then wait for the brand's client
    users (JupyterHub group client-<brand>) to approve them too."""
    from ..workflow import set_client_review

    with _workspace() as ws:
        stored = set_client_review(ws, campaign, enabled=setting == "on", actor=_reviewer(actor, "--by"))
    click.echo(f"campaign {stored.name}: client review {'on' if stored.client_review else 'off'}")


@main.group()
def db() -> None:
    """The workspace database's own settings for a team (PostgreSQL)."""


@db.command("guard-analysts")
@click.argument("role")
@click.option("--show", is_flag=True, help="print the statements run")
def db_guard_analysts(role: str, show: bool) -> None:
    """Make PostgreSQL refuse approvals, client approvals, policy widening and history rewrites
    from connections of ROLE, the role analysts' servers use (AICMO_ANALYST_DATABASE_URL), so code
    run in JupyterLab cannot bypass the workflow. Run it as the tables' owner; rerun after upgrades."""
    from ..store.analyst_guard import guard_analysts

    with _workspace() as ws:
        statements = guard_analysts(ws, role)
    if show:
        click.echo(";\n".join(statements) + ";")
    click.echo(f"Guarded: connections as {role} may generate, edit and comment, and approve nothing but what "
               "the campaign's autonomy policy allows. Give analysts' servers AICMO_ANALYST_DATABASE_URL.")


# --------------------------------------------------------------------------- learn: memory, search


def _memory_actor(explicit: str | None) -> str:
    from ..identity import current_identity, resolve_actor

    if current_identity() is not None:  # the signed-in person; --by naming anyone else is refused
        return resolve_actor(explicit, field="by").name
    return explicit or known_reviewer() or "cli"


@main.group()
def memory() -> None:
    """Brand-memory rules that every later prompt for the brand includes."""


@memory.command("list")
@click.option("--brand", "-b", required=True, help="brand name or id")
@click.option("--all", "show_all", is_flag=True, help="include rules that were switched off")
@click.option("--json", "as_json", is_flag=True)
def memory_list(brand: str, show_all: bool, as_json: bool) -> None:
    """List a brand's rules (active ones unless --all)."""
    from ..learn.memory import list_rules

    with _workspace() as ws:
        rules = list_rules(ws, brand, active_only=not show_all)
    if as_json:
        _echo_json([rule.model_dump(mode="json") for rule in rules])
        return
    for rule in rules:
        state = "" if rule.active else " (inactive)"
        click.echo(f"{rule.id}  {rule.source:<8} {rule.rule}{state}")
    click.echo(_counted(len(rules), "{count} rule", "{count} rules"))


@memory.command("add")
@click.option("--brand", "-b", required=True, help="brand name or id")
@click.argument("rule")
@click.option("--by", "actor", default=None, help="recorded as the author (default: JupyterHub user, AICMO_REVIEWER)")
def memory_add(brand: str, rule: str, actor: str | None) -> None:
    """Add RULE (one line of plain text) to the brand's memory."""
    from ..learn.memory import add_rule

    with _workspace() as ws:
        added = add_rule(ws, brand, rule, source="manual", actor=_memory_actor(actor))
    click.echo(f"added {added.id}  {added.rule}")


@memory.command("remove")
@click.option("--brand", "-b", required=True, help="brand name or id")
@click.argument("rule_id")
@click.option("--by", "actor", default=None, help="recorded as who switched it off")
def memory_remove(brand: str, rule_id: str, actor: str | None) -> None:
    """Switch off the rule RULE_ID (it stays on record; prompts stop including it)."""
    from ..learn.memory import deactivate_rule, list_rules

    with _workspace() as ws:
        if rule_id not in {rule.id for rule in list_rules(ws, brand, active_only=False)}:
            raise ValidationError(f"rule {rule_id!r} is not a rule of brand {brand!r} (aicmo memory list shows them)",
                                  field="rule_id")
        removed = deactivate_rule(ws, rule_id, _memory_actor(actor))
    click.echo(f"removed {removed.id}  {removed.rule}")


@main.command()
@click.argument("query")
@click.option("--campaign", "-c", default=None, help="search one campaign only")
@click.option("--module", "-m", default=None, help="search one module only")
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True)
@click.option("--any", "any_word", is_flag=True, help="match any word instead of all words")
@click.option("--json", "as_json", is_flag=True)
def search(query: str, campaign: str | None, module: str | None, limit: int, any_word: bool, as_json: bool) -> None:
    """Search the approved content of the workspace for QUERY."""
    from ..learn.search import search_approved

    with _workspace() as ws:
        hits = search_approved(ws, query, campaign=campaign, module=module, limit=limit, any_word=any_word)
    if as_json:
        _echo_json([hit.model_dump() for hit in hits])
        return
    for hit in hits:
        click.echo(f"{hit.deliverable_id}  {hit.campaign:<12} {hit.module:<11} v{hit.version} {hit.title}")
        click.echo(f"    {hit.snippet}")
    click.echo(_counted(len(hits), "{count} approved result", "{count} approved results"))
