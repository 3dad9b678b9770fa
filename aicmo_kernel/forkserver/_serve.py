"""The worker's side: listen, check the caller, fork a child per command, report its status."""

from __future__ import annotations

import os
import signal
import socket
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ._wire import (
    FORWARDED_SIGNALS,
    _receive,
    _send,
    _ShortAddress,
    _signal_group,
    run_exit_functions,
)

SOCKET_CHECK_SECONDS = 30.0  # how often an idle worker checks that its socket is still there


@dataclass
class ChildRequest:
    """What a forked child needs to become the caller's command."""

    argv: list[str]
    env: dict[str, str] = field(repr=False)
    cwd: str
    fds: list[int]
    ignored: list[str]
    status_fd: int = -1  # the caller's connection: ``exit_child`` says how the command ended there

    def enter(self) -> None:
        """Take over the caller's environment (wholesale), folder, descriptors and signal
        handling (Python's defaults, or ignored where the caller ignored them)."""
        for name in (*FORWARDED_SIGNALS, "SIGTSTP", "SIGCONT", "SIGCHLD"):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for name in self.ignored:
            if name in FORWARDED_SIGNALS:
                signal.signal(getattr(signal, name), signal.SIG_IGN)
        os.environ.clear()
        os.environ.update(self.env)
        for target, fd in enumerate(self.fds):
            if fd != target:
                os.dup2(fd, target)
                os.close(fd)
        sys.stdin, sys.stdout, sys.stderr = (_text_stream(0, "r"), _text_stream(1, "w"),
                                             _text_stream(2, "w", errors="backslashreplace"))
        sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr
        sys.argv = list(self.argv)
        os.chdir(self.cwd)


def exit_child(code: object, status_fd: int = -1) -> None:
    """End a forked child as Python's own exit would (wait for its non-daemon threads, run the
    atexit callbacks, flush the standard streams) but without tearing down the modules it shares
    with the worker: that teardown took 0.8 s, and writes to every page the fork shares.

    With ``status_fd`` (``ChildRequest.status_fd``) the child closes the caller's descriptors and
    tells the launcher its status itself, so the launcher ends without waiting for the kernel to
    free the child's memory and for the worker to reap it (about 8 ms); the worker still reports
    the status when the child dies before it could (a signal), and the launcher takes the first."""
    import threading

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): printed, status 1
        print(code, file=sys.stderr)
        status = 1
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    run_exit_functions()
    if status_fd >= 0:
        for fd in (0, 1, 2):  # the caller's terminal or pipes: theirs alone from here
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            _send(socket.socket(fileno=status_fd), {"exit": status & 0xFF})
        except OSError:
            pass  # the launcher has gone; the worker's report goes nowhere either
    os._exit(status & 0xFF)


def _text_stream(fd: int, mode: str, errors: str = "strict"):
    """A text stream on ``fd`` as Python's start-up makes one: line-buffered on a terminal (and
    stderr always), the encoding ``PYTHONIOENCODING`` names, else the locale's."""
    import io

    encoding = os.environ.get("PYTHONIOENCODING", "").split(":")[0] or None
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors,
                            line_buffering=mode == "w" and (fd == 2 or os.isatty(fd)))


@dataclass
class _Worker:
    fingerprint: str
    path: Path
    log: Callable[[str], None]
    listener: socket.socket
    selector: object
    wake: tuple[socket.socket, socket.socket]
    children: dict[int, tuple[socket.socket, int]] = field(default_factory=dict)  # pid -> conn, pidfd
    served: int = 0
    started: float = field(default_factory=time.time)
    last: float = field(default_factory=time.monotonic)
    stopping: bool = False
    bound: int | None = None  # the socket file's inode, to tell when it is no longer this worker's

    def close_listener(self) -> None:
        if self.listener.fileno() == -1:
            return
        self.selector.unregister(self.listener)
        self.listener.close()
        if _inode(self.path) == self.bound:
            self.path.unlink()


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def serve(path: Path, started_fingerprint: str, *, idle_seconds: float,
          log: Callable[[str], None]) -> ChildRequest | None:
    """Listen on ``path`` until stopped (a ``stop`` message, SIGTERM) or idle for ``idle_seconds``
    with no command running; a stopping worker waits for its commands to end. Returns None in the
    worker when it ends, and a ``ChildRequest`` in each forked child, which then runs the command
    and exits without coming back here."""
    import selectors

    owner = os.getpid()
    wake = socket.socketpair()
    for end in wake:
        end.setblocking(False)
    worker = _Worker(started_fingerprint, path, log, _listen(path), selectors.DefaultSelector(), wake)
    worker.bound = _inode(path)
    worker.selector.register(worker.listener, selectors.EVENT_READ, ("accept", 0))
    worker.selector.register(wake[0], selectors.EVENT_READ, ("wake", 0))

    def stop(_signum: int, _frame: object) -> None:
        worker.stopping = True  # the wake-up descriptor gets the loop out of select

    signal.set_wakeup_fd(wake[1].fileno(), warn_on_full_buffer=False)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    log(f"started: pid {owner}, socket {path}, stops after {idle_seconds:g} s idle")
    try:
        while True:
            if worker.stopping:
                worker.close_listener()
                if not worker.children:
                    break
            idle = time.monotonic() - worker.last
            if not worker.children and idle >= idle_seconds:
                log(f"idle for {idle:.0f} s: stopping")
                break
            if not worker.stopping and _inode(path) != worker.bound:  # its home deleted, or another worker's
                log("the socket is gone or another worker's: stopping")
                worker.stopping = True
                continue
            timeout = None if worker.children else min(idle_seconds - idle, SOCKET_CHECK_SECONDS)
            for key, _mask in worker.selector.select(timeout=timeout):
                what, child = key.data
                try:
                    if what == "accept":
                        conn, _ = worker.listener.accept()
                        request_ = _accept(worker, conn)
                        if request_ is not None:  # in the forked child: leave the worker's loop
                            return request_
                    elif what == "wake":
                        wake[0].recv(4096)
                    elif what == "exited":
                        _reap(worker, child)
                    elif what == "caller":  # the launcher went away first: hang up its command
                        worker.selector.unregister(key.fileobj)
                        if not _ended(worker, child):  # not the launcher leaving on the child's own report
                            _signal_group(child, signal.SIGHUP)
                except Exception as exc:  # noqa: BLE001 - one bad request must not end the worker
                    if os.getpid() != owner:  # a child that failed to leave the worker: never a second loop
                        os._exit(1)
                    log(f"error: {exc.__class__.__name__}: {exc}")
    finally:
        if os.getpid() == owner:
            worker.close_listener()
            log(f"stopped: served {worker.served} command(s)")
    return None


