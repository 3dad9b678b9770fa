"""The batch APIs of the loopback LLM server: OpenAI Batch (files, batches, output and error files)
and Anthropic Message Batches (batches, JSONL results), as the official SDKs call them.

A batch stays ``in_progress`` for ``LoopbackLLMServer.batch_polls`` status reads, then ends. Its
requests are answered when it ends, each taking the next queued behaviour like a synchronous
request (recorded with the path ``batch:/v1/chat/completions`` or ``batch:/v1/messages``): the
answer behaviours (``ok``, ``malformed_json``, ``stub``, ...) give a succeeded result; ``server_error``,
``overloaded``, ``auth_error``, ``http_error`` and ``rate_limit`` an errored one; ``expired`` a
request the batch did not reach within its window. ``LoopbackLLMServer.enqueue_batch(outcome)``
scripts a whole batch: ``ok`` (default), ``expired`` (the window ran out before any request ran),
``cancelled`` (someone cancelled it in the provider's console) or ``failed`` (OpenAI refused the
input file). A batch cancelled through the API ends with every unanswered request cancelled.
"""

from __future__ import annotations

import collections
import email.parser
import email.policy
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from .llm_wire import error_body, full_response, make_answer

if TYPE_CHECKING:
    from .llm_server import LoopbackLLMServer

__all__ = ["BATCH_OUTCOMES", "BatchBook", "parse_multipart"]

BATCH_OUTCOMES = ("ok", "expired", "cancelled", "failed")
_ERRORS = {"server_error": 500, "overloaded": 503, "auth_error": 401, "rate_limit": 429}
_WINDOW = timedelta(hours=24)
_ids = itertools.count(1)


def _new_id(prefix: str) -> str:
    return f"{prefix}{next(_ids):06d}{int(time.time() * 1000) % 100000:05d}"


@dataclass
class _Batch:
    id: str
    api: str  # "openai" or "anthropic"
    requests: list[tuple[str, dict[str, Any]]]  # (custom_id, request body)
    outcome: str
    created: float = field(default_factory=time.time)
    polls: int = 0
    status: str = "in_progress"  # in_progress, cancelling, ended
    ended_as: str | None = None  # completed, expired, cancelled, failed
    ended_at: float | None = None
    cancel_at: float | None = None
    input_file_id: str | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    results: dict[str, dict[str, Any]] = field(default_factory=dict)  # custom_id -> result kind and payload


