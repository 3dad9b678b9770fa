"""The routes of the loopback LLM server's batch APIs (the batches themselves are ``llm_batches``):
OpenAI's files and batches, Anthropic's message batches.
"""

from __future__ import annotations

import time
from typing import Any

from .llm_batches import parse_multipart
from .llm_behaviours import RecordedRequest
from .llm_http import _Responses


class _BatchRoutes(_Responses):
    """``POST`` and ``GET`` of the batch APIs, for ``llm_server._Handler``."""

    def _batch_post(self, path: str, body: Any, raw: bytes) -> None:
        book = self.llm.batches
        parts = path.strip("/").split("/")  # v1 files | v1 batches [id cancel] | v1 messages batches [id cancel]
        if path == "/v1/files":
            fields = parse_multipart(self.headers.get("Content-Type", ""), raw)
            filename, content = fields.get("file", (None, b""))
            purpose = fields.get("purpose", (None, b""))[1].decode()
            if not content or purpose != "batch":
                return self._error("openai", 400, "a file with purpose batch is needed")
            return self._json(200, book.upload(filename or "input.jsonl", purpose, content))
        if not isinstance(body, dict):
            api = "anthropic" if parts[1] == "messages" else "openai"
            return self._error(api, 400, "the request body is not a JSON object")
        if path == "/v1/batches":
            return self._json(*book.create_openai(body))
        if path == "/v1/messages/batches":
            return self._json(*book.create_anthropic(body))
        if len(parts) == 4 and parts[1] == "batches" and parts[3] == "cancel":
            return self._json(*book.cancel_openai(parts[2]))
        if len(parts) == 5 and parts[1] == "messages" and parts[4] == "cancel":
            return self._json(*book.cancel_anthropic(parts[3]))
        return self._json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

    def _batch_get(self, path: str) -> None:
        book = self.llm.batches
        self.llm._record(RecordedRequest("GET", path, None, {}, time.monotonic()))
        parts = path.strip("/").split("/")
        if len(parts) == 3 and parts[1] == "batches":
            return self._json(*book.get_openai(parts[2]))
        if len(parts) == 4 and parts[1] == "files" and parts[3] == "content":
            content = book.file_content(parts[2])
            return self._bytes(200, content, "application/octet-stream") if content is not None else \
                self._error("openai", 404, f"no file {parts[2]!r}")
        if len(parts) == 4 and parts[1] == "messages":
            return self._json(*book.get_anthropic(parts[3]))
        if len(parts) == 5 and parts[1] == "messages" and parts[4] == "results":
            content = book.anthropic_results(parts[3])
            return self._bytes(200, content, "application/x-jsonl") if content is not None else \
                self._error("anthropic", 404, f"no results for batch {parts[3]!r} (not ended?)")
        return self._json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})
