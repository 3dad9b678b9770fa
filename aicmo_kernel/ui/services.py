"""The kernel services a panel is handed: the workspace, settings, a provider factory, a reviewer.

Panels never build these themselves (STYLE.md: pass services in), so a test hands in a workspace
on a temporary folder and a provider of its choosing, and a notebook gets the defaults from
``default_services()``: the workspace of ``$AICMO_HOME`` / ``AICMO_DATABASE_URL``, the provider
chain configured by the environment, and who is at the keyboard. Under JupyterHub that is the
signed-in person (``identity``: the hub says who, with their groups), whose name every widget
records and shows read-only; outside a hub, ``AICMO_REVIEWER`` or a name typed in the form.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Settings, known_reviewer

if TYPE_CHECKING:
    from ..identity import Identity
    from ..providers.base import Provider
    from ..store import Workspace

__all__ = ["Services", "default_services", "known_reviewer"]

ProviderFactory = Callable[[Settings], "Provider"]


@dataclass
class Services:
    """What the widgets use. ``settings=None`` reads the environment afresh at each use, so a
    kernel picks up a changed variable without a restart (as ``Settings.from_env`` promises)."""

    workspace: Workspace
    settings: Settings | None = None
    provider_factory: ProviderFactory | None = None
    reviewer: str | None = field(default_factory=known_reviewer)
    identity: Identity | None = field(default_factory=lambda: _signed_in())

    def __post_init__(self) -> None:
        if self.identity is not None and self.identity.signed_in:
            self.reviewer = self.identity.name  # the hub's name wins over anything given

    def may(self, permission: str, *, brand: str | None = None) -> bool:
        """Whether the person at the keyboard may (always, outside a hub); widgets use it to grey
        out what the workflow would refuse anyway."""
        return self.identity is None or self.identity.may(permission, brand=brand)  # type: ignore[arg-type]

    def current_settings(self) -> Settings:
        return self.settings if self.settings is not None else Settings.from_env()

    def make_provider(self) -> Provider:
        """A provider for one generation: the given factory, else the configured chain, shared with
        every other generation of this configuration (one SDK client and connection pool, as
        ``aicmo generate`` and ``aicmo run`` use)."""
        settings = self.current_settings()
        if self.provider_factory is not None:
            return self.provider_factory(settings)
        from ..generation import shared_chain

        return shared_chain(settings)


def _signed_in() -> Identity | None:
    from ..identity import current_identity

    return current_identity()


_DEFAULTS: dict[str, Services] = {}
_DEFAULTS_LOCK = threading.Lock()


def default_services() -> Services:
    """The services of this kernel's workspace, opened once per database URL and reused."""
    from ..store import Workspace

    settings = Settings.from_env()
    url = settings.resolved_database_url
    with _DEFAULTS_LOCK:
        services = _DEFAULTS.get(url)
        if services is None:
            services = Services(workspace=Workspace.open(settings=settings))
            _DEFAULTS[url] = services
        return services
