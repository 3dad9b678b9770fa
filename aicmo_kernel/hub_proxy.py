"""``python -m aicmo_kernel.hub_proxy``: jhsingle-native-proxy, which puts a reviewer's or a
client's standalone Voila behind the hub's OAuth, with Tornado 6.6's websocket origin rule fixed.

jhsingle-native-proxy (0.8) calls ``check_origin`` on every websocket it proxies. Since Tornado 6.6
the default ``check_origin`` refuses every origin that is not listed in ``trusted_origins``
(Tornado now calls it only for requests it already judged cross-origin), so the page's own
kernel websocket was refused with 403 and no widget rendered. This restores the same-origin rule
jhsingle-native-proxy was written for: the page's ``Origin`` must name the host the request was
sent to (``Host``, or ``X-Forwarded-Host`` behind a TLS proxy). Nothing else changes; the command
line is jhsingle-native-proxy's own.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

__all__ = ["main", "same_origin"]


def same_origin(handler: Any, origin: str) -> bool:
    """Whether ``origin`` is the host the request was sent to."""
    headers = handler.request.headers
    host = (headers.get("X-Forwarded-Host") or headers.get("Host") or "").split(",")[0].strip().lower()
    return bool(host) and urlparse(origin).netloc.lower() == host


def main() -> None:
    from jhsingle_native_proxy import main as jhsingle
    from jhsingle_native_proxy.proxyhandlers import ProxyHandler

    ProxyHandler.check_origin = same_origin  # type: ignore[method-assign]
    jhsingle.run()  # click parses sys.argv


if __name__ == "__main__":
    main()
