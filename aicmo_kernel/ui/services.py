"""The kernel services a panel is handed: the workspace, settings, a provider factory, a reviewer.

Panels never build these themselves (STYLE.md: pass services in), so a test hands in a workspace
on a temporary folder and a provider of its choosing, and a notebook gets the defaults from
``default_services()``: the workspace of ``$AICMO_HOME`` / ``AICMO_DATABASE_URL``, the provider
chain configured by the environment, and the reviewer known from JupyterHub or ``AICMO_REVIEWER``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Settings, known_reviewer

if TYPE_CHECKING:
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
