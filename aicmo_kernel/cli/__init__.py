"""The ``aicmo`` command line: a thin click layer over the kernel's functions.

Every command opens the workspace named by the environment (``AICMO_HOME`` /
``AICMO_DATABASE_URL``). Errors the user can act on print one line naming the field or variable;
unexpected errors print a trace id, never a traceback or a secret (the traceback goes to
``$AICMO_HOME/logs/errors.log``, redacted). Exit codes (``EXIT_CODES``, shown in ``--help``): 0 done,
1 failed, 2 bad input or configuration, 3 stopped where a person is needed (``run``, ``batch``).

``_app`` holds the group and what commands share; ``campaigns``, ``many``, ``team``, ``serving`` and
``worker`` the commands, registered on the group when imported here. The ``aicmo`` program itself is
``aicmo_kernel.launcher``, which hands a command to a running ``aicmo worker`` before loading this.
"""

from __future__ import annotations

from . import campaigns, many, serving, team, worker  # noqa: F401 - importing registers their commands
from ._app import EXIT_BAD_INPUT, EXIT_CODES, EXIT_FAILED, EXIT_OK, EXIT_WAITING, main

__all__ = ["EXIT_BAD_INPUT", "EXIT_CODES", "EXIT_FAILED", "EXIT_OK", "EXIT_WAITING", "main"]
