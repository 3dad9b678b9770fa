"""Start JupyterLab (``aicmo lab``) or the Voila dashboards (``aicmo dashboard``) on the notebooks,
with the workspace configured (``AICMO_HOME`` and the rest of the environment pass through)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .config import Settings
from .errors import ConfigurationError

__all__ = [
    "DASHBOARD_NOTEBOOK", "DEFAULT_DASHBOARD_PORT", "PREHEAT_BY_DEFAULT", "check_listen_address", "dashboard_args",
    "dashboard_url", "find_proxy", "hub_config_path", "hub_environment", "is_loopback", "notebooks_dir",
    "start_dashboard", "start_hub", "start_lab",
]

DASHBOARD_NOTEBOOK = "review.ipynb"
DASHBOARD_TEMPLATE = "aicmo"  # aicmo_kernel/share/jupyter/voila/templates/aicmo
DEFAULT_DASHBOARD_PORT = 8866
# Measured by bench/voila_first_render.py (docs/benchmarks.md, "Dashboards").
PREHEAT_BY_DEFAULT = True


def notebooks_dir() -> Path:
    """``$AICMO_NOTEBOOKS``, else the repository's ``notebooks/`` beside the package."""
    explicit = os.environ.get("AICMO_NOTEBOOKS", "").strip()
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_dir():
            raise ConfigurationError(f"AICMO_NOTEBOOKS is not a folder: {path}", field="AICMO_NOTEBOOKS")
        return path
    path = Path(__file__).resolve().parent.parent / "notebooks"
    if not path.is_dir():
        raise ConfigurationError(
            "cannot find the notebooks folder; set AICMO_NOTEBOOKS to the repository's notebooks/",
            field="AICMO_NOTEBOOKS",
        )
    return path


def start_lab(*, port: int | None = None, open_browser: bool = True) -> int:
    if importlib.util.find_spec("jupyterlab") is None:
        raise ConfigurationError(
            "JupyterLab is not installed; install the notebooks extra: pip install -e '.[notebooks]'",
            field="jupyterlab",
        )
    settings = Settings.from_env()
    settings.home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, AICMO_HOME=str(settings.home))
    args = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={notebooks_dir()}"]
    if port:
        args.append(f"--port={port}")
    if not open_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers and CI machines often run as root
    return _wait_passing_sigterm(subprocess.Popen(args, env=env))


def dashboard_url(port: int, notebook: str = DASHBOARD_NOTEBOOK, *, host: str = "localhost") -> str:
    return f"http://{host}:{port}/voila/render/{notebook}"


def dashboard_jupyter_path() -> str:
    """``JUPYTER_PATH`` with the package's own data folder first, where Voila finds the
    ``aicmo`` template (share/jupyter/voila/templates/aicmo)."""
    ours = str(Path(__file__).resolve().parent / "share" / "jupyter")
    return os.pathsep.join([ours, *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))])


def is_loopback(ip: str) -> bool:
    """Whether ``ip`` (an address or host name) listens on this machine only."""
    import ipaddress

    if ip.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_listen_address(ip: str, *, token: str | None) -> None:
    """Refuse a dashboard that anyone on the network could open: an address other than loopback
    needs a token (or a hub in front, which signs people in)."""
    from .identity import hub_configured

    if is_loopback(ip) or (token or "").strip() or hub_configured():
        return
    raise ConfigurationError(
        f"aicmo dashboard --ip {ip}: that address is reachable from other machines, and the dashboard would "
        "let anyone who reaches it approve as anyone. Give it a token (--token or AICMO_DASHBOARD_TOKEN; "
        "reviewers open the page with ?token=...), or serve reviewers through JupyterHub (aicmo hub, "
        "docs/team.md); without --ip it listens on localhost only", field="ip")


def dashboard_args(*, port: int, preheat: bool = PREHEAT_BY_DEFAULT, notebooks: Path | None = None,
                   ip: str = "localhost", token: bool = False) -> list[str]:
    """The Voila command line of ``aicmo dashboard`` (every option spelled out, for reviewers:
    sources stripped, tracebacks hidden, no browser of Voila's own). With ``token`` Voila asks
    for the token that ``JUPYTER_TOKEN`` holds in its environment (never on the command line,
    where any local user could read it)."""
    args = [
        sys.executable, "-m", "voila", str(notebooks or notebooks_dir()),
        f"--port={port}", "--Voila.port_retries=0",  # the port asked for, or a clear failure
        f"--Voila.ip={ip}",
        "--no-browser",  # start_dashboard opens the review page itself, once the server answers
        "--strip_sources=True",  # reviewers see widgets and text, never code
        "--show_tracebacks=False",  # errors reach them as messages with a trace id (ui.errors)
        "--theme=light",
        f"--template={DASHBOARD_TEMPLATE}",  # lab, without its stylesheets from a public CDN
    ]
    if token:
        args.append("--Voila.auto_token=True")  # the token is read from JUPYTER_TOKEN
    if preheat:
        # One kernel kept warm for the review queue only: heating all eleven notebooks would keep
        # eleven kernels resident for pages opened far less often (about a second cold). Voila
        # matches the deny-list against absolute paths; the value is a Python-literal list because
        # Voila does not declare VoilaKernelManager, so traitlets parses it late (literal_eval).
        every_other = f"^(?!(.*[/\\\\])?{re.escape(DASHBOARD_NOTEBOOK)}$)"
        args += ["--preheat_kernel=True", "--pool_size=1",
                 f"--VoilaKernelManager.preheat_denylist={json.dumps([every_other])}"]
    return args