def _listen(path: Path) -> socket.socket:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_socket():
        path.unlink()  # stale: ``aicmo worker start`` checked that nobody answers there
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o177)
    try:
        with _ShortAddress(path) as address:
            listener.bind(address)
    finally:
        os.umask(mask)
    os.chmod(path, 0o600)
    listener.listen(64)
    listener.setblocking(False)
    return listener


def _accept(worker: _Worker, conn: socket.socket) -> ChildRequest | None:
    import selectors

    fds: list[int] = []
    try:
        conn.setblocking(True)
        conn.settimeout(10.0)
        pid, uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                             struct.calcsize("3i")))
        if uid != os.getuid():
            worker.log(f"refused: a caller of uid {uid} (pid {pid}); this worker serves uid {os.getuid()} only")
            return None
        message, fds = _receive(conn, max_fds=3)
        op = (message or {}).get("op")
        if op == "status":
            _send(conn, {"ok": True, "pid": os.getpid(), "started": worker.started, "served": worker.served,
                         "running": len(worker.children), "version": __version__,
                         "fingerprint": worker.fingerprint, "stopping": worker.stopping})
        elif op == "stop":
            worker.stopping = True
            worker.log(f"stop asked by pid {pid}")
            _send(conn, {"ok": True, "pid": os.getpid(), "running": len(worker.children)})
        elif op != "run" or worker.stopping or len(fds) != 3:
            _send(conn, {"ok": False, "reason": "stopping" if worker.stopping else "a malformed request"})
        elif message.get("fingerprint") != worker.fingerprint:
            worker.log(f"refused: pid {pid} runs other code than this worker started with")
            _send(conn, {"ok": False, "reason": "other code"})
        else:
            worker.last = time.monotonic()
            child = os.fork()
            if child == 0:
                _leave_worker(worker)
                request_ = ChildRequest(argv=list(message["argv"]), env=dict(message["env"]),
                                        cwd=message["cwd"], fds=fds, ignored=list(message.get("ignored", [])),
                                        status_fd=conn.detach())
                fds, conn = [], None  # the command's now
                return request_
            try:
                os.setpgid(child, child)  # here too, so the group exists before the launcher signals it
            except OSError:
                pass  # the child did it first
            pidfd = os.pidfd_open(child)
            worker.children[child] = (conn, pidfd)
            worker.selector.register(pidfd, selectors.EVENT_READ, ("exited", child))
            worker.served += 1
            try:
                _send(conn, {"ok": True, "pid": child})
                worker.selector.register(conn, selectors.EVENT_READ, ("caller", child))
            except OSError:
                _signal_group(child, signal.SIGHUP)
            conn = None  # kept until the child ends: its exit status goes there
        return None
    finally:
        for fd in fds:
            os.close(fd)
        if conn is not None:
            conn.close()


def _leave_worker(worker: _Worker) -> None:
    """In a forked child: close everything of the worker's (not removing its socket) and take a
    process group of its own."""
    signal.set_wakeup_fd(-1)
    os.setpgid(0, 0)
    for key in list(worker.selector.get_map().values()):
        if isinstance(key.fileobj, int):
            os.close(key.fileobj)
        else:
            key.fileobj.close()
    worker.selector.close()
    for conn, _pidfd in worker.children.values():
        conn.close()  # a caller whose launcher had gone is no longer in the selector
    worker.wake[1].close()


def _ended(worker: _Worker, child: int) -> bool:
    """Whether ``child`` has ended (it may not have been reaped yet)."""
    _conn, pidfd = worker.children[child]
    try:
        return os.waitid(os.P_PIDFD, pidfd, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _reap(worker: _Worker, child: int) -> None:
    conn, pidfd = worker.children.pop(child)
    _pid, status = os.waitpid(child, 0)
    worker.selector.unregister(pidfd)
    os.close(pidfd)
    worker.last = time.monotonic()
    if conn.fileno() == -1:
        return
    try:
        worker.selector.unregister(conn)
    except KeyError:
        pass  # the launcher had gone already
    try:
        conn.settimeout(2.0)
        _send(conn, {"exit": os.waitstatus_to_exitcode(status)})
    except OSError:
        pass
    finally:
        conn.close()
