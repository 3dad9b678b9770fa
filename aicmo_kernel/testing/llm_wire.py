"""Wire formats of the loopback LLM server: answers, OpenAI chunks, Anthropic events, error bodies.

Kept apart from the server so that the protocol details (what each SDK parses) read in one place.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .schema_answer import answer_for_schema, topic_from_text

__all__ = [
    "Answer",
    "PromptCache",
    "anthropic_events",
    "endless_events",
    "endless_json",
    "error_body",
    "full_response",
    "make_answer",
    "openai_events",
    "prompt_text",
    "retry_after_header",
]


@dataclass
class Answer:
    text: str
    prompt_words: int
    schema: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def completion_words(self) -> int:
        """Output tokens as reported: the word count, unless the behaviour says otherwise."""
        return int(self.extra.get("usage_out") or len(self.text.split()))


def prompt_text(body: dict[str, Any]) -> str:
    parts: list[str] = []
    system = body.get("system")
    parts.extend(_texts(system))
    for message in body.get("messages") or []:
        if isinstance(message, dict):
            parts.extend(_texts(message.get("content")))
    return "\n".join(parts)


def _texts(content: Any) -> list[str]:
    if isinstance(content, str):
        return [content]
    if isinstance(content, list):
        return [
            block.get("text", "")
            for block in content
            if isinstance(block, dict) and isinstance(block.get("text"), str)
        ]
    return []


def _request_schema(body: dict[str, Any]) -> dict[str, Any] | None:
    fmt = body.get("response_format")
    if isinstance(fmt, dict) and isinstance(fmt.get("json_schema"), dict):
        schema = fmt["json_schema"].get("schema")
        return schema if isinstance(schema, dict) else None
    config = body.get("output_config")
    if isinstance(config, dict) and isinstance(config.get("format"), dict):
        schema = config["format"].get("schema")
        return schema if isinstance(schema, dict) else None
    return None


def make_answer(
    body: dict[str, Any],
    kind: str = "ok",
    *,
    data: Any = None,
    text: str | None = None,
    usage_out: int | None = None,
) -> Answer:
    """The answer text for ``kind`` (a behaviour name), with the prompt's word count;
    ``usage_out`` replaces the output tokens the usage reports (a server that miscounts)."""
    prompt = prompt_text(body)
    schema = _request_schema(body)
    topic = topic_from_text(_last_user_text(body) or prompt)
    if kind == "empty":
        text = ""
    elif kind == "malformed_json":
        text = '{"title": "An answer cut short", "items": ["first", '
    elif kind == "past_max_tokens":
        # A whole, well-formed answer that ignores the request's limit on output tokens.
        limit = int(body.get("max_tokens") or body.get("max_completion_tokens") or 1000)
        good = answer_for_schema(schema, topic) if schema else {"answer": topic}
        text = json.dumps(_padded(good, " more" * (limit + 100)))
    elif kind == "stub":
        # Fits the schema, but every sentence ends in a placeholder, as a lazy model's answer does.
        good = answer_for_schema(schema, topic) if schema else {"answer": topic}
        text = json.dumps(_stubbed(good))
    elif kind == "sloppy":
        # Fits the schema's shape, with the small slips real models make (see _sloppy).
        good = answer_for_schema(schema, topic) if schema else {"answer": topic}
        text = json.dumps(_sloppy(good, _enum_values(schema or {})), indent=1)
    elif kind == "schema_wrong":
        good = answer_for_schema(schema, topic) if schema else None
        text = json.dumps(_wrong_shape(good) if isinstance(good, dict) else ["not", "an", "object"])
    elif text is not None:
        pass
    elif data is not None:
        text = json.dumps(data)
    elif schema:
        text = json.dumps(answer_for_schema(schema, topic), indent=1)
    else:
        text = (
            f"Here is a short answer about {topic}: focus on one audience and one clear next step."
        )
    extra = {"usage_out": usage_out} if usage_out else {}
    return Answer(text=text, prompt_words=len(prompt.split()), schema=schema, extra=extra)


def _last_user_text(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages") or []):
        if isinstance(message, dict) and message.get("role") == "user":
            return "\n".join(_texts(message.get("content")))
    return ""


def _padded(value: Any, padding: str) -> Any:
    """``value`` with ``padding`` appended to its first string (depth first)."""
    done = [False]

    def walk(node: Any) -> Any:
        if done[0]:
            return node
        if isinstance(node, str):
            done[0] = True
            return node + padding
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict):
            return {key: walk(item) for key, item in node.items()}
        return node

    return walk(value)


def _stubbed(value: Any) -> Any:
    """``value`` with the last word of every multi-word string replaced by "TBD" (no longer)."""
    if isinstance(value, str):
        head, _, last = value.rpartition(" ")
        return f"{head} TBD" if head and len(last) >= 3 else value
    if isinstance(value, list):
        return [_stubbed(item) for item in value]
    if isinstance(value, dict):
        return {key: _stubbed(item) for key, item in value.items()}
    return value


def _enum_values(schema: Any) -> set[str]:
    """Every string a schema lists in an ``enum`` or ``const`` (nested schemas included)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        values = list(schema.get("enum") or []) + ([schema["const"]] if "const" in schema else [])
        found.update(v for v in values if isinstance(v, str))
        for item in schema.values():
            found |= _enum_values(item)
    elif isinstance(schema, list):
        for item in schema:
            found |= _enum_values(item)
    return found


