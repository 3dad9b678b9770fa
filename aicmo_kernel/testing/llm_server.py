"""A loopback HTTP server that speaks the OpenAI and Anthropic wire protocols, for tests and demos.

Like httpx's MockTransport, it ships in the library so that the real SDKs can be exercised end to
end without the internet::

    with LoopbackLLMServer() as server:
        client = openai.OpenAI(base_url=server.openai_base_url, api_key="sk-test-1", max_retries=0)
        server.enqueue("rate_limit", retry_after=1)   # the next request gets a 429
        ...
        assert server.request_count("/v1/chat/completions") == 2

Endpoints: ``POST /v1/chat/completions`` (OpenAI Chat Completions, streaming or not, usage in
the response and in a final chunk when ``stream_options.include_usage``), ``POST /v1/messages``
(Anthropic Messages, streaming events or not), ``GET /v1/models``.

The default answer is JSON that fits the schema found in the request (OpenAI
``response_format.json_schema.schema``, Anthropic ``output_config.format.schema``), with readable
sentences about the request's topic; without a schema it is a short plain-text reply. Token usage
is the whitespace word count of prompt and answer, so tests can predict it.

Behaviours are consumed one per request from a queue (then the default applies):
``ok`` (optionally ``data=`` or ``text=`` for a custom answer), ``rate_limit`` (429 with
``Retry-After``), ``server_error`` (500), ``overloaded`` (529 for Anthropic, 503 for OpenAI),
``auth_error`` (401), ``http_error`` (``status=``), ``hang`` (answers only after ``delay`` seconds,
default ``hang_seconds``), ``malformed_json``, ``schema_wrong``, ``empty``, ``slow_stream``
(``delay`` seconds per chunk), ``drop`` (closes the connection mid-response), ``endless_stream``
(text that never ends: SSE chunks, or a JSON body that never closes, until the client leaves or
the server's hang limit), ``past_max_tokens`` (a whole answer longer than the request's
``max_tokens``, usage included), ``hang_after_headers`` (200 and headers, then nothing for
``delay`` seconds), ``stub`` (fits the schema, but sentences end in "TBD"), ``sloppy`` (like
``ok``, with a real model's slips: hashtags without "#" or with spaces, enum values in another case
with a trailing period, "Twitter" for "x", numbers as strings, text wrapped in whitespace).
``usage_out=N`` on any answer makes its usage report N output tokens.

Batch APIs (``llm_batches``): OpenAI's ``POST /v1/files``, ``POST /v1/batches``,
``GET /v1/batches/{id}``, ``POST /v1/batches/{id}/cancel``, ``GET /v1/files/{id}/content``, and
Anthropic's ``POST /v1/messages/batches``, ``GET /v1/messages/batches/{id}``,
``GET /v1/messages/batches/{id}/results``, ``POST /v1/messages/batches/{id}/cancel``. A batch ends
after ``batch_polls`` status reads; its requests then take queued behaviours one by one (``expired``
is a request the batch never reached); ``enqueue_batch(outcome)`` scripts a whole batch.

Its parts: the behaviours and recorded requests (``llm_behaviours``), the answers' wire formats
(``llm_wire``), sending them over HTTP (``llm_http``), the batch routes (``llm_batch_routes``) and
batches (``llm_batches``); this module is the server, its scripting and its request handler.

Run by hand: ``python -m aicmo_kernel.testing.llm_server --port 8765 --latency-ms 300``.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

from .llm_batch_routes import _BatchRoutes
from .llm_batches import BatchBook
from .llm_behaviours import _MAX_HANG_SECONDS, _NO_ANSWER, BEHAVIOURS, Behaviour, RecordedRequest
from .llm_http import _QuietServer
from .llm_wire import (
    PromptCache,
    anthropic_events,
    full_response,
    make_answer,
    openai_events,
    retry_after_header,
)

__all__ = ["BEHAVIOURS", "Behaviour", "LoopbackLLMServer", "RecordedRequest", "main"]

_SECRET_HEADERS = {"authorization", "x-api-key", "api-key", "cookie", "proxy-authorization"}
_MAX_QUEUE = 1000


class LoopbackLLMServer:
    """A ThreadingHTTPServer on 127.0.0.1 speaking both SDKs' protocols (see the module doc)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency_ms: float = 0.0,
        default: str | Behaviour = "ok",
        hang_seconds: float = 10.0,
        chunk_delay_ms: float = 0.0,
        batch_polls: int = 1,
    ) -> None:
        self.host = host
        self.batch_polls = batch_polls  # status reads a batch stays in progress for
        self.prompt_cache = PromptCache()  # cache reads and writes in the usage, as the providers report them
        self.batches = BatchBook(self)
        self._requested_port = port
        self.latency_ms = latency_ms
        self.hang_seconds = min(hang_seconds, _MAX_HANG_SECONDS)
        self.chunk_delay_ms = chunk_delay_ms
        self._default = default if isinstance(default, Behaviour) else Behaviour(default)
        self._queue: collections.deque[Behaviour] = collections.deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> LoopbackLLMServer:
        if self._httpd is not None:
            return self
        self._stop.clear()
        httpd = _QuietServer((self.host, self._requested_port), _Handler)
        httpd.llm = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="loopback-llm",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; wakes any request that is hanging or streaming slowly."""
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> LoopbackLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the loopback server is not started")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def openai_base_url(self) -> str:
        return f"{self.url}/v1"

    @property
    def anthropic_base_url(self) -> str:
        return self.url

    # -- scripting ---------------------------------------------------------------------------

    def enqueue(self, kind: str = "ok", **params: Any) -> None:
        """Queue a behaviour for the next request that has none queued before it."""
        with self._lock:
            if len(self._queue) >= _MAX_QUEUE:
                raise RuntimeError("too many queued behaviours")
            self._queue.append(Behaviour(kind, **params))

    def enqueue_batch(self, outcome: str = "ok") -> None:
        """Script the next batch created: ``ok``, ``expired``, ``cancelled`` or ``failed``."""
        self.batches.enqueue_outcome(outcome)

    def set_default(self, kind: str = "ok", **params: Any) -> None:
        """The behaviour used when the queue is empty."""
        self._default = Behaviour(kind, **params)

    def reset(self) -> None:
        """Forget queued behaviours and recorded requests; back to answering ``ok``."""
        with self._lock:
            self._queue.clear()
            self._requests.clear()
        self._default = Behaviour("ok")

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def request_count(self, path: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self._requests if path is None or r.path == path)

    @property
    def last_request(self) -> RecordedRequest | None:
        with self._lock:
            return self._requests[-1] if self._requests else None

    # -- used by the handler -----------------------------------------------------------------

    def _next_behaviour(self, record: RecordedRequest) -> Behaviour:
        with self._lock:
            behaviour = self._queue.popleft() if self._queue else self._default
            self._requests.append(dataclasses.replace(record, behaviour=behaviour.kind))
        return behaviour

    def _next_behaviour_for_batch(self, path: str, body: dict[str, Any]) -> Behaviour:
        """The behaviour of one request inside a batch, recorded under ``path`` (``batch:...``)."""
        return self._next_behaviour(RecordedRequest("BATCH", path, body, {}, time.monotonic()))

    def _record(self, record: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(record)

    def _wait(self, seconds: float) -> bool:
        """Sleep unless the server stops first; True if it is stopping."""
        return self._stop.wait(max(0.0, seconds)) if seconds > 0 else self._stop.is_set()


class _Handler(_BatchRoutes):
    """Routes each request and answers it as its behaviour says (sending through ``llm_http``)."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature is inherited
        pass  # tests read the recorded requests instead of a noisy stderr

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        if path.startswith(("/v1/batches/", "/v1/files/", "/v1/messages/batches/")):
            return self._batch_get(path)
        if path != "/v1/models":
            return self._json(
                404, {"error": {"message": f"no route {self.path}", "type": "not_found"}}
            )
        now = int(time.time())
        if self.headers.get("anthropic-version"):
            data = [
                {
                    "type": "model",
                    "id": "claude-loopback",
                    "display_name": "Loopback",
                    "created_at": "2025-01-01T00:00:00Z",
                }
            ]
            return self._json(
                200,
                {
                    "data": data,
                    "has_more": False,
                    "first_id": "claude-loopback",
                    "last_id": "claude-loopback",
                },
            )
        return self._json(
            200,
            {
                "object": "list",
                "data": [
                    {"id": "loopback", "object": "model", "created": now, "owned_by": "aicmo"}
                ],
            },
        )

    def do_POST(self) -> None:
        arrived = time.monotonic()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else {}
        except ValueError:
            body = None
        headers = {
            k.lower(): v for k, v in self.headers.items() if k.lower() not in _SECRET_HEADERS
        }
        path = self.path.split("?", 1)[0]
        if path.startswith(("/v1/files", "/v1/batches", "/v1/messages/batches")):
            self.llm._record(RecordedRequest("POST", path, body, headers, arrived))
            return self._batch_post(path, body, raw)
        behaviour = self.llm._next_behaviour(RecordedRequest("POST", path, body, headers, arrived))
        api = (
            "anthropic"
            if path == "/v1/messages"
            else "openai"
            if path == "/v1/chat/completions"
            else None
        )
        if api is None:
            return self._json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})
        if not isinstance(body, dict):
            return self._error(api, 400, "the request body is not a JSON object")
        try:
            self._respond(api, body, behaviour, ready_at=arrived + self.llm.latency_ms / 1000)
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout, cancel); nothing to do

    # -- behaviours --------------------------------------------------------------------------

    def _respond(self, api: str, body: dict[str, Any], behaviour: Behaviour, *, ready_at: float) -> None:
        """Answer as ``behaviour`` says, not before ``ready_at`` (the request's arrival plus the
        latency): composing the answer is part of the latency, as a provider's own work is, so a
        call takes the latency asked for, not the latency plus this server's Python."""
        kind = behaviour.kind
        answer = None if kind in _NO_ANSWER else make_answer(
            body, kind, data=behaviour.data, text=behaviour.text, usage_out=behaviour.usage_out
        )
        if self.llm._wait(ready_at - time.monotonic()):
            return self._drop()
        if kind == "rate_limit":
            wait = 1.0 if behaviour.retry_after is None else behaviour.retry_after
            headers = {
                "retry-after": retry_after_header(wait),
                "retry-after-ms": str(int(wait * 1000)),
            }
            return self._error(
                api, 429, "rate limit reached for requests; please slow down", headers
            )
        if kind in ("server_error", "expired"):
            return self._error(api, 500, "the server had an error while processing your request")
        if kind == "overloaded":
            return self._error(api, 529 if api == "anthropic" else 503, "the service is overloaded")
        if kind == "auth_error":
            # Echo the presented key, as careless servers do, so tests prove we redact it.
            presented = self.headers.get("x-api-key") or self.headers.get("authorization", "")
            presented = presented.removeprefix("Bearer ").strip()
            return self._error(
                api,
                401,
                f"invalid x-api-key: {presented}"
                if api == "anthropic"
                else f"incorrect API key provided: {presented}",
            )
        if kind == "http_error":
            return self._error(api, behaviour.status or 400, "the request was rejected")
        stream = bool(body.get("stream"))
        hang = min(
            behaviour.delay if behaviour.delay is not None else self.llm.hang_seconds,
            _MAX_HANG_SECONDS,
        )
        if kind == "hang" and self.llm._wait(hang):
            return self._drop()
        if kind == "hang_after_headers":
            self._start_body(stream)
            self.llm._wait(hang)
            return self._drop()
        if kind == "endless_stream":
            return self._endless(api, body, stream)
        assert answer is not None
        answer.extra.update(self.llm.prompt_cache.usage(api, body))
        chunk_delay = self.llm.chunk_delay_ms / 1000
        if kind == "slow_stream":
            chunk_delay = 0.2 if behaviour.delay is None else behaviour.delay
        if kind == "drop" and not stream:
            payload = json.dumps(full_response(api, body, answer)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 2])
            return self._drop()
        if not stream:
            if kind == "slow_stream" and self.llm._wait(chunk_delay * 3):
                return self._drop()
            return self._json(200, full_response(api, body, answer))
        events = openai_events(body, answer) if api == "openai" else anthropic_events(body, answer)
        self._stream(events, chunk_delay, drop_after=2 if kind == "drop" else None)


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted: ``python -m aicmo_kernel.testing.llm_server --port 8765``."""
    parser = argparse.ArgumentParser(description="Loopback OpenAI/Anthropic-compatible LLM server")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--chunk-delay-ms", type=float, default=0.0)
    parser.add_argument("--default", default="ok", choices=BEHAVIOURS)
    args = parser.parse_args(argv)
    server = LoopbackLLMServer(
        port=args.port,
        latency_ms=args.latency_ms,
        default=args.default,
        chunk_delay_ms=args.chunk_delay_ms,
    ).start()
    print(
        f"OpenAI base URL:    {server.openai_base_url}\n"
        f"Anthropic base URL: {server.anthropic_base_url}",
        flush=True,
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
