"""The launcher's side: hand a command to the worker, forward signals to it, return its status."""

from __future__ import annotations

import _signal
import _socket
import os

from ._wire import (
    FORWARDED_SIGNALS,
    WorkerGone,
    _connect,
    _receive,
    _send,
    _signal_group,
    enabled,
    fingerprint,
    socket_file,
    supported,
)


def hand_over(argv: list[str]) -> int | None:
    """Run the command ``argv`` (``sys.argv``: the program, then its arguments) in a child of this
    workspace's worker and return its exit status; None when no worker of this code takes it
    (then nothing has run, and the caller runs the command itself)."""
    if not supported() or not enabled():
        return None
    path = socket_file()
    if not os.path.exists(path):
        return None
    try:
        sock = _connect(path, timeout=5.0)
    except OSError:  # a stale socket, a refused or busy worker
        return None
    try:
        return _run_through(sock, argv)
    finally:
        sock.close()


def _run_through(sock: _socket.socket, argv: list[str]) -> int | None:
    pending: list[int] = []  # signals that came before the child's pid
    child: dict[str, int] = {}

    def forward(signum: int, _frame: object) -> None:
        if "pid" not in child:
            pending.append(signum)
            return
        _signal_group(child["pid"], signum)
        if signum == _signal.SIGTSTP:  # Ctrl+Z: the child's group stops, then the launcher
            os.kill(os.getpid(), _signal.SIGSTOP)

    def resumed(_signum: int, _frame: object) -> None:
        if "pid" in child:
            _signal_group(child["pid"], _signal.SIGCONT)

    ignored = [name for name in FORWARDED_SIGNALS if _signal.getsignal(getattr(_signal, name)) == _signal.SIG_IGN]
    previous = {}
    for name in (*FORWARDED_SIGNALS, "SIGTSTP"):
        if name not in ignored:  # nohup, or a background job: the command ignores them too
            previous[getattr(_signal, name)] = _signal.signal(getattr(_signal, name), forward)
    previous[_signal.SIGCONT] = _signal.signal(_signal.SIGCONT, resumed)
    answer: dict | None = None
    try:
        try:
            _send(sock, {"op": "run", "fingerprint": fingerprint(), "argv": argv, "env": dict(os.environ),
                         "cwd": os.getcwd(), "ignored": ignored}, fds=[0, 1, 2])
            answer, _ = _receive(sock)
        except (OSError, ValueError, WorkerGone):
            return None
        if answer and "exit" in answer:  # the child's own report came before the worker's "ok"
            return _status_code(answer)  # (a signal pending here came after the command ended)
        if not answer or not answer.get("ok"):
            return None  # refused: other code, or a worker that is stopping
        child["pid"] = int(answer["pid"])
        for signum in pending:
            forward(signum, None)
        sock.settimeout(None)
        try:
            status, _ = _receive(sock)
        except (OSError, ValueError, WorkerGone):
            status = None
    finally:
        for number, handler in previous.items():
            _signal.signal(number, handler)
        if "pid" not in child and not (answer and "exit" in answer):
            # nothing ran: a Ctrl+C meant for it reaches the launcher itself
            for signum in pending:
                os.kill(os.getpid(), signum)
    if status is None or "exit" not in status:
        os.write(2, f"aicmo: the worker ended before the command (pid {child['pid']}) did\n".encode())
        return 1
    return _status_code(status)


def _status_code(status: dict) -> int:
    """The launcher's exit status for the child's ``{"exit": ...}``: a signal that ended the child
    ends the launcher too, as a shell expects."""
    code = int(status["exit"])
    if code < 0:  # the child died of a signal: so does the launcher, as a shell expects
        _signal.signal(-code, _signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        return 128 - code
    return code


