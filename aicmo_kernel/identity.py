"""Who is signed in, and what their roles let them do.

Under JupyterHub each person's server (JupyterLab for analysts, Voila for reviewers and clients)
runs as that person, with the hub's ``JUPYTERHUB_API_URL`` and a token of that server in its
environment. ``current_identity`` asks the hub who that token belongs to (``GET /user``: every
token may read its owner's name and groups) and caches the answer for a minute, so a change of
groups on the hub's admin page applies within a minute. The name is the hub's, never a form's or a
flag's: a name typed anywhere else is refused when it differs (``resolve_actor``).
``JUPYTERHUB_USER`` alone is not trusted (any process can set it); it must agree with the hub.

Roles come from the hub's groups::

    aicmo-analysts    analyst   generate, edit, comment
    aicmo-reviewers   reviewer  edit, comment, approve / request changes / revoke
    aicmo-admins      admin     all of the above, autonomy policies, brand rules and review settings
    client-<brand>    client    see, comment on and approve (client stage) that brand's items only

A person in no ``aicmo-*`` group may do nothing. A client group counts only for someone with no
staff role. Outside a hub (no ``JUPYTERHUB_API_URL``) nothing changes from the single-user
workbench: the name comes from ``--reviewer``, ``AICMO_REVIEWER`` or the form, and that person may
do everything (``Identity.local``).

Roles are enforced in ``workflow`` (the one place transitions are decided); the widgets only hide
what a role cannot use. An analyst's JupyterLab executes code with the workspace's database
credentials, so the roles bind everything reviewers and clients can reach (Voila: no code), and
analysts by the workflow's API, not by the database (docs/team.md says so).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Literal

from .errors import ConfigurationError, PermissionDeniedError

__all__ = [
    "ADMINS_GROUP",
    "ANALYSTS_GROUP",
    "CLIENT_GROUP_PREFIX",
    "PERMISSIONS",
    "POLICY_ACTOR_PREFIX",
    "REVIEWERS_GROUP",
    "ROLE_PERMISSIONS",
    "Identity",
    "Permission",
    "Role",
    "brand_slug",
    "clear_cache",
    "current_identity",
    "hub_configured",
    "is_policy_actor",
    "resolve_actor",
]

Role = Literal["analyst", "reviewer", "admin", "client"]
Permission = Literal[
    "generate",       # run a module (Generate, aicmo generate / run)
    "edit",           # save a new version, reset to an old one
    "comment",        # comment without changing the state
    "review",         # approve, request changes, revoke (the internal stage)
    "client_review",  # approve or send back at the client stage (own brand only)
    "set_policy",     # change a campaign's autonomy policy (also: approve a policy document)
    "brand_rules",    # brand-memory rules and the brand's review settings (four-eyes, client stage)
    "view",           # see a brand's campaigns and deliverables
]
PERMISSIONS: tuple[Permission, ...] = (
    "generate", "edit", "comment", "review", "client_review", "set_policy", "brand_rules", "view",
)

ANALYSTS_GROUP = "aicmo-analysts"
REVIEWERS_GROUP = "aicmo-reviewers"
ADMINS_GROUP = "aicmo-admins"
CLIENT_GROUP_PREFIX = "client-"
_STAFF_GROUPS: dict[str, Role] = {ANALYSTS_GROUP: "analyst", REVIEWERS_GROUP: "reviewer", ADMINS_GROUP: "admin"}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    "analyst": frozenset({"generate", "edit", "comment", "view"}),
    "reviewer": frozenset({"edit", "comment", "review", "view"}),
    "admin": frozenset({"generate", "edit", "comment", "review", "set_policy", "brand_rules", "view"}),
    "client": frozenset({"comment", "client_review", "view"}),
}
# What a client may do only within their own brands (everything a client may do).
_BRAND_SCOPED: frozenset[Permission] = ROLE_PERMISSIONS["client"]
_DESCRIBE: dict[Permission, str] = {
    "generate": "generate drafts", "edit": "edit deliverables", "comment": "comment",
    "review": "approve, request changes or revoke", "client_review": "review as the client",
    "set_policy": "change autonomy policies", "brand_rules": "change brand rules and review settings",
    "view": "see this brand's work",
}
_WHO_MAY: dict[Permission, str] = {
    permission: " or ".join(f"{role}s" for role, allowed in ROLE_PERMISSIONS.items() if permission in allowed)
    for permission in PERMISSIONS
}
# Approvals and generations made by the autonomy policy are recorded under this prefix
# ("autonomy:full"): a policy, not a person.
POLICY_ACTOR_PREFIX = "autonomy:"
CACHE_SECONDS = 60.0
HUB_TIMEOUT_SECONDS = 5.0


def brand_slug(name: str) -> str:
    """A brand name as it appears in a client group: lower case, runs of anything but letters and
    digits as one ``-`` (``Acme Foods Ltd.`` -> ``acme-foods-ltd``, group ``client-acme-foods-ltd``)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def is_policy_actor(name: str) -> bool:
    return name.startswith(POLICY_ACTOR_PREFIX)


