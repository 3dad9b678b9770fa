"""What the launcher and the worker share: where the socket is, what code a worker serves (its
fingerprint), and how messages go between them (a length, then JSON; descriptors by SCM_RIGHTS)."""

from __future__ import annotations

import json
import os
import socket
import struct
import sys

from .. import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # the launcher imports this module on every command: no pathlib, typing or contextlib
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
    return sys.platform.startswith("linux") and hasattr(os, "pidfd_open") and hasattr(socket, "send_fds")


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
    path, size, mtime), its version, the interpreter and its start-up variables."""
    import hashlib

    env = environ if environ is not None else os.environ
    digest = hashlib.sha256(f"{__version__}\0{_PACKAGE}\0{sys.executable}\0{sys.version}".encode())
    for name in FINGERPRINT_VARIABLES:
        digest.update(f"\0{name}={env.get(name, '')}".encode(errors="surrogateescape"))
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
    for line in sorted(entries):
        digest.update(b"\n" + line.encode(errors="surrogateescape"))
    return digest.hexdigest()


# --------------------------------------------------------------------------- framing


def _send(sock: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    payload = json.dumps(message).encode()  # ensure_ascii keeps surrogate-escaped bytes intact
    data = _HEADER.pack(len(payload)) + payload
    if fds:
        sent = socket.send_fds(sock, [data], fds)
        data = data[sent:]
    sock.sendall(data)


def _receive(sock: socket.socket, *, max_fds: int = 0) -> tuple[dict | None, list[int]]:
    """One message (None on a clean end of stream) and the descriptors that came with it."""
    buffer, fds = b"", []
    while len(buffer) < _HEADER.size:
        if max_fds and not fds:
            chunk, received, _flags, _addr = socket.recv_fds(sock, 65536, max_fds)
            fds.extend(received)
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
    return json.loads(buffer[:size]), fds


def _connect(path: str | os.PathLike[str], timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
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
        with _connect(socket_path(home), timeout) as sock:
            _send(sock, message)
            answer, _ = _receive(sock)
            return answer
    except (OSError, ValueError, WorkerGone):
        return None



def _signal_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


