"""docs/team.md's "Five people on one VM" configuration, run for real: JupyterHub loads the shipped
configuration and the documented OAuthenticator settings (every option recognised), and its
sign-in sends people to Google with the documented client and callback. Nothing leaves loopback:
the test reads the redirect, it does not follow it. The other providers the page names (Entra
ID, GitHub) are checked for the options it tells people to set."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from aicmo_kernel.serve import hub_environment
from aicmo_kernel.testing.dashboard import free_port
from aicmo_kernel.testing.hub import HubFailed, running_jupyterhub

pytest.importorskip("oauthenticator", reason="pip install oauthenticator (the test extra has it)")
TEAM_DOC = Path(__file__).resolve().parent.parent / "docs" / "team.md"


def _five_people_config() -> str:
    text = TEAM_DOC.read_text(encoding="utf-8")
    section = text[text.index("## Five people on one VM"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def _get(url: str) -> tuple[int, dict[str, str], str]:
    """One GET, redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")


def test_the_documented_google_sign_in_runs_on_a_real_hub(tmp_path, isolated_env):
    port = free_port()
    state = tmp_path / "state"
    state.mkdir()
    config = tmp_path / "jupyterhub_config.py"
    # The page's configuration as written, then only what a loopback test must change: no TLS
    # certificate or port 443 here, and a client id to look for.
    config.write_text(_five_people_config() + (
        f"\nc.JupyterHub.ip = '127.0.0.1'\nc.JupyterHub.port = {port}\n"
        "c.JupyterHub.ssl_cert = ''\nc.JupyterHub.ssl_key = ''\n"
        "c.GoogleOAuthenticator.client_id = 'aicmo-test.apps.googleusercontent.com'\n"), encoding="utf-8")
    env = hub_environment(team=None, port=port, state=state, password=None,
                          database_url=f"sqlite:///{isolated_env / 'workspace.sqlite'}")
    env["AICMO_HOME"] = str(tmp_path / "home")
    try:
        with running_jupyterhub(env, config, port, start_timeout=90) as hub:
            status, _, page = _get(f"{hub.url}/hub/login")
            assert status == 200 and "Sign in with Google" in page
            status, headers, _ = _get(f"{hub.url}/hub/oauth_login")
            log = hub.log.read_text(encoding="utf-8", errors="replace")
    except HubFailed as exc:
        pytest.fail(str(exc))
    assert status == 302, headers
    target = urllib.parse.urlsplit(headers["location"])
    query = dict(urllib.parse.parse_qsl(target.query))
    assert (target.scheme, target.hostname) == ("https", "accounts.google.com")
    assert query["client_id"] == "aicmo-test.apps.googleusercontent.com"
    assert query["redirect_uri"] == "https://aicmo.agency.example/hub/oauth_callback"  # as documented
    assert query["response_type"] == "code" and query["state"]
    assert "oauthenticator-state" in headers.get("set-cookie", "")
    assert "GoogleOAuthenticator" in log
    assert not re.search(r"not recognized|is deprecated", log), re.findall(r".*(?:not recognized|is deprecated).*", log)


@pytest.mark.parametrize("name, options", [
    ("google", ["client_id", "client_secret", "oauth_callback_url", "hosted_domain", "allowed_users",
                "manage_groups"]),
    ("azuread", ["tenant_id", "client_id", "client_secret", "oauth_callback_url", "allow_all"]),
    ("github", ["allowed_organizations", "client_id", "client_secret"]),
])
def test_every_provider_option_the_page_names_exists(name, options):
    [found] = [e for e in entry_points(group="jupyterhub.authenticators") if e.name == name]
    traits = found.load().class_trait_names(config=True)
    assert [o for o in options if o not in traits] == []