def _free_port(start: int) -> int:
    for port in range(start, start + 50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise ConfigurationError(f"no free port from {start} to {start + 49}; pass --port", field="port")


def _open_when_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    """Open ``url`` in a browser once the server answers (Voila's own opener shows the file tree)."""
    import webbrowser

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url.rsplit("/voila/", 1)[0] + "/", timeout=2):
                break
        except urllib.error.HTTPError:  # it answers (asking for a token is an answer)
            break
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    else:
        return
    webbrowser.open(url)


def start_dashboard(*, port: int | None = None, open_browser: bool = True, preheat: bool = PREHEAT_BY_DEFAULT,
                    ip: str = "localhost", token: str | None = None) -> int:
    """Serve the notebooks as Voila dashboards and open the review queue; returns Voila's exit code.

    Voila runs with sources stripped and tracebacks hidden; a failure shows as a readable message
    with a trace id (``ui.guard`` for callbacks, ``ui.UnavailablePanel`` when a page cannot open).
    The review queue is served from a pre-heated kernel by default (``preheat=False`` or
    ``--no-preheat`` turns it off): bench/voila_first_render.py measured the complete page at a
    median 0.08 s pre-heated against 1.2 s from a cold kernel, about 16 times faster
    (docs/benchmarks.md, "Dashboards"). Only review.ipynb is pre-heated, one kernel, and the queue
    waits for the request before reading the workspace, so the page is never stale.
    Standalone Voila, unlike JupyterLab, has no root check, so no ``--allow-root`` is needed.
    It listens on localhost without a token by default; on any other address (``ip``) it needs
    ``token`` or a hub (``check_listen_address``), and the token is never printed.
    """
    check_listen_address(ip, token=token)
    if importlib.util.find_spec("voila") is None:
        raise ConfigurationError(
            "Voila is not installed; install the notebooks extra: pip install -e '.[notebooks]'", field="voila"
        )
    settings = Settings.from_env()
    settings.home.mkdir(parents=True, exist_ok=True)
    port = port or _free_port(DEFAULT_DASHBOARD_PORT)
    env = dict(os.environ, AICMO_HOME=str(settings.home), JUPYTER_PATH=dashboard_jupyter_path())
    env.pop("JUPYTER_TOKEN", None)
    if token:
        env["JUPYTER_TOKEN"] = token.strip()
    host = "localhost" if ip in ("localhost", "127.0.0.1") else (f"[{ip}]" if ":" in ip else ip)
    url = dashboard_url(port, host=host)
    hint = "  (open it with ?token=YOUR_TOKEN)" if token else ""
    print(f"AICMO dashboard: {url}{hint}  (Ctrl+C stops it)", file=sys.stderr, flush=True)
    # Its own session, so a terminal's Ctrl+C reaches this process only, which stops Voila once.
    process = subprocess.Popen(dashboard_args(port=port, preheat=preheat, ip=ip, token=bool(token)), env=env,
                               stderr=subprocess.PIPE, start_new_session=True)
    stopping = threading.Event()
    relay = threading.Thread(target=_relay_log, args=(process, stopping, settings.home / "logs" / "dashboard.log"),
                             daemon=True)
    relay.start()
    if open_browser and not token:  # with a token the person opens the page with theirs
        threading.Thread(target=_open_when_ready, args=(url, process), daemon=True).start()
    code = _wait_passing_sigterm(process, stopping=stopping)
    relay.join(timeout=5)
    if stopping.is_set():
        print("AICMO dashboard stopped", file=sys.stderr, flush=True)
    return code


def _relay_log(process: subprocess.Popen[bytes], stopping: threading.Event, log_path: Path) -> None:
    """Pass Voila's log to the terminal; once stopping, only Voila's own lines.

    A kernel shut down in the middle of a cell (the pre-heated kernel that refills the pool runs
    the review notebook ahead of any request) prints "Socket operation on non-socket" with a
    traceback when its reply meets the closed sockets: harmless, and nothing the person stopping
    the dashboard can act on. After Ctrl+C such kernel output goes to ``log_path`` only.
    """
    assert process.stderr is not None
    log = None
    for raw in iter(process.stderr.readline, b""):
        line = raw.decode("utf-8", "replace")
        if not stopping.is_set() or line.startswith("[Voila]"):
            sys.stderr.write(line)
            sys.stderr.flush()
            continue
        try:
            if log is None:
                log_path.parent.mkdir(parents=True, exist_ok=True)
                log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the relay's life
                log.write(f"--- kernel output while stopping, {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}\n")
            log.write(line)
        except OSError:
            pass
    if log is not None:
        log.close()


