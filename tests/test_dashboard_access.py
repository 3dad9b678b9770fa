"""``aicmo dashboard`` is never left open to a network without a token or a hub in front."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicmo_kernel.cli import main
from aicmo_kernel.errors import ConfigurationError
from aicmo_kernel.serve import check_listen_address, dashboard_args, is_loopback
from aicmo_kernel.testing.dashboard import running_dashboard

TOKEN = "a-long-random-dashboard-token-0123456789"


@pytest.mark.parametrize("ip", ["localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1]"])
def test_loopback_needs_no_token(ip):
    assert is_loopback(ip)
    check_listen_address(ip, token=None)


@pytest.mark.parametrize("ip", ["0.0.0.0", "::", "", "192.0.2.10", "reviews.example.com"])
def test_any_other_address_needs_a_token_or_a_hub(ip, monkeypatch):
    with pytest.raises(ConfigurationError, match="needs|reachable from other machines") as refused:
        check_listen_address(ip, token=None)
    assert "--token" in refused.value.message and "JupyterHub" in refused.value.message
    check_listen_address(ip, token=TOKEN)
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    check_listen_address(ip, token=None)


def test_the_command_refuses_to_start_and_says_why():
    result = CliRunner().invoke(main, ["dashboard", "--ip", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 2
    assert "error [ip]: aicmo dashboard --ip 0.0.0.0: that address is reachable from other machines" in result.output
    assert "--token or AICMO_DASHBOARD_TOKEN" in result.output


def test_the_token_never_reaches_voilas_command_line():
    args = dashboard_args(port=8899, preheat=False, notebooks=Path("."), ip="0.0.0.0", token=True)
    assert "--Voila.ip=0.0.0.0" in args and "--Voila.auto_token=True" in args
    assert not any(TOKEN in arg for arg in args)


@pytest.mark.slow
def test_with_a_token_the_page_opens_only_with_it(isolated_env):
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        seed_demo(ws)
    env = dict(os.environ, AICMO_DASHBOARD_TOKEN=TOKEN)
    env.pop("AICMO_NOTEBOOK_SELFTEST", None)
    with running_dashboard(env, "--ip", "127.0.0.1", "--no-preheat") as base:
        page = f"{base}/voila/render/review.ipynb"
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(page, timeout=60)
        assert refused.value.code in (302, 403)
        with pytest.raises(urllib.error.HTTPError):
            opener.open(f"{base}/api/kernels", timeout=30)
        with urllib.request.urlopen(f"{page}?token={TOKEN}", timeout=120) as response:
            assert response.status == 200
            assert TOKEN not in response.read().decode("utf-8", "replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect to the login page is the answer
        return None
