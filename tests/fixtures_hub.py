"""A stand-in for JupyterHub's ``GET /hub/api/user`` on loopback, for the kernel-side identity tests.

It answers as the hub does for a server's token: the owner's name and groups (``kind: user``), 403
for an unknown token. ``hub.sign_in(name, groups)`` sets the variables a spawned server has
(``JUPYTERHUB_API_URL``, ``JUPYTERHUB_API_TOKEN``, ``JUPYTERHUB_USER``) for that person. The tests
against a real JupyterHub are in tests/hub/.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


class FakeHub:
    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.users: dict[str, dict[str, Any]] = {}  # token -> user model
        self.requests: list[str] = []
        self.monkeypatch = monkeypatch
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hub.requests.append(self.path)
                token = self.headers.get("Authorization", "").removeprefix("token ").strip()
                model = hub.users.get(token)
                if self.path != "/hub/api/user" or model is None:
                    self.send_response(403)
                    self.end_headers()
                    return
                body = json.dumps(model).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.api_url = f"http://127.0.0.1:{self.server.server_address[1]}/hub/api"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add_user(self, name: str, groups: list[str] | tuple[str, ...] = ()) -> str:
        token = secrets.token_hex(16)
        self.users[token] = {"kind": "user", "name": name, "admin": False, "groups": list(groups),
                             "scopes": ["access:servers!server", "users:activity!user"]}
        return token

    def sign_in(self, name: str, groups: list[str] | tuple[str, ...] = ()) -> str:
        """Become ``name``'s server; returns the server's token."""
        from aicmo_kernel.identity import clear_cache

        token = self.add_user(name, groups)
        self.monkeypatch.setenv("JUPYTERHUB_API_URL", self.api_url)
        self.monkeypatch.setenv("JUPYTERHUB_API_TOKEN", token)
        self.monkeypatch.setenv("JUPYTERHUB_USER", name)
        clear_cache()
        return token

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    from aicmo_kernel.identity import clear_cache

    fake = FakeHub(monkeypatch)
    yield fake
    fake.close()
    clear_cache()
