"""JupyterHub for an AICMO team: who signs in, which groups they are in, what each gets.

``aicmo hub`` runs JupyterHub with this file for a trial team on loopback. A deployment reuses it
from its own ``jupyterhub_config.py`` and changes only what differs there (docs/team.md)::

    c = get_config()
    load_subconfig("/path/to/aicmo_kernel/share/jupyterhub_config.py")
    c.JupyterHub.authenticator_class = "google"      # an OAuthenticator; TLS at the proxy
    c.JupyterHub.spawner_class = "localprocess"      # one system user per person

Everything here is JupyterHub's own: sign-in (its authenticators), users and groups (its admin
page or ``load_groups``), roles and scopes, the proxy, spawners and the idle culler. The workbench
reads only what the hub tells a server: its user's name and groups (``aicmo_kernel.identity``).

What each person's server is, from their groups:

- ``aicmo-analysts``, ``aicmo-admins``: JupyterLab on the notebooks (``jupyterhub-singleuser``).
- ``aicmo-reviewers``: standalone Voila on the notebooks, behind ``jhsingle-native-proxy``, which
  lets in only the server's owner (the hub's OAuth). Standalone Voila's kernels accept widget
  messages only (no ``execute_request``), and it serves no Lab, terminals or contents API.
  The kernel runs as the reviewer, so ``JUPYTERHUB_USER`` is the person looking at the page.
- ``client-<brand>``: the same, on a folder holding only the client's review page.
- nobody else gets a server.

Settings come from the environment that ``aicmo hub`` sets (each has a default for a deployment
that sets none): ``AICMO_HUB_TEAM`` (a YAML team file: analysts, reviewers, admins, clients by
brand), ``AICMO_HUB_PASSWORD`` (the trial's shared password; no password: bring an
authenticator), ``AICMO_HUB_STATE`` (the hub's database and cookie secret), ``AICMO_HUB_IP``,
``AICMO_HUB_PORT``, ``AICMO_HUB_API_PORT``, ``AICMO_HUB_PROXY_API_PORT``, ``AICMO_HUB_CULL_SECONDS``
(idle servers are stopped after this long; 3600, 0: never), ``AICMO_CHP`` (the
``configurable-http-proxy`` to run), ``AICMO_NOTEBOOKS`` and ``AICMO_DATABASE_URL`` (passed on
to every server: one shared workspace, PostgreSQL for a team), ``AICMO_ANALYST_DATABASE_URL``
(the same database as the analysts' guarded role, given to analysts' servers instead).
"""

# ruff: noqa: F821 - ``get_config`` is given by JupyterHub when it loads this file
from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

c = get_config()  # type: ignore[name-defined]

SHARE = Path(__file__).resolve().parent
PACKAGE = SHARE.parent
BIN = Path(sys.executable).parent
NOTEBOOKS = Path(os.environ.get("AICMO_NOTEBOOKS") or PACKAGE.parent / "notebooks")
CLIENT_NOTEBOOKS = SHARE / "hub" / "client"
STATE = Path(os.environ.get("AICMO_HUB_STATE") or ".").resolve()
STAFF_LAB_GROUPS = {"aicmo-analysts", "aicmo-admins"}
REVIEWER_GROUP = "aicmo-reviewers"
CLIENT_PREFIX = "client-"
# What a person's server inherits from the hub's environment. Provider keys go to Lab users only.
SHARED_VARIABLES = ["AICMO_DATABASE_URL", "AICMO_NO_DOTENV", "LANG", "LC_ALL", "PATH", "VIRTUAL_ENV"]
# Analysts run code in Lab: their servers may connect as a PostgreSQL role that cannot approve
# (``aicmo db guard-analysts``; docs/team.md). Admins, reviewers and clients keep AICMO_DATABASE_URL.
ANALYST_DATABASE_URL = os.environ.get("AICMO_ANALYST_DATABASE_URL", "").strip()
PROVIDER_VARIABLES = [name for name in os.environ if name.startswith(("OPENAI_", "ANTHROPIC_", "AICMO_LLM_",
                                                                      "AICMO_OPENAI_", "AICMO_ANTHROPIC_"))]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _team() -> dict[str, list[str]]:
    """The team file as groups: {"aicmo-analysts": [...], ..., "client-<brand>": [...]}."""
    path = os.environ.get("AICMO_HUB_TEAM", "").strip()
    if not path:
        return {}
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    groups = {f"aicmo-{role}": [str(u) for u in data.get(role) or []] for role in ("analysts", "reviewers", "admins")}
    for brand, users in (data.get("clients") or {}).items():
        groups[f"{CLIENT_PREFIX}{_slug(str(brand))}"] = [str(u) for u in users or []]
    return {name: users for name, users in groups.items() if users}


# --------------------------------------------------------------------------- the hub and its proxy

