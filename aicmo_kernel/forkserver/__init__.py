"""A resident warm process that forks a fresh child per ``aicmo`` command (``aicmo worker``).

A fresh ``aicmo run`` spends seconds importing SQLAlchemy, pydantic, the SDKs and the modules
before its first model call. ``aicmo worker start`` keeps one process with all of that imported
(no database connection, no thread) listening on ``$AICMO_HOME/worker.sock``; the ``aicmo``
launcher (``aicmo_kernel.launcher``) hands it the command line, the whole environment, the working
folder and its three standard file descriptors (SCM_RIGHTS), and the worker forks a child that
takes them over and runs the command as the launcher would have, in its own process group. The
launcher forwards Ctrl+C (and TERM, HUP, QUIT, Ctrl+Z) to that group and exits with the child's
status. The pattern of multiprocessing's "forkserver" and Ruby's Spring.

Safety: the socket is the user's (mode 0600) and the worker checks each caller's uid
(SO_PEERCRED); the environment a caller sends (API keys included) replaces the child's
environment wholesale and is never logged or written down. A worker serves only launchers of the
same code: the package version, the kernel's files (path, size, mtime), the interpreter and the
variables that shape an interpreter's start (``FINGERPRINT_VARIABLES``) must match what they were
when it started; otherwise, and whenever no worker answers, the launcher runs the command itself.
Linux only (SO_PEERCRED, pidfd); elsewhere the launcher always runs commands itself.

``_wire`` holds what both sides share (the fingerprint, the framing), ``_launch`` the launcher's
side, ``_serve`` the worker's. The mechanism only: ``cli.worker`` decides what the worker imports
and runs.
"""

from __future__ import annotations

from ._launch import hand_over
from ._wire import (
    SOCKET_NAME,
    WorkerGone,
    enabled,
    exit_now,
    fingerprint,
    request,
    socket_path,
    supported,
)

__all__ = [
    "SOCKET_NAME",
    "ChildRequest",
    "WorkerGone",
    "enabled",
    "exit_child",
    "exit_now",
    "fingerprint",
    "hand_over",
    "request",
    "serve",
    "socket_path",
    "supported",
]


def __getattr__(name: str) -> object:
    # The worker's side loads only in the worker: the launcher imports this package on every command.
    if name in ("ChildRequest", "exit_child", "serve"):
        from . import _serve

        return getattr(_serve, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
