"""A throwaway PostgreSQL server for tests: real binaries, loopback only, gone when stopped.

``PostgresServer`` runs ``initdb`` and ``pg_ctl`` in a temporary folder, listens on 127.0.0.1 on a
free port with trust authentication (only this machine's loopback can reach it), keeps its unix
socket inside the folder, and hands out SQLAlchemy URLs. Durability is switched off (``fsync``,
``synchronous_commit``, ``full_page_writes``) because the data dies with the test session anyway.

PostgreSQL refuses to run as root, so under root the server runs as an unprivileged user
(``postgres`` if the system has one, else ``nobody``) through ``setpriv``/``runuser``, and the
temporary folder is handed to that user.

    with PostgresServer() as server:
        url = server.create_database("aicmo_test_1")
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import queue
import tempfile
import threading
import uuid
from pathlib import Path

__all__ = ["DatabasePool", "PostgresServer", "PostgresUnavailable", "find_postgres_bin"]

_SEARCH_GLOBS = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin", "/opt/homebrew/opt/postgresql*/bin")


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL binaries are missing or the server would not start (the message says which)."""


def find_postgres_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: from PATH, else the usual install places."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    for pattern in _SEARCH_GLOBS:
        # Newest major version first: "15" sorts after "9" only numerically.
        for folder in sorted(glob.glob(pattern), key=_version_key, reverse=True):
            if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
                return Path(folder)
    return None


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in Path(path).parent.name.replace("pgsql-", "").split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A PostgreSQL server in a temporary folder. ``start()`` returns the admin URL."""

    def __init__(self, *, bin_dir: Path | None = None, superuser: str = "postgres"):
        self.bin_dir = bin_dir or find_postgres_bin()
        self.superuser = superuser
        self.port: int | None = None
        self._root: Path | None = None
        self._run_as: pwd.struct_passwd | None = None

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> str:
        if self.bin_dir is None:
            raise PostgresUnavailable(
                "PostgreSQL binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin"
            )
        if self._root is not None:
            return self.url
        self._root = Path(tempfile.mkdtemp(prefix="aicmo-pg-"))
        atexit.register(self.stop)
        self._run_as = _unprivileged_user() if os.geteuid() == 0 else None
        if self._run_as is not None:
            os.chown(self._root, self._run_as.pw_uid, self._run_as.pw_gid)
        try:
            self._initdb()
            self._start_server()
        except BaseException:
            self.stop()
            raise
        return self.url

    def stop(self) -> None:
        """Stop the server (immediately: nothing in it needs saving) and delete its folder."""
        root, self._root = self._root, None
        if root is None:
            return
        data = root / "data"
        if (data / "postmaster.pid").exists():
            self._run([self._bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], check=False)
        shutil.rmtree(root, ignore_errors=True)

    def __enter__(self) -> "PostgresServer":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----------------------------------------------------------------- databases

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, database: str) -> str:
        if self.port is None:
            raise PostgresUnavailable("the server is not running; call start() first")
        return f"postgresql+psycopg://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """Create a database (a fresh unique name by default), empty or a copy of ``template``,
        and return its URL. The template must have no open connections."""
        import psycopg

        name = name or f"aicmo_{uuid.uuid4().hex[:12]}"
        for value in (name, template or "x"):
            if not value.replace("_", "").isalnum():
                raise ValueError(f"database names here are letters, digits and underscores, not {value!r}")
        statement = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        with psycopg.connect(self._dsn("postgres"), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self._dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]

    # ----------------------------------------------------------------- internals

    def _dsn(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={self.superuser} dbname={database} connect_timeout=10"

    def _bin(self, name: str) -> str:
        assert self.bin_dir is not None
        return str(self.bin_dir / name)

    def _initdb(self) -> None:
        assert self._root is not None
        self._run([
            self._bin("initdb"), "-D", str(self._root / "data"), "-U", self.superuser, "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        ])

    def _start_server(self) -> None:
        assert self._root is not None
        sockets = self._root / "sockets"
        sockets.mkdir()
        if self._run_as is not None:
            os.chown(sockets, self._run_as.pw_uid, self._run_as.pw_gid)
        last_error = ""
        for _attempt in range(3):  # the free port may be taken between probing and binding
            self.port = _free_port()
            options = (
                f"-h 127.0.0.1 -p {self.port} -k {sockets} -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=200"
            )
            result = self._run(
                [self._bin("pg_ctl"), "-D", str(self._root / "data"), "-l", str(self._root / "server.log"),
                 "-o", options, "-w", "-t", "60", "start"],
                check=False,
            )
            if result.returncode == 0:
                return
            last_error = self._log_tail()
        raise PostgresUnavailable(f"PostgreSQL would not start: {last_error}")

    def _log_tail(self) -> str:
        assert self._root is not None
        log = self._root / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"

    def _run(self, argv: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        program = Path(argv[0]).name
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        if self._run_as is not None:
            argv = _as_user(self._run_as) + argv
            env["HOME"] = str(self._root)
        result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=self._root, timeout=120)
        if check and result.returncode != 0:
            detail = (result.stderr or result.stdout).strip()[-2000:]
            raise PostgresUnavailable(f"{program} failed (exit {result.returncode}): {detail}")
        return result


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _as_user(user: pwd.struct_passwd) -> list[str]:
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
    if shutil.which("runuser"):
        return ["runuser", "-u", user.pw_name, "--"]
    raise PostgresUnavailable("running as root, and neither setpriv nor runuser is available to drop privileges")


class DatabasePool:
    """Fresh databases copied from a template, created ahead of demand on a background thread.

    CREATE DATABASE costs a few hundred milliseconds however small the template is; making the
    next few while tests run keeps a per-test database cheap.
    """

    def __init__(self, server: PostgresServer, template: str, *, ahead: int = 4, workers: int = 3):
        self._server = server
        self._template = template
        self._ready: queue.Queue[str | BaseException] = queue.Queue(maxsize=ahead)
        self._stopping = threading.Event()
        self._threads = [
            threading.Thread(target=self._fill, name=f"aicmo-pg-pool-{n}", daemon=True) for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def get(self, timeout: float = 60) -> str:
        """The URL of a database nobody has used yet."""
        item = self._ready.get(timeout=timeout)
        if isinstance(item, BaseException):
            raise PostgresUnavailable(f"could not create a test database: {item}")
        return item

    def close(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=10)

    def _fill(self) -> None:
        while not self._stopping.is_set():
            try:
                item: str | BaseException = self._server.create_database(template=self._template)
            except BaseException as exc:  # handed to the consumer, which raises it
                item = exc
            while not self._stopping.is_set():
                try:
                    self._ready.put(item, timeout=0.2)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException):
                return
