"""The command line under JupyterHub: the signed-in person acts, a typed name for anyone else is
refused, and the roles hold as in the widgets (the workflow decides)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fixtures_store import generate, make_campaign

from aicmo_kernel.cli import main
from aicmo_kernel.store import Workspace


@pytest.fixture
def run(isolated_env, hub):
    with Workspace.open() as ws:
        make_campaign(ws)
        hub.sign_in("ann", ["aicmo-analysts"])
        generate(ws, "Spring launch", "intake", actor="ann")

    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def _events():
    with Workspace.open() as ws:
        return [(e.action, e.actor) for d in ws.list_deliverables("Spring launch", "intake")
                for e in ws.list_review_events(d.id)]


def test_approve_for_someone_else_is_refused_and_records_nothing(run, hub):
    hub.sign_in("rita", ["aicmo-reviewers"])
    result = run("approve", "--campaign", "Spring launch", "--module", "intake", "--all", "--reviewer", "boss")
    assert result.exit_code == 2
    assert "you are signed in as rita; what you do is recorded as rita, not 'boss'" in result.output
    assert _events() == []
    result = run("approve", "--campaign", "Spring launch", "--module", "intake", "--all")
    assert result.exit_code == 0, result.output
    assert _events() == [("approve", "rita"), ("approve", "rita")]


def test_the_analyst_cannot_approve_from_the_command_line(run, hub):
    hub.sign_in("ann", ["aicmo-analysts"])
    result = run("approve", "--campaign", "Spring launch", "--module", "intake", "--all")
    assert result.exit_code == 2 and "ann may not approve" in result.output
    assert _events() == []


def test_policy_and_review_settings_are_for_the_signed_in_admin(run, hub):
    hub.sign_in("rita", ["aicmo-reviewers"])
    result = run("policy", "set", "--campaign", "Spring launch", "--level", "full")
    assert result.exit_code == 2 and "only admins may" in result.output
    hub.sign_in("ada", ["aicmo-admins"])
    assert run("policy", "set", "--campaign", "Spring launch", "--level", "semi", "--by", "boss").exit_code == 2
    result = run("policy", "set", "--campaign", "Spring launch", "--level", "semi")
    assert result.exit_code == 0 and "semi" in result.output
    assert "set by ada" in run("policy", "show", "--campaign", "Spring launch").output
    result = run("policy", "four-eyes", "--brand", "Acme Outdoor", "on")
    assert result.output.strip() == "brand Acme Outdoor: four-eyes on"
    result = run("policy", "client-review", "--campaign", "Spring launch", "on")
    assert result.output.strip() == "campaign Spring launch: client review on"
    assert run("memory", "add", "--brand", "Acme Outdoor", "Say trail, not track.", "--by", "boss").exit_code == 2
    assert run("memory", "add", "--brand", "Acme Outdoor", "Say trail, not track.").exit_code == 0
    hub.sign_in("rita", ["aicmo-reviewers"])
    assert run("memory", "add", "--brand", "Acme Outdoor", "Say hike.").exit_code == 2


def test_outside_a_hub_the_review_settings_work_as_before(isolated_env):
    with Workspace.open() as ws:
        make_campaign(ws)
    runner = CliRunner()
    result = runner.invoke(main, ["policy", "four-eyes", "--brand", "Acme Outdoor", "on", "--by", "sam"])
    assert result.exit_code == 0 and "four-eyes on" in result.output
    with Workspace.open() as ws:
        assert ws.get_brand("Acme Outdoor").four_eyes
        assert [(a.actor, a.action) for a in ws.audit_log() if a.action == "brand.four_eyes"] == [("sam", "brand.four_eyes")]
