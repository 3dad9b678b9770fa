"""Readable JSON that fits a JSON schema: the loopback server's default answer.

``answer_for_schema(schema, topic)`` walks a JSON schema generically ($ref/$defs, anyOf/oneOf/
allOf, nullable types, enum, const, string length and format, array sizes, integer and number
bounds, nested objects) and fills every string with a plain sentence built from the field name and
the topic of the request. It never emits placeholder markers (TODO, TBD, lorem ipsum, ``[insert
...]``, ``{{...}}``), because the product's QC rejects them and tests should see realistic drafts.

Anthropic-shaped schemas carry unsupported constraints inside the description as
``{maxLength: 80, minimum: 1}`` (what the SDK's schema transform does); those are honoured too.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

__all__ = ["answer_for_schema", "topic_from_text"]

_MAX_DEPTH = 8

_SENTENCES = (
    "Lead with the customer's problem, then show how {topic} solves it in plain words.",
    "Keep one idea per paragraph and end with a single clear next step.",
    "Back each claim with a number the team can check before it is published.",
    "Speak to the people who feel the pain most and name the outcome they want.",
    "Use the brand voice: confident, warm and specific rather than clever.",
    "Measure the result weekly and drop what does not move the main goal.",
)
_TITLE_ENDINGS = (
    "a clear plan for the next quarter",
    "what customers value most",
    "the three moves that matter",
    "turning interest into booked calls",
    "proof before promises",
)
_CONSTRAINT_HINT = re.compile(r"\{\s*(\w+\s*:\s*[^{}]+)\}\s*$")


def topic_from_text(text: str) -> str:
    """A short topic for the request: a named brand/client/topic if the prompt has one."""
    json_hit = re.search(
        r'"(topic|brand|brand_name|client|client_name|company|campaign_name|product|name)"\s*:\s*"([^"\n]{2,60})"',
        text,
        re.I,
    )
    if json_hit:
        return json_hit.group(2).strip()
    line_hit = re.search(
        r"(?im)^[\s\-*#]*(topic|brand|client|client name|company|campaign|product|subject)"
        r"\s*[:=]\s*(.{2,60}?)\s*$",
        text,
    )
    if line_hit:
        return line_hit.group(2).strip().rstrip(".")
    words = re.findall(r"[A-Za-z][A-Za-z0-9'&-]*", text)
    return " ".join(words[:5]) or "the campaign"


def answer_for_schema(schema: dict[str, Any], topic: str) -> Any:
    """A value that validates against ``schema``, with readable text about ``topic``."""
    return _Filler(schema, topic).value(schema, "answer", 0, 0)


class _Filler:
    def __init__(self, root: dict[str, Any], topic: str) -> None:
        self.root = root
        self.topic = topic.strip() or "the campaign"

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        # Follow local refs, keeping sibling keywords (descriptions) that sit beside them.
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 20:
            target: Any = self.root
            for part in schema["$ref"].lstrip("#/").split("/"):
                target = target.get(part, {}) if isinstance(target, dict) else {}
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **siblings}
            seen += 1
        return schema if isinstance(schema, dict) else {}

    def value(self, schema: dict[str, Any], name: str, index: int, depth: int) -> Any:
        schema = self.resolve(schema)
        schema = {**_hinted_constraints(schema), **schema}
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            return schema["enum"][0]
        for key in ("anyOf", "oneOf"):
            if schema.get(key):
                options = [self.resolve(o) for o in schema[key]]
                non_null = [o for o in options if o.get("type") != "null"]
                if not non_null or depth >= _MAX_DEPTH:
                    return (
                        None
                        if len(non_null) < len(options)
                        else self.value(options[0], name, index, depth + 1)
                    )
                return self.value(non_null[0], name, index, depth + 1)
        if schema.get("allOf"):
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                merged.update(self.resolve(part))
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            return self.value({**merged, **rest}, name, index, depth + 1)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind is None:
            kind = (
                "object" if "properties" in schema else "array" if "items" in schema else "string"
            )
        if kind == "object":
            return self.object(schema, depth)
        if kind == "array":
            return self.array(schema, name, depth)
        if kind == "integer":
            return int(_number_in_bounds(schema, integer=True, index=index))
        if kind == "number":
            return float(_number_in_bounds(schema, integer=False, index=index))
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return self.string(schema, name, index)

    def object(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        props = schema.get("properties") or {}
        if depth >= _MAX_DEPTH:
            required = set(schema.get("required") or ())
            props = {k: v for k, v in props.items() if k in required}
        out = {key: self.value(sub, key, 0, depth + 1) for key, sub in props.items()}
        extra = schema.get("additionalProperties")
        if not props and isinstance(extra, dict) and depth < _MAX_DEPTH:
            out["note"] = self.value(extra, "note", 0, depth + 1)
        return out

    def array(self, schema: dict[str, Any], name: str, depth: int) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = schema.get("maxItems")
        count = max(low, 2 if depth < _MAX_DEPTH else 0)
        if high is not None:
            count = min(count, int(high))
        prefix = schema.get("prefixItems") or []
        items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        singular = name[:-1] if name.endswith("s") and len(name) > 3 else name
        return [
            self.value(prefix[i] if i < len(prefix) else items, singular, i, depth + 1)
            for i in range(count)
        ]

    def string(self, schema: dict[str, Any], name: str, index: int) -> str:
        fmt = schema.get("format", "")
        text = _formatted(fmt, self.topic, index) or self.sentence(name, index)
        low = int(schema.get("minLength", 0))
        high = schema.get("maxLength")
        pad = 0
        while len(text) < low and pad < 50:
            text = f"{text} {_SENTENCES[(index + pad) % len(_SENTENCES)].format(topic=self.topic)}"
            pad += 1
        if high is not None and len(text) > int(high):
            text = _trim(text, int(high))
        return text

    def sentence(self, name: str, index: int) -> str:
        label = re.sub(r"[_\-]+", " ", name).strip().lower() or "answer"
        topic = self.topic
        pick = (zlib.crc32(label.encode()) + index) % len(_SENTENCES)
        if "hashtag" in label or label in {"tag", "tags"}:
            return (
                "#"
                + "".join(w.capitalize() for w in re.findall(r"[A-Za-z0-9]+", topic))[:24]
                + (str(index + 1) if index else "")
            )
        if "email" in label and "subject" not in label:
            return f"hello{index or ''}@{_slug(topic)}.example.com"
        if any(w in label for w in ("url", "website", "link")):
            return f"https://{_slug(topic)}.example.com/{index + 1}"
        if label in {"cta", "call to action"} or label.endswith(" cta"):
            return f"Book a short call with the {topic} team this week."
        if any(w in label for w in ("title", "headline", "name", "subject", "hook", "heading")):
            ending = _TITLE_ENDINGS[(pick + index) % len(_TITLE_ENDINGS)]
            return f"{topic}: {ending}"
        if any(
            w in label
            for w in ("content", "body", "markdown", "description", "summary", "text", "rationale")
        ):
            first = _SENTENCES[pick].format(topic=topic)
            second = _SENTENCES[(pick + 1) % len(_SENTENCES)].format(topic=topic)
            return f"{label.capitalize()} for {topic}. {first} {second}"
        return f"{label.capitalize()} for {topic}: {_SENTENCES[pick].format(topic=topic)}"


def _hinted_constraints(schema: dict[str, Any]) -> dict[str, Any]:
    description = schema.get("description")
    if not isinstance(description, str):
        return {}
    match = _CONSTRAINT_HINT.search(description)
    if not match:
        return {}
    found: dict[str, Any] = {}
    for part in match.group(1).split(","):
        key, _, raw = part.partition(":")
        try:
            found[key.strip()] = float(raw) if "." in raw else int(raw)
        except ValueError:
            continue
    return found


def _number_in_bounds(schema: dict[str, Any], *, integer: bool, index: int) -> float:
    step = 1 if integer else 0.5
    low = schema.get("minimum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + step
    high = schema.get("maximum")
    if "exclusiveMaximum" in schema:
        high = schema["exclusiveMaximum"] - step
    if low is not None and high is not None:
        value = (low + high) / 2
    elif low is not None:
        value = low + 2 * step
    elif high is not None:
        value = min(high, 3 + index)
    else:
        value = 3 + index if integer else 12.5
    return int(value) if integer else value


def _formatted(fmt: str, topic: str, index: int) -> str | None:
    day = 10 + index % 18
    return {
        "date": f"2025-03-{day:02d}",
        "date-time": f"2025-03-{day:02d}T09:00:00Z",
        "time": "09:00:00",
        "email": f"hello{index or ''}@{_slug(topic)}.example.com",
        "uri": f"https://{_slug(topic)}.example.com/{index + 1}",
        "url": f"https://{_slug(topic)}.example.com/{index + 1}",
        "hostname": f"{_slug(topic)}.example.com",
        "uuid": f"00000000-0000-4000-8000-{index + 1:012d}",
        "ipv4": "192.0.2.10",
        "ipv6": "2001:db8::10",
        "duration": "P1W",
    }.get(fmt)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:40] or "brand"


def _trim(text: str, limit: int) -> str:
    if limit <= 0:
        return ""
    cut = text[:limit]
    if len(text) > limit and " " in cut:
        cut = cut[: cut.rfind(" ")]
    cut = cut.rstrip(" ,;:-")
    return cut or text[:limit]