c.JupyterHub.ip = os.environ.get("AICMO_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("AICMO_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("AICMO_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ.get('AICMO_HUB_PROXY_API_PORT', '8001'))}"
_chp = os.environ.get("AICMO_CHP") or shutil.which("configurable-http-proxy")
if _chp:
    c.ConfigurableHTTPProxy.command = [_chp]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True

# --------------------------------------------------------------------------- people and groups

TEAM = _team()
if TEAM:
    c.JupyterHub.load_groups = {name: {"users": users} for name, users in TEAM.items()}
    c.Authenticator.allowed_users = {user for users in TEAM.values() for user in users}
if os.environ.get("AICMO_HUB_PASSWORD"):
    # A trial on loopback: one shared password. A team brings an OAuthenticator (docs/team.md).
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ["AICMO_HUB_PASSWORD"]
# aicmo admins manage users and groups on the hub's admin page, but are not hub admins: a hub
# admin may open anyone's server, and a page opened there would act as its owner.
c.JupyterHub.load_roles = [{
    "name": "aicmo-admin",
    "description": "AICMO admins: the admin page's users and groups, never other people's servers",
    "scopes": ["admin-ui", "list:users", "read:users", "admin:users", "list:groups", "read:groups",
               "admin:groups"],
    "groups": ["aicmo-admins"],
}]

# --------------------------------------------------------------------------- each person's server

c.JupyterHub.spawner_class = os.environ.get("AICMO_HUB_SPAWNER", "simple")
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "homes" / "{username}")
c.Spawner.env_keep = SHARED_VARIABLES
# A morning's burst of sign-ins queues for the CPU: on 2 cores, 50 reviewers arriving at once need
# minutes between them (docs/benchmarks.md, "Team hub"). A server that starts late is better than
# a spawn that fails and must be retried, so the hub waits up to five minutes.
START_SECONDS = 300
c.Spawner.start_timeout = START_SECONDS
c.Spawner.http_timeout = START_SECONDS
# Voila and Lab stop within a second of SIGINT; waiting longer only delays a hub's shutdown.
c.LocalProcessSpawner.interrupt_timeout = 3
c.LocalProcessSpawner.term_timeout = 3


def _voila(notebooks: Path) -> list[str]:
    """Standalone Voila behind jhsingle-native-proxy (the hub's OAuth; the owner only), started
    through ``aicmo_kernel.hub_proxy`` for its websocket origin fix."""
    return [
        sys.executable, "-m", "aicmo_kernel.hub_proxy", "--destport=0", "--authtype=oauth", "--ready-check-path=/",
        f"--ready-timeout={START_SECONDS}", "--progressive", "--last-activity-interval=60", "--no-force-alive",
        str(BIN / "voila"), str(notebooks),  # jhsingle-native-proxy's options parser would take "-m"
        "{--}port={port}", "{--}Voila.ip=127.0.0.1", "{--}no-browser", "{--}Voila.port_retries=0",
        "{--}Voila.base_url={base_url}/", "{--}Voila.server_url=/",
        "{--}strip_sources=True", "{--}show_tracebacks=False", "{--}theme=light", "{--}template=aicmo",
    ]


def aicmo_pre_spawn(spawner) -> None:
    """Choose the person's server from their groups (read from the hub's database now, so a
    change on the admin page applies at their next start)."""
    from tornado import web

    groups = {group.name for group in spawner.user.groups}
    env = {"JUPYTER_PATH": str(SHARE / "jupyter")}  # Voila's "aicmo" template
    if getattr(spawner, "home_dir", None):  # the trial's spawner: a folder per person
        env["AICMO_HOME"] = str(Path(spawner.home_dir) / ".aicmo")
    if groups & STAFF_LAB_GROUPS:
        spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            spawner.args = [*spawner.args, "--allow-root"]  # the trial's spawner in a container or CI as root
        spawner.notebook_dir = str(NOTEBOOKS)
        spawner.default_url = "/lab"
        env.update({name: os.environ[name] for name in PROVIDER_VARIABLES})
        if ANALYST_DATABASE_URL and "aicmo-admins" not in groups:
            env["AICMO_DATABASE_URL"] = ANALYST_DATABASE_URL  # the guarded role (store.analyst_guard)
    elif REVIEWER_GROUP in groups:
        spawner.cmd = _voila(NOTEBOOKS)
        spawner.default_url = "/voila/render/review.ipynb"
    elif any(group.startswith(CLIENT_PREFIX) for group in groups):
        spawner.cmd = _voila(CLIENT_NOTEBOOKS)
        spawner.default_url = "/voila/render/review.ipynb"
    else:
        raise web.HTTPError(403, f"{spawner.user.name} is in no AICMO group yet; ask an admin to add you to one")
    spawner.environment = {**spawner.environment, **env}


c.Spawner.pre_spawn_hook = aicmo_pre_spawn

# --------------------------------------------------------------------------- idle servers

CULL_SECONDS = int(os.environ.get("AICMO_HUB_CULL_SECONDS", "3600"))  # 0: keep idle servers
try:
    import jupyterhub_idle_culler  # noqa: F401
except ImportError:
    CULL_SECONDS = 0
if CULL_SECONDS > 0:
    c.JupyterHub.services = [{"name": "idle-culler", "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                                                                  f"--timeout={CULL_SECONDS}"]}]
    c.JupyterHub.load_roles.append({"name": "idle-culler", "services": ["idle-culler"],
                                    "scopes": ["list:users", "read:users:activity", "read:servers",
                                               "delete:servers"]})
