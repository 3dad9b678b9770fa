"""What the launcher and the worker share: where the socket is, what code a worker serves (its
fingerprint), and how messages go between them (a length, then a ``marshal`` of plain data;
descriptors by SCM_RIGHTS).

The launcher imports this module on every command, so it uses the interpreter's C modules
(``_socket``, ``marshal``) rather than ``socket`` and ``json``, which import enum, re, collections
and functools: about 12 ms of every launch (``python -X importtime``). Both ends are the same
interpreter (the fingerprint says so), and the socket takes only its user's connections.
"""

from __future__ import annotations

import _socket
import marshal
import os
import struct
import sys

from .. import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # no pathlib, typing or contextlib for the launcher
    from pathlib import Path

SOCKET_NAME = "worker.sock"
FINGERPRINT_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH", "PYTHONOPTIMIZE", "PYTHONWARNINGS",
                         "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONDEVMODE")
FORWARDED_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
_HEADER = struct.Struct("!I")
_MAX_MESSAGE = 16 * 1024 * 1024
_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # aicmo_kernel


class WorkerGone(Exception):
    """The worker closed the connection before saying how the command ended."""


def supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "pidfd_open") and hasattr(_socket, "SCM_RIGHTS")


def enabled(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """False when ``AICMO_WORKER`` says off. A malformed value counts as on here; ``aicmo doctor``
    names it (``config.variable_problem``)."""
    value = (environ if environ is not None else os.environ).get("AICMO_WORKER", "").strip().lower()
    return value not in ("0", "off", "false", "no", "disabled")


def socket_path(home: Path | None = None) -> Path:
    from pathlib import Path

    return Path(home or _default_home()) / SOCKET_NAME


def socket_file() -> str:
    """``socket_path()`` as a string, for the launcher: without pathlib."""
    return os.path.join(_default_home(), SOCKET_NAME)


def _default_home() -> str:
    """``config.default_home`` without importing ``config`` (its dataclasses and patterns are
    about 25 ms of every launch); tests/test_worker.py checks that the two agree."""
    value = os.environ.get("AICMO_HOME", "").strip()
    return os.path.expanduser(value) if value else os.path.join(os.path.expanduser("~"), ".aicmo")


def fingerprint(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """What must be equal for a worker to serve a launcher: this code (every file of the package:
    path, size, mtime), its version, the interpreter and its start-up variables. The listing
    itself (some 30 kB), compared as it is: hashing it would cost the launcher hashlib's import."""
    env = environ if environ is not None else os.environ
    head = [f"{__version__}\0{_PACKAGE}\0{sys.executable}\0{sys.version}"]
    head += [f"{name}={env.get(name, '')}" for name in FINGERPRINT_VARIABLES]
    pending = [str(_PACKAGE)]
    entries: list[str] = []
    while pending:
        with os.scandir(pending.pop()) as scan:
            for entry in scan:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif not entry.name.endswith((".pyc", ".pyo")):
                    stat = entry.stat()
                    entries.append(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return "\n".join(head + sorted(entries))


def run_exit_functions() -> None:
    """What Python's exit does before its teardown: the atexit callbacks, then the standard
    streams flushed. For a process about to leave by ``os._exit`` (the launcher after a hand-over,
    a forked child), whose teardown would only cost time."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


def exit_now(code: int) -> None:
    """End the process with ``code`` as Python's exit would, without tearing the interpreter down."""
    run_exit_functions()
    os._exit(code & 0xFF)


# --------------------------------------------------------------------------- framing


def _send(sock: _socket.socket, message: dict, fds: list[int] | None = None) -> None:
    payload = marshal.dumps(message)  # str, int, bool, None, list, dict; surrogate escapes kept
    data = _HEADER.pack(len(payload)) + payload
    if fds:
        import array

        sent = sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, array.array("i", fds))])
        data = data[sent:]
    sock.sendall(data)


def _receive(sock: _socket.socket, *, max_fds: int = 0) -> tuple[dict | None, list[int]]:
    """One message (None on a clean end of stream) and the descriptors that came with it."""
    buffer, fds = b"", []
    while len(buffer) < _HEADER.size:
        if max_fds and not fds:
            chunk, ancillary, _flags, _addr = sock.recvmsg(65536, _socket.CMSG_LEN(max_fds * 4))
            fds.extend(_descriptors(ancillary))
        else:
            chunk = sock.recv(65536)
        if not chunk:
            if buffer:
                raise WorkerGone("the connection ended inside a message")
            return None, fds
        buffer += chunk
    (size,) = _HEADER.unpack_from(buffer)
    if size > _MAX_MESSAGE:
        raise ValueError(f"message of {size} bytes is more than {_MAX_MESSAGE}")
    buffer = buffer[_HEADER.size:]
    while len(buffer) < size:
        chunk = sock.recv(size - len(buffer))
        if not chunk:
            raise WorkerGone("the connection ended inside a message")
        buffer += chunk
    try:
        message = marshal.loads(buffer[:size])
    except (EOFError, TypeError) as exc:
        raise ValueError(f"a malformed message: {exc}") from None
    if not isinstance(message, dict):
        raise ValueError("a malformed message: not a mapping")  # noqa: TRY004 - callers catch ValueError
    return message, fds


def _descriptors(ancillary: list[tuple[int, int, bytes]]) -> list[int]:
    import array

    fds = array.array("i")
    for level, kind, data in ancillary:
        if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
    return list(fds)


def _connect(path: str | os.PathLike[str], timeout: float) -> _socket.socket:
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        with _ShortAddress(path) as address:
            sock.connect(address)
    except BaseException:
        sock.close()
        raise
    return sock


class _ShortAddress:
    """``with _ShortAddress(path) as address``: a Unix socket's address is at most 107 bytes; a deep
    ``$AICMO_HOME`` (pytest's temporary folders) is reached through /proc/self/fd of an open
    descriptor of its folder instead, closed when the block ends."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.folder: int | None = None

    def __enter__(self) -> str:
        if len(os.fsencode(self.path)) < 100:
            return self.path
        self.folder = os.open(os.path.dirname(self.path), os.O_RDONLY | os.O_DIRECTORY)
        return f"/proc/self/fd/{self.folder}/{os.path.basename(self.path)}"

    def __exit__(self, *_exc: object) -> None:
        if self.folder is not None:
            os.close(self.folder)
            self.folder = None


def request(message: dict, home: Path | None = None, timeout: float = 5.0) -> dict | None:
    """Send one control message (``status``, ``stop``) to the worker; its answer, or None when no
    worker listens there."""
    try:
        sock = _connect(socket_path(home), timeout)
    except OSError:
        return None
    try:
        _send(sock, message)
        answer, _ = _receive(sock)
        return answer
    except (OSError, ValueError, WorkerGone):
        return None
    finally:
        sock.close()



def _signal_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


