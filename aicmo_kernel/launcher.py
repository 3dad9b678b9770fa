"""The ``aicmo`` program: hands the command to a running ``aicmo worker`` when there is one of
this code for this workspace (``forkserver``), else runs it here.

Imports only the package's light parts before deciding, so the hand-over costs what starting
Python costs; the in-process command line (click and every command) loads only when it runs here.
"""

from __future__ import annotations

import sys

__all__ = ["LOCAL_COMMANDS", "main"]

# Run here, never handed over: the worker's own commands, and the servers, whose child processes
# expect Ctrl+C from the terminal's process group (and gain nothing from a warm start).
LOCAL_COMMANDS = frozenset({"worker", "lab", "dashboard", "hub"})


def main() -> None:
    sys.argv[0] = sys.argv[0].removesuffix(".exe")
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    if command is not None and command not in LOCAL_COMMANDS:
        from .forkserver import exit_now, hand_over

        code = hand_over(list(sys.argv))
        if code is not None:
            exit_now(code)  # the teardown would be about 5 ms of every handed-over command
    from .cli import main as cli_main

    sys.exit(cli_main())