def parse_multipart(content_type: str, raw: bytes) -> dict[str, tuple[str | None, bytes]]:
    """A multipart/form-data body as {field: (filename, bytes)}."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
    )
    parts: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            parts[str(name)] = (part.get_filename(), part.get_payload(decode=True) or b"")
    return parts


class BatchBook:
    """Files and batches of one server, and the wire shapes of both providers' batch APIs."""

    def __init__(self, server: LoopbackLLMServer) -> None:
        self._server = server
        self._lock = threading.Lock()
        self.files: dict[str, tuple[str, bytes]] = {}  # id -> (purpose, content)
        self.batches: dict[str, _Batch] = {}
        self._outcomes: collections.deque[str] = collections.deque()

    def enqueue_outcome(self, outcome: str) -> None:
        if outcome not in BATCH_OUTCOMES:
            raise ValueError(f"unknown batch outcome {outcome!r}; choose from {', '.join(BATCH_OUTCOMES)}")
        with self._lock:
            self._outcomes.append(outcome)

    def _next_outcome(self) -> str:
        with self._lock:
            return self._outcomes.popleft() if self._outcomes else "ok"

    # -- OpenAI: files ---------------------------------------------------------------------

    def upload(self, filename: str, purpose: str, content: bytes) -> dict[str, Any]:
        file_id = _new_id("file-")
        with self._lock:
            self.files[file_id] = (purpose, content)
        return {"id": file_id, "object": "file", "bytes": len(content), "created_at": int(time.time()),
                "filename": filename, "purpose": purpose, "status": "processed"}

    def file_content(self, file_id: str) -> bytes | None:
        with self._lock:
            found = self.files.get(file_id)
        return found[1] if found else None

    # -- OpenAI: batches ---------------------------------------------------------------------

    def create_openai(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        file_id = str(body.get("input_file_id") or "")
        content = self.file_content(file_id)
        if content is None:
            return 404, error_body("openai", 404, f"no file {file_id!r}")
        if body.get("endpoint") != "/v1/chat/completions" or body.get("completion_window") != "24h":
            return 400, error_body("openai", 400, "endpoint must be /v1/chat/completions and completion_window 24h")
        requests = []
        for number, line in enumerate(content.decode().splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                requests.append((str(item["custom_id"]), dict(item["body"])))
                if item.get("method") != "POST" or item.get("url") != "/v1/chat/completions":
                    raise ValueError("method must be POST and url /v1/chat/completions")
            except (ValueError, KeyError, TypeError) as exc:
                return 400, error_body("openai", 400, f"line {number} of the input file: {exc}")
        if len({cid for cid, _ in requests}) != len(requests):
            return 400, error_body("openai", 400, "custom_id values must be unique within a batch")
        batch = _Batch(_new_id("batch_"), "openai", requests, self._next_outcome(), input_file_id=file_id)
        with self._lock:
            self.batches[batch.id] = batch
        return 200, self._openai_view(batch)

    def get_openai(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self._poll(batch_id, "openai")
        if batch is None:
            return 404, error_body("openai", 404, f"no batch {batch_id!r}")
        return 200, self._openai_view(batch)

    def cancel_openai(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self._cancel(batch_id, "openai")
        if batch is None:
            return 404, error_body("openai", 404, f"no batch {batch_id!r}")
        return 200, self._openai_view(batch)

    def _openai_view(self, batch: _Batch) -> dict[str, Any]:
        done = sum(r["kind"] == "succeeded" for r in batch.results.values())
        failed = sum(r["kind"] != "succeeded" for r in batch.results.values())
        status = {"in_progress": "in_progress", "cancelling": "cancelling"}.get(batch.status) or batch.ended_as
        ended = int(batch.ended_at) if batch.ended_at else None
        view = {
            "id": batch.id, "object": "batch", "endpoint": "/v1/chat/completions", "errors": None,
            "input_file_id": batch.input_file_id, "completion_window": "24h", "status": status,
            "output_file_id": batch.output_file_id, "error_file_id": batch.error_file_id,
            "created_at": int(batch.created), "in_progress_at": int(batch.created),
            "expires_at": int(batch.created + _WINDOW.total_seconds()),
            "completed_at": ended if batch.ended_as == "completed" else None,
            "expired_at": ended if batch.ended_as == "expired" else None,
            "cancelled_at": ended if batch.ended_as == "cancelled" else None,
            "failed_at": ended if batch.ended_as == "failed" else None,
            "cancelling_at": int(batch.cancel_at) if batch.cancel_at else None,
            "request_counts": {"total": len(batch.requests), "completed": done, "failed": failed},
            "metadata": None,
        }
        if batch.ended_as == "failed":
            view["errors"] = {"object": "list", "data": [
                {"code": "invalid_request", "message": "the input file was refused", "param": None, "line": 1}]}
        return view

    # -- Anthropic: message batches ---------------------------------------------------------

    def create_anthropic(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        items = body.get("requests")
        if not isinstance(items, list) or not items:
            return 400, error_body("anthropic", 400, "requests: at least one request is needed")
        try:
            requests = [(str(item["custom_id"]), dict(item["params"])) for item in items]
        except (KeyError, TypeError) as exc:
            return 400, error_body("anthropic", 400, f"each request needs custom_id and params ({exc})")
        if len({cid for cid, _ in requests}) != len(requests):
            return 400, error_body("anthropic", 400, "custom_id values must be unique within a batch")
        outcome = self._next_outcome()
        if outcome == "failed":
            return 400, error_body("anthropic", 400, "the batch was refused")
        batch = _Batch(_new_id("msgbatch_"), "anthropic", requests, outcome)
        with self._lock:
            self.batches[batch.id] = batch
        return 200, self._anthropic_view(batch)

    def get_anthropic(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self._poll(batch_id, "anthropic")
        if batch is None:
            return 404, error_body("anthropic", 404, f"no batch {batch_id!r}")
        return 200, self._anthropic_view(batch)

    def cancel_anthropic(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self._cancel(batch_id, "anthropic")
        if batch is None:
            return 404, error_body("anthropic", 404, f"no batch {batch_id!r}")
        return 200, self._anthropic_view(batch)

    def anthropic_results(self, batch_id: str) -> bytes | None:
        with self._lock:
            batch = self.batches.get(batch_id)
        if batch is None or batch.api != "anthropic" or batch.status != "ended":
            return None
        lines = []
        for custom_id, _body in batch.requests:
            result = batch.results[custom_id]
            kind = result["kind"]
            if kind == "succeeded":
                payload: dict[str, Any] = {"type": "succeeded", "message": result["body"]}
            elif kind == "errored":
                payload = {"type": "errored", "error": result["body"]}
            else:
                payload = {"type": "canceled" if kind == "cancelled" else "expired"}
            lines.append(json.dumps({"custom_id": custom_id, "result": payload}))
        return ("\n".join(lines) + "\n").encode()

    def _anthropic_view(self, batch: _Batch) -> dict[str, Any]:
        counts = collections.Counter(r["kind"] for r in batch.results.values())
        ended = batch.status == "ended"
        return {
            "id": batch.id, "type": "message_batch",
            "processing_status": batch.status if batch.status != "cancelling" else "canceling",
            "request_counts": {
                "processing": 0 if ended else len(batch.requests),
                "succeeded": counts["succeeded"], "errored": counts["errored"],
                "canceled": counts["cancelled"], "expired": counts["expired"],
            },
            "created_at": _iso(batch.created), "expires_at": _iso(batch.created + _WINDOW.total_seconds()),
            "ended_at": _iso(batch.ended_at) if batch.ended_at else None, "archived_at": None,
            "cancel_initiated_at": _iso(batch.cancel_at) if batch.cancel_at else None,
            "results_url": f"{self._server.url}/v1/messages/batches/{batch.id}/results" if ended else None,
        }

    # -- the life of a batch -------------------------------------------------------------------

    def _poll(self, batch_id: str, api: str) -> _Batch | None:
        with self._lock:
            batch = self.batches.get(batch_id)
            if batch is None or batch.api != api:
                return None
            if batch.status == "ended":
                return batch
            batch.polls += 1
            if batch.status == "in_progress" and batch.polls < self._server.batch_polls:
                return batch
        self._finish(batch)
        return batch

    def _cancel(self, batch_id: str, api: str) -> _Batch | None:
        with self._lock:
            batch = self.batches.get(batch_id)
            if batch is None or batch.api != api:
                return None
            if batch.status == "in_progress":
                batch.status, batch.cancel_at = "cancelling", time.time()
        return batch

    def _finish(self, batch: _Batch) -> None:
        """Answer (or not) every request, as the batch's outcome and the queued behaviours say."""
        outcome = "cancelled" if batch.status == "cancelling" else batch.outcome
        path = "/v1/messages" if batch.api == "anthropic" else "/v1/chat/completions"
        results: dict[str, dict[str, Any]] = {}
        for custom_id, body in batch.requests:
            if outcome in ("expired", "cancelled", "failed"):
                results[custom_id] = {"kind": "cancelled" if outcome == "cancelled" else "expired"}
                continue
            behaviour = self._server._next_behaviour_for_batch(f"batch:{path}", body)
            results[custom_id] = self._answer(batch.api, body, behaviour)
        with self._lock:
            if batch.status == "ended":  # another poll finished it first
                return
            batch.results = results
            batch.status, batch.ended_at = "ended", time.time()
            batch.ended_as = {"ok": "completed"}.get(outcome, outcome)
            if batch.api == "openai" and outcome != "failed":
                self._write_openai_files(batch)

    def _answer(self, api: str, body: dict[str, Any], behaviour: Any) -> dict[str, Any]:
        kind = behaviour.kind
        if kind == "expired":
            return {"kind": "expired"}
        status = behaviour.status or 400 if kind == "http_error" else _ERRORS.get(kind)
        if status is not None:
            return {"kind": "errored", "status": status,
                    "body": error_body(api, status, f"the request failed in the batch ({kind})")}
        answer_kind = kind if kind in ("malformed_json", "schema_wrong", "empty", "stub", "sloppy",
                                       "past_max_tokens") else "ok"
        answer = make_answer(body, answer_kind, data=behaviour.data, text=behaviour.text,
                             usage_out=behaviour.usage_out)
        answer.extra.update(self._server.prompt_cache.usage(api, body))
        return {"kind": "succeeded", "status": 200, "body": full_response(api, body, answer)}

    def _write_openai_files(self, batch: _Batch) -> None:
        output, errors = [], []
        for custom_id, _body in batch.requests:
            result = batch.results[custom_id]
            line: dict[str, Any] = {"id": _new_id("batch_req_"), "custom_id": custom_id}
            if result["kind"] in ("succeeded", "errored"):
                line["response"] = {"status_code": result["status"], "request_id": "req_loopback",
                                    "body": result["body"]}
                line["error"] = None
            else:
                code = "batch_cancelled" if result["kind"] == "cancelled" else "batch_expired"
                line["response"] = None
                line["error"] = {"code": code, "message": "This request could not be executed before the "
                                 "batch ended." if code == "batch_expired" else "The batch was cancelled."}
            (output if result["kind"] == "succeeded" else errors).append(json.dumps(line))
        for lines, attribute in ((output, "output_file_id"), (errors, "error_file_id")):
            if lines:
                file_id = _new_id("file-")
                self.files[file_id] = ("batch_output", ("\n".join(lines) + "\n").encode())
                setattr(batch, attribute, file_id)


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
