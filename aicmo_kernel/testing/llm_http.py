"""How the loopback LLM server's answers go out over HTTP: JSON bodies, provider-shaped errors,
chunked bodies and SSE streams (at the server's pace), and dropped connections; and the
``ThreadingHTTPServer`` that takes bursts of connections quietly.
"""

from __future__ import annotations

import json
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from .llm_behaviours import _MAX_HANG_SECONDS
from .llm_wire import endless_events, endless_json, error_body

if TYPE_CHECKING:
    from .llm_server import LoopbackLLMServer


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver listens with a backlog of 5: a batch opening 32 or 64 connections at once had
    # some refused until the kernel's SYN retry a second later (the machine's ListenOverflows
    # counter rose by about 2 in every 100-campaign batch with two processes). A provider's
    # endpoint takes such bursts.
    request_queue_size = 1024

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients closing keep-alive connections, timing out or cancelling are normal here.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class _Responses(BaseHTTPRequestHandler):
    """The writing half of the server's request handler (``llm_server._Handler`` routes and
    decides; these methods send)."""

    protocol_version = "HTTP/1.1"  # chunked streams, so a dropped connection is detectable
    timeout = 30  # idle keep-alive connections end on their own
    server_version = "AicmoLoopbackLLM/1.0"
    # Headers and body go out in separate sends; with Nagle's algorithm on, every request on a
    # kept-alive connection would wait ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True

    @property
    def llm(self) -> LoopbackLLMServer:
        return self.server.llm  # type: ignore[attr-defined]

    def _bytes(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _start_body(self, stream: bool) -> None:
        """200 and headers for a body sent in chunks: SSE events when ``stream``, else JSON."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def _stream(self, events: list[bytes], chunk_delay: float, drop_after: int | None) -> None:
        self._start_body(stream=True)
        for number, event in enumerate(events):
            if drop_after is not None and number >= drop_after:
                return self._drop()
            if number and self.llm._wait(chunk_delay):
                return self._drop()
            self._chunk(event)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _endless(self, api: str, body: dict[str, Any], stream: bool) -> None:
        """Text that never ends, until the client gives up, the server stops or the hang limit."""
        events = endless_events(api, body) if stream else endless_json(api, body)
        self._start_body(stream)
        give_up = time.monotonic() + _MAX_HANG_SECONDS
        chunk_delay = self.llm.chunk_delay_ms / 1000
        for event in events:
            if time.monotonic() > give_up or self.llm._wait(chunk_delay):
                return self._drop()
            self._chunk(event)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(
        self, api: str, status: int, message: str, headers: dict[str, str] | None = None
    ) -> None:
        self._json(
            status,
            error_body(api, status, message),
            {"x-request-id": "req_loopback", **(headers or {})},
        )
