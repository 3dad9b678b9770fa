"""Who is signed in: learned from the hub's API with the server's token, roles from its groups."""

from __future__ import annotations

import pytest

from aicmo_kernel.errors import ConfigurationError, PermissionDeniedError, ValidationError
from aicmo_kernel.identity import Identity, brand_slug, current_identity, resolve_actor


def test_outside_a_hub_the_named_person_may_do_everything():
    assert current_identity() is None
    person = resolve_actor("rita")
    assert (person.name, person.signed_in) == ("rita", False)
    for permission in ("generate", "edit", "review", "client_review", "set_policy", "brand_rules"):
        assert person.may(permission, brand="Anything")
    with pytest.raises(ValidationError, match="reviewer: give a name"):
        resolve_actor("  ")


def test_jupyterhub_user_alone_is_not_a_sign_in(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "mallory")
    assert current_identity() is None  # no hub API to vouch for it: the single-user workbench


@pytest.mark.parametrize(("groups", "roles"), [
    (["aicmo-analysts"], {"analyst"}),
    (["aicmo-reviewers", "unrelated"], {"reviewer"}),
    (["aicmo-admins", "aicmo-analysts"], {"admin", "analyst"}),
    (["client-acme-outdoor"], {"client"}),
    (["client-acme-outdoor", "aicmo-reviewers"], {"reviewer"}),  # staff: not limited to a brand
    ([], set()),
])
def test_roles_come_from_groups(groups, roles):
    assert Identity("x", frozenset(groups), signed_in=True).roles == roles


def test_what_each_role_may_do():
    analyst = Identity("ann", frozenset({"aicmo-analysts"}), signed_in=True)
    reviewer = Identity("rita", frozenset({"aicmo-reviewers"}), signed_in=True)
    admin = Identity("ada", frozenset({"aicmo-admins"}), signed_in=True)
    client = Identity("carla", frozenset({"client-acme-outdoor"}), signed_in=True)
    nobody = Identity("ned", frozenset({"staff"}), signed_in=True)
    assert analyst.may("generate") and analyst.may("edit") and not analyst.may("review")
    assert reviewer.may("review") and reviewer.may("edit") and not reviewer.may("generate")
    assert not reviewer.may("set_policy") and admin.may("set_policy") and admin.may("brand_rules")
    assert not admin.may("client_review")  # the client's approval is the client's own
    assert client.may("client_review", brand="Acme Outdoor") and not client.may("client_review", brand="Bolt Bikes")
    assert not client.may("review", brand="Acme Outdoor") and not client.may("view", brand="Bolt Bikes")
    assert not any(nobody.may(p) for p in ("view", "edit", "comment", "generate", "review"))
    with pytest.raises(PermissionDeniedError, match="ann may not approve, request changes or revoke: only "
                                                    "reviewers or admins may \\(your roles: analyst\\)"):
        analyst.require("review")
    with pytest.raises(PermissionDeniedError, match="^carla may not see this item$"):
        client.require("view", brand="Bolt Bikes")  # says nothing about that brand


def test_brand_slugs_match_client_groups():
    assert brand_slug("Acme Foods Ltd.") == "acme-foods-ltd"
    assert brand_slug("  Rotaly ") == "rotaly"
    client = Identity("c", frozenset({"client-acme-foods-ltd"}), signed_in=True)
    assert client.sees_brand("ACME foods, Ltd") and not client.sees_brand("Acme")


def test_the_hub_says_who_the_servers_token_belongs_to(hub):
    token = hub.sign_in("rita", ["aicmo-reviewers", "client-rotaly"])
    person = current_identity()
    assert person == Identity("rita", frozenset({"aicmo-reviewers", "client-rotaly"}), signed_in=True)
    assert current_identity() is person and hub.requests == ["/hub/api/user"]  # cached
    assert resolve_actor("rita") is person and resolve_actor(None) is person
    assert resolve_actor("autonomy:full") is person  # a policy's label; the workflow checks who runs it
    with pytest.raises(PermissionDeniedError, match="you are signed in as rita; what you do is recorded as "
                                                    "rita, not 'sam'"):
        resolve_actor("sam")
    with pytest.raises(PermissionDeniedError, match="signed in as rita"):
        resolve_actor(Identity("sam", frozenset({"aicmo-admins"}), signed_in=True))
    assert resolve_actor("cli:aicmo run", strict=False) is person  # a label from code, not a claim
    assert token not in repr(person)


def test_a_hub_that_does_not_answer_is_an_error_never_a_fallback(hub, monkeypatch):
    token = hub.sign_in("rita", ["aicmo-reviewers"])
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "not-a-token-the-hub-knows")
    with pytest.raises(ConfigurationError, match="refused this server's token \\(HTTP 403\\)") as refused:
        current_identity()
    assert "not-a-token" not in str(refused.value)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", token)
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:9/hub/api")  # nothing listens there
    with pytest.raises(ConfigurationError, match="cannot ask the hub's API"):
        current_identity()
    with pytest.raises(ConfigurationError):
        resolve_actor("rita")
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN")
    with pytest.raises(ConfigurationError, match="JUPYTERHUB_API_TOKEN is not"):
        current_identity()


def test_jupyterhub_user_must_agree_with_the_hub(hub, monkeypatch):
    hub.sign_in("ann", ["aicmo-analysts"])
    monkeypatch.setenv("JUPYTERHUB_USER", "rita")
    with pytest.raises(ConfigurationError, match="JUPYTERHUB_USER says 'rita' but the hub says"):
        current_identity()