def _sloppy(value: Any, enums: set[str], key: str = "", index: int = 0) -> Any:
    """``value`` with a careless model's slips: hashtags without "#", with "##" or with spaces
    around or inside; enum values in another case with a trailing period ("x" as "Twitter");
    whole numbers as strings; every other string wrapped in whitespace. Nothing is lengthened
    past a limit: the added characters are ones the output models drop."""
    if isinstance(value, dict):
        return {k: _sloppy(v, enums, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_sloppy(item, enums, key, i) for i, item in enumerate(value)]
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return f" {value} "
    if not isinstance(value, str):
        return value
    if "hashtag" in key and value.startswith("#"):
        tag = value[1:]
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tag)  # "#SundayRota" -> "#Sunday Rota"
        inside = f"#{spaced}" if spaced != tag else f"# {tag}"
        return [tag, f"  #{tag} ", f"##{tag}", f"#{tag}.", inside][index % 5]
    if value in enums:
        if value == "x":
            return "Twitter"
        return (value.upper() if index % 2 else value.title()) + ". "
    return f"\n {value}  "


def _wrong_shape(good: dict[str, Any]) -> dict[str, Any]:
    # Same keys, every value of the wrong JSON type, plus a key the schema does not know.
    def wrong(value: Any) -> Any:
        if isinstance(value, str):
            return 42
        if isinstance(value, bool) or isinstance(value, (int, float)):
            return ["not", "a", "number"]
        if isinstance(value, list):
            return "not a list"
        if isinstance(value, dict):
            return "not an object"
        return 7

    return {**{k: wrong(v) for k, v in good.items()}, "unexpected_field": True}


def _pieces(text: str, words_per_piece: int = 3) -> list[str]:
    words = text.split(" ")
    return (
        [
            " ".join(words[i : i + words_per_piece])
            + (" " if i + words_per_piece < len(words) else "")
            for i in range(0, len(words), words_per_piece)
        ]
        if text
        else []
    )


def _sse(data: Any, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    payload = data if isinstance(data, str) else json.dumps(data)
    return f"{head}data: {payload}\n\n".encode()


def _openai_usage(answer: Answer) -> dict[str, Any]:
    usage: dict[str, Any] = {
        "prompt_tokens": answer.prompt_words,
        "completion_tokens": answer.completion_words,
        "total_tokens": answer.prompt_words + answer.completion_words,
    }
    if answer.extra.get("cache_read"):
        usage["prompt_tokens_details"] = {"cached_tokens": answer.extra["cache_read"]}
    return usage


def _anthropic_input(answer: Answer) -> dict[str, int]:
    """Anthropic reports the uncached input, cache reads and cache writes apart."""
    read, write = int(answer.extra.get("cache_read") or 0), int(answer.extra.get("cache_write") or 0)
    usage = {"input_tokens": answer.prompt_words - read - write}
    if read or write:
        usage.update(cache_read_input_tokens=read, cache_creation_input_tokens=write)
    return usage


def _anthropic_usage(answer: Answer) -> dict[str, int]:
    return {**_anthropic_input(answer), "output_tokens": answer.completion_words}


class PromptCache:
    """Which prompt prefixes the server has seen, to report cache reads and writes as the
    providers do. Anthropic caches the prefix up to each block marked ``cache_control`` (at most
    four): it reads the longest marked prefix it has seen and writes the rest up to the last mark.
    OpenAI caches any prompt of ``min_words`` or more by itself, in steps of 128 tokens. On both,
    the requested output format is part of what is cached (OpenAI puts the structured-output
    schema before the system message; Anthropic's ``output_config`` is part of its cache key), so
    two prompts with different schemas share nothing. Tokens are words here, as in all the
    server's usage."""

    def __init__(self, min_words: int = 1024) -> None:
        self.min_words = min_words
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def usage(self, api: str, body: dict[str, Any]) -> dict[str, int]:
        salt = str(body.get("model") or "") + "\0" + json.dumps(
            body.get("output_config") or body.get("response_format") or {}, sort_keys=True)
        if api == "anthropic":
            prefixes = [text.split() for text in _marked_prefixes(body)]
            marked = [(len(words), _digest(salt, words)) for words in prefixes if len(words) >= self.min_words]
            if not marked:
                return {}
            with self._lock:
                read = max((n for n, key in marked if key in self._seen), default=0)
                self._seen.update(key for _, key in marked)
            written = marked[-1][0] - read
            return {key: value for key, value in (("cache_read", read), ("cache_write", written)) if value}
        words = prompt_text(body).split()
        steps = range(self.min_words, len(words) + 1, 128)
        keys = [(n, _digest(salt, words[:n])) for n in steps]
        with self._lock:
            cached = max((n for n, key in keys if key in self._seen), default=0)
            self._seen.update(key for _, key in keys)
        return {"cache_read": cached} if cached else {}


def _marked_prefixes(body: dict[str, Any]) -> list[str]:
    """The text up to and including each block marked ``cache_control`` (system, then messages)."""
    blocks: list[dict[str, Any]] = []
    system = body.get("system")
    if isinstance(system, list):
        blocks.extend(b for b in system if isinstance(b, dict))
    elif isinstance(system, str):
        blocks.append({"text": system})
    for message in body.get("messages") or []:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, list):
            blocks.extend(b for b in content if isinstance(b, dict))
        elif isinstance(content, str):
            blocks.append({"text": content})
    marked = [i for i, block in enumerate(blocks) if block.get("cache_control")]
    return ["\n".join(str(block.get("text") or "") for block in blocks[: i + 1]) for i in marked]


