"""The HTTP client each SDK client sends through, with one TLS context for the whole process.

Left to itself, each ``openai.OpenAI`` or ``anthropic.Anthropic`` builds a TLS context and loads
the system's certificate bundle into it: about 25 ms of CPU, paid by every fresh command before
its first call (in a child of ``aicmo worker`` too, on the critical path). The context is the same
every time for the same ``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` (what the SDKs' HTTP library
reads), so it is built once per pair and shared: an ``ssl.SSLContext`` may serve many connections
and threads. The client keeps the SDK's own defaults (``DefaultHttpxClient``: its timeouts,
connection limits and redirects) and is closed when its SDK client is collected, as the SDK's
own client would be.
"""

from __future__ import annotations

import os
import threading
import weakref
from typing import Any

__all__ = ["sdk_client", "tls_context"]

_contexts: dict[tuple[str | None, str | None], Any] = {}
_lock = threading.Lock()


def tls_context() -> Any:
    """The process's ``ssl.SSLContext`` for the certificate locations the environment names now."""
    key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    with _lock:
        context = _contexts.get(key)
        if context is None:
            import httpx2

            context = _contexts[key] = httpx2.create_ssl_context()
        return context


def sdk_client(sdk_class: type, default_http_client: type, **options: Any) -> Any:
    """``sdk_class(**options)`` (``openai.OpenAI``, ``anthropic.Anthropic``) sending through its
    SDK's ``default_http_client`` on the shared TLS context."""
    http_client = default_http_client(verify=tls_context())
    client = sdk_class(http_client=http_client, **options)
    weakref.finalize(client, http_client.close)
    return client
