"""The ``aicmo`` group, its exit codes and what every command shares (a thin click layer over
the kernel's functions; the commands are in the sibling modules).

Every command opens the workspace named by the environment (``AICMO_HOME`` /
``AICMO_DATABASE_URL``). Errors the user can act on print one line naming the field or variable;
unexpected errors print a trace id, never a traceback or a secret (the traceback goes to
``$AICMO_HOME/logs/errors.log``, redacted). Exit codes (``EXIT_CODES``, shown in ``--help``): 0 done,
1 failed, 2 bad input or configuration, 3 stopped where a person is needed (``run``, ``batch``).
"""

from __future__ import annotations

import json
from typing import Any

import click

from .. import __version__
from ..config import Settings, known_reviewer, redact
from ..errors import AicmoError, ValidationError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_WAITING = 3
EXIT_CODES = (
    (EXIT_OK, "done: for run and batch, every module of every campaign is approved"),
    (EXIT_FAILED, "failed: a module's generation, a campaign or the command itself failed"),
    (EXIT_BAD_INPUT, "bad input or configuration: an option, file or environment variable (named)"),
    (EXIT_WAITING, "run and batch only: nothing failed, but drafts wait for a reviewer (or a module for "
                   "data to upload: a performance export, a leads file) and the modules after them were not run"),
)
_RUN_EXIT = {"complete": EXIT_OK, "failed": EXIT_FAILED, "waiting": EXIT_WAITING}
_EXIT_SEVERITY = (EXIT_OK, EXIT_WAITING, EXIT_FAILED)  # a batch exits with its worst campaign's code


def _workspace():
    from ..store import Workspace

    return Workspace.open()


def _counted(count: int, one: str, many: str) -> str:
    """A count the command line prints, as a person writes it: "1 item waiting", never "item(s)"."""
    from ..modules.phrasebook import counted

    return counted("en", count, one, many)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _reviewer(explicit: str | None, option: str = "--reviewer") -> str:
    """Who the command acts for. Under JupyterHub: the signed-in person, and ``--reviewer`` naming
    anyone else is refused (``identity.resolve_actor``); outside a hub: the option, else
    ``AICMO_REVIEWER``."""
    from ..identity import current_identity, resolve_actor

    if current_identity() is not None:
        return resolve_actor(explicit, field=option.lstrip("-")).name
    name = explicit or known_reviewer()
    if not name:
        raise ValidationError(f"say who approves: pass {option} NAME or set AICMO_REVIEWER", field="reviewer")
    return name


class _Group(click.Group):
    """Turns kernel errors into one readable line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AicmoError as exc:
            where = f" [{exc.field}]" if exc.field else ""
            click.echo(f"error{where}: {redact(exc.message)}", err=True)
            bad_input = exc.error_type in ("VALIDATION_ERROR", "CONFIGURATION_ERROR")
            ctx.exit(EXIT_BAD_INPUT if bad_input else EXIT_FAILED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback to users
            trace_id = _log_unexpected(exc)
            click.echo(f"error: unexpected {exc.__class__.__name__} (trace id {trace_id}); "
                       f"details in $AICMO_HOME/logs/errors.log", err=True)
            ctx.exit(EXIT_FAILED)


def _log_unexpected(exc: BaseException) -> str:
    import traceback

    from ..schemas import new_trace_id

    trace_id = new_trace_id()
    try:
        logs = Settings.from_env(dotenv=False).home / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        text = "".join(traceback.format_exception(exc))
        with open(logs / "errors.log", "a", encoding="utf-8") as handle:
            handle.write(f"--- trace id {trace_id}\n{redact(text)}\n")
    except OSError:
        pass
    return trace_id


def _exit_codes_help() -> str:
    return "\b\nExit codes:\n" + "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES)


@click.group(cls=_Group, epilog=_exit_codes_help())
@click.version_option(__version__, prog_name="aicmo")
def main() -> None:
    """AICMO Workbench: run an AI CMO for a client, from intake to the client pack."""