@dataclass(frozen=True)
class Identity:
    """A person: their name and, when signed in through the hub (``signed_in``), their groups.

    An identity that is not signed in is the single-user workbench's person: every permission."""

    name: str
    groups: frozenset[str] = field(default_factory=frozenset)
    signed_in: bool = False

    @classmethod
    def local(cls, name: str) -> Identity:
        return cls(name=name)

    @property
    def roles(self) -> frozenset[Role]:
        if not self.signed_in:
            return frozenset(ROLE_PERMISSIONS)
        staff = {_STAFF_GROUPS[group] for group in self.groups if group in _STAFF_GROUPS}
        if staff:
            return frozenset(staff)
        return frozenset({"client"}) if self.client_brands else frozenset()

    @property
    def is_client(self) -> bool:
        """A client only: someone whose view is limited to their brands."""
        return self.signed_in and self.roles == frozenset({"client"})

    @property
    def client_brands(self) -> frozenset[str]:
        """The brand slugs of this person's ``client-<brand>`` groups."""
        return frozenset(group[len(CLIENT_GROUP_PREFIX):] for group in self.groups
                         if group.startswith(CLIENT_GROUP_PREFIX) and len(group) > len(CLIENT_GROUP_PREFIX))

    def sees_brand(self, brand: str) -> bool:
        """Whether anything of ``brand`` (a name) may reach this person."""
        if not self.signed_in:
            return True
        if self.is_client:
            return brand_slug(brand) in self.client_brands
        return bool(self.roles)

    def may(self, permission: Permission, *, brand: str | None = None) -> bool:
        if not self.signed_in:
            return True
        allowed = any(permission in ROLE_PERMISSIONS[role] for role in self.roles)
        if allowed and self.is_client and permission in _BRAND_SCOPED:
            return brand is not None and self.sees_brand(brand)
        return allowed

    def require(self, permission: Permission, *, brand: str | None = None) -> Identity:
        """Raise ``PermissionDeniedError`` (naming the role that may) unless this person may."""
        if self.may(permission, brand=brand):
            return self
        if self.is_client and permission in _BRAND_SCOPED:
            # Says nothing about whether that brand exists.
            raise PermissionDeniedError(f"{self.name} may not see this item", field="permission",
                                        details={"permission": permission})
        roles = ", ".join(sorted(self.roles)) or "no aicmo role (ask an admin to add you to a group)"
        raise PermissionDeniedError(
            f"{self.name} may not {_DESCRIBE[permission]}: only {_WHO_MAY[permission]} may "
            f"(your roles: {roles})", field="permission", details={"permission": permission},
        )


# --------------------------------------------------------------------------- the hub


def hub_configured() -> bool:
    """Whether this process runs in a server spawned by JupyterHub (its API URL is set)."""
    return bool(os.environ.get("JUPYTERHUB_API_URL", "").strip())