def _digest(salt: str, words: list[str]) -> str:
    import hashlib

    return hashlib.sha256((salt + "\0" + " ".join(words)).encode()).hexdigest()


def full_response(api: str, body: dict[str, Any], answer: Answer) -> dict[str, Any]:
    model = str(body.get("model") or "loopback")
    if api == "anthropic":
        return {
            "id": "msg_loopback",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": [{"type": "text", "text": answer.text}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": _anthropic_usage(answer),
        }
    return {
        "id": "chatcmpl-loopback",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer.text, "refusal": None},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": _openai_usage(answer),
    }


def _openai_chunker(body: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """The fields every chunk of this stream shares, and a function making one chunk."""
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    base = {
        "id": "chatcmpl-loopback",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": str(body.get("model") or "loopback"),
    }
    extra = {"usage": None} if include_usage else {}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
        return _sse(
            {
                **base,
                "choices": [
                    {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
                ],
                **extra,
            }
        )

    return base, chunk


def openai_events(body: dict[str, Any], answer: Answer) -> list[bytes]:
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    base, chunk = _openai_chunker(body)
    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in _pieces(answer.text)]
    events.append(chunk({}, "stop"))
    if include_usage:
        events.append(_sse({**base, "choices": [], "usage": _openai_usage(answer)}))
    events.append(_sse("[DONE]"))
    return events


def _endless_text() -> Iterator[str]:
    """The opening of a JSON answer, then three words at a time, for ever."""
    yield '{"title": "'
    yield from itertools.cycle(["and then some ", "more words about ", "the same thing "])


def endless_events(api: str, body: dict[str, Any]) -> Iterator[bytes]:
    """A stream whose text never ends (the server stops sending when the client leaves)."""
    if api == "openai":
        _, chunk = _openai_chunker(body)
        yield chunk({"role": "assistant", "content": ""})
        for piece in _endless_text():
            yield chunk({"content": piece})
        return
    head = anthropic_events(body, Answer(text="", prompt_words=len(prompt_text(body).split())))
    yield from head[:3]  # message_start, content_block_start, ping
    for piece in _endless_text():
        yield _sse(
            {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}},
            "content_block_delta",
        )


def endless_json(api: str, body: dict[str, Any]) -> Iterator[bytes]:
    """A non-streamed response body that never closes: its answer text grows for ever."""
    whole = json.dumps(full_response(api, body, Answer(text="\u0000", prompt_words=0)))
    opening = whole.split('"\\u0000"', 1)[0] + '"'
    yield opening.encode()
    for piece in _endless_text():
        yield json.dumps(piece)[1:-1].encode()


def anthropic_events(body: dict[str, Any], answer: Answer) -> list[bytes]:
    model = str(body.get("model") or "loopback")
    start = {
        "id": "msg_loopback",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {**_anthropic_input(answer), "output_tokens": 1},
    }
    events = [
        _sse({"type": "message_start", "message": start}, "message_start"),
        _sse(
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
            "content_block_start",
        ),
        _sse({"type": "ping"}, "ping"),
    ]
    events += [
        _sse(
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": piece},
            },
            "content_block_delta",
        )
        for piece in _pieces(answer.text)
    ]
    events += [
        _sse({"type": "content_block_stop", "index": 0}, "content_block_stop"),
        _sse(
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": answer.completion_words},
            },
            "message_delta",
        ),
        _sse({"type": "message_stop"}, "message_stop"),
    ]
    return events


def retry_after_header(seconds: float) -> str:
    # The header is whole seconds by the HTTP spec; retry-after-ms carries the precise value.
    whole = int(seconds)
    return str(whole if whole == seconds else whole + 1)


def error_body(api: str, status: int, message: str) -> dict[str, Any]:
    """The error JSON each SDK reads to build its exception (type, message, code)."""
    if api == "anthropic":
        kind = {
            400: "invalid_request_error",
            401: "authentication_error",
            403: "permission_error",
            404: "not_found_error",
            429: "rate_limit_error",
            529: "overloaded_error",
        }.get(status, "api_error")
        return {
            "type": "error",
            "error": {"type": kind, "message": message},
            "request_id": "req_loopback",
        }
    code = {429: "rate_limit_exceeded", 401: "invalid_api_key"}.get(status)
    kind = {429: "requests"}.get(
        status, "server_error" if status >= 500 else "invalid_request_error"
    )
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}
