"""The shipped JupyterHub configuration and ``aicmo hub``, without starting a hub (tests/browser/
test_team_hub.py runs a real one): groups from the team file, each role's server, the refusals."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from traitlets.config import Config

from aicmo_kernel.cli import main
from aicmo_kernel.hub_proxy import same_origin
from aicmo_kernel.serve import hub_config_path, hub_environment

TEAM = "analysts: [ann]\nreviewers: [rita]\nadmins: [ada]\nclients:\n  Acme Foods Ltd.: [carla]\n"


def load_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> tuple[Config, dict]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    namespace: dict = {"get_config": lambda: config, "__file__": str(hub_config_path())}
    exec(compile(hub_config_path().read_text(), str(hub_config_path()), "exec"), namespace)  # noqa: S102
    return config, namespace


def spawner(name: str, groups: list[str], home: Path) -> types.SimpleNamespace:
    user = types.SimpleNamespace(name=name, groups=[types.SimpleNamespace(name=g) for g in groups])
    return types.SimpleNamespace(user=user, cmd=None, args=[], environment={}, home_dir=str(home / name),
                                 default_url="", notebook_dir="")


def test_groups_and_people_come_from_the_team_file(monkeypatch, tmp_path):
    team = tmp_path / "team.yaml"
    team.write_text(TEAM)
    config, _ = load_config(monkeypatch, tmp_path, AICMO_HUB_TEAM=str(team), AICMO_HUB_STATE=str(tmp_path),
                            AICMO_HUB_PASSWORD="a-trial-password")
    assert config.JupyterHub.load_groups == {
        "aicmo-analysts": {"users": ["ann"]}, "aicmo-reviewers": {"users": ["rita"]},
        "aicmo-admins": {"users": ["ada"]}, "client-acme-foods-ltd": {"users": ["carla"]}}
    assert config.Authenticator.allowed_users == {"ann", "rita", "ada", "carla"}
    assert config.JupyterHub.ip == "127.0.0.1" and config.JupyterHub.authenticator_class == "shared-password"
    [admin_role] = [r for r in config.JupyterHub.load_roles if r["name"] == "aicmo-admin"]
    assert "access:servers" not in admin_role["scopes"] and admin_role["groups"] == ["aicmo-admins"]


def test_each_role_gets_its_server_and_nobody_else_gets_one(monkeypatch, tmp_path):
    from tornado import web

    _, namespace = load_config(monkeypatch, tmp_path, AICMO_HUB_STATE=str(tmp_path), OPENAI_API_KEY="sk-test-1234567")
    hook = namespace["aicmo_pre_spawn"]
    analyst = spawner("ann", ["aicmo-analysts"], tmp_path)
    hook(analyst)
    assert analyst.cmd[0].endswith("jupyterhub-singleuser") and analyst.default_url == "/lab"
    reviewer = spawner("rita", ["aicmo-reviewers"], tmp_path)
    hook(reviewer)
    assert reviewer.cmd[1:3] == ["-m", "aicmo_kernel.hub_proxy"] and "--authtype=oauth" in reviewer.cmd
    assert "{--}strip_sources=True" in reviewer.cmd and "{--}show_tracebacks=False" in reviewer.cmd
    assert reviewer.cmd[reviewer.cmd.index("--no-force-alive") + 2].endswith("notebooks")
    assert "OPENAI_API_KEY" in analyst.environment and "OPENAI_API_KEY" not in reviewer.environment
    client = spawner("carla", ["client-acme"], tmp_path)
    hook(client)
    folder = Path(client.cmd[client.cmd.index("--no-force-alive") + 2])
    assert sorted(p.name for p in folder.iterdir()) == ["review.ipynb"]  # the client's page, nothing else
    with pytest.raises(web.HTTPError, match="no AICMO group"):
        hook(spawner("ned", ["staff"], tmp_path))


def test_analysts_servers_connect_as_the_guarded_role_when_one_is_given(monkeypatch, tmp_path):
    guarded = "postgresql+psycopg://ann_role:pw@db.internal/aicmo"
    _, namespace = load_config(monkeypatch, tmp_path, AICMO_HUB_STATE=str(tmp_path),
                               AICMO_DATABASE_URL="postgresql+psycopg://aicmo:pw@db.internal/aicmo",
                               AICMO_ANALYST_DATABASE_URL=guarded)
    people = {name: spawner(name, groups, tmp_path) for name, groups in
              (("ann", ["aicmo-analysts"]), ("ada", ["aicmo-admins", "aicmo-analysts"]), ("rita", ["aicmo-reviewers"]))}
    for person in people.values():
        namespace["aicmo_pre_spawn"](person)
    assert people["ann"].environment["AICMO_DATABASE_URL"] == guarded
    # admins and reviewers keep the workspace's own user (inherited through env_keep)
    assert "AICMO_DATABASE_URL" not in people["ada"].environment
    assert "AICMO_DATABASE_URL" not in people["rita"].environment


def test_the_hub_needs_a_password_for_the_trial(isolated_env, tmp_path):
    result = CliRunner().invoke(main, ["hub"])
    assert result.exit_code == 2 and "AICMO_HUB_PASSWORD" in result.output


def test_the_voila_proxy_accepts_only_its_own_origin():
    def handler(**headers: str):
        return types.SimpleNamespace(request=types.SimpleNamespace(headers=headers))

    assert same_origin(handler(Host="127.0.0.1:8000"), "http://127.0.0.1:8000")
    assert same_origin(handler(Host="10.0.0.5:8000", **{"X-Forwarded-Host": "team.example.com"}),
                       "https://team.example.com")
    assert not same_origin(handler(Host="127.0.0.1:8000"), "http://evil.example")
    assert not same_origin(handler(), "http://127.0.0.1:8000")


def test_every_server_of_the_trial_shares_the_hubs_workspace(isolated_env, tmp_path, monkeypatch):
    proxy = tmp_path / "configurable-http-proxy"
    proxy.write_text("#!/bin/sh\n")
    proxy.chmod(0o755)
    monkeypatch.setenv("AICMO_CHP", str(proxy))
    monkeypatch.setenv("AICMO_HUB_PASSWORD", "left-over-from-the-shell")
    url = f"sqlite:///{isolated_env / 'workspace.sqlite'}"
    env = hub_environment(team=None, port=8000, state=tmp_path, password=None, database_url=url)
    assert env["AICMO_DATABASE_URL"] == url and env["AICMO_CHP"] == str(proxy)
    assert "AICMO_HUB_PASSWORD" not in env and "AICMO_HUB_TEAM" not in env