_cache: dict[tuple[str, str], tuple[float, Identity]] = {}
_cache_lock = threading.Lock()


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def current_identity() -> Identity | None:
    """The signed-in person under a hub; None outside one (the single-user workbench).

    Under a hub the answer comes from the hub's API with this server's token, and a failure to get
    it is an error, never a fall-back to a name from elsewhere."""
    api_url = os.environ.get("JUPYTERHUB_API_URL", "").strip().rstrip("/")
    if not api_url:
        return None
    token = (os.environ.get("JUPYTERHUB_API_TOKEN") or os.environ.get("JPY_API_TOKEN") or "").strip()
    if not token:
        raise ConfigurationError(
            "JUPYTERHUB_API_URL is set but JUPYTERHUB_API_TOKEN is not: this server cannot ask the hub "
            "who is signed in; start it from the hub", field="JUPYTERHUB_API_TOKEN")
    key = (api_url, token)
    now = time.monotonic()
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and now - cached[0] < CACHE_SECONDS:
            return cached[1]
    identity = _ask_hub(api_url, token)
    claimed = os.environ.get("JUPYTERHUB_USER", "").strip()
    if claimed and claimed != identity.name:
        raise ConfigurationError(
            f"JUPYTERHUB_USER says {claimed!r} but the hub says this server's token belongs to "
            f"{identity.name!r}; refusing to guess who is signed in", field="JUPYTERHUB_USER")
    with _cache_lock:
        _cache[key] = (now, identity)
    return identity


def _ask_hub(api_url: str, token: str) -> Identity:
    request = urllib.request.Request(f"{api_url}/user", headers={"Authorization": f"token {token}",
                                                                   "Accept": "application/json"})
    where = "the hub's API (JUPYTERHUB_API_URL)"
    try:
        with urllib.request.urlopen(request, timeout=HUB_TIMEOUT_SECONDS) as response:
            model = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise ConfigurationError(
            f"{where} refused this server's token (HTTP {exc.code}); restart your server from the hub",
            field="JUPYTERHUB_API_TOKEN") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc).__class__.__name__
        raise ConfigurationError(f"cannot ask {where} who is signed in ({reason}); try again, or ask an "
                                 "admin whether the hub is running", field="JUPYTERHUB_API_URL") from None
    name = model.get("name") if isinstance(model, dict) else None
    if model.get("kind", "user") != "user" or not isinstance(name, str) or not name.strip():
        raise ConfigurationError(f"{where} did not name a user for this server's token", field="JUPYTERHUB_API_TOKEN")
    groups = model.get("groups") or []
    return Identity(name=name.strip(), groups=frozenset(g for g in groups if isinstance(g, str)), signed_in=True)


def resolve_actor(claimed: str | Identity | None, *, field: str = "reviewer", strict: bool = True) -> Identity:
    """The person a call acts for.

    Under a hub: the signed-in person. A name (or identity) given that differs from theirs is
    refused, so a typed ``--reviewer`` or a forged form value is never recorded; a policy actor
    (``autonomy:full``) passes through, checked against the person running it by the workflow.
    ``strict=False`` is for labels code passes where no person was named (``aicmo run`` storing
    its level, a generation's default actor): they are replaced by the signed-in person.
    Outside a hub: the identity given, or a local identity for the name given."""
    hub = current_identity()
    if hub is None:
        if isinstance(claimed, Identity):
            return claimed
        if not isinstance(claimed, str) or not claimed.strip():
            from .errors import ValidationError

            raise ValidationError(f"{field}: give a name of 1 to 200 characters", field=field)
        return Identity.local(claimed.strip())
    name = claimed.name if isinstance(claimed, Identity) else (claimed or "").strip()
    if strict and name and name != hub.name and not is_policy_actor(name):
        raise PermissionDeniedError(
            f"you are signed in as {hub.name}; what you do is recorded as {hub.name}, not {name!r}",
            field=field, details={"permission": "identity"})
    return hub