def _wait_passing_sigterm(process: subprocess.Popen[bytes], *, stopping: threading.Event | None = None) -> int:
    """Wait for the server; SIGTERM and Ctrl+C are passed on to it, so it stops cleanly (Voila and
    Jupyter shut their kernels down, which run in sessions of their own) instead of being orphaned.
    ``stopping`` is set as soon as a stop was asked for."""

    def stop(*_: object) -> None:
        if stopping is not None:
            stopping.set()
        process.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return process.wait()
    except KeyboardInterrupt:
        stop()
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)


# --------------------------------------------------------------------------- aicmo hub

HUB_CONFIG = Path(__file__).resolve().parent / "share" / "jupyterhub_config.py"
DEFAULT_HUB_PORT = 8000


def hub_config_path() -> Path:
    """The JupyterHub configuration the package ships (a deployment loads it with ``load_subconfig``)."""
    return HUB_CONFIG


def find_proxy() -> str:
    """``configurable-http-proxy``: ``$AICMO_CHP``, the copy scripts/setup.sh installs beside the
    virtual environment (``.venv/chp``), else the one on the PATH."""
    import shutil

    explicit = os.environ.get("AICMO_CHP", "").strip()
    candidates = [explicit] if explicit else []
    candidates += [str(Path(sys.prefix) / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"),
                   shutil.which("configurable-http-proxy") or ""]
    for candidate in filter(None, candidates):
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ConfigurationError(
        "JupyterHub's proxy, configurable-http-proxy, is not installed: run scripts/setup.sh hub (it installs it "
        "with npm into .venv/chp), or npm install -g configurable-http-proxy, or set AICMO_CHP to its path",
        field="AICMO_CHP")


def hub_environment(*, team: Path | None, port: int, state: Path, password: str | None, database_url: str,
                    api_port: int | None = None, proxy_api_port: int | None = None) -> dict[str, str]:
    """The environment ``jupyterhub -f share/jupyterhub_config.py`` reads (see that file).

    Every person's server gets a folder of its own (``AICMO_HOME``), so the workspace is named
    explicitly: ``database_url``, the one ``aicmo hub`` was started with, shared by all."""
    env = dict(os.environ, AICMO_HUB_STATE=str(state), AICMO_HUB_IP="127.0.0.1", AICMO_HUB_PORT=str(port),
               AICMO_DATABASE_URL=database_url,
               AICMO_HUB_API_PORT=str(api_port or _free_port(port + 81)),
               AICMO_HUB_PROXY_API_PORT=str(proxy_api_port or _free_port(port + 1)),
               AICMO_CHP=find_proxy(), AICMO_NOTEBOOKS=str(notebooks_dir()))
    env.pop("AICMO_HUB_PASSWORD", None)
    env.pop("AICMO_HUB_TEAM", None)
    if password:
        env["AICMO_HUB_PASSWORD"] = password
    if team is not None:
        env["AICMO_HUB_TEAM"] = str(team.resolve())
    return env


def start_hub(*, team: Path | None, port: int | None = None, password: str | None = None) -> int:
    """JupyterHub on loopback for a trial team, from the shipped configuration; returns its exit code.

    Its database, cookie secret and the trial's per-person folders live in ``$AICMO_HOME/hub``.
    The trial's shared password comes from ``AICMO_HUB_PASSWORD`` (never a command line) and is
    never printed. Every server uses this workspace (``AICMO_DATABASE_URL``, else the SQLite file
    of ``$AICMO_HOME``). For a real team, see docs/team.md (an OAuthenticator, TLS, PostgreSQL)."""
    if importlib.util.find_spec("jupyterhub") is None:
        raise ConfigurationError("JupyterHub is not installed; install the hub extra: pip install -e '.[hub]'",
                                 field="jupyterhub")
    if team is not None and not team.is_file():
        raise ConfigurationError(f"--team: no such file {team}", field="team")
    if not password:
        raise ConfigurationError(
            "set AICMO_HUB_PASSWORD (8 characters or more) to the trial team's shared password; a team "
            "signs in with an OAuthenticator instead (docs/team.md)", field="AICMO_HUB_PASSWORD")
    settings = Settings.from_env()
    state = settings.home / "hub"
    state.mkdir(parents=True, exist_ok=True, mode=0o700)
    port = port or _free_port(DEFAULT_HUB_PORT)
    env = hub_environment(team=team, port=port, state=state, password=password,
                          database_url=settings.resolved_database_url)
    print(f"AICMO hub: http://127.0.0.1:{port}/  (Ctrl+C stops it; state in {state})", file=sys.stderr, flush=True)
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)], env=env, cwd=state,
                               start_new_session=True)
    return _wait_passing_sigterm(process)
